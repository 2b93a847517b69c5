import { isRunningState } from "~/machines/request.machine";
import { decide } from "~/machines/apply";
import { requestMachine } from "~/machines/request.machine";
import type { Db, Tx } from "~/db/client.server";
import { factsData } from "~/lib/announcement-facts";
import { DomainError } from "~/lib/errors";
import type { SessionUser } from "~/lib/session.server";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { notify } from "~/services/notifications/notify.server";
import { requireText } from "./validation";
import { lockRequest } from "~/services/requests/data.server";

const SANCTIONS_ALLOWING_TERMINATION = ["SUSPENSION", "REMOVAL", "BLACKLIST"] as const;

/**
 * The sanction that lets the enterprise end a running engagement: a
 * suspension, removal or blacklist of the awarded agency decided after
 * bidding closed and not revoked on appeal. A sanction that predates the
 * award cannot be the reason (the agency could not have won while under it).
 */
export async function terminationGround(client: Tx | Db, agencyId: string, since: Date) {
  return client.sanction.findFirst({
    where: { agencyId, kind: { in: [...SANCTIONS_ALLOWING_TERMINATION] }, revokedAt: null, startsAt: { gte: since } },
    orderBy: { startsAt: "desc" },
    select: { id: true, kind: true, startsAt: true, endsAt: true },
  });
}

/**
 * 合同解除: after a regulator suspended, removed or blacklisted the awarded
 * agency, the owning enterprise may end the engagement with a reason. The
 * request becomes TERMINATED (final, may be re-published as a new round); the
 * agency is told, and the termination is published.
 */
export async function terminateContract(db: Db, user: SessionUser, requestId: string, reasonInput: string) {
  if (user.role !== "ENTERPRISE" || !user.organizationId) throw new DomainError("FORBIDDEN", 403, "award.errors.forbidden");
  const reason = requireText(reasonInput);
  return db.$transaction(async (tx) => {
    const r = await lockRequest(tx, requestId);
    if (r.enterpriseOrgId !== user.organizationId) throw new DomainError("FORBIDDEN", 403, "award.errors.forbidden");
    const full = await tx.serviceRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: { title: true, code: true, closesAt: true, awardedBidId: true },
    });
    const winner = full.awardedBidId
      ? await tx.bid.findUnique({
          where: { id: full.awardedBidId },
          select: { agencyId: true, agency: { select: { organizationId: true, organization: { select: { name: true } } } } },
        })
      : null;
    if (!winner || !isRunningState(r.status)) throw new DomainError("CONFLICT", 409, "exit.errors.notRunning");
    const ground = await terminationGround(tx, winner.agencyId, full.closesAt);
    const verdict = decide(requestMachine, r.status, { type: "TERMINATE", reason, isAgencySanctioned: !!ground });
    if (!verdict.ok) throw new DomainError("NOT_SANCTIONED", 409, "exit.errors.notSanctioned");
    const now = await dbNow(tx);
    await tx.serviceRequest.update({
      where: { id: requestId },
      data: { status: verdict.to, terminatedAt: now, statusReason: reason, version: { increment: 1 } },
    });
    await appendAudit(tx, {
      aggregateType: "request",
      aggregateId: requestId,
      fromState: r.status,
      event: "TERMINATE",
      toState: verdict.to,
      actorId: user.id,
      payload: { reason, sanctionId: ground!.id, agencyId: winner.agencyId },
    });
    await tx.announcement.create({
      data: {
        kind: "TERMINATED",
        title: `合同解除公告：${full.title}`,
        body: [`项目编号：${full.code}`, `中选机构：${winner.agency.organization.name}`, `解除原因：${reason}`].join("\n"),
        entityType: "request",
        entityId: requestId,
        data: factsData(
          "TERMINATED",
          { title: full.title, code: full.code, agencyName: winner.agency.organization.name, reason },
          { requestId, agencyId: winner.agencyId, sanctionId: ground!.id },
        ),
      },
    });
    await notify(tx, {
      orgId: winner.agency.organizationId,
      kind: "EXIT_CONTRACT_TERMINATED",
      data: { requestId, title: full.title, code: full.code, reason },
    });
    return { status: verdict.to };
  });
}
