import { describe, expect, it } from "vitest";
import { AppealOutcome, CaseDecision, CaseStatus } from "~/generated/prisma/enums";
import { decide, statesOf } from "./apply";
import { APPEAL_OUTCOMES, caseMachine, type CaseDecisionKind, type CaseEvent } from "./case.machine";

type Decide = Extract<CaseEvent, { type: "DECIDE" }>;

const ok: Record<string, CaseEvent> = {
  START_REVIEW: { type: "START_REVIEW" },
  DECIDE: {
    type: "DECIDE",
    decision: "SUSPENSION",
    reason: "出具虚假报告",
    legalBasis: "《上海市中介服务管理办法》",
    evidence: "现场核查记录",
    days: 30,
  },
  APPEAL: { type: "APPEAL", reason: "事实认定有误", isWithinWindow: true, decision: "SUSPENSION" },
  DECIDE_APPEAL_UPHELD: { type: "DECIDE_APPEAL", outcome: "UPHELD", reason: "维持原决定" },
  DECIDE_APPEAL_REVOKED: { type: "DECIDE_APPEAL", outcome: "REVOKED", reason: "新证据表明报告真实" },
  FINALIZE: { type: "FINALIZE", isWindowOver: true },
};
// Every state × every event: the expected next state, or refused.
const table: Record<string, Partial<Record<string, string>>> = {
  OPEN: { START_REVIEW: "UNDER_REVIEW" },
  UNDER_REVIEW: { DECIDE: "DECIDED" },
  DECIDED: { APPEAL: "APPEAL", FINALIZE: "FINAL" },
  APPEAL: { DECIDE_APPEAL_UPHELD: "FINAL", DECIDE_APPEAL_REVOKED: "FINAL" },
  FINAL: {},
};

describe("case machine", () => {
  it("has exactly the states of the database enum", () => {
    expect(statesOf(caseMachine).sort()).toEqual(Object.values(CaseStatus).sort());
    expect([...APPEAL_OUTCOMES].sort()).toEqual(Object.values(AppealOutcome).sort());
  });
  for (const [state, row] of Object.entries(table)) {
    for (const name of Object.keys(ok)) {
      const expected = row[name] ?? null;
      it(`${state} × ${name} → ${expected ?? "refused"}`, () => {
        const r = decide(caseMachine, state, ok[name]!);
        expect(r.ok ? r.to : null).toBe(expected);
      });
    }
  }
  it("accepts every decision kind of the database enum with its due process", () => {
    const extra: Record<CaseDecisionKind, Partial<Decide>> = {
      NO_ACTION: {},
      WARNING: {},
      CREDIT_DEDUCTION: { points: 10 },
      SUSPENSION: { days: 30 },
      REMOVAL: {},
      BLACKLIST: { years: 3 },
    };
    expect(Object.keys(extra).sort()).toEqual(Object.values(CaseDecision).sort());
    for (const [decision, more] of Object.entries(extra)) {
      const event: Decide = {
        type: "DECIDE",
        decision: decision as CaseDecisionKind,
        reason: "理由",
        legalBasis: "依据",
        evidence: "证据",
        ...more,
      };
      expect(decide(caseMachine, "UNDER_REVIEW", event), decision).toEqual({ ok: true, to: "DECIDED" });
    }
  });
  it("refuses a decision without reason, a sanction without legal basis or evidence, and bad durations", () => {
    const base = ok.DECIDE as Decide;
    const refused = (e: Partial<Decide>) => decide(caseMachine, "UNDER_REVIEW", { ...base, ...e }).ok;
    expect(refused({ reason: "  " })).toBe(false);
    expect(refused({ legalBasis: " " })).toBe(false);
    expect(refused({ evidence: "" })).toBe(false);
    expect(refused({ days: 0 })).toBe(false);
    expect(refused({ days: 366 })).toBe(false);
    expect(refused({ days: 1.5 })).toBe(false);
    expect(refused({ days: 365 })).toBe(true);
    expect(refused({ decision: "BLACKLIST", years: undefined })).toBe(false);
    expect(refused({ decision: "BLACKLIST", years: 11 })).toBe(false);
    expect(refused({ decision: "CREDIT_DEDUCTION", points: 0 })).toBe(false);
    expect(refused({ decision: "CREDIT_DEDUCTION", points: 101 })).toBe(false);
    expect(refused({ decision: "WARNING", legalBasis: "" })).toBe(false);
    expect(
      decide(caseMachine, "UNDER_REVIEW", { type: "DECIDE", decision: "NO_ACTION", reason: "证据不足", legalBasis: "", evidence: "" }).ok,
    ).toBe(true);
    expect(
      decide(caseMachine, "UNDER_REVIEW", { type: "DECIDE", decision: "NO_ACTION", reason: "", legalBasis: "", evidence: "" }).ok,
    ).toBe(false);
  });
  it("refuses an appeal after the window, without a reason, or against no action; and finalizing before the window ends", () => {
    const appeal = ok.APPEAL as Extract<CaseEvent, { type: "APPEAL" }>;
    expect(decide(caseMachine, "DECIDED", { ...appeal, isWithinWindow: false }).ok).toBe(false);
    expect(decide(caseMachine, "DECIDED", { ...appeal, reason: " " }).ok).toBe(false);
    expect(decide(caseMachine, "DECIDED", { ...appeal, decision: "NO_ACTION" }).ok).toBe(false);
    expect(decide(caseMachine, "DECIDED", { type: "FINALIZE", isWindowOver: false }).ok).toBe(false);
  });
  it("refuses an appeal decision without a reason or with an unknown outcome", () => {
    expect(decide(caseMachine, "APPEAL", { type: "DECIDE_APPEAL", outcome: "UPHELD", reason: "" }).ok).toBe(false);
    expect(decide(caseMachine, "APPEAL", { type: "DECIDE_APPEAL", outcome: "MAYBE" as never, reason: "x" }).ok).toBe(false);
  });
});
