import type { RequestStatus, SelectionMethod } from "~/generated/prisma/enums";

// Client-safe lists of the request enums, in display order (filters, forms).
export const REQUEST_STATUSES = [
  "DRAFT",
  "FAIRNESS_REVIEW",
  "OPEN",
  "CLOSED",
  "AWARD_PUBLICITY",
  "CONTRACTED",
  "IN_SERVICE",
  "DELIVERED",
  "COMPLETED",
  "CANCELLED",
  "FAILED",
  "TERMINATED",
] as const satisfies readonly RequestStatus[];

/** Not (yet) public: the enterprise's drafts, and requests held for fair-competition review. */
export const UNPUBLISHED_STATES = ["DRAFT", "FAIRNESS_REVIEW"] as const satisfies readonly RequestStatus[];
export const isUnpublishedState = (s: string) => (UNPUBLISHED_STATES as readonly string[]).includes(s);
export const SELECTION_METHODS = [
  "LOWEST_PRICE",
  "RANDOM_DRAW",
  "SCORED",
  "AVERAGE_PRICE",
  "DIRECT",
] as const satisfies readonly SelectionMethod[];
