import { describe, expect, it } from "vitest";
import { CaseStatus } from "~/generated/prisma/enums";
import { decide, statesOf } from "./apply";
import { caseMachine, type CaseEvent } from "./case.machine";

const ok: Record<string, CaseEvent> = {
  START_REVIEW: { type: "START_REVIEW" },
  DECIDE: { type: "DECIDE", decision: "SUSPENSION", reason: "出具虚假报告", legalBasis: "《上海市中介服务管理办法》", evidence: "现场核查记录", days: 30 },
  APPEAL: { type: "APPEAL", reason: "事实认定有误", isWithinWindow: true },
  DECIDE_APPEAL: { type: "DECIDE_APPEAL", reason: "维持原决定" },
  FINALIZE: { type: "FINALIZE", isWindowOver: true },
};
const table: Record<string, Partial<Record<string, string>>> = {
  OPEN: { START_REVIEW: "UNDER_REVIEW" },
  UNDER_REVIEW: { DECIDE: "DECIDED" },
  DECIDED: { APPEAL: "APPEAL", FINALIZE: "FINAL" },
  APPEAL: { DECIDE_APPEAL: "FINAL" },
  FINAL: {},
};

describe("case machine", () => {
  it("has exactly the states of the database enum", () => {
    expect(statesOf(caseMachine).sort()).toEqual(Object.values(CaseStatus).sort());
  });
  for (const [state, row] of Object.entries(table)) {
    for (const event of Object.keys(ok)) {
      const expected = row[event] ?? null;
      it(`${state} × ${event} → ${expected ?? "refused"}`, () => {
        const r = decide(caseMachine, state, ok[event]!);
        expect(r.ok ? r.to : null).toBe(expected);
      });
    }
  }
  it("refuses a sanction without legal basis or evidence, and bad durations", () => {
    const base = ok.DECIDE as Extract<CaseEvent, { type: "DECIDE" }>;
    expect(decide(caseMachine, "UNDER_REVIEW", { ...base, legalBasis: " " }).ok).toBe(false);
    expect(decide(caseMachine, "UNDER_REVIEW", { ...base, evidence: "" }).ok).toBe(false);
    expect(decide(caseMachine, "UNDER_REVIEW", { ...base, days: 0 }).ok).toBe(false);
    expect(decide(caseMachine, "UNDER_REVIEW", { ...base, decision: "BLACKLIST", years: undefined }).ok).toBe(false);
    expect(decide(caseMachine, "UNDER_REVIEW", { type: "DECIDE", decision: "NO_ACTION", reason: "证据不足", legalBasis: "", evidence: "" }).ok).toBe(true);
  });
  it("refuses an appeal after the window and finalizing before it ends", () => {
    expect(decide(caseMachine, "DECIDED", { type: "APPEAL", reason: "x", isWithinWindow: false }).ok).toBe(false);
    expect(decide(caseMachine, "DECIDED", { type: "FINALIZE", isWindowOver: false }).ok).toBe(false);
  });
});
