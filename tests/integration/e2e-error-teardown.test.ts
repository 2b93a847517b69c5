import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import globalTeardown, { loggedErrors } from "../e2e/global-teardown";

// The browser tests' teardown (decision 017) must fail the run when the e2e server logged an unhandled error.
describe("e2e unhandled-error teardown", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "zj-e2e-errors-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads what the server appended and is silent without a file", () => {
    const file = path.join(dir, "unhandled-errors.log");
    expect(loggedErrors(file)).toEqual([]);
    writeFileSync(file, `${JSON.stringify({ where: "GET /x", error: "Error: intentional test error" })}\n`);
    expect(loggedErrors(file)).toHaveLength(1);
  });

  it("throws when the log of the configured port has an entry", () => {
    const before = process.env.E2E_PORT;
    process.env.E2E_PORT = `test-${process.pid}`;
    const file = path.resolve(import.meta.dirname, `../.tmp/e2e-data-${process.env.E2E_PORT}/unhandled-errors.log`);
    try {
      expect(() => globalTeardown()).not.toThrow();
      rmSync(path.dirname(file), { recursive: true, force: true });
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify({ where: "GET /x", error: "Error: intentional test error" })}\n`);
      expect(() => globalTeardown()).toThrow(/intentional test error/);
    } finally {
      rmSync(path.dirname(file), { recursive: true, force: true });
      if (before === undefined) delete process.env.E2E_PORT;
      else process.env.E2E_PORT = before;
    }
  });
});
