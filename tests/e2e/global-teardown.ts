import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** The file scripts/e2e-server.mjs has the server append unhandled errors to (ZJ_ERROR_LOG). */
export function e2eErrorLog(port = process.env.E2E_PORT ?? "3100"): string {
  return path.resolve(import.meta.dirname, `../.tmp/e2e-data-${port}/unhandled-errors.log`);
}

/** The unhandled errors logged during the run, one JSON line each; empty when none. */
export function loggedErrors(file = e2eErrorLog()): string[] {
  return existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : [];
}

export default function globalTeardown(): void {
  const errors = loggedErrors();
  if (errors.length) {
    throw new Error(
      `The server logged ${errors.length} unhandled error(s) during the browser tests (each one was an HTTP 500):\n${errors.slice(0, 10).join("\n")}`,
    );
  }
}
