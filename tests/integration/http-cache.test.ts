/**
 * HTTP caching of the public pages (decision 032), over real HTTP: the
 * production build on a seeded database. An anonymous public page carries a
 * strong ETag and a shared-cache Cache-Control; a revalidation answers 304
 * while nothing changed, and 200 with the change as soon as something
 * changed; a signed-in view is never cached or answered 304.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../seeds/demo-data";
import { login, type AppServer } from "../support/load-server";
import { startSeededServer, type SeededServer } from "../support/seeded-server";

let seeded: SeededServer | undefined;
let server: AppServer;
let enterprise = "";

beforeAll(async () => {
  seeded = await startSeededServer("http-cache");
  server = seeded.server;
  enterprise = await login(server.base, "enterprise@demo.zjcs.cn", DEMO_PASSWORD);
}, 600_000);

afterAll(async () => {
  await seeded?.close();
});

async function get(pathname: string, headers: Record<string, string> = {}) {
  const res = await fetch(server.base + pathname, { headers, redirect: "manual" });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

/** Posts a request as the demo enterprise, the way the form does; returns its page's path. */
async function postRequest(title: string): Promise<string> {
  const form = await get("/requests/new", { Cookie: enterprise });
  expect(form.status).toBe(200);
  const itemCode = /<option value="([^"]+)"/.exec(form.body.slice(form.body.indexOf('name="itemCode"')))?.[1];
  const closesAt = /name="closesAt"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="closesAt"/.exec(form.body);
  expect(itemCode, "an item to request").toBeTruthy();
  expect(closesAt, "the form's default closing time").toBeTruthy();
  const res = await fetch(`${server.base}/requests/new`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: enterprise, Origin: server.base, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      intent: "publish",
      itemCode: itemCode!,
      title,
      description: "为新建厂房编制环境影响报告表，需按国家标准完成并配合报批。",
      fundingSource: "ENTERPRISE",
      priceMode: "AMOUNT",
      priceCap: "80000",
      selectionMethod: "LOWEST_PRICE",
      closesAt: (closesAt![1] ?? closesAt![2])!,
      serviceDays: "30",
    }).toString(),
  });
  await res.text();
  expect(res.status, "the request was published (redirect to its page)").toBe(302);
  expect(res.headers.get("Location")).toMatch(/^\/requests\/[0-9a-f-]{36}/);
  return new URL(res.headers.get("Location")!, server.base).pathname;
}

describe("anonymous public pages", () => {
  it("carry a strong ETag and a Cache-Control a CDN may use; a revalidation with nothing changed is 304 with no body", async () => {
    const pages = ["/", "/catalogue", "/agencies", "/requests", "/announcements", "/credit", "/audit"];
    for (const page of pages) {
      // The version is the cluster's transaction snapshot and the minute (decision 032): a write anywhere on
      // the PostgreSQL server — here another test file's database on the same server — or a new minute between
      // the two requests changes it, and then the answer is a 200 with a new tag (a needless render, never a
      // stale page). So try again until one pair falls in a quiet moment; each page must answer 304 then.
      let notModified = false;
      for (let attempt = 0; attempt < 60 && !notModified; attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * Math.min(attempt, 6)));
        const first = await get(page);
        expect(first.status, page).toBe(200);
        const etag = first.headers.get("ETag");
        expect(etag, `ETag on ${page}`).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
        expect(first.headers.get("Cache-Control")).toBe("public, max-age=0, s-maxage=10, stale-while-revalidate=30");
        expect(first.headers.get("Vary")).toMatch(/^Cookie(, Accept-Encoding)?$/);
        expect(first.headers.get("Set-Cookie")).toBeNull();
        const again = await get(page, { "If-None-Match": etag! });
        if (again.status === 200) {
          expect(again.headers.get("ETag")).not.toBe(etag);
          continue;
        }
        expect(again.status, page).toBe(304);
        notModified = true;
        expect(again.body).toBe("");
        expect(again.headers.get("ETag")).toBe(etag);
        expect(again.headers.get("Cache-Control")).toContain("s-maxage=");
      }
      expect(notModified, `${page} answered 304 to a revalidation while nothing changed`).toBe(true);
    }
  });

  it("a new request is visible at once to a client that revalidates: the tag changes and the page shows it", async () => {
    const before = { requests: await get("/requests"), announcements: await get("/announcements") };
    expect(before.requests.status).toBe(200);
    const title = `缓存验证项目 ${randomBytes(3).toString("hex")}`;
    expect(before.requests.body).not.toContain(title);
    const own = await postRequest(title);
    // The request's own page: public for an anonymous visitor, private for its owner.
    const anonymousView = await get(own);
    expect(anonymousView.body).toContain(title);
    expect(anonymousView.headers.get("ETag")).toMatch(/^"/);
    const ownerView = await get(own, { Cookie: enterprise });
    expect(ownerView.body).toContain(title);
    expect(ownerView.headers.get("Cache-Control")).toBe("private, no-store");
    expect(ownerView.headers.get("ETag")).toBeNull();
    for (const [page, old] of Object.entries(before)) {
      const after = await get(`/${page}`, { "If-None-Match": old.headers.get("ETag")! });
      expect(after.status, `/${page} after the change`).toBe(200);
      expect(after.headers.get("ETag")).not.toBe(old.headers.get("ETag"));
      expect(after.body, `/${page} shows the new request`).toContain(title);
    }
  });

  it("a page rendered for a tag is answered again for it, byte for byte; after a change an unconditional request gets the new page", async () => {
    // A write anywhere on the server or a new minute between the two gives a new tag (and a new render):
    // try again until a pair shares a tag; then the answer must be the same, byte for byte.
    let a = await get("/announcements");
    let b = await get("/announcements");
    for (let attempt = 1; attempt < 60 && b.headers.get("ETag") !== a.headers.get("ETag"); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50 * Math.min(attempt, 6)));
      a = await get("/announcements");
      b = await get("/announcements");
    }
    expect(b.status).toBe(200);
    expect(b.headers.get("ETag"), "two requests in a quiet moment share a tag").toBe(a.headers.get("ETag"));
    expect(b.body).toBe(a.body);
    expect(b.headers.get("Content-Security-Policy")).toBe(a.headers.get("Content-Security-Policy"));
    expect(b.headers.get("Content-Type")).toBe(a.headers.get("Content-Type"));
    const title = `缓存重渲染项目 ${randomBytes(3).toString("hex")}`;
    await postRequest(title);
    const c = await get("/announcements");
    expect(c.status).toBe(200);
    expect(c.headers.get("ETag")).not.toBe(b.headers.get("ETag"));
    expect(c.body).toContain(title);
  });

  it("the language is part of the tag; a ?lng= choice that sets a cookie is not shared", async () => {
    const switching = await get("/catalogue?lng=en");
    expect(switching.headers.get("Set-Cookie")).toMatch(/^lng=/);
    expect(switching.headers.get("ETag")).toBeNull();
    expect(switching.headers.get("Cache-Control")).toBe("private, no-cache");
    const cookie = switching.headers.get("Set-Cookie")!.split(";")[0]!;
    const zh = await get("/catalogue");
    const en = await get("/catalogue", { Cookie: cookie });
    expect(en.status).toBe(200);
    expect(en.body).toContain('<html lang="en"');
    expect(zh.body).toContain('<html lang="zh"');
    expect(en.headers.get("ETag")).toMatch(/^"/);
    expect(en.headers.get("ETag")).not.toBe(zh.headers.get("ETag"));
    // The tag names one encoding of the page.
    const identity = await get("/catalogue", { "Accept-Encoding": "identity" });
    expect(identity.headers.get("ETag")).not.toBe(zh.headers.get("ETag"));
    // The English tag does not validate the Chinese page.
    expect((await get("/catalogue", { "If-None-Match": en.headers.get("ETag")! })).status).toBe(200);
    // Switching back: the same ?lng=zh URL, fetched before by a reader already in Chinese (no cookie set then),
    // still sets the cookie for a reader in English — it is never answered from a tag (304 or a stored page).
    const plain = await get("/announcements?lng=zh");
    expect(plain.status).toBe(200);
    const back = await get("/announcements?lng=zh", { Cookie: cookie, "If-None-Match": plain.headers.get("ETag") ?? '"x"' });
    expect(back.status).toBe(200);
    expect(back.headers.get("Set-Cookie")).toMatch(/^lng=/);
    expect(back.headers.get("Set-Cookie")).not.toBe(switching.headers.get("Set-Cookie"));
    expect(back.body).toContain('<html lang="zh"');
  });

  it("a page that is not found is not cached", async () => {
    const missing = await get("/requests/00000000-0000-7000-8000-000000000000");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("ETag")).toBeNull();
    expect(missing.headers.get("Cache-Control")).toBe("private, no-cache");
  });
});

describe("signed-in views", () => {
  it("are never tagged, shared or answered 304, even with the anonymous page's tag", async () => {
    const anonymous = await get("/requests");
    const etag = anonymous.headers.get("ETag")!;
    expect(etag).toBeTruthy();
    const signedIn = await get("/requests", { Cookie: enterprise, "If-None-Match": etag });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toContain("退出"); // the signed-in page, with its logout button
    expect(signedIn.headers.get("ETag")).toBeNull();
    expect(signedIn.headers.get("Cache-Control") ?? "").not.toContain("public");
    expect(signedIn.headers.get("Content-Security-Policy")).toMatch(/'nonce-/);
  });
});
