import { describe, expect, it } from "vitest";
import { BidStatus, RequestStatus } from "~/generated/prisma/enums";
import { decide, statesOf } from "./apply";
import { bidMachine, type BidEvent } from "./bid.machine";
import { requestMachine, type RequestEvent } from "./request.machine";

const ok: Record<string, RequestEvent> = {
  PUBLISH: { type: "PUBLISH", isItemInForce: true, isFairCompetition: true },
  CANCEL: { type: "CANCEL", reason: "项目取消", isPastDeadline: false },
  CLOSE: { type: "CLOSE", isPastDeadline: true },
  SELECT: { type: "SELECT", validBids: 3, minBidders: 3 },
  PICK: { type: "PICK", isDirect: true, isEligibleBid: true },
  UPHOLD_OBJECTION: { type: "UPHOLD_OBJECTION", hasNextBid: true },
  CONFIRM_CONTRACT: { type: "CONFIRM_CONTRACT", isPublicityOver: true, hasPendingObjections: false },
  START_SERVICE: { type: "START_SERVICE" },
  DELIVER: { type: "DELIVER" },
  ACCEPT: { type: "ACCEPT" },
  RETURN: { type: "RETURN", reason: "报告缺少附图" },
  TERMINATE: { type: "TERMINATE", reason: "中介机构被暂停执业", isAgencySanctioned: true },
};

const requestTable: Record<string, Partial<Record<string, string>>> = {
  DRAFT: { PUBLISH: "OPEN", CANCEL: "CANCELLED" },
  OPEN: { CLOSE: "CLOSED", CANCEL: "CANCELLED" },
  CLOSED: { SELECT: "AWARD_PUBLICITY", PICK: "AWARD_PUBLICITY" },
  AWARD_PUBLICITY: { UPHOLD_OBJECTION: "AWARD_PUBLICITY", CONFIRM_CONTRACT: "CONTRACTED", TERMINATE: "TERMINATED" },
  CONTRACTED: { START_SERVICE: "IN_SERVICE", TERMINATE: "TERMINATED" },
  IN_SERVICE: { DELIVER: "DELIVERED", TERMINATE: "TERMINATED" },
  DELIVERED: { ACCEPT: "COMPLETED", RETURN: "IN_SERVICE", TERMINATE: "TERMINATED" },
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
  it("terminates a contract only after a sanction on the agency, with a reason", () => {
    expect(decide(requestMachine, "IN_SERVICE", { type: "TERMINATE", reason: "x", isAgencySanctioned: false }).ok).toBe(false);
    expect(decide(requestMachine, "IN_SERVICE", { type: "TERMINATE", reason: " ", isAgencySanctioned: true }).ok).toBe(false);
  });
  it("refuses to publish a retired item or unfair terms", () => {
    expect(decide(requestMachine, "DRAFT", { type: "PUBLISH", isItemInForce: false, isFairCompetition: true }).ok).toBe(false);
    expect(decide(requestMachine, "DRAFT", { type: "PUBLISH", isItemInForce: true, isFairCompetition: false }).ok).toBe(false);
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
  it("contracts only after publicity, with no pending objection", () => {
    expect(decide(requestMachine, "AWARD_PUBLICITY", { type: "CONFIRM_CONTRACT", isPublicityOver: false, hasPendingObjections: false }).ok).toBe(false);
    expect(decide(requestMachine, "AWARD_PUBLICITY", { type: "CONFIRM_CONTRACT", isPublicityOver: true, hasPendingObjections: true }).ok).toBe(false);
  });
});

const bidOk: Record<string, BidEvent> = {
  REVISE: { type: "REVISE", isOpen: true, isWithinCap: true },
  WITHDRAW: { type: "WITHDRAW", isOpen: true },
  INVALIDATE: { type: "INVALIDATE", reason: "机构被暂停" },
  WIN: { type: "WIN" },
  LOSE: { type: "LOSE" },
};
const bidTable: Record<string, Partial<Record<string, string>>> = {
  SUBMITTED: { REVISE: "SUBMITTED", WITHDRAW: "WITHDRAWN", INVALIDATE: "INVALIDATED", WIN: "WON", LOSE: "LOST" },
  WON: { INVALIDATE: "INVALIDATED" },
  LOST: { WIN: "WON" },
  WITHDRAWN: {},
  INVALIDATED: {},
};

describe("bid machine", () => {
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
  it("cannot be revised or withdrawn after closing, nor revised above the cap", () => {
    expect(decide(bidMachine, "SUBMITTED", { type: "REVISE", isOpen: false, isWithinCap: true }).ok).toBe(false);
    expect(decide(bidMachine, "SUBMITTED", { type: "REVISE", isOpen: true, isWithinCap: false }).ok).toBe(false);
    expect(decide(bidMachine, "SUBMITTED", { type: "WITHDRAW", isOpen: false }).ok).toBe(false);
  });
});
