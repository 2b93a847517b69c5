import { afterAll, afterEach, beforeAll } from "vitest";
import { closeDb, getDb, useDatabase } from "~/db/client.server";
import { dbNow } from "~/services/clock.server";
import { createTestDb } from "../support/db";
import { takeUnhandledRouteErrors } from "../support/http";

// Every integration test file gets its own freshly migrated database, installed
// as the process-wide database so services and route modules use it.
beforeAll(async () => {
  useDatabase(await createTestDb());
  await assertSimulatedNow();
});

afterAll(async () => {
  await closeDb();
});

// A loader or action that threw something React Router answers with a 500
// (not a Response, not data()) fails the test, even if its assertions passed.
afterEach(() => {
  const errors = takeUnhandledRouteErrors();
  if (errors.length) {
    throw new Error(
      `a route threw ${errors.length} unhandled error(s) (HTTP 500 in production):\n${errors.map((e) => (e instanceof Error ? (e.stack ?? e.message) : String(e))).join("\n")}`,
    );
  }
});

/**
 * Under a simulated date (scripts/test.mjs runs the date-sensitive tests under
 * libfaketime with ZJ_SIMULATED_NOW set, decision 020) both clocks the code can
 * read — Node's and the database's — must show that date, or the run would
 * silently test today instead.
 */
async function assertSimulatedNow(): Promise<void> {
  const wanted = process.env.ZJ_SIMULATED_NOW;
  if (!wanted) return;
  const at = new Date(`${wanted.replace(" ", "T")}+08:00`).getTime();
  const node = Date.now();
  const db = (await dbNow(await getDb())).getTime();
  // The fake clock starts at `at` in each process and runs on: allow the run's own duration.
  for (const [name, t] of [
    ["Node", node],
    ["database", db],
  ] as const) {
    if (t < at - 60_000 || t > at + 30 * 60_000) {
      throw new Error(
        `ZJ_SIMULATED_NOW=${wanted} (Beijing) but the ${name} clock reads ${new Date(t).toISOString()}: the simulated date did not take effect`,
      );
    }
  }
}
