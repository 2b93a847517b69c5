/**
 * Compatibility shim over the fair-competition rule engine (app/services/fair-competition/).
 * Callers that only need "is anything wrong, and which phrase" keep this small API; new code
 * should call `reviewFairCompetition` and look at `outcome` and `hits` directly.
 */
import { groupByKey } from "~/lib/forms";
import { reviewFairCompetition, type Hit, type Review } from "~/services/fair-competition/engine";
import type { Category } from "~/services/fair-competition/rules";

export type FairnessIssue = { rule: "region" | "designation"; category: Category; severity: Hit["severity"]; match: string };

/** Every finding in one text, `review` ones included. */
export function fairCompetitionIssues(text: string): FairnessIssue[] {
  return reviewFairCompetition({ text }).hits.map((h) => ({
    rule: h.category === "designation" || h.category === "pool" ? "designation" : "region",
    category: h.category,
    severity: h.severity,
    match: h.matched,
  }));
}

const MESSAGE: Record<Category, string> = {
  registration: "unfairRegion",
  presence: "unfairPresence",
  designation: "unfairDesignation",
  pool: "unfairPool",
  "local-ties": "unfairLocalTies",
  preference: "unfairPreference",
  quota: "unfairQuota",
};

/** A request's free-text fields as the review sees them, keyed by the form field that shows the message. */
export function requestTexts(r: {
  title: string;
  description: string;
  qualificationReqs: readonly { type: string; level: string }[];
  avoidances: readonly { reason: string }[];
}): Record<string, string> {
  return {
    title: r.title,
    description: r.description,
    qualifications: r.qualificationReqs.map((q) => `${q.type} ${q.level}`).join("\n"),
    avoidances: r.avoidances.map((a) => a.reason).join("\n"),
  };
}

/**
 * Field errors (`requests.errors.unfairX::<phrase>`) for the clear violations of a review, one per
 * finding. Doubtful (`review`) findings are not errors: the request goes to the regulator's
 * pre-publication review queue instead (see fairness-review.server.ts).
 */
export function refusalFieldErrors(review: Review): Record<string, string[]> {
  return groupByKey(
    review.hits
      .filter((h) => h.severity === "refuse")
      .map((h) => [h.field, `requests.errors.${MESSAGE[h.category]}::${h.matched}`] as const),
  );
}

/** The findings as stored with a review (the words, where, and which rule), without engine internals. */
export function storedHits(review: Review) {
  return review.hits.map((h) => ({
    field: h.field,
    ruleId: h.ruleId,
    category: h.category,
    severity: h.severity,
    article: h.article,
    matched: h.matched,
    start: h.start,
    end: h.end,
  }));
}
export type StoredHit = ReturnType<typeof storedHits>[number];

/** The stored `qualificationReqs` JSON as the review reads it (anything malformed is skipped). */
export function qualificationsOf(json: unknown): { type: string; level: string }[] {
  if (!Array.isArray(json)) return [];
  return json.filter(
    (q): q is { type: string; level: string } => !!q && typeof q === "object" && typeof q.type === "string" && typeof q.level === "string",
  );
}
