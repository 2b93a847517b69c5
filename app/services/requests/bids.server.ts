import { createHash } from "node:crypto";
import { decide, initialStateOf } from "~/machines/apply";
import { bidMachine, isWithinCap } from "~/machines/bid.machine";
import type { Db, Tx } from "~/db/client.server";
import { Prisma, type RequestStatus } from "~/generated/prisma/client";
import { isDatabaseUnavailable } from "~/lib/db-availability.server";
import { DomainError, isDomainError } from "~/lib/errors";
import { bidOutcomes } from "~/lib/metrics.server";
import type { SessionUser } from "~/lib/session.server";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { ownAgency } from "~/services/agencies/queries.server";
import { ineligibilityReasons } from "./eligibility.server";

export type BidInput = { amountFen: bigint; serviceDays: number; proposal: string };

/**
 * Reads the request for a bid with FOR SHARE: any number of bids proceed in
 * parallel, but the closing transaction (FOR UPDATE) waits for bids already
 * in flight and every later bid waits for it — and then sees CLOSED. A bid
 * whose own check runs after closesAt (database clock) is refused even when
 * nothing has closed the request yet.
 */
async function openRequestForBid(tx: Tx, requestId: string) {
  // The deadline is checked BEFORE taking the shared lock: a late bid must not
  // lock the row at all, or a stream of late bids would keep the closer's
  // FOR UPDATE SKIP LOCKED skipping it and hold the request open.
  const before = await dbNow(tx);
  const rows = await tx.$queryRaw<
    { id: string; status: RequestStatus; closesAt: Date; priceCapFen: bigint; itemId: string; qualificationReqs: unknown }[]
  >`
    SELECT id, status, "closesAt", "priceCapFen", "itemId", "qualificationReqs" FROM "ServiceRequest"
    WHERE id = ${requestId} AND status = 'OPEN' AND "closesAt" > ${before} FOR SHARE`;
  const request = rows[0];
  if (!request) {
    const exists = await tx.serviceRequest.findUnique({ where: { id: requestId }, select: { id: true } });
    if (!exists) throw new DomainError("NOT_FOUND", 404, "requests.errors.notFound");
    return { request: null, now: before, isOpen: false };
  }
  // Re-check after the lock: waiting for it may have taken us past the deadline.
  const now = await dbNow(tx);
  return { request, now, isOpen: now < request.closesAt };
}

/** A commitment to the sealed amount for the audit chain: the amount itself stays out of the log until closing. */
function sealedDigest(bidId: string, revision: number, b: BidInput): string {
  return createHash("sha256").update(`${bidId}|${revision}|${b.amountFen}|${b.serviceDays}|${b.proposal}`).digest("hex");
}

/** Submits or revises the agency's sealed bid. */
export async function submitBid(db: Db, user: SessionUser, requestId: string, input: BidInput) {
  const attempt = () =>
    db.$transaction(async (tx) => {
      const agency = await ownAgency(tx, user);
      const { request, now, isOpen } = await openRequestForBid(tx, requestId);
      if (!isOpen || !request) throw new DomainError("CLOSED", 409, "requests.errors.closed");
      // A regulator's decision holds the agency row FOR UPDATE while it withdraws open bids: a bid either commits first (and is invalidated by it) or waits here and then sees the new status.
      await tx.$queryRaw`SELECT 1 AS locked FROM "Agency" WHERE id = ${agency.id} FOR SHARE`;
      const reasons = await ineligibilityReasons(tx, request, agency.id, now);
      if (reasons.length)
        throw new DomainError("NOT_ELIGIBLE", 403, "requests.errors.notEligible", undefined, { reasons: reasons.join("\n") });
      const existing = await tx.$queryRaw<{ id: string; status: string; revision: number }[]>`
        SELECT id, status::text AS status, revision FROM "Bid" WHERE "requestId" = ${requestId} AND "agencyId" = ${agency.id} FOR UPDATE`;
      const prev = existing[0];
      // The bid machine judges the facts: open by the database clock, and
      // within the price cap (Principle 5: a bid above it is invalid, so it is
      // refused at the door). A new bid is judged against the initial state.
      const facts = { isOpen, amountFen: input.amountFen, priceCapFen: request.priceCapFen };
      const verdict = prev
        ? decide(bidMachine, prev.status, { type: "REVISE", ...facts })
        : decide(bidMachine, initialStateOf(bidMachine), { type: "SUBMIT", ...facts });
      if (!verdict.ok) {
        if (!isWithinCap(facts)) throw new DomainError("ABOVE_CAP", 422, "requests.errors.aboveCap", "amount");
        throw new DomainError("BID_FINAL", 409, "requests.errors.bidFinal");
      }
      if (!prev) {
        const bid = await tx.bid.create({
          data: {
            requestId,
            agencyId: agency.id,
            status: verdict.to,
            amountFen: input.amountFen,
            serviceDays: input.serviceDays,
            proposal: input.proposal,
            submittedAt: now,
          },
        });
        await appendAudit(tx, {
          aggregateType: "request",
          aggregateId: requestId,
          fromState: null,
          event: "BID_SUBMITTED",
          toState: verdict.to,
          actorId: user.id,
          payload: { bidId: bid.id, agencyId: agency.id, revision: 1, sealed: sealedDigest(bid.id, 1, input) },
        });
        return { id: bid.id, revision: 1, submittedAt: now };
      }
      const revision = prev.revision + 1;
      await tx.bid.update({
        where: { id: prev.id },
        data: {
          status: verdict.to,
          amountFen: input.amountFen,
          serviceDays: input.serviceDays,
          proposal: input.proposal,
          submittedAt: now,
          revision,
        },
      });
      await appendAudit(tx, {
        aggregateType: "request",
        aggregateId: requestId,
        fromState: prev.status,
        event: "BID_REVISED",
        toState: verdict.to,
        actorId: user.id,
        payload: { bidId: prev.id, agencyId: agency.id, revision, sealed: sealedDigest(prev.id, revision, input) },
      });
      return { id: prev.id, revision, submittedAt: now };
    });
  try {
    let stored;
    try {
      stored = await attempt();
    } catch (error) {
      // Two first submissions from one agency at once: the loser retries as a revision.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") stored = await attempt();
      else throw error;
    }
    bidOutcomes.inc({ outcome: "acknowledged", reason: "" });
    return stored;
  } catch (error) {
    if (isDomainError(error)) bidOutcomes.inc({ outcome: "refused", reason: error.code });
    else if (isDatabaseUnavailable(error)) bidOutcomes.inc({ outcome: "unavailable", reason: "" });
    else bidOutcomes.inc({ outcome: "error", reason: "" });
    throw error;
  }
}

export async function withdrawBid(db: Db, user: SessionUser, requestId: string) {
  return db.$transaction(async (tx) => {
    const agency = await ownAgency(tx, user);
    const { isOpen } = await openRequestForBid(tx, requestId);
    const rows = await tx.$queryRaw<{ id: string; status: string }[]>`
      SELECT id, status::text AS status FROM "Bid" WHERE "requestId" = ${requestId} AND "agencyId" = ${agency.id} FOR UPDATE`;
    const bid = rows[0];
    if (!bid) throw new DomainError("NOT_FOUND", 404, "requests.errors.noBid");
    const result = decide(bidMachine, bid.status, { type: "WITHDRAW", isOpen });
    if (!result.ok) throw new DomainError("CLOSED", 409, isOpen ? "requests.errors.bidFinal" : "requests.errors.closed");
    await tx.bid.update({ where: { id: bid.id }, data: { status: result.to } });
    await appendAudit(tx, {
      aggregateType: "request",
      aggregateId: requestId,
      fromState: bid.status,
      event: "BID_WITHDRAWN",
      toState: result.to,
      actorId: user.id,
      payload: { bidId: bid.id, agencyId: agency.id },
    });
  });
}

/** The agency's own bid (its amount is its own to see), or null. */
export async function ownBid(db: Db, user: SessionUser, requestId: string) {
  if (user.role !== "AGENCY" || !user.organizationId) return null;
  return db.bid.findFirst({
    where: { requestId, agency: { organizationId: user.organizationId } },
    select: {
      id: true,
      amountFen: true,
      serviceDays: true,
      proposal: true,
      status: true,
      revision: true,
      submittedAt: true,
      rank: true,
      invalidReason: true,
    },
  });
}

/** Whether the requesting agency may bid, and if not, why (shown to it). */
export async function eligibilityFor(db: Db, user: SessionUser, request: { id: string; itemId: string; qualificationReqs: unknown }) {
  if (user.role !== "AGENCY" || !user.organizationId) return null;
  const agency = await db.agency.findUnique({ where: { organizationId: user.organizationId }, select: { id: true } });
  if (!agency) return null;
  return db.$transaction(async (tx) => ineligibilityReasons(tx, request, agency.id, await dbNow(tx)));
}
