// Apart from the schemas, so that a page can show the limits without loading zod (issue #13).
export const PRACTITIONER_LIMITS = {
  reason: 2000,
  legalBasis: 500,
  evidence: 2000,
  query: 50,
  /** 暂停执业: up to two years. */
  maxDays: 730,
  /** Blacklist: up to ten years (a permanent bar is a court's or a licensing body's, not this platform's). */
  maxYears: 10,
} as const;
