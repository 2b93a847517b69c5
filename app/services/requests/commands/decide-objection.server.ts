import { decide } from "~/machines/apply";
import { objectionMachine } from "~/machines/objection.machine";
import type { Db } from "~/db/client.server";
import { DomainError } from "~/lib/errors";
import { formatYuan } from "~/lib/money";
import type { SessionUser } from "~/lib/session.server";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { recomputeCreditScore } from "~/services/credit/recompute.server";
import { notify } from "~/services/notifications/notify.server";
import { lockRequest } from "~/services/requests/data.server";
import type { RankingEntry } from "../close.server";
import { MAX_LEGAL_BASIS_CHARS, requireText } from "../validation";
import { bidTo, conflict, DAY, forbidden, fullRequest, requestTo, winnerOf } from "./common.server";
import { formatBeijingMinute } from "~/lib/format";
import { factsData } from "~/lib/announcement-facts";

/** decisionReason stored on objections that an upheld sibling made moot (decidedById stays null: the platform closed them). */
export const SUPERSEDED_REASON = "所涉中选结果已因另一异议成立而撤销，本异议终结；如对新的中选结果有异议，可在新的公示期内重新提出。";

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

export async function decideObjection(
  db: Db,
  user: SessionUser,
  objectionId: string,
  decision: ObjectionDecision,
  reasonInput: string,
  grounds: ObjectionGrounds,
) {
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
    const verdict = decide(objectionMachine, objection.status, {
      type: decision === "UPHOLD" ? "UPHOLD" : "DISMISS",
      reason,
      isPublicity: true,
    });
    if (!verdict.ok) throw conflict("award.errors.objectionDecided");
    const full = await fullRequest(tx, r.id);
    const now = await dbNow(tx);
    const objector = await tx.agency.findUniqueOrThrow({
      where: { id: objection.agencyId },
      select: { organizationId: true, organization: { select: { name: true } } },
    });
    const upheld = verdict.to === "UPHELD";
    await tx.objection.update({
      where: { id: objectionId },
      data: { status: verdict.to, decisionReason: reason, legalBasis, evidence, decidedById: user.id, decidedAt: now },
    });
    const data = { requestId: r.id, title: full.title, code: full.code, reason };

    // Principle 6: the regulator's answer is published.
    await tx.announcement.create({
      data: {
        kind: "OBJECTION_DECISION",
        title: `异议处理结果：${full.title}`,
        body: [
          `项目编号：${full.code}`,
          `异议人：${objector.organization.name}`,
          `处理结果：${upheld ? "异议成立" : "异议不成立"}`,
          `理由：${reason}`,
          `法律依据：${legalBasis}`,
          `证据：${evidence}`,
        ].join("\n"),
        entityType: "request",
        entityId: r.id,
        data: factsData(
          "OBJECTION_DECISION",
          {
            title: full.title,
            code: full.code,
            objectorName: objector.organization.name,
            decision: upheld ? "UPHELD" : "DISMISSED",
            reason,
            legalBasis,
            evidence,
          },
          { requestId: r.id, objectionId, agencyId: objection.agencyId },
        ),
      },
    });

    if (!upheld) {
      await appendAudit(tx, {
        aggregateType: "request",
        aggregateId: r.id,
        fromState: r.status,
        event: "OBJECTION_DISMISSED",
        toState: r.status,
        actorId: user.id,
        payload: { objectionId, reason, legalBasis, evidence },
      });
      await notify(tx, { orgId: objector.organizationId, kind: "OBJECTION_DISMISSED", data });
      await notify(tx, { orgId: full.enterpriseOrgId, kind: "OBJECTION_DISMISSED", data });
      return { decision: verdict.to, status: r.status };
    }

    // UPHELD: the winner loses the award…
    const old = await winnerOf(tx, full.awardedBidId);
    if (old) {
      await tx.bid.update({
        where: { id: old.id },
        data: { status: bidTo(old.status, { type: "INVALIDATE", reason }), invalidReason: "OBJECTION_UPHELD" },
      });
      await tx.agency.update({ where: { id: old.agencyId }, data: { awardsCount: { decrement: 1 } } });
      await recomputeCreditScore(tx, old.agencyId, now); // an upheld objection is a credit input
    }
    // …and the award moves down the ranking, skipping agencies no longer listed.
    const ranked = await tx.bid.findMany({
      where: { requestId: r.id, status: "LOST", rank: { not: null } },
      orderBy: { rank: "asc" },
      select: {
        id: true,
        status: true,
        agencyId: true,
        rank: true,
        amountFen: true,
        serviceDays: true,
        submittedAt: true,
        score: true,
        agency: { select: { status: true, organizationId: true, organization: { select: { name: true } } } },
      },
    });
    const next = ranked.find((b) => b.agency.status === "LISTED") ?? null;
    const to = requestTo(r.status, { type: "UPHOLD_OBJECTION", hasNextBid: next !== null });
    if (!to) throw conflict();

    // Other pending objections concerned the award just revoked: the platform closes them.
    const moot = await tx.objection.findMany({
      where: { requestId: r.id, status: "PENDING", id: { not: objectionId } },
      select: { id: true, status: true, agencyId: true },
    });
    for (const m of moot) {
      const closed = decide(objectionMachine, m.status, { type: "DISMISS", reason: SUPERSEDED_REASON, isPublicity: true });
      if (!closed.ok) throw conflict();
      await tx.objection.update({ where: { id: m.id }, data: { status: closed.to, decisionReason: SUPERSEDED_REASON, decidedAt: now } });
      const org = await tx.agency.findUniqueOrThrow({ where: { id: m.agencyId }, select: { organizationId: true } });
      await notify(tx, {
        orgId: org.organizationId,
        kind: "OBJECTION_SUPERSEDED",
        data: { requestId: r.id, title: full.title, code: full.code },
      });
    }

    await notify(tx, { orgId: objector.organizationId, kind: "OBJECTION_UPHELD", data });
    if (old) await notify(tx, { orgId: old.agency.organizationId, kind: "AWARD_REVOKED", data });

    if (!next) {
      await tx.serviceRequest.update({
        where: { id: r.id },
        data: {
          status: to,
          awardedBidId: null,
          enterpriseConfirmedAt: null,
          agencyConfirmedAt: null,
          statusReason: `objection upheld; no ranked bid left`,
          version: { increment: 1 },
        },
      });
      await appendAudit(tx, {
        aggregateType: "request",
        aggregateId: r.id,
        fromState: r.status,
        event: "UPHOLD_OBJECTION",
        toState: to,
        actorId: user.id,
        payload: {
          objectionId,
          reason,
          legalBasis,
          evidence,
          revokedBidId: old?.id ?? null,
          nextBidId: null,
          closedObjections: moot.map((m) => m.id),
        },
      });
      await tx.announcement.create({
        data: {
          kind: "FAILED",
          title: `流标公告：${full.title}`,
          body: `项目编号：${full.code}\n异议成立，原中选结果撤销，且无其他排名在后的有效报价，本轮流标。`,
          entityType: "request",
          entityId: r.id,
          data: factsData("FAILED", { title: full.title, code: full.code, reason: "OBJECTION_UPHELD" }, { requestId: r.id, objectionId }),
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
      data: {
        status: to,
        awardedBidId: next.id,
        publicityEndsAt,
        enterpriseConfirmedAt: null,
        agencyConfirmedAt: null,
        version: { increment: 1 },
      },
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
      payload: {
        objectionId,
        reason,
        legalBasis,
        evidence,
        revokedBidId: old?.id ?? null,
        nextBidId: next.id,
        publicityEndsAt: publicityEndsAt.toISOString(),
        closedObjections: moot.map((m) => m.id),
      },
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
          `公示期至：${formatBeijingMinute(publicityEndsAt)}（北京时间），期间参与竞价的机构可提出异议。`,
        ].join("\n"),
        entityType: "request",
        entityId: r.id,
        data: factsData(
          "AWARD",
          {
            title: full.title,
            code: full.code,
            itemName: full.item.name,
            itemNameEn: full.item.nameEn,
            method: full.selectionMethod,
            priceCapFen: full.priceCapFen.toString(),
            winnerName: next.agency.organization.name,
            amountFen: next.amountFen.toString(),
            publicityEndsAt: publicityEndsAt.toISOString(),
            reawarded: true,
            revokedAgencyName: old?.agency.organization.name ?? null,
          },
          { requestId: r.id, ranking: remaining, revokedBidId: old?.id ?? null, objectionId },
        ),
      },
    });
    await notify(tx, { orgId: next.agency.organizationId, kind: "BID_WON", data: { requestId: r.id, title: full.title } });
    await notify(tx, {
      orgId: full.enterpriseOrgId,
      kind: "REQUEST_REAWARDED",
      data: { requestId: r.id, title: full.title, agency: next.agency.organization.name },
    });
    return { decision: verdict.to, status: to, awardedBidId: next.id };
  });
}
