import { issueFieldErrors } from "~/lib/forms";
import { z } from "~/lib/zod";

// Messages are i18n keys; the route shows them next to their fields.

/** The five published dimensions, in the order the form and the profile show them. */
export const RATING_DIMENSIONS = ["quality", "timeliness", "attitude", "fee", "standards"] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number];

export const RATING_TEXT_MIN = 5;
export const RATING_TEXT_MAX = 1000;
export const REPLY_MAX = 1000;
export const HIDE_REASON_MAX = 500;

/** Characters as a reader counts them (a CJK character or an emoji is one). */
const chars = (s: string) => Array.from(s).length;

/** A score: the integer 1–5 exactly as the radio buttons send it; "0", "6", "4.5", "x" or nothing are refused. */
const score = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z
    .string({ error: "ratings.errors.score" })
    .regex(/^[1-5]$/, "ratings.errors.score")
    .transform(Number),
);

const text = (min: number, max: number, shortKey: string) =>
  z
    .string({ error: "errors.required" })
    .trim()
    .min(1, { message: "errors.required", abort: true })
    .refine((s) => chars(s) >= min, shortKey)
    .refine((s) => chars(s) <= max, "errors.tooLong");

export const ratingSchema = z.object({
  quality: score,
  timeliness: score,
  attitude: score,
  fee: score,
  standards: score,
  text: text(RATING_TEXT_MIN, RATING_TEXT_MAX, "ratings.errors.textShort"),
});
export type RatingInput = z.infer<typeof ratingSchema>;

export const replySchema = z.object({ text: text(1, REPLY_MAX, "errors.required") });
export const hideSchema = z.object({ reason: text(1, HIDE_REASON_MAX, "errors.required") });

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string[]> };

/** Parses with one of the schemas above into data or per-field i18n keys (no exceptions). */
export function parseWith<S extends z.ZodType>(schema: S, raw: unknown): Parsed<z.infer<S>> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: issueFieldErrors(parsed.error.issues) };
}

/** The service also accepts numbers (tests, scripts): normalized to the form's strings first. */
export function ratingFromInput(input: Record<string, unknown>): Parsed<RatingInput> {
  const raw: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) raw[k] = typeof v === "number" ? String(v) : v;
  return parseWith(ratingSchema, raw);
}
