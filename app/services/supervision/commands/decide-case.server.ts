import { decide } from "~/machines/apply";
import { caseMachine, isHeavy, notHeavierThan, type CaseDecisionKind, type CaseEvent } from "~/machines/case.machine";
import type { Db } from "~/db/client.server";
import type { CaseStatus } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";
import { formatDate, formatDateTime } from "~/lib/format";
import type { SessionUser } from "~/lib/session.server";
import { CASE_DECISIONS, CASE_LIMITS } from "~/schemas/case";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { notify } from "~/services/notifications/notify.server";
import { applySanction } from "../effects.server";
import { withRetry } from "../retry.server";
import {
  APPEAL_WINDOW_DAYS,
  checkVersion,
  conflict,
  DAY,
  lockCaseAndAgency,
  requireRegulator,
  text,
  type LockedCase,
} from "./common.server";

export type CaseDecisionInput = {
  decision: CaseDecisionKind;
  reason: string;
  legalBasis: string;
  evidence: string;
  days?: number;
  years?: number;
  points?: number;
  /** After a statement or a hearing: how the decision answers them (采纳情况及理由). */
  answer?: string;
  expectedVersion: number;
};

/** The states a decision is taken from: light ones at review; after the notice (and the hearing, if requested) any. */
const AFTER_NOTICE = ["NOTICE_ISSUED", "HEARING_HELD"] as const;

/**
 * The regulator's decision. Everything it causes — the sanction entry, the
 * agency's status, its open bids, notices, the credit score — commits with it
 * or not at all. "No action" has nothing to appeal and is final at once.
 */
export async function decideCase(db: Db, user: SessionUser, caseId: string, input: CaseDecisionInput) {
  requireRegulator(user);
  if (!(CASE_DECISIONS as readonly string[]).includes(input.decision))
    throw new DomainError("BAD_DECISION", 400, "errors.invalidChoice", "decision");
  const reason = text(input.reason, "reason", CASE_LIMITS.reason);
  const legalBasis = text(input.legalBasis, "legalBasis", CASE_LIMITS.legalBasis, input.decision !== "NO_ACTION");
  const evidence = text(input.evidence, "evidence", CASE_LIMITS.evidence, input.decision !== "NO_ACTION");
  const answer = text(input.answer, "answer", CASE_LIMITS.reason, false);
  const base = {
    decision: input.decision,
    reason,
    legalBasis,
    evidence,
    days: input.decision === "SUSPENSION" ? input.days : undefined,
    years: input.decision === "BLACKLIST" ? input.years : undefined,
    points: input.decision === "CREDIT_DEDUCTION" ? input.points : undefined,
  };
  return withRetry(() =>
    db.$transaction(
      async (tx) => {
        const { c } = await lockCaseAndAgency(tx, caseId);
        checkVersion(c, input.expectedVersion);
        const now = await dbNow(tx);
        const afterNotice = (AFTER_NOTICE as readonly string[]).includes(c.status);
        const proposed = c.noticeDecision ? { decision: c.noticeDecision, days: c.noticeDays, years: c.noticeYears } : null;
        const mustAnswer = !!c.statement || !!c.hearingRecord;
        const event: CaseEvent = {
          type: "DECIDE",
          ...base,
          proposed,
          isPeriodOver: !!c.noticeEndsAt && now >= c.noticeEndsAt,
          hasWaived: c.hearingWaived,
          mustAnswer,
          answer,
        };
        const r = decide(caseMachine, c.status, event);
        if (!r.ok) throw refusal(c, event, afterNotice);
        const noAction = input.decision === "NO_ACTION";
        const appealEndsAt = noAction ? now : new Date(now.getTime() + APPEAL_WINDOW_DAYS * DAY);
        await tx.supervisionCase.update({
          where: { id: c.id },
          data: {
            status: r.to,
            decision: input.decision,
            decisionReason: reason,
            legalBasis: legalBasis || null,
            decisionEvidence: evidence || null,
            suspensionDays: event.days ?? null,
            blacklistYears: event.years ?? null,
            creditDeduction: event.points ?? null,
            decidedById: user.id,
            decidedAt: now,
            appealEndsAt,
            statementAnswer: afterNotice && answer ? answer : null,
            version: { increment: 1 },
          },
        });
        await appendAudit(tx, {
          aggregateType: "case",
          aggregateId: c.id,
          fromState: c.status,
          event: "DECIDE",
          toState: r.to,
          actorId: user.id,
          payload: {
            decision: input.decision,
            reason,
            legalBasis,
            evidence,
            days: event.days ?? null,
            years: event.years ?? null,
            points: event.points ?? null,
            appealEndsAt: appealEndsAt.toISOString(),
            ...(afterNotice ? { answer: answer || null } : {}),
          },
        });
        let effects = null;
        let status: CaseStatus = r.to;
        if (!noAction) {
          const org = await tx.user.findUnique({ where: { id: user.id }, select: { organization: { select: { name: true } } } });
          effects = await applySanction(tx, {
            agencyId: c.agencyId,
            caseId: c.id,
            caseCode: c.code,
            kind: input.decision as Exclude<CaseDecisionKind, "NO_ACTION">,
            reason,
            legalBasis,
            evidence,
            days: event.days,
            years: event.years,
            points: event.points,
            authority: org?.organization?.name ?? user.organizationName ?? "行业主管部门",
            actorId: user.id,
            now,
          });
        } else {
          // "No action" has nothing to appeal: its window is over at once.
          const fin = decide(caseMachine, r.to, { type: "FINALIZE", isWindowOver: true });
          if (fin.ok) {
            status = fin.to;
            await tx.supervisionCase.update({ where: { id: c.id }, data: { status: fin.to, finalizedAt: now } });
            await appendAudit(tx, {
              aggregateType: "case",
              aggregateId: c.id,
              fromState: r.to,
              event: "FINALIZE",
              toState: fin.to,
              actorId: user.id,
              payload: { reason: "NO_ACTION" },
            });
          }
        }
        const agency = await tx.agency.findUniqueOrThrow({ where: { id: c.agencyId }, select: { organizationId: true } });
        const data = { caseId: c.id, code: c.code, decision: input.decision };
        await notify(tx, {
          orgId: agency.organizationId,
          kind: noAction ? "CASE_DECIDED_AGENCY_NO_ACTION" : "CASE_DECIDED_AGENCY",
          data: { ...data, appealEndsAt: formatDate(appealEndsAt) },
        });
        await notify(tx, { userId: c.complainantUserId, kind: "CASE_DECIDED", data });
        return { status, effects };
      },
      { timeout: 30_000 },
    ),
  );
}

/** Which rule refused the decision: the message a regulator can act on. */
function refusal(c: LockedCase, e: Extract<CaseEvent, { type: "DECIDE" }>, afterNotice: boolean): DomainError {
  if (c.status === "OPEN") return conflict("cases.errors.reviewFirst");
  if (c.status === "HEARING_REQUESTED" || c.status === "HEARING_SCHEDULED") return conflict("cases.errors.hearingPending");
  if (c.status === "UNDER_REVIEW" && isHeavy(e.decision))
    return new DomainError("NOTICE_FIRST", 422, "cases.errors.noticeFirst", "decision");
  if (c.status !== "UNDER_REVIEW" && !afterNotice) return conflict();
  if (c.status === "NOTICE_ISSUED" && !e.isPeriodOver && !e.hasWaived)
    return new DomainError("NOTICE_RUNNING", 409, "cases.errors.noticePeriodRunning", undefined, { date: formatDateTime(c.noticeEndsAt!) });
  if (afterNotice && e.proposed && !notHeavierThan(e, e.proposed))
    return new DomainError("HEAVIER", 422, "cases.errors.heavierThanNotice", "decision");
  if (afterNotice && e.mustAnswer && !(e.answer ?? "").trim())
    return new DomainError("ANSWER", 400, "cases.errors.answerRequired", "answer");
  return new DomainError("DUE_PROCESS", 422, durationError(e) ?? "cases.errors.dueProcess", durationField(e));
}

function durationField(e: CaseEvent): string | undefined {
  if (e.type !== "DECIDE") return undefined;
  if (e.decision === "SUSPENSION") return "days";
  if (e.decision === "BLACKLIST") return "years";
  if (e.decision === "CREDIT_DEDUCTION") return "points";
  return undefined;
}

function durationError(e: CaseEvent): string | undefined {
  const field = durationField(e);
  return field ? `cases.errors.${field}Range` : undefined;
}
