/**
 * The helpers behind the scan's exceptions (engine.ts): where a meeting is, a finding that reads a fact, a clause a
 * complaint quotes, a requirement denied before its words, a later clause saying a place is not required, a question
 * asked only of those who have the thing, the paragraph around a finding. Each is tested on the normalised text the
 * scan gives it, at both sides of its boundaries, so that a wrong offset shows here and not only as a corpus figure
 * (docs/mutation-testing.md, thirteenth round).
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  askedOnlyIfSo,
  atAMeeting,
  compileAll,
  expand,
  insideQuotedClaim,
  negatedRequirement,
  ordinaryStructuralFinding,
  paragraphAround,
  pickedOnMerit,
  quotedQuestionAnsweredNo,
  reviewFairCompetition,
  saysNotRequired,
} from "./engine";
import { normalise } from "./normalise";
import { maskPlaces } from "./places";
import { RULES, type Rule } from "./rules";
import { clauseAround, sentenceAround } from "./structure";

beforeAll(() => compileAll(), 60_000);

const N = (t: string) => normalise(t).text;

describe("atAMeeting: the place is where a meeting is held", () => {
  const text = N("报名须知。中选机构须派员参加在佛山市顺德区召开的专家评审会，差旅费包含在报价内。");
  const sentence = sentenceAround(text, text.indexOf("佛山"), text.indexOf("佛山") + 2);
  const start = text.indexOf("参加");
  const end = text.indexOf("评审会") + 3;

  it("inside the meeting's words, from their first character to their last, in a sentence after another", () => {
    expect(text.indexOf(sentence)).toBeGreaterThan(0);
    for (const at of [start, text.indexOf("佛山"), end - 1]) expect(atAMeeting(text, sentence, at), String(at)).toBe(true);
  });
  it("not before or after them, nor for a sentence the text does not hold", () => {
    for (const at of [start - 1, end, text.indexOf("差旅"), text.indexOf("须派")])
      expect(atAMeeting(text, sentence, at), String(at)).toBe(false);
    expect(atAMeeting(text, "参加在佛山市顺德区召开的专家评审会", text.indexOf("佛山") + 100)).toBe(false);
    expect(atAMeeting(text, "另一句话。", text.indexOf("佛山"))).toBe(false);
  });
  it("an English meeting hosted by a department, and one whose place ends the sentence", () => {
    const en = N("Weekly meetings will be held in Yinchuan hosted by the Ningxia Department of Ecology; travel is paid.");
    const s = sentenceAround(en, en.indexOf("yinchuan"), en.indexOf("yinchuan") + 8);
    expect(atAMeeting(en, s, en.indexOf("yinchuan"))).toBe(true);
    expect(atAMeeting(en, s, en.indexOf("ningxia"))).toBe(true);
    expect(atAMeeting(en, s, en.indexOf("travel"))).toBe(false);
    const end2 = N("The kick-off workshop is held at Hefei.");
    expect(atAMeeting(end2, end2, end2.indexOf("hefei"))).toBe(true);
  });
});

describe("ordinaryStructuralFinding: a finding that reads a fact, not a condition", () => {
  const at = (text: string, words: string, category = "quota", rule?: string) => {
    const t = N(text);
    const start = t.indexOf(words);
    return ordinaryStructuralFinding(t, maskPlaces(t), { start, end: start + words.length, category, rule });
  };

  it("a count of bidders reported (共有2家机构报名，不足3家), only as a quota and only when the sentence says it fell short", () => {
    expect(at("截至报名截止时间共有2家机构报名，不足3家，本次流标。", "共有2家机构报名")).toBe(true);
    expect(at("本项目共有2家机构报名，不足3家。", "共有2家机构报名")).toBe(true);
    expect(at("本项目共有2家机构报名。", "共有2家机构报名")).toBe(false);
    expect(at("截至报名截止时间共有2家机构报名，不足3家。", "共有2家机构报名", "registration")).toBe(false);
    expect(at("限2家机构报名，不足3家的不开标。", "限2家机构报名")).toBe(false);
  });
  it("a result (中选结果：…注册地：哈尔滨市), at the start of its sentence or after a heading in 【】", () => {
    expect(at("中选结果：中选机构为某公司（注册地：哈尔滨市）。", "哈尔滨市", "registration")).toBe(true);
    expect(at("第一段。【公示】成交公告：成交机构为某公司（注册地：哈尔滨市）。", "哈尔滨市", "registration")).toBe(true);
    expect(at("第一段。成交机构须为注册地在哈尔滨市的公司。", "哈尔滨市", "registration")).toBe(false);
    expect(at("关于中选结果：中选机构须在哈尔滨市注册。", "哈尔滨市", "registration")).toBe(false);
  });
  it("the site (项目所在地为…) for the doubtful net's place finding, unless the sentence speaks of an office or a distance", () => {
    expect(at("项目所在地为西藏那曲市。", "西藏那曲市", "presence", "structure-net-place")).toBe(true);
    expect(at("请到项目现场（安吉县递铺街道）踏勘。", "安吉县", "presence", "structure-net-place")).toBe(true);
    expect(at("项目所在地为西藏那曲市。", "西藏那曲市", "presence", "structure-presence")).toBe(false);
    expect(at("项目所在地为西藏那曲市，须在当地设立办公室。", "西藏那曲市", "presence", "structure-net-place")).toBe(false);
    expect(at("驻地距项目所在地为那曲市不超过5公里。", "那曲市", "presence", "structure-net-place")).toBe(false);
  });
  it("a national qualification a ministry or a province's authority issues, and an authority with no place or level", () => {
    const rule = "structure-net-authority";
    expect(at("须持有由自然资源部或省级自然资源主管部门核发的资质证书。", "省级自然资源主管部门", "designation", rule)).toBe(true);
    // (round 137) an issuer named by its level alone (省级、市级及以上) issuing a credential is any province's or city's
    expect(at("须持有由省级自然资源主管部门核发的资质证书。", "省级自然资源主管部门", "designation", rule)).toBe(true);
    expect(at("须持有市级及以上住建部门颁发的资质证书。", "市级及以上住建部门", "designation", rule)).toBe(true);
    expect(at("须持有由省自然资源主管部门核发的资质证书。", "省自然资源主管部门", "designation", rule)).toBe(false);
    expect(at("须持有市住建部门颁发的资质证书。", "市住建部门", "designation", rule)).toBe(false);
    expect(at("须为省级自然资源主管部门推荐的机构。", "省级自然资源主管部门", "designation", rule)).toBe(false);
    expect(at("须未被生态环境主管部门通报存在数据弄虚作假问题。", "生态环境主管部门", "designation", rule)).toBe(true);
    expect(at("须经市生态环境主管部门推荐。", "市生态环境主管部门", "designation", rule)).toBe(false);
    expect(at("须经杭州生态环境主管部门推荐。", "杭州生态环境主管部门", "designation", rule)).toBe(false);
    expect(at("须未被生态环境主管部门通报。", "生态环境主管部门", "designation", "structure-net-place")).toBe(false);
  });
});

describe("insideQuotedClaim: words a complaint or a question quotes, which the reply removes", () => {
  const inside = (text: string, words: string) => {
    const t = N(text);
    return insideQuotedClaim(t, t.indexOf(words));
  };
  it("a complaint quoted (关于“…”的质疑)", () => {
    expect(inside("关于“本项目限制外地机构”的质疑，经查，本项目未设任何注册地要求。", "外地机构")).toBe(true);
    expect(inside("关于“本项目限制外地机构”之投诉，经查不成立。", "外地机构")).toBe(true);
    expect(inside("关于“本项目限制外地机构”，经查属实。", "外地机构")).toBe(false);
  });
  it("a clause a complaint names and the reply removes", () => {
    const t = "投诉人认为“须在延安设立办公场所”条款限制竞争，投诉成立。采购人已删除该条款。";
    expect(inside(t, "延安")).toBe(true);
    expect(inside("投诉人认为“须在延安设立办公场所”条款限制竞争，现予以保留。", "延安")).toBe(false);
    expect(inside("质疑人认为“本地企业加3分”不合理，采购人已撤销。", "本地企业")).toBe(true);
    expect(inside("采购人认为“本地企业加3分”合理，予以保留。", "本地企业")).toBe(false);
    expect(inside("问：原公告中“本地优先”是什么意思？答：该表述已删除。", "本地优先")).toBe(true);
  });
  it("only inside an open quote that closes after the words", () => {
    expect(inside("须为本地企业，关于“此条”的质疑不成立，已删除。", "本地企业")).toBe(false);
    expect(inside("关于“本项目限制外地机构的质疑，已删除。", "外地机构")).toBe(false);
    expect(inside("“甲”。须为本地企业，该条款已删除。", "本地企业")).toBe(false);
  });
});

describe("quotedQuestionAnsweredNo: a question somebody asked, quoted, and answered no", () => {
  const answered = (text: string, words: string) => {
    const t = N(text);
    const start = t.indexOf(words);
    return quotedQuestionAnsweredNo(t, start, start + words.length);
  };
  it("asked, quoted, answered no", () => {
    expect(answered("参会机构提问“本地企业是否有加分”，业主答复：本项目无任何地域加分。", "本地企业")).toBe(true);
    expect(answered("有机构询问本地企业是否有加分，回复：没有。", "本地企业")).toBe(true);
  });
  it("not when the answer says yes, nobody asked, or the question is far before", () => {
    expect(answered("参会机构提问“本地企业是否有加分”，业主答复：有，加3分。", "本地企业")).toBe(false);
    expect(answered("公告说明“本地企业是否有加分”，业主答复：无。", "本地企业")).toBe(false);
    expect(answered("参会机构提问，会上讨论了很多事情，包括本地企业是否有加分，答复：无。", "本地企业")).toBe(false);
  });
});

describe("negatedRequirement: the words name what is NOT asked", () => {
  const negated = (text: string, words: string, sentenceOf = text) => {
    const t = N(text);
    return negatedRequirement(t, N(sentenceOf), t.indexOf(words));
  };
  it("a favour named as a mechanism that does not exist (本案无本地厂商加分机制)", () => {
    expect(negated("本案无本地厂商加分机制。", "本地厂商")).toBe(true);
    expect(negated("本案不设“本地服务”加分项。", "本地服务")).toBe(true);
    expect(negated("本案有本地厂商加分机制。", "本地厂商")).toBe(false);
    expect(negated("本案无本地厂商的资料。", "本地厂商")).toBe(false);
  });
  it("a denial before the words, or ending inside them (无|须在本地设立)", () => {
    expect(negated("外地机构无须在本地设立分支机构。", "须在本地")).toBe(true);
    expect(negated("外地机构不需在本地设立分支机构。", "需在本地")).toBe(true);
    expect(negated("外地机构必须在本地设立分支机构。", "须在本地")).toBe(false);
    expect(negated("不要求在本地设立办事机构。", "在本地")).toBe(true);
    expect(negated("不要求入选任何名录、库或本地名单。", "本地名单")).toBe(true);
  });
  it("the favour itself denied: 不对本地机构加分, no extra points for local firms", () => {
    expect(negated("评分时不对本地机构加分。", "对本地")).toBe(true);
    expect(negated("评分时不对本地机构加分。", "本地机构")).toBe(true);
    expect(negated("评分时不对注册在本地的机构加分。", "本地")).toBe(true);
    expect(negated("评分时不得不对本地机构加分。", "对本地")).toBe(false);
    expect(negated("评分时可对本地机构加分。", "本地机构")).toBe(false);
    expect(negated("No extra points for local firms.", "local firms")).toBe(true);
    expect(negated("No preference is given to local firms.", "local firms")).toBe(true);
    expect(negated("Extra points for local firms.", "local firms")).toBe(false);
    expect(negated("There are no bonus points for a local office.", "bonus points")).toBe(true);
    expect(negated("There are bonus points for a local office.", "bonus points")).toBe(false);
    expect(negated("No, bonus points go to local firms.", "bonus points")).toBe(false);
  });
  it("English lists: no need for, not required to … before the words", () => {
    expect(negated("There is no need for a local office.", "local office")).toBe(true);
    expect(negated("Tenderers are not required to be resident in, or to have an office in, Hunan.", "hunan")).toBe(true);
    expect(negated("No local office or local staff is required.", "local staff")).toBe(true);
    expect(negated("No fee is charged; local staff are required.", "local staff")).toBe(false);
  });
  it("reads back only within the sentence it is given", () => {
    const text = "不要求提供纸质材料。须在本地设立办事机构。";
    expect(negated(text, "在本地", "须在本地设立办事机构。")).toBe(false);
    expect(negated("无需提供纸质材料，须在本地设立办事机构。", "在本地")).toBe(false);
  });
});

describe("saysNotRequired: a denial before the words, in their clause, or in a later clause about a place", () => {
  const says = (text: string, words: string) => {
    const t = N(text);
    const at = t.indexOf(words);
    const sentence = sentenceAround(t, at, at + words.length);
    const clause = clauseAround(t, at, at + words.length);
    return saysNotRequired(t, maskPlaces(t), sentence, clause, at);
  };
  it("a later clause that denies a place (…派驻2名技术人员，报名时不要求提供当地办公场所)", () => {
    expect(says("中选后须在项目所在地派驻2名技术人员，报名时不要求提供当地办公场所。", "派驻")).toBe(true);
    expect(says("中选后须在杭州派驻2名技术人员，报名时不要求提供杭州的办公场所。", "派驻")).toBe(true);
    expect(says("供应商须为本区注册企业，不需提供纸质材料。", "本区")).toBe(false);
  });
  it("a denial before the words or in their own clause", () => {
    expect(says("本项目不要求供应商在本地设立分支机构。", "本地")).toBe(true);
    expect(says("在本地设立分支机构不作要求。", "本地")).toBe(true);
    expect(says("本项目要求供应商在本地设立分支机构。", "本地")).toBe(false);
  });
  it("a later sentence does not count", () => {
    expect(says("须在本地派驻2名技术人员。报名时不要求提供当地办公场所。", "本地")).toBe(false);
  });
  // (round 142) "need not apply" is the exclusion itself, not a denial of the requirement; "need not apply for" a licence is
  it("need not apply: the exclusion, not a denial", () => {
    expect(says("Firms without a branch or representative office in this province need not apply.", "branch")).toBe(false);
    expect(says("Firms need not have a branch office in this province.", "branch")).toBe(true);
  });
});

describe("askedOnlyIfSo: asked of those who happen to have it, as a condition of nothing", () => {
  const asked = (text: string, words: string, sentenceOf?: string) => {
    const t = N(text);
    const at = t.indexOf(words);
    const sentence = sentenceOf ?? sentenceAround(t, at, at + words.length);
    return askedOnlyIfSo(t, sentence, clauseAround(t, at, at + words.length), at);
  };
  it("如/若/if before the words, or 选填/optional after them", () => {
    expect(asked("如在北京有办公场所的，请注明联系人。", "北京")).toBe(true);
    expect(asked("在北京有办公场所的，请注明联系人（选填）。", "北京")).toBe(true);
    expect(asked("if you have an office in beijing, please give its contact person.", "beijing")).toBe(true);
    expect(asked("在北京有办公场所的，请注明联系人。", "北京")).toBe(false);
  });
  it("not when the sentence scores, excludes or requires", () => {
    expect(asked("如在北京有办公场所的，加3分。", "北京")).toBe(false);
    expect(asked("如在北京有办公场所的，须提供租赁合同。", "北京")).toBe(false);
    expect(asked("加分项：如在北京有办公场所的，请注明（选填）。", "北京")).toBe(false);
  });
  it("the optional mark is read only after the words, in their own sentence", () => {
    expect(asked("在北京有办公场所的，请注明联系人。其他材料选填。", "北京")).toBe(false);
    expect(asked("其他材料选填。在北京有办公场所的，请注明联系人。", "北京")).toBe(false);
  });
  it("nothing when the clause is not in the text", () => {
    const t = N("如在北京有办公场所的，请注明联系人。");
    expect(askedOnlyIfSo(t, t, "另一个分句", t.indexOf("北京"))).toBe(false);
  });
});

describe("paragraphAround: the line a position stands on", () => {
  it.each([
    ["甲\n乙丙\n丁", 2, "乙丙"],
    ["甲\n乙丙\n丁", 3, "乙丙"],
    ["甲\n乙丙\n丁", 0, "甲"],
    ["甲\n乙丙\n丁", 5, "丁"],
    ["一行", 1, "一行"],
  ] as const)("%j at %i → %s", (text, at, line) => {
    expect(paragraphAround(text, at)).toBe(line);
  });
});

describe("expand: a rule's shorthands", () => {
  const re = (pattern: string) => new RegExp(`^(?:${expand(pattern)})$`, "u");
  const masked = (t: string) => maskPlaces(N(t));

  it("{Gn}: up to n characters of the same clause", () => {
    expect(re("甲{G2}乙").test("甲乙")).toBe(true);
    expect(re("甲{G2}乙").test("甲12乙")).toBe(true);
    expect(re("甲{G2}乙").test("甲123乙")).toBe(false);
    expect(re("甲{G12}乙").test("甲一二三四五六七八九十乙")).toBe(true);
    for (const stop of ["，", "。", "；", ";", ",", ".", "!", "?", "！", "？", "\n"])
      expect(re("甲{G3}乙").test(`甲${stop}乙`), stop).toBe(false);
  });
  it("{DEPT}: a department of a place or a level, the market regulator, or the requester's own (我局)", () => {
    for (const t of [
      "区财政局",
      "杭州市财政局",
      "市场监管局",
      "市场监督管理局",
      "县住建委",
      "我局",
      "本委",
      "上级主管部门",
      "镇林业站",
      "区司法所",
    ])
      expect(re("{DEPT}").test(masked(t)), t).toBe(true);
    for (const t of ["市场局", "财政局", "他局", "本科"]) expect(re("{DEPT}").test(masked(t)), t).toBe(false);
  });
  it("{PLACE} and {LOCAL}: a masked place or here-word, whole", () => {
    expect(re("{PLACE}机构").test(masked("杭州市机构"))).toBe(true);
    expect(re("{PLACE}机构").test(masked("本地机构"))).toBe(true);
    expect(re("{LOCAL}机构").test(masked("本地机构"))).toBe(true);
    expect(re("{LOCAL}机构").test(masked("杭州市机构"))).toBe(false);
    expect(re("{PLACE}机构").test(masked("外资机构"))).toBe(false);
  });
  it("{NUM} and {ENUM}: a count in figures or words (陆 but not 陆家嘴)", () => {
    for (const t of ["3家", "12家", "三家", "两家", "叁家", "拾家", "陆家"]) expect(re("{NUM}家").test(t), t).toBe(true);
    expect(re("{NUM}家嘴").test("陆家嘴")).toBe(false);
    expect(re("{NUM}").test("")).toBe(false);
    for (const t of ["3", "three", "twelve", "twenty"]) expect(re("{ENUM} firms").test(`${t} firms`), t).toBe(true);
    expect(re("{ENUM} firms").test("eleven firms")).toBe(false);
  });
  it("{EN}: an English place with its suffix, or a here-word", () => {
    for (const t of [
      "hebei",
      "the hebei province",
      "pudong new area",
      "guangxi zhuang autonomous region",
      "suzhou industrial park",
      "local",
    ])
      expect(re("{EN}").test(t), t).toBe(true);
    expect(re("{EN}").test("nowhere")).toBe(false);
  });
});

describe("compileAll: builds each rule's patterns once, by id", () => {
  const rule = (id: string, pattern: string, unless?: string): Rule => ({
    id,
    category: "registration",
    severity: "refuse",
    article: RULES[0]!.article,
    pattern,
    unless,
    explain: { zh: "", en: "" },
    matches: [],
    allows: [],
  });
  it("a rule with no `unless` is never excused; one with it is, in the sentence it names", () => {
    const rules = [rule("sweep-test-a", "甲甲甲"), rule("sweep-test-b", "乙乙乙", "例外")];
    compileAll(rules);
    expect(reviewFairCompetition({ t: "甲甲甲。" }, rules).outcome).toBe("refuse");
    expect(reviewFairCompetition({ t: "乙乙乙。" }, rules).outcome).toBe("refuse");
    expect(reviewFairCompetition({ t: "乙乙乙，例外。" }, rules).outcome).toBe("ok");
    expect(reviewFairCompetition({ t: "乙乙乙。例外。" }, rules).outcome).toBe("refuse");
  });
});

describe("pickedOnMerit: the client's pick among those who competed, on their scores, is held, not refused", () => {
  it.each([
    "After technical evaluation, no more than four bidders will be shortlisted.",
    "A shortlist of up to six firms will be drawn up based on the evaluation criteria.",
    "Three firms will be selected to form a framework panel on the basis of quality and cost.",
    "Maximum of 3 firms will be invited to the second round, ranked by technical score.",
    "按得分高低确定不超过3家入围机构，签订框架协议。",
    "报名截止后，采购人将从所有合格报名单位中按得分选取前3名。",
  ])("held: %s", (t) => {
    expect(reviewFairCompetition({ t }).outcome).toBe("review");
  });
  it.each([
    // who comes first, a cap on registering, or a pool that already exists, ranked afterwards: still refused
    "Only the first five firms to register will be evaluated on technical merit.",
    "前5家报名的机构按得分排序确定中选机构。",
    "Only firms on the district's approved panel will be ranked by technical score.",
    "已入库的机构中按得分选取前3名参与比选。",
    "We will accept only the first three responses received, ranked by score.",
    "限3家报名，按综合得分确定中选机构。",
    "Maximum of 3 firms may register; the rest will not be evaluated.",
    "仅邀请区财政局中介库内前3家机构报价，按得分排序。",
    "Applications will be accepted in order of receipt until four agencies have registered, then ranked by score.",
  ])("refused: %s", (t) => {
    expect(reviewFairCompetition({ t }).outcome).toBe("refuse");
  });
  it("reads the sentence: merit words without a count of the first or a pool, and not 'to keep the evaluation manageable'", () => {
    expect(pickedOnMerit("按综合得分由高到低确定3家入围机构。")).toBe(true);
    expect(pickedOnMerit("up to five firms will be shortlisted on technical merit.")).toBe(true);
    expect(pickedOnMerit("to keep the evaluation manageable, the number of agencies is capped at four.")).toBe(false);
    expect(pickedOnMerit("前3家报名的机构按得分排序。")).toBe(false);
    expect(pickedOnMerit("随机抽取3家，按得分排序。")).toBe(false);
    expect(pickedOnMerit("only the first three that reply will be ranked by score.")).toBe(false);
  });
});

describe("a favour denied in the words that name it is held at most, not refused (round 130)", () => {
  it.each(["Local firms will not be given priority.", "Local firms get no bonus points.", "本地 firm 不加分。"])("held: %s", (t) => {
    expect(reviewFairCompetition({ t }).outcome).toBe("review");
  });
  it.each([
    "Priority to local firms, not to firms from other provinces.",
    "外地机构不加分，本地机构加3分。",
    "Local firms get 3 bonus points.",
  ])("refused: %s", (t) => {
    expect(reviewFairCompetition({ t }).outcome).toBe("refuse");
  });
});
