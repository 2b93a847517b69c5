import { z } from "~/lib/zod";

// The regulator's review decisions (POST /regulator/reviews), one schema per intent. Messages are i18n keys.

/** Same limit as the service's (REJECT_REASON_MAX); a .server constant cannot reach the component. */
export const REVIEW_REASON_MAX = 500;

const required = z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(REVIEW_REASON_MAX, "errors.tooLong");

export const approveSchema = z.object({
  agencyId: z.string().min(1),
  version: z.coerce.number().int(),
  reason: z.string().max(REVIEW_REASON_MAX, "errors.tooLong").optional(),
});
export const rejectSchema = z.object({ agencyId: z.string().min(1), version: z.coerce.number().int(), reason: required });

// Credentials added after listing (decision 015). The credential's own undecided
// state is the optimistic check: a second decision on it is a 409.
export const verifyCredentialSchema = z.object({ credentialId: z.string().min(1).max(100), reason: z.string().optional() });
export const rejectCredentialSchema = z.object({ credentialId: z.string().min(1).max(100), reason: required });
