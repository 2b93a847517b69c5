import { decide } from "~/machines/apply";
import { caseMachine } from "~/machines/case.machine";
import type { Db } from "~/db/client.server";
import type { CaseStatus } from "~/generated/prisma/client";
import type { SessionUser } from "~/lib/session.server";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { checkVersion, conflict, lockCaseAndAgency, notifyRegulators, requireCaseAgency } from "./common.server";

/** 要求听证 (行政处罚法 art. 64): within the notice period, unless the agency waived it in its statement. */
export async function requestHearing(db: Db, user: SessionUser, caseId: string, input: { expectedVersion: number }) {
  await requireCaseAgency(db, user, caseId, "cases.errors.agencyOnlyDefence");
  return db.$transaction(async (tx) => {
    const { c } = await lockCaseAndAgency(tx, caseId);
    checkVersion(c, input.expectedVersion);
    const now = await dbNow(tx);
    const isWithinPeriod = !!c.noticeEndsAt && now < c.noticeEndsAt;
    const r = decide(caseMachine, c.status, { type: "REQUEST_HEARING", isWithinPeriod, hasWaived: c.hearingWaived });
    if (!r.ok) {
      if (c.status === "NOTICE_ISSUED" && c.hearingWaived) throw conflict("cases.errors.hearingWaived");
      if (c.status === "NOTICE_ISSUED") throw conflict("cases.errors.noticePeriodOver");
      throw conflict();
    }
    await tx.supervisionCase.update({ where: { id: c.id }, data: { status: r.to, hearingAskedAt: now, version: { increment: 1 } } });
    await appendAudit(tx, {
      aggregateType: "case",
      aggregateId: c.id,
      fromState: c.status,
      event: "REQUEST_HEARING",
      toState: r.to,
      actorId: user.id,
      payload: {},
    });
    await notifyRegulators(tx, "CASE_HEARING_REQUESTED", { caseId: c.id, code: c.code });
    return { status: r.to satisfies CaseStatus };
  });
}
