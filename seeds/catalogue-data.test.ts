import { describe, it, expect } from "vitest";
import { catalogueItems, type CatalogueSeed } from "./catalogue-data";

const EXPECTED_NAMES = [
  "土地勘测",
  "地质灾害危险性评估",
  "水土保持方案编制",
  "文物影响评估",
  "洪水影响评价",
  "地震安全性评价",
  "气候可行性论证",
  "环境影响评价",
  "水资源论证",
  "雷电灾害风险评估",
  "建设工程施工图审查",
  "房产测绘",
  "节能评估",
  "安全评价",
  "职业病危害评价",
];

const STRING_FIELDS = [
  "code",
  "name",
  "nameEn",
  "category",
  "categoryEn",
  "legalBasis",
  "approvalServed",
  "department",
  "standards",
  "materials",
  "procedure",
  "content",
  "fees",
  "qualityControl",
] as const satisfies readonly (keyof CatalogueSeed)[];

describe("seed catalogue", () => {
  it("has exactly 15 items", () => {
    expect(catalogueItems).toHaveLength(15);
  });

  it("has unique codes in the ZJ-PT-nnn scheme", () => {
    const codes = catalogueItems.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^ZJ-PT-\d{3}$/);
  });

  it("has unique names and English names", () => {
    expect(new Set(catalogueItems.map((i) => i.name)).size).toBe(catalogueItems.length);
    expect(new Set(catalogueItems.map((i) => i.nameEn)).size).toBe(catalogueItems.length);
  });

  it("contains every required item name and nothing else", () => {
    const names = catalogueItems.map((i) => i.name);
    for (const name of EXPECTED_NAMES) expect(names).toContain(name);
    expect([...names].sort()).toEqual([...EXPECTED_NAMES].sort());
  });

  it.each(catalogueItems.map((i) => [i.code, i] as const))("%s has every required field filled", (_code, item) => {
    for (const field of STRING_FIELDS) {
      expect(typeof item[field], field).toBe("string");
      expect(item[field].trim().length, field).toBeGreaterThan(0);
    }
    expect(["MARKET", "GOVERNMENT"]).toContain(item.feeBasis);
    expect(Array.isArray(item.qualificationTypes)).toBe(true);
    for (const q of item.qualificationTypes) expect(q.trim().length).toBeGreaterThan(0);
  });

  it.each(catalogueItems.map((i) => [i.code, i.timeLimitDays] as const))("%s has a positive integer time limit", (_code, days) => {
    expect(Number.isInteger(days)).toBe(true);
    expect(days).toBeGreaterThan(0);
  });

  it("lists materials and procedure steps as numbered lines", () => {
    for (const item of catalogueItems) {
      for (const text of [item.materials, item.procedure]) {
        const rows = text.split("\n");
        expect(rows.length, item.code).toBeGreaterThanOrEqual(3);
        rows.forEach((row, idx) => expect(row.startsWith(`${idx + 1}. `), `${item.code}: ${row}`).toBe(true));
      }
    }
  });

  it("explains the absence of a required qualification in the service content", () => {
    for (const item of catalogueItems.filter((i) => i.qualificationTypes.length === 0)) {
      expect(item.content, item.code).toMatch(/资质/);
    }
  });

  it("never restricts agencies by region (公平竞争审查)", () => {
    for (const item of catalogueItems) {
      const text = Object.values(item).flat().join("\n");
      expect(text, item.code).not.toMatch(/本地注册|须在普陀区设立|指定.{0,10}公司/);
    }
  });
});
