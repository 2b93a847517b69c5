// Selection methods at their edges: ties broken by submission time and then by
// id, empty and single-bid rounds, the exact ranking record, the draw's
// published hashes and every way a draw announcement can be wrong.
import { createHash } from "node:crypto";
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
const weights = { price: 60, credit: 30, serviceDays: 10 };

describe("ties", () => {
  it("same amount and same second: the smaller id wins, whatever the input order", () => {
    const a = bid("a", 900, 0);
    const b = bid("b", 900, 0);
    const c = bid("c", 900, 0);
    expect(ids(rankLowestPrice([c, a, b]))).toEqual(["a", "b", "c"]);
    expect(ids(rankLowestPrice([b, c, a]))).toEqual(["a", "b", "c"]);
    expect(ids(rankAveragePrice([c, b, a]))).toEqual(["a", "b", "c"]);
  });
  it("same amount: the earlier bid wins even when listed after the later one", () => {
    expect(ids(rankLowestPrice([bid("late", 800, 9), bid("early", 800, 1)]))).toEqual(["early", "late"]);
    expect(ids(rankAveragePrice([bid("late", 800, 9), bid("early", 800, 1), bid("high", 1000, 0)]))).toEqual(["early", "late", "high"]);
    expect(ids(rankAveragePrice([bid("early", 800, 1), bid("late", 800, 9), bid("high", 1000, 0)]))).toEqual(["early", "late", "high"]);
  });
  it("scored: equal totals go to the earlier bid", () => {
    expect(ids(rankScored([bid("late", 800, 9), bid("early", 800, 1)], weights))).toEqual(["early", "late"]);
  });
});

describe("ranking record", () => {
  it("ranks are 1, 2, 3… and price methods carry neither score nor key", () => {
    const r = rankLowestPrice([bid("b", 900, 0), bid("a", 800, 0), bid("c", 1000, 0)]);
    expect(r).toStrictEqual([
      { id: "a", agencyId: "agency-a", rank: 1 },
      { id: "b", agencyId: "agency-b", rank: 2 },
      { id: "c", agencyId: "agency-c", rank: 3 },
    ]);
    expect(rankAveragePrice([bid("a", 800)])).toStrictEqual([{ id: "a", agencyId: "agency-a", rank: 1 }]);
  });
  it("an empty round ranks nothing, for every method", () => {
    expect(rankLowestPrice([])).toEqual([]);
    expect(rankAveragePrice([])).toEqual([]);
    expect(rankScored([], weights)).toEqual([]);
    expect(rankRandomDraw([], "seed")).toEqual([]);
  });
});

describe("AVERAGE_PRICE", () => {
  it("bids below the mean rank by closeness before any bid above it, whatever the input order", () => {
    // mean = (700 + 800 + 900 + 1600) / 4 = 1000: below 900, 800, 700; above 1600
    const bids = [bid("p700", 700), bid("p1600", 1600), bid("p900", 900), bid("p800", 800)];
    expect(ids(rankAveragePrice(bids))).toEqual(["p900", "p800", "p700", "p1600"]);
    expect(ids(rankAveragePrice([...bids].reverse()))).toEqual(["p900", "p800", "p700", "p1600"]);
  });
  it("bids above the mean rank by closeness too", () => {
    // mean = (100 + 1000 + 1300 + 1200 + 1400) / 5 = 1000 → 1000 wins; then 100; then 1200, 1300, 1400
    const bids = [bid("p1400", 1400), bid("p1200", 1200), bid("p100", 100), bid("p1300", 1300), bid("p1000", 1000)];
    expect(ids(rankAveragePrice(bids))).toEqual(["p1000", "p100", "p1200", "p1300", "p1400"]);
  });
});

describe("SCORED", () => {
  it("the price score is relative to the lowest bid wherever it is listed", () => {
    const r = rankScored([bid("dear", 1000, 0), bid("cheap", 500, 0)], { price: 100, credit: 0, serviceDays: 0 });
    expect(r.map((x) => [x.id, x.score, x.rank])).toEqual([
      ["cheap", 100, 1],
      ["dear", 50, 2],
    ]);
  });
  it("credit is clamped to 0–100 and service time is relative to the fastest offer", () => {
    const r = rankScored(
      [bid("slow", 1000, 0, { creditScore: 150, serviceDays: 40 }), bid("fast", 1000, 1, { creditScore: -20, serviceDays: 10 })],
      { price: 0, credit: 50, serviceDays: 50 },
    );
    expect(r.map((x) => [x.id, x.score])).toEqual([
      ["slow", 62.5],
      ["fast", 50],
    ]);
  });
});

describe("RANDOM_DRAW hashes", () => {
  // FIPS 180-2 test vector: SHA-256("abc").
  const abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  it("the commitment is SHA-256(seed) and the key SHA-256(seed ‖ agencyId), as anyone recomputes them", () => {
    expect(drawCommitment("abc")).toBe(abc);
    expect(drawKey("ab", "c")).toBe(abc);
    expect(drawKey("a", "bc")).toBe(abc);
  });
  it("hashes the text as UTF-8", () => {
    // SHA-256 of the UTF-8 bytes of "中介" (e4 b8 ad e4 bb 8b)
    const bytes = createHash("sha256")
      .update(Buffer.from([0xe4, 0xb8, 0xad, 0xe4, 0xbb, 0x8b]))
      .digest("hex");
    expect(drawCommitment("中介")).toBe(bytes);
    expect(drawKey("中", "介")).toBe(bytes);
  });
  it("entrants are ordered by ascending key, independent of input order", () => {
    const seed = "public-seed";
    const bids = ["q", "r", "s", "t", "u", "v"].map((id, i) => bid(id, 500, i));
    const forward = rankRandomDraw(bids, seed);
    const backward = rankRandomDraw([...bids].reverse(), seed);
    expect(ids(backward)).toEqual(ids(forward));
    const keys = forward.map((x) => x.key!);
    expect(keys).toEqual(bids.map((b) => drawKey(seed, b.agencyId)).sort());
    expect(forward.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe("verifyDraw", () => {
  const seed = "a-secret-seed-revealed-at-closing";
  const entrants = ["agency-1", "agency-2", "agency-3", "agency-4", "agency-5"];
  const ranking = [...entrants].sort((x, y) => (drawKey(seed, x) < drawKey(seed, y) ? -1 : 1));
  const good = { commitment: drawCommitment(seed), seed, entrants, ranking };

  it("accepts the true ranking whatever order the entrants were listed in", () => {
    expect(verifyDraw(good)).toEqual({ ok: true, problems: [] });
    expect(verifyDraw({ ...good, entrants: [...entrants].reverse() })).toEqual({ ok: true, problems: [] });
  });
  it("a commitment that does not match the seed is named", () => {
    const r = verifyDraw({ ...good, commitment: drawCommitment(seed + "x") });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual(["seed does not match the commitment published at opening"]);
  });
  it("a ranking with two entrants swapped, one missing or one extra is named", () => {
    const problem = ["ranking does not follow from the seed and the entrant list"];
    const swapped = [ranking[0]!, ranking[2]!, ranking[1]!, ranking[3]!, ranking[4]!];
    expect(verifyDraw({ ...good, ranking: swapped })).toEqual({ ok: false, problems: problem });
    expect(verifyDraw({ ...good, ranking: ranking.slice(0, 4) })).toEqual({ ok: false, problems: problem });
    expect(verifyDraw({ ...good, ranking: [...ranking, "agency-6"] })).toEqual({ ok: false, problems: problem });
  });
});
