import { describe, expect, it } from "vitest";
import { BidStatus, RequestStatus } from "~/generated/prisma/enums";
import { decide, initialStateOf, statesOf } from "./apply";
import { bidMachine, isWithinCap, type BidEvent } from "./bid.machine";
import { requestMachine, type RequestEvent } from "./request.machine";

const ok: Record<string, RequestEvent> = {
  PUBLISH: { type: "PUBLISH", isItemInForce: true, fairness: "ok" },
  PUBLISH_DOUBTFUL: { type: "PUBLISH", isItemInForce: true, fairness: "review" },
  APPROVE_FAIRNESS: { type: "APPROVE_FAIRNESS", isItemInForce: true },
  EDIT: { type: "EDIT" },
  RETURN_FAIRNESS: { type: "RETURN_FAIRNESS", reason: "“本地”一词请删除" },
  CANCEL: { type: "CANCEL", reason: "项目取消", isPastDeadline: false },
  CLOSE: { type: "CLOSE", isPastDeadline: true },
  SELECT: { type: "SELECT", validBids: 3, minBidders: 3 },
  PICK: { type: "PICK", isDirect: true, isEligibleBid: true },
  UPHOLD_OBJECTION: { type: "UPHOLD_OBJECTION", hasNextBid: true },
  CONFIRM_CONTRACT: {
    type: "CONFIRM_CONTRACT",
    isPublicityOver: true,
    hasPendingObjections: false,
    enterpriseConfirmed: true,
    agencyConfirmed: true,
  },
  START_SERVICE: { type: "START_SERVICE" },
  DELIVER: { type: "DELIVER" },
  ACCEPT: { type: "ACCEPT" },
  RETURN: { type: "RETURN", reason: "报告缺少附图" },
  RECORD_CONTRACT: { type: "RECORD_CONTRACT", isRecorded: false },
  AMEND_CONTRACT: { type: "AMEND_CONTRACT", isRecorded: true, reason: "补充协议调减合同金额" },
  TERMINATE: { type: "TERMINATE", reason: "中介机构被暂停执业", isAgencySanctioned: true },
};

const requestTable: Record<string, Partial<Record<string, string>>> = {
  DRAFT: { PUBLISH: "OPEN", PUBLISH_DOUBTFUL: "FAIRNESS_REVIEW", CANCEL: "CANCELLED", EDIT: "DRAFT" },
  FAIRNESS_REVIEW: { APPROVE_FAIRNESS: "OPEN", RETURN_FAIRNESS: "DRAFT", CANCEL: "CANCELLED" },
  OPEN: { CLOSE: "CLOSED", CANCEL: "CANCELLED" },
  CLOSED: { SELECT: "AWARD_PUBLICITY", PICK: "AWARD_PUBLICITY" },
  AWARD_PUBLICITY: { UPHOLD_OBJECTION: "AWARD_PUBLICITY", CONFIRM_CONTRACT: "CONTRACTED", TERMINATE: "TERMINATED" },
  CONTRACTED: { START_SERVICE: "IN_SERVICE", TERMINATE: "TERMINATED" },
  IN_SERVICE: { DELIVER: "DELIVERED", RECORD_CONTRACT: "IN_SERVICE", AMEND_CONTRACT: "IN_SERVICE", TERMINATE: "TERMINATED" },
  DELIVERED: {
    ACCEPT: "COMPLETED",
    RETURN: "IN_SERVICE",
    RECORD_CONTRACT: "DELIVERED",
    AMEND_CONTRACT: "DELIVERED",
    TERMINATE: "TERMINATED",
  },
  COMPLETED: {},
  CANCELLED: {},
  FAILED: {},
  TERMINATED: {},
};

describe("request machine", () => {
  it("has exactly the states of the database enum", () => {
    expect(statesOf(requestMachine).sort()).toEqual(Object.values(RequestStatus).sort());
  });
  for (const [state, row] of Object.entries(requestTable)) {
    for (const event of Object.keys(ok)) {
      const expected = row[event] ?? null;
      it(`${state} × ${event} → ${expected ?? "refused"}`, () => {
        const r = decide(requestMachine, state, ok[event]!);
        expect(r.ok ? r.to : null).toBe(expected);
      });
    }
  }
  it("records a contract once", () => {
    expect(decide(requestMachine, "IN_SERVICE", { type: "RECORD_CONTRACT", isRecorded: true }).ok).toBe(false);
  });
  it("amends only a recorded contract, and only with a reason", () => {
    expect(decide(requestMachine, "IN_SERVICE", { type: "AMEND_CONTRACT", isRecorded: false, reason: "更正" }).ok).toBe(false);
    expect(decide(requestMachine, "DELIVERED", { type: "AMEND_CONTRACT", isRecorded: true, reason: "  " }).ok).toBe(false);
  });
  it("terminates a contract only after a sanction on the agency, with a reason", () => {
    expect(decide(requestMachine, "IN_SERVICE", { type: "TERMINATE", reason: "x", isAgencySanctioned: false }).ok).toBe(false);
    expect(decide(requestMachine, "IN_SERVICE", { type: "TERMINATE", reason: " ", isAgencySanctioned: true }).ok).toBe(false);
  });
  it("refuses to publish a retired item or unfair terms", () => {
    expect(decide(requestMachine, "DRAFT", { type: "PUBLISH", isItemInForce: false, fairness: "ok" }).ok).toBe(false);
    expect(decide(requestMachine, "DRAFT", { type: "PUBLISH", isItemInForce: false, fairness: "review" }).ok).toBe(false);
    expect(decide(requestMachine, "DRAFT", { type: "PUBLISH", isItemInForce: true, fairness: "refuse" }).ok).toBe(false);
  });
  it("a request held for fair-competition review is published only while its item is in force, returned only with a reason", () => {
    expect(decide(requestMachine, "FAIRNESS_REVIEW", { type: "APPROVE_FAIRNESS", isItemInForce: false }).ok).toBe(false);
    expect(decide(requestMachine, "FAIRNESS_REVIEW", { type: "RETURN_FAIRNESS", reason: "  " }).ok).toBe(false);
  });
  it("does not close before the deadline, and cannot be cancelled after it", () => {
    expect(decide(requestMachine, "OPEN", { type: "CLOSE", isPastDeadline: false }).ok).toBe(false);
    expect(decide(requestMachine, "OPEN", { type: "CANCEL", reason: "x", isPastDeadline: true }).ok).toBe(false);
    expect(decide(requestMachine, "OPEN", { type: "CANCEL", reason: " ", isPastDeadline: false }).ok).toBe(false);
  });
  it("fails the round (流标) below the minimum number of valid bids", () => {
    expect(decide(requestMachine, "CLOSED", { type: "SELECT", validBids: 2, minBidders: 3 })).toEqual({ ok: true, to: "FAILED" });
    expect(decide(requestMachine, "CLOSED", { type: "SELECT", validBids: 0, minBidders: 1 })).toEqual({ ok: true, to: "FAILED" });
  });
  it("lets only DIRECT requests pick, and an upheld objection with nobody left fails", () => {
    expect(decide(requestMachine, "CLOSED", { type: "PICK", isDirect: false, isEligibleBid: true }).ok).toBe(false);
    expect(decide(requestMachine, "AWARD_PUBLICITY", { type: "UPHOLD_OBJECTION", hasNextBid: false })).toEqual({ ok: true, to: "FAILED" });
  });
  const confirm = (more: Partial<Extract<RequestEvent, { type: "CONFIRM_CONTRACT" }>>): RequestEvent => ({
    type: "CONFIRM_CONTRACT",
    isPublicityOver: true,
    hasPendingObjections: false,
    enterpriseConfirmed: true,
    agencyConfirmed: true,
    ...more,
  });
  it("contracts only after publicity, with no pending objection", () => {
    expect(decide(requestMachine, "AWARD_PUBLICITY", confirm({ isPublicityOver: false })).ok).toBe(false);
    expect(decide(requestMachine, "AWARD_PUBLICITY", confirm({ hasPendingObjections: true })).ok).toBe(false);
    expect(decide(requestMachine, "AWARD_PUBLICITY", confirm({ isPublicityOver: false, agencyConfirmed: false })).ok).toBe(false);
    expect(decide(requestMachine, "AWARD_PUBLICITY", confirm({ hasPendingObjections: true, enterpriseConfirmed: false })).ok).toBe(false);
  });
  it("one side's confirmation keeps the award waiting; both sign the contract", () => {
    expect(decide(requestMachine, "AWARD_PUBLICITY", confirm({ agencyConfirmed: false }))).toEqual({ ok: true, to: "AWARD_PUBLICITY" });
    expect(decide(requestMachine, "AWARD_PUBLICITY", confirm({ enterpriseConfirmed: false }))).toEqual({ ok: true, to: "AWARD_PUBLICITY" });
    expect(decide(requestMachine, "AWARD_PUBLICITY", confirm({}))).toEqual({ ok: true, to: "CONTRACTED" });
    // A confirmation by nobody is no confirmation.
    expect(decide(requestMachine, "AWARD_PUBLICITY", confirm({ enterpriseConfirmed: false, agencyConfirmed: false })).ok).toBe(false);
    // Once signed, a further confirmation changes nothing.
    expect(decide(requestMachine, "CONTRACTED", confirm({})).ok).toBe(false);
  });
});

const CAP = 100_000_00n;
const bidOk: Record<string, BidEvent> = {
  SUBMIT: { type: "SUBMIT", isOpen: true, amountFen: CAP, priceCapFen: CAP },
  REVISE: { type: "REVISE", isOpen: true, amountFen: CAP, priceCapFen: CAP },
  ADMIT: { type: "ADMIT", isAgencyListed: true, amountFen: CAP, priceCapFen: CAP },
  WITHDRAW: { type: "WITHDRAW", isOpen: true },
  INVALIDATE: { type: "INVALIDATE", reason: "机构被暂停" },
  WIN: { type: "WIN" },
  LOSE: { type: "LOSE" },
};
const bidTable: Record<string, Partial<Record<string, string>>> = {
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

describe("bid machine", () => {
  it("a new bid is judged against the initial state", () => {
    expect(initialStateOf(bidMachine)).toBe("SUBMITTED");
  });
  it("has exactly the states of the database enum", () => {
    expect(statesOf(bidMachine).sort()).toEqual(Object.values(BidStatus).sort());
  });
  for (const [state, row] of Object.entries(bidTable)) {
    for (const event of Object.keys(bidOk)) {
      const expected = row[event] ?? null;
      it(`${state} × ${event} → ${expected ?? "refused"}`, () => {
        const r = decide(bidMachine, state, bidOk[event]!);
        expect(r.ok ? r.to : null).toBe(expected);
      });
    }
  }
  it("cannot be submitted, revised or withdrawn after closing", () => {
    expect(decide(bidMachine, "SUBMITTED", { type: "SUBMIT", isOpen: false, amountFen: 1n, priceCapFen: CAP }).ok).toBe(false);
    expect(decide(bidMachine, "SUBMITTED", { type: "REVISE", isOpen: false, amountFen: 1n, priceCapFen: CAP }).ok).toBe(false);
    expect(decide(bidMachine, "SUBMITTED", { type: "WITHDRAW", isOpen: false }).ok).toBe(false);
  });
  it("the price cap (Principle 5): a bid at the cap is valid, one fen above it is not", () => {
    for (const type of ["SUBMIT", "REVISE"] as const) {
      expect(decide(bidMachine, "SUBMITTED", { type, isOpen: true, amountFen: CAP, priceCapFen: CAP })).toEqual({
        ok: true,
        to: "SUBMITTED",
      });
      expect(decide(bidMachine, "SUBMITTED", { type, isOpen: true, amountFen: CAP + 1n, priceCapFen: CAP }).ok).toBe(false);
    }
    expect(isWithinCap({ amountFen: CAP, priceCapFen: CAP })).toBe(true);
    expect(isWithinCap({ amountFen: CAP + 1n, priceCapFen: CAP })).toBe(false);
  });
  it("at closing a bid is admitted within the cap from a listed agency, else invalidated", () => {
    const admit = (amountFen: bigint, isAgencyListed: boolean) =>
      decide(bidMachine, "SUBMITTED", { type: "ADMIT", isAgencyListed, amountFen, priceCapFen: CAP });
    expect(admit(CAP, true)).toEqual({ ok: true, to: "SUBMITTED" });
    expect(admit(CAP + 1n, true)).toEqual({ ok: true, to: "INVALIDATED" });
    expect(admit(1n, false)).toEqual({ ok: true, to: "INVALIDATED" });
    for (const state of ["WON", "LOST", "WITHDRAWN", "INVALIDATED"]) {
      expect(decide(bidMachine, state, { type: "ADMIT", isAgencyListed: true, amountFen: 1n, priceCapFen: CAP }).ok).toBe(false);
    }
  });
});
