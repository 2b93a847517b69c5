import { isRealDate } from "~/schemas/agency";
import { dateIssue, z } from "~/lib/zod";

/**
 * Forms of the regional-assessment register (区域评估, decision 036). Messages are
 * i18n keys shown next to their field.
 */
export const ZONE_LIMITS = { name: 100, boundary: 2000, issuer: 100, conditions: 2000, reason: 500 } as const;

/** A zone's area code: the district's GB/T 2260 code, a hyphen, 2–10 letters or digits (310107-TP01). */
export const ZONE_CODE_PATTERN = /^\d{6}-[A-Z0-9]{2,10}$/;

const text = (max: number) => z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(max, "errors.tooLong");

/** "YYYY-MM-DD" (a Beijing calendar date) → that date at 00:00 UTC, as PostgreSQL's DATE is read. */
const calendarDate = z
  .string({ error: "zones.errors.date" })
  .trim()
  .transform((value, ctx) => {
    if (!isRealDate(value)) {
      ctx.addIssue({ code: "custom", message: dateIssue(value, "zones.errors.date") });
      return z.NEVER;
    }
    return new Date(`${value}T00:00:00.000Z`);
  });

export const newZoneSchema = z.object({
  code: z
    .string({ error: "errors.required" })
    .transform((v) => v.normalize("NFKC").trim().toUpperCase())
    .pipe(z.string().min(1, "errors.required").regex(ZONE_CODE_PATTERN, "zones.errors.code")),
  name: text(ZONE_LIMITS.name),
  boundary: text(ZONE_LIMITS.boundary),
});
export type NewZoneInput = z.infer<typeof newZoneSchema>;

export const zoneResultSchema = z
  .object({
    itemCode: z.string({ error: "zones.errors.item" }).trim().min(1, "zones.errors.item").max(40, "zones.errors.item"),
    issuer: text(ZONE_LIMITS.issuer),
    issuedOn: calendarDate,
    validUntil: calendarDate,
    conditions: z.string().trim().max(ZONE_LIMITS.conditions, "errors.tooLong").default(""),
  })
  .superRefine((v, ctx) => {
    if (v.validUntil.getTime() < v.issuedOn.getTime())
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "zones.errors.validityOrder" });
  });
export type ZoneResultInput = z.infer<typeof zoneResultSchema>;
