import { expect, type Page } from "@playwright/test";

// The pages a whole-site browser test walks through (the phone layout, the
// accessibility scan): the language switch by query string and the detail
// pages found from their lists, so the tests do not depend on seeded ids.

export type Lang = "zh" | "en";
export const LANGS = ["zh", "en"] as const;

/** The path with ?lng=<lang> (the language switch: it also sets the language cookie). */
export function withLang(path: string, lang: Lang) {
  return `${path}${path.includes("?") ? "&" : "?"}lng=${lang}`;
}

/** The first link on a list page to one of its detail pages. */
export async function firstDetail(page: Page, list: string, pattern: RegExp): Promise<string> {
  await page.goto(list);
  const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a detail link on ${list}`).toBeTruthy();
  return href!;
}

/** One detail page of each public list: a catalogue item, an agency, a request, an announcement. */
export async function publicDetails(page: Page) {
  return {
    catalogueItem: await firstDetail(page, "/catalogue", /^\/catalogue\/[^/?]+$/),
    agency: await firstDetail(page, "/agencies", /^\/agencies\/[^/?]+$/),
    request: await firstDetail(page, "/requests", /^\/requests\/[^/?]+$/),
    announcement: await firstDetail(page, "/announcements", /^\/announcements\/[^/?]+$/),
  };
}
