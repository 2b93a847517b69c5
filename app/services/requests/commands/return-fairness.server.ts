import type { Db } from "~/db/client.server";
import { DomainError } from "~/lib/errors";
import type { SessionUser } from "~/lib/session.server";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { notify } from "~/services/notifications/notify.server";
import { lockRequest } from "../data.server";
import { lockPendingReview } from "../fairness-review.server";
import { forbidden, requestTo } from "./common.server";

/**
 * 公平竞争审查 not passed: the regulator returns a held request to its enterprise's drafts
 * (FAIRNESS_REVIEW → DRAFT by the machine's verdict) with a reason the enterprise is told.
 */
export async function returnFairnessReview(db: Db, user: SessionUser, requestId: string, reason: string): Promise<void> {
  if (user.role !== "REGULATOR") throw forbidden("errors.regulatorOnly");
  if (!reason.trim()) throw new DomainError("REASON", 400, "errors.required", "reason");
  await db.$transaction(async (tx) => {
    const r = await lockRequest(tx, requestId);
    const pending = await lockPendingReview(tx, requestId);
    const to = pending ? requestTo(r.status, { type: "RETURN_FAIRNESS", reason }) : null;
    if (!pending || !to) throw new DomainError("CONFLICT", 409, "fairness.errors.notPending");
    const now = await dbNow(tx);
    await tx.fairnessReview.update({
      where: { id: pending.id },
      data: { outcome: "RETURNED", reason: reason.trim(), decidedById: user.id, decidedAt: now },
    });
    await tx.serviceRequest.update({
      where: { id: requestId },
      data: { status: to, statusReason: reason.trim(), version: { increment: 1 } },
    });
    await appendAudit(tx, {
      aggregateType: "request",
      aggregateId: requestId,
      fromState: r.status,
      event: "RETURN_FAIRNESS",
      toState: to,
      actorId: user.id,
      payload: { reviewId: pending.id, reason: reason.trim() },
    });
    await notify(tx, { orgId: r.enterpriseOrgId, kind: "FAIRNESS_RETURNED", data: { requestId, reason: reason.trim() } });
  });
}
