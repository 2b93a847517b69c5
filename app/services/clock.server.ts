import type { Db } from "~/db/client.server";
import { rawQuery, type RawTx } from "~/db/raw-tx.server";
import { Prisma } from "~/generated/prisma/client";

type Client = Db | Prisma.TransactionClient | RawTx;

/**
 * Every deadline (bid closing, publicity end, suspension end) is compared with
 * the database clock, so all app instances agree whatever their own clocks say.
 *
 * Browser tests need to move time forward. ZJ_TEST_CLOCK=1 adds the offset in
 * the TestClock table; a server with NODE_ENV=production refuses to start with
 * it (on PostgreSQL and on the embedded database alike), and without the flag
 * the table is never read.
 */
export function testClockEnabled(): boolean {
  return process.env.ZJ_TEST_CLOCK === "1";
}

export function assertTestClockAllowed(): void {
  if (testClockEnabled() && process.env.NODE_ENV === "production") {
    throw new Error("ZJ_TEST_CLOCK=1 is a test-only mechanism and cannot be enabled with NODE_ENV=production.");
  }
}

export async function dbNow(client: Client): Promise<Date> {
  if (!testClockEnabled()) {
    // Prepared once per connection, straight through the pool outside a transaction (decision 045).
    const rows = await rawQuery<{ now: Date }>(client, Prisma.sql`SELECT clock_timestamp() AS now`);
    return rows[0]!.now;
  }
  const rows = await client.$queryRaw<{ now: Date }[]>`
    SELECT clock_timestamp() + make_interval(secs => COALESCE((SELECT "offsetSeconds" FROM "TestClock" WHERE id = 1), 0)) AS now`;
  return rows[0]!.now;
}

/**
 * The database clock as a SQL expression of type timestamp (UTC, as the columns store it and as dbNow's Date is
 * sent back), with the test clock's offset when it is enabled: a statement that reads the clock itself spares a
 * round trip (decision 046). `clock_timestamp()` moves during a statement: read it once (a MATERIALIZED CTE).
 */
export function dbNowSql(): Prisma.Sql {
  return testClockEnabled()
    ? Prisma.sql`((clock_timestamp() + make_interval(secs => COALESCE((SELECT "offsetSeconds" FROM "TestClock" WHERE id = 1), 0))) AT TIME ZONE 'UTC')`
    : Prisma.sql`(clock_timestamp() AT TIME ZONE 'UTC')`;
}

/** Test-only: moves the clock forward by `seconds`. */
export async function advanceTestClock(db: Db, seconds: number): Promise<Date> {
  if (!testClockEnabled()) throw new Error("test clock disabled");
  await db.$executeRaw`
    INSERT INTO "TestClock" (id, "offsetSeconds") VALUES (1, ${seconds})
    ON CONFLICT (id) DO UPDATE SET "offsetSeconds" = "TestClock"."offsetSeconds" + ${seconds}`;
  return dbNow(db);
}
