// The real Prisma CLI on PostgreSQL through prisma/engine/schema-engine.mjs.
// Needs TEST_DATABASE_URL=postgresql://user@host:port/db of a role that may
// CREATE DATABASE; every suite works in its own fresh database.
import { describe, expect, it, vi } from "vitest";

import { defineCliSuite } from "./cli-suite.ts";
import { TEST_DATABASE_URL, postgresBackend, serverDatabases } from "./helpers.ts";

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describe.skipIf(!TEST_DATABASE_URL)("Prisma CLI on PostgreSQL", () => {
  const serverUrl = TEST_DATABASE_URL ?? "";
  let shadowsBefore: string[] = [];
  defineCliSuite(postgresBackend(serverUrl), {
    afterSchemaChange: async () => {
      shadowsBefore = (await serverDatabases(serverUrl)).filter((name) => name.startsWith("prisma_migrate_shadow_db_"));
    },
  });

  it("dropped every shadow database it created", async () => {
    const shadows = (await serverDatabases(serverUrl)).filter((name) => name.startsWith("prisma_migrate_shadow_db_"));
    expect(shadows.filter((name) => !shadowsBefore.includes(name))).toEqual([]);
  });
});
