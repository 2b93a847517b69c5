import type { Tx } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { dbNow } from "~/services/clock.server";
import { computeCreditScore, type CreditBreakdown, type CreditInputs } from "./score";

const TWO_YEARS_MS = 2 * 365 * 86_400_000;

/** Gathers formula 1.1's inputs for one agency as of `now` (database clock). */
export async function creditInputs(tx: Tx, agencyId: string, now: Date): Promise<CreditInputs> {
  const ratings = await tx.rating.findMany({
    where: { agencyId },
    select: { createdAt: true, quality: true, timeliness: true, attitude: true, feeCompliance: true, standards: true },
  });
  // Completed engagements where this agency held the award: delivered by the due date or not.
  const delivered = await tx.$queryRaw<{ onTime: boolean }[]>`
    SELECT (r."deliveredAt" IS NULL OR r."dueAt" IS NULL OR r."deliveredAt" <= r."dueAt") AS "onTime"
    FROM "ServiceRequest" r JOIN "Bid" b ON b.id = r."awardedBidId"
    WHERE b."agencyId" = ${agencyId} AND r.status = 'COMPLETED'`;
  // Objections upheld against this agency's award (its bid was invalidated for it) in the last two years.
  const since = new Date(now.getTime() - TWO_YEARS_MS);
  const upheld = await tx.$queryRaw<{ n: bigint }[]>`
    SELECT count(DISTINCT b.id) AS n FROM "Bid" b
    JOIN "Objection" o ON o."requestId" = b."requestId" AND o.status = 'UPHELD' AND o."decidedAt" > ${since}
    WHERE b."agencyId" = ${agencyId} AND b.status = 'INVALIDATED' AND b."invalidReason" = 'OBJECTION_UPHELD'`;
  // Failing inspection results (不合格) published in the last two years (decision 030).
  const failedInspections = await tx.inspection.count({
    where: { agencyId, status: "PUBLISHED", outcome: "FAIL", publishedAt: { gt: since, lte: now } },
  });
  const sanctions = await tx.sanction.findMany({
    where: { agencyId, revokedAt: null },
    select: { kind: true, startsAt: true, endsAt: true, case: { select: { creditDeduction: true } } },
  });
  return {
    ratings: ratings.map((r) => ({
      at: r.createdAt,
      average: (r.quality + r.timeliness + r.attitude + r.feeCompliance + r.standards) / 5,
    })),
    deliveries: delivered.map((d) => ({ onTime: d.onTime })),
    upheldObjections: Number(upheld[0]?.n ?? 0),
    failedInspections,
    sanctions: sanctions.map((s) => ({
      kind: s.kind,
      points: s.case?.creditDeduction ?? undefined,
      inForce: s.startsAt <= now && (s.endsAt === null || s.endsAt > now),
      at: s.startsAt,
    })),
  };
}

/**
 * Recomputes and stores an agency's credit score inside the caller's
 * transaction — called by every event that changes an input (rating,
 * accepted delivery, upheld objection, sanction decided, revoked or ended).
 * The agency row is locked first, so two events for one agency recompute one
 * after the other and the second reads what the first committed.
 */
export async function recomputeCreditScore(tx: Tx, agencyId: string, at?: Date): Promise<CreditBreakdown> {
  // NO KEY UPDATE serializes recomputations of one agency without blocking
  // inserts that merely reference it (a bid, a rating: their foreign keys take KEY SHARE).
  await tx.$queryRaw`SELECT id FROM "Agency" WHERE id = ${agencyId} FOR NO KEY UPDATE`;
  const now = at ?? (await dbNow(tx));
  const breakdown = computeCreditScore(await creditInputs(tx, agencyId, now), now);
  await tx.agency.update({
    where: { id: agencyId },
    data: {
      creditScore: breakdown.total,
      creditBreakdown: breakdown as unknown as Prisma.InputJsonValue,
      creditVersion: breakdown.version,
      creditUpdatedAt: now,
    },
  });
  return breakdown;
}
