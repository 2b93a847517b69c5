import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  drawCommitment,
  drawNumber,
  GRADE_WEIGHTS,
  inspectionDraw,
  pairFor,
  verifyInspectionDraw,
  weightedDraw,
  type InspectionDrawRecord,
  type PlanEntrant,
} from "./draw";

const sha = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const SEED = sha("inspection seed");
const entrant = (agencyId: string, grade: PlanEntrant["grade"]): PlanEntrant => ({ agencyId, grade, weight: GRADE_WEIGHTS[grade] });
const ENTRANTS = [entrant("a1", "A"), entrant("b1", "B"), entrant("c1", "C"), entrant("d1", "D"), entrant("b2", "B"), entrant("a2", "A")];
const POOL = ["u1", "u2", "u3", "u4", "u5"];

function record(seed = SEED): InspectionDrawRecord {
  const input = { seed, entrants: ENTRANTS, inspectorPool: POOL, agencyCount: 3, inspectorCount: 4 };
  return { ...input, commitment: drawCommitment(seed), weights: { ...GRADE_WEIGHTS }, draw: inspectionDraw(input) };
}

describe("weighted draw without replacement", () => {
  it("publishes the weight table A 1, B 2, C 4, D 8", () => {
    expect(GRADE_WEIGHTS).toEqual({ A: 1, B: 2, C: 4, D: 8 });
  });

  it("is deterministic from the seed and independent of the order the entrants are listed in", () => {
    const items = ENTRANTS.map((e) => ({ id: e.agencyId, weight: e.weight }));
    const once = weightedDraw(SEED, "agency", items, 4);
    expect(weightedDraw(SEED, "agency", [...items].reverse(), 4)).toEqual(once);
    expect(new Set(once).size).toBe(4);
    expect(weightedDraw(sha("another seed"), "agency", items, 6).sort()).toEqual(items.map((i) => i.id).sort());
  });

  it("follows the published integer rule: r = SHA-256(seed:label:k) mod W, walked in id order", () => {
    // Recomputed by hand for the first pick from two entries x (weight 1), y (weight 3).
    const r = Number(BigInt("0x" + sha(`${SEED}:agency:1`)) % 4n);
    expect(drawNumber(SEED, "agency", 1) % 4n).toBe(BigInt(r));
    const first = weightedDraw(
      SEED,
      "agency",
      [
        { id: "y", weight: 3 },
        { id: "x", weight: 1 },
      ],
      1,
    );
    expect(first).toEqual([r < 1 ? "x" : "y"]);
  });

  it("never draws more than there are, and draws nothing of weight 0", () => {
    expect(weightedDraw(SEED, "agency", [{ id: "a", weight: 1 }], 5)).toEqual(["a"]);
    expect(weightedDraw(SEED, "agency", [{ id: "z", weight: 0 }], 1)).toEqual([]);
  });

  it("respects the weights: over 6 000 seeds each grade is drawn first in proportion 1:2:4:8 (±0.025)", () => {
    const items = [entrant("A", "A"), entrant("B", "B"), entrant("C", "C"), entrant("D", "D")].map((e) => ({
      id: e.agencyId,
      weight: e.weight,
    }));
    const counts: Record<string, number> = { A: 0, B: 0, C: 0, D: 0 };
    const N = 6000;
    for (let i = 0; i < N; i++) counts[weightedDraw(sha(`seed-${i}`), "agency", items, 1)[0]!]!++;
    for (const [g, w] of Object.entries(GRADE_WEIGHTS)) expect(Math.abs(counts[g]! / N - w / 15)).toBeLessThan(0.025);
  });

  it("pairs each drawn agency with two different drawn inspectors, in turn", () => {
    expect(pairFor(0, ["p", "q", "r"])).toEqual(["p", "q"]);
    expect(pairFor(1, ["p", "q", "r"])).toEqual(["r", "p"]);
    const draw = inspectionDraw({ seed: SEED, entrants: ENTRANTS, inspectorPool: POOL, agencyCount: 3, inspectorCount: 4 });
    expect(draw.inspectors).toHaveLength(4);
    for (const a of draw.agencies) {
      expect(new Set(a.inspectorIds).size).toBe(2);
      for (const i of a.inspectorIds) expect(draw.inspectors).toContain(i);
    }
    expect(draw.agencies.map((a) => a.position)).toEqual([1, 2, 3]);
  });
});

describe("verifyInspectionDraw", () => {
  it("accepts the published record", () => {
    expect(verifyInspectionDraw(record())).toEqual({ ok: true, problems: [] });
  });
  it("refuses another seed, a changed entrant list, a reweighted grade, a reordered draw or swapped inspectors", () => {
    const r = record();
    expect(verifyInspectionDraw({ ...r, seed: sha("other") }).problems).toContain(
      "seed does not match the commitment published at creation",
    );
    expect(verifyInspectionDraw({ ...r, entrants: r.entrants.slice(1) }).ok).toBe(false);
    expect(verifyInspectionDraw({ ...r, weights: { ...r.weights, D: 1 } }).ok).toBe(false);
    expect(verifyInspectionDraw({ ...r, entrants: r.entrants.map((e) => (e.grade === "A" ? { ...e, weight: 8 } : e)) }).ok).toBe(false);
    expect(verifyInspectionDraw({ ...r, draw: { ...r.draw, agencies: [...r.draw.agencies].reverse() } }).ok).toBe(false);
    const swapped = r.draw.agencies.map((a, i) => (i === 0 ? { ...a, inspectorIds: [...a.inspectorIds].reverse() } : a));
    expect(verifyInspectionDraw({ ...r, draw: { ...r.draw, agencies: swapped } }).ok).toBe(false);
  });
});
