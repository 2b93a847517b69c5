import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectClean, scan } from "./axe";
import { demo, hydrated, login } from "./helpers";
import { advanceClock, beijingLocal, deadlineAfter } from "./requests-helpers";
import { LANGS, publicDetails, withLang, type Lang } from "./pages";

// The site on a phone (the `phone` project: 390 × 844) and the header at 1280 px.
// The assertions are the test: nothing scrolls sideways, the main navigation is
// folded behind a menu that opens (without JavaScript: it is a <details>), and
// at 1280 px the navigation keeps to one row in English. The screenshots are
// documentation only (docs/screenshots/phone and docs/screenshots/desktop),
// rewritten on every run; nothing compares them.

const text = {
  zh: { menu: "菜单", nav: "主导航", requests: "项目" },
  en: { menu: "Menu", nav: "Main navigation", requests: "Requests" },
} as const;

const SHOTS = "docs/screenshots";
mkdirSync(`${SHOTS}/phone`, { recursive: true });
mkdirSync(`${SHOTS}/desktop`, { recursive: true });

async function shoot(page: Page, dir: "phone" | "desktop", name: string) {
  // CSS pixels (not the phone's 2× device pixels) and the first screen only: small files.
  await page.screenshot({ path: `${SHOTS}/${dir}/${name}.png`, scale: "css" });
}

/** Opens a page on the phone and checks the layout; `shot` names its screenshot. */
async function checkPhonePage(page: Page, path: string, lang: Lang, shot?: string) {
  const response = await page.goto(withLang(path, lang));
  expect(response?.status(), path).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", lang);

  const width = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(width.scroll, `${path} (${lang}) scrolls sideways`).toBeLessThanOrEqual(width.client);

  // The header is one short row: before this layout it took ~190 px of the 844.
  const header = await page.getByRole("banner").boundingBox();
  expect(header!.height, `${path} header height`).toBeLessThanOrEqual(80);

  // The main navigation exists but is folded away until the menu is opened.
  const t = text[lang];
  await expect(page.getByRole("navigation", { name: t.nav, includeHidden: true })).not.toHaveCount(0);
  await expect(page.getByRole("navigation", { name: t.nav })).toHaveCount(0);
  if (shot) await shoot(page, "phone", shot);

  const menu = page.getByRole("banner").locator("summary", { hasText: t.menu });
  await menu.click();
  const nav = page.getByRole("navigation", { name: t.nav });
  await expect(nav).toBeVisible();
  await expect(nav.getByRole("link", { name: t.requests, exact: true })).toBeVisible();
  const open = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  expect(open, `${path} (${lang}) scrolls sideways with the menu open`).toBe(true);
  await menu.click();
  await expect(page.getByRole("navigation", { name: t.nav })).toHaveCount(0);
}

/** A page of the opening notices that shows a draw's commitment (a 64-character hex string). */
async function announcementWithCommitment(page: Page): Promise<string> {
  for (let n = 1; n <= 10; n++) {
    const path = `/announcements?kind=REQUEST_OPEN&page=${n}`;
    await page.goto(withLang(path, "zh"));
    if (
      (await page
        .locator("main")
        .getByText(/[0-9a-f]{64}/)
        .count()) > 0
    )
      return path;
  }
  throw new Error("no opening notice with a draw commitment in the first 10 pages");
}

test.describe("on a phone", () => {
  for (const lang of LANGS) {
    test(`the public pages (${lang})`, async ({ page }) => {
      const details = await publicDetails(page);
      const pages: [string, string | undefined][] = [
        ["/", lang === "zh" ? "home-zh" : undefined],
        ["/catalogue", lang === "zh" ? "catalogue-zh" : undefined],
        [details.catalogueItem, lang === "en" ? "catalogue-item-en" : undefined],
        ["/agencies", lang === "zh" ? "agencies-zh" : undefined],
        [details.agency, lang === "zh" ? "agency-zh" : undefined],
        ["/requests", `requests-${lang}`],
        [details.request, lang === "en" ? "request-en" : undefined],
        ["/announcements", lang === "zh" ? "announcements-zh" : undefined],
        [details.announcement, lang === "en" ? "announcement-en" : undefined],
        ["/credit", lang === "zh" ? "credit-zh" : undefined],
        ["/login", undefined],
      ];
      for (const [path, shot] of pages) await checkPhonePage(page, path, lang, shot);

      // A list page holding a token with no break in it: the 64-hex commitment of a
      // random draw's opening notice (seeded history has some). Which page of the
      // list shows one depends on what else was published, so it is looked up here.
      await checkPhonePage(page, await announcementWithCommitment(page), lang);

      // The open menu, for the record.
      await page.goto(withLang("/", lang));
      await page.getByRole("banner").locator("summary").click();
      await shoot(page, "phone", `menu-open-${lang}`);
    });
  }

  test("a few pages have no serious accessibility violations at 390 px (zh and en)", async ({ page }) => {
    test.setTimeout(180_000);
    const d = await publicDetails(page);
    expectClean(await scan(page, ["/", "/requests", d.request, "/login"]));
    await page.goto("/?lng=zh"); // the login helper fills in the Chinese form
    await login(page, demo.enterprise);
    expectClean(await scan(page, ["/dashboard", "/requests/new"]));
  });

  test("text with no break in it wraps on every page that shows it (zh and en)", async ({ page }) => {
    test.setTimeout(120_000);
    // What an enterprise may type: a Latin title with no space, a long link, a reference number.
    const stamp = Date.now();
    const title = `EnvironmentalImpactAssessmentForTheNewPlantExpansionPhaseTwo${stamp}`;
    const description = `资料见 https://example.com/projects/plant-expansion/phase-two/documents/eia-scope-${stamp}-final-v3.pdf 编号ZJ${"0123456789".repeat(6)}`;
    await page.goto("/?lng=zh");
    await login(page, demo.enterprise);
    const now = await advanceClock(page, 0);
    await page.goto("/requests/new");
    await expect.poll(() => hydrated(page)).toBe(true);
    await page.getByLabel("服务事项").selectOption("ZJ-PT-009");
    await page.getByLabel("项目名称").fill(title);
    await page.getByLabel("项目说明").fill(description);
    await page.getByLabel("企业自有资金").check();
    await page.getByLabel("直接选取", { exact: true }).check();
    await page.getByLabel("最高限价（元）").fill("60000");
    await page.getByLabel("报名截止时间").fill(beijingLocal(deadlineAfter(now, 3600)));
    await page.getByLabel("服务时限（天）").fill("30");
    await page.getByLabel("中选公示天数").fill("1");
    await page.getByRole("button", { name: "发布", exact: true }).click();
    await expect(page).toHaveURL(/\/requests\/[0-9a-f-]+\?published=ok$/);
    const request = new URL(page.url()).pathname;
    await page.goto(`/announcements?kind=REQUEST_OPEN`);
    const notice = await page
      .getByRole("link", { name: new RegExp(`${stamp}`) })
      .first()
      .getAttribute("href");
    for (const lang of LANGS) {
      for (const path of [request, "/requests", "/requests?mine=1", "/dashboard", "/announcements?kind=REQUEST_OPEN", notice!]) {
        await checkPhonePage(page, path, lang);
      }
    }
  });

  const rolePages = [
    ["enterprise", demo.enterprise, ["/dashboard", "/requests/new", "/cases"]],
    ["agency", demo.agency, ["/dashboard", "/agency/profile", "/cases"]],
    ["regulator", demo.regulator, ["/regulator", "/regulator/reviews", "/regulator/objections", "/cases", "/dashboard"]],
    ["admin", demo.admin, ["/admin/catalogue", "/dashboard"]],
  ] as const;
  const roleShots: Record<string, string> = {
    "enterprise /requests/new zh": "enterprise-new-request-zh",
    "agency /agency/profile en": "agency-profile-en",
    "regulator /regulator zh": "regulator-zh",
    "regulator /cases en": "regulator-cases-en",
  };
  for (const [role, email, paths] of rolePages) {
    test(`the ${role}'s pages (zh and en)`, async ({ page }) => {
      await login(page, email);
      for (const lang of LANGS) {
        for (const path of paths) await checkPhonePage(page, path, lang, roleShots[`${role} ${path} ${lang}`]);
      }
    });
  }
});

test.describe("at 1280 px", () => {
  test.use({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false });

  test("the navigation is expanded and keeps to one row, also in English and signed in", async ({ page }) => {
    await login(page, demo.enterprise);
    for (const lang of LANGS) {
      for (const path of ["/requests", "/dashboard"]) {
        await page.goto(withLang(path, lang));
        const nav = page.getByRole("navigation", { name: text[lang].nav });
        await expect(nav).toBeVisible();
        await expect(page.getByRole("banner").locator("summary")).toBeHidden();
        const tops = await nav.getByRole("link").evaluateAll((as) => as.map((a) => Math.round(a.getBoundingClientRect().top)));
        expect(new Set(tops).size, `${path} (${lang}): the navigation wraps`).toBe(1);
        // The brand and the account actions share the row above it.
        const header = await page.getByRole("banner").boundingBox();
        expect(header!.height).toBeLessThanOrEqual(120);
        if (path === "/requests") await shoot(page, "desktop", `requests-${lang}`);
      }
    }
    await page.goto(withLang("/", "en"));
    await shoot(page, "desktop", "home-en");
  });
});
