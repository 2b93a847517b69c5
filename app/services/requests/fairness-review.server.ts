import type { Db, Tx } from "~/db/client.server";
import type { Prisma, RequestStatus } from "~/generated/prisma/client";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import type { Review } from "~/services/fair-competition/engine";
import { storedHits } from "./fair-competition";

/**
 * 公平竞争审查 records (FairnessReview): the refusals counted at posting, and the requests held
 * for the regulator's pre-publication review. The regulator's decisions are the commands
 * commands/approve-fairness.server.ts and commands/return-fairness.server.ts.
 */

const categoriesOf = (review: Review) => [...new Set(review.hits.map((h) => h.category))].sort();

/**
 * Counts a refused posting (the request itself is not saved). Outside any transaction of the
 * posting, which fails: the refusal is a fact of its own, for the dashboard's figures.
 */
export async function recordRefusal(db: Db, orgId: string, review: Review): Promise<void> {
  const now = await dbNow(db);
  await db.fairnessReview.create({
    data: {
      orgId,
      outcome: "REFUSED",
      categories: categoriesOf(review),
      hits: storedHits(review) as Prisma.InputJsonValue,
      createdAt: now,
    },
  });
}

/** DRAFT → FAIRNESS_REVIEW (the machine's verdict): the request waits for a regulator, on its audit chain. */
export async function holdForReview(
  tx: Tx,
  r: { id: string; from: RequestStatus; to: RequestStatus; orgId: string },
  review: Review,
  actorId: string,
  now: Date,
): Promise<void> {
  await tx.serviceRequest.update({ where: { id: r.id }, data: { status: r.to, statusReason: null, version: { increment: 1 } } });
  const row = await tx.fairnessReview.create({
    data: {
      requestId: r.id,
      orgId: r.orgId,
      outcome: "PENDING",
      categories: categoriesOf(review),
      hits: storedHits(review) as Prisma.InputJsonValue,
      createdAt: now,
    },
    select: { id: true },
  });
  await appendAudit(tx, {
    aggregateType: "request",
    aggregateId: r.id,
    fromState: r.from,
    event: "HOLD_FOR_FAIRNESS_REVIEW",
    toState: r.to,
    actorId,
    payload: { reviewId: row.id, categories: categoriesOf(review), phrases: review.hits.map((h) => h.matched) },
  });
}

/** The pending review of a request, locked (FOR UPDATE) for the regulator's decision or a cancellation. */
export async function lockPendingReview(tx: Tx, requestId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "FairnessReview" WHERE "requestId" = ${requestId} AND outcome = 'PENDING' FOR UPDATE`;
  return rows[0] ?? null;
}

/** The enterprise cancelled its held request: the review ends as WITHDRAWN. */
export async function withdrawPendingReview(tx: Tx, requestId: string, actorId: string, now: Date): Promise<void> {
  const pending = await lockPendingReview(tx, requestId);
  if (pending)
    await tx.fairnessReview.update({ where: { id: pending.id }, data: { outcome: "WITHDRAWN", decidedById: actorId, decidedAt: now } });
}
