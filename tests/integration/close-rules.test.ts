// Closing at the deadline and selecting (Principles 4–6) at their boundaries,
// calling the service directly with small fixtures: the deadline exactly at
// closesAt, which bids are admitted (exactly at the cap, one fen over, an
// agency no longer listed), each selection method's winner, 流标 below the
// minimum, and every record closing writes (bids, request, audit events,
// announcement, notifications).
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

/** dbNow with a queue of instants to return first (then the real clock). */
const hook = vi.hoisted(() => ({ times: [] as Date[] }));
vi.mock("~/services/clock.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/services/clock.server")>();
  return { ...real, dbNow: async (client: never) => hook.times.shift() ?? real.dbNow(client) };
});

import { getDb, type Db } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { formatBeijingMinute } from "~/lib/format";
import { formatYuan } from "~/lib/money";
import type { SessionUser } from "~/lib/session.server";
import { submitBid } from "~/services/requests/bids.server";
import { admitBid, awardInTx, closeDueRequests, closeRequestInTx } from "~/services/requests/close.server";
import { drawKey } from "~/services/requests/selection";
import { seedCatalogue } from "../../seeds/seed";
import { enterpriseUser, listedAgencies, openRequest } from "../support/requests";

const DAY = 86_400_000;
const bid = (amountFen: bigint, serviceDays = 20) => ({ amountFen, serviceDays, proposal: "按规范完成勘测并出具报告" });

let db: Db;
let owner: SessionUser;
let agencies: { user: SessionUser; agencyId: string }[];

const requestRow = (id: string) =>
  db.serviceRequest.findUniqueOrThrow({ where: { id }, include: { item: { select: { name: true, nameEn: true } } } });
const close = (id: string, now: Date) => db.$transaction((tx) => closeRequestInTx(tx, id, now));
const bidRows = (requestId: string) =>
  db.bid.findMany({
    where: { requestId },
    select: {
      id: true,
      agencyId: true,
      status: true,
      rank: true,
      score: true,
      invalidReason: true,
      amountFen: true,
      serviceDays: true,
      submittedAt: true,
    },
  });
const byAgency = async (requestId: string) => new Map((await bidRows(requestId)).map((b) => [b.agencyId, b]));
const events = (requestId: string) =>
  db.auditEvent.findMany({
    where: { aggregateType: "request", aggregateId: requestId, event: { in: ["CLOSE", "SELECT"] } },
    orderBy: { seq: "asc" },
    select: { fromState: true, event: true, toState: true, actorId: true, payload: true },
  });
const announcements = (requestId: string) =>
  db.announcement.findMany({
    where: { entityType: "request", entityId: requestId, kind: { in: ["AWARD", "FAILED"] } },
    select: { kind: true, title: true, body: true, data: true },
  });
/** The notices closing wrote for a request (not those of its opening: REQUEST_MATCHING to the agencies that could bid). */
const notices = async (requestId: string) =>
  (await db.notification.findMany({ select: { orgId: true, userId: true, kind: true, data: true } }))
    .filter((n) => (n.data as { requestId?: string }).requestId === requestId && n.kind !== "REQUEST_MATCHING")
    .sort((x, y) => (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0));
const orgOf = async (agencyId: string) =>
  db.agency.findUniqueOrThrow({
    where: { id: agencyId },
    select: { organizationId: true, awardsCount: true, organization: { select: { name: true } } },
  });
const ms = (d: Date, n: number) => new Date(d.getTime() + n);
const byId = <T extends { bidId: string }>(xs: T[]) => [...xs].sort((a, b) => (a.bidId < b.bidId ? -1 : 1));

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  owner = await enterpriseUser(db);
  agencies = await listedAgencies(db, 4);
});

afterEach(() => {
  hook.times = [];
});

describe("the deadline", () => {
  it("a request is not closed a millisecond before closesAt, and is closed exactly at it; a second close is a no-op", async () => {
    const req = await openRequest(db, owner, { minBidders: "1" });
    const [a] = agencies;
    await submitBid(db, a!.user, req.id, bid(50_000_00n));
    const { closesAt } = await requestRow(req.id);
    expect(await close(req.id, ms(closesAt, -1))).toBeNull();
    expect((await requestRow(req.id)).status).toBe("OPEN");
    expect(await events(req.id)).toEqual([]);
    expect(await close(req.id, closesAt)).toBe("AWARD_PUBLICITY");
    expect(await close(req.id, ms(closesAt, 1000))).toBeNull();
    expect((await events(req.id)).map((e) => e.event)).toEqual(["CLOSE", "SELECT"]);
  });
});

describe("lowest price, with bids to admit and to invalidate", () => {
  it("the lowest valid bid wins; a bid exactly at the cap is admitted, one fen above it and one from an agency no longer listed are invalidated", async () => {
    const req = await openRequest(db, owner, { minBidders: "2", publicityDays: "5" });
    const [a, b] = agencies;
    const [s, d] = await listedAgencies(db, 2);
    const ba = await submitBid(db, a!.user, req.id, bid(90_000_00n, 25));
    const bb = await submitBid(db, b!.user, req.id, bid(70_000_00n, 15));
    await submitBid(db, s!.user, req.id, bid(60_000_00n));
    await submitBid(db, d!.user, req.id, bid(90_000_01n));
    await db.agency.update({ where: { id: s!.agencyId }, data: { status: "SUSPENDED" } });
    // The cap is lowered to a's amount: a is exactly at it, d one fen above.
    await db.serviceRequest.update({ where: { id: req.id }, data: { priceCapFen: 90_000_00n } });
    const before = await requestRow(req.id);
    const awardsBefore = (await orgOf(b!.agencyId)).awardsCount;
    const awardsBeforeA = (await orgOf(a!.agencyId)).awardsCount;

    expect(await close(req.id, before.closesAt)).toBe("AWARD_PUBLICITY");

    const rows = await byAgency(req.id);
    expect(rows.get(b!.agencyId)).toMatchObject({ status: "WON", rank: 1, score: null, invalidReason: null });
    expect(rows.get(a!.agencyId)).toMatchObject({ status: "LOST", rank: 2, score: null, invalidReason: null });
    expect(rows.get(s!.agencyId)).toMatchObject({ status: "INVALIDATED", rank: null, invalidReason: "AGENCY_NOT_LISTED" });
    expect(rows.get(d!.agencyId)).toMatchObject({ status: "INVALIDATED", rank: null, invalidReason: "ABOVE_CAP" });

    const after = await requestRow(req.id);
    const publicityEndsAt = new Date(before.closesAt.getTime() + 5 * DAY);
    expect(after).toMatchObject({
      status: "AWARD_PUBLICITY",
      awardedBidId: bb.id,
      publicityEndsAt,
      enterpriseConfirmedAt: null,
      agencyConfirmedAt: null,
      version: before.version + 2,
    });
    expect((await orgOf(b!.agencyId)).awardsCount).toBe(awardsBefore + 1);
    expect((await orgOf(a!.agencyId)).awardsCount).toBe(awardsBeforeA);

    const ra = rows.get(a!.agencyId)!;
    const rb = rows.get(b!.agencyId)!;
    const [closeEvent, selectEvent] = await events(req.id);
    expect(closeEvent).toEqual({
      fromState: "OPEN",
      event: "CLOSE",
      toState: "CLOSED",
      actorId: null,
      payload: { entrants: expect.any(Array) },
    });
    expect(byId((closeEvent!.payload as { entrants: { bidId: string }[] }).entrants)).toEqual(
      byId([
        { bidId: ba.id, agencyId: a!.agencyId, amountFen: "9000000", serviceDays: 25, submittedAt: ra.submittedAt.toISOString() },
        { bidId: bb.id, agencyId: b!.agencyId, amountFen: "7000000", serviceDays: 15, submittedAt: rb.submittedAt.toISOString() },
      ]),
    );
    expect(selectEvent).toEqual({
      fromState: "CLOSED",
      event: "SELECT",
      toState: "AWARD_PUBLICITY",
      actorId: null,
      payload: {
        winnerBidId: bb.id,
        ranking: [
          { rank: 1, bidId: bb.id, agencyId: b!.agencyId },
          { rank: 2, bidId: ba.id, agencyId: a!.agencyId },
        ],
        draw: null,
      },
    });

    const nameA = (await orgOf(a!.agencyId)).organization.name;
    const nameB = (await orgOf(b!.agencyId)).organization.name;
    const ranking = [
      {
        rank: 1,
        bidId: bb.id,
        agencyId: b!.agencyId,
        agencyName: nameB,
        amountFen: "7000000",
        serviceDays: 15,
        submittedAt: rb.submittedAt.toISOString(),
      },
      {
        rank: 2,
        bidId: ba.id,
        agencyId: a!.agencyId,
        agencyName: nameA,
        amountFen: "9000000",
        serviceDays: 25,
        submittedAt: ra.submittedAt.toISOString(),
      },
    ];
    expect(await announcements(req.id)).toEqual([
      {
        kind: "AWARD",
        title: `中选公示：${before.title}`,
        body: [
          `项目编号：${before.code}`,
          `服务事项：${before.item.name}`,
          `中选机构：${nameB}，中选价 ${formatYuan(7_000_000n)}（最高限价 ${formatYuan(9_000_000n)}）`,
          `公示期至：${formatBeijingMinute(publicityEndsAt)}（北京时间），期间参与竞价的机构可提出异议。`,
        ].join("\n"),
        data: {
          v: 1,
          requestId: req.id,
          code: before.code,
          title: before.title,
          itemName: before.item.name,
          itemNameEn: before.item.nameEn,
          winnerName: nameB,
          amountFen: "7000000",
          method: "LOWEST_PRICE",
          priceCapFen: "9000000",
          publicityEndsAt: publicityEndsAt.toISOString(),
          ranking,
        },
      },
    ]);
    expect(await notices(req.id)).toEqual([
      {
        orgId: (await orgOf(a!.agencyId)).organizationId,
        userId: null,
        kind: "BID_LOST",
        data: { requestId: req.id, title: before.title },
      },
      { orgId: (await orgOf(b!.agencyId)).organizationId, userId: null, kind: "BID_WON", data: { requestId: req.id, title: before.title } },
      {
        orgId: owner.organizationId,
        userId: null,
        kind: "REQUEST_AWARDED",
        data: { requestId: req.id, title: before.title, agency: nameB },
      },
    ]);
  });

  it("the lowest bid wins even when another is closer to the mean (the rule is not average price)", async () => {
    const req = await openRequest(db, owner, { minBidders: "3" });
    const [a, b, c] = agencies;
    const ba = await submitBid(db, a!.user, req.id, bid(50_000_00n));
    await submitBid(db, b!.user, req.id, bid(60_000_00n));
    await submitBid(db, c!.user, req.id, bid(100_000_00n));
    expect(await close(req.id, (await requestRow(req.id)).closesAt)).toBe("AWARD_PUBLICITY");
    expect((await requestRow(req.id)).awardedBidId).toBe(ba.id);
  });

  it("withdrawn bids are not entrants", async () => {
    const req = await openRequest(db, owner, { minBidders: "1" });
    const [a, b] = agencies;
    await submitBid(db, a!.user, req.id, bid(40_000_00n));
    const kept = await submitBid(db, b!.user, req.id, bid(60_000_00n));
    await db.bid.updateMany({ where: { requestId: req.id, agencyId: a!.agencyId }, data: { status: "WITHDRAWN" } });
    const { closesAt } = await requestRow(req.id);
    expect(await close(req.id, closesAt)).toBe("AWARD_PUBLICITY");
    expect((await requestRow(req.id)).awardedBidId).toBe(kept.id);
    expect((await byAgency(req.id)).get(a!.agencyId)).toMatchObject({ status: "WITHDRAWN", rank: null });
    const [closeEvent] = await events(req.id);
    expect((closeEvent!.payload as { entrants: { bidId: string }[] }).entrants.map((e) => e.bidId)).toEqual([kept.id]);
  });
});

describe("流标: fewer valid bids than the minimum", () => {
  it("one valid bid against a minimum of two fails the round: the bid loses, the reason is recorded and announced", async () => {
    const req = await openRequest(db, owner, { minBidders: "2" });
    const [a, b] = agencies;
    await submitBid(db, a!.user, req.id, bid(50_000_00n));
    await submitBid(db, b!.user, req.id, bid(100_000_00n));
    await db.serviceRequest.update({ where: { id: req.id }, data: { priceCapFen: 99_999_99n } });
    const before = await requestRow(req.id);

    expect(await close(req.id, before.closesAt)).toBe("FAILED");

    const rows = await byAgency(req.id);
    expect(rows.get(a!.agencyId)).toMatchObject({ status: "LOST", rank: null });
    expect(rows.get(b!.agencyId)).toMatchObject({ status: "INVALIDATED", invalidReason: "ABOVE_CAP" });
    expect(await requestRow(req.id)).toMatchObject({
      status: "FAILED",
      statusReason: "valid bids 1 < minimum 2",
      awardedBidId: null,
      version: before.version + 2,
    });
    expect((await events(req.id)).at(-1)).toEqual({
      fromState: "CLOSED",
      event: "SELECT",
      toState: "FAILED",
      actorId: null,
      payload: { validBids: 1, minBidders: 2 },
    });
    expect(await announcements(req.id)).toEqual([
      {
        kind: "FAILED",
        title: `流标公告：${before.title}`,
        body: `项目编号：${before.code}\n有效报价 1 家，少于最低要求 2 家，本轮流标。`,
        data: { v: 1, requestId: req.id, code: before.code, title: before.title, reason: "TOO_FEW_BIDS", validBids: 1, minBidders: 2 },
      },
    ]);
    expect(await notices(req.id)).toEqual([
      { orgId: owner.organizationId, userId: null, kind: "REQUEST_FAILED", data: { requestId: req.id, title: before.title } },
    ]);
  });

  it("exactly the minimum is enough; no bid at all fails even a direct request", async () => {
    const req = await openRequest(db, owner, { minBidders: "2" });
    const [a, b] = agencies;
    await submitBid(db, a!.user, req.id, bid(50_000_00n));
    await submitBid(db, b!.user, req.id, bid(60_000_00n));
    expect(await close(req.id, (await requestRow(req.id)).closesAt)).toBe("AWARD_PUBLICITY");

    const direct = await openRequest(db, owner, { selectionMethod: "DIRECT" });
    expect(await close(direct.id, (await requestRow(direct.id)).closesAt)).toBe("FAILED");
    expect((await requestRow(direct.id)).statusReason).toBe("valid bids 0 < minimum 1");
  });
});

describe("direct selection", () => {
  it("closes and waits for the enterprise's pick, telling it how many valid bids there are; nothing is awarded yet", async () => {
    const req = await openRequest(db, owner, { selectionMethod: "DIRECT" });
    const [a, b] = agencies;
    await submitBid(db, a!.user, req.id, bid(50_000_00n));
    await submitBid(db, b!.user, req.id, bid(60_000_00n));
    const before = await requestRow(req.id);
    expect(await close(req.id, before.closesAt)).toBe("CLOSED");
    expect(await requestRow(req.id)).toMatchObject({ status: "CLOSED", awardedBidId: null, version: before.version + 1 });
    expect((await bidRows(req.id)).map((r) => [r.status, r.rank])).toEqual([
      ["SUBMITTED", null],
      ["SUBMITTED", null],
    ]);
    expect((await events(req.id)).map((e) => e.event)).toEqual(["CLOSE"]);
    expect(await announcements(req.id)).toEqual([]);
    expect(await notices(req.id)).toEqual([
      {
        orgId: owner.organizationId,
        userId: null,
        kind: "REQUEST_CLOSED_PICK",
        data: { requestId: req.id, title: before.title, count: 2 },
      },
    ]);
  });
});

describe("the other selection methods", () => {
  it("average price: the bid closest to the mean from below wins, not the lowest", async () => {
    const req = await openRequest(db, owner, { selectionMethod: "AVERAGE_PRICE", minBidders: "3" });
    const [a, b, c] = agencies;
    const ba = await submitBid(db, a!.user, req.id, bid(60_000_00n));
    const bb = await submitBid(db, b!.user, req.id, bid(80_000_00n));
    const bc = await submitBid(db, c!.user, req.id, bid(100_000_00n));
    expect(await close(req.id, (await requestRow(req.id)).closesAt)).toBe("AWARD_PUBLICITY");
    const [, select] = await events(req.id);
    expect((select!.payload as { ranking: { bidId: string }[] }).ranking.map((x) => x.bidId)).toEqual([bb.id, ba.id, bc.id]);
  });

  it("scored: the published weights decide, and each bid's score is recorded and announced", async () => {
    const req = await openRequest(db, owner, {
      selectionMethod: "SCORED",
      minBidders: "2",
      weightPrice: "20",
      weightCredit: "0",
      weightDays: "80",
    });
    const [a, b] = agencies;
    const ba = await submitBid(db, a!.user, req.id, bid(80_000_00n, 20));
    const bb = await submitBid(db, b!.user, req.id, bid(100_000_00n, 10));
    expect(await close(req.id, (await requestRow(req.id)).closesAt)).toBe("AWARD_PUBLICITY");
    const rows = await byAgency(req.id);
    // a: 20 × 1 + 80 × 10/20 = 60; b: 20 × 0.8 + 80 × 1 = 96.
    expect(rows.get(b!.agencyId)).toMatchObject({ status: "WON", rank: 1, score: 96 });
    expect(rows.get(a!.agencyId)).toMatchObject({ status: "LOST", rank: 2, score: 60 });
    const [award] = await announcements(req.id);
    expect(
      (award!.data as { ranking: { bidId: string; score?: number; key?: string }[] }).ranking.map((x) => [x.bidId, x.score, x.key]),
    ).toEqual([
      [bb.id, 96, undefined],
      [ba.id, 60, undefined],
    ]);
  });

  it("scored without stored weights uses 60 / 30 / 10", async () => {
    const req = await openRequest(db, owner, {
      selectionMethod: "SCORED",
      minBidders: "2",
      weightPrice: "20",
      weightCredit: "0",
      weightDays: "80",
    });
    await db.serviceRequest.update({ where: { id: req.id }, data: { scoringWeights: Prisma.DbNull } });
    const [a, b] = agencies;
    await submitBid(db, a!.user, req.id, bid(80_000_00n, 20));
    await submitBid(db, b!.user, req.id, bid(100_000_00n, 10));
    await close(req.id, (await requestRow(req.id)).closesAt);
    const rows = await byAgency(req.id);
    // credit 80 for both: a: 60 + 24 + 5 = 89; b: 48 + 24 + 10 = 82.
    expect(rows.get(a!.agencyId)).toMatchObject({ rank: 1, score: 89 });
    expect(rows.get(b!.agencyId)).toMatchObject({ rank: 2, score: 82 });
  });

  it("random draw: the order of the draw keys from the committed seed; the seed, commitment and entrants are published", async () => {
    const req = await openRequest(db, owner, { selectionMethod: "RANDOM_DRAW", minBidders: "3" });
    const [a, b, c] = agencies;
    for (const x of [a!, b!, c!]) await submitBid(db, x.user, req.id, bid(70_000_00n));
    const before = await requestRow(req.id);
    expect(await close(req.id, before.closesAt)).toBe("AWARD_PUBLICITY");
    const rows = await bidRows(req.id);
    const expected = rows
      .map((r) => ({ bidId: r.id, agencyId: r.agencyId, key: drawKey(before.drawSeed!, r.agencyId) }))
      .sort((x, y) => (x.key < y.key ? -1 : 1));
    const draw = {
      commitment: before.drawCommitment,
      seed: before.drawSeed,
      entrants: [a!.agencyId, b!.agencyId, c!.agencyId].sort(),
    };
    const [, select] = await events(req.id);
    expect(select!.payload).toEqual({
      winnerBidId: expected[0]!.bidId,
      ranking: expected.map((e, i) => ({ rank: i + 1, bidId: e.bidId, agencyId: e.agencyId })),
      draw,
    });
    const [award] = await announcements(req.id);
    const data = award!.data as { method: string; draw: unknown; ranking: { bidId: string; key?: string; score?: number }[] };
    expect(data.method).toBe("RANDOM_DRAW");
    expect(data.draw).toEqual(draw);
    expect(data.ranking.map((x) => [x.bidId, x.key, x.score])).toEqual(expected.map((e) => [e.bidId, e.key, undefined]));
  });
});

describe("admitting and awarding, directly", () => {
  it("admitBid: a submitted bid within the cap from a listed agency stays; otherwise the reason is the cap first, then the listing", () => {
    const at = (amountFen: bigint, status = "LISTED") => admitBid({ status: "SUBMITTED", amountFen, agency: { status } }, 100n);
    expect(at(100n).to).toBe("SUBMITTED");
    expect(at(101n)).toEqual({ to: "INVALIDATED", invalidReason: "ABOVE_CAP" });
    expect(at(100n, "SUSPENDED")).toEqual({ to: "INVALIDATED", invalidReason: "AGENCY_NOT_LISTED" });
    expect(at(101n, "REMOVED")).toEqual({ to: "INVALIDATED", invalidReason: "ABOVE_CAP" });
    expect(() => admitBid({ status: "WITHDRAWN", amountFen: 1n, agency: { status: "LISTED" } }, 100n)).toThrow(
      "bid WITHDRAWN cannot be admitted",
    );
  });

  it("awardInTx refuses to make a withdrawn bid the winner", async () => {
    const req = await openRequest(db, owner, { minBidders: "1" });
    const [a] = agencies;
    const mine = await submitBid(db, a!.user, req.id, bid(50_000_00n));
    await db.bid.update({ where: { id: mine.id }, data: { status: "WITHDRAWN" } });
    const r = await requestRow(req.id);
    const entry = {
      rank: 1,
      bidId: mine.id,
      agencyId: a!.agencyId,
      agencyName: "x",
      amountFen: "5000000",
      serviceDays: 20,
      submittedAt: new Date().toISOString(),
    };
    await expect(
      db.$transaction((tx) => awardInTx(tx, r, [entry], r.closesAt, { event: "SELECT", from: "CLOSED", to: "AWARD_PUBLICITY" })),
    ).rejects.toThrow("bid WITHDRAWN cannot WIN");
  });
});

describe("the scheduler", () => {
  it("closes due requests one at a time, earliest deadline first, up to the limit; a request due exactly now is due", async () => {
    const first = await openRequest(db, owner, { minBidders: "1" });
    const second = await openRequest(db, owner, { minBidders: "1" });
    const future = await openRequest(db, owner, { minBidders: "1" });
    const t = new Date(Date.now() - 60_000);
    await db.serviceRequest.update({ where: { id: first.id }, data: { closesAt: ms(t, -1000) } });
    await db.serviceRequest.update({ where: { id: second.id }, data: { closesAt: t } });

    expect(await closeDueRequests(db, 1)).toBe(1);
    expect((await requestRow(first.id)).status).toBe("FAILED");
    expect((await requestRow(second.id)).status).toBe("OPEN");

    // The clock reads exactly the second request's deadline.
    hook.times = [t, t];
    expect(await closeDueRequests(db)).toBe(1);
    expect((await requestRow(second.id)).status).toBe("FAILED");
    expect(await closeDueRequests(db)).toBe(0);
    expect((await requestRow(future.id)).status).toBe("OPEN");
  });
});
