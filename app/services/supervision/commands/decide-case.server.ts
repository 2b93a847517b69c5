import { decide } from "~/machines/apply";
import { caseMachine, type CaseDecisionKind, type CaseEvent } from "~/machines/case.machine";
import type { Db } from "~/db/client.server";
import type { CaseStatus } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";
import { formatDate } from "~/lib/format";
import type { SessionUser } from "~/lib/session.server";
import { CASE_DECISIONS, CASE_LIMITS } from "~/schemas/case";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { notify } from "~/services/notifications/notify.server";
import { applySanction } from "../effects.server";
import { withRetry } from "../retry.server";
import { APPEAL_WINDOW_DAYS, checkVersion, conflict, DAY, lockCaseAndAgency, requireRegulator, text } from "./common.server";

export type CaseDecisionInput = {
  decision: CaseDecisionKind;
  reason: string;
  legalBasis: string;
  evidence: string;
  days?: number;
  years?: number;
  points?: number;
  expectedVersion: number;
};

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
  const event: CaseEvent = {
    type: "DECIDE",
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
        const r = decide(caseMachine, c.status, event);
        if (!r.ok) {
          if (c.status !== "UNDER_REVIEW") throw conflict(c.status === "OPEN" ? "cases.errors.reviewFirst" : "cases.errors.conflict");
          throw new DomainError("DUE_PROCESS", 422, durationError(event) ?? "cases.errors.dueProcess", durationField(event));
        }
        const now = await dbNow(tx);
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
