import type { Db } from "~/db/client.server";
import { DomainError } from "~/lib/errors";
import type { SessionUser } from "~/lib/session.server";
import { dbNow } from "~/services/clock.server";
import { notify } from "~/services/notifications/notify.server";
import { lockRequest } from "../data.server";
import { lockPendingReview } from "../fairness-review.server";
import { MIN_BIDDING_SECONDS, openInTx } from "../post.server";
import { forbidden, requestTo } from "./common.server";

/**
 * 公平竞争审查 passed: the regulator publishes a request held for review (FAIRNESS_REVIEW → OPEN
 * by the machine's verdict). Bidding must still have its minimum time left; otherwise the
 * regulator returns the request so that the enterprise sets a new deadline.
 */
export async function approveFairnessReview(db: Db, user: SessionUser, requestId: string): Promise<void> {
  if (user.role !== "REGULATOR") throw forbidden("errors.regulatorOnly");
  await db.$transaction(async (tx) => {
    const r = await lockRequest(tx, requestId);
    const pending = await lockPendingReview(tx, requestId);
    const { item } = await tx.serviceRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: { item: { select: { status: true } } },
    });
    const to = pending ? requestTo(r.status, { type: "APPROVE_FAIRNESS", isItemInForce: item.status === "IN_FORCE" }) : null;
    if (!pending || !to) throw new DomainError("CONFLICT", 409, "fairness.errors.notPending");
    const now = await dbNow(tx);
    if (r.closesAt.getTime() < now.getTime() + MIN_BIDDING_SECONDS * 1000)
      throw new DomainError("CLOSES_TOO_SOON", 409, "fairness.errors.closesTooSoon");
    await tx.fairnessReview.update({ where: { id: pending.id }, data: { outcome: "PUBLISHED", decidedById: user.id, decidedAt: now } });
    await openInTx(tx, requestId, { from: r.status, to, event: "APPROVE_FAIRNESS" }, user.id, now);
    await notify(tx, { orgId: r.enterpriseOrgId, kind: "FAIRNESS_APPROVED", data: { requestId } });
  });
}
