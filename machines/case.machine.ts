import { and, assertEvent, setup } from "xstate";
import { isHeavy, notHeavierThan, type CaseDecisionKind, type ProposedDecision } from "./case-severity";

/**
 * Regulator case (投诉/监管案件), docs/principles.md "Regulator case". State names equal
 * the Prisma enum CaseStatus. Due process (Principle 7; 行政处罚法, decision 033):
 * a complaint is accepted or refused with a reason (不予受理); every decision states
 * reason, evidence and legal basis; a heavy sanction (suspension, removal,
 * blacklist) is first announced in a prior notice (事先告知, arts. 44–45) that the
 * agency may answer (陈述、申辩) and on which it may request a hearing (听证,
 * arts. 63–64) within the notice period; the decision answers what the agency
 * said and is never heavier than the notice; the agency may appeal within the
 * window; the appeal decision is final.
 */

/** Prisma enum AppealOutcome: the decision stands, or it is revoked (its effects undone). */
export type AppealOutcomeKind = "UPHELD" | "REVOKED";

export const APPEAL_OUTCOMES: readonly AppealOutcomeKind[] = ["UPHELD", "REVOKED"];

export { HEAVY_DECISIONS, isHeavy, notHeavierThan, type CaseDecisionKind, type ProposedDecision } from "./case-severity";

type DecisionFields = {
  decision: CaseDecisionKind;
  reason: string;
  legalBasis: string;
  evidence: string;
  days?: number;
  years?: number;
  points?: number;
};

export type CaseEvent =
  | { type: "START_REVIEW" }
  /** 不予受理: refusing a complaint at intake, with a reason the complainant sees. */
  | { type: "REJECT"; reason: string }
  /** 事先告知: the proposed heavy decision with its facts (`reason`), evidence, legal basis. */
  | ({ type: "ISSUE_NOTICE" } & DecisionFields)
  /** 陈述、申辩: once, within the notice period; `waivesHearing` lets the decision come before the period ends. */
  | { type: "SUBMIT_STATEMENT"; statement: string; isWithinPeriod: boolean; hasStatement: boolean }
  /** 要求听证: within the notice period, unless the agency waived it in its statement. */
  | { type: "REQUEST_HEARING"; isWithinPeriod: boolean; hasWaived: boolean }
  /** The regulator sets date and place, at least `minNoticeDays` ahead (art. 64: 7 days before). */
  | { type: "SCHEDULE_HEARING"; place: string; isFarEnoughAhead: boolean }
  /** The hearing record (听证笔录), on or after the hearing date. */
  | { type: "RECORD_HEARING"; record: string; isHearingDue: boolean }
  /**
   * The decision. From UNDER_REVIEW: light decisions only. After a notice: no
   * heavier than the notice, once the period is over or the agency waived a
   * hearing in its statement, answering the statement and hearing if any.
   */
  | ({
      type: "DECIDE";
      proposed?: ProposedDecision | null;
      isPeriodOver?: boolean;
      hasWaived?: boolean;
      /** A statement or a hearing record exists: the decision must answer it. */
      mustAnswer?: boolean;
      answer?: string;
    } & DecisionFields)
  /** `decision` is the decision appealed against: "no action" imposes nothing, so there is nothing to appeal. */
  | { type: "APPEAL"; reason: string; isWithinWindow: boolean; decision: CaseDecisionKind }
  | { type: "DECIDE_APPEAL"; outcome: AppealOutcomeKind; reason: string }
  | { type: "FINALIZE"; isWindowOver: boolean };

const filled = (s: string | undefined) => (s ?? "").trim().length > 0;

/** Reason, and for a sanction legal basis and evidence, and the duration of its kind in range. */
function grounded(e: DecisionFields): boolean {
  if (!filled(e.reason)) return false;
  // A sanction needs its legal basis and evidence; "no action" needs a reason only.
  if (e.decision !== "NO_ACTION" && (!filled(e.legalBasis) || !filled(e.evidence))) return false;
  if (e.decision === "SUSPENSION") return Number.isInteger(e.days) && e.days! >= 1 && e.days! <= 365;
  if (e.decision === "BLACKLIST") return Number.isInteger(e.years) && e.years! >= 1 && e.years! <= 10;
  if (e.decision === "CREDIT_DEDUCTION") return Number.isInteger(e.points) && e.points! >= 1 && e.points! <= 100;
  return true;
}

export const caseMachine = setup({
  // Stryker disable next-line ObjectLiteral: `types` is compile-time only; xstate ignores its value at run time
  types: { events: {} as CaseEvent },
  guards: {
    hasReason: ({ event }) => {
      assertEvent(event, "REJECT");
      return filled(event.reason);
    },
    isLightAndGrounded: ({ event }) => {
      assertEvent(event, "DECIDE");
      return !isHeavy(event.decision) && grounded(event);
    },
    isHeavyAndGrounded: ({ event }) => {
      assertEvent(event, "ISSUE_NOTICE");
      return isHeavy(event.decision) && grounded(event);
    },
    canState: ({ event }) => {
      assertEvent(event, "SUBMIT_STATEMENT");
      return event.isWithinPeriod && !event.hasStatement && filled(event.statement);
    },
    canRequestHearing: ({ event }) => {
      assertEvent(event, "REQUEST_HEARING");
      return event.isWithinPeriod && !event.hasWaived;
    },
    canSchedule: ({ event }) => {
      assertEvent(event, "SCHEDULE_HEARING");
      return event.isFarEnoughAhead && filled(event.place);
    },
    canRecord: ({ event }) => {
      assertEvent(event, "RECORD_HEARING");
      return event.isHearingDue && filled(event.record);
    },
    isHeardOut: ({ event }) => {
      assertEvent(event, "DECIDE");
      if (!grounded(event) || !event.proposed || !notHeavierThan(event, event.proposed)) return false;
      if (event.mustAnswer && !filled(event.answer)) return false;
      return true;
    },
    isNoticeOver: ({ event }) => {
      assertEvent(event, "DECIDE");
      return !!event.isPeriodOver || !!event.hasWaived;
    },
    canAppeal: ({ event }) => {
      assertEvent(event, "APPEAL");
      return event.isWithinWindow && event.decision !== "NO_ACTION" && filled(event.reason);
    },
    hasOutcomeAndReason: ({ event }) => {
      assertEvent(event, "DECIDE_APPEAL");
      return APPEAL_OUTCOMES.includes(event.outcome) && filled(event.reason);
    },
    isWindowOver: ({ event }) => {
      assertEvent(event, "FINALIZE");
      return event.isWindowOver;
    },
  },
}).createMachine({
  // Stryker disable next-line StringLiteral: the machine id only labels it for inspection tools; decide() and no rule read it
  id: "case",
  initial: "OPEN",
  states: {
    OPEN: { on: { START_REVIEW: "UNDER_REVIEW", REJECT: { target: "REJECTED", guard: "hasReason" } } },
    // 不予受理 is the end of the case: the complainant sees the reason.
    REJECTED: { type: "final" },
    UNDER_REVIEW: {
      on: {
        DECIDE: { target: "DECIDED", guard: "isLightAndGrounded" },
        ISSUE_NOTICE: { target: "NOTICE_ISSUED", guard: "isHeavyAndGrounded" },
      },
    },
    NOTICE_ISSUED: {
      on: {
        SUBMIT_STATEMENT: { target: "NOTICE_ISSUED", guard: "canState" },
        REQUEST_HEARING: { target: "HEARING_REQUESTED", guard: "canRequestHearing" },
        DECIDE: { target: "DECIDED", guard: and(["isNoticeOver", "isHeardOut"]) },
      },
    },
    HEARING_REQUESTED: { on: { SCHEDULE_HEARING: { target: "HEARING_SCHEDULED", guard: "canSchedule" } } },
    HEARING_SCHEDULED: { on: { RECORD_HEARING: { target: "HEARING_HELD", guard: "canRecord" } } },
    HEARING_HELD: { on: { DECIDE: { target: "DECIDED", guard: "isHeardOut" } } },
    DECIDED: {
      on: {
        APPEAL: { target: "APPEAL", guard: "canAppeal" },
        FINALIZE: { target: "FINAL", guard: "isWindowOver" },
      },
    },
    // The regulator's appeal decision is final, whichever the outcome.
    APPEAL: { on: { DECIDE_APPEAL: { target: "FINAL", guard: "hasOutcomeAndReason" } } },
    FINAL: { type: "final" },
  },
});
