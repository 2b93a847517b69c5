import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { LANGS, withLang } from "./pages";

// Issue #14: axe-core against WCAG 2.0/2.1 A and AA. A violation of impact
// "serious" or "critical" fails; each is printed with its rule, impact,
// targets and page.

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const FAILING = new Set(["serious", "critical"]);

/** Scans each page in both languages; returns one line per serious or critical violation. */
export async function scan(page: Page, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const lang of LANGS) {
    for (const path of paths) {
      const url = withLang(path, lang);
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      for (const v of violations) {
        if (!FAILING.has(v.impact ?? "")) continue;
        const targets = v.nodes.map((n) => n.target.join(" ")).join(" | ");
        found.push(`${url}: ${v.id} (${v.impact}) ${v.nodes.length}× — ${targets}`);
      }
    }
  }
  return found;
}

export function expectClean(found: string[]) {
  expect(found, `serious or critical accessibility violations:\n${found.join("\n")}`).toEqual([]);
}
