import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isUnhandledError, reportUnhandledError, UNHANDLED_ERROR_MARKER } from "./unhandled-errors.server";

describe("unhandled error detector", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env.ZJ_ERROR_LOG;
  });

  it("records an intentionally thrown error with the marker and in ZJ_ERROR_LOG", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "zj-errors-"));
    process.env.ZJ_ERROR_LOG = path.join(dir, "errors.log");
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    reportUnhandledError(new Error("intentional test error"), new Request("http://localhost/requests/x"));
    expect(String(logged.mock.calls[0]![0])).toContain(UNHANDLED_ERROR_MARKER);
    expect(readFileSync(process.env.ZJ_ERROR_LOG, "utf8")).toContain("intentional test error");
    rmSync(dir, { recursive: true, force: true });
  });

  it("does not count expected 4xx refusals", () => {
    expect(isUnhandledError(new Response("no", { status: 404 }))).toBe(false);
    expect(isUnhandledError({ status: 405, statusText: "Method Not Allowed", internal: true, data: "x" })).toBe(false);
    expect(isUnhandledError(new Response("boom", { status: 503 }))).toBe(true);
    expect(isUnhandledError(new TypeError("x"))).toBe(true);
  });
});
