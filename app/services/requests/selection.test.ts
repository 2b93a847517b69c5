import { describe, expect, it } from "vitest";
import {
  drawCommitment,
  drawKey,
  rankAveragePrice,
  rankLowestPrice,
  rankRandomDraw,
  rankScored,
  verifyDraw,
  type RankableBid,
} from "./selection";

const t0 = new Date("2026-11-26T08:00:00Z").getTime();
const bid = (id: string, yuan: number, secondsAfter = 0, extra: Partial<RankableBid> = {}): RankableBid => ({
  id,
  agencyId: `agency-${id}`,
  amountFen: BigInt(Math.round(yuan * 100)),
  serviceDays: 20,
  submittedAt: new Date(t0 + secondsAfter * 1000),
  creditScore: 100,
  ...extra,
});
const ids = (r: { id: string }[]) => r.map((x) => x.id);

describe("LOWEST_PRICE", () => {
  it("ranks by amount, ties to the earlier bid", () => {
    expect(ids(rankLowestPrice([bid("a", 900, 5), bid("b", 800, 9), bid("c", 800, 3), bid("d", 1000)]))).toEqual(["c", "b", "a", "d"]);
  });
});

describe("AVERAGE_PRICE", () => {
  it("picks the bid closest to and not above the mean", () => {
    // mean = (800 + 900 + 1000 + 1100) / 4 = 950 → 900 is closest below; 1000 is as close but above
    expect(ids(rankAveragePrice([bid("a", 800), bid("b", 900), bid("c", 1000), bid("d", 1100)]))).toEqual(["b", "a", "c", "d"]);
  });
  it("a bid exactly at the mean wins; ties to the earlier bid", () => {
    expect(ids(rankAveragePrice([bid("a", 900, 2), bid("b", 1000, 1), bid("c", 1100), bid("d", 1000, 0)]))).toEqual(["d", "b", "a", "c"]);
  });
  it("uses exact integer arithmetic (mean with fractions of a fen)", () => {
    // mean = 1000.01/3 fen… amounts 333.33, 333.34, 333.34 → mean 333.3366…; 333.33 is the only one not above
    expect(ids(rankAveragePrice([bid("a", 333.34), bid("b", 333.33), bid("c", 333.34, 1)]))[0]).toBe("b");
  });
});

describe("SCORED", () => {
  it("price score = lowest / this × weight, plus credit and service time", () => {
    const r = rankScored(
      [bid("cheap", 800, 0, { creditScore: 60, serviceDays: 30 }), bid("good", 1000, 0, { creditScore: 100, serviceDays: 15 })],
      { price: 60, credit: 30, serviceDays: 10 },
    );
    // cheap: 60 + 18 + 5 = 83; good: 48 + 30 + 10 = 88
    expect(r.map((x) => [x.id, x.score])).toEqual([
      ["good", 88],
      ["cheap", 83],
    ]);
  });
});

describe("RANDOM_DRAW", () => {
  const seed = "d6f1c0a5e3b24c1e9a7f00112233445566778899aabbccddeeff001122334455";
  const bids = ["x", "y", "z", "w"].map((id, i) => bid(id, 500, i));
  it("orders by SHA-256(seed ‖ agencyId), independent of submission order", () => {
    const r = rankRandomDraw(bids, seed);
    const keys = r.map((x) => x.key!);
    expect([...keys].sort()).toEqual(keys);
    expect(ids(rankRandomDraw([...bids].reverse(), seed))).toEqual(ids(r));
    expect(r[0]!.key).toBe(drawKey(seed, r[0]!.agencyId));
  });
  it("verifies from the public announcement; a changed seed or entrant list fails", () => {
    const ranking = rankRandomDraw(bids, seed).map((x) => x.agencyId);
    const entrants = bids.map((b) => b.agencyId);
    const announcement = { commitment: drawCommitment(seed), seed, entrants, ranking };
    expect(verifyDraw(announcement)).toEqual({ ok: true, problems: [] });
    expect(verifyDraw({ ...announcement, seed: seed.replace("d6", "d7") }).ok).toBe(false);
    expect(verifyDraw({ ...announcement, entrants: [...entrants, "agency-extra"] }).ok).toBe(false);
    expect(verifyDraw({ ...announcement, ranking: [...ranking].reverse() }).ok).toBe(false);
  });
});
