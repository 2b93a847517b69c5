// Guards at their boundaries, in every state that has the transition, and the
// start and end of each lifecycle. Complements the *.machine.test.ts tables,
// which check every state × event with a *valid* event: here every guarded
// event is also sent in its refused form, so a guard dropped from any one
// state's transition shows up.
import { createActor, type AnyStateMachine } from "xstate";
import { describe, expect, it } from "vitest";
import { agencyMachine, type AgencyEvent } from "./agency.machine";
import { decide, statesOf } from "./apply";
import { bidMachine, type BidEvent } from "./bid.machine";
import { caseMachine, isHeavy, type CaseEvent } from "./case.machine";
import { objectionMachine, type ObjectionEvent } from "./objection.machine";
import { requestMachine, type RequestEvent } from "./request.machine";

const to = (machine: AnyStateMachine, state: string, event: never) => {
  const r = decide(machine, state, event);
  return r.ok ? r.to : null;
};

/** A started actor of the machine: where a new entity begins. */
const initial = (machine: AnyStateMachine) => String(createActor(machine).getSnapshot().value);

/** Terminal states: an actor resolved in them is done (the lifecycle is over). */
const terminal = (machine: AnyStateMachine) =>
  statesOf(machine)
    .filter((s) => machine.resolveState({ value: s, context: {} }).status === "done")
    .sort();

describe("agency machine: every guarded transition refuses its bad event in every state", () => {
  const now = new Date("2026-11-26T08:00:00Z");
  const bad: Record<string, AgencyEvent> = {
    APPROVE_NO_CREDENTIAL: { type: "APPROVE", hasValidCredential: false, isBlacklisted: false },
    APPROVE_BLACKLISTED: { type: "APPROVE", hasValidCredential: true, isBlacklisted: true },
    REJECT: { type: "REJECT", reason: " \n" },
    REAPPLY: { type: "REAPPLY", isBlacklisted: true },
    // A suspension ending exactly now has no future end.
    SUSPEND_ENDS_NOW: { type: "SUSPEND", reason: "出具虚假报告", until: new Date(now.getTime()), now },
    SUSPEND_NO_REASON: { type: "SUSPEND", reason: "", until: new Date(now.getTime() + 1), now },
    REINSTATE: { type: "REINSTATE", isDue: false },
    REMOVE: { type: "REMOVE", reason: "   " },
    EXIT_OPEN_BID: { type: "EXIT", openBids: 1, runningContracts: 0 },
    EXIT_RUNNING_CONTRACT: { type: "EXIT", openBids: 0, runningContracts: 1 },
  };
  for (const state of statesOf(agencyMachine)) {
    for (const [name, event] of Object.entries(bad)) {
      it(`${state} × ${name} → refused`, () => expect(to(agencyMachine, state, event as never)).toBeNull());
    }
  }
  it("a suspension ending one millisecond after the database clock is accepted", () => {
    expect(to(agencyMachine, "LISTED", { type: "SUSPEND", reason: "x", until: new Date(now.getTime() + 1), now } as never)).toBe(
      "SUSPENDED",
    );
  });
  it("a new agency starts APPLIED; no agency state is terminal (every one has a way on)", () => {
    expect(initial(agencyMachine)).toBe("APPLIED");
    expect(terminal(agencyMachine)).toEqual([]);
  });
});

describe("bid machine", () => {
  const good: Record<string, BidEvent> = {
    SUBMIT: { type: "SUBMIT", isOpen: true, amountFen: 500n, priceCapFen: 500n },
    REVISE: { type: "REVISE", isOpen: true, amountFen: 500n, priceCapFen: 500n },
    ADMIT: { type: "ADMIT", isAgencyListed: true, amountFen: 500n, priceCapFen: 500n },
    WITHDRAW: { type: "WITHDRAW", isOpen: true },
    INVALIDATE: { type: "INVALIDATE", reason: "中标机构被列入黑名单" },
    WIN: { type: "WIN" },
    LOSE: { type: "LOSE" },
  };
  const table: Record<string, Partial<Record<string, string>>> = {
    SUBMITTED: {
      SUBMIT: "SUBMITTED",
      REVISE: "SUBMITTED",
      ADMIT: "SUBMITTED",
      WITHDRAW: "WITHDRAWN",
      INVALIDATE: "INVALIDATED",
      WIN: "WON",
      LOSE: "LOST",
    },
    WON: { INVALIDATE: "INVALIDATED" },
    LOST: { WIN: "WON" },
    WITHDRAWN: {},
    INVALIDATED: {},
  };
  it("has exactly the states of the table", () => expect(statesOf(bidMachine).sort()).toEqual(Object.keys(table).sort()));
  for (const [state, row] of Object.entries(table)) {
    for (const [name, event] of Object.entries(good)) {
      it(`${state} × ${name} → ${row[name] ?? "refused"}`, () => expect(to(bidMachine, state, event as never)).toBe(row[name] ?? null));
    }
  }
  const bad: Record<string, BidEvent> = {
    SUBMIT_CLOSED: { type: "SUBMIT", isOpen: false, amountFen: 500n, priceCapFen: 500n },
    SUBMIT_OVER_CAP: { type: "SUBMIT", isOpen: true, amountFen: 501n, priceCapFen: 500n },
    REVISE_CLOSED: { type: "REVISE", isOpen: false, amountFen: 500n, priceCapFen: 500n },
    REVISE_OVER_CAP: { type: "REVISE", isOpen: true, amountFen: 501n, priceCapFen: 500n },
    WITHDRAW_CLOSED: { type: "WITHDRAW", isOpen: false },
    INVALIDATE_NO_REASON: { type: "INVALIDATE", reason: "  " },
  };
  for (const state of Object.keys(table)) {
    for (const [name, event] of Object.entries(bad)) {
      it(`${state} × ${name} → refused`, () => expect(to(bidMachine, state, event as never)).toBeNull());
    }
  }
  it("ADMIT one fen above the cap, or from an agency no longer listed, invalidates the bid", () => {
    expect(to(bidMachine, "SUBMITTED", { type: "ADMIT", isAgencyListed: true, amountFen: 501n, priceCapFen: 500n } as never)).toBe(
      "INVALIDATED",
    );
    expect(to(bidMachine, "SUBMITTED", { type: "ADMIT", isAgencyListed: false, amountFen: 500n, priceCapFen: 500n } as never)).toBe(
      "INVALIDATED",
    );
  });
  it("a bid starts SUBMITTED; withdrawn and invalidated bids are terminal", () => {
    expect(initial(bidMachine)).toBe("SUBMITTED");
    expect(terminal(bidMachine)).toEqual(["INVALIDATED", "WITHDRAWN"]);
  });
});

describe("case machine: due-process boundaries", () => {
  const decideEvent = (more: Partial<Extract<CaseEvent, { type: "DECIDE" }>>): CaseEvent => ({
    type: "DECIDE",
    decision: "WARNING",
    reason: "理由",
    legalBasis: "依据",
    evidence: "证据",
    ...more,
  });
  // A heavy sanction's grounds are checked on its prior notice (事先告知), a light one's on the decision.
  const decided = (more: Partial<Extract<CaseEvent, { type: "DECIDE" }>>) => {
    const e = decideEvent(more) as Extract<CaseEvent, { type: "DECIDE" }>;
    return isHeavy(e.decision)
      ? to(caseMachine, "UNDER_REVIEW", { ...e, type: "ISSUE_NOTICE" } as never) === "NOTICE_ISSUED"
      : to(caseMachine, "UNDER_REVIEW", e as never) === "DECIDED";
  };

  it("suspension: 1 to 365 whole days", () => {
    expect(decided({ decision: "SUSPENSION", days: 1 })).toBe(true);
    expect(decided({ decision: "SUSPENSION", days: 365 })).toBe(true);
    expect(decided({ decision: "SUSPENSION", days: 0 })).toBe(false);
    expect(decided({ decision: "SUSPENSION", days: 366 })).toBe(false);
    expect(decided({ decision: "SUSPENSION" })).toBe(false);
  });
  it("blacklist: 1 to 10 whole years", () => {
    expect(decided({ decision: "BLACKLIST", years: 1 })).toBe(true);
    expect(decided({ decision: "BLACKLIST", years: 10 })).toBe(true);
    expect(decided({ decision: "BLACKLIST", years: 0 })).toBe(false);
    expect(decided({ decision: "BLACKLIST", years: 11 })).toBe(false);
    expect(decided({ decision: "BLACKLIST", years: 2.5 })).toBe(false);
    expect(decided({ decision: "BLACKLIST", years: Number.NaN })).toBe(false);
  });
  it("credit deduction: 1 to 100 whole points", () => {
    expect(decided({ decision: "CREDIT_DEDUCTION", points: 1 })).toBe(true);
    expect(decided({ decision: "CREDIT_DEDUCTION", points: 100 })).toBe(true);
    expect(decided({ decision: "CREDIT_DEDUCTION", points: 0 })).toBe(false);
    expect(decided({ decision: "CREDIT_DEDUCTION", points: 101 })).toBe(false);
    expect(decided({ decision: "CREDIT_DEDUCTION", points: 0.5 })).toBe(false);
  });
  it("a field missing from the form (undefined) counts as empty", () => {
    expect(decided({ decision: "WARNING", legalBasis: undefined as never })).toBe(false);
    expect(decided({ decision: "REMOVAL", evidence: undefined as never })).toBe(false);
    expect(decided({ decision: "NO_ACTION", reason: undefined as never, legalBasis: "", evidence: "" })).toBe(false);
    expect(
      to(caseMachine, "DECIDED", { type: "APPEAL", reason: undefined, isWithinWindow: true, decision: "WARNING" } as never),
    ).toBeNull();
    expect(to(caseMachine, "APPEAL", { type: "DECIDE_APPEAL", outcome: "REVOKED", reason: undefined } as never)).toBeNull();
  });
  const bad: Record<string, CaseEvent> = {
    DECIDE: decideEvent({ reason: " " }),
    APPEAL_LATE: { type: "APPEAL", reason: "事实认定有误", isWithinWindow: false, decision: "WARNING" },
    DECIDE_APPEAL: { type: "DECIDE_APPEAL", outcome: "UPHELD", reason: "" },
    FINALIZE: { type: "FINALIZE", isWindowOver: false },
    REJECT: { type: "REJECT", reason: " " },
    ISSUE_NOTICE_LIGHT: { ...(decideEvent({}) as Extract<CaseEvent, { type: "DECIDE" }>), type: "ISSUE_NOTICE" },
    SUBMIT_STATEMENT_LATE: { type: "SUBMIT_STATEMENT", statement: "申辩", isWithinPeriod: false, hasStatement: false },
    REQUEST_HEARING_LATE: { type: "REQUEST_HEARING", isWithinPeriod: false, hasWaived: false },
    SCHEDULE_HEARING_SOON: { type: "SCHEDULE_HEARING", place: "听证室", isFarEnoughAhead: false },
    RECORD_HEARING_EARLY: { type: "RECORD_HEARING", record: "笔录", isHearingDue: false },
    DECIDE_HEAVIER: {
      ...(decideEvent({ decision: "REMOVAL" }) as object),
      proposed: { decision: "SUSPENSION", days: 5 },
      isPeriodOver: true,
    } as CaseEvent,
  };
  for (const state of statesOf(caseMachine)) {
    for (const [name, event] of Object.entries(bad)) {
      it(`${state} × ${name} → refused`, () => expect(to(caseMachine, state, event as never)).toBeNull());
    }
  }
  it("a case starts OPEN; FINAL is terminal", () => {
    expect(initial(caseMachine)).toBe("OPEN");
    expect(terminal(caseMachine)).toEqual(["FINAL", "REJECTED"]);
  });
});

describe("objection machine", () => {
  const bad: ObjectionEvent[] = [
    { type: "UPHOLD", reason: " ", isPublicity: true },
    { type: "UPHOLD", reason: "理由", isPublicity: false },
    { type: "DISMISS", reason: "", isPublicity: true },
    { type: "DISMISS", reason: "理由", isPublicity: false },
  ];
  for (const state of statesOf(objectionMachine)) {
    for (const event of bad) {
      it(`${state} × ${event.type} (${JSON.stringify(event.reason)}, publicity ${event.isPublicity}) → refused`, () =>
        expect(to(objectionMachine, state, event as never)).toBeNull());
    }
  }
  it("an objection starts PENDING and is answered once: UPHELD and DISMISSED are terminal", () => {
    expect(initial(objectionMachine)).toBe("PENDING");
    expect(terminal(objectionMachine)).toEqual(["DISMISSED", "UPHELD"]);
  });
});

describe("request machine: every guarded transition refuses its bad event in every state", () => {
  const bad: Record<string, RequestEvent> = {
    PUBLISH_ITEM_NOT_IN_FORCE: { type: "PUBLISH", isItemInForce: false, fairness: "ok" },
    PUBLISH_DOUBTFUL_ITEM_NOT_IN_FORCE: { type: "PUBLISH", isItemInForce: false, fairness: "review" },
    PUBLISH_UNFAIR: { type: "PUBLISH", isItemInForce: true, fairness: "refuse" },
    APPROVE_FAIRNESS_ITEM_NOT_IN_FORCE: { type: "APPROVE_FAIRNESS", isItemInForce: false },
    RETURN_FAIRNESS_NO_REASON: { type: "RETURN_FAIRNESS", reason: " " },
    CANCEL_NO_REASON: { type: "CANCEL", reason: " ", isPastDeadline: false },
    CANCEL_PAST_DEADLINE: { type: "CANCEL", reason: "项目取消", isPastDeadline: true },
    CLOSE_EARLY: { type: "CLOSE", isPastDeadline: false },
    PICK_NOT_DIRECT: { type: "PICK", isDirect: false, isEligibleBid: true },
    PICK_INELIGIBLE: { type: "PICK", isDirect: true, isEligibleBid: false },
    CONFIRM_DURING_PUBLICITY: {
      type: "CONFIRM_CONTRACT",
      isPublicityOver: false,
      hasPendingObjections: false,
      enterpriseConfirmed: true,
      agencyConfirmed: true,
    },
    CONFIRM_WITH_OBJECTION: {
      type: "CONFIRM_CONTRACT",
      isPublicityOver: true,
      hasPendingObjections: true,
      enterpriseConfirmed: true,
      agencyConfirmed: true,
    },
    CONFIRM_ONE_SIDE_DURING_PUBLICITY: {
      type: "CONFIRM_CONTRACT",
      isPublicityOver: false,
      hasPendingObjections: false,
      enterpriseConfirmed: true,
      agencyConfirmed: false,
    },
    CONFIRM_ONE_SIDE_WITH_OBJECTION: {
      type: "CONFIRM_CONTRACT",
      isPublicityOver: true,
      hasPendingObjections: true,
      enterpriseConfirmed: false,
      agencyConfirmed: true,
    },
    CONFIRM_BY_NOBODY: {
      type: "CONFIRM_CONTRACT",
      isPublicityOver: true,
      hasPendingObjections: false,
      enterpriseConfirmed: false,
      agencyConfirmed: false,
    },
    RETURN_NO_REASON: { type: "RETURN", reason: "  " },
    RECORD_CONTRACT_TWICE: { type: "RECORD_CONTRACT", isRecorded: true },
    AMEND_UNRECORDED: { type: "AMEND_CONTRACT", isRecorded: false, reason: "更正金额" },
    AMEND_NO_REASON: { type: "AMEND_CONTRACT", isRecorded: true, reason: " " },
    TERMINATE_NO_SANCTION: { type: "TERMINATE", reason: "不想做了", isAgencySanctioned: false },
    TERMINATE_NO_REASON: { type: "TERMINATE", reason: " ", isAgencySanctioned: true },
  };
  for (const state of statesOf(requestMachine)) {
    for (const [name, event] of Object.entries(bad)) {
      it(`${state} × ${name} → refused`, () => expect(to(requestMachine, state, event as never)).toBeNull());
    }
  }
  it("too few valid bids fail the round (流标); at least one valid bid is always needed", () => {
    expect(to(requestMachine, "CLOSED", { type: "SELECT", validBids: 2, minBidders: 3 } as never)).toBe("FAILED");
    expect(to(requestMachine, "CLOSED", { type: "SELECT", validBids: 3, minBidders: 3 } as never)).toBe("AWARD_PUBLICITY");
    expect(to(requestMachine, "CLOSED", { type: "SELECT", validBids: 0, minBidders: 0 } as never)).toBe("FAILED");
    expect(to(requestMachine, "CLOSED", { type: "SELECT", validBids: 1, minBidders: 0 } as never)).toBe("AWARD_PUBLICITY");
  });
  it("an upheld objection with no next bid fails the round", () => {
    expect(to(requestMachine, "AWARD_PUBLICITY", { type: "UPHOLD_OBJECTION", hasNextBid: false } as never)).toBe("FAILED");
  });
  it("a request starts as DRAFT; completed, cancelled, failed and terminated requests are terminal", () => {
    expect(initial(requestMachine)).toBe("DRAFT");
    expect(terminal(requestMachine)).toEqual(["CANCELLED", "COMPLETED", "FAILED", "TERMINATED"]);
  });
});
