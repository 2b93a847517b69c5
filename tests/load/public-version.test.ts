/**
 * The write version behind the public pages' ETags (decision 032) on real
 * PostgreSQL, with two connections: a write that is still in progress when a
 * page is tagged must change the tag when it commits — otherwise a client
 * revalidating after the commit would be told "304, nothing changed" about a
 * page that now shows more. PGlite has one connection, so this is PostgreSQL only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { publicDataVersion } from "~/services/http-cache/version.server";
import { createTestDb } from "../support/db";
import { prismaWithPool, testDatabaseUrl } from "../support/load-fixtures";

const onPostgres = process.env.TEST_DB === "postgres";
if (!onPostgres) console.warn("\n!!! tests/load/public-version.test.ts needs real PostgreSQL (TEST_DB=postgres): SKIPPED !!!\n");

describe.skipIf(!onPostgres)("the public data version", () => {
  let mine: Awaited<ReturnType<typeof createTestDb>>;
  let reader: PrismaClient;
  let writer: PrismaClient;

  beforeAll(async () => {
    mine = await createTestDb();
    const url = testDatabaseUrl(mine.name);
    reader = prismaWithPool(url, 2);
    writer = prismaWithPool(url, 2, { maxWait: 5_000, timeout: 30_000 });
  });
  afterAll(async () => {
    await reader?.$disconnect();
    await writer?.$disconnect();
    await mine?.close();
  });

  it("moves when a write commits, and not for reads", async () => {
    const before = await publicDataVersion(reader);
    await reader.$queryRaw`SELECT count(*) FROM "User"`;
    expect(await publicDataVersion(reader), "a read does not move it").toBe(before);

    let commit!: () => void;
    const committed = new Promise<void>((r) => (commit = r));
    let started!: () => void;
    const inProgress = new Promise<void>((r) => (started = r));
    const writing = writer.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO "TestClock" (id, "offsetSeconds") VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET "offsetSeconds" = 0`;
      started();
      await committed;
    });
    await inProgress;
    // A page rendered now cannot see the write (it is not committed), whatever its tag.
    const during = await publicDataVersion(reader);
    expect(await publicDataVersion(reader), "nothing ended: the same").toBe(during);

    commit();
    await writing;
    const after = await publicDataVersion(reader);
    // The page tagged `during` could not see the write; once it is committed the tag must differ.
    expect(after, "the commit moves it").not.toBe(during);
  });
});
