/**
 * The case statuses between a prior notice and the decision (事先告知、陈述申辩、听证, decision 033): each is
 * a queue on the regulator's dashboard. Kept free of zod so a page component may import it.
 */
export const DUE_PROCESS_STATUSES = ["NOTICE_ISSUED", "HEARING_REQUESTED", "HEARING_SCHEDULED", "HEARING_HELD"] as const;
