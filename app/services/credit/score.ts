/**
 * Credit score, formula version 1.1 (documented in docs/credit-score.md).
 * Pure: the caller gathers the inputs inside the transaction of the event that
 * changed one of them and stores the result with its breakdown.
 */
export const CREDIT_FORMULA_VERSION = "1.1";

export type CreditInputs = {
  ratings: { at: Date; average: number }[]; // average of the five dimensions, 1–5
  deliveries: { onTime: boolean }[];
  upheldObjections: number; // in the last two years
  sanctions: {
    kind: "WARNING" | "CREDIT_DEDUCTION" | "SUSPENSION" | "REMOVAL" | "BLACKLIST";
    points?: number;
    inForce: boolean;
    at: Date;
  }[];
  /** Published random-inspection results (检查结果公示) of the last two years that found the agency failing (不合格). Since 1.1. */
  failedInspections?: number;
};

export type CreditBreakdown = {
  base: number;
  ratings: number;
  delivery: number;
  objections: number;
  sanctions: number;
  /** Since 1.1: −10 per failing inspection result published in the last two years. */
  inspections: number;
  total: number;
  version: string;
};

const HALF_LIFE_DAYS = 180;
// `|| 0` turns −0 (a mean a hair below 3) into 0: the same number, printed the same everywhere.
const round1 = (n: number) => Math.round(n * 10) / 10 || 0;

export function computeCreditScore(inputs: CreditInputs, now: Date): CreditBreakdown {
  const base = 80;
  // Ratings: recency-weighted mean (half-life 180 days), 3 is neutral; ±15.
  let weightSum = 0;
  let weighted = 0;
  for (const r of inputs.ratings) {
    const ageDays = Math.max(0, (now.getTime() - r.at.getTime()) / 86_400_000);
    const w = Math.pow(0.5, ageDays / HALF_LIFE_DAYS);
    weightSum += w;
    weighted += w * r.average;
  }
  const ratings = weightSum > 0 ? round1(((weighted / weightSum - 3) / 2) * 15) : 0;
  // On-time delivery: up to +5 by the share delivered on time.
  const delivery = inputs.deliveries.length ? round1((inputs.deliveries.filter((d) => d.onTime).length / inputs.deliveries.length) * 5) : 0;
  // Upheld objections against the agency's awards: −5 each.
  const objections = -5 * inputs.upheldObjections;
  let sanctions = 0;
  let zero = false;
  for (const s of inputs.sanctions) {
    if (s.kind === "WARNING") sanctions -= 3;
    else if (s.kind === "CREDIT_DEDUCTION") sanctions -= s.points ?? 0;
    else if (s.kind === "SUSPENSION") sanctions -= 15;
    else if (s.inForce) zero = true; // removal or blacklist in force
  }
  // Failing random-inspection results (双随机抽查, 不合格) published in the last two years: −10 each.
  const inspections = -10 * (inputs.failedInspections ?? 0);
  const total = zero ? 0 : Math.max(0, Math.min(100, Math.round(base + ratings + delivery + objections + sanctions + inspections)));
  return { base, ratings, delivery, objections, sanctions, inspections, total, version: CREDIT_FORMULA_VERSION };
}
