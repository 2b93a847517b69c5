import { assertEvent, setup } from "xstate";

/**
 * A sanction on a practitioner (从业人员惩戒, decision 035). State names equal the Prisma enum
 * PractitionerSanctionStatus. A sanction is imposed IN_FORCE; its period ending (expiry) is a
 * database timestamp read against the clock, not a transition. The regulator may revoke it
 * (撤销: on review, on a court's decision, on a mistake) with a published reason; the entry stays
 * on the public record, marked revoked.
 *
 * 申诉/复核 (decision 040): the agency concerned may object once, within the window, with a reason
 * (OBJECT, a self-transition: the sanction stays in force while reviewed); the regulator then
 * upholds it (UPHOLD, self-transition) or revokes it (REVIEW_REVOKE), always with a reason.
 */
export type PractitionerSanctionEvent =
  | { type: "REVOKE"; reason: string }
  | { type: "OBJECT"; hasObjection: boolean; isWithinWindow: boolean; reason: string }
  | { type: "UPHOLD"; isUnderReview: boolean; reason: string }
  | { type: "REVIEW_REVOKE"; isUnderReview: boolean; reason: string };

const given = (reason: string) => reason.trim().length > 0;

export const practitionerSanctionMachine = setup({
  // Stryker disable next-line ObjectLiteral: `types` is compile-time only; xstate ignores its value at run time
  types: { events: {} as PractitionerSanctionEvent },
  guards: {
    hasReason: ({ event }) => {
      assertEvent(event, "REVOKE");
      return given(event.reason);
    },
    // Once, within the window, with a reason.
    canObject: ({ event }) => {
      assertEvent(event, "OBJECT");
      return !event.hasObjection && event.isWithinWindow && given(event.reason);
    },
    // A decision answers an objection under review, with a reason.
    canDecide: ({ event }) => {
      assertEvent(event, ["UPHOLD", "REVIEW_REVOKE"]);
      return event.isUnderReview && given(event.reason);
    },
  },
}).createMachine({
  // Stryker disable next-line StringLiteral: the machine id only labels it for inspection tools; decide() and no rule read it
  id: "practitionerSanction",
  initial: "IN_FORCE",
  states: {
    IN_FORCE: {
      on: {
        REVOKE: { target: "REVOKED", guard: "hasReason" },
        OBJECT: { target: "IN_FORCE", guard: "canObject" },
        UPHOLD: { target: "IN_FORCE", guard: "canDecide" },
        REVIEW_REVOKE: { target: "REVOKED", guard: "canDecide" },
      },
    },
    REVOKED: { type: "final" },
  },
});
