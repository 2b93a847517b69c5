import { decide } from "~/machines/apply";
import { caseMachine, isHeavy, type CaseDecisionKind, type CaseEvent } from "~/machines/case.machine";
import type { Db } from "~/db/client.server";
import type { CaseStatus } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";
import { formatDateTime } from "~/lib/format";
import type { SessionUser } from "~/lib/session.server";
import { CASE_LIMITS } from "~/schemas/case";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { notify } from "~/services/notifications/notify.server";
import { checkVersion, conflict, DAY, lockCaseAndAgency, NOTICE_PERIOD_DAYS, requireRegulator, text } from "./common.server";

export type NoticeInput = {
  decision: CaseDecisionKind;
  /** The facts found (违法事实) and the reasons for the proposed sanction. */
  reason: string;
  legalBasis: string;
  evidence: string;
  days?: number;
  years?: number;
  expectedVersion: number;
};

/**
 * 事先告知 (行政处罚法 arts. 44, 64): before a suspension, removal or blacklist
 * the regulator tells the agency the proposed decision, its facts, evidence
 * and legal basis, and its rights: to state its case and to request a hearing
 * within NOTICE_PERIOD_DAYS. Nothing is imposed yet.
 */
export async function issueNotice(db: Db, user: SessionUser, caseId: string, input: NoticeInput) {
  requireRegulator(user);
  if (!isHeavy(input.decision)) throw new DomainError("BAD_DECISION", 400, "errors.invalidChoice", "decision");
  const reason = text(input.reason, "reason", CASE_LIMITS.reason);
  const legalBasis = text(input.legalBasis, "legalBasis", CASE_LIMITS.legalBasis);
  const evidence = text(input.evidence, "evidence", CASE_LIMITS.evidence);
  const event: CaseEvent = {
    type: "ISSUE_NOTICE",
    decision: input.decision,
    reason,
    legalBasis,
    evidence,
    days: input.decision === "SUSPENSION" ? input.days : undefined,
    years: input.decision === "BLACKLIST" ? input.years : undefined,
  };
  return db.$transaction(async (tx) => {
    const { agency, c } = await lockCaseAndAgency(tx, caseId);
    checkVersion(c, input.expectedVersion);
    const r = decide(caseMachine, c.status, event);
    if (!r.ok) {
      if (c.status !== "UNDER_REVIEW") throw conflict(c.status === "OPEN" ? "cases.errors.reviewFirst" : "cases.errors.conflict");
      const field = input.decision === "SUSPENSION" ? "days" : "years";
      throw new DomainError("DUE_PROCESS", 422, `cases.errors.${field}Range`, field);
    }
    const now = await dbNow(tx);
    const noticeEndsAt = new Date(now.getTime() + NOTICE_PERIOD_DAYS * DAY);
    await tx.supervisionCase.update({
      where: { id: c.id },
      data: {
        status: r.to,
        noticeDecision: input.decision,
        noticeFacts: reason,
        noticeLegalBasis: legalBasis,
        noticeEvidence: evidence,
        noticeDays: event.days ?? null,
        noticeYears: event.years ?? null,
        noticeIssuedAt: now,
        noticeEndsAt,
        version: { increment: 1 },
      },
    });
    await appendAudit(tx, {
      aggregateType: "case",
      aggregateId: c.id,
      fromState: c.status,
      event: "ISSUE_NOTICE",
      toState: r.to,
      actorId: user.id,
      payload: {
        decision: input.decision,
        reason,
        legalBasis,
        evidence,
        days: event.days ?? null,
        years: event.years ?? null,
        noticeEndsAt: noticeEndsAt.toISOString(),
      },
    });
    await notify(tx, {
      orgId: agency.organizationId,
      kind: "CASE_NOTICE_ISSUED",
      data: { caseId: c.id, code: c.code, decision: input.decision, noticeEndsAt: formatDateTime(noticeEndsAt) },
    });
    return { status: r.to satisfies CaseStatus, noticeEndsAt };
  });
}
