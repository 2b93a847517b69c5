import { describe, expect, it } from "vitest";
import { AppealOutcome, CaseDecision, CaseStatus } from "~/generated/prisma/enums";
import { decide, statesOf } from "./apply";
import {
  APPEAL_OUTCOMES,
  caseMachine,
  HEAVY_DECISIONS,
  isHeavy,
  notHeavierThan,
  type CaseDecisionKind,
  type CaseEvent,
} from "./case.machine";

type Decide = Extract<CaseEvent, { type: "DECIDE" }>;

const suspension = {
  decision: "SUSPENSION",
  reason: "出具虚假报告",
  legalBasis: "《上海市中介服务管理办法》",
  evidence: "现场核查记录",
  days: 30,
} as const;
const proposed = { decision: "SUSPENSION", days: 30 } as const;
const ok: Record<string, CaseEvent> = {
  START_REVIEW: { type: "START_REVIEW" },
  REJECT: { type: "REJECT", reason: "不属于本部门管辖" },
  ISSUE_NOTICE: { type: "ISSUE_NOTICE", ...suspension },
  SUBMIT_STATEMENT: { type: "SUBMIT_STATEMENT", statement: "报告数据有原始记录", isWithinPeriod: true, hasStatement: false },
  REQUEST_HEARING: { type: "REQUEST_HEARING", isWithinPeriod: true, hasWaived: false },
  SCHEDULE_HEARING: { type: "SCHEDULE_HEARING", place: "区政务服务中心三楼听证室", isFarEnoughAhead: true },
  RECORD_HEARING: { type: "RECORD_HEARING", record: "机构陈述了原始记录", isHearingDue: true },
  /** A light decision at review (no notice needed). */
  DECIDE_LIGHT: { type: "DECIDE", ...suspension, decision: "WARNING", days: undefined },
  /** A heavy decision without a notice: only after one. */
  DECIDE_HEAVY_DIRECT: { type: "DECIDE", ...suspension },
  /** After the notice: its period over, the statement answered, no heavier than proposed. */
  DECIDE_AFTER_NOTICE: {
    type: "DECIDE",
    ...suspension,
    proposed,
    isPeriodOver: true,
    mustAnswer: true,
    answer: "原始记录不足以推翻复核结论",
  },
  APPEAL: { type: "APPEAL", reason: "事实认定有误", isWithinWindow: true, decision: "SUSPENSION" },
  DECIDE_APPEAL_UPHELD: { type: "DECIDE_APPEAL", outcome: "UPHELD", reason: "维持原决定" },
  DECIDE_APPEAL_REVOKED: { type: "DECIDE_APPEAL", outcome: "REVOKED", reason: "新证据表明报告真实" },
  FINALIZE: { type: "FINALIZE", isWindowOver: true },
};
// Every state × every event: the expected next state, or refused.
const table: Record<string, Partial<Record<string, string>>> = {
  OPEN: { START_REVIEW: "UNDER_REVIEW", REJECT: "REJECTED" },
  REJECTED: {},
  UNDER_REVIEW: { DECIDE_LIGHT: "DECIDED", ISSUE_NOTICE: "NOTICE_ISSUED" },
  NOTICE_ISSUED: {
    SUBMIT_STATEMENT: "NOTICE_ISSUED",
    REQUEST_HEARING: "HEARING_REQUESTED",
    DECIDE_AFTER_NOTICE: "DECIDED",
  },
  HEARING_REQUESTED: { SCHEDULE_HEARING: "HEARING_SCHEDULED" },
  HEARING_SCHEDULED: { RECORD_HEARING: "HEARING_HELD" },
  HEARING_HELD: { DECIDE_AFTER_NOTICE: "DECIDED" },
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
  it("accepts every decision kind of the database enum with its due process: light ones at review, heavy ones after a notice", () => {
    const extra: Record<CaseDecisionKind, Partial<Decide>> = {
      NO_ACTION: {},
      WARNING: {},
      CREDIT_DEDUCTION: { points: 10 },
      SUSPENSION: { days: 30 },
      REMOVAL: {},
      BLACKLIST: { years: 3 },
    };
    expect(Object.keys(extra).sort()).toEqual(Object.values(CaseDecision).sort());
    expect([...HEAVY_DECISIONS].sort()).toEqual(["BLACKLIST", "REMOVAL", "SUSPENSION"]);
    for (const [decision, more] of Object.entries(extra)) {
      const kind = decision as CaseDecisionKind;
      const fields = { decision: kind, reason: "理由", legalBasis: "依据", evidence: "证据", ...more };
      const atReview = decide(caseMachine, "UNDER_REVIEW", { ...fields, type: "DECIDE" });
      expect(atReview, decision).toEqual(isHeavy(kind) ? { ok: false } : { ok: true, to: "DECIDED" });
      expect(decide(caseMachine, "UNDER_REVIEW", { ...fields, type: "ISSUE_NOTICE" }), decision).toEqual(
        isHeavy(kind) ? { ok: true, to: "NOTICE_ISSUED" } : { ok: false },
      );
      // After a notice of the heaviest sanction, any kind no heavier may be decided.
      const after = { ...fields, type: "DECIDE" as const, proposed: { decision: "BLACKLIST" as const, years: 10 }, isPeriodOver: true };
      expect(decide(caseMachine, "NOTICE_ISSUED", after), decision).toEqual({ ok: true, to: "DECIDED" });
    }
  });
  it("refuses a notice or decision without reason, a sanction without legal basis or evidence, and bad durations", () => {
    const base = ok.ISSUE_NOTICE as Extract<CaseEvent, { type: "ISSUE_NOTICE" }>;
    const accepted = (e: Partial<Decide>) => decide(caseMachine, "UNDER_REVIEW", { ...base, ...e } as CaseEvent).ok;
    expect(accepted({ reason: "  " })).toBe(false);
    expect(accepted({ legalBasis: " " })).toBe(false);
    expect(accepted({ evidence: "" })).toBe(false);
    expect(accepted({ days: 0 })).toBe(false);
    expect(accepted({ days: 366 })).toBe(false);
    expect(accepted({ days: 1.5 })).toBe(false);
    expect(accepted({ days: 365 })).toBe(true);
    expect(accepted({ decision: "BLACKLIST", years: undefined })).toBe(false);
    expect(accepted({ decision: "BLACKLIST", years: 11 })).toBe(false);
    const light = (e: Partial<Decide>) => decide(caseMachine, "UNDER_REVIEW", { ...(ok.DECIDE_LIGHT as Decide), ...e }).ok;
    expect(light({ decision: "CREDIT_DEDUCTION", points: 0 })).toBe(false);
    expect(light({ decision: "CREDIT_DEDUCTION", points: 101 })).toBe(false);
    expect(light({ decision: "WARNING", legalBasis: "" })).toBe(false);
    expect(light({ decision: "NO_ACTION", reason: "证据不足", legalBasis: "", evidence: "" })).toBe(true);
    expect(light({ decision: "NO_ACTION", reason: "", legalBasis: "", evidence: "" })).toBe(false);
  });
  it("refuses a complaint without a reason for not accepting it", () => {
    expect(decide(caseMachine, "OPEN", { type: "REJECT", reason: " " }).ok).toBe(false);
  });
  it("statement and hearing request: once, within the period; no hearing once waived", () => {
    const st = ok.SUBMIT_STATEMENT as Extract<CaseEvent, { type: "SUBMIT_STATEMENT" }>;
    expect(decide(caseMachine, "NOTICE_ISSUED", { ...st, isWithinPeriod: false }).ok).toBe(false);
    expect(decide(caseMachine, "NOTICE_ISSUED", { ...st, hasStatement: true }).ok).toBe(false);
    expect(decide(caseMachine, "NOTICE_ISSUED", { ...st, statement: " " }).ok).toBe(false);
    expect(decide(caseMachine, "NOTICE_ISSUED", { type: "REQUEST_HEARING", isWithinPeriod: false, hasWaived: false }).ok).toBe(false);
    expect(decide(caseMachine, "NOTICE_ISSUED", { type: "REQUEST_HEARING", isWithinPeriod: true, hasWaived: true }).ok).toBe(false);
  });
  it("a hearing is set far enough ahead with a place, and recorded only once due, with a record", () => {
    expect(decide(caseMachine, "HEARING_REQUESTED", { type: "SCHEDULE_HEARING", place: "听证室", isFarEnoughAhead: false }).ok).toBe(false);
    expect(decide(caseMachine, "HEARING_REQUESTED", { type: "SCHEDULE_HEARING", place: " ", isFarEnoughAhead: true }).ok).toBe(false);
    expect(decide(caseMachine, "HEARING_SCHEDULED", { type: "RECORD_HEARING", record: "笔录", isHearingDue: false }).ok).toBe(false);
    expect(decide(caseMachine, "HEARING_SCHEDULED", { type: "RECORD_HEARING", record: "", isHearingDue: true }).ok).toBe(false);
  });
  it("after a notice: not before its period ends unless a hearing is waived; never heavier; the statement answered", () => {
    const after = ok.DECIDE_AFTER_NOTICE as Decide;
    const at = (state: string, e: Partial<Decide>) => decide(caseMachine, state, { ...after, ...e }).ok;
    expect(at("NOTICE_ISSUED", { isPeriodOver: false })).toBe(false);
    expect(at("NOTICE_ISSUED", { isPeriodOver: false, hasWaived: true })).toBe(true);
    expect(at("NOTICE_ISSUED", { answer: " " })).toBe(false);
    expect(at("NOTICE_ISSUED", { mustAnswer: false, answer: "" })).toBe(true);
    expect(at("NOTICE_ISSUED", { days: 31 })).toBe(false);
    expect(at("NOTICE_ISSUED", { days: 10 })).toBe(true);
    expect(at("NOTICE_ISSUED", { decision: "REMOVAL", days: undefined })).toBe(false);
    expect(at("NOTICE_ISSUED", { decision: "WARNING", days: undefined })).toBe(true);
    expect(at("NOTICE_ISSUED", { proposed: null })).toBe(false);
    // After the hearing the period does not matter, the answer does.
    expect(at("HEARING_HELD", { isPeriodOver: false })).toBe(true);
    expect(at("HEARING_HELD", { answer: "" })).toBe(false);
    expect(at("HEARING_HELD", { decision: "BLACKLIST", days: undefined, years: 1 })).toBe(false);
  });
  it("no heavier than the notice: kind first, then the duration of the same kind", () => {
    expect(notHeavierThan({ decision: "BLACKLIST", years: 3 }, { decision: "BLACKLIST", years: 3 })).toBe(true);
    expect(notHeavierThan({ decision: "BLACKLIST", years: 4 }, { decision: "BLACKLIST", years: 3 })).toBe(false);
    expect(notHeavierThan({ decision: "REMOVAL" }, { decision: "BLACKLIST", years: 1 })).toBe(true);
    expect(notHeavierThan({ decision: "REMOVAL" }, { decision: "REMOVAL" })).toBe(true);
    expect(notHeavierThan({ decision: "SUSPENSION" }, { decision: "SUSPENSION", days: 30 })).toBe(false);
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
