import { randomBytes } from "node:crypto";
import { decide } from "~/machines/apply";
import { bidMachine, type BidEvent } from "~/machines/bid.machine";
import { requestMachine, type RequestEvent } from "~/machines/request.machine";
import type { Db, Tx } from "~/db/client.server";
import type { BidStatus, RequestStatus } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";
import { formatDate } from "~/lib/format";
import { formatYuan } from "~/lib/money";
import type { SessionUser } from "~/lib/session.server";
import { appendAudit } from "~/services/audit/audit.server";
import { assertItemInForce } from "~/services/catalogue/catalogue.server";
import { dbNow } from "~/services/clock.server";
import { recomputeCreditScore } from "~/services/credit/recompute.server";
import { removeStoredFile, storeUpload } from "~/services/documents/documents.server";
import { notify } from "~/services/notifications/notify.server";
import { admitBid, awardInTx, type RankingEntry } from "./close.server";
import { fairCompetitionIssues } from "./fair-competition";
import { MIN_BIDDING_SECONDS, publishRequest } from "./post.server";
import { lockRequest } from "~/services/requests/data.server";
import { objectionMachine } from "~/machines/objection.machine";

/**
 * The award lifecycle after closing (docs/principles.md "Award publicity", Principles
 * 4–7): the enterprise's direct pick, objections (异议) and the regulator's
 * answers, the contract, delivery and acceptance, overdue notices and
 * re-publishing a failed round.
 *
 * Every command is one transaction that first locks the request row
 * (lockRequest), lets the request / bid machines decide, and writes the state,
 * the audit event (request chain) and the notifications together. Deadlines
 * (publicity end, service due date) are compared with the database clock.
 */

const DAY = 86_400_000;

/** Longest objection, decision or return reason. */
export const MAX_REASON_CHARS = 2000;
export const MAX_NOTE_CHARS = 2000;
export const MAX_LEGAL_BASIS_CHARS = 500;

/** Audit events that start a publicity period (a new award). */
const AWARD_EVENTS = ["SELECT", "PICK", "UPHOLD_OBJECTION"];

/** decisionReason stored on objections that an upheld sibling made moot (decidedById stays null: the platform closed them). */
export const SUPERSEDED_REASON = "所涉中选结果已因另一异议成立而撤销，本异议终结；如对新的中选结果有异议，可在新的公示期内重新提出。";

const forbidden = (key = "award.errors.forbidden") => new DomainError("FORBIDDEN", 403, key);
const conflict = (key = "award.errors.conflict") => new DomainError("CONFLICT", 409, key);

/** A required free-text reason: trimmed, 1–2000 characters, else a 400 next to its field. */
export function requireText(value: string | null | undefined, field = "reason", max = MAX_REASON_CHARS): string {
  const text = (value ?? "").trim();
  if (!text) throw new DomainError("REQUIRED", 400, "errors.required", field);
  if (Array.from(text).length > max) throw new DomainError("TOO_LONG", 400, "errors.tooLong", field);
  return text;
}

function bidTo(status: string, event: BidEvent): BidStatus {
  const r = decide(bidMachine, status, event);
  if (!r.ok) throw conflict();
  return r.to;
}

function requestTo(status: string, event: RequestEvent): RequestStatus | null {
  const r = decide(requestMachine, status, event);
  return r.ok ? r.to : null;
}

async function fullRequest(tx: Tx, id: string) {
  return tx.serviceRequest.findUniqueOrThrow({ where: { id }, include: { item: { select: { name: true } } } });
}

/** The winning bid of a request with its agency (for authorization and notices), or null. */
async function winnerOf(tx: Tx | Db, awardedBidId: string | null) {
  if (!awardedBidId) return null;
  return tx.bid.findUnique({
    where: { id: awardedBidId },
    select: { id: true, status: true, agencyId: true, amountFen: true, serviceDays: true, agency: { select: { organizationId: true, organization: { select: { name: true } } } } },
  });
}

/** The agency of an AGENCY user, or null. */
async function agencyOfUser(tx: Tx | Db, user: SessionUser) {
  if (user.role !== "AGENCY" || !user.organizationId) return null;
  return tx.agency.findUnique({ where: { organizationId: user.organizationId }, select: { id: true, organizationId: true } });
}

/** Every regulator hears of a new objection: one notice per regulator organization (or per user without one). */
async function notifyRegulators(tx: Tx, kind: string, data: Record<string, string | number | null>) {
  const regulators = await tx.user.findMany({ where: { role: "REGULATOR" }, select: { id: true, organizationId: true } });
  const orgs = new Set<string>();
  for (const u of regulators) {
    if (u.organizationId) orgs.add(u.organizationId);
    else await notify(tx, { userId: u.id, kind, data });
  }
  for (const orgId of orgs) await notify(tx, { orgId, kind, data });
}

export function isOverdue(r: { status: string; dueAt: Date | string | null }, now: Date): boolean {
  return r.status === "IN_SERVICE" && r.dueAt !== null && now.getTime() > new Date(r.dueAt).getTime();
}

// ───────────────────────── 1. Direct pick ─────────────────────────

/**
 * DIRECT (直接选取, Principle 4): after closing, the owning enterprise picks any
 * valid bid. The picked bid ranks first, the other valid bids follow by amount
 * (then the earlier bid), which is the order an upheld objection walks down.
 */
export async function pickBid(db: Db, user: SessionUser, requestId: string, bidId: string) {
  return db.$transaction(async (tx) => {
    const r = await lockRequest(tx, requestId);
    if (user.role !== "ENTERPRISE" || r.enterpriseOrgId !== user.organizationId) throw forbidden();
    const full = await fullRequest(tx, requestId);
    const bids = await tx.bid.findMany({
      where: { requestId, status: "SUBMITTED" },
      select: { id: true, agencyId: true, amountFen: true, serviceDays: true, submittedAt: true, status: true, agency: { select: { status: true, organization: { select: { name: true } } } } },
    });
    const picked = bids.find((b) => b.id === bidId);
    // The bid machine admits each bid again (within the cap, agency still listed): the agency may have been sanctioned since closing.
    const admitted = new Map(bids.map((b) => [b.id, admitBid(b, full.priceCapFen)]));
    const eligible = (b: (typeof bids)[number]) => admitted.get(b.id)!.to === b.status;
    const to = requestTo(r.status, { type: "PICK", isDirect: full.selectionMethod === "DIRECT", isEligibleBid: !!picked && eligible(picked) });
    if (!to) {
      if (r.status !== "CLOSED") throw conflict("award.errors.notPickable");
      if (full.selectionMethod !== "DIRECT") throw conflict("award.errors.notDirect");
      throw new DomainError("BID_NOT_ELIGIBLE", 422, "award.errors.bidNotEligible", "bidId");
    }
    const now = await dbNow(tx);
    // Bids of agencies no longer listed cannot be promoted later either.
    for (const b of bids.filter((x) => !eligible(x))) {
      const verdict = admitted.get(b.id)!;
      await tx.bid.update({ where: { id: b.id }, data: { status: verdict.to, invalidReason: verdict.invalidReason } });
    }
    const others = bids
      .filter((b) => b.id !== bidId && eligible(b))
      .sort((a, b) => (a.amountFen < b.amountFen ? -1 : a.amountFen > b.amountFen ? 1 : a.submittedAt.getTime() - b.submittedAt.getTime() || (a.id < b.id ? -1 : 1)));
    const entries: RankingEntry[] = [picked!, ...others].map((b, i) => ({
      rank: i + 1,
      bidId: b.id,
      agencyId: b.agencyId,
      agencyName: b.agency.organization.name,
      amountFen: b.amountFen.toString(),
      serviceDays: b.serviceDays,
      submittedAt: b.submittedAt.toISOString(),
    }));
    // awardInTx records the PICK itself without an actor; this event names who picked.
    await appendAudit(tx, { aggregateType: "request", aggregateId: requestId, fromState: "CLOSED", event: "PICK_BY_ENTERPRISE", toState: "CLOSED", actorId: user.id, payload: { bidId } });
    await awardInTx(tx, full, entries, now, { event: "PICK", from: r.status, to });
    return { status: to };
  });
}

// ───────────────────────── 2. Objections ─────────────────────────

/**
 * 异议: during publicity (before publicityEndsAt by the database clock) an
 * agency that took part in the round — its bid was ranked and lost, or was
 * invalidated — may object, with a reason. The current winner cannot object to
 * its own award, an agency that withdrew or never bid cannot object, and one
 * agency has at most one pending objection per request.
 */
export async function fileObjection(db: Db, user: SessionUser, requestId: string, reasonInput: string) {
  const reason = requireText(reasonInput);
  return db.$transaction(async (tx) => {
    const r = await lockRequest(tx, requestId);
    const agency = await agencyOfUser(tx, user);
    if (!agency) throw forbidden("award.errors.notBidder");
    const bid = await tx.bid.findUnique({ where: { requestId_agencyId: { requestId, agencyId: agency.id } }, select: { id: true, status: true } });
    if (!bid || bid.status === "WITHDRAWN" || bid.status === "SUBMITTED") throw forbidden("award.errors.notBidder");
    if (bid.status === "WON") throw forbidden("award.errors.winnerCannotObject");
    const full = await fullRequest(tx, requestId);
    const now = await dbNow(tx);
    if (r.status !== "AWARD_PUBLICITY" || !full.publicityEndsAt || now >= full.publicityEndsAt) throw conflict("award.errors.publicityOver");
    const pending = await tx.objection.count({ where: { requestId, agencyId: agency.id, status: "PENDING" } });
    if (pending > 0) throw conflict("award.errors.duplicateObjection");
    const objection = await tx.objection.create({ data: { requestId, agencyId: agency.id, reason, createdAt: now } });
    await appendAudit(tx, {
      aggregateType: "request",
      aggregateId: requestId,
      fromState: r.status,
      event: "OBJECTION_FILED",
      toState: r.status,
      actorId: user.id,
      payload: { objectionId: objection.id, agencyId: agency.id, awardedBidId: full.awardedBidId, reason },
    });
    const data = { requestId, title: full.title, code: full.code };
    await notifyRegulators(tx, "OBJECTION_FILED", data);
    await notify(tx, { orgId: full.enterpriseOrgId, kind: "OBJECTION_FILED", data });
    const winner = await winnerOf(tx, full.awardedBidId);
    if (winner) await notify(tx, { orgId: winner.agency.organizationId, kind: "OBJECTION_FILED", data });
    return objection;
  });
}

export type ObjectionDecision = "UPHOLD" | "DISMISS";

/**
 * The regulator answers one objection with a reason. DISMISS leaves the award
 * as it is. UPHOLD invalidates the winning bid and promotes the next-ranked
 * bid whose agency is still listed (a new publicity period and a new award
 * announcement), or fails the round when nobody is left.
 *
 * Two regulators deciding the same objection at once: both lock the request
 * row, then the objection row FOR UPDATE; the second sees it is no longer
 * PENDING and gets 409 — exactly one decision applies.
 */
export type ObjectionGrounds = { legalBasis: string; evidence: string };

export async function decideObjection(db: Db, user: SessionUser, objectionId: string, decision: ObjectionDecision, reasonInput: string, grounds: ObjectionGrounds) {
  if (user.role !== "REGULATOR") throw forbidden("award.errors.notRegulator");
  if (decision !== "UPHOLD" && decision !== "DISMISS") throw new DomainError("BAD_DECISION", 400, "errors.invalidChoice", "decision");
  // Principle 7: reason, legal basis and evidence, each required and published.
  const reason = requireText(reasonInput);
  const legalBasis = requireText(grounds.legalBasis, "legalBasis", MAX_LEGAL_BASIS_CHARS);
  const evidence = requireText(grounds.evidence, "evidence");
  const found = await db.objection.findUnique({ where: { id: objectionId }, select: { requestId: true } });
  if (!found) throw new DomainError("NOT_FOUND", 404, "award.errors.objectionNotFound");
  return db.$transaction(async (tx) => {
    const r = await lockRequest(tx, found.requestId);
    const rows = await tx.$queryRaw<{ id: string; status: string; agencyId: string }[]>`
      SELECT id, status::text AS status, "agencyId" FROM "Objection" WHERE id = ${objectionId} FOR UPDATE`;
    const objection = rows[0];
    if (!objection) throw new DomainError("NOT_FOUND", 404, "award.errors.objectionNotFound");
    if (objection.status !== "PENDING") throw conflict("award.errors.objectionDecided");
    if (r.status !== "AWARD_PUBLICITY") throw conflict();
    const verdict = decide(objectionMachine, objection.status, { type: decision === "UPHOLD" ? "UPHOLD" : "DISMISS", reason, isPublicity: true });
    if (!verdict.ok) throw conflict("award.errors.objectionDecided");
    const full = await fullRequest(tx, r.id);
    const now = await dbNow(tx);
    const objector = await tx.agency.findUniqueOrThrow({ where: { id: objection.agencyId }, select: { organizationId: true, organization: { select: { name: true } } } });
    const upheld = verdict.to === "UPHELD";
    await tx.objection.update({ where: { id: objectionId }, data: { status: verdict.to, decisionReason: reason, legalBasis, evidence, decidedById: user.id, decidedAt: now } });
    const data = { requestId: r.id, title: full.title, code: full.code, reason };

    // Principle 6: the regulator's answer is published.
    await tx.announcement.create({
      data: {
        kind: "OBJECTION_DECISION",
        title: `异议处理结果：${full.title}`,
        body: [`项目编号：${full.code}`, `异议人：${objector.organization.name}`, `处理结果：${upheld ? "异议成立" : "异议不成立"}`, `理由：${reason}`, `法律依据：${legalBasis}`, `证据：${evidence}`].join("\n"),
        entityType: "request",
        entityId: r.id,
        data: { requestId: r.id, objectionId, agencyId: objection.agencyId, decision: upheld ? "UPHELD" : "DISMISSED", reason, legalBasis, evidence },
      },
    });

    if (!upheld) {
      await appendAudit(tx, { aggregateType: "request", aggregateId: r.id, fromState: r.status, event: "OBJECTION_DISMISSED", toState: r.status, actorId: user.id, payload: { objectionId, reason, legalBasis, evidence } });
      await notify(tx, { orgId: objector.organizationId, kind: "OBJECTION_DISMISSED", data });
      await notify(tx, { orgId: full.enterpriseOrgId, kind: "OBJECTION_DISMISSED", data });
      return { decision: verdict.to, status: r.status };
    }

    // UPHELD: the winner loses the award…
    const old = await winnerOf(tx, full.awardedBidId);
    if (old) {
      await tx.bid.update({ where: { id: old.id }, data: { status: bidTo(old.status, { type: "INVALIDATE", reason }), invalidReason: "OBJECTION_UPHELD" } });
      await tx.agency.update({ where: { id: old.agencyId }, data: { awardsCount: { decrement: 1 } } });
      await recomputeCreditScore(tx, old.agencyId, now); // an upheld objection is a credit input
    }
    // …and the award moves down the ranking, skipping agencies no longer listed.
    const ranked = await tx.bid.findMany({
      where: { requestId: r.id, status: "LOST", rank: { not: null } },
      orderBy: { rank: "asc" },
      select: { id: true, status: true, agencyId: true, rank: true, amountFen: true, serviceDays: true, submittedAt: true, score: true, agency: { select: { status: true, organizationId: true, organization: { select: { name: true } } } } },
    });
    const next = ranked.find((b) => b.agency.status === "LISTED") ?? null;
    const to = requestTo(r.status, { type: "UPHOLD_OBJECTION", hasNextBid: next !== null });
    if (!to) throw conflict();

    // Other pending objections concerned the award just revoked: the platform closes them.
    const moot = await tx.objection.findMany({ where: { requestId: r.id, status: "PENDING", id: { not: objectionId } }, select: { id: true, status: true, agencyId: true } });
    for (const m of moot) {
      const closed = decide(objectionMachine, m.status, { type: "DISMISS", reason: SUPERSEDED_REASON, isPublicity: true });
      if (!closed.ok) throw conflict();
      await tx.objection.update({ where: { id: m.id }, data: { status: closed.to, decisionReason: SUPERSEDED_REASON, decidedAt: now } });
      const org = await tx.agency.findUniqueOrThrow({ where: { id: m.agencyId }, select: { organizationId: true } });
      await notify(tx, { orgId: org.organizationId, kind: "OBJECTION_SUPERSEDED", data: { requestId: r.id, title: full.title, code: full.code } });
    }

    await notify(tx, { orgId: objector.organizationId, kind: "OBJECTION_UPHELD", data });
    if (old) await notify(tx, { orgId: old.agency.organizationId, kind: "AWARD_REVOKED", data });

    if (!next) {
      await tx.serviceRequest.update({
        where: { id: r.id },
        data: { status: to, awardedBidId: null, enterpriseConfirmedAt: null, agencyConfirmedAt: null, statusReason: `objection upheld; no ranked bid left`, version: { increment: 1 } },
      });
      await appendAudit(tx, {
        aggregateType: "request",
        aggregateId: r.id,
        fromState: r.status,
        event: "UPHOLD_OBJECTION",
        toState: to,
        actorId: user.id,
        payload: { objectionId, reason, legalBasis, evidence, revokedBidId: old?.id ?? null, nextBidId: null, closedObjections: moot.map((m) => m.id) },
      });
      await tx.announcement.create({
        data: {
          kind: "FAILED",
          title: `流标公告：${full.title}`,
          body: `项目编号：${full.code}\n异议成立，原中选结果撤销，且无其他排名在后的有效报价，本轮流标。`,
          entityType: "request",
          entityId: r.id,
          data: { requestId: r.id, reason: "OBJECTION_UPHELD", objectionId },
        },
      });
      await notify(tx, { orgId: full.enterpriseOrgId, kind: "REQUEST_FAILED_OBJECTION", data: { requestId: r.id, title: full.title } });
      return { decision: verdict.to, status: to };
    }

    await tx.bid.update({ where: { id: next.id }, data: { status: bidTo(next.status, { type: "WIN" }) } });
    await tx.agency.update({ where: { id: next.agencyId }, data: { awardsCount: { increment: 1 } } });
    const publicityEndsAt = new Date(now.getTime() + full.publicityDays * DAY);
    // A new award: a new publicity period, and no contract confirmations yet.
    await tx.serviceRequest.update({
      where: { id: r.id },
      data: { status: to, awardedBidId: next.id, publicityEndsAt, enterpriseConfirmedAt: null, agencyConfirmedAt: null, version: { increment: 1 } },
    });
    const remaining = ranked.map<RankingEntry>((b) => ({
      rank: b.rank!,
      bidId: b.id,
      agencyId: b.agencyId,
      agencyName: b.agency.organization.name,
      amountFen: b.amountFen.toString(),
      serviceDays: b.serviceDays,
      submittedAt: b.submittedAt.toISOString(),
      ...(b.score !== null ? { score: b.score } : {}),
    }));
    await appendAudit(tx, {
      aggregateType: "request",
      aggregateId: r.id,
      fromState: r.status,
      event: "UPHOLD_OBJECTION",
      toState: to,
      actorId: user.id,
      payload: { objectionId, reason, legalBasis, evidence, revokedBidId: old?.id ?? null, nextBidId: next.id, publicityEndsAt: publicityEndsAt.toISOString(), closedObjections: moot.map((m) => m.id) },
    });
    await tx.announcement.create({
      data: {
        kind: "AWARD",
        title: `中选公示（重新确定）：${full.title}`,
        body: [
          `项目编号：${full.code}`,
          `服务事项：${full.item.name}`,
          old ? `原中选机构 ${old.agency.organization.name} 的中选结果因异议成立被撤销。` : "原中选结果因异议成立被撤销。",
          `中选机构：${next.agency.organization.name}，中选价 ${formatYuan(next.amountFen)}（最高限价 ${formatYuan(full.priceCapFen)}）`,
          `公示期至：${publicityEndsAt.toISOString()}，期间参与竞价的机构可提出异议。`,
        ].join("\n"),
        entityType: "request",
        entityId: r.id,
        data: { requestId: r.id, code: full.code, method: full.selectionMethod, priceCapFen: full.priceCapFen.toString(), publicityEndsAt: publicityEndsAt.toISOString(), ranking: remaining, revokedBidId: old?.id ?? null, objectionId },
      },
    });
    await notify(tx, { orgId: next.agency.organizationId, kind: "BID_WON", data: { requestId: r.id, title: full.title } });
    await notify(tx, { orgId: full.enterpriseOrgId, kind: "REQUEST_REAWARDED", data: { requestId: r.id, title: full.title, agency: next.agency.organization.name } });
    return { decision: verdict.to, status: to, awardedBidId: next.id };
  });
}

// ───────────────────────── 3. Contract ─────────────────────────

export type ContractSide = "ENTERPRISE" | "AGENCY";

/**
 * The confirmations recorded for the current award: the request's
 * enterpriseConfirmedAt / agencyConfirmedAt columns, which every new award
 * clears. Each confirmation is also an audit event CONFIRM_CONTRACT
 * { side, awardedBidId } on the request chain (tamper-evident and public).
 */
export async function contractConfirmations(client: Tx | Db, requestId: string, awardedBidId: string | null): Promise<Set<ContractSide>> {
  const r = await client.serviceRequest.findUnique({ where: { id: requestId }, select: { awardedBidId: true, enterpriseConfirmedAt: true, agencyConfirmedAt: true } });
  return confirmedSides(r && r.awardedBidId === awardedBidId ? r : null);
}

function confirmedSides(r: { enterpriseConfirmedAt: Date | null; agencyConfirmedAt: Date | null } | null): Set<ContractSide> {
  const sides = new Set<ContractSide>();
  if (r?.enterpriseConfirmedAt) sides.add("ENTERPRISE");
  if (r?.agencyConfirmedAt) sides.add("AGENCY");
  return sides;
}

/** Service time: the agency's offered days, never longer than the request's own time limit. */
function serviceDaysOf(requestDays: number, bidDays: number | undefined): number {
  return Math.max(1, Math.min(requestDays, bidDays ?? requestDays));
}

/**
 * The owning enterprise and the winning agency each confirm the contract once
 * publicity is over (database clock) and no objection is pending. With both
 * confirmations the request becomes CONTRACTED and, in the same transaction,
 * IN_SERVICE: the platform records the signed contract, and the service time
 * (dueAt) runs from signing — an agency cannot hold the clock by not
 * "starting" — so START_SERVICE follows CONFIRM_CONTRACT at once.
 * A side confirming twice is a no-op.
 */
export async function confirmContract(db: Db, user: SessionUser, requestId: string) {
  return db.$transaction(async (tx) => {
    const r = await lockRequest(tx, requestId);
    const full = await fullRequest(tx, requestId);
    const winner = await winnerOf(tx, full.awardedBidId);
    const side: ContractSide | null =
      user.role === "ENTERPRISE" && user.organizationId === r.enterpriseOrgId
        ? "ENTERPRISE"
        : user.role === "AGENCY" && winner && user.organizationId === winner.agency.organizationId
          ? "AGENCY"
          : null;
    if (!side) throw forbidden("award.errors.notParty");
    const now = await dbNow(tx);
    const pending = await tx.objection.count({ where: { requestId, status: "PENDING" } });
    const isPublicityOver = !!full.publicityEndsAt && now >= full.publicityEndsAt;
    const confirmed = confirmedSides(full);
    // The machine hears both sides' confirmations, this one included: one side keeps the award waiting, both sign it.
    const to = requestTo(r.status, {
      type: "CONFIRM_CONTRACT",
      isPublicityOver,
      hasPendingObjections: pending > 0,
      enterpriseConfirmed: confirmed.has("ENTERPRISE") || side === "ENTERPRISE",
      agencyConfirmed: confirmed.has("AGENCY") || side === "AGENCY",
    });
    if (!to || !winner) {
      if (r.status !== "AWARD_PUBLICITY") throw conflict("award.errors.notContractable");
      if (!isPublicityOver) throw conflict("award.errors.publicityNotOver");
      throw conflict("award.errors.pendingObjections");
    }
    // A side confirming twice is a no-op.
    if (confirmed.has(side)) return { status: r.status, confirmed: [...confirmed] };
    const stamp = side === "ENTERPRISE" ? { enterpriseConfirmedAt: now } : { agencyConfirmedAt: now };
    const data = { requestId, title: full.title };
    if (to === r.status) {
      await tx.serviceRequest.update({ where: { id: requestId }, data: { ...stamp, version: { increment: 1 } } });
      await appendAudit(tx, { aggregateType: "request", aggregateId: requestId, fromState: r.status, event: "CONFIRM_CONTRACT", toState: to, actorId: user.id, payload: { side, awardedBidId: full.awardedBidId } });
      await notify(tx, { orgId: side === "ENTERPRISE" ? winner.agency.organizationId : r.enterpriseOrgId, kind: "CONTRACT_CONFIRMED", data });
      return { status: to, confirmed: [...confirmed, side] };
    }
    // Both sides: CONTRACTED, then START_SERVICE.
    const started = requestTo(to, { type: "START_SERVICE" });
    if (!started) throw conflict();
    const days = serviceDaysOf(full.serviceDays, winner.serviceDays);
    const dueAt = new Date(now.getTime() + days * DAY);
    await tx.serviceRequest.update({ where: { id: requestId }, data: { ...stamp, status: started, contractedAt: now, serviceStartedAt: now, dueAt, version: { increment: 1 } } });
    await appendAudit(tx, { aggregateType: "request", aggregateId: requestId, fromState: r.status, event: "CONFIRM_CONTRACT", toState: to, actorId: user.id, payload: { side, awardedBidId: full.awardedBidId } });
    await appendAudit(tx, { aggregateType: "request", aggregateId: requestId, fromState: to, event: "START_SERVICE", toState: started, actorId: user.id, payload: { serviceDays: days, dueAt: dueAt.toISOString() } });
    await tx.announcement.create({
      data: {
        kind: "CONTRACT",
        title: `合同签订公告：${full.title}`,
        body: [
          `项目编号：${full.code}`,
          `服务事项：${full.item.name}`,
          `服务机构：${winner.agency.organization.name}`,
          `合同金额：${formatYuan(winner.amountFen)}`,
          `签订时间：${now.toISOString()}`,
          `服务期限：${days} 日，至 ${dueAt.toISOString()}`,
        ].join("\n"),
        entityType: "request",
        entityId: requestId,
        data: { requestId, code: full.code, agencyId: winner.agencyId, bidId: winner.id, amountFen: winner.amountFen.toString(), contractedAt: now.toISOString(), serviceDays: days, dueAt: dueAt.toISOString() },
      },
    });
    const notice = { ...data, dueAt: dueAt.toISOString(), due: formatDate(dueAt) };
    await notify(tx, { orgId: r.enterpriseOrgId, kind: "SERVICE_STARTED", data: notice });
    await notify(tx, { orgId: winner.agency.organizationId, kind: "SERVICE_STARTED", data: notice });
    return { status: started, confirmed: ["ENTERPRISE", "AGENCY"] as ContractSide[], dueAt };
  });
}

// ───────────────────────── 4. Delivery ─────────────────────────

/**
 * The winning agency delivers its result report (PDF / JPEG / PNG, checked by
 * content) with a note: a Delivery row, the document owned by the agency, the
 * request DELIVERED. A late delivery is accepted and recorded as late.
 */
export async function deliverResult(db: Db, user: SessionUser, requestId: string, input: { file: File | null; note: string }) {
  const note = (input.note ?? "").trim();
  if (Array.from(note).length > MAX_NOTE_CHARS) throw new DomainError("TOO_LONG", 400, "errors.tooLong", "note");
  if (!input.file) throw new DomainError("FILE_REQUIRED", 400, "award.errors.fileRequired", "document");
  const file = input.file;
  // The file is written before the transaction commits; a failed transaction removes it again.
  const stored: { key?: string } = {};
  try {
    return await db.$transaction(
      async (tx) => {
        const r = await lockRequest(tx, requestId);
        const full = await fullRequest(tx, requestId);
        const winner = await winnerOf(tx, full.awardedBidId);
        if (user.role !== "AGENCY" || !winner || user.organizationId !== winner.agency.organizationId) throw forbidden("award.errors.notWinner");
        const to = requestTo(r.status, { type: "DELIVER" });
        if (!to) throw conflict("award.errors.notInService");
        const now = await dbNow(tx);
        const doc = await storeUpload(tx, { file, ownerOrgId: winner.agency.organizationId, kind: "DELIVERY", uploadedById: user.id });
        stored.key = doc.storageKey;
        const delivery = await tx.delivery.create({ data: { requestId, documentId: doc.id, note, createdAt: now } });
        await tx.serviceRequest.update({ where: { id: requestId }, data: { status: to, deliveredAt: now, version: { increment: 1 } } });
        const late = !!full.dueAt && now > full.dueAt;
        await appendAudit(tx, {
          aggregateType: "request",
          aggregateId: requestId,
          fromState: r.status,
          event: "DELIVER",
          toState: to,
          actorId: user.id,
          payload: { deliveryId: delivery.id, documentId: doc.id, sha256: doc.sha256, size: doc.size, late, dueAt: full.dueAt?.toISOString() ?? null },
        });
        await notify(tx, { orgId: r.enterpriseOrgId, kind: "DELIVERY_SUBMITTED", data: { requestId, title: full.title } });
        return { delivery, late };
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    if (stored.key) await removeStoredFile(stored.key);
    throw error;
  }
}

async function latestOpenDelivery(tx: Tx, requestId: string) {
  return tx.delivery.findFirst({ where: { requestId, accepted: null }, orderBy: { createdAt: "desc" }, select: { id: true } });
}

/** The owning enterprise accepts the delivered result: COMPLETED (rating opens). */
export async function acceptDelivery(db: Db, user: SessionUser, requestId: string) {
  return db.$transaction(async (tx) => {
    const r = await lockRequest(tx, requestId);
    if (user.role !== "ENTERPRISE" || r.enterpriseOrgId !== user.organizationId) throw forbidden();
    const to = requestTo(r.status, { type: "ACCEPT" });
    const delivery = await latestOpenDelivery(tx, requestId);
    if (!to || !delivery) throw conflict("award.errors.notDelivered");
    const full = await fullRequest(tx, requestId);
    const winner = await winnerOf(tx, full.awardedBidId);
    const now = await dbNow(tx);
    await tx.delivery.update({ where: { id: delivery.id }, data: { accepted: true, decidedAt: now } });
    await tx.serviceRequest.update({ where: { id: requestId }, data: { status: to, completedAt: now, version: { increment: 1 } } });
    const onTime = !full.dueAt || !full.deliveredAt || full.deliveredAt <= full.dueAt;
    if (winner) await recomputeCreditScore(tx, winner.agencyId, now); // on-time delivery is a credit input
    await appendAudit(tx, { aggregateType: "request", aggregateId: requestId, fromState: r.status, event: "ACCEPT", toState: to, actorId: user.id, payload: { deliveryId: delivery.id, onTime } });
    if (winner) await notify(tx, { orgId: winner.agency.organizationId, kind: "DELIVERY_ACCEPTED", data: { requestId, title: full.title } });
    return { status: to };
  });
}

/**
 * The owning enterprise returns the delivery with a reason: back to
 * IN_SERVICE. The due date does not move (rework happens within the agreed
 * time); deliveredAt is cleared because nothing accepted-able is delivered.
 */
export async function returnDelivery(db: Db, user: SessionUser, requestId: string, reasonInput: string) {
  return db.$transaction(async (tx) => {
    const r = await lockRequest(tx, requestId);
    if (user.role !== "ENTERPRISE" || r.enterpriseOrgId !== user.organizationId) throw forbidden();
    const reason = requireText(reasonInput);
    const to = requestTo(r.status, { type: "RETURN", reason });
    const delivery = await latestOpenDelivery(tx, requestId);
    if (!to || !delivery) throw conflict("award.errors.notDelivered");
    const full = await fullRequest(tx, requestId);
    const winner = await winnerOf(tx, full.awardedBidId);
    const now = await dbNow(tx);
    await tx.delivery.update({ where: { id: delivery.id }, data: { accepted: false, decisionReason: reason, decidedAt: now } });
    await tx.serviceRequest.update({ where: { id: requestId }, data: { status: to, deliveredAt: null, version: { increment: 1 } } });
    await appendAudit(tx, { aggregateType: "request", aggregateId: requestId, fromState: r.status, event: "RETURN", toState: to, actorId: user.id, payload: { deliveryId: delivery.id, reason } });
    if (winner) await notify(tx, { orgId: winner.agency.organizationId, kind: "DELIVERY_RETURNED", data: { requestId, title: full.title, reason } });
    return { status: to };
  });
}

// ───────────────────────── Scheduler steps ─────────────────────────

/**
 * One claim-and-handle loop for due work: each step claims one request with
 * FOR UPDATE SKIP LOCKED (another instance skips it), re-checks inside the
 * lock with a fresh statement (a claim query whose snapshot predates another
 * instance's commit could otherwise pick the same row again), and records its
 * own audit event, which is what makes the step idempotent.
 */
async function claimLoop(db: Db, limit: number, step: (tx: Tx, now: Date) => Promise<"none" | "skip" | "done">): Promise<number> {
  let done = 0;
  for (let i = 0; i < limit * 2 && done < limit; i++) {
    const result = await db.$transaction(async (tx) => step(tx, await dbNow(tx)), { timeout: 30_000 });
    if (result === "none") break;
    if (result === "done") done++;
  }
  return done;
}

/**
 * Overdue (逾期): a request IN_SERVICE past its dueAt. Both parties are told
 * once per request (an OVERDUE audit event marks it), however many instances
 * run the scheduler.
 */
export async function notifyOverdueRequests(db: Db, limit = 100): Promise<number> {
  return claimLoop(db, limit, async (tx, now) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT r.id FROM "ServiceRequest" r
      WHERE r.status = 'IN_SERVICE' AND r."dueAt" < ${now}
        AND NOT EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a."aggregateType" = 'request' AND a."aggregateId" = r.id AND a.event = 'OVERDUE')
      ORDER BY r."dueAt" LIMIT 1 FOR UPDATE OF r SKIP LOCKED`;
    const id = rows[0]?.id;
    if (!id) return "none";
    if ((await tx.auditEvent.count({ where: { aggregateType: "request", aggregateId: id, event: "OVERDUE" } })) > 0) return "skip";
    const full = await fullRequest(tx, id);
    if (!isOverdue(full, now)) return "skip";
    const winner = await winnerOf(tx, full.awardedBidId);
    await appendAudit(tx, { aggregateType: "request", aggregateId: id, fromState: full.status, event: "OVERDUE", toState: full.status, actorId: null, payload: { dueAt: full.dueAt!.toISOString() } });
    const data = { requestId: id, title: full.title, dueAt: full.dueAt!.toISOString(), due: formatDate(full.dueAt!) };
    await notify(tx, { orgId: full.enterpriseOrgId, kind: "SERVICE_OVERDUE", data });
    if (winner) await notify(tx, { orgId: winner.agency.organizationId, kind: "SERVICE_OVERDUE", data });
    return "done";
  });
}

/**
 * Publicity over without pending objections: both parties are told they may
 * confirm the contract — once per publicity period (a PUBLICITY_ENDED audit
 * event after the award event that opened the period).
 */
export async function notifyPublicityEnded(db: Db, limit = 100): Promise<number> {
  return claimLoop(db, limit, async (tx, now) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT r.id FROM "ServiceRequest" r
      WHERE r.status = 'AWARD_PUBLICITY' AND r."publicityEndsAt" <= ${now}
        AND NOT EXISTS (SELECT 1 FROM "Objection" o WHERE o."requestId" = r.id AND o.status = 'PENDING')
        AND NOT EXISTS (
          SELECT 1 FROM "AuditEvent" a
          WHERE a."aggregateType" = 'request' AND a."aggregateId" = r.id AND a.event = 'PUBLICITY_ENDED'
            AND a.seq > (SELECT COALESCE(MAX(b.seq), 0) FROM "AuditEvent" b
                         WHERE b."aggregateType" = 'request' AND b."aggregateId" = r.id AND b.event IN ('SELECT', 'PICK', 'UPHOLD_OBJECTION')))
      ORDER BY r."publicityEndsAt" LIMIT 1 FOR UPDATE OF r SKIP LOCKED`;
    const id = rows[0]?.id;
    if (!id) return "none";
    const lastAward = await tx.auditEvent.findFirst({ where: { aggregateType: "request", aggregateId: id, event: { in: AWARD_EVENTS } }, orderBy: { seq: "desc" }, select: { seq: true } });
    const seen = await tx.auditEvent.count({ where: { aggregateType: "request", aggregateId: id, event: "PUBLICITY_ENDED", seq: { gt: lastAward?.seq ?? 0 } } });
    if (seen > 0) return "skip";
    const full = await fullRequest(tx, id);
    if (full.status !== "AWARD_PUBLICITY" || !full.publicityEndsAt || full.publicityEndsAt > now) return "skip";
    if ((await tx.objection.count({ where: { requestId: id, status: "PENDING" } })) > 0) return "skip";
    const winner = await winnerOf(tx, full.awardedBidId);
    await appendAudit(tx, { aggregateType: "request", aggregateId: id, fromState: full.status, event: "PUBLICITY_ENDED", toState: full.status, actorId: null, payload: { publicityEndsAt: full.publicityEndsAt.toISOString(), awardedBidId: full.awardedBidId } });
    const data = { requestId: id, title: full.title };
    await notify(tx, { orgId: full.enterpriseOrgId, kind: "PUBLICITY_ENDED", data });
    if (winner) await notify(tx, { orgId: winner.agency.organizationId, kind: "PUBLICITY_ENDED", data });
    return "done";
  });
}

// ───────────────────────── 5. Re-publish a failed round ─────────────────────────

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
    if (closesAt.getTime() < now.getTime() + MIN_BIDDING_SECONDS * 1000) throw new DomainError("CLOSES_TOO_SOON", 422, "requests.errors.closesTooSoon", "closesAt");
    const old = await tx.serviceRequest.findUniqueOrThrow({ where: { id }, include: { avoidances: true } });
    await assertItemInForce(tx, old.itemId, { field: "closesAt" });
    if (fairCompetitionIssues(`${old.title}\n${old.description}`).length) throw new DomainError("UNFAIR", 422, "award.errors.republishUnfair", "closesAt");
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
      payload: { code: copy.code, title: copy.title, method: copy.selectionMethod, priceCapFen: copy.priceCapFen.toString(), round: copy.round, previousRoundId: old.id },
    });
    await appendAudit(tx, { aggregateType: "request", aggregateId: old.id, fromState: "FAILED", event: "REPUBLISHED", toState: "FAILED", actorId: user.id, payload: { nextRoundId: copy.id, nextRoundCode: copy.code } });
    return copy;
  });
  await publishRequest(db, user, created.id);
  return db.serviceRequest.findUniqueOrThrow({ where: { id: created.id }, select: { id: true, code: true, status: true, round: true, previousRoundId: true } });
}
