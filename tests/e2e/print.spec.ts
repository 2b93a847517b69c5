import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";

// Announcements, award notices and the credit disclosure on A4 paper: the print
// stylesheet (app/app.css) keeps the document and drops the site around it. Each
// page is rendered to a PDF by Chromium (kept in tests/.tmp/print for a look; the
// top of each printed page is in docs/screenshots/print, rewritten on every run).

const OUT = "tests/.tmp/print";
mkdirSync(OUT, { recursive: true });
mkdirSync("docs/screenshots/print", { recursive: true });

async function firstAnnouncement(page: Page, kind: string): Promise<string> {
  await page.goto(`/announcements?kind=${kind}`);
  const href = await page.locator('main a[href^="/announcements/"]').first().getAttribute("href");
  expect(href, `a ${kind} announcement in the demo data`).toBeTruthy();
  return href!;
}

/** PDF page objects (`/Type /Page`, not `/Pages`). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

async function checkPrinted(page: Page, path: string, name: string, maxPages: number) {
  await page.setViewportSize({ width: 1280, height: 900 });
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  await page.emulateMedia({ media: "print" });
  // Only the document: no navigation, menu, language switch, forms or buttons.
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
  for (const form of await page.locator("main form").all()) await expect(form).toBeHidden();
  await expect(page.locator("main h1")).toBeVisible();
  await expect(page.getByText("中介超市").first()).toBeVisible();
  // A4 less 15 mm margins is about 680 CSS px across: nothing wider than the paper.
  await page.setViewportSize({ width: 680, height: 960 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${path} is wider than A4`).toBeLessThanOrEqual(0);
  // Documentation only (like the phone spec's): the top of the printed page.
  await page.screenshot({ path: `docs/screenshots/print/${name}.png`, scale: "css" });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  writeFileSync(`${OUT}/${name}.pdf`, pdf);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const pages = pdfPages(pdf);
  expect(pages, `${path}: ${pages} A4 pages`).toBeGreaterThanOrEqual(1);
  expect(pages, `${path}: ${pages} A4 pages`).toBeLessThanOrEqual(maxPages);
  await page.emulateMedia({ media: "screen" });
}

test("an award notice, a request announcement and the credit disclosure print on A4 without the site around them", async ({ page }) => {
  test.slow();
  const award = await firstAnnouncement(page, "AWARD");
  const open = await firstAnnouncement(page, "REQUEST_OPEN");
  await checkPrinted(page, award, "award-notice", 3);
  // The award notice keeps its ranking table, with its header row.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("columnheader").first()).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await checkPrinted(page, open, "request-announcement", 2);
  await checkPrinted(page, "/credit", "credit-disclosure", 10);
});

test("the print button opens the browser's print dialog", async ({ page }) => {
  await page.goto("/credit");
  const button = page.getByRole("button", { name: "打印" });
  await expect(button).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await button.click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
});
