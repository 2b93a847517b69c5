import type { Db, Tx } from "~/db/client.server";
import { factsData } from "~/lib/announcement-facts";
import { formatBeijingMinute, formatDate } from "~/lib/format";
import { formatYuan } from "~/lib/money";
import type { SessionUser } from "~/lib/session.server";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { notify } from "~/services/notifications/notify.server";
import { lockRequest } from "~/services/requests/data.server";
import { conflict, DAY, forbidden, fullRequest, requestTo, winnerOf } from "./common.server";

export type ContractSide = "ENTERPRISE" | "AGENCY";

/**
 * The confirmations recorded for the current award: the request's
 * enterpriseConfirmedAt / agencyConfirmedAt columns, which every new award
 * clears. Each confirmation is also an audit event CONFIRM_CONTRACT
 * { side, awardedBidId } on the request chain (tamper-evident and public).
 */
export async function contractConfirmations(client: Tx | Db, requestId: string, awardedBidId: string | null): Promise<Set<ContractSide>> {
  const r = await client.serviceRequest.findUnique({
    where: { id: requestId },
    select: { awardedBidId: true, enterpriseConfirmedAt: true, agencyConfirmedAt: true },
  });
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
      await appendAudit(tx, {
        aggregateType: "request",
        aggregateId: requestId,
        fromState: r.status,
        event: "CONFIRM_CONTRACT",
        toState: to,
        actorId: user.id,
        payload: { side, awardedBidId: full.awardedBidId },
      });
      await notify(tx, {
        orgId: side === "ENTERPRISE" ? winner.agency.organizationId : r.enterpriseOrgId,
        kind: "CONTRACT_CONFIRMED",
        data,
      });
      return { status: to, confirmed: [...confirmed, side] };
    }
    // Both sides: CONTRACTED, then START_SERVICE.
    const started = requestTo(to, { type: "START_SERVICE" });
    if (!started) throw conflict();
    const days = serviceDaysOf(full.serviceDays, winner.serviceDays);
    const dueAt = new Date(now.getTime() + days * DAY);
    await tx.serviceRequest.update({
      where: { id: requestId },
      data: { ...stamp, status: started, contractedAt: now, serviceStartedAt: now, dueAt, version: { increment: 1 } },
    });
    await appendAudit(tx, {
      aggregateType: "request",
      aggregateId: requestId,
      fromState: r.status,
      event: "CONFIRM_CONTRACT",
      toState: to,
      actorId: user.id,
      payload: { side, awardedBidId: full.awardedBidId },
    });
    await appendAudit(tx, {
      aggregateType: "request",
      aggregateId: requestId,
      fromState: to,
      event: "START_SERVICE",
      toState: started,
      actorId: user.id,
      payload: { serviceDays: days, dueAt: dueAt.toISOString() },
    });
    await tx.announcement.create({
      data: {
        kind: "CONTRACT",
        title: `合同签订公告：${full.title}`,
        body: [
          `项目编号：${full.code}`,
          `服务事项：${full.item.name}`,
          `服务机构：${winner.agency.organization.name}`,
          `合同金额：${formatYuan(winner.amountFen)}`,
          `签订时间：${formatBeijingMinute(now)}（北京时间）`,
          `服务期限：${days} 日，至 ${formatBeijingMinute(dueAt)}（北京时间）`,
        ].join("\n"),
        entityType: "request",
        entityId: requestId,
        data: factsData(
          "CONTRACT",
          {
            title: full.title,
            code: full.code,
            itemName: full.item.name,
            itemNameEn: full.item.nameEn,
            agencyName: winner.agency.organization.name,
            amountFen: winner.amountFen.toString(),
            contractedAt: now.toISOString(),
            serviceDays: days,
            dueAt: dueAt.toISOString(),
          },
          { requestId, agencyId: winner.agencyId, bidId: winner.id },
        ),
      },
    });
    const notice = { ...data, dueAt: dueAt.toISOString(), due: formatDate(dueAt) };
    await notify(tx, { orgId: r.enterpriseOrgId, kind: "SERVICE_STARTED", data: notice });
    await notify(tx, { orgId: winner.agency.organizationId, kind: "SERVICE_STARTED", data: notice });
    return { status: started, confirmed: ["ENTERPRISE", "AGENCY"] as ContractSide[], dueAt };
  });
}
