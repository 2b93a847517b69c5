import { decide } from "~/machines/apply";
import { caseMachine } from "~/machines/case.machine";
import type { Db } from "~/db/client.server";
import type { CaseStatus } from "~/generated/prisma/client";
import type { SessionUser } from "~/lib/session.server";
import { CASE_LIMITS } from "~/schemas/case";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { notify } from "~/services/notifications/notify.server";
import { checkVersion, conflict, lockCaseAndAgency, requireRegulator, text } from "./common.server";

/**
 * 不予受理: the regulator refuses an open complaint with a reason the
 * complainant sees on the case page and in a notification. The case ends there.
 */
export async function rejectComplaint(db: Db, user: SessionUser, caseId: string, input: { reason: string; expectedVersion: number }) {
  requireRegulator(user);
  const reason = text(input.reason, "reason", CASE_LIMITS.reason);
  return db.$transaction(async (tx) => {
    const { agency, c } = await lockCaseAndAgency(tx, caseId);
    checkVersion(c, input.expectedVersion);
    const r = decide(caseMachine, c.status, { type: "REJECT", reason });
    if (!r.ok) throw conflict();
    const now = await dbNow(tx);
    await tx.supervisionCase.update({
      where: { id: c.id },
      data: { status: r.to, rejectionReason: reason, rejectedAt: now, decidedById: user.id, version: { increment: 1 } },
    });
    await appendAudit(tx, {
      aggregateType: "case",
      aggregateId: c.id,
      fromState: c.status,
      event: "REJECT",
      toState: r.to,
      actorId: user.id,
      payload: { reason },
    });
    const data = { caseId: c.id, code: c.code };
    await notify(tx, { userId: c.complainantUserId, kind: "CASE_REJECTED", data });
    await notify(tx, { orgId: agency.organizationId, kind: "CASE_REJECTED_AGENCY", data });
    return { status: r.to satisfies CaseStatus };
  });
}
