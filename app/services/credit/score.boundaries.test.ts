// Credit score 1.0 at its documented weights (docs/credit-score.md): the exact
// recency weighting, the on-time share, each sanction kind's deduction.
import { describe, expect, it } from "vitest";
import { computeCreditScore, CREDIT_FORMULA_VERSION } from "./score";

const now = new Date("2026-11-26T00:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const none = { ratings: [], deliveries: [], upheldObjections: 0, sanctions: [] };

describe("credit score 1.0 boundaries", () => {
  it("stores the formula version 1.0 with every breakdown", () => {
    expect(CREDIT_FORMULA_VERSION).toBe("1.1");
    // (objections is −5 × 0 = −0 here; JSON stores it as 0.)
    expect(computeCreditScore(none, now)).toMatchObject({ base: 80, ratings: 0, delivery: 0, sanctions: 0, total: 80, version: "1.1" });
  });
  it("a rating 180 days old weighs half a fresh one (half-life)", () => {
    // (5×1 + 1×0.5) / 1.5 = 3.667 → (0.667 / 2) × 15 = 5
    const r = computeCreditScore(
      {
        ...none,
        ratings: [
          { at: now, average: 5 },
          { at: daysAgo(180), average: 1 },
        ],
      },
      now,
    );
    expect(r.ratings).toBe(5);
    expect(r.total).toBe(85);
  });
  it("a rating dated in the future counts as fresh", () => {
    const r = computeCreditScore(
      {
        ...none,
        ratings: [
          { at: new Date(now.getTime() + 86_400_000 * 360), average: 1 },
          { at: now, average: 5 },
        ],
      },
      now,
    );
    expect(r.ratings).toBe(0);
  });
  it("on-time delivery gives the on-time share of 5 points", () => {
    const r = computeCreditScore({ ...none, deliveries: [{ onTime: true }, { onTime: false }, { onTime: false }, { onTime: true }] }, now);
    expect(r.delivery).toBe(2.5);
    expect(computeCreditScore({ ...none, deliveries: [{ onTime: false }] }, now).delivery).toBe(0);
  });
  it("a warning deducts 3 points, in force or not; it never zeroes the score", () => {
    expect(computeCreditScore({ ...none, sanctions: [{ kind: "WARNING", inForce: true, at: now }] }, now)).toMatchObject({
      sanctions: -3,
      total: 77,
    });
    expect(computeCreditScore({ ...none, sanctions: [{ kind: "WARNING", inForce: false, at: daysAgo(30) }] }, now)).toMatchObject({
      sanctions: -3,
      total: 77,
    });
  });
  it("a removal in force is zero; an ended one deducts nothing", () => {
    expect(computeCreditScore({ ...none, sanctions: [{ kind: "REMOVAL", inForce: true, at: now }] }, now).total).toBe(0);
    expect(computeCreditScore({ ...none, sanctions: [{ kind: "REMOVAL", inForce: false, at: daysAgo(900) }] }, now)).toMatchObject({
      sanctions: 0,
      total: 80,
    });
  });
});
