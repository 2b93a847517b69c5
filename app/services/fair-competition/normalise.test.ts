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

  it("reads every written Cantonese word it knows as its Mandarin word, one character for one or two", () => {
    // 喺唔冇嘅咗哋啲畀俾攞搵揾睇嚟 and Hokkien 佇 (伫 once simplified)
    expect(normalise("喺").text).toBe("在");
    expect(normalise("唔").text).toBe("不");
    expect(normalise("冇").text).toBe("没有");
    expect(normalise("嘅").text).toBe("的");
    expect(normalise("咗").text).toBe("了");
    expect(normalise("哋").text).toBe("们");
    expect(normalise("啲").text).toBe("些");
    expect(normalise("畀俾").text).toBe("给给");
    expect(normalise("攞").text).toBe("拿");
    expect(normalise("搵揾").text).toBe("找找");
    expect(normalise("睇").text).toBe("看");
    expect(normalise("嚟").text).toBe("来");
    expect(normalise("佇").text).toBe("在");
    // 冇 is two characters read, both mapped back to the one written
    expect(normalise("冇本地").map).toEqual([0, 0, 1, 2, 3]);
  });

  it("reads 頭三間 as 前三家 only before a count of firms, and 係 as 是 only after 但/唔/就…", () => {
    expect(normalise("頭三間公司").text).toBe("前三家公司");
    expect(normalise("头3家").text).toBe("前3家");
    expect(normalise("头十二名").text).toBe("前十二名");
    expect(normalise("头一二三名").text).toBe("头一二三名");
    expect(normalise("头部三家").text).toBe("头部三家");
    expect(normalise("头三个人").text).toBe("前三个人");
    expect(normalise("头三栋").text).toBe("头三栋");
    expect(normalise("三間報名").text).toBe("三家报名");
    expect(normalise("两间，").text).toBe("两家,");
    expect(normalise("收两间").text).toBe("收两家");
    expect(normalise("两间的").text).toBe("两家的");
    expect(normalise("三间房").text).toBe("三间房");
    expect(normalise("房间，").text).toBe("房间,");
    expect(normalise("但係").text).toBe("但是");
    expect(normalise("關係").text).toBe("关系");
    expect(normalise("不系统").text).toBe("不系统");
  });

  it("reads chat shorthand by pinyin initials next to Chinese, not inside an English word", () => {
    expect(normalise("bd的优先").text).toBe("本地的优先");
    expect(normalise("yx本地").text).toBe("优先本地");
    expect(normalise("要包头zc的").text).toBe("要包头注册的");
    expect(normalise("wd的不要").text).toBe("外地的不要");
    expect(normalise("abd的").text).toBe("abd的");
    expect(normalise("的bdx").text).toBe("的bdx");
    expect(normalise("BD team").text).toBe("bd team");
    // every occurrence, on either side
    expect(normalise("bd的bd的").text).toBe("本地的本地的");
    expect(normalise("yx本地yx本地").text).toBe("优先本地优先本地");
    expect(normalise("的bd,的bd,").text).toBe("的本地,的本地,"); // Chinese before only
    expect(normalise(",bd的,bd的").text).toBe(",本地的,本地的"); // Chinese after only
    // two letters for two characters: the map stays one to one
    expect(normalise("bd的").map).toEqual([0, 1, 2, 3]);
  });

  it("drops the accents of Latin letters, one letter for one", () => {
    expect(normalise("Garzê Lāsà").text).toBe("garze lasa");
    expect(normalise("Garzê").map).toEqual([0, 1, 2, 3, 4, 5]);
    // only Latin letters: a Korean syllable is not taken apart into its letters
    expect(normalise("한국").text).toBe("한국");
  });

  it("reads a heading after spaces at a line's start as a label too", () => {
    expect(normalise(" 澄清 原公告").text).toBe("澄清：原公告");
    // more than one space before the next word, and not a word that is not Chinese
    expect(normalise("澄清  原公告").text).toBe("澄清：原公告");
    expect(normalise("澄清 abc原").text).toBe("澄清abc原");
    expect(normalise("甲\n  更正 原公告").text).toBe("甲\n更正：原公告");
  });

  it("looks past spaces after a line break for the next word, and keeps a break at either end of the text", () => {
    expect(normalise("注册地在\n 湘西").text).toBe("注册地在湘西");
    expect(normalise("注册地在\nabc").text).toBe("注册地在\nabc");
    expect(normalise("\nabc").text).toBe("\nabc");
    expect(normalise("abc\n").text).toBe("abc\n");
  });
});
