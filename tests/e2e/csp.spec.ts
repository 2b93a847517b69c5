import { createHash } from "node:crypto";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../seeds/demo-data";
import { demo, hydrated } from "./helpers";

// The Content-Security-Policy of every HTML document (docs/decisions/016-content-security-policy.md):
// a fresh nonce per response on every inline script — or, on a public page an
// anonymous visitor may get from a cache (decision 032), the hash of each inline
// script and no nonce — no violation on the main pages, and the app still
// hydrates (client-side navigation, JavaScript forms).

const REST =
  "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const POLICY = new RegExp(`^default-src 'self'; script-src 'self' 'nonce-([A-Za-z0-9+/]{22}==)'; ${REST}$`);
const HASHED = new RegExp(`^default-src 'self'; script-src 'self'((?: 'sha256-[A-Za-z0-9+/]{43}=')+); ${REST}$`);

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
  for (const path of ["/login", "/login", "/register", "/no-such-page"]) {
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

test("a public page for an anonymous visitor allows exactly its own inline scripts, by hash, and is the same every time", async ({
  request,
}) => {
  for (const path of ["/", "/catalogue", "/announcements"]) {
    const first = await request.get(path);
    const header = first.headers()["content-security-policy"]!;
    expect(header, `policy on ${path}`).toMatch(HASHED);
    const allowed = HASHED.exec(header)![1]!.trim().split(" ");
    const html = await first.text();
    expect(html, "no nonce is left in a cacheable page").not.toMatch(/nonce=/);
    const inline = [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]!);
    expect(inline.length, `inline scripts on ${path}`).toBeGreaterThanOrEqual(2);
    const hashes = new Set(inline.map((text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`));
    expect(new Set(allowed)).toEqual(hashes);
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

test("the main pages load with no CSP violation or console error, and hydrate", async ({ page }) => {
  const problems = await watch(page);
  const pages = ["/", "/catalogue", "/agencies", "/requests", "/credit", "/login", "/announcements"];
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expect(response?.headers()["content-security-policy"], path).toMatch(path === "/login" ? POLICY : HASHED);
    await expect.poll(() => hydrated(page), { message: `${path} hydrated` }).toBe(true);
  }
  // A request's page, reached from the list.
  await page.goto("/requests");
  const firstRequest = page.locator('main a[href^="/requests/"]:not([href="/requests/new"])').first();
  const href = await firstRequest.getAttribute("href");
  expect(href, "a request in the demo data").toMatch(/^\/requests\/[^/]+$/);
  expect((await page.goto(href!))?.status()).toBe(200);
  await expect.poll(() => hydrated(page)).toBe(true);
  expect(problems.violations, "CSP violations").toEqual([]);
  expect(problems.errors, "console errors").toEqual([]);
});

test("client-side navigation and a JavaScript form submission work under the policy", async ({ page }) => {
  const problems = await watch(page);
  const documents: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "document") documents.push(r.url());
  });
  await page.goto("/");
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

  // The login form, submitted by React Router's <Form> (a fetch to login.data, no document load).
  await page.getByRole("link", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel("电子邮箱").fill(demo.regulator);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  const submit = page.waitForRequest((r) => r.method() === "POST" && r.url().includes("/login.data"));
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await submit;
  await expect(page).toHaveURL(/\/dashboard$/);

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
