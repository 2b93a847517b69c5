import { assertEvent, setup } from "xstate";

/**
 * Objection (异议) during award publicity. State names equal the Prisma enum
 * ObjectionStatus. The regulator answers each objection once, with a reason;
 * the request machine's UPHOLD_OBJECTION then moves the award on.
 */
export type ObjectionEvent =
  | { type: "UPHOLD"; reason: string; isPublicity: boolean }
  | { type: "DISMISS"; reason: string; isPublicity: boolean };

export const objectionMachine = setup({
  // Stryker disable next-line ObjectLiteral: `types` is compile-time only; xstate ignores its value at run time
  types: { events: {} as ObjectionEvent },
  guards: {
    // Only while the award is under publicity, and always with a published reason.
    canDecide: ({ event }) => {
      assertEvent(event, ["UPHOLD", "DISMISS"]);
      return event.isPublicity && event.reason.trim().length > 0;
    },
  },
}).createMachine({
  // Stryker disable next-line StringLiteral: the machine id only labels it for inspection tools; decide() and no rule read it
  id: "objection",
  initial: "PENDING",
  states: {
    PENDING: {
      on: {
        UPHOLD: { target: "UPHELD", guard: "canDecide" },
        DISMISS: { target: "DISMISSED", guard: "canDecide" },
      },
    },
    UPHELD: { type: "final" },
    DISMISSED: { type: "final" },
  },
});
