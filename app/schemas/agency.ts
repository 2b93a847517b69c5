import { dateIssue, yearInRange, z } from "~/lib/zod";
import { residentIdSchema } from "~/lib/resident-id";

// Agency self-service forms. Messages are i18n keys, translated next to the field.

// PostgreSQL text cannot hold NUL, and other control characters have no place in these fields.
// eslint-disable-next-line no-control-regex
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const requiredText = (max: number) =>
  z
    .string({ error: "errors.required" })
    .trim()
    .min(1, "errors.required")
    .max(max, "errors.tooLong")
    .refine((s) => !CONTROL_SINGLE_LINE.test(s), "agencyProfile.errors.invalidCharacters");

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "errors.tooLong")
    .refine((s) => !CONTROL_SINGLE_LINE.test(s), "agencyProfile.errors.invalidCharacters")
    .optional()
    .transform((s) => (s ? s : null));

export const LIMITS = {
  contactName: 50,
  email: 200,
  introduction: 2000,
  practitionerName: 50,
  qualification: 100,
  certificateNo: 50,
  credentialType: 50,
  credentialLevel: 30,
  credentialNumber: 50,
  issuer: 100,
  itemsPerCredential: 50,
} as const;

const recordId = z.string({ error: "errors.invalidChoice" }).regex(/^[0-9a-fA-F-]{1,64}$/, "errors.invalidChoice");

export const profileSchema = z.object({
  contactName: requiredText(LIMITS.contactName),
  contactPhone: z
    .string({ error: "errors.required" })
    .trim()
    .regex(/^[0-9+\-() ]{7,20}$/, "errors.phone"),
  contactEmail: z
    .string({ error: "errors.required" })
    .trim()
    .toLowerCase()
    .min(1, "errors.required")
    .max(LIMITS.email, "errors.tooLong")
    .pipe(z.email("errors.email")),
  introduction: z
    .string()
    .trim()
    .max(LIMITS.introduction, "errors.tooLong")
    .refine((s) => !CONTROL_MULTI_LINE.test(s), "agencyProfile.errors.invalidCharacters")
    .optional()
    .transform((s) => (s ?? "").replace(/\r\n/g, "\n")),
});
export type ProfileInput = z.infer<typeof profileSchema>;

export const practitionerSchema = z.object({
  name: requiredText(LIMITS.practitionerName),
  qualification: requiredText(LIMITS.qualification),
  certificateNo: optionalText(LIMITS.certificateNo),
  /** 18-digit resident ID number with its check digit; kept only as an HMAC and a masked form (decision 035). */
  idNumber: residentIdSchema,
});
export type PractitionerInput = z.infer<typeof practitionerSchema>;

export const removeSchema = z.object({ id: recordId });

/** A YYYY-MM-DD calendar date that exists (no 2月30日). */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!yearInRange(y)) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A certificate is valid through the whole of its last day, Beijing time. */
export function endOfDayBeijing(value: string): Date {
  return new Date(`${value}T23:59:59.999+08:00`);
}

export const credentialSchema = z.object({
  type: requiredText(LIMITS.credentialType),
  level: requiredText(LIMITS.credentialLevel),
  number: requiredText(LIMITS.credentialNumber),
  issuer: requiredText(LIMITS.issuer),
  validUntil: z
    .string({ error: "agencyProfile.errors.date" })
    .trim()
    .transform((value, ctx) => {
      if (!isRealDate(value)) {
        ctx.addIssue({ code: "custom", message: dateIssue(value, "agencyProfile.errors.date") });
        return z.NEVER;
      }
      const date = endOfDayBeijing(value);
      // An already expired certificate covers nothing: almost always a typo.
      if (date.getTime() < Date.now()) {
        ctx.addIssue({ code: "custom", message: "agencyProfile.errors.expiredDate" });
        return z.NEVER;
      }
      return date;
    }),
  itemIds: z
    .array(recordId, { error: "agencyProfile.errors.itemsRequired" })
    .min(1, "agencyProfile.errors.itemsRequired")
    .max(LIMITS.itemsPerCredential, "agencyProfile.errors.tooManyItems")
    .transform((ids) => [...new Set(ids)]),
});
export type CredentialInput = z.infer<typeof credentialSchema>;

/** The raw credential form (checkboxes repeat their name, so itemIds is every value). */
export function credentialFormInput(formData: FormData): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const key of ["type", "level", "number", "issuer", "validUntil"]) {
    const v = formData.get(key);
    if (typeof v === "string") raw[key] = v;
  }
  raw.itemIds = formData.getAll("itemIds").filter((v): v is string => typeof v === "string");
  return raw;
}
