import { z } from "~/lib/zod";

// The regulator's practitioner sanctions (decision 035). Messages are i18n keys, shown next to the field.

export const PRACTITIONER_SANCTION_KINDS = ["WARNING", "SUSPENSION", "BLACKLIST"] as const;
export type PractitionerSanctionKindInput = (typeof PRACTITIONER_SANCTION_KINDS)[number];

import { PRACTITIONER_LIMITS } from "./practitioner-limits";

export { PRACTITIONER_LIMITS };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const text = (max: number) =>
  z
    .string({ error: "errors.required" })
    .trim()
    .min(1, "errors.required")
    .max(max, "errors.tooLong")
    .refine((s) => !CONTROL.test(s), "agencyProfile.errors.invalidCharacters")
    .transform((s) => s.replace(/\r\n/g, "\n"));

const wholeNumber = z
  .string()
  .trim()
  .optional()
  .transform((s) => (s ? s : undefined));

export const practitionerSanctionSchema = z
  .object({
    kind: z.enum(PRACTITIONER_SANCTION_KINDS, { error: "errors.invalidChoice" }),
    days: wholeNumber,
    years: wholeNumber,
    reason: text(PRACTITIONER_LIMITS.reason),
    legalBasis: text(PRACTITIONER_LIMITS.legalBasis),
    evidence: text(PRACTITIONER_LIMITS.evidence),
  })
  .transform((v, ctx) => {
    const count = (raw: string | undefined, max: number, field: "days" | "years") => {
      if (!raw) {
        ctx.addIssue({ code: "custom", path: [field], message: "errors.required" });
        return 0;
      }
      const n = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
      if (!(n >= 1 && n <= max)) {
        ctx.addIssue({ code: "custom", path: [field], message: `practitioners.errors.${field}Range` });
        return 0;
      }
      return n;
    };
    const days = v.kind === "SUSPENSION" ? count(v.days, PRACTITIONER_LIMITS.maxDays, "days") : null;
    const years = v.kind === "BLACKLIST" ? count(v.years, PRACTITIONER_LIMITS.maxYears, "years") : null;
    return { kind: v.kind, days, years, reason: v.reason, legalBasis: v.legalBasis, evidence: v.evidence };
  });
export type PractitionerSanctionInput = z.infer<typeof practitionerSanctionSchema>;

export const revokePractitionerSanctionSchema = z.object({
  sanctionId: z.string({ error: "errors.invalidChoice" }).regex(/^[0-9a-fA-F-]{1,64}$/, "errors.invalidChoice"),
  revokeReason: text(PRACTITIONER_LIMITS.reason),
});

const sanctionId = z.string({ error: "errors.invalidChoice" }).regex(/^[0-9a-fA-F-]{1,64}$/, "errors.invalidChoice");

/** 申诉 (decision 040): the agency's grounds. */
export const objectPractitionerSanctionSchema = z.object({ sanctionId, objectionReason: text(PRACTITIONER_LIMITS.reason) });

/** 复核 (decision 040): the regulator upholds or revokes, with a reason. */
export const decidePractitionerObjectionSchema = z.object({
  sanctionId,
  outcome: z.enum(["UPHELD", "REVOKED"], { error: "errors.invalidChoice" }),
  decisionReason: text(PRACTITIONER_LIMITS.reason),
});
