import { assertEvent, setup } from "xstate";

/**
 * A sanction on a practitioner (从业人员惩戒, decision 035). State names equal the Prisma enum
 * PractitionerSanctionStatus. A sanction is imposed IN_FORCE; its period ending (expiry) is a
 * database timestamp read against the clock, not a transition. The regulator may revoke it
 * (撤销: on review, on a court's decision, on a mistake) with a published reason; the entry stays
 * on the public record, marked revoked.
 */
export type PractitionerSanctionEvent = { type: "REVOKE"; reason: string };

export const practitionerSanctionMachine = setup({
  // Stryker disable next-line ObjectLiteral: `types` is compile-time only; xstate ignores its value at run time
  types: { events: {} as PractitionerSanctionEvent },
  guards: {
    hasReason: ({ event }) => {
      assertEvent(event, "REVOKE");
      return event.reason.trim().length > 0;
    },
  },
}).createMachine({
  // Stryker disable next-line StringLiteral: the machine id only labels it for inspection tools; decide() and no rule read it
  id: "practitionerSanction",
  initial: "IN_FORCE",
  states: {
    IN_FORCE: { on: { REVOKE: { target: "REVOKED", guard: "hasReason" } } },
    REVOKED: { type: "final" },
  },
});
