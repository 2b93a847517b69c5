import { afterAll, afterEach, beforeAll } from "vitest";
import { closeDb, useDatabase } from "~/db/client.server";
import { createTestDb } from "../support/db";
import { takeUnhandledRouteErrors } from "../support/http";

// Every integration test file gets its own freshly migrated database, installed
// as the process-wide database so services and route modules use it.
beforeAll(async () => {
  useDatabase(await createTestDb());
});

afterAll(async () => {
  await closeDb();
});

// A loader or action that threw something React Router answers with a 500
// (not a Response, not data()) fails the test, even if its assertions passed.
afterEach(() => {
  const errors = takeUnhandledRouteErrors();
  if (errors.length) {
    throw new Error(`a route threw ${errors.length} unhandled error(s) (HTTP 500 in production):\n${errors.map((e) => (e instanceof Error ? (e.stack ?? e.message) : String(e))).join("\n")}`);
  }
});
