import { decide } from "~/machines/apply";
import { caseMachine } from "~/machines/case.machine";
import type { Db } from "~/db/client.server";
import type { CaseStatus } from "~/generated/prisma/client";
import type { SessionUser } from "~/lib/session.server";
import { appendAudit } from "~/services/audit/audit.server";
import { notify } from "~/services/notifications/notify.server";
import { checkVersion, conflict, lockCaseAndAgency, requireRegulator } from "./common.server";

/** The regulator takes an open case into review (agency row, then case row, locked). */
export async function startReview(db: Db, user: SessionUser, caseId: string, input: { expectedVersion: number }) {
  requireRegulator(user);
  return db.$transaction(async (tx) => {
    const { c } = await lockCaseAndAgency(tx, caseId);
    checkVersion(c, input.expectedVersion);
    const r = decide(caseMachine, c.status, { type: "START_REVIEW" });
    if (!r.ok) throw conflict();
    const to: CaseStatus = r.to;
    await tx.supervisionCase.update({ where: { id: c.id }, data: { status: to, version: { increment: 1 } } });
    await appendAudit(tx, {
      aggregateType: "case",
      aggregateId: c.id,
      fromState: c.status,
      event: "START_REVIEW",
      toState: to,
      actorId: user.id,
      payload: {},
    });
    await notify(tx, { userId: c.complainantUserId, kind: "CASE_REVIEW_STARTED", data: { caseId: c.id, code: c.code } });
    return { status: to };
  });
}
