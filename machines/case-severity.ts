/**
 * How heavy a case decision is (decision 033), without xstate, so pages may
 * use it too: which decisions need a prior notice (事先告知), and whether a
 * decision is no heavier than the notice (行政处罚法 art. 45).
 */

/** The decisions a case may end in (the Prisma enum CaseDecision). */
export type CaseDecisionKind = "NO_ACTION" | "WARNING" | "CREDIT_DEDUCTION" | "SUSPENSION" | "REMOVAL" | "BLACKLIST";

/** Decisions that need the prior notice and allow a hearing (行政处罚法 art. 63: 责令停产停业、限制从业…). */
export const HEAVY_DECISIONS: readonly CaseDecisionKind[] = ["SUSPENSION", "REMOVAL", "BLACKLIST"];
export const isHeavy = (d: CaseDecisionKind | null | undefined) => !!d && HEAVY_DECISIONS.includes(d);

/** Severity order: a decision after a notice may be lighter than the notice, never heavier (art. 45). */
const RANK: Record<CaseDecisionKind, number> = { NO_ACTION: 0, WARNING: 1, CREDIT_DEDUCTION: 2, SUSPENSION: 3, REMOVAL: 4, BLACKLIST: 5 };

/** What the prior notice proposed: the ceiling of the decision. */
export type ProposedDecision = { decision: CaseDecisionKind; days?: number | null; years?: number | null };

/** Is `d` no heavier than `p`: a lower kind, or the same kind with no longer a duration. */
export function notHeavierThan(d: { decision: CaseDecisionKind; days?: number; years?: number }, p: ProposedDecision): boolean {
  if (RANK[d.decision] !== RANK[p.decision]) return RANK[d.decision] < RANK[p.decision];
  if (d.decision === "SUSPENSION") return (d.days ?? Infinity) <= (p.days ?? 0);
  if (d.decision === "BLACKLIST") return (d.years ?? Infinity) <= (p.years ?? 0);
  return true;
}
