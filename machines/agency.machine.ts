import { assertEvent, setup } from "xstate";

/**
 * Agency listing lifecycle (DOMAIN.md "Agency"). State names equal the Prisma
 * enum AgencyStatus. Events carry the facts the guards need (credentials,
 * blacklist), so the machine stays pure and the service supplies them from
 * the database inside its transaction.
 */
export type AgencyEvent =
  | { type: "APPROVE"; hasValidCredential: boolean; isBlacklisted: boolean }
  | { type: "REJECT"; reason: string }
  | { type: "REAPPLY"; isBlacklisted: boolean }
  | { type: "SUSPEND"; reason: string; until: Date }
  | { type: "REINSTATE" }
  | { type: "REMOVE"; reason: string };

export const agencyMachine = setup({
  types: { events: {} as AgencyEvent },
  guards: {
    // Listing needs at least one unexpired credential: an agency with nothing to
    // show could never bid, and the directory must only list agencies that can.
    isListable: ({ event }) => {
      assertEvent(event, "APPROVE");
      return event.hasValidCredential && !event.isBlacklisted;
    },
    // A blacklist entry in force blocks listing and re-applying (Principle 7).
    isNotBlacklisted: ({ event }) => {
      assertEvent(event, "REAPPLY");
      return !event.isBlacklisted;
    },
    // Due process: every adverse decision states its reason.
    hasReason: ({ event }) => {
      assertEvent(event, ["REJECT", "SUSPEND", "REMOVE"]);
      return event.reason.trim().length > 0;
    },
    hasFutureEnd: ({ event }) => {
      assertEvent(event, "SUSPEND");
      return event.reason.trim().length > 0 && event.until.getTime() > Date.now();
    },
  },
}).createMachine({
  id: "agency",
  initial: "APPLIED",
  states: {
    APPLIED: {
      on: {
        APPROVE: { target: "LISTED", guard: "isListable" },
        REJECT: { target: "REJECTED", guard: "hasReason" },
      },
    },
    REJECTED: {
      on: { REAPPLY: { target: "APPLIED", guard: "isNotBlacklisted" } },
    },
    LISTED: {
      on: {
        SUSPEND: { target: "SUSPENDED", guard: "hasFutureEnd" },
        REMOVE: { target: "REMOVED", guard: "hasReason" },
      },
    },
    SUSPENDED: {
      on: {
        REINSTATE: { target: "LISTED" },
        REMOVE: { target: "REMOVED", guard: "hasReason" },
      },
    },
    // Permanent for the platform: a removed agency leaves the directory.
    REMOVED: { type: "final" },
  },
});
