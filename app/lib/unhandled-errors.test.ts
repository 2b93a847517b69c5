import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { serviceUnavailable } from "./db-availability.server";
import { logger } from "./logger.server";
import { isUnhandledError, reportUnhandledError, UNHANDLED_ERROR_MARKER } from "./unhandled-errors.server";

describe("unhandled error detector", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env.ZJ_ERROR_LOG;
  });

  it("records an intentionally thrown error with the marker (one JSON error line, the stack in err) and in ZJ_ERROR_LOG", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "zj-errors-"));
    process.env.ZJ_ERROR_LOG = path.join(dir, "errors.log");
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    reportUnhandledError(new Error("intentional test error"), new Request("http://localhost/requests/x"));
    const [fields, message] = logged.mock.calls[0] as unknown as [{ err: Error; where: string }, string];
    expect(message).toContain(UNHANDLED_ERROR_MARKER);
    expect(message).toContain("GET /requests/x: intentional test error");
    expect(fields.err.stack).toContain("intentional test error");
    expect(readFileSync(process.env.ZJ_ERROR_LOG, "utf8")).toContain("intentional test error");
    rmSync(dir, { recursive: true, force: true });
  });

  it("does not count expected 4xx refusals", () => {
    expect(isUnhandledError(new Response("no", { status: 404 }))).toBe(false);
    expect(isUnhandledError({ status: 405, statusText: "Method Not Allowed", internal: true, data: "x" })).toBe(false);
    expect(isUnhandledError(new Response("boom", { status: 503 }))).toBe(true);
    expect(isUnhandledError(new TypeError("x"))).toBe(true);
  });

  it("does not count a database outage (decision 024): the 503 and the driver's errors", () => {
    const refused = Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" });
    expect(isUnhandledError(refused)).toBe(false);
    expect(isUnhandledError(new Error("Connection terminated unexpectedly"))).toBe(false);
    // React Router's ErrorResponse of the thrown 503, as the server sees it.
    expect(isUnhandledError({ status: 503, statusText: "Service Unavailable", internal: false, data: "errors.unavailableBody" })).toBe(
      false,
    );
    expect(serviceUnavailable(refused)).toMatchObject({ type: "DataWithResponseInit", init: { status: 503 } });
    // Any other 503 is still reported.
    expect(isUnhandledError({ status: 503, statusText: "x", internal: false, data: "other" })).toBe(true);
  });
});
