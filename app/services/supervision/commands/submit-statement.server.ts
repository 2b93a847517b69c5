import { decide } from "~/machines/apply";
import { caseMachine } from "~/machines/case.machine";
import type { Db } from "~/db/client.server";
import type { CaseStatus } from "~/generated/prisma/client";
import type { SessionUser } from "~/lib/session.server";
import { CASE_LIMITS } from "~/schemas/case";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { checkVersion, conflict, lockCaseAndAgency, notifyRegulators, requireCaseAgency, text } from "./common.server";

/**
 * 陈述、申辩 (行政处罚法 art. 45): the agency answers the prior notice once,
 * within the notice period. Waiving a hearing in it lets the regulator decide
 * without waiting for the period to end.
 */
export async function submitStatement(
  db: Db,
  user: SessionUser,
  caseId: string,
  input: { statement: string; waiveHearing: boolean; expectedVersion: number },
) {
  await requireCaseAgency(db, user, caseId, "cases.errors.agencyOnlyDefence");
  const statement = text(input.statement, "statement", CASE_LIMITS.reason);
  return db.$transaction(async (tx) => {
    const { c } = await lockCaseAndAgency(tx, caseId);
    checkVersion(c, input.expectedVersion);
    const now = await dbNow(tx);
    const isWithinPeriod = !!c.noticeEndsAt && now < c.noticeEndsAt;
    const r = decide(caseMachine, c.status, { type: "SUBMIT_STATEMENT", statement, isWithinPeriod, hasStatement: !!c.statement });
    if (!r.ok) {
      if (c.status === "NOTICE_ISSUED" && !isWithinPeriod) throw conflict("cases.errors.noticePeriodOver");
      throw conflict();
    }
    await tx.supervisionCase.update({
      where: { id: c.id },
      data: { status: r.to, statement, statementAt: now, hearingWaived: input.waiveHearing, version: { increment: 1 } },
    });
    await appendAudit(tx, {
      aggregateType: "case",
      aggregateId: c.id,
      fromState: c.status,
      event: "SUBMIT_STATEMENT",
      toState: r.to,
      actorId: user.id,
      payload: { statement, waivesHearing: input.waiveHearing },
    });
    await notifyRegulators(tx, "CASE_STATEMENT_SUBMITTED", { caseId: c.id, code: c.code });
    return { status: r.to satisfies CaseStatus };
  });
}
