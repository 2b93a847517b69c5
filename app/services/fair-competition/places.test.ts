import { beforeAll, describe, expect, it } from "vitest";
import { enPlaceSource, maskPlaces } from "./places";

// The name index and the English pattern are built once per module and cached: built here, outside any test,
// so that Stryker counts the building as static and runs every test against a mutant of it (docs/mutation-testing.md).
beforeAll(() => {
  maskPlaces("");
  enPlaceSource();
});

/** The masked text with a named place's characters as M and a "here" word's (本地、区内) as L. */
const masked = (text: string) =>
  maskPlaces(text)
    .replace(/\uE000/gu, "M")
    .replace(/\uE001/gu, "L");

describe("maskPlaces", () => {
  it("masks a template's blank for a place (XX区, ××市, 某某县), not a word that runs on from it (xx区域)", () => {
    expect(masked("须在xx区参加社保")).toBe("须在MMM参加社保");
    expect(masked("须为××市注册企业")).toBe("须为MMM注册企业");
    expect(masked("某某县设有办事处")).toBe("MMM设有办事处");
    expect(masked("xx区域")).toBe("xx区域");
    expect(masked("abxx市")).toBe("abxx市");
  });

  it("masks the longest name first: a province's city and district, not its short name and a stray 市", () => {
    expect(masked("上海市浦东新区")).toBe("MMMMMMM");
    expect(masked("和政县")).toBe("MMM");
    expect(masked("周至县")).toBe("MMM");
  });

  it("masks a place spelt in pinyin only where it touches Chinese, as a whole word of four letters or more", () => {
    expect(masked("须在longgang区设有办公地址")).toBe("须在MMMMMMMM区设有办公地址");
    expect(masked("在xiaoshan办理")).toBe("在MMMMMMMM办理");
    expect(masked("longgang区")).toBe("MMMMMMMM区");
    expect(masked("须在longgang")).toBe("须在MMMMMMMM");
    expect(masked("须在wuxi注册")).toBe("须在MMMM注册"); // four letters is enough
    // with its apostrophe (Xi'an), as the names are kept without it
    expect(masked("须在xi'an注册")).toBe("须在MMMMM注册");
    // English around it is English: the English rules read it
    expect(masked("in longgang district")).toBe("in longgang district");
    // inside a longer word, and the two-letter chat abbreviations (sh, bj) next to Chinese
    expect(masked("须在xlonggang区")).toBe("须在xlonggang区");
    expect(masked("须在sh区")).toBe("须在sh区");
  });

  it("reads one province's abbreviation before 内 and a registration word, at the start or after 为/是/在…", () => {
    expect(masked("川内注册企业")).toBe("M内注册企业");
    expect(masked("须为川内注册企业")).toBe("须为M内注册企业");
    // not after another Chinese word (河川: a river)
    expect(masked("河川内注册企业")).toBe("河川内注册企业");
    // 四川 is the name itself
    expect(masked("四川内注册企业")).toBe("MM内注册企业");
  });

  it("masks one abbreviation after 在/于 only before what an agency does or has there (round 129)", () => {
    expect(masked("注册地在沪的企业")).toBe("注册地在M的企业");
    expect(masked("须在浙设有分公司")).toBe("须在M设有分公司");
    expect(masked("在粤完成同类项目")).toBe("在M完成同类项目");
    // 在黑名单: a blacklist, not Heilongjiang; 在京沪高铁 is the run of two
    expect(masked("不在黑名单内")).toBe("不在黑名单内");
    expect(masked("在湘江边")).toBe("在湘江边");
  });

  it("masks two to four abbreviations in a row or a list before 两地/三地, not one character doubled", () => {
    expect(masked("苏浙沪企业")).toBe("MMM企业");
    expect(masked("穗，深两地企业")).toBe("MMM两地企业");
    expect(masked("津津有味")).toBe("津津有味");
  });

  it("reads the whole country as no place", () => {
    expect(masked("中国境内")).toBe("中国境内");
    expect(masked("全国范围内")).toBe("全国范围内");
  });

  it("leaves a short name that belongs to the word before it, only when that word ends right before it", () => {
    expect(masked("信息公开平台")).toBe("信息公开平台");
    expect(masked("公布开平的")).toBe("公布MM的");
    expect(masked("坝上高寒区")).toBe("坝上高寒区");
    expect(masked("坝子上高的")).toBe("坝子MM的");
    // (round 137) 以上/之上/以下 before a word: 3项以上城市更新项目、5年以上林业、3000米以上高海拔、以上海拔; 以上海市 is Shanghai
    expect(masked("3项以上城市更新")).toBe("3项以上城市更新");
    expect(masked("5年以上林业调查")).toBe("5年以上林业调查");
    expect(masked("3000米以上高海拔")).toBe("3000米以上高海拔");
    expect(masked("3000米以上海拔")).toBe("3000米以上海拔");
    expect(masked("以上海市企业")).toBe("以MMM企业");
    expect(masked("在上城区")).toBe("在MMM");
    expect(masked("符号合江的")).toBe("符号MM的");
    expect(masked("保护区内")).toBe("保护区内");
    expect(masked("保护好区内企业")).toBe("保护好LL企业");
    expect(masked("区内注册")).toBe("LL注册");
  });

  it("leaves a short name or a 'here' word that runs into the next word, only when that word starts right after it", () => {
    expect(masked("行政审批和政务服务局")).toBe("行政审批和政务服务局");
    expect(masked("和政的务工")).toBe("MM的务工");
    expect(masked("周至少")).toBe("周至少");
    expect(masked("周至的少")).toBe("MM的少");
    expect(masked("项目地点")).toBe("项目地点");
    expect(masked("项目地的地块")).toBe("LLL的地块");
    expect(masked("区内重点项目")).toBe("区内重点项目");
    expect(masked("区内的重点")).toBe("LL的重点");
    expect(masked("本地部署")).toBe("本地部署");
    expect(masked("本地35kv线路")).toBe("本地35kv线路");
    expect(masked("本地基本农田")).toBe("本地基本农田");
    expect(masked("本地企业")).toBe("LL企业");
    expect(masked("当地政府")).toBe("当地政府");
    expect(masked("当地村委")).toBe("当地村委");
    expect(masked("当地企业")).toBe("LL企业");
    expect(masked("本地区抗震设防")).toBe("本地区抗震设防");
    expect(masked("本地区的抗震")).toBe("LLL的抗震");
    expect(masked("县城关镇")).toBe("县城关镇");
    expect(masked("县城的关卡")).toBe("LL的关卡");
  });
});

describe("enPlaceSource", () => {
  const place = (text: string) => text.match(new RegExp(enPlaceSource(), "u"))?.[0];

  it("matches the longest English name, with its suffix or without it when the rest is long enough", () => {
    expect(place("registered in xilingol league")).toBe("xilingol league");
    expect(place("registered in xilingol")).toBe("xilingol");
    expect(place("registered in inner mongolia")).toBe("inner mongolia");
    expect(place("registered in hangzhou")).toBe("hangzhou");
    expect(place("registered in xian")).toBe("xian");
    // a short name that is too short alone (Ali): only before its suffix
    expect(place("registered in ali")).toBeUndefined();
    expect(place("registered in minle county")).toBe("minle");
  });

  it("matches states and provinces abroad by their own names, not Victoria Harbour nor a statute (round 134)", () => {
    expect(place("registered in queensland")).toBe("queensland");
    expect(place("a presence in western australia")).toBe("western australia");
    expect(place("registered in new south wales")).toBe("new south wales");
    expect(place("payroll tax in the act for two years")).toBe("act");
    expect(place("as defined in the act")).toBeUndefined();
    expect(place("the kowloon side of victoria harbour")).toBeUndefined();
    expect(place("an office in victoria")).toBe("victoria");
  });
});
