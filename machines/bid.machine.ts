import { assertEvent, setup } from "xstate";

/**
 * Bid lifecycle. State names equal the Prisma enum BidStatus. Revising and
 * withdrawing are only possible while the request is open, judged by the
 * database clock and passed in as `isOpen`.
 */
export type BidEvent =
  | { type: "REVISE"; isOpen: boolean; isWithinCap: boolean }
  | { type: "WITHDRAW"; isOpen: boolean }
  | { type: "INVALIDATE"; reason: string }
  | { type: "WIN" }
  | { type: "LOSE" };

export const bidMachine = setup({
  // Stryker disable next-line ObjectLiteral: `types` is compile-time only; xstate ignores its value at run time
  types: { events: {} as BidEvent },
  guards: {
    canRevise: ({ event }) => {
      assertEvent(event, "REVISE");
      return event.isOpen && event.isWithinCap;
    },
    isOpen: ({ event }) => {
      assertEvent(event, "WITHDRAW");
      return event.isOpen;
    },
    hasReason: ({ event }) => {
      assertEvent(event, "INVALIDATE");
      return event.reason.trim().length > 0;
    },
  },
}).createMachine({
  // Stryker disable next-line StringLiteral: the machine id only labels it for inspection tools; decide() and no rule read it
  id: "bid",
  initial: "SUBMITTED",
  states: {
    SUBMITTED: {
      on: {
        // Stryker disable next-line BooleanLiteral: re-entering vs staying differs only in entry/exit actions, and this machine has none
        REVISE: { target: "SUBMITTED", guard: "canRevise", reenter: true },
        WITHDRAW: { target: "WITHDRAWN", guard: "isOpen" },
        INVALIDATE: { target: "INVALIDATED", guard: "hasReason" },
        WIN: "WON",
        LOSE: "LOST",
      },
    },
    // An upheld objection against the winner invalidates its bid.
    WON: { on: { INVALIDATE: { target: "INVALIDATED", guard: "hasReason" } } },
    // …and the next-ranked bid is promoted.
    LOST: { on: { WIN: "WON" } },
    WITHDRAWN: { type: "final" },
    INVALIDATED: { type: "final" },
  },
});
