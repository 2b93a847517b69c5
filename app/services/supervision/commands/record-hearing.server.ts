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

/** The hearing record (听证笔录), from the hearing's date on; the decision must then answer it. */
export async function recordHearing(db: Db, user: SessionUser, caseId: string, input: { record: string; expectedVersion: number }) {
  requireRegulator(user);
  const record = text(input.record, "record", CASE_LIMITS.description);
  return db.$transaction(async (tx) => {
    const { agency, c } = await lockCaseAndAgency(tx, caseId);
    checkVersion(c, input.expectedVersion);
    const now = await dbNow(tx);
    const isHearingDue = !!c.hearingAt && now >= c.hearingAt;
    const r = decide(caseMachine, c.status, { type: "RECORD_HEARING", record, isHearingDue });
    if (!r.ok) throw conflict(c.status === "HEARING_SCHEDULED" ? "cases.errors.hearingNotYet" : "cases.errors.conflict");
    await tx.supervisionCase.update({
      where: { id: c.id },
      data: { status: r.to, hearingRecord: record, hearingHeldAt: now, version: { increment: 1 } },
    });
    await appendAudit(tx, {
      aggregateType: "case",
      aggregateId: c.id,
      fromState: c.status,
      event: "RECORD_HEARING",
      toState: r.to,
      actorId: user.id,
      payload: { record },
    });
    await notify(tx, { orgId: agency.organizationId, kind: "CASE_HEARING_HELD", data: { caseId: c.id, code: c.code } });
    return { status: r.to satisfies CaseStatus };
  });
}
