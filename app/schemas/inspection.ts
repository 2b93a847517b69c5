import { z } from "~/lib/zod";

/**
 * Forms of the random-inspection pages (decision 030). Messages are i18n keys
 * shown next to their field; the machines re-check the lifecycle on the server.
 */
export const INSPECTION_LIMITS = {
  name: 100,
  findings: 5000,
  agencies: { min: 1, max: 50 },
  inspectors: { min: 2, max: 50 },
} as const;

export const INSPECTION_OUTCOMES = ["PASS", "MINOR_ISSUES", "FAIL"] as const;
export type InspectionOutcomeInput = (typeof INSPECTION_OUTCOMES)[number];

const count = (min: number, max: number) =>
  z.coerce
    .number({ error: "inspections.errors.count" })
    .int("inspections.errors.count")
    .min(min, "inspections.errors.count")
    .max(max, "inspections.errors.count");
const version = z.coerce
  .number({ error: "inspections.errors.conflict" })
  .int("inspections.errors.conflict")
  .min(0, "inspections.errors.conflict");

export const newPlanSchema = z.object({
  name: z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(INSPECTION_LIMITS.name, "errors.tooLong"),
  /** A catalogue item code, or empty for every listed agency. */
  itemCode: z.string().trim().max(40, "inspections.errors.itemNotFound").optional().default(""),
  agencyCount: count(INSPECTION_LIMITS.agencies.min, INSPECTION_LIMITS.agencies.max),
  inspectorCount: count(INSPECTION_LIMITS.inspectors.min, INSPECTION_LIMITS.inspectors.max),
});
export type NewPlanInput = z.infer<typeof newPlanSchema>;

export const planVersionSchema = z.object({ version });

export const recordResultSchema = z.object({
  inspectionId: z
    .string({ error: "inspections.errors.notFound" })
    .min(1, "inspections.errors.notFound")
    .max(64, "inspections.errors.notFound"),
  outcome: z.enum(INSPECTION_OUTCOMES, { error: "inspections.errors.outcome" }),
  findings: z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(INSPECTION_LIMITS.findings, "errors.tooLong"),
});
export type RecordResultInput = z.infer<typeof recordResultSchema>;

export const openCaseSchema = z.object({
  inspectionId: z
    .string({ error: "inspections.errors.notFound" })
    .min(1, "inspections.errors.notFound")
    .max(64, "inspections.errors.notFound"),
});
