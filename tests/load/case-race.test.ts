/**
 * Regulators deciding at the same moment, and agencies bidding while being
 * suspended. Real PostgreSQL only (TEST_DB=postgres): PGlite serializes every
 * transaction and would hide every race here.
 *
 * 1. Two regulators (two PrismaClients = two app instances) decide the SAME
 *    case at the same moment, 20 rounds, one a suspension and the other a
 *    blacklisting: exactly one succeeds, the other gets DomainError 409; one
 *    Sanction per case; each open bid invalidated once; one notice per party;
 *    the audit chains verify.
 * 2. Two regulators decide two DIFFERENT cases on one agency at the same
 *    moment, 10 rounds: both apply, one after the other (they queue on the
 *    agency row); bids invalidated once; the later end wins.
 * 3. A request closes (scheduler instance) at the very moment its lowest
 *    bidder is suspended, 20 rounds: no error from either side; either the
 *    closing came first (the agency WON and the enterprise is told it may
 *    terminate) or the suspension did (its bid INVALIDATED, another wins).
 * 4. Twelve agencies bid (first bids and revisions) continuously on thirty open
 *    requests and two requests that close mid-run (a scheduler instance closes them), while six
 *    of them are suspended: afterwards no suspended agency has a SUBMITTED bid
 *    on an open request, every refused bid was refused as not eligible (or
 *    closed), and no deadlock, lock timeout or other error surfaced from any
 *    bidder, regulator or the closer.
 */
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "~/db/client.server";
import { isDomainError } from "~/lib/errors";
import type { SessionUser } from "~/lib/session.server";
import { verifyAuditLog } from "~/services/audit/audit.server";
import { submitBid } from "~/services/requests/bids.server";
import { closeDueRequests } from "~/services/requests/close.server";
import { decideCase, decisionRetryCounts, fileComplaint, issueNotice, startReview } from "~/services/supervision/cases.server";
import { seedCatalogue } from "../../seeds/seed";
import { DECISIONS, expireNotice, regulatorUser } from "../support/cases";
import { createTestDb } from "../support/db";
import {
  bulkListedAgencies,
  errorKey,
  latencySummary,
  setClosesIn,
  sleep,
  testDatabaseUrl,
  type LoadAgency,
} from "../support/load-fixtures";
import { enterpriseUser, openRequest, SURVEY } from "../support/requests";

const onPostgres = process.env.TEST_DB === "postgres";
if (!onPostgres)
  console.warn("\n!!! tests/load/case-race.test.ts needs real PostgreSQL (TEST_DB=postgres TEST_DATABASE_URL=…): SKIPPED !!!\n");

const ROUNDS = 20;
const OPEN_REQUESTS = 30;

describe.skipIf(!onPostgres)("regulator decisions racing each other and racing bids", () => {
  let mine: Awaited<ReturnType<typeof createTestDb>>;
  let url: string;
  let a: Awaited<ReturnType<typeof openPostgres>>;
  let b: Awaited<ReturnType<typeof openPostgres>>;
  let reg1: SessionUser;
  let reg2: SessionUser;

  beforeAll(async () => {
    mine = await createTestDb();
    url = testDatabaseUrl(mine.name);
    await seedCatalogue(mine.prisma);
    reg1 = await regulatorUser(mine.prisma, "上海市普陀区审改办");
    reg2 = await regulatorUser(mine.prisma, "上海市普陀区建设管理委员会");
    a = await openPostgres(url, { migrate: false });
    b = await openPostgres(url, { migrate: false });
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await mine?.close();
  });

  /** A case against `agencyId` under review (version 1), filed by a fresh enterprise. */
  async function reviewedCase(agencyId: string) {
    const db = mine.prisma;
    const complainant = await enterpriseUser(db);
    const filed = await fileComplaint(db, complainant, { agencyId, subject: "并发测试投诉", description: "并发测试", files: [] });
    await startReview(db, reg1, filed.id, { expectedVersion: 0 });
    // A heavy decision comes after its prior notice (decision 033): the heaviest proposed, its period run out — version 2.
    await issueNotice(db, reg1, filed.id, { ...DECISIONS.BLACKLIST!, years: 10, expectedVersion: 1 });
    await expireNotice(db, filed.id);
    return { id: filed.id, complainant };
  }

  /** Two open requests (own enterprises) on which the agency and one other bid. */
  async function openBids(agency: LoadAgency, other: LoadAgency) {
    const db = mine.prisma;
    const out: { requestId: string; enterpriseOrgId: string }[] = [];
    for (let i = 0; i < 2; i++) {
      const owner = await enterpriseUser(db);
      const r = await openRequest(db, owner, { title: `并发决定测试项目 ${i}` });
      await submitBid(db, agency.user, r.id, { amountFen: 7_000_000n + BigInt(i), serviceDays: 20, proposal: "按规范完成" });
      await submitBid(db, other.user, r.id, { amountFen: 8_000_000n, serviceDays: 20, proposal: "按规范完成" });
      out.push({ requestId: r.id, enterpriseOrgId: owner.organizationId! });
    }
    return out;
  }

  it(`two regulators deciding the same case at once: exactly one applies, the other gets 409 (${ROUNDS} rounds)`, async () => {
    const db = mine.prisma;
    const agencies = await bulkListedAgencies(url, ROUNDS + 1, { itemCode: SURVEY, passwordHash: "not-used", tag: "same" });
    const other = agencies[ROUNDS]!;
    const problems: string[] = [];
    const ms: number[] = [];
    let firstWins = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const agency = agencies[round]!;
      const requests = await openBids(agency, other);
      const c = await reviewedCase(agency.agencyId);
      const t0 = performance.now();
      const results = await Promise.allSettled([
        decideCase(a.prisma, reg1, c.id, { ...DECISIONS.SUSPENSION!, expectedVersion: 2 }),
        decideCase(b.prisma, reg2, c.id, { ...DECISIONS.BLACKLIST!, expectedVersion: 2 }),
      ]);
      ms.push(performance.now() - t0);
      const say = (m: string) => problems.push(`round ${round}: ${m}`);
      const ok = results.filter((r) => r.status === "fulfilled");
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      if (ok.length !== 1) say(`${ok.length} decisions applied`);
      for (const r of refused) if (!isDomainError(r.reason) || r.reason.status !== 409) say(`refused with ${errorKey(r.reason)}`);
      if (results[0]!.status === "fulfilled") firstWins++;
      const winner = results[0]!.status === "fulfilled" ? "SUSPENSION" : "BLACKLIST";

      const sanctions = await db.sanction.findMany({ where: { caseId: c.id } });
      if (sanctions.length !== 1 || sanctions[0]!.kind !== winner)
        say(`sanctions ${JSON.stringify(sanctions.map((s) => s.kind))}, winner ${winner}`);
      const row = await db.agency.findUniqueOrThrow({ where: { id: agency.agencyId } });
      if (row.status !== (winner === "SUSPENSION" ? "SUSPENDED" : "REMOVED")) say(`agency ${row.status} after ${winner}`);
      const caseRow = await db.supervisionCase.findUniqueOrThrow({ where: { id: c.id } });
      if (caseRow.status !== "DECIDED" || caseRow.decision !== winner || caseRow.version !== 3)
        say(`case ${caseRow.status} ${caseRow.decision} v${caseRow.version}`);
      for (const r of requests) {
        const bid = await db.bid.findUniqueOrThrow({
          where: { requestId_agencyId: { requestId: r.requestId, agencyId: agency.agencyId } },
        });
        if (bid.status !== "INVALIDATED") say(`bid on ${r.requestId} is ${bid.status}`);
        const events = await db.auditEvent.count({
          where: { aggregateType: "request", aggregateId: r.requestId, event: "BID_INVALIDATED" },
        });
        if (events !== 1) say(`${events} BID_INVALIDATED events on ${r.requestId}`);
        const toEnterprise = await db.notification.count({ where: { orgId: r.enterpriseOrgId, kind: "CASE_BID_INVALIDATED" } });
        if (toEnterprise !== 1) say(`${toEnterprise} CASE_BID_INVALIDATED notices to the enterprise`);
        const otherBid = await db.bid.findUniqueOrThrow({
          where: { requestId_agencyId: { requestId: r.requestId, agencyId: other.agencyId } },
        });
        if (otherBid.status !== "SUBMITTED") say(`the other agency's bid is ${otherBid.status}`);
      }
      const toAgency = await db.notification.count({ where: { orgId: agency.user.organizationId!, kind: "CASE_DECIDED_AGENCY" } });
      const toComplainant = await db.notification.count({ where: { userId: c.complainant.id, kind: "CASE_DECIDED" } });
      if (toAgency !== 1 || toComplainant !== 1) say(`notices: agency ${toAgency}, complainant ${toComplainant}`);
      const decideEvents = await db.auditEvent.count({ where: { aggregateType: "case", aggregateId: c.id, event: "DECIDE" } });
      const agencyEvents = await db.auditEvent.count({
        where: { aggregateType: "agency", aggregateId: agency.agencyId, event: { in: ["SUSPEND", "BLACKLIST"] } },
      });
      if (decideEvents !== 1 || agencyEvents !== 1) say(`audit: ${decideEvents} DECIDE, ${agencyEvents} agency sanction events`);
    }
    const s = latencySummary(ms);
    console.log(
      `[case-race] same case, ${ROUNDS} rounds: the suspension won ${firstWins}×, the blacklisting ${ROUNDS - firstWins}×; pair of decisions p50 ${s.p50.toFixed(0)} ms, max ${s.max.toFixed(0)} ms`,
    );
    expect(problems).toEqual([]);
    const audit = await verifyAuditLog(db);
    expect(audit.errors).toEqual([]);
  });

  it("two regulators deciding two different cases on one agency at once: both apply, one after the other (10 rounds)", async () => {
    const db = mine.prisma;
    const agencies = await bulkListedAgencies(url, 11, { itemCode: SURVEY, passwordHash: "not-used", tag: "two" });
    const other = agencies[10]!;
    const problems: string[] = [];
    for (let round = 0; round < 10; round++) {
      const agency = agencies[round]!;
      const requests = await openBids(agency, other);
      const c1 = await reviewedCase(agency.agencyId);
      const c2 = await reviewedCase(agency.agencyId);
      const results = await Promise.allSettled([
        decideCase(a.prisma, reg1, c1.id, { ...DECISIONS.SUSPENSION!, days: 30, expectedVersion: 2 }),
        decideCase(b.prisma, reg2, c2.id, { ...DECISIONS.SUSPENSION!, days: 60, expectedVersion: 2 }),
      ]);
      const say = (m: string) => problems.push(`round ${round}: ${m}`);
      for (const r of results) if (r.status === "rejected") say(`refused: ${errorKey(r.reason)}`);
      const sanctions = await db.sanction.findMany({ where: { agencyId: agency.agencyId } });
      if (sanctions.length !== 2) say(`${sanctions.length} sanctions`);
      const row = await db.agency.findUniqueOrThrow({ where: { id: agency.agencyId } });
      const latest = Math.max(...sanctions.map((s) => s.endsAt!.getTime()));
      if (row.status !== "SUSPENDED" || row.suspendedUntil?.getTime() !== latest)
        say(`agency ${row.status} until ${row.suspendedUntil?.toISOString()}, latest end ${new Date(latest).toISOString()}`);
      if (row.creditScore !== 50) say(`credit ${row.creditScore}, expected 80 − 2×15`);
      for (const r of requests) {
        const events = await db.auditEvent.count({
          where: { aggregateType: "request", aggregateId: r.requestId, event: "BID_INVALIDATED" },
        });
        const notices = await db.notification.count({ where: { orgId: r.enterpriseOrgId, kind: "CASE_BID_INVALIDATED" } });
        if (events !== 1 || notices !== 1) say(`request ${r.requestId}: ${events} BID_INVALIDATED events, ${notices} notices`);
      }
    }
    expect(problems).toEqual([]);
    expect((await verifyAuditLog(db)).errors).toEqual([]);
  });

  it("a request closing while its lowest bidder is suspended: one consistent order, no error (20 rounds)", async () => {
    const db = mine.prisma;
    const agencies = await bulkListedAgencies(url, ROUNDS + 3, { itemCode: SURVEY, passwordHash: "not-used", tag: "close" });
    const others = agencies.slice(ROUNDS);
    const problems: string[] = [];
    const order = { closeFirst: 0, suspendFirst: 0 };
    const before = decisionRetryCounts();
    for (let round = 0; round < ROUNDS; round++) {
      const agency = agencies[round]!;
      const owner = await enterpriseUser(db);
      const r = await openRequest(db, owner, { title: `截止与暂停并发 ${round}` });
      await submitBid(db, agency.user, r.id, { amountFen: 5_000_000n, serviceDays: 20, proposal: "最低报价" });
      for (const [k, o] of others.entries())
        await submitBid(db, o.user, r.id, { amountFen: 6_000_000n + BigInt(k), serviceDays: 20, proposal: "报价" });
      const c = await reviewedCase(agency.agencyId);
      await setClosesIn(db, r.id, -1);
      // Alternate which side starts a few milliseconds ahead, so both orders occur.
      const lead = (round % 4) * 6;
      const [closed, decided] = await Promise.allSettled([
        sleep(round % 2 ? lead : 0).then(() => closeDueRequests(b.prisma)),
        sleep(round % 2 ? 0 : lead).then(() => decideCase(a.prisma, reg1, c.id, { ...DECISIONS.SUSPENSION!, expectedVersion: 2 })),
      ]);
      const say = (m: string) => problems.push(`round ${round}: ${m}`);
      if (closed.status === "rejected") say(`closer: ${errorKey(closed.reason)}`);
      if (decided.status === "rejected") say(`decision: ${errorKey(decided.reason)}`);
      // Whatever the closer left (it may have skipped the request while the decision held it), the next tick closes.
      await closeDueRequests(b.prisma);
      const req = await db.serviceRequest.findUniqueOrThrow({ where: { id: r.id }, include: { bids: true } });
      const mineBid = req.bids.find((x) => x.agencyId === agency.agencyId)!;
      const atRisk = await db.notification.count({ where: { orgId: owner.organizationId!, kind: "CASE_CONTRACT_AT_RISK" } });
      const invalidNotice = await db.notification.count({ where: { orgId: owner.organizationId!, kind: "CASE_BID_INVALIDATED" } });
      if (req.status !== "AWARD_PUBLICITY") say(`request ${req.status}`);
      if (mineBid.status === "WON") {
        order.closeFirst++;
        if (atRisk !== 1 || invalidNotice !== 0)
          say(`won before the suspension but ${atRisk} at-risk and ${invalidNotice} invalidated notices`);
      } else if (mineBid.status === "INVALIDATED" && mineBid.invalidReason === "AGENCY_SUSPENDED") {
        order.suspendFirst++;
        if (atRisk !== 0 || invalidNotice !== 1)
          say(`withdrawn by the suspension but ${atRisk} at-risk and ${invalidNotice} invalidated notices`);
        if (req.bids.filter((x) => x.status === "WON").length !== 1) say("no other winner");
      } else say(`the suspended agency's bid is ${mineBid.status} (${mineBid.invalidReason})`);
    }
    const retries = Object.fromEntries(Object.entries(decisionRetryCounts()).map(([k, v]) => [k, v - (before[k] ?? 0)]));
    console.log(
      `[case-race] close vs suspension, ${ROUNDS} rounds: closing first ${order.closeFirst}×, suspension first ${order.suspendFirst}×; decisions retried ${JSON.stringify(retries)}`,
    );
    expect(problems).toEqual([]);
    expect((await verifyAuditLog(db)).errors).toEqual([]);
  });

  it("agencies bidding while being suspended: no suspended agency keeps an open bid, nothing deadlocks", async () => {
    const db = mine.prisma;
    const AGENCIES = 12;
    const agencies = await bulkListedAgencies(url, AGENCIES, { itemCode: SURVEY, passwordHash: "not-used", tag: "bid" });
    const owner = await enterpriseUser(db);
    // Open requests nobody has bid on yet: during the run, first bids (inserts) race the suspensions, not only revisions.
    const open: string[] = [];
    for (let i = 0; i < OPEN_REQUESTS; i++) open.push((await openRequest(db, owner, { title: `竞价与暂停并发 ${i}` })).id);
    const closing: string[] = [];
    for (let i = 0; i < 2; i++) closing.push((await openRequest(db, owner, { title: `竞价中截止 ${i}` })).id);
    // Everyone has bid on the closing requests before the run, so they have enough bidders to award.
    for (const ag of agencies)
      for (const r of closing) await submitBid(db, ag.user, r, { amountFen: 9_000_000n, serviceDays: 20, proposal: "首轮报价" });
    const targets = agencies.filter((_, i) => i % 2 === 0);
    const cases = new Map<string, string>();
    for (const ag of targets) cases.set(ag.agencyId, (await reviewedCase(ag.agencyId)).id);
    for (const r of closing) await setClosesIn(db, r, 1.5);

    const tally = {
      bids: 0,
      refusedNotEligible: 0,
      refusedClosed: 0,
      unexpected: [] as string[],
      decisions: 0,
      decisionErrors: [] as string[],
      closed: 0,
      closerErrors: [] as string[],
    };
    const runFor = 4_000;
    const t0 = performance.now();
    let stop = false;
    const all = [...open, ...closing];
    const bidders = agencies.map(async (ag, k) => {
      let n = 0;
      while (!stop) {
        // Each agency walks the requests in its own order, a short random pause between bids.
        const requestId = all[(n * 5 + k * 7) % all.length]!;
        await sleep(5 + Math.random() * 20);
        try {
          await submitBid(k % 2 ? a.prisma : b.prisma, ag.user, requestId, {
            amountFen: 6_000_000n + BigInt((n * 7919 + k) % 2_000_000),
            serviceDays: 20,
            proposal: `第 ${n} 次报价`,
          });
          tally.bids++;
        } catch (e) {
          if (isDomainError(e) && e.status === 403 && e.message === "requests.errors.notEligible") tally.refusedNotEligible++;
          else if (isDomainError(e) && e.status === 409) tally.refusedClosed++;
          else tally.unexpected.push(errorKey(e));
        }
        n++;
      }
    });
    const regulators = (async () => {
      await sleep(300);
      // Two regulators (two instances) suspend three agencies each, interleaved.
      await Promise.all(
        [0, 1].map(async (side) => {
          for (const [i, ag] of targets.entries()) {
            if (i % 2 !== side) continue;
            try {
              await decideCase(side ? a.prisma : b.prisma, side ? reg1 : reg2, cases.get(ag.agencyId)!, {
                ...DECISIONS.SUSPENSION!,
                expectedVersion: 2,
              });
              tally.decisions++;
            } catch (e) {
              tally.decisionErrors.push(errorKey(e));
            }
            await sleep(150);
          }
        }),
      );
    })();
    const closer = (async () => {
      while (!stop) {
        try {
          tally.closed += await closeDueRequests(b.prisma);
        } catch (e) {
          tally.closerErrors.push(errorKey(e));
        }
        await sleep(20);
      }
    })();
    await regulators;
    await sleep(Math.max(0, runFor - (performance.now() - t0)));
    stop = true;
    await Promise.all([...bidders, closer]);
    const elapsed = (performance.now() - t0) / 1000;
    console.log(
      `[case-race] bids vs suspensions: ${tally.bids} bids accepted, ${tally.refusedNotEligible} refused as not eligible, ${tally.refusedClosed} as closed, ` +
        `${tally.unexpected.length} unexpected errors; ${tally.decisions} suspensions; ${tally.closed} requests closed — in ${elapsed.toFixed(1)} s` +
        (tally.unexpected.length || tally.decisionErrors.length || tally.closerErrors.length
          ? `\n  errors: ${[...new Set([...tally.unexpected, ...tally.decisionErrors, ...tally.closerErrors])].join(" | ")}`
          : ""),
    );
    expect(tally.unexpected, "errors surfaced from bidders (deadlock, timeout…)").toEqual([]);
    expect(tally.decisionErrors, "errors surfaced from the regulators' decisions").toEqual([]);
    expect(tally.closerErrors, "errors surfaced from the closer").toEqual([]);
    expect(tally.decisions).toBe(targets.length);
    expect(tally.refusedNotEligible, "suspended agencies kept trying and were refused").toBeGreaterThan(0);
    expect(tally.closed).toBe(closing.length);

    const suspended = targets.map((x) => x.agencyId);
    const left = await db.bid.findMany({
      where: { agencyId: { in: suspended }, status: "SUBMITTED", request: { status: { in: ["OPEN", "CLOSED"] } } },
      select: { id: true, agencyId: true, requestId: true },
    });
    expect(left, "SUBMITTED bids of suspended agencies on open requests").toEqual([]);
    expect(await db.agency.count({ where: { id: { in: suspended }, status: "SUSPENDED" } })).toBe(targets.length);
    // Every bid the suspension withdrew is on record once; listed agencies' bids on open requests are untouched.
    const withdrawn = await db.bid.findMany({
      where: { agencyId: { in: suspended }, invalidReason: "AGENCY_SUSPENDED" },
      select: { id: true },
    });
    const events = await db.auditEvent.findMany({
      where: { aggregateType: "request", event: "BID_INVALIDATED", aggregateId: { in: [...open, ...closing] } },
      select: { payload: true },
    });
    const evIds = events.map((e) => (e.payload as { bidId: string }).bidId).sort();
    expect(evIds).toEqual(withdrawn.map((w) => w.id).sort());
    expect(await db.bid.count({ where: { requestId: { in: open }, agencyId: { notIn: suspended }, status: { not: "SUBMITTED" } } })).toBe(
      0,
    );
    // A suspended agency that won a closing request before its suspension: the enterprise was told it may terminate.
    const won = await db.bid.findMany({ where: { agencyId: { in: suspended }, status: "WON" }, select: { requestId: true } });
    for (const w of won)
      expect(
        await db.notification.count({ where: { kind: "CASE_CONTRACT_AT_RISK", data: { path: ["requestId"], equals: w.requestId } } }),
      ).toBeGreaterThan(0);
    expect((await verifyAuditLog(db)).errors).toEqual([]);
  });
});
