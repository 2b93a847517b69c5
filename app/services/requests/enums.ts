import type { RequestStatus, SelectionMethod } from "~/generated/prisma/enums";

// Client-safe lists of the request enums, in display order (filters, forms).
export const REQUEST_STATUSES = [
  "DRAFT",
  "OPEN",
  "CLOSED",
  "AWARD_PUBLICITY",
  "CONTRACTED",
  "IN_SERVICE",
  "DELIVERED",
  "COMPLETED",
  "CANCELLED",
  "FAILED",
] as const satisfies readonly RequestStatus[];
export const SELECTION_METHODS = [
  "LOWEST_PRICE",
  "RANDOM_DRAW",
  "SCORED",
  "AVERAGE_PRICE",
  "DIRECT",
] as const satisfies readonly SelectionMethod[];
