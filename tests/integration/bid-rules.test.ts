// Bids (Principles 2, 5 and 6) at their boundaries, calling the service
// directly with small fixtures: the price cap exactly and one fen over, the
// deadline exactly at closesAt (before and after the lock), revisions and
// withdrawals with the audit events they write, which refusal is given (the
// error key, not only a status), and what the sealed log reveals.
import { createHash } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

/**
 * The database clock and decide() with test hooks. `times` is a queue of
 * instants dbNow returns (then the real clock again): the service reads the
 * clock once before taking the request's lock and once after it, so a test can
 * put either reading exactly at closesAt. `throwOnDecide` makes the next
 * decide() throw (an error standing for a unique-key race of two first bids).
 */
const hook = vi.hoisted(() => ({ times: [] as Date[], throwOnDecide: [] as unknown[] }));

vi.mock("~/services/clock.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/services/clock.server")>();
  return { ...real, dbNow: async (client: never) => hook.times.shift() ?? real.dbNow(client) };
});

vi.mock("~/machines/apply", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/machines/apply")>();
  return {
    ...real,
    decide: (...args: Parameters<typeof real.decide>) => {
      if (hook.throwOnDecide.length) throw hook.throwOnDecide.shift();
      return real.decide(...args);
    },
  };
});

import { getDb, type Db } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import type { SessionUser } from "~/lib/session.server";
import { eligibilityFor, ownBid, submitBid, withdrawBid, type BidInput } from "~/services/requests/bids.server";
import { cancelRequest } from "~/services/requests/post.server";
import { seedCatalogue } from "../../seeds/seed";
import { registerAgency } from "../support/factories";
import { enterpriseUser, expire, listedAgencies, openRequest, sessionUserOf } from "../support/requests";

/** The cap of openRequest's form: 100 000 yuan. */
const CAP = 100_000_00n;
const bid = (amountFen: bigint, serviceDays = 20, proposal = "按规范完成勘测并出具报告"): BidInput => ({
  amountFen,
  serviceDays,
  proposal,
});
const sealed = (id: string, revision: number, b: BidInput) =>
  createHash("sha256").update(`${id}|${revision}|${b.amountFen}|${b.serviceDays}|${b.proposal}`).digest("hex");

let db: Db;
let owner: SessionUser;
let agencies: { user: SessionUser; agencyId: string }[];

const newRequest = async () => (await openRequest(db, owner)).id;
const bidRow = (requestId: string, agencyId: string) => db.bid.findUnique({ where: { requestId_agencyId: { requestId, agencyId } } });
const bidEvents = (requestId: string) =>
  db.auditEvent.findMany({
    where: { aggregateType: "request", aggregateId: requestId, event: { startsWith: "BID_" } },
    orderBy: { seq: "asc" },
    select: { fromState: true, event: true, toState: true, actorId: true, payload: true },
  });
const closesAtOf = async (requestId: string) =>
  (await db.serviceRequest.findUniqueOrThrow({ where: { id: requestId }, select: { closesAt: true } })).closesAt;
const ms = (d: Date, n: number) => new Date(d.getTime() + n);

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  owner = await enterpriseUser(db);
  agencies = await listedAgencies(db, 3);
});

afterEach(() => {
  hook.times = [];
  hook.throwOnDecide = [];
});

describe("the price cap (Principle 5)", () => {
  it("a first bid exactly at the cap is accepted and written as submitted, with its sealed commitment in the log", async () => {
    const req = await newRequest();
    const [a] = agencies;
    const input = bid(CAP, 25, "方案甲");
    const result = await submitBid(db, a!.user, req, input);
    const row = await bidRow(req, a!.agencyId);
    expect(result).toEqual({ id: row!.id, revision: 1, submittedAt: row!.submittedAt });
    expect(row).toMatchObject({ amountFen: CAP, serviceDays: 25, proposal: "方案甲", status: "SUBMITTED", revision: 1 });
    expect(await bidEvents(req)).toEqual([
      {
        fromState: null,
        event: "BID_SUBMITTED",
        toState: "SUBMITTED",
        actorId: a!.user.id,
        payload: { bidId: row!.id, agencyId: a!.agencyId, revision: 1, sealed: sealed(row!.id, 1, input) },
      },
    ]);
  });

  it("one fen above the cap is refused as above the cap, on the amount field, and nothing is written", async () => {
    const req = await newRequest();
    const [a] = agencies;
    await expect(submitBid(db, a!.user, req, bid(CAP + 1n))).rejects.toMatchObject({
      code: "ABOVE_CAP",
      status: 422,
      message: "requests.errors.aboveCap",
      field: "amount",
    });
    expect(await bidRow(req, a!.agencyId)).toBeNull();
    expect(await bidEvents(req)).toEqual([]);
  });

  it("a revision to exactly the cap is accepted; one to a fen above is refused and the bid is kept as it was", async () => {
    const req = await newRequest();
    const [a] = agencies;
    await submitBid(db, a!.user, req, bid(CAP - 100n));
    await expect(submitBid(db, a!.user, req, bid(CAP))).resolves.toMatchObject({ revision: 2 });
    await expect(submitBid(db, a!.user, req, bid(CAP + 1n, 5, "超限"))).rejects.toMatchObject({
      code: "ABOVE_CAP",
      message: "requests.errors.aboveCap",
      field: "amount",
    });
    expect(await bidRow(req, a!.agencyId)).toMatchObject({ amountFen: CAP, serviceDays: 20, revision: 2, status: "SUBMITTED" });
    expect((await bidEvents(req)).map((e) => e.event)).toEqual(["BID_SUBMITTED", "BID_REVISED"]);
  });
});

describe("revisions", () => {
  it("a revision replaces amount, days and proposal, counts up, moves submittedAt and logs a new commitment", async () => {
    const req = await newRequest();
    const [a] = agencies;
    const first = await submitBid(db, a!.user, req, bid(80_000_00n));
    const second = bid(70_000_00n, 18, "修订方案");
    const t = ms(await closesAtOf(req), -60_000);
    hook.times = [t, t];
    const result = await submitBid(db, a!.user, req, second);
    expect(result).toEqual({ id: first.id, revision: 2, submittedAt: t });
    expect(await bidRow(req, a!.agencyId)).toMatchObject({
      id: first.id,
      amountFen: 70_000_00n,
      serviceDays: 18,
      proposal: "修订方案",
      status: "SUBMITTED",
      revision: 2,
      submittedAt: t,
    });
    const third = await submitBid(db, a!.user, req, bid(60_000_00n));
    expect(third).toMatchObject({ id: first.id, revision: 3 });
    const events = await bidEvents(req);
    expect(events[1]).toEqual({
      fromState: "SUBMITTED",
      event: "BID_REVISED",
      toState: "SUBMITTED",
      actorId: a!.user.id,
      payload: { bidId: first.id, agencyId: a!.agencyId, revision: 2, sealed: sealed(first.id, 2, second) },
    });
    expect(events.map((e) => [e.event, (e.payload as { revision: number }).revision])).toEqual([
      ["BID_SUBMITTED", 1],
      ["BID_REVISED", 2],
      ["BID_REVISED", 3],
    ]);
  });

  it("the log never holds the amount, days or proposal of a sealed bid", async () => {
    const req = await newRequest();
    const [a] = agencies;
    await submitBid(db, a!.user, req, bid(12_345_67n, 17, "秘密方案"));
    await submitBid(db, a!.user, req, bid(7_654_32n, 19, "另一秘密方案"));
    const text = JSON.stringify(await bidEvents(req));
    for (const secret of ["1234567", "765432", "秘密方案", "另一秘密方案", '"17"', '"19"']) expect(text).not.toContain(secret);
  });

  it("a bid of one agency is never revised by another", async () => {
    const req = await newRequest();
    const [a, b] = agencies;
    const ra = await submitBid(db, a!.user, req, bid(90_000_00n));
    const rb = await submitBid(db, b!.user, req, bid(80_000_00n));
    expect(rb.id).not.toBe(ra.id);
    expect(rb.revision).toBe(1);
    expect((await bidRow(req, a!.agencyId))!.amountFen).toBe(90_000_00n);
  });
});

describe("the deadline (database clock, checked before and after the lock)", () => {
  it("a bid whose first reading is exactly closesAt is refused as closed", async () => {
    const req = await newRequest();
    const closesAt = await closesAtOf(req);
    hook.times = [closesAt, ms(closesAt, -1)];
    await expect(submitBid(db, agencies[0]!.user, req, bid(CAP))).rejects.toMatchObject({
      code: "CLOSED",
      status: 409,
      message: "requests.errors.closed",
    });
    expect(await bidRow(req, agencies[0]!.agencyId)).toBeNull();
  });

  it("a bid that reaches closesAt while waiting for the lock is refused as closed; one a millisecond earlier is accepted", async () => {
    const req = await newRequest();
    const closesAt = await closesAtOf(req);
    hook.times = [ms(closesAt, -1), closesAt];
    await expect(submitBid(db, agencies[0]!.user, req, bid(CAP))).rejects.toMatchObject({
      code: "CLOSED",
      message: "requests.errors.closed",
    });
    expect(await bidRow(req, agencies[0]!.agencyId)).toBeNull();
    hook.times = [ms(closesAt, -2), ms(closesAt, -1)];
    await expect(submitBid(db, agencies[0]!.user, req, bid(CAP))).resolves.toMatchObject({
      revision: 1,
      submittedAt: ms(closesAt, -1),
    });
  });

  it("after the deadline a bid can be neither revised nor withdrawn, and the refusal says closed", async () => {
    const req = await newRequest();
    const [a] = agencies;
    await submitBid(db, a!.user, req, bid(50_000_00n));
    await expire(db, req);
    await expect(submitBid(db, a!.user, req, bid(40_000_00n))).rejects.toMatchObject({
      code: "CLOSED",
      message: "requests.errors.closed",
    });
    await expect(withdrawBid(db, a!.user, req)).rejects.toMatchObject({
      code: "CLOSED",
      status: 409,
      message: "requests.errors.closed",
    });
    expect(await bidRow(req, a!.agencyId)).toMatchObject({ amountFen: 50_000_00n, status: "SUBMITTED", revision: 1 });
  });

  it("a withdrawal that reaches closesAt while waiting for the lock is refused as closed", async () => {
    const req = await newRequest();
    const [a] = agencies;
    await submitBid(db, a!.user, req, bid(50_000_00n));
    const closesAt = await closesAtOf(req);
    hook.times = [ms(closesAt, -1), closesAt];
    await expect(withdrawBid(db, a!.user, req)).rejects.toMatchObject({ message: "requests.errors.closed" });
    expect((await bidRow(req, a!.agencyId))!.status).toBe("SUBMITTED");
  });

  it("a request that is no longer open (cancelled) takes no bid, even before its deadline", async () => {
    const req = await newRequest();
    await cancelRequest(db, owner, req, "项目取消");
    await expect(submitBid(db, agencies[0]!.user, req, bid(CAP))).rejects.toMatchObject({
      code: "CLOSED",
      message: "requests.errors.closed",
    });
  });

  it("an unknown request is not found, for a bid and for a withdrawal", async () => {
    const missing = "00000000-0000-7000-8000-000000000000";
    const notFound = { code: "NOT_FOUND", status: 404, message: "requests.errors.notFound" };
    await expect(submitBid(db, agencies[0]!.user, missing, bid(CAP))).rejects.toMatchObject(notFound);
    await expect(withdrawBid(db, agencies[0]!.user, missing)).rejects.toMatchObject(notFound);
  });
});

describe("withdrawals", () => {
  it("withdraws the agency's own bid and logs it; a withdrawn bid can be neither revised nor withdrawn again", async () => {
    const req = await newRequest();
    const [a, b] = agencies;
    const mine = await submitBid(db, a!.user, req, bid(60_000_00n));
    await submitBid(db, b!.user, req, bid(70_000_00n));
    await withdrawBid(db, a!.user, req);
    expect((await bidRow(req, a!.agencyId))!.status).toBe("WITHDRAWN");
    expect((await bidRow(req, b!.agencyId))!.status).toBe("SUBMITTED");
    expect((await bidEvents(req)).at(-1)).toEqual({
      fromState: "SUBMITTED",
      event: "BID_WITHDRAWN",
      toState: "WITHDRAWN",
      actorId: a!.user.id,
      payload: { bidId: mine.id, agencyId: a!.agencyId },
    });
    const final = { code: "BID_FINAL", status: 409, message: "requests.errors.bidFinal" };
    await expect(submitBid(db, a!.user, req, bid(50_000_00n))).rejects.toMatchObject(final);
    await expect(withdrawBid(db, a!.user, req)).rejects.toMatchObject({ code: "CLOSED", status: 409, message: "requests.errors.bidFinal" });
    expect(await bidRow(req, a!.agencyId)).toMatchObject({ status: "WITHDRAWN", amountFen: 60_000_00n, revision: 1 });
    expect((await bidEvents(req)).map((e) => e.event)).toEqual(["BID_SUBMITTED", "BID_SUBMITTED", "BID_WITHDRAWN"]);
  });

  it("a withdrawn bid above the cap is still refused as above the cap, not as final", async () => {
    const req = await newRequest();
    const [a] = agencies;
    await submitBid(db, a!.user, req, bid(60_000_00n));
    await withdrawBid(db, a!.user, req);
    await expect(submitBid(db, a!.user, req, bid(CAP + 1n))).rejects.toMatchObject({ code: "ABOVE_CAP" });
  });

  it("an agency without a bid has nothing to withdraw", async () => {
    const req = await newRequest();
    await expect(withdrawBid(db, agencies[2]!.user, req)).rejects.toMatchObject({
      code: "NOT_FOUND",
      status: 404,
      message: "requests.errors.noBid",
    });
  });
});

describe("eligibility (Principle 2) at the door", () => {
  it("an ineligible agency is refused with every reason, one per line, and nothing is written", async () => {
    const req = await newRequest();
    const { user, agency } = await registerAgency(db, { name: `未审核测绘有限公司${Math.random().toString(36).slice(2, 6)}` });
    const err = await submitBid(db, sessionUserOf(user), req, bid(CAP)).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: "NOT_ELIGIBLE",
      status: 403,
      message: "requests.errors.notEligible",
      params: { reasons: "requests.eligibility.notListed::APPLIED\nrequests.eligibility.noCredential" },
    });
    expect(await bidRow(req, agency.id)).toBeNull();
    expect(await eligibilityFor(db, sessionUserOf(user), await db.serviceRequest.findUniqueOrThrow({ where: { id: req } }))).toEqual([
      "requests.eligibility.notListed::APPLIED",
      "requests.eligibility.noCredential",
    ]);
  });

  it("eligibility is judged at the database clock's now (a blacklist starting at that instant blocks)", async () => {
    const req = await newRequest();
    const [, , c] = agencies;
    const closesAt = await closesAtOf(req);
    const t = ms(closesAt, -10_000);
    await db.sanction.create({
      data: {
        agencyId: c!.agencyId,
        kind: "BLACKLIST",
        reason: "出具虚假报告",
        legalBasis: "依据",
        evidence: "证据",
        authority: "区市场监管局",
        startsAt: t,
        endsAt: ms(t, 1000),
      },
    });
    hook.times = [ms(t, -2), ms(t, -1)];
    await expect(submitBid(db, c!.user, req, bid(CAP))).resolves.toMatchObject({ revision: 1 });
    hook.times = [ms(t, -1), t];
    await expect(submitBid(db, c!.user, req, bid(CAP))).rejects.toMatchObject({
      code: "NOT_ELIGIBLE",
      params: { reasons: "requests.eligibility.blacklisted" },
    });
  });

  it("only an agency may bid", async () => {
    const req = await newRequest();
    await expect(submitBid(db, owner, req, bid(CAP))).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
    await expect(withdrawBid(db, owner, req)).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
  });
});

describe("a race of two first bids", () => {
  const uniqueViolation = () =>
    new Prisma.PrismaClientKnownRequestError("Unique constraint failed", { code: "P2002", clientVersion: "test" });

  it("a first bid that loses a unique-key race is retried once and succeeds", async () => {
    const req = await newRequest();
    hook.throwOnDecide = [uniqueViolation()];
    await expect(submitBid(db, agencies[0]!.user, req, bid(CAP))).resolves.toMatchObject({ revision: 1 });
    expect(await db.bid.count({ where: { requestId: req } })).toBe(1);
  });

  it("only a unique-key error of the database is retried; a second one is not", async () => {
    const req = await newRequest();
    const other = new Prisma.PrismaClientKnownRequestError("Transaction conflict", { code: "P2034", clientVersion: "test" });
    hook.throwOnDecide = [other];
    await expect(submitBid(db, agencies[0]!.user, req, bid(CAP))).rejects.toBe(other);
    const lookalike = Object.assign(new Error("not Prisma"), { code: "P2002" });
    hook.throwOnDecide = [lookalike];
    await expect(submitBid(db, agencies[0]!.user, req, bid(CAP))).rejects.toBe(lookalike);
    const second = uniqueViolation();
    hook.throwOnDecide = [uniqueViolation(), second];
    await expect(submitBid(db, agencies[0]!.user, req, bid(CAP))).rejects.toBe(second);
    expect(await db.bid.count({ where: { requestId: req } })).toBe(0);
  });
});

describe("reading one's own bid and eligibility", () => {
  it("an agency sees exactly its own bid's fields; no one else's", async () => {
    const req = await newRequest();
    const [a, b, c] = agencies;
    const r = await submitBid(db, a!.user, req, bid(55_000_00n, 21, "自己的方案"));
    await submitBid(db, b!.user, req, bid(65_000_00n));
    expect(await ownBid(db, a!.user, req)).toEqual({
      id: r.id,
      amountFen: 55_000_00n,
      serviceDays: 21,
      proposal: "自己的方案",
      status: "SUBMITTED",
      revision: 1,
      submittedAt: r.submittedAt,
      rank: null,
      invalidReason: null,
    });
    expect(await ownBid(db, c!.user, req)).toBeNull();
  });

  it("a user who is not an agency, or has no organization, has no own bid and no eligibility", async () => {
    const req = await newRequest();
    const [a] = agencies;
    await submitBid(db, a!.user, req, bid(55_000_00n));
    const request = await db.serviceRequest.findUniqueOrThrow({ where: { id: req } });
    const orphan = { ...a!.user, organizationId: null };
    expect(await ownBid(db, orphan, req)).toBeNull();
    expect(await ownBid(db, owner, req)).toBeNull();
    expect(await eligibilityFor(db, orphan, request)).toBeNull();
    expect(await eligibilityFor(db, owner, request)).toBeNull();
    // Another role is refused even when its session names an agency's organization.
    expect(await ownBid(db, { ...a!.user, role: "REGULATOR" }, req)).toBeNull();
    expect(await eligibilityFor(db, { ...a!.user, role: "ENTERPRISE" }, request)).toBeNull();
    // An agency-role user whose organization has no agency row.
    expect(await eligibilityFor(db, { ...owner, role: "AGENCY" }, request)).toBeNull();
    expect(await eligibilityFor(db, a!.user, request)).toEqual([]);
  });
});
