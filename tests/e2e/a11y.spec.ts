import { test } from "@playwright/test";
import { expectClean, scan } from "./axe";
import { demo } from "./helpers";
import { publicDetails } from "./pages";
import { signIn, type StorageState } from "./requests-helpers";

// Issue #14: axe-core (tests/e2e/axe.ts) on the main pages of every role, in
// Chinese and in English, on the desktop; phone.spec.ts scans a few at 390 px.

// Each test scans a dozen pages or more, twice.
test.describe.configure({ timeout: 240_000 });

test("the public pages have no serious accessibility violations (zh and en)", async ({ page }) => {
  const d = await publicDetails(page);
  const paths = ["/", "/catalogue", d.catalogueItem, "/agencies", d.agency, "/requests", d.request];
  paths.push("/announcements", d.announcement, "/credit", "/login", "/register", "/audit");
  expectClean(await scan(page, paths));
});

const rolePages: [string, string, string[]][] = [
  ["enterprise", demo.enterprise, ["/dashboard", "/requests/new", "/requests?mine=1", "/cases"]],
  ["agency", demo.agency, ["/dashboard", "/agency/profile", "/agency/exit"]],
  [
    "regulator",
    demo.regulator,
    ["/regulator", "/regulator/reviews", "/regulator/objections", "/regulator/fairness", "/cases", "/dashboard"],
  ],
  ["admin", demo.admin, ["/admin/catalogue"]],
];

test.describe("signed in", () => {
  let states: Record<string, StorageState>;
  test.beforeAll(async ({ browser }) => {
    states = await signIn(browser, Object.values(demo));
  });

  for (const [role, email, paths] of rolePages) {
    test(`the ${role}'s pages have no serious accessibility violations (zh and en)`, async ({ page }) => {
      // The signed-in cookies in the test's own page (its context is the one traced).
      await page.context().addCookies(states[email]!.cookies);
      expectClean(await scan(page, paths));
    });
  }
});
