import { createHash } from "node:crypto";
import type { Db, Tx } from "~/db/client.server";
import { DomainError, FieldErrors } from "~/lib/errors";
import type { SessionUser } from "~/lib/session.server";
import { hideSchema, parseWith, ratingFromInput, replySchema } from "~/schemas/rating";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { recomputeCreditScore } from "~/services/credit/recompute.server";
import { notify } from "~/services/notifications/notify.server";
import { lockRequest } from "~/services/requests/data.server";

/**
 * 网上评价 (issue #5): after COMPLETED the owning enterprise rates the awarded
 * agency once on five dimensions with a text; the agency may reply once; a
 * regulator may hide abusive text with a published reason (the scores stay and
 * keep counting). Each command is one transaction that writes the change, the
 * denormalized rating average, the recomputed credit score, the audit event
 * (on the request's chain) and the notifications together.
 */

const forbidden = (key: string) => new DomainError("FORBIDDEN", 403, key);
const conflict = (key: string) => new DomainError("CONFLICT", 409, key);
const notFound = () => new DomainError("NOT_FOUND", 404, "ratings.errors.notFound");

/** Prisma's unique-constraint violation (a concurrent second rating of one request). */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

export type RatingScores = { quality: number; timeliness: number; attitude: number; fee: number; standards: number };

/** The mean of the five dimensions of one rating (what the directory's average and the credit formula use). */
export function ratingAverage(r: {
  quality: number;
  timeliness: number;
  attitude: number;
  feeCompliance: number;
  standards: number;
}): number {
  return (r.quality + r.timeliness + r.attitude + r.feeCompliance + r.standards) / 5;
}

/**
 * Agency.ratingAvg / ratingCount, recomputed from the rows (not incremented),
 * inside the caller's transaction after the agency row is locked, so two
 * ratings of one agency committing together cannot lose an update.
 */
async function refreshRatingAggregate(tx: Tx, agencyId: string): Promise<{ ratingAvg: number | null; ratingCount: number }> {
  const rows = await tx.$queryRaw<{ avg: number | null; n: bigint }[]>`
    SELECT avg(("quality" + "timeliness" + "attitude" + "feeCompliance" + "standards") / 5.0)::float8 AS avg, count(*) AS n
    FROM "Rating" WHERE "agencyId" = ${agencyId}`;
  const n = Number(rows[0]?.n ?? 0);
  const ratingAvg = n > 0 && rows[0]!.avg !== null ? Math.round(Number(rows[0]!.avg) * 100) / 100 : null;
  await tx.agency.update({ where: { id: agencyId }, data: { ratingAvg, ratingCount: n } });
  return { ratingAvg, ratingCount: n };
}

/** The agency that held the award of a request, or null. */
async function awardedAgency(tx: Tx, awardedBidId: string | null) {
  if (!awardedBidId) return null;
  const bid = await tx.bid.findUnique({
    where: { id: awardedBidId },
    select: { agencyId: true, agency: { select: { organizationId: true } } },
  });
  return bid ? { id: bid.agencyId, organizationId: bid.agency.organizationId } : null;
}

/**
 * The owning enterprise rates the awarded agency of a COMPLETED request, once.
 * 400 bad scores or text (field errors) · 403 not the owner · 404 no request ·
 * 409 not completed yet, no awarded agency, or already rated (also when two
 * submissions race: the request row lock orders them and Rating.requestId is
 * unique, mapped to the same 409).
 */
export async function rateRequest(db: Db, user: SessionUser, requestId: string, input: RatingScores & { text: string }) {
  const parsed = ratingFromInput(input);
  if (!parsed.ok) throw new FieldErrors(parsed.errors, 400);
  const v = parsed.data;
  try {
    return await db.$transaction(async (tx) => {
      const r = await lockRequest(tx, requestId);
      if (user.role !== "ENTERPRISE" || !user.organizationId || r.enterpriseOrgId !== user.organizationId)
        throw forbidden("ratings.errors.ownerOnly");
      if (r.status !== "COMPLETED") throw conflict("ratings.errors.notCompleted");
      const full = await tx.serviceRequest.findUniqueOrThrow({
        where: { id: requestId },
        select: { awardedBidId: true, title: true, code: true },
      });
      const agency = await awardedAgency(tx, full.awardedBidId);
      if (!agency) throw conflict("ratings.errors.noAgency");
      if (await tx.rating.findUnique({ where: { requestId }, select: { id: true } })) throw conflict("ratings.errors.alreadyRated");
      // Lock order of the request lifecycle: request row, then agency row — taken
      // before the insert, whose foreign key would otherwise share-lock the agency
      // first and let two ratings of one agency deadlock on the upgrade.
      await tx.$queryRaw`SELECT id FROM "Agency" WHERE id = ${agency.id} FOR NO KEY UPDATE`;
      const now = await dbNow(tx);
      const rating = await tx.rating.create({
        data: {
          requestId,
          agencyId: agency.id,
          enterpriseOrgId: r.enterpriseOrgId,
          quality: v.quality,
          timeliness: v.timeliness,
          attitude: v.attitude,
          feeCompliance: v.fee,
          standards: v.standards,
          text: v.text,
          createdAt: now,
        },
      });
      const aggregate = await refreshRatingAggregate(tx, agency.id);
      const credit = await recomputeCreditScore(tx, agency.id, now);
      const average = ratingAverage(rating);
      await appendAudit(tx, {
        aggregateType: "request",
        aggregateId: requestId,
        fromState: r.status,
        event: "RATED",
        toState: r.status,
        actorId: user.id,
        // The text itself stays in the Rating row (it may be hidden later); the chain fixes its hash.
        payload: {
          ratingId: rating.id,
          agencyId: agency.id,
          scores: { quality: v.quality, timeliness: v.timeliness, attitude: v.attitude, fee: v.fee, standards: v.standards },
          textSha256: sha256(v.text),
          creditScore: credit.total,
          creditVersion: credit.version,
        },
      });
      await notify(tx, {
        orgId: agency.organizationId,
        kind: "RATING_RECEIVED",
        data: { requestId, title: full.title, code: full.code, average: average.toFixed(1) },
      });
      return { rating, ratingAvg: aggregate.ratingAvg, ratingCount: aggregate.ratingCount, credit };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("ratings.errors.alreadyRated");
    throw error;
  }
}

/** Locks one rating row (replies and hiding are ordered per rating) and returns it with its request. */
async function lockRating(tx: Tx, ratingId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Rating" WHERE id = ${ratingId} FOR UPDATE`;
  if (!rows[0]) throw notFound();
  return tx.rating.findUniqueOrThrow({
    where: { id: ratingId },
    include: { request: { select: { id: true, title: true, code: true, status: true } }, agency: { select: { organizationId: true } } },
  });
}

/** The rated agency's users reply once. 400 empty/too long · 403 not that agency · 404 · 409 already replied. */
export async function replyToRating(db: Db, user: SessionUser, ratingId: string, textInput: string) {
  const parsed = parseWith(replySchema, { text: textInput });
  if (!parsed.ok) throw new FieldErrors(parsed.errors, 400);
  const text = parsed.data.text;
  return db.$transaction(async (tx) => {
    const rating = await lockRating(tx, ratingId);
    if (user.role !== "AGENCY" || !user.organizationId || rating.agency.organizationId !== user.organizationId)
      throw forbidden("ratings.errors.agencyOnly");
    if (rating.reply !== null) throw conflict("ratings.errors.alreadyReplied");
    const now = await dbNow(tx);
    // Conditional on "no reply yet" as well: a second reply can never overwrite the first.
    const updated = await tx.rating.updateMany({ where: { id: ratingId, reply: null }, data: { reply: text, repliedAt: now } });
    if (updated.count !== 1) throw conflict("ratings.errors.alreadyReplied");
    await appendAudit(tx, {
      aggregateType: "request",
      aggregateId: rating.requestId,
      fromState: rating.request.status,
      event: "RATING_REPLIED",
      toState: rating.request.status,
      actorId: user.id,
      payload: { ratingId, agencyId: rating.agencyId, textSha256: sha256(text) },
    });
    await notify(tx, {
      orgId: rating.enterpriseOrgId,
      kind: "RATING_REPLIED",
      data: { requestId: rating.requestId, title: rating.request.title, code: rating.request.code },
    });
    return { ratingId, reply: text, repliedAt: now };
  });
}

/**
 * A regulator hides a rating's text with a reason that is published in its
 * place ("评价内容已被主管部门隐藏：<reason>"). The scores stay public and keep
 * counting in the average and the credit score; the original text stays in
 * the row for the record (appeals) and is shown to regulators only.
 * 400 no reason · 403 not a regulator · 404 · 409 already hidden.
 */
export async function hideRatingText(db: Db, user: SessionUser, ratingId: string, reasonInput: string) {
  if (user.role !== "REGULATOR") throw forbidden("ratings.errors.regulatorOnly");
  const parsed = parseWith(hideSchema, { reason: reasonInput });
  if (!parsed.ok) throw new FieldErrors(parsed.errors, 400);
  const reason = parsed.data.reason;
  return db.$transaction(async (tx) => {
    const rating = await lockRating(tx, ratingId);
    if (rating.hiddenAt !== null) throw conflict("ratings.errors.alreadyHidden");
    const now = await dbNow(tx);
    await tx.rating.update({ where: { id: ratingId }, data: { hiddenAt: now, hiddenReason: reason, hiddenById: user.id } });
    await appendAudit(tx, {
      aggregateType: "request",
      aggregateId: rating.requestId,
      fromState: rating.request.status,
      event: "RATING_TEXT_HIDDEN",
      toState: rating.request.status,
      actorId: user.id,
      payload: { ratingId, agencyId: rating.agencyId, reason, textSha256: sha256(rating.text) },
    });
    const data = { requestId: rating.requestId, title: rating.request.title, code: rating.request.code, reason };
    await notify(tx, { orgId: rating.enterpriseOrgId, kind: "RATING_TEXT_HIDDEN", data });
    await notify(tx, { orgId: rating.agency.organizationId, kind: "RATING_TEXT_HIDDEN", data });
    return { ratingId, hiddenAt: now, hiddenReason: reason };
  });
}
