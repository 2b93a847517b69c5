import { assertEvent, setup } from "xstate";

/**
 * Regulator case (投诉/监管案件), DOMAIN.md "Regulator case". State names equal
 * the Prisma enum CaseStatus. Due process (Principle 7): every decision states
 * reason, evidence and legal basis; the agency may appeal within the window;
 * the appeal decision is final.
 */
export type CaseDecisionKind = "NO_ACTION" | "WARNING" | "CREDIT_DEDUCTION" | "SUSPENSION" | "REMOVAL" | "BLACKLIST";

export type CaseEvent =
  | { type: "START_REVIEW" }
  | { type: "DECIDE"; decision: CaseDecisionKind; reason: string; legalBasis: string; evidence: string; days?: number; years?: number; points?: number }
  | { type: "APPEAL"; reason: string; isWithinWindow: boolean }
  | { type: "DECIDE_APPEAL"; reason: string }
  | { type: "FINALIZE"; isWindowOver: boolean };

const filled = (s: string | undefined) => (s ?? "").trim().length > 0;

export const caseMachine = setup({
  types: { events: {} as CaseEvent },
  guards: {
    hasDueProcess: ({ event }) => {
      assertEvent(event, "DECIDE");
      if (!filled(event.reason)) return false;
      // A sanction needs its legal basis and evidence; "no action" needs a reason only.
      if (event.decision !== "NO_ACTION" && (!filled(event.legalBasis) || !filled(event.evidence))) return false;
      if (event.decision === "SUSPENSION") return Number.isInteger(event.days) && event.days! >= 1 && event.days! <= 365;
      if (event.decision === "BLACKLIST") return Number.isInteger(event.years) && event.years! >= 1 && event.years! <= 10;
      if (event.decision === "CREDIT_DEDUCTION") return Number.isInteger(event.points) && event.points! >= 1 && event.points! <= 100;
      return true;
    },
    canAppeal: ({ event }) => {
      assertEvent(event, "APPEAL");
      return event.isWithinWindow && filled(event.reason);
    },
    hasReason: ({ event }) => {
      assertEvent(event, "DECIDE_APPEAL");
      return filled(event.reason);
    },
    isWindowOver: ({ event }) => {
      assertEvent(event, "FINALIZE");
      return event.isWindowOver;
    },
  },
}).createMachine({
  id: "case",
  initial: "OPEN",
  states: {
    OPEN: { on: { START_REVIEW: "UNDER_REVIEW" } },
    UNDER_REVIEW: { on: { DECIDE: { target: "DECIDED", guard: "hasDueProcess" } } },
    DECIDED: {
      on: {
        APPEAL: { target: "APPEAL", guard: "canAppeal" },
        FINALIZE: { target: "FINAL", guard: "isWindowOver" },
      },
    },
    APPEAL: { on: { DECIDE_APPEAL: { target: "FINAL", guard: "hasReason" } } },
    FINAL: { type: "final" },
  },
});
