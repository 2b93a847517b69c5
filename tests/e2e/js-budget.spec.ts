import { gzipSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";

// What a reader's browser downloads to run a public page: every script the
// page loads (entry, route modules, shared chunks, the strings of its
// language), gzip-compressed as it travels. A page that grows past the budget
// fails here, with the list of what it loaded. Only the page's language is
// loaded; the other one arrives when the reader switches.
//
// The budget is today's figure with a little room (docs/decisions/026-one-language-per-browser.md): React
// and React Router alone are about 88 KB of it. Lower it when a page gets lighter. 170 → 180 KB when the
// strings of random inspections, mail and the API page (about 7 KB per language) joined the one strings
// chunk every page loads; per-page strings would take them out again.
const BUDGET_KB = Number(process.env.JS_BUDGET_KB ?? 180);

const PAGES = ["/", "/catalogue", "/agencies", "/requests", "/announcements", "/credit", "/login", "/register"];

async function scriptsOf(page: Page, path: string, lang: "zh" | "en") {
  const scripts = new Map<string, number>();
  page.on("response", async (res) => {
    if (res.request().resourceType() !== "script" || !res.ok()) return;
    const body = await res.body().catch(() => null);
    if (body) scripts.set(new URL(res.url()).pathname, gzipSync(body, { level: 9 }).length);
  });
  await page.goto(`${path}${path.includes("?") ? "&" : "?"}lng=${lang}`);
  await page.waitForLoadState("networkidle");
  // Hydrated: the language switch is a live form.
  await expect(page.locator("html")).toHaveAttribute("lang", lang === "zh" ? /^zh/ : /^en/);
  return scripts;
}

for (const lang of ["zh", "en"] as const) {
  test(`public pages load at most ${BUDGET_KB} KB of JavaScript (gzip), one language's strings (${lang})`, async ({ browser }) => {
    const report: string[] = [];
    for (const path of PAGES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const scripts = await scriptsOf(page, path, lang);
      await context.close();
      const total = [...scripts.values()].reduce((a, b) => a + b, 0) / 1024;
      report.push(`${path}: ${total.toFixed(1)} KB in ${scripts.size} scripts`);
      expect(
        total,
        `${path} (${lang}) loads ${total.toFixed(1)} KB:\n${[...scripts].map(([u, n]) => `  ${u} ${(n / 1024).toFixed(1)} KB`).join("\n")}`,
      ).toBeLessThanOrEqual(BUDGET_KB);
      // One language's strings: the other language's chunk never loads.
      const other = lang === "zh" ? /\/assets\/en-[\w-]+\.js$/ : /\/assets\/zh-[\w-]+\.js$/;
      expect(
        [...scripts.keys()].filter((u) => other.test(u)),
        `${path}: the other language's strings`,
      ).toEqual([]);
    }
    console.log(`[js-budget ${lang}] ${report.join("; ")}`);
  });
}

test("switching the language loads the other language's strings and shows the page in it", async ({ page }) => {
  await page.goto("/catalogue?lng=zh");
  await page.waitForLoadState("networkidle");
  const loaded: string[] = [];
  page.on("response", (res) => {
    if (res.request().resourceType() === "script") loaded.push(new URL(res.url()).pathname);
  });
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", /^en/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/catalogue/i);
  expect(
    loaded.some((u) => /\/assets\/en-[\w-]+\.js$/.test(u)),
    `scripts loaded on the switch: ${loaded.join(", ")}`,
  ).toBe(true);
});
