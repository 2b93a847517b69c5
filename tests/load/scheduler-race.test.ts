/**
 * Two scheduler instances racing over the same due requests.
 *
 * 50 requests (all five selection methods, 0–8 bids each from a shared set of
 * agencies, some bids from agencies suspended after bidding) pass their
 * deadline at once; two separate PrismaClients (two app instances) run
 * closeDueRequests concurrently, the way every instance's scheduler does, until
 * nothing is due. Two rounds: with the default batch limit, and with limit 2
 * (many short calls, more interleaving). Then, for every request:
 *   - it was closed exactly once: one CLOSE audit event, and the instances'
 *     return values add up to the number of requests;
 *   - its status is what its bids call for (competitive → AWARD_PUBLICITY with
 *     exactly one WON bid = awardedBidId and one AWARD announcement, or FAILED
 *     with one FAILED announcement and no winner; DIRECT → CLOSED (awaiting the pick) or FAILED);
 *   - no bid is left SUBMITTED on a competitive request, bids of suspended agencies are INVALIDATED;
 *   - agencies' awardsCount equals their WON bids (no lost increment);
 *   - no error (deadlock 40P01, serialization, timeout) surfaced from either instance;
 *   - the audit chain verifies.
 * Real PostgreSQL only (TEST_DB=postgres).
 */
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { verifyAuditLog } from "~/services/audit/audit.server";
import { submitBid } from "~/services/requests/bids.server";
import { closeDueRequests } from "~/services/requests/close.server";
import { seedCatalogue } from "../../seeds/seed";
import { createTestDb } from "../support/db";
import { bulkListedAgencies, errorKey, latencySummary, sleep, testDatabaseUrl, type LoadAgency } from "../support/load-fixtures";
import { enterpriseUser, openRequest, SURVEY } from "../support/requests";

const onPostgres = process.env.TEST_DB === "postgres";
if (!onPostgres)
  console.warn("\n!!! tests/load/scheduler-race.test.ts needs real PostgreSQL (TEST_DB=postgres TEST_DATABASE_URL=…): SKIPPED !!!\n");

const REQUESTS = 50;
const AGENCIES = 12;
const METHODS = ["LOWEST_PRICE", "AVERAGE_PRICE", "SCORED", "RANDOM_DRAW", "DIRECT"] as const;

type Planned = { id: string; method: (typeof METHODS)[number]; bidders: LoadAgency[] };

describe.skipIf(!onPostgres)("two scheduler instances closing the same due requests", () => {
  let mine: Awaited<ReturnType<typeof createTestDb>>;
  let url: string;
  let agencies: LoadAgency[];
  let enterprise: SessionUser;
  let a: Awaited<ReturnType<typeof openPostgres>>;
  let b: Awaited<ReturnType<typeof openPostgres>>;

  beforeAll(async () => {
    mine = await createTestDb();
    url = testDatabaseUrl(mine.name);
    await seedCatalogue(mine.prisma);
    agencies = await bulkListedAgencies(url, AGENCIES, { itemCode: SURVEY, passwordHash: "not-used" });
    enterprise = await enterpriseUser(mine.prisma);
    a = await openPostgres(url, { migrate: false });
    b = await openPostgres(url, { migrate: false });
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await mine?.close();
  });

  /** 50 OPEN requests with bids; then every deadline is moved into the past at once. */
  async function prepare(round: number): Promise<{ planned: Planned[]; suspended: Set<string> }> {
    const db = mine.prisma;
    const planned: Planned[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const method = METHODS[i % METHODS.length]!;
      const extra: Record<string, string> = method === "SCORED" ? { weightPrice: "60", weightCredit: "30", weightDays: "10" } : {};
      const posted = await openRequest(db, enterprise, { selectionMethod: method, title: `调度竞争测试 第${round}轮 ${i}号`, ...extra });
      // 0–8 bidders per request, rotating through the shared agencies so the same agencies win several requests.
      const n = (i * 7 + round) % 9;
      const bidders = Array.from({ length: n }, (_, k) => agencies[(i + k) % AGENCIES]!);
      planned.push({ id: posted.id, method, bidders });
    }
    // Bid with some concurrency (bids on different requests don't contend).
    const jobs = planned.flatMap((p) => p.bidders.map((ag, k) => ({ p, ag, k })));
    for (let s = 0; s < jobs.length; s += 16) {
      await Promise.all(
        jobs.slice(s, s + 16).map(({ p, ag, k }) =>
          submitBid(db, ag.user, p.id, {
            amountFen: BigInt(60_000 + ((k * 7919) % 30_000)) * 100n,
            serviceDays: 10 + k,
            proposal: "按规范完成",
          }),
        ),
      );
    }
    // Two agencies are suspended after bidding: their bids must be INVALIDATED at closing.
    const suspended = new Set([agencies[round % AGENCIES]!.agencyId, agencies[(round + 5) % AGENCIES]!.agencyId]);
    await db.agency.updateMany({ where: { id: { in: [...suspended] } }, data: { status: "SUSPENDED" } });
    await db.$executeRaw`UPDATE "ServiceRequest" SET "closesAt" = clock_timestamp() - make_interval(secs => 1 + random() * 60) WHERE id = ANY(${planned.map((p) => p.id)}::text[])`;
    return { planned, suspended };
  }

  async function race(limit: number | undefined) {
    const instances = [
      { name: "A", client: a.prisma, closed: 0, calls: 0, errors: [] as string[], ms: [] as number[] },
      { name: "B", client: b.prisma, closed: 0, calls: 0, errors: [] as string[], ms: [] as number[] },
    ];
    const t0 = performance.now();
    const deadline = t0 + 60_000;
    await Promise.all(
      instances.map(async (x) => {
        for (;;) {
          const s = performance.now();
          try {
            x.closed += await closeDueRequests(x.client, limit);
          } catch (e) {
            x.errors.push(errorKey(e));
          }
          x.calls++;
          x.ms.push(performance.now() - s);
          const due = await x.client.serviceRequest.count({ where: { status: "OPEN", closesAt: { lte: new Date() } } });
          if (due === 0 || performance.now() > deadline) break;
          await sleep(5);
        }
      }),
    );
    return { instances, ms: performance.now() - t0 };
  }

  async function check(label: string, planned: Planned[], suspended: Set<string>, result: Awaited<ReturnType<typeof race>>) {
    const db = mine.prisma;
    const ids = planned.map((p) => p.id);
    const { instances } = result;
    console.log(
      `[scheduler-race] ${label}: ${REQUESTS} due requests closed in ${(result.ms / 1000).toFixed(2)} s by two instances — ` +
        instances
          .map(
            (x) =>
              `${x.name}: ${x.closed} closed in ${x.calls} calls (p50 ${latencySummary(x.ms).p50.toFixed(0)} ms, max ${latencySummary(x.ms).max.toFixed(0)} ms), ${x.errors.length} errors`,
          )
          .join("; ") +
        (instances.some((x) => x.errors.length) ? `\n  errors: ${[...new Set(instances.flatMap((x) => x.errors))].join(" | ")}` : ""),
    );
    expect(
      instances.flatMap((x) => x.errors),
      "errors surfaced from closeDueRequests (deadlock, timeout…)",
    ).toEqual([]);
    expect(instances[0]!.closed + instances[1]!.closed, "each request counted as closed exactly once").toBe(REQUESTS);
    expect(
      instances.every((x) => x.closed > 0),
      "both instances did part of the work",
    ).toBe(true);

    const rows = await db.serviceRequest.findMany({ where: { id: { in: ids } }, include: { bids: true } });
    const closeEvents = await db.auditEvent.groupBy({
      by: ["aggregateId"],
      where: { aggregateType: "request", aggregateId: { in: ids }, event: "CLOSE" },
      _count: { _all: true },
    });
    const closeCount = new Map(closeEvents.map((e) => [e.aggregateId, e._count._all]));
    const anns = await db.announcement.groupBy({
      by: ["entityId", "kind"],
      where: { entityId: { in: ids }, kind: { in: ["AWARD", "FAILED"] } },
      _count: { _all: true },
    });
    const annCount = (id: string, kind: string) => anns.find((x) => x.entityId === id && x.kind === kind)?._count._all ?? 0;
    const problems: string[] = [];
    for (const p of planned) {
      const r = rows.find((x) => x.id === p.id)!;
      const valid = p.bidders.filter((x) => !suspended.has(x.agencyId)).length;
      const won = r.bids.filter((x) => x.status === "WON");
      const say = (m: string) => problems.push(`${p.method} ${p.id} (${p.bidders.length} bids, ${valid} valid): ${m}`);
      if (closeCount.get(p.id) !== 1) say(`${closeCount.get(p.id) ?? 0} CLOSE events`);
      for (const bid of r.bids)
        if (suspended.has(bid.agencyId) && bid.status !== "INVALIDATED") say(`bid of a suspended agency is ${bid.status}`);
      if (p.method === "DIRECT") {
        const expected = valid >= Math.max(1, r.minBidders) ? "CLOSED" : "FAILED";
        if (r.status !== expected) say(`status ${r.status}, expected ${expected}`);
        if (won.length) say(`${won.length} WON bids before the enterprise picked`);
        continue;
      }
      const expected = valid >= r.minBidders ? "AWARD_PUBLICITY" : "FAILED";
      if (r.status !== expected) say(`status ${r.status}, expected ${expected}`);
      if (r.bids.some((x) => x.status === "SUBMITTED")) say("bids left SUBMITTED");
      if (expected === "AWARD_PUBLICITY") {
        if (won.length !== 1 || r.awardedBidId !== won[0]!.id) say(`${won.length} WON bids, awardedBidId ${r.awardedBidId}`);
        if (annCount(p.id, "AWARD") !== 1 || annCount(p.id, "FAILED") !== 0)
          say(`announcements AWARD ${annCount(p.id, "AWARD")}, FAILED ${annCount(p.id, "FAILED")}`);
        if (p.method === "LOWEST_PRICE") {
          const lowest = r.bids
            .filter((x) => x.status !== "INVALIDATED")
            .sort((x, y) =>
              x.amountFen < y.amountFen ? -1 : x.amountFen > y.amountFen ? 1 : x.submittedAt.getTime() - y.submittedAt.getTime(),
            )[0];
          if (won[0] && lowest && won[0].id !== lowest.id) say("the winner is not the lowest valid bid");
        }
      } else {
        if (won.length || r.awardedBidId) say(`FAILED but ${won.length} WON bids`);
        if (annCount(p.id, "FAILED") !== 1 || annCount(p.id, "AWARD") !== 0)
          say(`announcements FAILED ${annCount(p.id, "FAILED")}, AWARD ${annCount(p.id, "AWARD")}`);
      }
    }
    const byStatus = rows.reduce<Record<string, number>>((m, r) => ((m[r.status] = (m[r.status] ?? 0) + 1), m), {});
    const bidStatus = rows.flatMap((r) => r.bids).reduce<Record<string, number>>((m, x) => ((m[x.status] = (m[x.status] ?? 0) + 1), m), {});
    console.log(`  request statuses ${JSON.stringify(byStatus)}; bid statuses ${JSON.stringify(bidStatus)}`);
    expect(problems).toEqual([]);
  }

  it("closes each of 50 due requests exactly once, with valid outcomes and no deadlock (default limit, then limit 2)", async () => {
    const db = mine.prisma;
    for (const [round, limit] of [
      [1, undefined],
      [2, 2],
    ] as const) {
      const t0 = performance.now();
      const { planned, suspended } = await prepare(round);
      console.log(
        `[scheduler-race] round ${round}: prepared ${REQUESTS} requests and ${planned.reduce((s, p) => s + p.bidders.length, 0)} bids in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
      const result = await race(limit);
      await check(`round ${round} (limit ${limit ?? "default"})`, planned, suspended, result);
      await db.agency.updateMany({ where: { id: { in: [...suspended] } }, data: { status: "LISTED" } });
    }
    // No award increment was lost under the race.
    const wins = await db.bid.groupBy({ by: ["agencyId"], where: { status: "WON" }, _count: { _all: true } });
    const counts = await db.agency.findMany({
      where: { id: { in: agencies.map((x) => x.agencyId) } },
      select: { id: true, awardsCount: true },
    });
    expect(counts.map((c) => [c.id, c.awardsCount]).sort()).toEqual(
      counts.map((c) => [c.id, wins.find((w) => w.agencyId === c.id)?._count._all ?? 0]).sort(),
    );
    const audit = await verifyAuditLog(db);
    expect(audit.errors).toEqual([]);
    expect(audit.ok).toBe(true);
  });
});
