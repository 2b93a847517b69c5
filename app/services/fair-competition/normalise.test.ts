import { describe, expect, it } from "vitest";
import { normalise, originalSpan } from "./normalise";

describe("normalise", () => {
  it("drops spaces at either end and next to Chinese, and collapses the others to one", () => {
    // tabs and repeated spaces are how a pasted notice arrives: "上海 市" must still read as 上海市
    expect(normalise(" Room  上海 市\tA  b ").text).toBe("room上海市a b");
    expect(normalise("must be\t\tregistered").text).toBe("must be registered");
    expect(normalise("abc  上海").text).toBe("abc上海");
  });

  it("keeps a line break (the end of a message or paragraph) and drops the spaces around it", () => {
    expect(normalise("甲 \n 乙\r\nabc").text).toBe("甲\n乙\nabc");
    expect(normalise("is required. \nBidders").text).toBe("is required.\nbidders");
    expect(normalise("Q: Is a branch required?\n A: No.").text).toBe("q: is a branch required?\na: no.");
  });

  it("reads written Cantonese and Hokkien as Mandarin: 唔使浪費時間 is 不用, 佇晉江 is 在晋江", () => {
    expect(normalise("其他機構唔使浪費時間報價").text).toBe("其他机构不用浪费时间报价");
    expect(normalise("唔使本地公司").text).toBe("不用本地公司");
    expect(normalise("有佇晉江做過的案仔").text).toBe("有在晋江做过的案仔");
    // 唔使 before anything else stays 不使 (not every "need not" is a denial of the bidders)
    expect(normalise("唔使驚").text).toBe("不使惊");
  });

  it("reads 、 as ，, full-width ； as ; and keeps 。", () => {
    expect(normalise("苏、浙；沪。").text).toBe("苏，浙;沪。");
  });

  it("maps every character back to the original, ending with the original's length", () => {
    const n = normalise("ＡＢ 上海");
    expect(n.text).toBe("ab上海");
    expect(n.map).toEqual([0, 1, 3, 4, 5]);
    expect(originalSpan(n, 2, 4)).toEqual([3, 5]);
  });

  it("joins a line broken in mid-phrase, and keeps one that ends a sentence or a message", () => {
    expect(normalise("注册地在\n湘西土家族苗族自治州以外").text).toBe("注册地在湘西土家族苗族自治州以外");
    expect(normalise("must be registered\nin Hunan").text).toBe("must be registered in hunan");
    expect(normalise("须为本地企业。\n驻场人员").text).toBe("须为本地企业。\n驻场人员");
    expect(normalise("外地的也可以报\n撤回上条").text).toBe("外地的也可以报\n撤回上条");
    expect(normalise("Is a branch required?\nA: No.").text).toBe("is a branch required?\na: no.");
  });

  it("reads the homophone slip 机购 as 机构 and Sichuan 莫得 / 莫报, keeping the length", () => {
    expect(normalise("报名机购须在区发改委备案").text).toBe("报名机构须在区发改委备案");
    // Sichuan–Chongqing: 莫得 = 没有, 莫报 = 别报
    expect(normalise("莫得的不考虑，其他律所莫报").text).toBe("没有的不考虑,其他律所别报");
  });

  it("reads Inner Mongolia's 盟内 / 旗内 before a bidder as 本盟 / 本旗, not 联盟内 or 红旗内", () => {
    expect(normalise("盟内注册的测绘机构加3分").text).toBe("本盟注册的测绘机构加3分");
    expect(normalise("旗内企业优先").text).toBe("本旗企业优先");
    expect(normalise("中介服务联盟内成员").text).toBe("中介服务联盟内成员");
    expect(normalise("插上红旗内的机构").text).toBe("插上红旗内的机构");
  });

  it("reads a heading word and a space as a label", () => {
    expect(normalise("澄清 原公告").text).toBe("澄清：原公告");
    expect(normalise("上海 市").text).toBe("上海市");
  });
});
