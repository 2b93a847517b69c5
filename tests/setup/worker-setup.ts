import { afterAll, beforeAll } from "vitest";
import { closeDb, useDatabase } from "~/db/client.server";
import { createTestDb } from "../support/db";

// Every integration test file gets its own freshly migrated database, installed
// as the process-wide database so services and route modules use it.
beforeAll(async () => {
  useDatabase(await createTestDb());
});

afterAll(async () => {
  await closeDb();
});
