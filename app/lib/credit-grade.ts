/**
 * 信用等级 (分级分类, the 2019 plan row 83): four grades on the published 0–100 credit
 * score (docs/credit-score.md). The thresholds are published with the formula; a
 * removal or blacklist in force makes the score 0, so grade D.
 */
export const CREDIT_GRADES = [
  { grade: "A", min: 90 },
  { grade: "B", min: 75 },
  { grade: "C", min: 60 },
  { grade: "D", min: 0 },
] as const;

export type CreditGrade = (typeof CREDIT_GRADES)[number]["grade"];

export function creditGrade(score: number): CreditGrade {
  for (const g of CREDIT_GRADES) if (score >= g.min) return g.grade;
  return "D";
}
