import { describe, expect, it } from "vitest";
import { computeCreditScore } from "./score";

const now = new Date("2026-11-26T00:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const none = { ratings: [], deliveries: [], upheldObjections: 0, sanctions: [] };

describe("credit score 1.0", () => {
  it("starts at 80 with no history", () => {
    expect(computeCreditScore(none, now).total).toBe(80);
  });
  it("rewards good ratings and on-time delivery, recent ratings weigh more", () => {
    const good = computeCreditScore({ ...none, ratings: [{ at: daysAgo(1), average: 5 }], deliveries: [{ onTime: true }] }, now);
    expect(good).toMatchObject({ ratings: 15, delivery: 5, total: 100 });
    const recentBad = computeCreditScore(
      {
        ...none,
        ratings: [
          { at: daysAgo(1), average: 1 },
          { at: daysAgo(720), average: 5 },
        ],
      },
      now,
    );
    const recentGood = computeCreditScore(
      {
        ...none,
        ratings: [
          { at: daysAgo(720), average: 1 },
          { at: daysAgo(1), average: 5 },
        ],
      },
      now,
    );
    expect(recentGood.total).toBeGreaterThan(recentBad.total);
  });
  it("deducts for upheld objections and sanctions; removal or blacklist in force is zero", () => {
    expect(computeCreditScore({ ...none, upheldObjections: 2 }, now).total).toBe(70);
    expect(computeCreditScore({ ...none, sanctions: [{ kind: "SUSPENSION", inForce: true, at: now }] }, now).total).toBe(65);
    expect(computeCreditScore({ ...none, sanctions: [{ kind: "CREDIT_DEDUCTION", points: 12, inForce: true, at: now }] }, now).total).toBe(
      68,
    );
    expect(computeCreditScore({ ...none, sanctions: [{ kind: "BLACKLIST", inForce: true, at: now }] }, now).total).toBe(0);
    expect(computeCreditScore({ ...none, sanctions: [{ kind: "BLACKLIST", inForce: false, at: daysAgo(2000) }] }, now).total).toBe(80);
  });
});
