// The machines are the only judge of a transition (#10): the services compute
// the facts, ask decide(), and persist the verdict's target. These tests fail
// when a service decides a rule itself (the price cap) or writes a state of its
// own choosing instead of the one the machine returned.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

/**
 * decide() with a test hook: `steer` may replace the machine's verdict for
 * one event. A service that writes `verdict.to` writes the steered state; one
 * that writes a literal of its own does not.
 */
const hook = vi.hoisted(() => ({
  steer: null as
    | null
    | ((machineId: string, state: string, event: { type: string }) => { ok: true; to: string } | { ok: false } | undefined),
  calls: [] as { machine: string; state: string; event: string; verdict: { ok: boolean; to?: string } }[],
}));

vi.mock("~/machines/apply", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/machines/apply")>();
  return {
    ...real,
    decide: (machine: { id: string }, state: string, event: { type: string }) => {
      const verdict = hook.steer?.(machine.id, state, event) ?? real.decide(machine as never, state, event as never);
      hook.calls.push({ machine: machine.id, state, event: event.type, verdict });
      return verdict;
    },
  };
});

import { readFileSync } from "node:fs";
import { getDb, type Db } from "~/db/client.server";
import { confirmContract } from "~/services/requests/award.server";
import { submitBid, withdrawBid } from "~/services/requests/bids.server";
import { closeDueRequests } from "~/services/requests/close.server";
import { cancelRequest } from "~/services/requests/post.server";
import { seedCatalogue } from "../../seeds/seed";
import { enterpriseUser, expire, listedAgencies, openRequest } from "../support/requests";

beforeAll(async () => {
  await seedCatalogue(await getDb());
});

afterEach(() => {
  hook.steer = null;
  hook.calls = [];
});

/** The cap of openRequest's form: 100 000 yuan. */
const CAP_FEN = 100_000_00n;
const bid = (amountFen: bigint) => ({ amountFen, serviceDays: 20, proposal: "按规范完成勘测并出具报告" });
const bidRow = (db: Db, requestId: string, agencyId: string) =>
  db.bid.findUniqueOrThrow({ where: { requestId_agencyId: { requestId, agencyId } } });

describe("the price cap is the bid machine's guard", () => {
  it("a bid exactly at the cap is accepted; one fen above is refused by the machine, as a first bid and as a revision", async () => {
    const db = await getDb();
    const owner = await enterpriseUser(db);
    const req = await openRequest(db, owner);
    const [a, b] = await listedAgencies(db, 2);

    await expect(submitBid(db, a!.user, req.id, bid(CAP_FEN + 1n))).rejects.toMatchObject({
      status: 422,
      message: "requests.errors.aboveCap",
      field: "amount",
    });
    expect(hook.calls.at(-1)).toMatchObject({ machine: "bid", event: "SUBMIT", verdict: { ok: false } });
    expect(await db.bid.count({ where: { requestId: req.id } })).toBe(0);

    await submitBid(db, a!.user, req.id, bid(CAP_FEN));
    expect(hook.calls.at(-1)).toMatchObject({ machine: "bid", event: "SUBMIT", verdict: { ok: true, to: "SUBMITTED" } });
    await submitBid(db, b!.user, req.id, bid(CAP_FEN - 1n));

    await expect(submitBid(db, b!.user, req.id, bid(CAP_FEN + 1n))).rejects.toMatchObject({
      status: 422,
      message: "requests.errors.aboveCap",
    });
    expect(hook.calls.at(-1)).toMatchObject({ machine: "bid", event: "REVISE", verdict: { ok: false } });
    const kept = await bidRow(db, req.id, b!.agencyId);
    expect([kept.amountFen, kept.revision, kept.status]).toEqual([CAP_FEN - 1n, 1, "SUBMITTED"]);
  });

  it("at closing the machine admits a bid at the cap and invalidates one above it (ABOVE_CAP)", async () => {
    const db = await getDb();
    const owner = await enterpriseUser(db);
    const req = await openRequest(db, owner, { minBidders: "1" });
    const [a, b] = await listedAgencies(db, 2);
    await submitBid(db, a!.user, req.id, bid(CAP_FEN));
    await submitBid(db, b!.user, req.id, bid(CAP_FEN - 100n));
    // A row above the cap that got past the door (e.g. written before a rule change): closing must not admit it.
    await db.bid.update({ where: { requestId_agencyId: { requestId: req.id, agencyId: b!.agencyId } }, data: { amountFen: CAP_FEN + 1n } });
    await expire(db, req.id);
    await closeDueRequests(db);

    const admits = hook.calls.filter((c) => c.event === "ADMIT");
    expect(admits.map((c) => c.verdict).sort((x, y) => String(x.to).localeCompare(String(y.to)))).toEqual([
      { ok: true, to: "INVALIDATED" },
      { ok: true, to: "SUBMITTED" },
    ]);
    const over = await bidRow(db, req.id, b!.agencyId);
    expect([over.status, over.invalidReason]).toEqual(["INVALIDATED", "ABOVE_CAP"]);
    const atCap = await bidRow(db, req.id, a!.agencyId);
    expect([atCap.status, atCap.rank]).toEqual(["WON", 1]);
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("AWARD_PUBLICITY");
  });

  it("closing asks the machine for each bid: a steered ADMIT is what gets written", async () => {
    const db = await getDb();
    const owner = await enterpriseUser(db);
    const req = await openRequest(db, owner, { minBidders: "1" });
    const [a, b] = await listedAgencies(db, 2);
    await submitBid(db, a!.user, req.id, bid(CAP_FEN - 500n));
    await submitBid(db, b!.user, req.id, bid(CAP_FEN - 100n));
    await expire(db, req.id);
    // The machine (steered) refuses agency a's bid although it is within the cap and a is listed.
    const aBid = await bidRow(db, req.id, a!.agencyId);
    hook.steer = (machine, _state, event) =>
      machine === "bid" && event.type === "ADMIT" && (event as { amountFen?: bigint }).amountFen === aBid.amountFen
        ? { ok: true, to: "INVALIDATED" }
        : undefined;
    await closeDueRequests(db);
    expect((await bidRow(db, req.id, a!.agencyId)).status).toBe("INVALIDATED");
    expect((await bidRow(db, req.id, b!.agencyId)).status).toBe("WON");
  });
});

describe("services persist the verdict's target, not a state of their own", () => {
  it("withdrawing a bid writes what the machine chose", async () => {
    const db = await getDb();
    const owner = await enterpriseUser(db);
    const req = await openRequest(db, owner);
    const [a] = await listedAgencies(db, 1);
    await submitBid(db, a!.user, req.id, bid(CAP_FEN));
    hook.steer = (machine, _state, event) => (machine === "bid" && event.type === "WITHDRAW" ? { ok: true, to: "INVALIDATED" } : undefined);
    await withdrawBid(db, a!.user, req.id);
    expect((await bidRow(db, req.id, a!.agencyId)).status).toBe("INVALIDATED");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { aggregateId: req.id, event: "BID_WITHDRAWN" } });
    expect(audit.toState).toBe("INVALIDATED");
  });

  it("cancelling and closing write the request machine's target", async () => {
    const db = await getDb();
    const owner = await enterpriseUser(db);
    const cancelled = await openRequest(db, owner);
    hook.steer = (machine, _state, event) => (machine === "request" && event.type === "CANCEL" ? { ok: true, to: "FAILED" } : undefined);
    await cancelRequest(db, owner, cancelled.id, "项目取消");
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: cancelled.id } })).status).toBe("FAILED");

    // Enough bids for the real machine (DIRECT waits CLOSED for the pick); steered, SELECT fails the round, and the round fails.
    const closed = await openRequest(db, owner, { selectionMethod: "DIRECT", minBidders: "1" });
    const [a] = await listedAgencies(db, 1);
    await submitBid(db, a!.user, closed.id, bid(CAP_FEN));
    await expire(db, closed.id);
    hook.steer = (machine, _state, event) => (machine === "request" && event.type === "SELECT" ? { ok: true, to: "FAILED" } : undefined);
    await closeDueRequests(db);
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: closed.id } })).status).toBe("FAILED");
    expect((await bidRow(db, closed.id, a!.agencyId)).status).toBe("LOST");
  });

  it("contract confirmations are columns; the machine decides when both sides have signed", async () => {
    const db = await getDb();
    const owner = await enterpriseUser(db);
    const req = await openRequest(db, owner, { minBidders: "1" });
    const [a] = await listedAgencies(db, 1);
    await submitBid(db, a!.user, req.id, bid(CAP_FEN));
    await expire(db, req.id);
    await closeDueRequests(db);
    await db.serviceRequest.update({ where: { id: req.id }, data: { publicityEndsAt: new Date(Date.now() - 1000) } });

    await confirmContract(db, owner, req.id);
    let row = await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } });
    expect([row.status, !!row.enterpriseConfirmedAt, !!row.agencyConfirmedAt]).toEqual(["AWARD_PUBLICITY", true, false]);
    expect(hook.calls.at(-1)).toMatchObject({
      machine: "request",
      event: "CONFIRM_CONTRACT",
      verdict: { ok: true, to: "AWARD_PUBLICITY" },
    });

    // Steered: the machine does not (yet) accept the agency's confirmation as signing. Nothing is written.
    hook.steer = (machine, _state, event) => (machine === "request" && event.type === "CONFIRM_CONTRACT" ? { ok: false } : undefined);
    await expect(confirmContract(db, a!.user, req.id)).rejects.toMatchObject({ status: 409, message: "award.errors.pendingObjections" });
    row = await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } });
    expect([row.status, !!row.agencyConfirmedAt]).toEqual(["AWARD_PUBLICITY", false]);

    hook.steer = null;
    const done = await confirmContract(db, a!.user, req.id);
    expect(done.status).toBe("IN_SERVICE");
    row = await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } });
    expect([row.status, !!row.enterpriseConfirmedAt, !!row.agencyConfirmedAt]).toEqual(["IN_SERVICE", true, true]);
    expect(row.agencyConfirmedAt!.getTime()).toBe(row.contractedAt!.getTime());
  });

  it("the migration backfills the columns from the CONFIRM_CONTRACT audit events of the current award", async () => {
    const db = await getDb();
    const owner = await enterpriseUser(db);
    const req = await openRequest(db, owner, { minBidders: "1" });
    const [a] = await listedAgencies(db, 1);
    await submitBid(db, a!.user, req.id, bid(CAP_FEN));
    await expire(db, req.id);
    await closeDueRequests(db);
    await db.serviceRequest.update({ where: { id: req.id }, data: { publicityEndsAt: new Date(Date.now() - 1000) } });
    await confirmContract(db, a!.user, req.id);
    const event = await db.auditEvent.findFirstOrThrow({ where: { aggregateId: req.id, event: "CONFIRM_CONTRACT" } });
    // As before the migration: the confirmation only in the audit log.
    await db.serviceRequest.update({ where: { id: req.id }, data: { agencyConfirmedAt: null } });
    const sql = readFileSync("prisma/migrations/20261127090000_contract_confirmations/migration.sql", "utf8");
    const updates = sql
      .replace(/^--.*$/gm, "")
      .split(";")
      .map((x) => x.trim())
      .filter((x) => x.startsWith("UPDATE"));
    expect(updates).toHaveLength(2);
    for (const u of updates) await db.$executeRawUnsafe(u);
    const row = await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } });
    expect(row.agencyConfirmedAt?.getTime()).toBe(event.at.getTime());
    expect(row.enterpriseConfirmedAt).toBeNull();
  });
});
