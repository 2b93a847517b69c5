import { assertEvent, setup } from "xstate";

/**
 * Request (项目) lifecycle, docs/principles.md "Lifecycles". State names equal the
 * Prisma enum RequestStatus. Deadlines are database timestamps: events carry
 * the database clock's verdict (`isPastDeadline`), never an in-memory timer.
 */
export type RequestEvent =
  /**
   * `fairness` is the fair-competition review's outcome over the request's texts
   * (app/services/fair-competition): "ok" opens bidding, "review" holds the request
   * for a regulator's pre-publication review (公平竞争审查), "refuse" is never published.
   */
  | { type: "PUBLISH"; isItemInForce: boolean; fairness: FairnessOutcome }
  /** The enterprise changes its draft (a returned one, say); only a draft can be changed. */
  | { type: "EDIT" }
  /** The regulator publishes a request held for fair-competition review. */
  | { type: "APPROVE_FAIRNESS"; isItemInForce: boolean }
  /** The regulator returns a held request to its enterprise's drafts, always with a reason. */
  | { type: "RETURN_FAIRNESS"; reason: string }
  | { type: "CANCEL"; reason: string; isPastDeadline: boolean }
  | { type: "CLOSE"; isPastDeadline: boolean }
  | { type: "SELECT"; validBids: number; minBidders: number }
  | { type: "PICK"; isDirect: boolean; isEligibleBid: boolean }
  | { type: "UPHOLD_OBJECTION"; hasNextBid: boolean }
  /**
   * One side confirms the contract. `enterpriseConfirmed` / `agencyConfirmed`
   * are the confirmations on record for the current award once this one is
   * added (the request's enterpriseConfirmedAt / agencyConfirmedAt columns):
   * with one side the award waits for the other; with both it is CONTRACTED.
   */
  | {
      type: "CONFIRM_CONTRACT";
      isPublicityOver: boolean;
      hasPendingObjections: boolean;
      enterpriseConfirmed: boolean;
      agencyConfirmed: boolean;
    }
  | { type: "START_SERVICE" }
  | { type: "DELIVER" }
  | { type: "ACCEPT" }
  | { type: "RETURN"; reason: string }
  /** 合同备案 (decision 034): the enterprise records the signed contract once, while the service runs; the status stays. */
  | { type: "RECORD_CONTRACT"; isRecorded: boolean }
  /** 合同备案变更 (decision 040): the enterprise corrects a recorded contract, with a reason; the status stays. */
  | { type: "AMEND_CONTRACT"; isRecorded: boolean; reason: string }
  /** 合同解除: the enterprise ends the engagement because the agency was suspended, removed or blacklisted. */
  | { type: "TERMINATE"; reason: string; isAgencySanctioned: boolean };

/**
 * States in which the winning bid is a running engagement: the enterprise may
 * end it (TERMINATE) after its agency is sanctioned, and the agency may not exit.
 */
export const RUNNING_STATES = ["AWARD_PUBLICITY", "CONTRACTED", "IN_SERVICE", "DELIVERED"] as const;
export type RunningState = (typeof RUNNING_STATES)[number];
export const isRunningState = (s: string): s is RunningState => (RUNNING_STATES as readonly string[]).includes(s);

export type FairnessOutcome = "ok" | "review" | "refuse";

export const requestMachine = setup({
  // Stryker disable next-line ObjectLiteral: `types` is compile-time only; xstate ignores its value at run time
  types: { events: {} as RequestEvent },
  guards: {
    // Principle 1 and 3: only items in force; no regional or designated-agency terms.
    canPublish: ({ event }) => {
      assertEvent(event, "PUBLISH");
      return event.isItemInForce && event.fairness === "ok";
    },
    // Doubtful wording is held for a regulator instead of being published unseen.
    needsFairnessReview: ({ event }) => {
      assertEvent(event, "PUBLISH");
      return event.isItemInForce && event.fairness === "review";
    },
    canApproveFairness: ({ event }) => {
      assertEvent(event, "APPROVE_FAIRNESS");
      return event.isItemInForce;
    },
    hasFairnessReason: ({ event }) => {
      assertEvent(event, "RETURN_FAIRNESS");
      return event.reason.trim().length > 0;
    },
    // Cancelling is allowed only before closing, and always with a reason.
    canCancel: ({ event }) => {
      assertEvent(event, "CANCEL");
      return event.reason.trim().length > 0 && !event.isPastDeadline;
    },
    isPastDeadline: ({ event }) => {
      assertEvent(event, "CLOSE");
      return event.isPastDeadline;
    },
    // 流标: fewer valid bids than the minimum fails the round.
    hasEnoughBids: ({ event }) => {
      assertEvent(event, "SELECT");
      return event.validBids >= Math.max(1, event.minBidders);
    },
    // Free choice (Principle 4) only for DIRECT requests, and only among valid bids.
    canPick: ({ event }) => {
      assertEvent(event, "PICK");
      return event.isDirect && event.isEligibleBid;
    },
    hasNextBid: ({ event }) => {
      assertEvent(event, "UPHOLD_OBJECTION");
      return event.hasNextBid;
    },
    // The contract may only follow a publicity period that ended without open
    // objections, and a confirmation is always some side's.
    canConfirm: ({ event }) => {
      assertEvent(event, "CONFIRM_CONTRACT");
      return event.isPublicityOver && !event.hasPendingObjections && (event.enterpriseConfirmed || event.agencyConfirmed);
    },
    // …and it is signed once both sides have confirmed.
    isSignedByBoth: ({ event }) => {
      assertEvent(event, "CONFIRM_CONTRACT");
      return event.isPublicityOver && !event.hasPendingObjections && event.enterpriseConfirmed && event.agencyConfirmed;
    },
    // One record per contract: a second one would contradict the first, published one.
    isNotRecorded: ({ event }) => {
      assertEvent(event, "RECORD_CONTRACT");
      return !event.isRecorded;
    },
    // Only a recorded contract can be corrected, and only with a reason (published with the change).
    canAmend: ({ event }) => {
      assertEvent(event, "AMEND_CONTRACT");
      return event.isRecorded && event.reason.trim().length > 0;
    },
    hasReason: ({ event }) => {
      assertEvent(event, "RETURN");
      return event.reason.trim().length > 0;
    },
    // Only a regulator's sanction on the awarded agency opens this exit, and always with a reason.
    canTerminate: ({ event }) => {
      assertEvent(event, "TERMINATE");
      return event.isAgencySanctioned && event.reason.trim().length > 0;
    },
  },
}).createMachine({
  // Stryker disable next-line StringLiteral: the machine id only labels it for inspection tools; decide() and no rule read it
  id: "request",
  initial: "DRAFT",
  states: {
    DRAFT: {
      on: {
        PUBLISH: [
          { target: "OPEN", guard: "canPublish" },
          { target: "FAIRNESS_REVIEW", guard: "needsFairnessReview" },
        ],
        CANCEL: { target: "CANCELLED", guard: "canCancel" },
        EDIT: "DRAFT",
      },
    },
    // 公平竞争审查: held before publication until a regulator publishes it or returns it to the drafts.
    FAIRNESS_REVIEW: {
      on: {
        APPROVE_FAIRNESS: { target: "OPEN", guard: "canApproveFairness" },
        RETURN_FAIRNESS: { target: "DRAFT", guard: "hasFairnessReason" },
        CANCEL: { target: "CANCELLED", guard: "canCancel" },
      },
    },
    OPEN: {
      on: {
        CLOSE: { target: "CLOSED", guard: "isPastDeadline" },
        CANCEL: { target: "CANCELLED", guard: "canCancel" },
      },
    },
    CLOSED: {
      on: {
        SELECT: [{ target: "AWARD_PUBLICITY", guard: "hasEnoughBids" }, { target: "FAILED" }],
        PICK: { target: "AWARD_PUBLICITY", guard: "canPick" },
      },
    },
    AWARD_PUBLICITY: {
      on: {
        // An upheld objection moves the award to the next-ranked bid (a new publicity period) or fails the round.
        // Stryker disable next-line BooleanLiteral: re-entering vs staying differs only in entry/exit actions, and this machine has none
        UPHOLD_OBJECTION: [{ target: "AWARD_PUBLICITY", guard: "hasNextBid", reenter: true }, { target: "FAILED" }],
        // One side's confirmation keeps the award waiting for the other's; both sign it.
        CONFIRM_CONTRACT: [
          { target: "CONTRACTED", guard: "isSignedByBoth" },
          { target: "AWARD_PUBLICITY", guard: "canConfirm" },
        ],
        TERMINATE: { target: "TERMINATED", guard: "canTerminate" },
      },
    },
    CONTRACTED: { on: { START_SERVICE: "IN_SERVICE", TERMINATE: { target: "TERMINATED", guard: "canTerminate" } } },
    IN_SERVICE: {
      on: {
        DELIVER: "DELIVERED",
        RECORD_CONTRACT: { target: "IN_SERVICE", guard: "isNotRecorded" },
        AMEND_CONTRACT: { target: "IN_SERVICE", guard: "canAmend" },
        TERMINATE: { target: "TERMINATED", guard: "canTerminate" },
      },
    },
    DELIVERED: {
      on: {
        ACCEPT: "COMPLETED",
        RETURN: { target: "IN_SERVICE", guard: "hasReason" },
        RECORD_CONTRACT: { target: "DELIVERED", guard: "isNotRecorded" },
        AMEND_CONTRACT: { target: "DELIVERED", guard: "canAmend" },
        TERMINATE: { target: "TERMINATED", guard: "canTerminate" },
      },
    },
    COMPLETED: { type: "final" },
    CANCELLED: { type: "final" },
    // A failed round stays FAILED; re-publishing creates a new request (round + 1).
    FAILED: { type: "final" },
    // Like FAILED, a terminated engagement may be re-published as a new round.
    TERMINATED: { type: "final" },
  },
});
