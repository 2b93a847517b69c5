import { z } from "~/lib/zod";
import { parseBeijingDateTime } from "./request";

/**
 * Forms of the complaint / case pages. Messages are i18n keys shown next to
 * their field; the case machine re-checks due process on the server, so these
 * schemas are about good messages, the machine about the rule.
 */

export const CASE_LIMITS = {
  subject: 100,
  description: 5000,
  reason: 2000,
  legalBasis: 500,
  evidence: 2000,
  files: 5,
  days: { min: 1, max: 365 },
  years: { min: 1, max: 10 },
  points: { min: 1, max: 100 },
} as const;

/**
 * Due process (decision 033): calendar days after the prior notice to state the
 * case and request a hearing (行政处罚法 art. 64: 5 days), and the least notice
 * of a hearing's date (7 days).
 */
export const NOTICE_PERIOD_DAYS = 5;
export const HEARING_LEAD_DAYS = 7;

export const CASE_STATUSES = [
  "OPEN",
  "UNDER_REVIEW",
  "NOTICE_ISSUED",
  "HEARING_REQUESTED",
  "HEARING_SCHEDULED",
  "HEARING_HELD",
  "DECIDED",
  "APPEAL",
  "FINAL",
  "REJECTED",
] as const;
export const CASE_DECISIONS = ["NO_ACTION", "WARNING", "CREDIT_DEDUCTION", "SUSPENSION", "REMOVAL", "BLACKLIST"] as const;
/** The decisions that need a prior notice (事先告知) first; the case machine's HEAVY_DECISIONS. */
export const NOTICE_DECISIONS = ["SUSPENSION", "REMOVAL", "BLACKLIST"] as const;
export type CaseDecisionInput = (typeof CASE_DECISIONS)[number];

const text = (max: number) => z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(max, "errors.tooLong");
const optionalText = (max: number) => z.string().trim().max(max, "errors.tooLong").optional().default("");
const version = z.coerce.number({ error: "cases.errors.conflict" }).int("cases.errors.conflict").min(0, "cases.errors.conflict");
/** An empty number field means "not given". */
const optionalInt = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.coerce.number({ error: "cases.errors.integer" }).int("cases.errors.integer").optional(),
);

export const complaintSchema = z.object({
  subject: text(CASE_LIMITS.subject),
  description: text(CASE_LIMITS.description),
});
export type ComplaintInput = z.infer<typeof complaintSchema>;

export const startReviewSchema = z.object({ version });

const decisionSchema = <K extends readonly [(typeof CASE_DECISIONS)[number], ...(typeof CASE_DECISIONS)[number][]]>(kinds: K) =>
  z
    .object({
      version,
      decision: z.enum(kinds, { error: "errors.invalidChoice" }),
      reason: text(CASE_LIMITS.reason),
      legalBasis: optionalText(CASE_LIMITS.legalBasis),
      evidence: optionalText(CASE_LIMITS.evidence),
      days: optionalInt,
      years: optionalInt,
      points: optionalInt,
      /** After a statement or a hearing: the decision's answer to them (the command says when it is required). */
      answer: optionalText(CASE_LIMITS.reason),
    })
    .superRefine((v, ctx) => {
      // Due process (Principle 7): a sanction states its legal basis and evidence.
      if (v.decision !== "NO_ACTION") {
        if (!v.legalBasis) ctx.addIssue({ code: "custom", path: ["legalBasis"], message: "cases.errors.legalBasisRequired" });
        if (!v.evidence) ctx.addIssue({ code: "custom", path: ["evidence"], message: "cases.errors.evidenceRequired" });
      }
      const range = (field: "days" | "years" | "points", limits: { min: number; max: number }, key: string) => {
        const n = v[field];
        if (n === undefined) ctx.addIssue({ code: "custom", path: [field], message: `${key}Required` });
        else if (n < limits.min || n > limits.max) ctx.addIssue({ code: "custom", path: [field], message: `${key}Range` });
      };
      if (v.decision === "SUSPENSION") range("days", CASE_LIMITS.days, "cases.errors.days");
      if (v.decision === "BLACKLIST") range("years", CASE_LIMITS.years, "cases.errors.years");
      if (v.decision === "CREDIT_DEDUCTION") range("points", CASE_LIMITS.points, "cases.errors.points");
    })
    // Only the duration that belongs to the decision is kept.
    .transform((v) => ({
      ...v,
      days: v.decision === "SUSPENSION" ? v.days : undefined,
      years: v.decision === "BLACKLIST" ? v.years : undefined,
      points: v.decision === "CREDIT_DEDUCTION" ? v.points : undefined,
    }));

export const decideSchema = decisionSchema(CASE_DECISIONS);
export type DecideInput = z.infer<typeof decideSchema>;

/** 事先告知: a heavy decision proposed, with the same grounds as a decision. */
export const noticeSchema = decisionSchema(NOTICE_DECISIONS);

export const rejectSchema = z.object({ version, reason: text(CASE_LIMITS.reason) });

export const statementSchema = z.object({
  version,
  statement: text(CASE_LIMITS.reason),
  waiveHearing: z.preprocess((v) => v === "on" || v === "1" || v === "true", z.boolean()),
});

export const scheduleHearingSchema = z.object({
  version,
  hearingAt: z
    .string({ error: "errors.required" })
    .trim()
    .min(1, "errors.required")
    .transform((v, ctx) => {
      const at = parseBeijingDateTime(v);
      if (!at) {
        ctx.addIssue({ code: "custom", message: "requests.errors.dateTime" });
        return z.NEVER;
      }
      return at;
    }),
  place: text(CASE_LIMITS.legalBasis),
});

export const recordHearingSchema = z.object({ version, record: text(CASE_LIMITS.description) });

export const appealSchema = z.object({ version, reason: text(CASE_LIMITS.reason) });

export const decideAppealSchema = z.object({
  version,
  outcome: z.enum(["UPHELD", "REVOKED"], { error: "errors.invalidChoice" }),
  reason: text(CASE_LIMITS.reason),
});

/** The /cases list filter; anything else is ignored. */
export const caseListQuerySchema = z.object({
  status: z.enum(CASE_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
