/**
 * Compatibility shim over the fair-competition rule engine (app/services/fair-competition/).
 * Callers that only need "is anything wrong, and which phrase" keep this small API; new code
 * should call `reviewFairCompetition` and look at `outcome` and `hits` directly.
 */
import { reviewFairCompetition, type Hit } from "~/services/fair-competition/engine";
import type { Category } from "~/services/fair-competition/rules";

export type FairnessIssue = { rule: "region" | "designation"; category: Category; severity: Hit["severity"]; match: string };

/** Every finding in one text, `review` ones included (see fairnessFieldErrors for why). */
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

/**
 * Field errors (`requests.errors.unfairX::<phrase>`) for a request's texts, one per finding.
 * A `review` finding (doubtful wording) is ALSO returned as an error for now: there is no
 * pre-publication review queue yet, so a doubtful request is sent back to the enterprise rather
 * than published unseen. When the queue exists, `review` findings go there instead.
 */
export function fairnessFieldErrors(texts: Record<string, string>): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const h of reviewFairCompetition(texts).hits) {
    const key = h.severity === "review" ? "unfairReview" : MESSAGE[h.category];
    (fields[h.field] ??= []).push(`requests.errors.${key}::${h.matched}`);
  }
  return fields;
}
