import { beforeAll, describe, expect, it } from "vitest";
import {
  corpus as first,
  holdout,
  holdout2,
  holdout3,
  holdout4,
  holdout5,
  holdout6,
  holdout7,
  holdout8,
  holdout9,
  holdout10,
  holdout11,
  holdout12,
  holdout13,
  holdout14,
  holdout15,
  holdout16,
  holdout17,
  holdout18,
  holdout19,
  holdout20,
  holdout21,
  holdout22,
  holdout23,
  holdout24,
  holdout25,
  holdout26,
  holdout27,
  holdout28,
  holdout29,
  holdout30,
  holdout31,
  holdout32,
  holdout33,
  holdout34,
  holdout35,
  holdout36,
  holdout37,
  holdout38,
  holdout39,
  holdout40,
  holdout41,
  holdout42,
  holdout43,
  holdout44,
  holdout45,
  holdout46,
  holdout47,
  holdout48,
  holdout49,
  holdout50,
  holdout51,
  holdout52,
  holdout53,
  holdout54,
  holdout55,
  holdout56,
  holdout57,
  holdout58,
  holdout59,
  holdout60,
  holdout61,
  holdout62,
  holdout63,
  holdout64,
  holdout65,
  holdout66,
  holdout67,
  holdout68,
  holdout69,
  holdout70,
  holdout71,
  holdout72,
  holdout73,
  holdout74,
  holdout75,
  holdout76,
  holdout77,
  holdout78,
  holdout79,
  holdout80,
  holdout81,
  holdout82,
  holdout83,
  holdout84,
  holdout85,
  holdout86,
  holdout87,
  holdout88,
  holdout89,
  holdout90,
  holdout91,
  holdout92,
  holdout93,
  holdout94,
  holdout95,
  holdout96,
  holdout97,
  holdout98,
  holdout99,
  holdout100,
  holdout101,
  holdout102,
  holdout103,
  holdout104,
  holdout105,
  holdout106,
  holdout107,
  holdout108,
  holdout109,
  holdout110,
  holdout111,
  holdout112,
  holdout113,
  holdout114,
  holdout115,
  holdout116,
  holdout117,
  holdout118,
  holdout119,
  holdout120,
  holdout121,
  holdout122,
  holdout123,
  holdout124,
  holdout125,
  holdout126,
  holdout127,
  holdout128,
  holdout129,
  holdout130,
  holdout131,
  holdout132,
  holdout133,
  holdout134,
  holdout135,
  holdout136,
  holdout137,
  holdout138,
  probe1206,
  holdout140,
  holdout141,
  holdout139,
  holdout143,
  holdout142,
  holdout144,
  type CorpusLabel,
} from "./corpus";

const corpus = [
  ...first,
  ...holdout,
  ...holdout2,
  ...holdout3,
  ...holdout4,
  ...holdout5,
  ...holdout6,
  ...holdout7,
  ...holdout8,
  ...holdout9,
  ...holdout10,
  ...holdout11,
  ...holdout12,
  ...holdout13,
  ...holdout14,
  ...holdout15,
  ...holdout16,
  ...holdout17,
  ...holdout18,
  ...holdout19,
  ...holdout20,
  ...holdout21,
  ...holdout22,
  ...holdout23,
  ...holdout24,
  ...holdout25,
  ...holdout26,
  ...holdout27,
  ...holdout28,
  ...holdout29,
  ...holdout30,
  ...holdout31,
  ...holdout32,
  ...holdout33,
  ...holdout34,
  ...holdout35,
  ...holdout36,
  ...holdout37,
  ...holdout38,
  ...holdout39,
  ...holdout40,
  ...holdout41,
  ...holdout42,
  ...holdout43,
  ...holdout44,
  ...holdout45,
  ...holdout46,
  ...holdout47,
  ...holdout48,
  ...holdout49,
  ...holdout50,
  ...holdout51,
  ...holdout52,
  ...holdout53,
  ...holdout54,
  ...holdout55,
  ...holdout56,
  ...holdout57,
  ...holdout58,
  ...holdout59,
  ...holdout60,
  ...holdout61,
  ...holdout62,
  ...holdout63,
  ...holdout64,
  ...holdout65,
  ...holdout66,
  ...holdout67,
  ...holdout68,
  ...holdout69,
  ...holdout70,
  ...holdout71,
  ...holdout72,
  ...holdout73,
  ...holdout74,
  ...holdout75,
  ...holdout76,
  ...holdout77,
  ...holdout78,
  ...holdout79,
  ...holdout80,
  ...holdout81,
  ...holdout82,
  ...holdout83,
  ...holdout84,
  ...holdout85,
  ...holdout86,
  ...holdout87,
  ...holdout88,
  ...holdout89,
  ...holdout90,
  ...holdout91,
  ...holdout92,
  ...holdout93,
  ...holdout94,
  ...holdout95,
  ...holdout96,
  ...holdout97,
  ...holdout98,
  ...holdout99,
  ...holdout100,
  ...holdout101,
  ...holdout102,
  ...holdout103,
  ...holdout104,
  ...holdout105,
  ...holdout106,
  ...holdout107,
  ...holdout108,
  ...holdout109,
  ...holdout110,
  ...holdout111,
  ...holdout112,
  ...holdout113,
  ...holdout114,
  ...holdout115,
  ...holdout116,
  ...holdout117,
  ...holdout118,
  ...holdout119,
  ...holdout120,
  ...holdout121,
  ...holdout122,
  ...holdout123,
  ...holdout124,
  ...holdout125,
  ...holdout126,
  ...holdout127,
  ...holdout128,
  ...holdout129,
  ...holdout130,
  ...holdout131,
  ...holdout132,
  ...holdout133,
  ...holdout134,
  ...holdout135,
  ...holdout136,
  ...holdout137,
  ...holdout138,
  ...probe1206,
  ...holdout140,
  ...holdout141,
  ...holdout139,
  ...holdout143,
  ...holdout142,
  ...holdout144,
];
import { compileAll, reviewFairCompetition, type Outcome } from "./engine";

/**
 * Scores the rules against the labelled corpus (written independently of the rules) and prints the
 * confusion matrix. Recall counts a restrictive text as caught when it is refused OR held for review.
 *
 * The texts are reviewed inside the tests that assert on them, not while the file is collected: Stryker
 * attributes code run outside a test to no test ("static") and then cannot tell which tests a mutant
 * in the engine needs (docs/mutation-testing.md, fourth round). Each half is reviewed once per run.
 */
type Result = (typeof corpus)[number] & ReturnType<typeof reviewFairCompetition>;
const reviewed = new Map<"restrictive" | "ordinary", Result[]>();
function results(half: "restrictive" | "ordinary"): Result[] {
  let of = reviewed.get(half);
  if (!of) {
    of = corpus
      .filter((e) => (e.label === "ordinary") === (half === "ordinary"))
      .map((e) => ({ ...e, ...reviewFairCompetition({ text: e.text }) }));
    reviewed.set(half, of);
  }
  return of;
}

/**
 * Reviewing every text of one half takes ~10 s on a quiet machine and 24 s on CI's shared two cores (2026-12-04,
 * 3,700 texts): more than the unit project's 30 s default leaves room for as the corpus grows.
 */
const REVIEW_ALL_TIMEOUT = 180_000;

describe("fair-competition corpus", () => {
  beforeAll(() => compileAll(), 60_000);
  const labels = [...new Set(corpus.map((e) => e.label))] as CorpusLabel[];

  it("has enough texts in every category, Chinese and English", () => {
    expect(corpus.filter((e) => e.label !== "ordinary").length).toBeGreaterThanOrEqual(100);
    expect(corpus.filter((e) => e.label === "ordinary").length).toBeGreaterThanOrEqual(50);
    for (const label of labels) {
      const of = corpus.filter((e) => e.label === label);
      expect(
        of.some((e) => /[\u4e00-\u9fff]/.test(e.text)),
        label,
      ).toBe(true);
      expect(
        of.some((e) => !/[\u4e00-\u9fff]/.test(e.text)),
        label,
      ).toBe(true);
    }
  });

  // The targets are recall ≥ 98 % and false refusals ≤ 2 %; the rules meet 100 % and 0, and every round
  // keeps them there. Asserting the texts themselves (not the rates) makes the corpus a regression gate: one
  // restrictive text published, or one ordinary text refused, fails the suite and names the text — a rate would let
  // ~150 texts move unnoticed (docs/mutation-testing.md, fifteenth round).
  it(
    "catches every restrictive text (refused or held for review)",
    () => {
      const restrictive = results("restrictive");
      const published = restrictive.filter((r) => r.outcome === "ok").map((r) => `[${r.label}] ${r.text}`);
      expect(published).toEqual([]);
    },
    REVIEW_ALL_TIMEOUT,
  );

  it(
    "refuses no ordinary text, and holds few for review",
    () => {
      const ordinary = results("ordinary");
      const refused = ordinary.filter((r) => r.outcome === "refuse").length;
      const review = ordinary.filter((r) => r.outcome === "review").length;
      console.log(`ordinary: ${refused} refused, ${review} held for review, of ${ordinary.length}`);
      expect(ordinary.filter((r) => r.outcome === "refuse").map((r) => r.text)).toEqual([]);
      expect(review / ordinary.length).toBeLessThanOrEqual(0.05);
    },
    REVIEW_ALL_TIMEOUT,
  );

  // last: it reuses the two halves reviewed above
  it("prints the confusion matrix", () => {
    const restrictive = results("restrictive");
    const all = [...restrictive, ...results("ordinary")];
    const rows = labels.map((label) => {
      const of = all.filter((r) => r.label === label);
      const count = (o: Outcome) => of.filter((r) => r.outcome === o).length;
      const sameCategory = of.filter((r) => r.hits.some((h) => h.category === label)).length;
      return { label, texts: of.length, refuse: count("refuse"), review: count("review"), ok: count("ok"), sameCategory };
    });
    rows.push({
      label: "ALL restrictive" as CorpusLabel,
      texts: restrictive.length,
      refuse: restrictive.filter((r) => r.outcome === "refuse").length,
      review: restrictive.filter((r) => r.outcome === "review").length,
      ok: restrictive.filter((r) => r.outcome === "ok").length,
      sameCategory: restrictive.filter((r) => r.hits.some((h) => h.category === r.label)).length,
    });
    console.table(rows);
    const missed = all.filter((r) => (r.label === "ordinary") !== (r.outcome === "ok"));
    if (missed.length) console.log("misclassified:\n" + missed.map((m) => `  [${m.label} → ${m.outcome}] ${m.text}`).join("\n"));
  });
});
