import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

const F = "/dashboard";

describe("safeRedirect: same-origin paths are kept", () => {
  it.each([
    ["/requests/1", "/requests/1"],
    ["/requests?status=OPEN&page=2", "/requests?status=OPEN&page=2"],
    ["/cases/1#evidence", "/cases/1#evidence"],
    ["/", "/"],
    ["/a/../b", "/b"],
    // Percent-encoded slashes and backslashes stay encoded: a browser never decodes them in a Location path.
    ["/%2F/evil.example", "/%2F/evil.example"],
    ["/%5C/evil.example", "/%5C/evil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/中介/服务", "/%E4%B8%AD%E4%BB%8B/%E6%9C%8D%E5%8A%A1"],
  ])("%j → %j", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });
});

describe("safeRedirect: everything that leaves the site (or is not a path) becomes the fallback", () => {
  it.each([
    // The reported case: a form field "/%09/evil.example" arrives decoded as "/\t/evil.example".
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "\\/evil.example",
    "/..//evil.example",
    "/./..//evil.example",
    " /dashboard",
    "  //evil.example",
    "https://evil.example",
    "http://evil.example/path",
    "HTTPS://evil.example",
    "http:evil.example",
    "http:/evil.example",
    "https:/\\evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "/javascript:alert(1)".replace("/", ""),
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox",
    "evil.example",
    "dashboard",
    "?x=1",
    "#top",
    "/\u0000/evil.example",
    "/dash\u0000board",
    "/\u007f",
    "/" + "a".repeat(5000),
    "",
    "//user:pass@evil.example",
    "/@evil.example".replace("/", "//"),
  ])("%j", (input) => {
    expect(safeRedirect(input)).toBe(F);
  });

  it.each([null, undefined, 42, {}, ["/"]])("non-string %j", (input) => {
    expect(safeRedirect(input)).toBe(F);
  });

  it("uses the caller's fallback", () => {
    expect(safeRedirect("//evil.example", "/")).toBe("/");
  });

  it("never answers a target that a browser would resolve off-site", () => {
    // Whatever came in, the answer resolved against our origin stays on it.
    const inputs = ["/\t/x", "/%2e%2e//x", "/.%2e//x", "/%2e%2e/%2fx", "//x", "/\\x", "/a/..//x", "/%09/x"];
    for (const input of inputs) {
      const out = safeRedirect(input);
      expect(new URL(out, "https://zjcs.example").origin).toBe("https://zjcs.example");
    }
  });
});
