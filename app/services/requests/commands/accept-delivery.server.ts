import type { Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { recomputeCreditScore } from "~/services/credit/recompute.server";
import { notify } from "~/services/notifications/notify.server";
import { lockRequest } from "~/services/requests/data.server";
import { conflict, forbidden, fullRequest, latestOpenDelivery, requestTo, winnerOf } from "./common.server";

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
    await appendAudit(tx, {
      aggregateType: "request",
      aggregateId: requestId,
      fromState: r.status,
      event: "ACCEPT",
      toState: to,
      actorId: user.id,
      payload: { deliveryId: delivery.id, onTime },
    });
    if (winner)
      await notify(tx, { orgId: winner.agency.organizationId, kind: "DELIVERY_ACCEPTED", data: { requestId, title: full.title } });
    return { status: to };
  });
}
