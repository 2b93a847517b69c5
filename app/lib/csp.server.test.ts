import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { matchesIfNoneMatch, isPublicPage } from "~/middleware/http-cache.server";
import { contentSecurityPolicy, hashedScriptsPolicy } from "./csp.server";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("hashedScriptsPolicy (decision 032)", () => {
  const marker = "m4rk3r+/==";
  const html =
    `<html><head><link rel="modulepreload" href="/assets/a.js" nonce="${marker}"/></head><body>` +
    `<script nonce="${marker}">window.__ctx = {"a":1};</script>` +
    `<script type="module" nonce="${marker}">import "/assets/entry.js";</script>` +
    `<script src="/assets/x.js" nonce="${marker}"></script>` +
    `<div><script>alert("injected")</script></div>` +
    `<script nonce="guessed">alert(2)</script></body></html>`;
  const { html: out, policy } = hashedScriptsPolicy(html, marker);

  it("allows exactly the inline scripts the page wrote itself, by their hashes", () => {
    const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src"))!;
    expect(scriptSrc).toBe(`script-src 'self' ${sha('window.__ctx = {"a":1};')} ${sha('import "/assets/entry.js";')}`);
  });

  it("does not allow an inline script without the marker (injected through data) or with another nonce", () => {
    expect(policy).not.toContain(sha('alert("injected")'));
    expect(policy).not.toContain(sha("alert(2)"));
    expect(policy).not.toContain("nonce");
  });

  it("removes the marker, so no nonce is left to reuse, and keeps the rest of the policy", () => {
    expect(out).not.toContain(marker);
    expect(out).toContain('<script nonce="guessed">');
    const rest = (p: string) => p.split("; ").filter((d) => !d.startsWith("script-src"));
    expect(rest(policy)).toEqual(rest(contentSecurityPolicy("x")));
  });

  it("with no inline script, allows only this origin's script files", () => {
    expect(hashedScriptsPolicy(`<p>hi</p><script type="module" src="/assets/a.js" nonce="${marker}"></script>`, marker).policy).toContain(
      "script-src 'self'; ",
    );
  });

  it("with no script at all (a plain page for an anonymous reader), allows none", () => {
    expect(hashedScriptsPolicy("<p>hi</p>", marker).policy).toContain("script-src 'none'; ");
    expect(hashedScriptsPolicy("<p>hi</p>", marker).policy).not.toContain("'self' 'sha256");
  });
});

describe("If-None-Match", () => {
  it("matches the tag, a list holding it, its weak form and *", () => {
    expect(matchesIfNoneMatch('"abc"', '"abc"')).toBe(true);
    expect(matchesIfNoneMatch('"x", "abc"', '"abc"')).toBe(true);
    expect(matchesIfNoneMatch('W/"abc"', '"abc"')).toBe(true);
    expect(matchesIfNoneMatch("*", '"abc"')).toBe(true);
    expect(matchesIfNoneMatch('"abcd"', '"abc"')).toBe(false);
    expect(matchesIfNoneMatch(null, '"abc"')).toBe(false);
  });
});

describe("which pages are public (cacheable for anonymous visitors)", () => {
  it.each([
    "/",
    "/catalogue",
    "/catalogue/ENV-01",
    "/agencies",
    "/agencies/x",
    "/requests",
    "/requests/abc",
    "/announcements",
    "/announcements/a",
    "/credit",
    "/audit",
    "/inspections",
    "/inspections/p",
  ])("%s is", (p) => expect(isPublicPage(p)).toBe(true));
  it.each([
    "/requests/new",
    "/requests/a/award",
    "/login",
    "/dashboard",
    "/regulator",
    "/catalogue.data",
    "/credit.json",
    "/agency/profile",
    "/cases",
    "/inspections/p/draw.json",
    "/regulator/inspections",
  ])("%s is not", (p) => expect(isPublicPage(p)).toBe(false));
});
