import type { Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { notify } from "~/services/notifications/notify.server";
import { lockRequest } from "~/services/requests/data.server";
import { requireText } from "../validation";
import { conflict, forbidden, fullRequest, latestOpenDelivery, requestTo, winnerOf } from "./common.server";

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
    await appendAudit(tx, {
      aggregateType: "request",
      aggregateId: requestId,
      fromState: r.status,
      event: "RETURN",
      toState: to,
      actorId: user.id,
      payload: { deliveryId: delivery.id, reason },
    });
    if (winner)
      await notify(tx, { orgId: winner.agency.organizationId, kind: "DELIVERY_RETURNED", data: { requestId, title: full.title, reason } });
    return { status: to };
  });
}
