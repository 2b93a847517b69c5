import { expect, test, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../seeds/demo-data";
import { demo, hydrated, login } from "./helpers";

// The Content-Security-Policy of every HTML document (docs/decisions/016-content-security-policy.md):
// a fresh nonce per response on every inline script — or, on a public page an
// anonymous visitor may get from a cache (decision 032), the hash of each inline
// script and no nonce — no violation on the main pages, and the app still
// hydrates for a signed-in user (client-side navigation, JavaScript forms). An
// anonymous reader's page is plain HTML (decision 037): no inline script at all,
// only the small enhancement script, from this origin.

const REST =
  "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const POLICY = new RegExp(`^default-src 'self'; script-src 'self' 'nonce-([A-Za-z0-9+/]{22}==)'; ${REST}$`);
const PLAIN = new RegExp(`^default-src 'self'; script-src 'self'; ${REST}$`);
const PLAIN_SCRIPT = /^<script type="module" src="\/assets\/enhance-[\w-]+\.js">$/;

/** Signs the request context in (its cookies are kept for the following requests). */
async function signIn(request: APIRequestContext, email: string) {
  const origin = new URL((await request.get("/login")).url()).origin; // a form post from this site
  const response = await request.post("/login", { form: { email, password: DEMO_PASSWORD }, headers: { Origin: origin }, maxRedirects: 0 });
  expect(response.status(), `sign-in of ${email}`).toBe(302);
}

/** The nonce in a response's policy; fails when the header is missing or differs from the decided policy. */
function nonceOf(response: APIResponse): string {
  const header = response.headers()["content-security-policy"];
  expect(header, `Content-Security-Policy on ${response.url()}`).toMatch(POLICY);
  return POLICY.exec(header!)![1]!;
}

/** Every <script> start tag in the HTML, with its attributes. */
function scriptTags(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
}

test("every HTML response has the policy with a fresh nonce that each inline script carries", async ({ request }) => {
  const nonces: string[] = [];
  // Anonymous: the sign-in and registration pages are plain (decision 037), under the nonce policy all the same.
  for (const path of ["/login", "/register"]) {
    const response = await request.get(path);
    nonceOf(response);
    expect(scriptTags(await response.text()), `scripts on ${path}`).toEqual([expect.stringMatching(PLAIN_SCRIPT)]);
  }
  await signIn(request, demo.regulator);
  for (const path of ["/dashboard", "/dashboard", "/regulator", "/no-such-page"]) {
    const response = await request.get(path);
    expect(response.headers()["content-type"]).toContain("text/html");
    const nonce = nonceOf(response);
    nonces.push(nonce);
    const html = await response.text();
    const scripts = scriptTags(html);
    // React Router's hydration context and route-module script, at least.
    expect(scripts.length, `inline scripts on ${path}`).toBeGreaterThanOrEqual(2);
    for (const tag of scripts) {
      if (/\ssrc=/i.test(tag)) continue; // external scripts are allowed by 'self'
      expect(tag, `inline script on ${path}`).toContain(`nonce="${nonce}"`);
    }
    // Module preloads carry it too (not needed for 'self', but no other nonce may appear).
    for (const other of html.matchAll(/nonce="([^"]*)"/g)) expect(other[1]).toBe(nonce);
  }
  // Two requests for the same page get different nonces; so does every other response.
  expect(nonces[0]).not.toBe(nonces[1]);
  expect(new Set(nonces).size).toBe(nonces.length);
});

test("a public page for an anonymous visitor allows no inline script, loads only the enhancement script, and is the same every time", async ({
  request,
}) => {
  for (const path of ["/", "/catalogue", "/announcements", "/credit"]) {
    const first = await request.get(path);
    const header = first.headers()["content-security-policy"]!;
    // No nonce and no hash: nothing inline may run (decision 037; the hashes of decision 032 would allow
    // exactly the inline scripts a page wrote, and a plain page writes none).
    expect(header, `policy on ${path}`).toMatch(PLAIN);
    const html = await first.text();
    expect(html, "no nonce is left in a cacheable page").not.toMatch(/nonce=/);
    expect(scriptTags(html), `scripts on ${path}`).toEqual([expect.stringMatching(PLAIN_SCRIPT)]);
    expect(html, "no loader data is serialized into a plain page").not.toContain("__reactRouterContext");
    // Cacheable: the same page again, at the same data version (same ETag), is the same bytes and policy.
    // (A write by the scheduler or a new minute between the two changes the ETag: then try again.)
    let compared = false;
    for (let attempt = 0; attempt < 3 && !compared; attempt++) {
      const a = await request.get(path);
      const b = await request.get(path);
      if (a.headers()["etag"] !== b.headers()["etag"]) continue;
      expect(b.headers()["content-security-policy"]).toBe(a.headers()["content-security-policy"]);
      expect(await b.text()).toBe(await a.text());
      compared = true;
    }
    expect(compared, `two answers at one data version for ${path}`).toBe(true);
  }
});

test("resource routes keep their own headers (JSON is not given the document policy)", async ({ request }) => {
  const response = await request.get("/credit.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(response.headers()["content-security-policy"]).toBeUndefined();
});

type Problems = { violations: string[]; errors: string[] };

/** Records CSP violations (the DOM event, from before any page script runs) and console errors. */
async function watch(page: Page): Promise<Problems> {
  const problems: Problems = { violations: [], errors: [] };
  await page.exposeFunction("__reportCspViolation", (text: string) => problems.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __reportCspViolation: (s: string) => void }).__reportCspViolation;
      void report(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber} (${e.documentURI})`);
    });
  });
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    problems.errors.push(`${page.url()}: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.errors.push(`${page.url()}: ${error.message}`));
  return problems;
}

test("the main pages load with no CSP violation or console error: plain for a reader, hydrated when signed in", async ({ page }) => {
  const problems = await watch(page);
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
  });
  const pages = ["/", "/catalogue", "/agencies", "/requests", "/credit", "/login", "/announcements"];
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expect(response?.headers()["content-security-policy"], path).toMatch(path === "/login" ? POLICY : PLAIN);
    await expect(page.locator("main h1"), path).toBeVisible();
  }
  // The enhancement script ran under the policy: it showed the print button on the credit disclosure.
  await page.goto("/credit");
  await expect(page.getByRole("button", { name: "打印" })).toBeVisible();
  expect(await hydrated(page), "an anonymous page is not hydrated").toBe(false);
  expect(new Set(scripts.map((u) => u.replace(/-[\w-]{8}\.js$/, ".js"))), "scripts an anonymous reader loads").toEqual(
    new Set(["/assets/enhance.js"]),
  );
  // A request's page, reached from the list.
  await page.goto("/requests");
  const firstRequest = page.locator('main a[href^="/requests/"]:not([href="/requests/new"])').first();
  const href = await firstRequest.getAttribute("href");
  expect(href, "a request in the demo data").toMatch(/^\/requests\/[^/]+$/);
  expect((await page.goto(href!))?.status()).toBe(200);

  // Signed in, the same pages hydrate, under the nonce policy.
  await login(page, demo.enterprise);
  for (const path of [...pages.filter((p) => p !== "/login"), href!]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expect(response?.headers()["content-security-policy"], path).toMatch(POLICY);
    await expect.poll(() => hydrated(page), { message: `${path} hydrated` }).toBe(true);
  }
  expect(problems.violations, "CSP violations").toEqual([]);
  expect(problems.errors, "console errors").toEqual([]);
});

test("client-side navigation and a JavaScript form submission work under the policy", async ({ page }) => {
  const problems = await watch(page);
  const documents: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "document") documents.push(r.url());
  });
  await login(page, demo.regulator);
  await expect.poll(() => hydrated(page)).toBe(true);
  // A marker on window survives only client-side navigation (a full page load would drop it).
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  const loads = documents.length;

  // Client-side navigation through a link in the main navigation.
  const dataRequest = page.waitForRequest((r) => r.url().includes("/catalogue.data"));
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "服务目录", exact: true }).click();
  await dataRequest;
  await expect(page).toHaveURL(/\/catalogue$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // The catalogue's search, submitted by React Router's <Form> (a fetch to catalogue.data, no document load).
  await page.getByRole("search").getByRole("searchbox").fill("测绘");
  const search = page.waitForRequest((r) => r.url().includes("/catalogue.data") && r.url().includes("%E6%B5%8B%E7%BB%98"));
  await page.getByRole("search").getByRole("button", { name: "搜索" }).click();
  await search;
  await expect(page).toHaveURL(/\/catalogue\?.*q=/);

  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  expect(documents.slice(loads), "document loads after the first page").toEqual([]);

  // The regulator's pages, loaded afresh under the policy.
  for (const path of ["/regulator", "/regulator/reviews", "/regulator/objections", "/dashboard"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect.poll(() => hydrated(page), { message: `${path} hydrated` }).toBe(true);
  }
  expect(problems.violations, "CSP violations").toEqual([]);
  expect(problems.errors, "console errors").toEqual([]);
});
