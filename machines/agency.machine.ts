import { assertEvent, setup } from "xstate";

/**
 * Agency listing lifecycle (docs/principles.md "Agency"). State names equal the Prisma
 * enum AgencyStatus. Events carry the facts the guards need (credentials,
 * blacklist, the database clock's verdict), so the machine stays pure and the
 * service supplies them from the database inside its transaction.
 *
 * A blacklist is not a state: it is a credit-list entry (Sanction BLACKLIST)
 * with a start and an end. Deciding one moves the agency to REMOVED; while it
 * is in force every way back (APPROVE, REAPPLY) is refused.
 */
export type AgencyEvent =
  | { type: "APPROVE"; hasValidCredential: boolean; isBlacklisted: boolean }
  | { type: "REJECT"; reason: string }
  | { type: "REAPPLY"; isBlacklisted: boolean }
  /** `now` is the database clock; a suspension must end in the future. */
  | { type: "SUSPEND"; reason: string; until: Date; now: Date }
  /** Back to LISTED: the suspension ended (scheduler) or an appeal revoked the sanction. */
  | { type: "REINSTATE"; isDue: boolean }
  | { type: "REMOVE"; reason: string }
  /** 自愿退出: only with no open bids and no running contracts. */
  | { type: "EXIT"; openBids: number; runningContracts: number };

export const agencyMachine = setup({
  // Stryker disable next-line ObjectLiteral: `types` is compile-time only; xstate ignores its value at run time
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
      assertEvent(event, ["REJECT", "REMOVE"]);
      return event.reason.trim().length > 0;
    },
    hasFutureEnd: ({ event }) => {
      assertEvent(event, "SUSPEND");
      return event.reason.trim().length > 0 && event.until.getTime() > event.now.getTime();
    },
    isDue: ({ event }) => {
      assertEvent(event, "REINSTATE");
      return event.isDue;
    },
    hasNoOpenWork: ({ event }) => {
      assertEvent(event, "EXIT");
      return event.openBids === 0 && event.runningContracts === 0;
    },
  },
}).createMachine({
  // Stryker disable next-line StringLiteral: the machine id only labels it for inspection tools; decide() and no rule read it
  id: "agency",
  initial: "APPLIED",
  states: {
    APPLIED: {
      on: {
        APPROVE: { target: "LISTED", guard: "isListable" },
        REJECT: { target: "REJECTED", guard: "hasReason" },
        REMOVE: { target: "REMOVED", guard: "hasReason" },
        EXIT: { target: "EXITED", guard: "hasNoOpenWork" },
      },
    },
    REJECTED: {
      on: {
        REAPPLY: { target: "APPLIED", guard: "isNotBlacklisted" },
        REMOVE: { target: "REMOVED", guard: "hasReason" },
      },
    },
    LISTED: {
      on: {
        SUSPEND: { target: "SUSPENDED", guard: "hasFutureEnd" },
        REMOVE: { target: "REMOVED", guard: "hasReason" },
        EXIT: { target: "EXITED", guard: "hasNoOpenWork" },
      },
    },
    SUSPENDED: {
      on: {
        // A second suspension while suspended extends it (the service keeps the later end).
        // Stryker disable next-line BooleanLiteral: re-entering vs staying differs only in entry/exit actions, and this machine has none
        SUSPEND: { target: "SUSPENDED", guard: "hasFutureEnd", reenter: true },
        REINSTATE: { target: "LISTED", guard: "isDue" },
        REMOVE: { target: "REMOVED", guard: "hasReason" },
      },
    },
    // Out of the directory. Coming back means a new application and review, and
    // only once no blacklist entry is in force; an appeal that revokes the
    // removal reinstates the listing directly.
    REMOVED: {
      on: {
        REAPPLY: { target: "APPLIED", guard: "isNotBlacklisted" },
        REINSTATE: { target: "LISTED", guard: "isDue" },
      },
    },
    // Left voluntarily; may apply again later (a fresh review).
    EXITED: {
      on: {
        REAPPLY: { target: "APPLIED", guard: "isNotBlacklisted" },
        REMOVE: { target: "REMOVED", guard: "hasReason" },
      },
    },
  },
});
