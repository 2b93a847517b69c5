import { describe, expect, it } from "vitest";
import { nameGrams, queryGrams } from "./ngrams";

describe("search grams", () => {
  it("indexes every character and every adjacent pair", () => {
    expect(nameGrams("华测 勘察").sort()).toEqual(["华", "华测", "测", "测勘", "勘", "勘察", "察"].sort());
  });
  it("normalizes full-width and case", () => {
    expect(nameGrams("ＡＢ")).toEqual(nameGrams("ab"));
  });
  it("a query's grams are contained in the grams of any name containing it", () => {
    const name = nameGrams("上海华测勘察设计有限公司");
    for (const q of ["华测", "勘察设计", "上", "有限公司"]) {
      expect(queryGrams(q).every((g) => name.includes(g))).toBe(true);
    }
    expect(queryGrams("华设").every((g) => name.includes(g))).toBe(false);
  });
});
