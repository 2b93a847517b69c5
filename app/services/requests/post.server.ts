import { randomBytes } from "node:crypto";
import { decide } from "~/machines/apply";
import { requestMachine } from "~/machines/request.machine";
import type { Db, Tx } from "~/db/client.server";
import { DomainError, FieldErrors } from "~/lib/errors";
import { formatYuan } from "~/lib/money";
import type { SessionUser } from "~/lib/session.server";
import type { RequestInput } from "~/schemas/request";
import { appendAudit } from "~/services/audit/audit.server";
import { assertItemInForce } from "~/services/catalogue/catalogue.server";
import { dbNow } from "~/services/clock.server";
import { notify } from "~/services/notifications/notify.server";
import { qualificationsOf, refusalFieldErrors, requestTexts } from "./fair-competition";
import { holdForReview, recordRefusal, withdrawPendingReview } from "./fairness-review.server";
import { reviewFairCompetition } from "~/services/fair-competition/engine";
import type { RequestStatus } from "~/generated/prisma/enums";
import { Prisma } from "~/generated/prisma/client";
import { drawCommitment } from "./selection";
import { credentialTypesInUse } from "~/services/agencies/credential-types.server";
import { countingCredential } from "~/services/agencies/credential-review.server";
import { lockRequest } from "~/services/requests/data.server";
import { formatBeijingMinute } from "~/lib/format";
import { factsData } from "~/lib/announcement-facts";
import { attachmentTexts } from "./files-view.server";
import { checkZoneCoverage } from "~/services/zones/exemption.server";

/** Bidding must stay open at least this long after publishing. */
export const MIN_BIDDING_SECONDS = 60;

/**
 * Fair-competition review over every free-text field (docs/principles.md, rows 79 and 82; rules in
 * app/services/fair-competition/rules.ts). A clear violation is refused here, and the refusal is
 * counted for the regulator's dashboard; doubtful wording is not an error: publishing it holds the
 * request for the regulator's review (publishInTx).
 */
async function refuseUnfair(db: Db, user: SessionUser, input: RequestInput): Promise<void> {
  const review = reviewFairCompetition(requestTexts(input));
  if (review.outcome !== "refuse") return;
  await recordRefusal(db, user.organizationId!, review);
  throw new FieldErrors(refusalFieldErrors(review), 422);
}

/** Qualification requirements may name only credential types that exist: not agencies, not places. */
async function checkQualificationTypes(db: Db, reqs: RequestInput["qualificationReqs"]) {
  if (reqs.length === 0) return;
  const [items, creds] = await Promise.all([db.catalogueItem.findMany({ select: { qualificationTypes: true } }), credentialTypesInUse(db)]);
  const known = new Set([...items.flatMap((i) => i.qualificationTypes), ...creds.map((c) => c.type)]);
  const unknown = reqs.filter((r) => !known.has(r.type));
  if (unknown.length) throw new FieldErrors({ qualifications: unknown.map((u) => `requests.errors.qualificationUnknown::${u.type}`) }, 422);
}

async function resolveAvoidances(db: Db, list: RequestInput["avoidances"]) {
  if (list.length === 0) return [];
  const orgs = await db.organization.findMany({
    where: { creditCode: { in: list.map((a) => a.creditCode) } },
    select: { creditCode: true, agency: { select: { id: true } } },
  });
  const byCode = new Map(orgs.filter((o) => o.agency).map((o) => [o.creditCode!, o.agency!.id]));
  const missing = list.filter((a) => !byCode.has(a.creditCode));
  if (missing.length) throw new FieldErrors({ avoidances: missing.map((m) => `requests.errors.avoidanceUnknown::${m.creditCode}`) }, 422);
  return list.map((a) => ({ agencyId: byCode.get(a.creditCode)!, reason: a.reason }));
}

/** The columns an enterprise fills in from the form (a new request, or a draft revised). */
export function requestFields(input: RequestInput) {
  return {
    title: input.title,
    description: input.description,
    fundingSource: input.fundingSource,
    priceMode: input.priceMode,
    basePriceFen: input.basePriceFen,
    discountRateBp: input.discountRateBp,
    priceCapFen: input.priceCapFen,
    selectionMethod: input.selectionMethod,
    scoringWeights: input.scoringWeights ?? Prisma.DbNull,
    qualificationReqs: input.qualificationReqs,
    minBidders: input.minBidders,
    serviceDays: input.serviceDays,
    publicityDays: input.publicityDays,
    closesAt: input.closesAt,
    zoneId: input.zoneId || null,
    zoneReason: (input.zoneId && input.zoneReason) || null,
  };
}

function requestCode(now: Date): string {
  const d = now.toISOString().slice(0, 10).replace(/-/g, "");
  return `ZJ${d}-${randomBytes(3).toString("hex").toUpperCase()}`;
}

/**
 * The checks of a posting before its transaction (a new request or a draft changed): an
 * enterprise's, fair wording, known qualification types, avoided agencies that exist, a known item.
 */
export async function checkPosting(db: Db, user: SessionUser, input: RequestInput) {
  if (user.role !== "ENTERPRISE" || !user.organizationId) throw new DomainError("FORBIDDEN", 403, "errors.forbiddenBody");
  await refuseUnfair(db, user, input);
  await checkQualificationTypes(db, input.qualificationReqs);
  const avoidances = await resolveAvoidances(db, input.avoidances);
  const item = await db.catalogueItem.findUnique({ where: { code: input.itemCode }, select: { id: true } });
  if (!item) throw new DomainError("ITEM", 422, "requests.errors.item", "itemCode");
  await checkZoneCoverage(db, user, item.id, input);
  return { avoidances, item };
}

/** Posts a request (as a draft or published at once) for the user's organization. */
export async function postRequest(db: Db, user: SessionUser, input: RequestInput) {
  const { avoidances, item } = await checkPosting(db, user, input);
  return db.$transaction(async (tx) => {
    // Principle 1: only items in force. FOR SHARE makes a concurrent retirement wait for this post.
    await assertItemInForce(tx, item.id, { field: "itemCode" });
    const now = await dbNow(tx);
    const request = await tx.serviceRequest.create({
      data: {
        code: requestCode(now),
        itemId: item.id,
        enterpriseOrgId: user.organizationId!,
        createdById: user.id,
        ...requestFields(input),
        avoidances: { create: avoidances },
      },
    });
    await appendAudit(tx, {
      aggregateType: "request",
      aggregateId: request.id,
      fromState: null,
      event: "CREATE",
      toState: "DRAFT",
      actorId: user.id,
      payload: {
        code: request.code,
        title: request.title,
        method: request.selectionMethod,
        priceCapFen: request.priceCapFen.toString(),
        ...(request.zoneId ? { zoneId: request.zoneId, zoneReason: request.zoneReason } : {}),
      },
    });
    if (input.intent === "publish") await publishInTx(tx, request.id, user.id, now);
    return tx.serviceRequest.findUniqueOrThrow({ where: { id: request.id }, select: { id: true, code: true, status: true } });
  });
}

/**
 * DRAFT → OPEN, or DRAFT → FAIRNESS_REVIEW when the fair-competition review finds doubtful wording
 * (the regulator then publishes it with openInTx, or returns it). A clear violation is refused.
 */
export async function publishInTx(tx: Tx, id: string, actorId: string, now: Date) {
  const r = await lockRequest(tx, id);
  if (r.closesAt.getTime() < now.getTime() + MIN_BIDDING_SECONDS * 1000)
    throw new DomainError("CLOSES_TOO_SOON", 422, "requests.errors.closesTooSoon", "closesAt");
  const full = await tx.serviceRequest.findUniqueOrThrow({
    where: { id },
    include: { item: { select: { status: true } }, avoidances: { select: { reason: true } } },
  });
  // The project documents' descriptions are the enterprise's text too (decision 034).
  const texts = {
    ...requestTexts({ ...full, qualificationReqs: qualificationsOf(full.qualificationReqs) }),
    ...(await attachmentTexts(tx, id)),
  };
  const review = reviewFairCompetition(texts);
  if (review.outcome === "refuse") throw new FieldErrors(refusalFieldErrors(review), 422);
  const result = decide(requestMachine, r.status, {
    type: "PUBLISH",
    isItemInForce: full.item.status === "IN_FORCE",
    fairness: review.outcome,
  });
  if (!result.ok) throw new DomainError("INVALID_TRANSITION", 409, "requests.errors.conflict");
  if (result.to === "FAIRNESS_REVIEW")
    return holdForReview(tx, { id, from: r.status, to: result.to, orgId: full.enterpriseOrgId }, review, actorId, now);
  await openInTx(tx, id, { from: r.status, to: result.to, event: "PUBLISH" }, actorId, now);
}

/**
 * Opens bidding on a request the machine has let through (PUBLISH, or the regulator's
 * APPROVE_FAIRNESS): a random draw commits to its secret seed now, and the opening is announced.
 */
export async function openInTx(
  tx: Tx,
  id: string,
  { from, to, event }: { from: RequestStatus; to: RequestStatus; event: "PUBLISH" | "APPROVE_FAIRNESS" },
  actorId: string,
  now: Date,
) {
  const full = await tx.serviceRequest.findUniqueOrThrow({ where: { id }, include: { item: { select: { name: true, nameEn: true } } } });
  const seed = full.selectionMethod === "RANDOM_DRAW" ? randomBytes(32).toString("hex") : null;
  const commitment = seed ? drawCommitment(seed) : null;
  await tx.serviceRequest.update({
    where: { id },
    data: { status: to, statusReason: null, opensAt: now, drawSeed: seed, drawCommitment: commitment, version: { increment: 1 } },
  });
  await appendAudit(tx, {
    aggregateType: "request",
    aggregateId: id,
    fromState: from,
    event,
    toState: to,
    actorId,
    payload: { closesAt: full.closesAt.toISOString(), commitment },
  });
  await tx.announcement.create({
    data: {
      kind: "REQUEST_OPEN",
      title: `项目公告：${full.title}`,
      body: [
        `项目编号：${full.code}`,
        `服务事项：${full.item.name}`,
        `最高限价：${formatYuan(full.priceCapFen)}`,
        `报名截止：${formatBeijingMinute(full.closesAt)}（北京时间）`,
        commitment ? `随机抽取种子承诺值（SHA-256）：${commitment}` : null,
      ]
        .filter(Boolean)
        .join("\n"),
      entityType: "request",
      entityId: id,
      data: factsData(
        "REQUEST_OPEN",
        {
          title: full.title,
          code: full.code,
          itemName: full.item.name,
          itemNameEn: full.item.nameEn,
          method: full.selectionMethod,
          priceCapFen: full.priceCapFen.toString(),
          closesAt: full.closesAt.toISOString(),
          commitment,
        },
        { requestId: id },
      ),
    },
  });
  await tellMatchingAgencies(tx, { ...full, id }, now);
}

/**
 * A competitive request just opened: the agencies that could bid are told
 * (and mailed, if they want the REQUESTS topic): listed, with a counting
 * credential covering the item, not on the request's avoidance list.
 * Principle 3: the region is never read. A DIRECT request has its agency already.
 */
async function tellMatchingAgencies(
  tx: Tx,
  r: { id: string; itemId: string; title: string; selectionMethod: string; closesAt: Date; item: { name: string } },
  now: Date,
) {
  if (r.selectionMethod === "DIRECT") return;
  const avoided = (await tx.requestAvoidance.findMany({ where: { requestId: r.id }, select: { agencyId: true } })).map((a) => a.agencyId);
  const agencies = await tx.agency.findMany({
    where: {
      status: "LISTED",
      id: { notIn: avoided },
      credentials: { some: { ...countingCredential(now), items: { some: { itemId: r.itemId } } } },
    },
    select: { organizationId: true },
  });
  const data = { requestId: r.id, title: r.title, item: r.item.name, closes: formatBeijingMinute(r.closesAt) };
  for (const a of agencies) await notify(tx, { orgId: a.organizationId, kind: "REQUEST_MATCHING", data });
}

/** Publishes a draft: OPEN, or FAIRNESS_REVIEW when its wording must be reviewed first (the status is returned). */
export async function publishRequest(db: Db, user: SessionUser, id: string): Promise<RequestStatus> {
  return db.$transaction(async (tx) => {
    const r = await lockRequest(tx, id);
    if (r.enterpriseOrgId !== user.organizationId) throw new DomainError("FORBIDDEN", 403, "errors.forbiddenBody");
    await publishInTx(tx, id, user.id, await dbNow(tx));
    return (await lockRequest(tx, id)).status;
  });
}

/** Cancels a draft or open request before closing, with a reason; bidders are told. */
export async function cancelRequest(db: Db, user: SessionUser, id: string, reason: string) {
  return db.$transaction(async (tx) => {
    const r = await lockRequest(tx, id);
    if (r.enterpriseOrgId !== user.organizationId) throw new DomainError("FORBIDDEN", 403, "errors.forbiddenBody");
    const now = await dbNow(tx);
    const result = decide(requestMachine, r.status, { type: "CANCEL", reason, isPastDeadline: now >= r.closesAt });
    if (!result.ok)
      throw new DomainError(
        "INVALID_TRANSITION",
        reason.trim() ? 409 : 400,
        reason.trim() ? "requests.errors.cannotCancel" : "errors.required",
        "reason",
      );
    await tx.serviceRequest.update({ where: { id }, data: { status: result.to, statusReason: reason.trim(), version: { increment: 1 } } });
    if (r.status === "FAIRNESS_REVIEW") await withdrawPendingReview(tx, id, user.id, now);
    await appendAudit(tx, {
      aggregateType: "request",
      aggregateId: id,
      fromState: r.status,
      event: "CANCEL",
      toState: result.to,
      actorId: user.id,
      payload: { reason: reason.trim() },
    });
    const bidders = await tx.bid.findMany({
      where: { requestId: id, status: "SUBMITTED" },
      select: { agency: { select: { organizationId: true } } },
    });
    for (const b of bidders)
      await notify(tx, { orgId: b.agency.organizationId, kind: "REQUEST_CANCELLED", data: { requestId: id, reason: reason.trim() } });
  });
}
