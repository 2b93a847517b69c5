import { createHash } from "node:crypto";

/**
 * Selection methods (docs/principles.md "Selection methods"), as pure functions over the
 * valid bids frozen at closing. Each returns the full ranking: the first entry
 * wins; if an objection against it is upheld, the award moves down the list.
 * Ties always go to the earlier bid (submittedAt, then id for a total order).
 */
export type RankableBid = { id: string; agencyId: string; amountFen: bigint; serviceDays: number; submittedAt: Date; creditScore: number };
export type Ranked = { id: string; agencyId: string; rank: number; score?: number; key?: string };

const earlier = (a: RankableBid, b: RankableBid) =>
  a.submittedAt.getTime() - b.submittedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byAmount = (a: RankableBid, b: RankableBid) => (a.amountFen < b.amountFen ? -1 : a.amountFen > b.amountFen ? 1 : 0);
const numbered = (list: (RankableBid & { score?: number; key?: string })[]): Ranked[] =>
  list.map((b, i) => ({
    id: b.id,
    agencyId: b.agencyId,
    rank: i + 1,
    ...(b.score !== undefined ? { score: b.score } : {}),
    ...(b.key ? { key: b.key } : {}),
  }));

/** LOWEST_PRICE (竞价选取): lowest amount wins; ties to the earlier bid. */
export function rankLowestPrice(bids: RankableBid[]): Ranked[] {
  return numbered([...bids].sort((a, b) => byAmount(a, b) || earlier(a, b)));
}

/**
 * AVERAGE_PRICE (均价比选): the bid closest to and not above the mean wins.
 * Ranking: bids at or below the mean by distance to it, then those above the
 * mean by distance; ties to the earlier bid.
 */
export function rankAveragePrice(bids: RankableBid[]): Ranked[] {
  if (bids.length === 0) return [];
  const total = bids.reduce((s, b) => s + b.amountFen, 0n);
  // Compare amount×n with total to stay exact in integers (no rounded mean).
  const n = BigInt(bids.length);
  const key = (b: RankableBid) => {
    const scaled = b.amountFen * n;
    return { above: scaled > total, distance: scaled > total ? scaled - total : total - scaled };
  };
  return numbered(
    [...bids].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka.above !== kb.above) return ka.above ? 1 : -1;
      return ka.distance < kb.distance ? -1 : ka.distance > kb.distance ? 1 : earlier(a, b);
    }),
  );
}

export type ScoringWeights = { price: number; credit: number; serviceDays: number };

/**
 * SCORED (综合评价) with published weights: price score = lowest valid price /
 * this price × weight; credit = credit score / 100 × weight; service time =
 * shortest offered days / these days × weight. Highest total wins.
 */
export function rankScored(bids: RankableBid[], w: ScoringWeights): Ranked[] {
  if (bids.length === 0) return [];
  const lowest = bids.reduce((m, b) => (b.amountFen < m ? b.amountFen : m), bids[0]!.amountFen);
  const fastest = Math.min(...bids.map((b) => b.serviceDays));
  const scored = bids.map((b) => {
    const price = Number(lowest) / Number(b.amountFen);
    const credit = Math.min(100, Math.max(0, b.creditScore)) / 100;
    const days = fastest / b.serviceDays;
    const score = Math.round((price * w.price + credit * w.credit + days * w.serviceDays) * 100) / 100;
    return { ...b, score };
  });
  return numbered(scored.sort((a, b) => b.score - a.score || earlier(a, b)));
}

/** The draw key of one entrant: SHA-256(seed ‖ agencyId), hex. Anyone can recompute it. */
export function drawKey(seed: string, agencyId: string): string {
  return createHash("sha256")
    .update(seed + agencyId, "utf8")
    .digest("hex");
}

/** The published commitment to the secret seed: SHA-256(seed), hex. */
export function drawCommitment(seed: string): string {
  return createHash("sha256").update(seed, "utf8").digest("hex");
}

/** RANDOM_DRAW (随机抽取): entrants ordered by their draw key, ascending. */
export function rankRandomDraw(bids: RankableBid[], seed: string): Ranked[] {
  const keyed = bids.map((b) => ({ ...b, key: drawKey(seed, b.agencyId) }));
  return numbered(keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
}

export type DrawAnnouncement = { commitment: string; seed: string; entrants: string[]; ranking: string[] };

/** Verifies a published draw: the seed matches the commitment and the ranking follows from seed + entrants. */
export function verifyDraw(a: DrawAnnouncement): { ok: boolean; problems: string[] } {
  const problems: string[] = [];
  if (drawCommitment(a.seed) !== a.commitment) problems.push("seed does not match the commitment published at opening");
  const expected = [...a.entrants].sort((x, y) => {
    const kx = drawKey(a.seed, x);
    const ky = drawKey(a.seed, y);
    return kx < ky ? -1 : kx > ky ? 1 : 0;
  });
  if (expected.length !== a.ranking.length || expected.some((id, i) => id !== a.ranking[i])) {
    problems.push("ranking does not follow from the seed and the entrant list");
  }
  return { ok: problems.length === 0, problems };
}
