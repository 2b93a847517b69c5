import { createHash, randomBytes } from "node:crypto";
import { CREDIT_GRADES, type CreditGrade } from "~/lib/credit-grade";
import { drawCommitment } from "~/services/requests/selection";

/**
 * 双随机 (random objects, random inspectors) with the bidding's commit–reveal
 * (decision 009, decision 030). Pure and integer-only, so anyone can
 * recompute a draw in any language from the published record:
 *
 * - `commitment = SHA-256(seed text)`, published when the plan is created;
 *   the seed (64 lowercase hex characters) is revealed at the draw.
 * - Agencies are drawn without replacement, weighted by their credit grade at
 *   creation (GRADE_WEIGHTS, published). Inspectors are drawn the same way,
 *   each with weight 1.
 * - Draw k (k = 1, 2, …) of a list: r = the SHA-256 of the UTF-8 text
 *   `seed + ":" + label + ":" + k` read as a 256-bit unsigned integer, modulo
 *   the total weight W of the entries still in the list; walking the remaining
 *   entries in ascending id order (byte order), the drawn entry is the first
 *   whose cumulative weight exceeds r. It leaves the list. Labels: "agency",
 *   "inspector".
 * - Pairs: the agency drawn i-th (from 0) gets the drawn inspectors at
 *   positions 2i mod m and (2i + 1) mod m of the inspector draw (m ≥ 2 inspectors).
 */

/** Published weights (分级分类): a lower grade is drawn more often. */
export const GRADE_WEIGHTS: Record<CreditGrade, number> = { A: 1, B: 2, C: 4, D: 8 };

/** Inspectors per inspection (two law-enforcement officers, 双人检查). */
export const INSPECTORS_PER_INSPECTION = 2;

export type DrawItem = { id: string; weight: number };

export function newSeed(): string {
  return randomBytes(32).toString("hex");
}

export { drawCommitment };

const byId = (a: DrawItem, b: DrawItem) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The k-th draw number of a list: SHA-256(seed ":" label ":" k) as an integer. */
export function drawNumber(seed: string, label: string, k: number): bigint {
  return BigInt("0x" + createHash("sha256").update(`${seed}:${label}:${k}`, "utf8").digest("hex"));
}

/** Weighted sampling without replacement, deterministic from the seed: the drawn ids, in draw order. */
export function weightedDraw(seed: string, label: string, items: DrawItem[], n: number): string[] {
  const remaining = [...items].filter((i) => i.weight > 0).sort(byId);
  const drawn: string[] = [];
  for (let k = 1; k <= n && remaining.length > 0; k++) {
    const total = remaining.reduce((s, i) => s + BigInt(i.weight), 0n);
    let r = drawNumber(seed, label, k) % total;
    let index = 0;
    for (; index < remaining.length - 1; index++) {
      const w = BigInt(remaining[index]!.weight);
      if (r < w) break;
      r -= w;
    }
    drawn.push(remaining[index]!.id);
    remaining.splice(index, 1);
  }
  return drawn;
}

/** The inspectors of the agency drawn at `position` (from 0), from the inspector draw. */
export function pairFor(position: number, inspectors: string[]): string[] {
  const m = inspectors.length;
  if (m < INSPECTORS_PER_INSPECTION) return [...inspectors];
  return Array.from({ length: INSPECTORS_PER_INSPECTION }, (_, j) => inspectors[(INSPECTORS_PER_INSPECTION * position + j) % m]!);
}

export type PlanEntrant = { agencyId: string; grade: CreditGrade; weight: number };

export type InspectionDrawInput = {
  seed: string;
  entrants: PlanEntrant[];
  inspectorPool: string[];
  agencyCount: number;
  inspectorCount: number;
};

export type InspectionDrawResult = {
  /** Drawn agencies in draw order with their inspectors. */
  agencies: { agencyId: string; position: number; inspectorIds: string[] }[];
  /** Drawn inspectors in draw order. */
  inspectors: string[];
};

/** The whole draw of a plan. */
export function inspectionDraw(input: InspectionDrawInput): InspectionDrawResult {
  const agencies = weightedDraw(
    input.seed,
    "agency",
    input.entrants.map((e) => ({ id: e.agencyId, weight: e.weight })),
    input.agencyCount,
  );
  const inspectors = weightedDraw(
    input.seed,
    "inspector",
    input.inspectorPool.map((id) => ({ id, weight: 1 })),
    input.inspectorCount,
  );
  return {
    agencies: agencies.map((agencyId, i) => ({ agencyId, position: i + 1, inspectorIds: pairFor(i, inspectors) })),
    inspectors,
  };
}

/** What a plan's draw.json publishes; what the verifier reads. */
export type InspectionDrawRecord = InspectionDrawInput & {
  commitment: string;
  weights: Record<string, number>;
  draw: InspectionDrawResult;
};

/** Checks a published plan draw: seed ↔ commitment, each weight ↔ the table, and the draw itself. */
export function verifyInspectionDraw(r: InspectionDrawRecord): { ok: boolean; problems: string[] } {
  const problems: string[] = [];
  if (drawCommitment(r.seed) !== r.commitment) problems.push("seed does not match the commitment published at creation");
  for (const g of CREDIT_GRADES)
    if (r.weights[g.grade] !== GRADE_WEIGHTS[g.grade]) problems.push(`weight of grade ${g.grade} is not the published one`);
  for (const e of r.entrants)
    if (e.weight !== r.weights[e.grade])
      problems.push(`entrant ${e.agencyId} has weight ${e.weight}, grade ${e.grade} weighs ${r.weights[e.grade]}`);
  const expected = inspectionDraw(r);
  if (JSON.stringify(expected.agencies) !== JSON.stringify(r.draw.agencies))
    problems.push("drawn agencies or their inspectors do not follow from the seed and the entrant list");
  if (JSON.stringify(expected.inspectors) !== JSON.stringify(r.draw.inspectors))
    problems.push("drawn inspectors do not follow from the seed and the inspector pool");
  return { ok: problems.length === 0, problems };
}
