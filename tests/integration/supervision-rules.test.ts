// The effects of a sanction (Principle 7) at their boundaries, calling the
// effects service directly inside a transaction with small fixtures: how long
// each kind lasts, what it does to the listing (a second suspension keeps the
// later end), the open bids it withdraws and the enterprises it tells, what an
// appeal that revokes it restores (or not, when another sanction is still in
// force), and the scheduler reinstating a suspension exactly at its end.
// Mutation testing uses this file (docs/mutation-testing.md,
// stryker.commands.config.json).
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

/** dbNow with a queue of instants to return first (then the real clock). */
const hook = vi.hoisted(() => ({ times: [] as Date[] }));
vi.mock("~/services/clock.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/services/clock.server")>();
  return { ...real, dbNow: async (client: never) => hook.times.shift() ?? real.dbNow(client) };
});

import { getDb, type Db } from "~/db/client.server";
import type { SanctionKind } from "~/generated/prisma/client";
import type { SessionUser } from "~/lib/session.server";
import { approveAgency, reapplyAgency } from "~/services/agencies/review.server";
import { submitBid } from "~/services/requests/bids.server";
import { closeDueRequests } from "~/services/requests/close.server";
import { applySanction, reinstateDueSuspensions, revokeCaseSanctions, sanctionEnd } from "~/services/supervision/effects.server";
import { seedCatalogue } from "../../seeds/seed";
import { bid, caseUnderReview, regulatorUser } from "../support/cases";
import { enterpriseUser, expire, listedAgencies, openRequest } from "../support/requests";

const DAY = 86_400_000;
const ms = (d: Date, n: number) => new Date(d.getTime() + n);

type Agency = { user: SessionUser; agencyId: string };
let db: Db;
let reg: SessionUser;
let t0: Date;

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  reg = await regulatorUser(db);
  t0 = (await db.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`)[0]!.now;
});

afterEach(() => {
  hook.times.length = 0;
});

const agencyRow = (a: Agency) => db.agency.findUniqueOrThrow({ where: { id: a.agencyId } });
const agencyEvents = (a: Agency) =>
  db.auditEvent.findMany({
    where: { aggregateType: "agency", aggregateId: a.agencyId },
    orderBy: { seq: "asc" },
    select: { fromState: true, event: true, toState: true, actorId: true, payload: true },
  });
const lastAgencyEvent = async (a: Agency) => (await agencyEvents(a)).at(-1)!;

async function sanction(a: Agency, kind: SanctionKind, now: Date, extra: { days?: number; years?: number; points?: number } = {}) {
  const c = await caseUnderReview(db, reg, a.agencyId);
  const result = await db.$transaction((tx) =>
    applySanction(tx, {
      agencyId: a.agencyId,
      caseId: c.id,
      caseCode: c.code,
      kind,
      reason: `理由：${kind}`,
      legalBasis: "《办法》第二十条",
      evidence: "复核记录",
      authority: "上海市普陀区审改办",
      actorId: reg.id,
      now,
      ...extra,
    }),
  );
  return { ...result, caseId: c.id, caseCode: c.code };
}

const revoke = (a: Agency, s: { caseId: string; caseCode: string }, now: Date) =>
  db.$transaction((tx) =>
    revokeCaseSanctions(tx, { agencyId: a.agencyId, caseId: s.caseId, caseCode: s.caseCode, reason: "复核撤销", actorId: reg.id, now }),
  );

/** An agency with one SUBMITTED bid on an OPEN request and one award in publicity (a running engagement). */
async function busyAgency() {
  const [a] = (await listedAgencies(db, 1)) as [Agency];
  const openOwner = await enterpriseUser(db);
  const open = await openRequest(db, openOwner, { title: "曹杨路地块土地勘测" });
  await submitBid(db, a.user, open.id, bid(70000));
  const awardOwner = await enterpriseUser(db);
  const awarded = await openRequest(db, awardOwner, { title: "桃浦地块土地勘测", minBidders: "1" });
  await submitBid(db, a.user, awarded.id, bid(60000));
  await expire(db, awarded.id);
  await closeDueRequests(db);
  const openRow = await db.serviceRequest.findUniqueOrThrow({ where: { id: open.id } });
  const awardedRow = await db.serviceRequest.findUniqueOrThrow({ where: { id: awarded.id } });
  expect(awardedRow.status).toBe("AWARD_PUBLICITY");
  return { a, open: openRow, awarded: awardedRow };
}

const notes = async (kind: string, requestId: string) =>
  (await db.notification.findMany({ where: { kind }, select: { orgId: true, data: true } })).filter(
    (n) => (n.data as { requestId?: string }).requestId === requestId,
  );

describe("how long a sanction lasts", () => {
  it("a suspension N days, a blacklist N calendar years (29 February → 1 March), the others open-ended", () => {
    const now = new Date("2024-02-29T04:00:00.000Z");
    expect(sanctionEnd("SUSPENSION", now, { days: 30 })).toEqual(ms(now, 30 * DAY));
    expect(sanctionEnd("SUSPENSION", now, {})).toEqual(now);
    expect(sanctionEnd("BLACKLIST", now, { years: 1 })).toEqual(new Date("2025-03-01T04:00:00.000Z"));
    expect(sanctionEnd("BLACKLIST", now, { years: 4 })).toEqual(new Date("2028-02-29T04:00:00.000Z"));
    expect(sanctionEnd("BLACKLIST", now, {})).toEqual(now);
    for (const kind of ["WARNING", "CREDIT_DEDUCTION", "REMOVAL"] as const)
      expect(sanctionEnd(kind, now, { days: 3, years: 3 })).toBeNull();
  });
});

describe("applying a sanction", () => {
  it("a suspension: recorded, the agency suspended until its end, its open bids withdrawn, every enterprise concerned told", async () => {
    const { a, open, awarded } = await busyAgency();
    const now = ms(t0, 1000);
    // Every change of the listing bumps the agency's version (a form opened before it is refused as stale).
    const v0 = (await agencyRow(a)).version;
    const s = await sanction(a, "SUSPENSION", now, { days: 30 });
    const endsAt = ms(now, 30 * DAY);
    expect(s).toMatchObject({ endsAt, agencyFrom: "LISTED", agencyTo: "SUSPENDED", invalidatedBids: 1, contractsAtRisk: 1 });
    expect(typeof s.creditScore).toBe("number");
    expect(await db.sanction.findUniqueOrThrow({ where: { id: s.sanctionId } })).toMatchObject({
      agencyId: a.agencyId,
      caseId: s.caseId,
      kind: "SUSPENSION",
      reason: "理由：SUSPENSION",
      legalBasis: "《办法》第二十条",
      evidence: "复核记录",
      authority: "上海市普陀区审改办",
      startsAt: now,
      endsAt,
      createdAt: now,
      revokedAt: null,
    });
    expect(await agencyRow(a)).toMatchObject({
      status: "SUSPENDED",
      statusReason: "理由：SUSPENSION",
      suspendedUntil: endsAt,
      version: v0 + 1,
    });
    expect(await lastAgencyEvent(a)).toEqual({
      fromState: "LISTED",
      event: "SUSPEND",
      toState: "SUSPENDED",
      actorId: reg.id,
      payload: {
        caseId: s.caseId,
        caseCode: s.caseCode,
        sanctionId: s.sanctionId,
        kind: "SUSPENSION",
        reason: "理由：SUSPENSION",
        legalBasis: "《办法》第二十条",
        authority: "上海市普陀区审改办",
        startsAt: now.toISOString(),
        endsAt: endsAt.toISOString(),
        days: 30,
        years: null,
        points: null,
        statusChanged: true,
      },
    });
    // The open bid is withdrawn (on the request's chain, the enterprise told without naming the agency); the award stands.
    expect(await db.bid.findFirstOrThrow({ where: { requestId: open.id, agencyId: a.agencyId } })).toMatchObject({
      status: "INVALIDATED",
      invalidReason: "AGENCY_SUSPENDED",
    });
    const bidEvent = await db.auditEvent.findFirstOrThrow({
      where: { aggregateType: "request", aggregateId: open.id, event: "BID_INVALIDATED" },
    });
    const openBid = await db.bid.findFirstOrThrow({ where: { requestId: open.id, agencyId: a.agencyId } });
    expect(bidEvent).toMatchObject({
      fromState: "SUBMITTED",
      toState: "INVALIDATED",
      actorId: reg.id,
      payload: { bidId: openBid.id, agencyId: a.agencyId, reason: "AGENCY_SUSPENDED", caseId: s.caseId, caseCode: s.caseCode },
    });
    expect(await notes("CASE_BID_INVALIDATED", open.id)).toEqual([
      { orgId: open.enterpriseOrgId, data: { requestId: open.id, title: open.title, code: open.code } },
    ]);
    expect(await db.bid.findFirstOrThrow({ where: { requestId: awarded.id, agencyId: a.agencyId } })).toMatchObject({ status: "WON" });
    expect(await notes("CASE_CONTRACT_AT_RISK", awarded.id)).toEqual([
      { orgId: awarded.enterpriseOrgId, data: { requestId: awarded.id, title: awarded.title, code: awarded.code } },
    ]);
    expect(await notes("CASE_CONTRACT_AT_RISK", open.id)).toEqual([]);

    // A second, shorter suspension while suspended: recorded, the later end kept, nothing changes.
    const shorter = await sanction(a, "SUSPENSION", ms(now, DAY), { days: 10 });
    expect(shorter).toMatchObject({ agencyFrom: "SUSPENDED", agencyTo: "SUSPENDED", invalidatedBids: 0, contractsAtRisk: 1 });
    expect(await agencyRow(a)).toMatchObject({ suspendedUntil: endsAt, version: v0 + 1 });
    expect((await lastAgencyEvent(a)).payload).toMatchObject({ statusChanged: false, days: 10 });
    // A longer one moves the end.
    const longer = await sanction(a, "SUSPENSION", ms(now, DAY), { days: 40 });
    expect(await agencyRow(a)).toMatchObject({ suspendedUntil: ms(now, 41 * DAY), version: v0 + 2 });
    expect((await lastAgencyEvent(a)).payload).toMatchObject({ statusChanged: true, sanctionId: longer.sanctionId });
  });

  it("a removal and a blacklist take the agency off the list with no suspension end; their bids are withdrawn as 'removed'", async () => {
    const { a, open } = await busyAgency();
    const [b] = (await listedAgencies(db, 1)) as [Agency];
    const now = ms(t0, 2000);
    // A suspended agency that is then removed loses its suspension end.
    await sanction(a, "SUSPENSION", now, { days: 5 });
    const r = await sanction(a, "REMOVAL", ms(now, 1));
    expect(r).toMatchObject({ endsAt: null, agencyFrom: "SUSPENDED", agencyTo: "REMOVED", invalidatedBids: 0 });
    expect(await agencyRow(a)).toMatchObject({ status: "REMOVED", suspendedUntil: null, statusReason: "理由：REMOVAL" });
    expect((await lastAgencyEvent(a)).event).toBe("REMOVE");
    expect(await db.bid.findFirstOrThrow({ where: { requestId: open.id, agencyId: a.agencyId } })).toMatchObject({
      invalidReason: "AGENCY_SUSPENDED",
    });

    const bidOwner = await enterpriseUser(db);
    const req = await openRequest(db, bidOwner, { title: "真如地块土地勘测" });
    await submitBid(db, b.user, req.id, bid(70000));
    const bl = await sanction(b, "BLACKLIST", now, { years: 3 });
    expect(bl).toMatchObject({ agencyFrom: "LISTED", agencyTo: "REMOVED", invalidatedBids: 1, contractsAtRisk: 0 });
    expect(bl.endsAt).toEqual(sanctionEnd("BLACKLIST", now, { years: 3 }));
    expect(await lastAgencyEvent(b)).toMatchObject({ event: "BLACKLIST", toState: "REMOVED", payload: { years: 3, days: null } });
    expect(await db.bid.findFirstOrThrow({ where: { requestId: req.id, agencyId: b.agencyId } })).toMatchObject({
      status: "INVALIDATED",
      invalidReason: "AGENCY_REMOVED",
    });
    // A removal of an agency already removed is recorded, nothing moves.
    const again = await sanction(b, "REMOVAL", ms(now, 1));
    expect(again).toMatchObject({ agencyFrom: "REMOVED", agencyTo: "REMOVED" });
    expect((await lastAgencyEvent(b)).payload).toMatchObject({ statusChanged: false });
  });

  it("a suspension of an agency already removed is recorded and audited, but the agency stays removed with no end", async () => {
    const [a] = (await listedAgencies(db, 1)) as [Agency];
    const now = ms(t0, 2500);
    await sanction(a, "REMOVAL", now);
    const v1 = (await agencyRow(a)).version;
    const s = await sanction(a, "SUSPENSION", ms(now, 1), { days: 30 });
    expect(s).toMatchObject({ endsAt: ms(now, 1 + 30 * DAY), agencyFrom: "REMOVED", agencyTo: "REMOVED", invalidatedBids: 0 });
    expect(await db.sanction.findUniqueOrThrow({ where: { id: s.sanctionId } })).toMatchObject({ kind: "SUSPENSION", revokedAt: null });
    expect(await agencyRow(a)).toMatchObject({ status: "REMOVED", suspendedUntil: null, statusReason: "理由：REMOVAL", version: v1 });
    expect(await lastAgencyEvent(a)).toMatchObject({
      fromState: "REMOVED",
      event: "SUSPEND",
      toState: "REMOVED",
      payload: { sanctionId: s.sanctionId, statusChanged: false },
    });
  });

  it("a warning or a credit deduction is recorded and audited but leaves the listing and the bids alone", async () => {
    const { a, open, awarded } = await busyAgency();
    const now = ms(t0, 3000);
    const w = await sanction(a, "WARNING", now);
    expect(w).toMatchObject({ endsAt: null, agencyFrom: "LISTED", agencyTo: "LISTED", invalidatedBids: 0, contractsAtRisk: 0 });
    const d = await sanction(a, "CREDIT_DEDUCTION", now, { points: 10 });
    expect(d).toMatchObject({ agencyTo: "LISTED", invalidatedBids: 0 });
    expect(
      (await agencyEvents(a)).slice(-2).map((e) => [e.event, e.toState, (e.payload as { statusChanged: boolean }).statusChanged]),
    ).toEqual([
      ["WARN", "LISTED", false],
      ["CREDIT_DEDUCTION", "LISTED", false],
    ]);
    expect((await lastAgencyEvent(a)).payload).toMatchObject({ points: 10 });
    expect(await db.bid.findFirstOrThrow({ where: { requestId: open.id, agencyId: a.agencyId } })).toMatchObject({ status: "SUBMITTED" });
    expect(await notes("CASE_CONTRACT_AT_RISK", awarded.id)).toEqual([]);
    expect(await agencyRow(a)).toMatchObject({ status: "LISTED", suspendedUntil: null });
  });
});

describe("an appeal revokes a sanction", () => {
  it("a revoked suspension lists the agency again; the sanction stays public, marked revoked; revoking twice does nothing", async () => {
    const [a] = (await listedAgencies(db, 1)) as [Agency];
    const now = ms(t0, 4000);
    const s = await sanction(a, "SUSPENSION", now, { days: 30 });
    const v1 = (await agencyRow(a)).version;
    const at = ms(now, DAY);
    await expect(revoke(a, s, at)).resolves.toEqual({ revoked: 1, agencyFrom: "SUSPENDED", agencyTo: "LISTED" });
    expect(await db.sanction.findUniqueOrThrow({ where: { id: s.sanctionId } })).toMatchObject({
      revokedAt: at,
      revokedReason: "复核撤销",
    });
    expect(await agencyRow(a)).toMatchObject({ status: "LISTED", suspendedUntil: null, statusReason: null, version: v1 + 1 });
    const [revoked, reinstated] = (await agencyEvents(a)).slice(-2);
    expect(revoked).toEqual({
      fromState: "SUSPENDED",
      event: "SANCTION_REVOKED",
      toState: "SUSPENDED",
      actorId: reg.id,
      payload: { caseId: s.caseId, caseCode: s.caseCode, sanctionIds: [s.sanctionId], kinds: ["SUSPENSION"], reason: "复核撤销" },
    });
    expect(reinstated).toEqual({
      fromState: "SUSPENDED",
      event: "REINSTATE",
      toState: "LISTED",
      actorId: reg.id,
      payload: { caseId: s.caseId, caseCode: s.caseCode, reason: "复核撤销", appeal: true },
    });
    await expect(revoke(a, s, at)).resolves.toEqual({ revoked: 0, agencyFrom: null, agencyTo: null });
  });

  it("another suspension still in force keeps the agency suspended until its end; a removal still in force keeps it removed", async () => {
    const [a, b] = (await listedAgencies(db, 2)) as [Agency, Agency];
    const now = ms(t0, 5000);
    const long = await sanction(a, "SUSPENSION", now, { days: 30 });
    await sanction(a, "SUSPENSION", now, { days: 10 });
    const v1 = (await agencyRow(a)).version;
    await expect(revoke(a, long, ms(now, DAY))).resolves.toEqual({ revoked: 1, agencyFrom: "SUSPENDED", agencyTo: "SUSPENDED" });
    expect(await agencyRow(a)).toMatchObject({ status: "SUSPENDED", suspendedUntil: ms(now, 10 * DAY), version: v1 + 1 });
    expect((await lastAgencyEvent(a)).event).toBe("SANCTION_REVOKED");
    // Revoking the shorter of two suspensions: the end already stored is the remaining one's, nothing moves.
    const [c] = (await listedAgencies(db, 1)) as [Agency];
    await sanction(c, "SUSPENSION", now, { days: 30 });
    const short = await sanction(c, "SUSPENSION", now, { days: 10 });
    const v2 = (await agencyRow(c)).version;
    await expect(revoke(c, short, ms(now, DAY))).resolves.toEqual({ revoked: 1, agencyFrom: "SUSPENDED", agencyTo: "SUSPENDED" });
    expect(await agencyRow(c)).toMatchObject({ status: "SUSPENDED", suspendedUntil: ms(now, 30 * DAY), version: v2 });
    expect((await lastAgencyEvent(c)).event).toBe("SANCTION_REVOKED");

    // Removed, then blacklisted: revoking the removal leaves the blacklist in force.
    const removal = await sanction(b, "REMOVAL", now);
    await sanction(b, "BLACKLIST", now, { years: 3 });
    await expect(revoke(b, removal, ms(now, DAY))).resolves.toEqual({ revoked: 1, agencyFrom: "REMOVED", agencyTo: "REMOVED" });
    expect((await lastAgencyEvent(b)).event).toBe("SANCTION_REVOKED");
  });

  it("a revoked removal of a suspended agency: listed, then suspended again until the latest remaining suspension ends", async () => {
    const [a] = (await listedAgencies(db, 1)) as [Agency];
    const now = ms(t0, 6000);
    // Three suspensions, the latest end neither the first nor the last one recorded.
    await sanction(a, "SUSPENSION", now, { days: 20 });
    await sanction(a, "SUSPENSION", now, { days: 40 });
    await sanction(a, "SUSPENSION", now, { days: 10 });
    const removal = await sanction(a, "REMOVAL", ms(now, 1));
    const v1 = (await agencyRow(a)).version;
    await expect(revoke(a, removal, ms(now, DAY))).resolves.toEqual({ revoked: 1, agencyFrom: "REMOVED", agencyTo: "SUSPENDED" });
    expect(await agencyRow(a)).toMatchObject({ status: "SUSPENDED", suspendedUntil: ms(now, 40 * DAY), version: v1 + 2 });
    expect((await agencyEvents(a)).slice(-2).map((e) => [e.event, e.fromState, e.toState])).toEqual([
      ["REINSTATE", "REMOVED", "LISTED"],
      ["SUSPEND", "LISTED", "SUSPENDED"],
    ]);
    expect((await lastAgencyEvent(a)).payload).toMatchObject({ endsAt: ms(now, 40 * DAY).toISOString(), remaining: true, appeal: true });
  });

  it("a revoked removal of a listed agency lists it again", async () => {
    const [a] = (await listedAgencies(db, 1)) as [Agency];
    const removal = await sanction(a, "REMOVAL", ms(t0, 9000));
    await expect(revoke(a, removal, ms(t0, DAY))).resolves.toEqual({ revoked: 1, agencyFrom: "REMOVED", agencyTo: "LISTED" });
    expect(await agencyRow(a)).toMatchObject({ status: "LISTED", suspendedUntil: null, statusReason: null });
    expect((await agencyEvents(a)).slice(-2).map((e) => [e.event, e.fromState, e.toState])).toEqual([
      ["SANCTION_REVOKED", "REMOVED", "REMOVED"],
      ["REINSTATE", "REMOVED", "LISTED"],
    ]);
  });

  it("a removal from before the agency re-applied and was approved does not keep it out when a later suspension is revoked", async () => {
    const [a] = (await listedAgencies(db, 1)) as [Agency];
    await sanction(a, "REMOVAL", ms(t0, 7000));
    await reapplyAgency(db, { agencyId: a.agencyId, actorId: a.user.id });
    await approveAgency(db, { agencyId: a.agencyId, actorId: reg.id });
    expect((await agencyRow(a)).status).toBe("LISTED");
    const suspension = await sanction(a, "SUSPENSION", ms(t0, 8000), { days: 30 });
    await expect(revoke(a, suspension, ms(t0, DAY))).resolves.toEqual({ revoked: 1, agencyFrom: "SUSPENDED", agencyTo: "LISTED" });
    expect(await agencyRow(a)).toMatchObject({ status: "LISTED", suspendedUntil: null });
    // a removal decided after the approval still keeps it out
    const [b] = (await listedAgencies(db, 1)) as [Agency];
    await sanction(b, "REMOVAL", ms(t0, 7000));
    await reapplyAgency(db, { agencyId: b.agencyId, actorId: b.user.id });
    await approveAgency(db, { agencyId: b.agencyId, actorId: reg.id });
    const second = await sanction(b, "SUSPENSION", ms(t0, 8000), { days: 30 });
    await sanction(b, "REMOVAL", ms(t0, 9000));
    await expect(revoke(b, second, ms(t0, DAY))).resolves.toMatchObject({ agencyTo: "REMOVED" });
  });

  it("a revoked removal of an agency that had exited does not bring it back by itself", async () => {
    const [a] = (await listedAgencies(db, 1)) as [Agency];
    await db.agency.update({ where: { id: a.agencyId }, data: { status: "EXITED" } }); // as if it had left voluntarily
    const removal = await sanction(a, "REMOVAL", ms(t0, 8000));
    expect(removal).toMatchObject({ agencyFrom: "EXITED", agencyTo: "REMOVED" });
    await expect(revoke(a, removal, ms(t0, DAY))).resolves.toEqual({ revoked: 1, agencyFrom: "REMOVED", agencyTo: "REMOVED" });
    expect((await agencyRow(a)).status).toBe("REMOVED");
  });

  it("a warning in force (open-ended) does not keep the agency out when its suspension is revoked", async () => {
    const [a] = (await listedAgencies(db, 1)) as [Agency];
    const now = ms(t0, 7500);
    await sanction(a, "WARNING", now);
    await sanction(a, "CREDIT_DEDUCTION", now, { points: 5 });
    const s = await sanction(a, "SUSPENSION", ms(now, 1), { days: 30 });
    await expect(revoke(a, s, ms(now, DAY))).resolves.toEqual({ revoked: 1, agencyFrom: "SUSPENDED", agencyTo: "LISTED" });
    expect(await agencyRow(a)).toMatchObject({ status: "LISTED", suspendedUntil: null });
  });

  it("what counts is the latest removal: listed before an earlier one, exited before the revoked one — stays removed", async () => {
    const [a] = (await listedAgencies(db, 1)) as [Agency];
    const first = await sanction(a, "REMOVAL", ms(t0, 8100));
    await revoke(a, first, ms(t0, 8200));
    expect((await agencyRow(a)).status).toBe("LISTED");
    await db.agency.update({ where: { id: a.agencyId }, data: { status: "EXITED" } }); // as if it had left voluntarily
    const second = await sanction(a, "REMOVAL", ms(t0, 8300));
    expect(second).toMatchObject({ agencyFrom: "EXITED", agencyTo: "REMOVED" });
    await expect(revoke(a, second, ms(t0, DAY))).resolves.toEqual({ revoked: 1, agencyFrom: "REMOVED", agencyTo: "REMOVED" });
    expect((await agencyRow(a)).status).toBe("REMOVED");
  });

  it("a revoked warning leaves the listing alone, even a suspension that has run out and waits for the scheduler", async () => {
    const [a] = (await listedAgencies(db, 1)) as [Agency];
    // Ended eight days ago, not yet reinstated; later than the scheduler test's suspensions below.
    const start = ms(t0, -10 * DAY);
    await sanction(a, "SUSPENSION", start, { days: 2 });
    const w = await sanction(a, "WARNING", ms(start, DAY));
    await expect(revoke(a, w, t0)).resolves.toEqual({ revoked: 1, agencyFrom: "SUSPENDED", agencyTo: "SUSPENDED" });
    expect(await agencyRow(a)).toMatchObject({ status: "SUSPENDED", suspendedUntil: ms(start, 2 * DAY) });
    expect((await lastAgencyEvent(a)).event).toBe("SANCTION_REVOKED");
  });

  it("a revoked warning touches nothing but the sanction", async () => {
    const [a] = (await listedAgencies(db, 1)) as [Agency];
    const w = await sanction(a, "WARNING", ms(t0, 7000));
    await expect(revoke(a, w, ms(t0, DAY))).resolves.toEqual({ revoked: 1, agencyFrom: "LISTED", agencyTo: "LISTED" });
    expect((await lastAgencyEvent(a)).event).toBe("SANCTION_REVOKED");
  });
});

describe("the scheduler ends a suspension", () => {
  it("exactly at suspendedUntil (not a millisecond before), once; a later suspension still in force moves the end instead", async () => {
    const [a, b] = (await listedAgencies(db, 2)) as [Agency, Agency];
    // Far in the past so that these are the earliest suspension ends of the file.
    const now = ms(t0, -400 * DAY);
    const s = await sanction(a, "SUSPENSION", now, { days: 2 });
    const until = ms(now, 2 * DAY);
    hook.times.push(ms(until, -1));
    expect(await reinstateDueSuspensions(db, 1)).toBe(0);
    expect((await agencyRow(a)).status).toBe("SUSPENDED");
    hook.times.length = 0;
    hook.times.push(until);
    const v1 = (await agencyRow(a)).version;
    expect(await reinstateDueSuspensions(db, 1)).toBe(1);
    expect(await agencyRow(a)).toMatchObject({ status: "LISTED", suspendedUntil: null, statusReason: null, version: v1 + 1 });
    expect(await lastAgencyEvent(a)).toEqual({
      fromState: "SUSPENDED",
      event: "REINSTATE",
      toState: "LISTED",
      actorId: null,
      payload: { reason: "SUSPENSION_ENDED", suspendedUntil: until.toISOString() },
    });
    const told = (await db.notification.findMany({ where: { kind: "CASE_SUSPENSION_ENDED", orgId: a.user.organizationId! } })).map(
      (n) => n.data,
    );
    expect(told).toEqual([{ agencyId: a.agencyId }]);
    expect(s.endsAt).toEqual(until);

    // b: suspended four times; the stored end lags behind the later sanctions (as after a revoked longer one was
    // re-imposed). Three are still in force at day 4; the latest end (day 8) is neither the first nor the last recorded.
    for (const days of [3, 5, 8, 6]) await sanction(b, "SUSPENSION", now, { days });
    await db.agency.update({ where: { id: b.agencyId }, data: { suspendedUntil: ms(now, 3 * DAY) } });
    hook.times.push(ms(now, 4 * DAY));
    expect(await reinstateDueSuspensions(db, 1)).toBe(0);
    expect(await agencyRow(b)).toMatchObject({ status: "SUSPENDED", suspendedUntil: ms(now, 8 * DAY) });
  });
});
