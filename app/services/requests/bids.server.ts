import { createHash } from "node:crypto";
import { decide, initialStateOf } from "~/machines/apply";
import { bidMachine, isWithinCap } from "~/machines/bid.machine";
import type { Db, Tx } from "~/db/client.server";
import { rawTransaction } from "~/db/raw-tx.server";
import { Prisma, type RequestStatus } from "~/generated/prisma/client";
import { isDatabaseUnavailable } from "~/lib/db-availability.server";
import { DomainError, isDomainError } from "~/lib/errors";
import { bidOutcomes } from "~/lib/metrics.server";
import type { SessionUser } from "~/lib/session.server";
import { uuid7 } from "~/lib/uuid7.server";
import { appendAudit, auditInsertSql, chainHeadOf, chainHeadSql } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { ownAgency } from "~/services/agencies/queries.server";
import { eligibilityFactsSql, ineligibilityReasons, reasonsFrom, type EligibilityFacts } from "./eligibility.server";

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

/** A first bid lost the race with another first bid of the same agency (the insert met the unique key): retried as a revision. */
class FirstBidRace extends Error {}

/**
 * Submits or revises the agency's sealed bid. The hot path of bid intake
 * (decision 025): six round trips, each statement in raw SQL, straight
 * through the pool on PostgreSQL (rawTransaction) —
 *
 *   1. BEGIN and the database clock (before any lock)
 *   2. the user's agency; the request FOR SHARE when it is OPEN and its
 *      deadline is after reading 1 (a late bid locks nothing on the request);
 *      then the agency row FOR SHARE (a regulator's decision holds it FOR
 *      UPDATE while it withdraws open bids: a bid either commits first and is
 *      invalidated by it, or waits here and then sees the new status)
 *   3. the database clock again, after both locks: the bid's time, and the
 *      deadline check that counts
 *   4. the eligibility facts (a snapshot taken after the agency lock), the
 *      agency's existing bid FOR UPDATE (in FROM), then, in the select list,
 *      so after that lock, the request chain's append lock and head
 *      (chainHeadSql)
 *   — the bid machine judges the facts —
 *   5. the bid's INSERT or UPDATE and its audit event, one statement
 *   6. COMMIT
 *
 * The same locks in the same order as before (request, agency, bid, chain),
 * and the same refusals in the same order: not an agency (403), no such
 * request (404), closed (409), not eligible (403), above the cap (422) or
 * final (409).
 */
export async function submitBid(db: Db, user: SessionUser, requestId: string, input: BidInput) {
  if (user.role !== "AGENCY" || !user.organizationId) throw new DomainError("FORBIDDEN", 403, "errors.forbiddenBody");
  const organizationId = user.organizationId;
  const attempt = () =>
    rawTransaction(db, async (tx) => {
      // The deadline is checked BEFORE taking the shared lock: a late bid must not
      // lock the row at all, or a stream of late bids would keep the closer's
      // FOR UPDATE SKIP LOCKED skipping it and hold the request open.
      const before = await dbNow(tx);
      const rows = await tx.$queryRaw<
        {
          agencyId: string;
          id: string | null;
          closesAt: Date | null;
          priceCapFen: bigint | null;
          itemId: string | null;
          qualificationReqs: unknown;
        }[]
      >`
        SELECT a.id AS "agencyId", r.id, r."closesAt", r."priceCapFen", r."itemId", r."qualificationReqs"
        FROM "Agency" a
        LEFT JOIN LATERAL (
          SELECT id, "closesAt", "priceCapFen", "itemId", "qualificationReqs" FROM "ServiceRequest"
          WHERE id = ${requestId} AND status = 'OPEN' AND "closesAt" > ${before} FOR SHARE
        ) r ON true
        WHERE a."organizationId" = ${organizationId}
        FOR SHARE OF a`;
      const row = rows[0];
      if (!row) throw new DomainError("FORBIDDEN", 403, "errors.forbiddenBody");
      if (!row.id) {
        const exists = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "ServiceRequest" WHERE id = ${requestId}`;
        if (!exists.length) throw new DomainError("NOT_FOUND", 404, "requests.errors.notFound");
        throw new DomainError("CLOSED", 409, "requests.errors.closed");
      }
      const request = {
        id: row.id,
        closesAt: row.closesAt!,
        priceCapFen: row.priceCapFen!,
        itemId: row.itemId!,
        qualificationReqs: row.qualificationReqs,
      };
      const agencyId = row.agencyId;
      // Re-check after the locks: waiting for them may have taken us past the deadline.
      const now = await dbNow(tx);
      const isOpen = now < request.closesAt;
      if (!isOpen) throw new DomainError("CLOSED", 409, "requests.errors.closed");
      const [state] = await tx.$queryRaw<
        (EligibilityFacts & { bidId: string | null; bidStatus: string | null; revision: number | null; chainHead: unknown })[]
      >`
        SELECT ${eligibilityFactsSql(request, now)}, b.id AS "bidId", b.status AS "bidStatus", b.revision,
               ${chainHeadSql("request", requestId)} AS "chainHead"
        FROM "Agency" a
        LEFT JOIN LATERAL (
          SELECT id, status::text AS status, revision FROM "Bid" WHERE "requestId" = ${requestId} AND "agencyId" = a.id FOR UPDATE
        ) b ON true
        WHERE a.id = ${agencyId}`;
      const reasons = reasonsFrom(state ?? null, request);
      if (reasons.length)
        throw new DomainError("NOT_ELIGIBLE", 403, "requests.errors.notEligible", undefined, { reasons: reasons.join("\n") });
      const prev = state!.bidId ? { id: state!.bidId, status: state!.bidStatus!, revision: state!.revision! } : null;
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
      const bidId = prev?.id ?? uuid7();
      const revision = (prev?.revision ?? 0) + 1;
      const head = chainHeadOf(state!.chainHead);
      const event = {
        aggregateType: "request",
        aggregateId: requestId,
        fromState: prev?.status ?? null,
        event: prev ? "BID_REVISED" : "BID_SUBMITTED",
        toState: verdict.to,
        actorId: user.id,
        payload: { bidId, agencyId, revision, sealed: sealedDigest(bidId, revision, input) },
      };
      if (prev) {
        await tx.$executeRaw`
          WITH bid AS (
            UPDATE "Bid" SET status = ${verdict.to}::"BidStatus", "amountFen" = ${input.amountFen}, "serviceDays" = ${input.serviceDays},
                   proposal = ${input.proposal}, "submittedAt" = ${now}, revision = ${revision}
            WHERE id = ${bidId}
          )
          ${auditInsertSql(event, head)}`;
      } else {
        // ON CONFLICT: a first bid of the same agency committed since step 4; the event is written only with the row.
        const written = await tx.$queryRaw<{ id: bigint }[]>`
          WITH bid AS (
            INSERT INTO "Bid" (id, "requestId", "agencyId", status, "amountFen", "serviceDays", proposal, "submittedAt")
            VALUES (${bidId}, ${requestId}, ${agencyId}, ${verdict.to}::"BidStatus", ${input.amountFen}, ${input.serviceDays}, ${input.proposal}, ${now})
            ON CONFLICT ("requestId", "agencyId") DO NOTHING
            RETURNING id
          )
          ${auditInsertSql(event, head, Prisma.sql`EXISTS (SELECT 1 FROM bid)`)}
          RETURNING id`;
        if (!written.length) throw new FirstBidRace();
      }
      return { id: bidId, revision, submittedAt: now };
    });
  try {
    let stored;
    try {
      stored = await attempt();
    } catch (error) {
      // Two first submissions from one agency at once: the loser retries as a revision.
      if (error instanceof FirstBidRace || (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002"))
        stored = await attempt();
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
