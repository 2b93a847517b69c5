import { describe, expect, it } from "vitest";
import { citiesOf, provinces, regionByCode, regionInProvince, regionLabel, type Region } from "./regions";

const allCities: Region[] = provinces.flatMap((p) => citiesOf(p.code));
const MUNICIPALITIES = ["110000", "120000", "310000", "500000"];
const SARS_AND_TAIWAN = ["710000", "810000", "820000"];

describe("provinces", () => {
  it("has the 34 province-level divisions, codes ending in 0000", () => {
    expect(provinces).toHaveLength(34);
    for (const p of provinces) {
      expect(p.code).toMatch(/^[1-8]\d0000$/);
      expect(p.parent).toBeUndefined();
      expect(p.name).toMatch(/(省|市|自治区|特别行政区)$/);
      expect(p.nameEn).toMatch(/^[A-Z][A-Za-z' ]+$/);
    }
  });

  it("includes Taiwan, Hong Kong and Macao with no subdivisions", () => {
    for (const code of SARS_AND_TAIWAN) {
      expect(regionByCode(code)).toBeDefined();
      expect(citiesOf(code)).toEqual([]);
    }
  });
});

describe("cities", () => {
  it("every code is unique across the whole list", () => {
    const codes = [...provinces, ...allCities].map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("every city is 6 digits, starts with its province's first 2 digits and points at it", () => {
    for (const p of provinces) {
      for (const c of citiesOf(p.code)) {
        expect(c.code).toMatch(/^\d{6}$/);
        expect(c.code.slice(0, 2), c.name).toBe(p.code.slice(0, 2));
        expect(c.code).not.toBe(p.code);
        expect(c.parent).toBe(p.code);
        expect(c.name.length).toBeGreaterThan(1);
        expect(c.nameEn).toMatch(/^[A-Z][A-Za-zü' ]+$/);
      }
    }
  });

  it("has all 333 prefecture-level divisions (293 市, 7 地区, 30 自治州, 3 盟)", () => {
    const prefectures = allCities.filter((c) => c.code.endsWith("00") && !MUNICIPALITIES.includes(c.parent!));
    expect(prefectures).toHaveLength(333);
    const count = (suffix: RegExp) => prefectures.filter((c) => suffix.test(c.name)).length;
    expect(count(/自治州$/)).toBe(30);
    expect(count(/地区$/)).toBe(7);
    expect(count(/盟$/)).toBe(3);
    expect(count(/市$/)).toBe(293);
  });

  it("lists the municipalities' districts (and Chongqing's counties)", () => {
    expect(citiesOf("110000")).toHaveLength(16);
    expect(citiesOf("120000")).toHaveLength(16);
    expect(citiesOf("310000")).toHaveLength(16);
    expect(citiesOf("500000")).toHaveLength(38);
    expect(citiesOf("310000").map((c) => c.name)).toEqual([
      "黄浦区", "徐汇区", "长宁区", "静安区", "普陀区", "虹口区", "杨浦区", "闵行区",
      "宝山区", "嘉定区", "浦东新区", "金山区", "松江区", "青浦区", "奉贤区", "崇明区",
    ]);
    for (const code of MUNICIPALITIES) {
      for (const c of citiesOf(code)) expect(c.name).toMatch(/(区|县)$/);
    }
  });

  it("lists the county-level units directly under a province", () => {
    expect(regionByCode("419001")).toMatchObject({ name: "济源市", parent: "410000" });
    expect(regionByCode("429021")).toMatchObject({ name: "神农架林区", parent: "420000" });
    expect(citiesOf("460000").filter((c) => c.code.startsWith("4690"))).toHaveLength(15);
    expect(citiesOf("650000").filter((c) => c.code.startsWith("6590"))).toHaveLength(12);
  });

  it("returns [] for an unknown province", () => {
    expect(citiesOf("990000")).toEqual([]);
    expect(citiesOf("330100")).toEqual([]);
  });
});

describe("regionByCode", () => {
  it.each([
    ["110000", "北京市", "Beijing", undefined],
    ["310000", "上海市", "Shanghai", undefined],
    ["310107", "普陀区", "Putuo", "310000"],
    ["330000", "浙江省", "Zhejiang", undefined],
    ["330100", "杭州市", "Hangzhou", "330000"],
    ["440000", "广东省", "Guangdong", undefined],
    ["440300", "深圳市", "Shenzhen", "440000"],
    ["650000", "新疆维吾尔自治区", "Xinjiang", undefined],
    ["540000", "西藏自治区", "Xizang", undefined],
    ["150000", "内蒙古自治区", "Inner Mongolia", undefined],
    ["610000", "陕西省", "Shaanxi", undefined],
    ["140000", "山西省", "Shanxi", undefined],
    ["222400", "延边朝鲜族自治州", "Yanbian Korean Autonomous Prefecture", "220000"],
    ["632500", "海南藏族自治州", "Hainan Tibetan Autonomous Prefecture", "630000"],
    ["152500", "锡林郭勒盟", "Xilingol League", "150000"],
    ["341500", "六安市", "Lu'an", "340000"],
    ["460400", "儋州市", "Danzhou", "460000"],
    ["500233", "忠县", "Zhong County", "500000"],
  ])("%s → %s / %s", (code, name, nameEn, parent) => {
    const region = regionByCode(code);
    expect(region).toEqual(parent ? { code, name, nameEn, parent } : { code, name, nameEn });
  });

  it("returns undefined for unknown codes", () => {
    expect(regionByCode("330106")).toBeUndefined();
    expect(regionByCode("")).toBeUndefined();
    expect(regionByCode("abc")).toBeUndefined();
  });
});

describe("regionLabel", () => {
  it.each([
    ["310107", "上海市 普陀区", "Shanghai, Putuo"],
    ["310000", "上海市", "Shanghai"],
    ["330100", "浙江省 杭州市", "Zhejiang, Hangzhou"],
    ["440300", "广东省 深圳市", "Guangdong, Shenzhen"],
    ["110108", "北京市 海淀区", "Beijing, Haidian"],
    ["650000", "新疆维吾尔自治区", "Xinjiang"],
    ["654000", "新疆维吾尔自治区 伊犁哈萨克自治州", "Xinjiang, Ili Kazakh Autonomous Prefecture"],
    ["810000", "香港特别行政区", "Hong Kong"],
  ])("%s → %s / %s", (code, zh, en) => {
    expect(regionLabel(code, "zh")).toBe(zh);
    expect(regionLabel(code, "en")).toBe(en);
  });

  it("falls back to the prefecture, then the province, for unlisted county-level codes", () => {
    expect(regionLabel("330106", "zh")).toBe("浙江省 杭州市"); // 西湖区
    expect(regionLabel("330106", "en")).toBe("Zhejiang, Hangzhou");
    expect(regionLabel("419099", "zh")).toBe("河南省");
  });

  it("returns unknown codes unchanged", () => {
    expect(regionLabel("990000", "zh")).toBe("990000");
    expect(regionLabel("", "en")).toBe("");
  });
});

describe("regionInProvince", () => {
  it("accepts a city of the province, a province without cities as itself, and no province at all", () => {
    expect(regionInProvince("310107", "310000")).toBe(true);
    expect(regionInProvince("650100", "650000")).toBe(true);
    expect(regionInProvince("810000", "810000")).toBe(true);
    expect(regionInProvince("310107", undefined)).toBe(true);
  });
  it("refuses a city of another province and an unknown code", () => {
    expect(regionInProvince("310107", "330000")).toBe(false);
    expect(regionInProvince("999999", "310000")).toBe(false);
    expect(regionInProvince("310000", "330000")).toBe(false);
  });
});
