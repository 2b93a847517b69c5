/**
 * The bid deadline is enforced in two layers (docs/decisions/008-sealed-bids-and-deadlines.md,
 * openRequestForBid in app/services/requests/bids.server.ts), and each one has its own test here,
 * built so that removing that layer alone makes it fail:
 *
 *   1. the SQL filter `"closesAt" > before` in the FOR SHARE read: a late bid must be refused
 *      WITHOUT asking for the request row's lock (otherwise a stream of late bids keeps the
 *      closers' FOR UPDATE SKIP LOCKED skipping the row and holds the request open). Without the
 *      filter the late bid still ends in a 409 (layer 2 catches it) but only after waiting for the
 *      lock — so the test holds the row FOR UPDATE and requires the refusal while it is held.
 *   2. the re-check after the lock: a bid that passed the filter in time but got the lock only
 *      after closesAt must be refused. The test makes the bid wait on a held lock across the deadline.
 *
 * Both need two real connections at once: real PostgreSQL only (TEST_DB=postgres).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { submitBid } from "~/services/requests/bids.server";
import { seedCatalogue } from "../../seeds/seed";
import { createTestDb } from "../support/db";
import { prismaWithPool, setClosesIn, sleep, testDatabaseUrl } from "../support/load-fixtures";
import { enterpriseUser, listedAgencies, openRequest } from "../support/requests";

const onPostgres = process.env.TEST_DB === "postgres";
if (!onPostgres)
  console.warn("\n!!! tests/load/bid-deadline-layers.test.ts needs real PostgreSQL (TEST_DB=postgres TEST_DATABASE_URL=…): SKIPPED !!!\n");

const TX = { maxWait: 10_000, timeout: 30_000 };
const bid = { amountFen: 9_000_000n, serviceDays: 20, proposal: "按规范完成勘测定界并出具报告" };
const closed = { status: 409, code: "CLOSED", message: "requests.errors.closed" };

/** Holds the request row FOR UPDATE in its own transaction (a closer that has not finished) until released. */
async function holdRow(client: PrismaClient, requestId: string) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => (locked = r));
  const done = client.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "ServiceRequest" WHERE id = ${requestId} FOR UPDATE`;
    locked();
    await released;
  });
  await isLocked;
  return { release: async () => (release(), await done) };
}

/** Settles a promise into a value the test can compare, remembering whether it has settled yet. */
function track<T>(p: Promise<T>) {
  const t = { settled: false, result: undefined as unknown, done: undefined as unknown as Promise<unknown> };
  t.done = p.then(
    (v) => ((t.settled = true), (t.result = { accepted: v })),
    (e: unknown) => ((t.settled = true), (t.result = e)),
  );
  return t;
}

/** Backends of this database waiting for a row lock in a FOR SHARE read (the bid's openRequestForBid). */
async function sharedLockWaiters(client: PrismaClient): Promise<number> {
  const rows = await client.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR SHARE%'`;
  return rows[0]!.n;
}

describe.skipIf(!onPostgres)("the bid deadline, layer by layer", () => {
  let mine: Awaited<ReturnType<typeof createTestDb>>;
  let bidders: PrismaClient;
  let holder: PrismaClient;

  beforeAll(async () => {
    mine = await createTestDb();
    await seedCatalogue(mine.prisma);
    const url = testDatabaseUrl(mine.name);
    bidders = prismaWithPool(url, 4, TX);
    holder = prismaWithPool(url, 2, TX);
  });

  afterAll(async () => {
    await bidders?.$disconnect();
    await holder?.$disconnect();
    await mine?.close();
  });

  it("layer 1 (SQL filter): a bid after closesAt is refused at once, without waiting for the row lock a closer holds", async () => {
    const db = mine.prisma;
    const [agency] = await listedAgencies(db, 1);
    const requestId = (await openRequest(db, await enterpriseUser(db))).id;
    await setClosesIn(db as unknown as PrismaClient, requestId, -1); // past the deadline, still OPEN: nothing closed it yet
    const lock = await holdRow(holder, requestId);
    const late = track(submitBid(bidders, agency!.user, requestId, bid));
    await Promise.race([late.done, sleep(10_000)]); // refused at once; without the filter it would wait as long as the lock is held
    const settledWhileLocked = late.settled;
    const waiting = await sharedLockWaiters(holder);
    await lock.release();
    await late.done;
    expect({ settledWhileLocked, waiting }, "the late bid waited for the request row's lock").toEqual({
      settledWhileLocked: true,
      waiting: 0,
    });
    expect(late.result).toMatchObject(closed);
    expect(await db.bid.count({ where: { requestId } })).toBe(0);
  });

  it("layer 2 (re-check after the lock): a bid that passed the filter in time but got the lock after closesAt is refused", async () => {
    const db = mine.prisma;
    const [agency] = await listedAgencies(db, 1);
    const requestId = (await openRequest(db, await enterpriseUser(db))).id;
    const closesAt = await setClosesIn(db as unknown as PrismaClient, requestId, 5);
    const lock = await holdRow(holder, requestId);
    const bidding = track(submitBid(bidders, agency!.user, requestId, bid));
    // The bid passes the SQL filter (before < closesAt) and queues for the row lock before the deadline…
    let waitingInTime = false;
    for (let i = 0; i < 250 && !waitingInTime && !bidding.settled; i++) {
      const rows = await holder.$queryRaw<{ inTime: boolean }[]>`SELECT clock_timestamp() < ${closesAt} AS "inTime"`;
      if (!rows[0]!.inTime) break;
      waitingInTime = (await sharedLockWaiters(holder)) === 1;
      if (!waitingInTime) await sleep(20);
    }
    expect(waitingInTime, "the bid was queued on the row lock before closesAt (otherwise this test proves nothing)").toBe(true);
    // …and gets it only after closesAt has passed.
    for (;;) {
      const rows = await holder.$queryRaw<
        { past: boolean }[]
      >`SELECT clock_timestamp() > ${closesAt}::timestamptz + interval '300 milliseconds' AS past`;
      if (rows[0]!.past) break;
      await sleep(50);
    }
    expect(bidding.settled, "the bid cannot finish while the row is locked").toBe(false);
    await lock.release();
    await bidding.done;
    expect(bidding.result).toMatchObject(closed);
    expect(await db.bid.count({ where: { requestId } })).toBe(0);
  });
});
