import type { SanctionKind } from "~/generated/prisma/enums";

// Constants of the public credit disclosure shared by the server and the page
// (a route's component may not import a .server module).

export const SANCTION_KINDS = [
  "WARNING",
  "CREDIT_DEDUCTION",
  "SUSPENSION",
  "REMOVAL",
  "BLACKLIST",
] as const satisfies readonly SanctionKind[];

/**
 * State of an entry against the database clock:
 * active  生效中 — started, not ended, not revoked;
 * pending 待生效 — decided with a later start;
 * expired 已期满 — its end has passed;
 * revoked 已撤销 — revoked on appeal (stays public with the reason).
 */
export const DISCLOSURE_STATES = ["active", "pending", "expired", "revoked"] as const;
export type DisclosureState = (typeof DISCLOSURE_STATES)[number];

export const DISCLOSURE_PAGE_SIZE = 20;
export const OPEN_DATA_PAGE_SIZE = 100;
export const OPEN_DATA_MAX_PAGE_SIZE = 500;
