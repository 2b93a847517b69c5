import { randomBytes } from "node:crypto";
import type { Db } from "~/db/client.server";
import { DomainError } from "~/lib/errors";
import type { SessionUser } from "~/lib/session.server";
import { appendAudit } from "~/services/audit/audit.server";
import { assertItemInForce } from "~/services/catalogue/catalogue.server";
import { dbNow } from "~/services/clock.server";
import { lockRequest } from "~/services/requests/data.server";
import { qualificationsOf, requestTexts } from "../fair-competition";
import { reviewFairCompetition } from "~/services/fair-competition/engine";
import { MIN_BIDDING_SECONDS, publishRequest } from "../post.server";
import { conflict, forbidden } from "./common.server";

function requestCode(now: Date): string {
  const d = now.toISOString().slice(0, 10).replace(/-/g, "");
  return `ZJ${d}-${randomBytes(3).toString("hex").toUpperCase()}`;
}

/**
 * 流标后重新发布: the owning enterprise copies a FAILED request into a new
 * round (round + 1, previousRoundId, a new code) with a new closing time, and
 * publishes it. A round is re-published once. The copy is created in one
 * transaction (with the catalogue and fair-competition checks of posting) and
 * then published through publishRequest; should publishing fail (e.g. the item
 * was retired in between), the new round stays a DRAFT the owner can see.
 */
export async function republishRequest(db: Db, user: SessionUser, id: string, closesAt: Date) {
  if (user.role !== "ENTERPRISE" || !user.organizationId) throw forbidden();
  if (Number.isNaN(closesAt.getTime())) throw new DomainError("DATE", 400, "requests.errors.dateTime", "closesAt");
  const created = await db.$transaction(async (tx) => {
    const r = await lockRequest(tx, id);
    if (r.enterpriseOrgId !== user.organizationId) throw forbidden();
    // A failed round, or an engagement terminated after a sanction, may run again as a new round.
    if (r.status !== "FAILED" && r.status !== "TERMINATED") throw conflict("award.errors.notFailed");
    const existing = await tx.serviceRequest.findFirst({ where: { previousRoundId: id }, select: { id: true } });
    if (existing) throw conflict("award.errors.alreadyRepublished");
    const now = await dbNow(tx);
    if (closesAt.getTime() < now.getTime() + MIN_BIDDING_SECONDS * 1000)
      throw new DomainError("CLOSES_TOO_SOON", 422, "requests.errors.closesTooSoon", "closesAt");
    const old = await tx.serviceRequest.findUniqueOrThrow({ where: { id }, include: { avoidances: true } });
    await assertItemInForce(tx, old.itemId, { field: "closesAt" });
    // A clear violation under today's rules is refused (the text was published before they changed);
    // wording the review merely doubts was already published once, after review if it had to be.
    if (reviewFairCompetition(requestTexts({ ...old, qualificationReqs: qualificationsOf(old.qualificationReqs) })).outcome === "refuse")
      throw new DomainError("UNFAIR", 422, "award.errors.republishUnfair", "closesAt");
    const copy = await tx.serviceRequest.create({
      data: {
        code: requestCode(now),
        itemId: old.itemId,
        enterpriseOrgId: old.enterpriseOrgId,
        createdById: user.id,
        title: old.title,
        description: old.description,
        fundingSource: old.fundingSource,
        priceMode: old.priceMode,
        basePriceFen: old.basePriceFen,
        discountRateBp: old.discountRateBp,
        priceCapFen: old.priceCapFen,
        selectionMethod: old.selectionMethod,
        scoringWeights: old.scoringWeights ?? undefined,
        qualificationReqs: old.qualificationReqs ?? [],
        minBidders: old.minBidders,
        serviceDays: old.serviceDays,
        publicityDays: old.publicityDays,
        closesAt,
        round: old.round + 1,
        previousRoundId: old.id,
        avoidances: { create: old.avoidances.map((a) => ({ agencyId: a.agencyId, reason: a.reason })) },
      },
    });
    await appendAudit(tx, {
      aggregateType: "request",
      aggregateId: copy.id,
      fromState: null,
      event: "CREATE",
      toState: "DRAFT",
      actorId: user.id,
      payload: {
        code: copy.code,
        title: copy.title,
        method: copy.selectionMethod,
        priceCapFen: copy.priceCapFen.toString(),
        round: copy.round,
        previousRoundId: old.id,
      },
    });
    await appendAudit(tx, {
      aggregateType: "request",
      aggregateId: old.id,
      fromState: "FAILED",
      event: "REPUBLISHED",
      toState: "FAILED",
      actorId: user.id,
      payload: { nextRoundId: copy.id, nextRoundCode: copy.code },
    });
    return copy;
  });
  await publishRequest(db, user, created.id);
  return db.serviceRequest.findUniqueOrThrow({
    where: { id: created.id },
    select: { id: true, code: true, status: true, round: true, previousRoundId: true },
  });
}
