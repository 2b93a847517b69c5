import { decide } from "~/machines/apply";
import { caseMachine } from "~/machines/case.machine";
import type { Db } from "~/db/client.server";
import type { CaseStatus } from "~/generated/prisma/client";
import type { SessionUser } from "~/lib/session.server";
import { CASE_LIMITS } from "~/schemas/case";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { notify } from "~/services/notifications/notify.server";
import {
  canSeeCase,
  checkVersion,
  conflict,
  forbidden,
  isCaseAgencyUser,
  lockCaseAndAgency,
  notFound,
  notifyRegulators,
  text,
} from "./common.server";

/** The agency's users appeal (申请复核) within the window; the sanction stays in force meanwhile. */
export async function appealCase(db: Db, user: SessionUser, caseId: string, input: { reason: string; expectedVersion: number }) {
  const reason = text(input.reason, "reason", CASE_LIMITS.reason);
  const peek = await db.supervisionCase.findUnique({ where: { id: caseId }, select: { agencyId: true, complainantUserId: true } });
  if (!peek) throw notFound();
  if (!(await isCaseAgencyUser(db, user, peek.agencyId))) {
    // Nobody else may even learn the case exists.
    if (!(await canSeeCase(db, user, peek))) throw notFound();
    throw forbidden("cases.errors.agencyOnly");
  }
  return db.$transaction(async (tx) => {
    const { c } = await lockCaseAndAgency(tx, caseId);
    checkVersion(c, input.expectedVersion);
    const now = await dbNow(tx);
    const isWithinWindow = !!c.appealEndsAt && now < c.appealEndsAt;
    const r = decide(caseMachine, c.status, { type: "APPEAL", reason, isWithinWindow, decision: c.decision ?? "NO_ACTION" });
    if (!r.ok) {
      // a decision of no action is final at once (decide-case): there is nothing to appeal, and the agency is told so
      if (c.decision === "NO_ACTION") throw conflict("cases.errors.notAppealable");
      // a second appeal: the agency is told the first is being reviewed, or was decided (a case is appealed once)
      if (c.status === "APPEAL") throw conflict("cases.errors.alreadyAppealed");
      if (c.status === "FINAL" && c.appealedAt) throw conflict("cases.errors.appealDecided");
      if ((c.status === "DECIDED" || c.status === "FINAL") && !isWithinWindow) throw conflict("cases.errors.appealWindowOver");
      throw conflict();
    }
    await tx.supervisionCase.update({
      where: { id: c.id },
      data: { status: r.to, appealReason: reason, appealedAt: now, version: { increment: 1 } },
    });
    await appendAudit(tx, {
      aggregateType: "case",
      aggregateId: c.id,
      fromState: c.status,
      event: "APPEAL",
      toState: r.to,
      actorId: user.id,
      payload: { reason },
    });
    await notifyRegulators(tx, "CASE_APPEALED", { caseId: c.id, code: c.code });
    await notify(tx, { userId: c.complainantUserId, kind: "CASE_APPEALED_COMPLAINANT", data: { caseId: c.id, code: c.code } });
    return { status: r.to satisfies CaseStatus };
  });
}
