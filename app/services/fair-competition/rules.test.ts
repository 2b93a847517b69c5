import { beforeAll, describe, expect, it } from "vitest";
import { compileAll, reviewFairCompetition } from "./engine";
import { normalise } from "./normalise";
import { ARTICLES, RULES } from "./rules";
import { GAZETTEER } from "~/data/gazetteer";

// the patterns are built once, outside any test (see compileAll)
beforeAll(() => compileAll(), 60_000);

describe("every rule's own examples", () => {
  for (const rule of RULES) {
    it(`${rule.id}: has an article, both explanations and examples`, () => {
      expect(ARTICLES[rule.article]).toBeDefined();
      expect(rule.explain.zh && rule.explain.en).toBeTruthy();
      expect(rule.matches.length).toBeGreaterThan(0);
      expect(rule.allows.length).toBeGreaterThan(0);
    });
    it.each(rule.matches)(`${rule.id} flags %s`, (text) => {
      const { hits } = reviewFairCompetition({ text }, [rule]);
      expect(hits.length, text).toBeGreaterThan(0);
    });
    it.each(rule.allows)(`${rule.id} leaves alone %s`, (text) => {
      expect(reviewFairCompetition({ text }, [rule]).hits).toEqual([]);
    });
  }
  it("rule ids are unique", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });
});

describe("the engine", () => {
  it("normalises full-width text and spaces but reports the words as written", () => {
    const text = "报价机构须为 上海市 企业。ＢＩＤＤＥＲＳ  must be registered in Shanghai.";
    const { outcome, hits } = reviewFairCompetition({ description: text });
    expect(outcome).toBe("refuse");
    expect(hits.map((h) => h.matched)).toEqual(["须为 上海市 企业", expect.stringContaining("registered in Shanghai")]);
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.matched);
    expect(normalise("ＡＢＣ　１２３").text).toBe("abc 123");
  });

  it("gives one message per phrase, the most specific rule winning", () => {
    const { hits } = reviewFairCompetition({ description: "在本区注册的中介机构评审时加2分。" });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ field: "description", category: "preference", severity: "refuse" });
  });

  it("keeps separate phrases separate, per field", () => {
    const { hits } = reviewFairCompetition({ title: "测绘服务", description: "投标机构须本地注册，指定上海某某测绘公司承担。" });
    expect(hits.map((h) => [h.field, h.category])).toEqual([
      ["description", "registration"],
      ["description", "designation"],
    ]);
    expect(hits[0]!.matched).toContain("本地注册");
  });

  it("treats a project's own location as ordinary text", () => {
    for (const text of ["项目位于普陀区", "需到现场踏勘", "服务地点：上海市普陀区", "符合上海市地方标准"]) {
      expect(reviewFairCompetition({ text }).outcome, text).toBe("ok");
    }
  });

  it("reads local and outside firms treated alike as open, but a tie between them broken for the local one as a preference", () => {
    const outcome = (text: string) => reviewFairCompetition({ text }).outcome;
    expect(outcome("本项目对本地与外地机构不作任何区别对待。")).toBe("ok");
    expect(outcome("本地机构与外地机构一律按同一标准评审。")).toBe("ok");
    expect(outcome("外地单位与本地单位综合得分相同时，优先确定本地单位为中选机构。")).toBe("refuse");
  });

  it("reads words of the old notice that a question quotes and the answer removes as not the requester's", () => {
    const text = "问：原公告中“本地优先”是什么意思？\n答：经审查，该表述不符合公平竞争要求，已通过更正公告删除。";
    expect(reviewFairCompetition({ text }).outcome).toBe("ok");
    // …but not when the answer keeps them
    expect(reviewFairCompetition({ text: "问：原公告中“本地优先”是什么意思？\n答：同等条件下本地机构优先。" }).outcome).toBe("refuse");
  });

  it("holds a clause that contradicts the text's own 'registration place unlimited' for a regulator, but refuses a favour, a turn or an amendment", () => {
    const review = (text: string) => reviewFairCompetition({ text });
    const held = review("一、资格要求：注册地不限。\n二、其他事项：报名单位须在本区设有办事处。");
    expect([held.outcome, held.hits.map((h) => [h.ruleId, h.severity])]).toEqual(["review", [["presence-zh", "review"]]]);
    expect(review("报名单位须在本区设有办事处。").outcome).toBe("refuse");
    for (const text of [
      "注册地不限。评分办法：本地企业加5分。",
      "注册地不限。但须在本区设有办事处。",
      "原“注册地不限”调整为“须为本区注册企业”。",
      "Registration place unlimited. Bidders must have an office in Shanghai; however bidders must be registered in Shanghai.",
    ])
      expect(review(text).outcome, text).toBe("refuse");
    expect(review("Bidders from any province may apply.\nThe consultant must have a branch office in Shanghai.").outcome).toBe("review");
  });

  it("a question states no requirement: held for review unless its answer settles it", () => {
    // 答疑 (questions and answers) quote the restriction they ask about.
    const asked = reviewFairCompetition({ text: "问：注册地在外地的机构能否参加？" });
    expect(asked.outcome).toBe("review");
    expect(asked.hits.every((h) => h.severity === "review")).toBe(true);
    // answered in the bidders' favour: "may?" yes, "required?" no — nothing for a regulator to look at
    for (const text of [
      "问：注册地在外地的机构能否参加？答：可以，本项目对注册地无限制。",
      "问：项目负责人是否需要在本区缴纳社保？\n答：不需要。社保缴纳地不作要求。",
      "Q: Is a local branch in Qingdao required?\nA: No. Bidders from any region may participate.",
    ])
      expect(reviewFairCompetition({ text }).outcome, text).toBe("ok");
    expect(reviewFairCompetition({ text: "Can firms registered outside Shanghai bid? Yes." }).outcome).not.toBe("refuse");
    // answered against them: the restriction stands
    expect(reviewFairCompetition({ text: "Q: Is a local branch in Qingdao required?\nA: Yes, within 30 days of award." }).outcome).toBe(
      "refuse",
    );
    // …and a bare "no" to "may?" reads the question as the statement, naming the words as written
    const denied = reviewFairCompetition({ text: "问：外省市注册的环评机构能否参与本项目报价？\n答：不能。" });
    expect(denied.outcome).not.toBe("ok");
    expect(denied.hits.map((h) => h.matched)).toEqual(["外省市注册"]);
    expect(reviewFairCompetition({ text: "问：项目负责人是否需要在本区缴纳社保？答：需要。" }).outcome).toBe("refuse");
    expect(reviewFairCompetition({ text: "问：本项目是否需要现场踏勘？答：需要。" }).outcome).toBe("ok");
    // the spoken form: "X 能/可以 V 吗？" answered "不能/不可以/不行", with or without 答：
    for (const [text, words] of [
      ["问：外地机构能报吗？不能，只收本地的。", "外地机构"],
      ["问：外地机构能报名吗？答：不能。", "外地机构"],
      ["问：外省的公司可以参加吗？\n不可以。", "外省的公司"],
    ] as const) {
      const spoken = reviewFairCompetition({ text });
      expect(spoken.outcome, text).toBe("refuse");
      expect(spoken.hits[0]!.matched, text).toBe(words);
    }
    for (const text of [
      "问：外地机构能报吗？能，欢迎报名。",
      "外地机构能报吗？可以。",
      "问：能力强的机构可以吗？不行。",
      "问：本项目能按期完成吗？不能按期完成的扣款。",
    ])
      expect(reviewFairCompetition({ text }).outcome, text).toBe("ok");
    // The same words as a statement are still refused; a question in another sentence changes nothing.
    expect(reviewFairCompetition({ text: "注册地在外地的机构不得参加。" }).outcome).toBe("refuse");
    expect(reviewFairCompetition({ text: "注册地在外地的机构不得参加。有疑问吗？" }).outcome).toBe("refuse");
  });

  it("reads traditional characters and places spelt in pinyin inside Chinese", () => {
    const t = reviewFairCompetition({ text: "報名機構應當於廣東省行政區域內依法登記設立。" });
    expect(t.outcome).toBe("refuse");
    // the finding names the words as written, in traditional characters
    expect(t.hits[0]!.matched).toContain("廣東省");
    expect(reviewFairCompetition({ text: "项目负责人须持有Xiaoshan户籍或在Xiaoshan办理的居住证。" }).outcome).toBe("refuse");
    expect(reviewFairCompetition({ text: "须在Longgang区设有办公地址。" }).outcome).toBe("refuse");
    expect(reviewFairCompetition({ text: "本项目位于Qingpu区，成果提交Qingpu区规划资源局备案，报名机构注册地不限。" }).outcome).toBe("ok");
    // the whole country is no place
    expect(reviewFairCompetition({ text: "服务机构须在中华人民共和国境内依法登记注册，注册地不限。" }).outcome).toBe("ok");
  });

  it("a restriction taken back by a later message, or struck out, is no finding; one stated after a correction stands", () => {
    for (const text of [
      "业主：本项目仅限上海本地机构报名。\n业主：撤回上条，更正为全国范围内具备资质的机构均可报名，不限注册地。",
      "第三條 本公告原載「僅限深圳市註冊機構報名」之表述，現予以刪除，全國範圍內符合資質之機構均可報名。",
      "Note: the reference to 'local agencies' in the earlier draft has been struck out. Firms based outside Chengdu are fully eligible.",
      "更正公告：删除原公告中“须在本区设有办公场所”的要求。",
      "公司原规定中“须在本区设立分支机构”的条款已于2024年废止，本次比选不再作此要求。",
    ])
      expect(reviewFairCompetition({ text }).outcome, text).toBe("ok");
    for (const text of [
      "甲方：原计划公开选取。\n甲方：撤回上条。还是由去年做的那家继续承接，其他机构就不用报了。",
      "Buyer: We welcome agencies from all over China.\nBuyer: Correction — only firms incorporated in Tianjin Binhai New Area are eligible. Please disregard the previous message.",
      // a speaker's label is not the requester describing itself
      "业主：欢迎各地机构报名。\n业主：补充说明——评审时对注册在义乌的机构报价按九五折计算。",
    ])
      expect(reviewFairCompetition({ text }).outcome, text).toBe("refuse");
  });

  it("a requirement denied right before its words is no finding; one after the turn still is", () => {
    for (const text of [
      "服务机构应在24小时内答复，不要求在本地设立办事机构。",
      "Agencies registered in any province may participate; no local office, branch or representative is required.",
    ])
      expect(reviewFairCompetition({ text }).outcome, text).toBe("ok");
    for (const text of [
      "评分时不对本地机构加分，不要求提供本地业绩。",
      "Agencies from any province are welcome, and no local office or local staff is required.",
      "The agency from any province can take part in, no need set up local office.",
    ])
      expect(reviewFairCompetition({ text }).outcome, text).toBe("ok");
    expect(reviewFairCompetition({ text: "无需在本地设立分支机构，但须在本市缴纳社保。" }).outcome).toBe("refuse");
    expect(reviewFairCompetition({ text: "Firms with no office in Shanghai or local staff will be disqualified." }).outcome).toBe("refuse");
    expect(reviewFairCompetition({ text: "Firms with no office in Shanghai will be disqualified." }).outcome).toBe("refuse");
  });

  it("a sentence saying a thing is NOT required is held for review, never refused for the words it quotes", () => {
    for (const text of [
      "答疑回复：本项目对报价机构所在地、是否设立本地分支机构均无要求。",
      "Bidders are not required to be registered in Shanghai or to have an office in the city.",
    ]) {
      const r = reviewFairCompetition({ text });
      expect(r.outcome, text).not.toBe("refuse");
    }
    // 外地机构无需报名 says the same words and is restrictive: it is held, not let through.
    expect(reviewFairCompetition({ text: "外地机构无需报名。" }).outcome).not.toBe("ok");
  });

  it("a full stop ends a sentence only before a space or the end of the text", () => {
    // a question after a statement does not make the statement a question…
    expect(reviewFairCompetition({ text: "Bidders must be registered in Shanghai. Any questions?" }).outcome).toBe("refuse");
    // …and a decimal point does not end a question (found by the fourth Stryker round: /\s|$/ matched any character)
    expect(reviewFairCompetition({ text: "Must bidders be registered in Shanghai with 2.5 million yuan?" }).outcome).toBe("review");
  });

  it("'not a condition' softens a requirement in its own paragraph only", () => {
    // found by the fourth Stryker round: normalise turned line breaks into spaces, so "the paragraph" was the whole text
    expect(reviewFairCompetition({ text: "报名单位须在本区设立办事处。\n驻场人员安排不作为投标条件。" }).outcome).toBe("refuse");
    expect(reviewFairCompetition({ text: "报名单位须在本区设立办事处。驻场人员安排不作为投标条件。" }).outcome).toBe("review");
  });

  it("the bidder's seat before 位于 is the bidder's place, not the project's", () => {
    expect(reviewFairCompetition({ text: "【资格】营业执照所载住所须位于宝山区辖区内。" }).outcome).not.toBe("ok");
    expect(reviewFairCompetition({ text: "项目位于宝山区。" }).outcome).toBe("ok");
  });

  it("an explicit 'no restriction' opens the clause; spoken 区里/县城 are 'here' words", () => {
    expect(reviewFairCompetition({ text: "本项目对注册地无限制，外地机构均可报名。" }).outcome).toBe("ok");
    expect(reviewFairCompetition({ text: "报名单位须在区里有常设服务团队。" }).outcome).not.toBe("ok");
    expect(reviewFairCompetition({ text: "中选后须在县城设立服务网点。" }).outcome).not.toBe("ok");
  });

  it("a doubtful text is held for review, not refused", () => {
    expect(reviewFairCompetition({ text: "须持有上海市住建委颁发的资质证书。" }).outcome).toBe("review");
  });

  it("knows every county-level division, with and without its suffix", () => {
    expect(GAZETTEER.length).toBeGreaterThan(3000);
    for (const place of ["普陀", "浦东", "浦东新区", "黔东南", "积石山", "鄂伦春", "伊犁", "海淀区", "义乌"]) {
      expect(reviewFairCompetition({ text: `投标人须为${place}企业。` }).outcome, place).toBe("refuse");
    }
  });

  it("does not let an ordinary word that is also a short place name fire alone", () => {
    for (const text of ["须为合作企业", "须为和平企业", "应为资源企业"]) {
      expect(reviewFairCompetition({ text }).outcome, text).toBe("ok");
    }
    expect(reviewFairCompetition({ text: "须为合作市企业" }).outcome).toBe("refuse");
  });

  it("reads a heading word and a space as a label, but still joins a spaced-out place name", () => {
    // 澄清 原公告 is not 清原 (a county), and the deleted clause is gone
    expect(
      reviewFairCompetition({
        text: "澄清 原公告第二条“须为崇左市中介机构库入库机构”系表述错误，现予删除。所有符合资格条件的机构均可报名。",
      }).outcome,
    ).toBe("ok");
    expect(reviewFairCompetition({ text: "上海 市 企业优先" }).outcome).toBe("refuse");
  });

  it("drops words an amendment replaces unless the replacement names a place again", () => {
    expect(reviewFairCompetition({ text: "原公告“供应商须为鄂尔多斯市注册企业”更正为“供应商须具有独立法人资格”。" }).outcome).toBe("ok");
    expect(reviewFairCompetition({ text: "原公告“供应商须为鄂尔多斯市注册企业”更正为“供应商须为内蒙古自治区注册企业”。" }).outcome).toBe(
      "refuse",
    );
    expect(
      reviewFairCompetition({ text: "Clause 4.3 (requirement that tenderers be registered in Xinjiang) is hereby deleted." }).outcome,
    ).toBe("ok");
  });

  it("reads 'need not' and 'not required to' as denying every item of the list that follows", () => {
    expect(reviewFairCompetition({ text: "Tenderers need not be resident or domiciled in Qinghai Province." }).outcome).toBe("ok");
    expect(
      reviewFairCompetition({
        text: "Tenderers shall not be required to be registered, resident or domiciled in, or to maintain an office in, the Lanzhou New Area.",
      }).outcome,
    ).toBe("ok");
    expect(
      reviewFairCompetition({ text: "Tenderers need not be registered in Qinghai, but must maintain an office in Xining." }).outcome,
    ).not.toBe("ok");
  });

  it("tells seats at a meeting or on a bus from places among the bidders", () => {
    expect(reviewFairCompetition({ text: "踏勘当天统一乘车，大巴座位名额有限，先到先得，未乘车的可自行前往。" }).outcome).toBe("ok");
    expect(reviewFairCompetition({ text: "现场踏勘名额有限，先到先得，未参加踏勘的不得报名。" }).outcome).toBe("refuse");
    expect(reviewFairCompetition({ text: "The site tour bus has 20 seats, first come first served." }).outcome).toBe("ok");
    expect(reviewFairCompetition({ text: "Places are limited; first come, first served." }).outcome).toBe("refuse");
  });

  it("reads the places of a long notice's platform, departments, standards and background as the project's", () => {
    const notice =
      "项目概况：项目位于西藏自治区拉萨市城关区，预算135万元。资格要求：1.具有乙级及以上测绘资质；2.区外机构无需在拉萨设立分支机构即可报名。" +
      "报名方式：在西藏自治区公共资源交易网报名。其他事项：现场踏勘在城关区住建局门口集合，须符合西藏自治区高海拔作业相关规定。";
    expect(reviewFairCompetition({ text: notice }).outcome).toBe("ok");
    // …while the same notice with one restrictive line is still caught
    expect(reviewFairCompetition({ text: notice.replace("即可报名。", "即可报名；3.须在拉萨市设有常驻服务网点。") }).outcome).toBe(
      "refuse",
    );
    expect(
      reviewFairCompetition({ text: "Bids shall be uploaded to the Heilongjiang Public Resources Trading Platform before 09:30." }).outcome,
    ).toBe("ok");
  });

  it("keeps a denial that governs an act apart from one that tells outsiders not to apply", () => {
    expect(reviewFairCompetition({ text: "省外供应商无需办理任何进豫登记或备案手续即可参加本次采购。" }).outcome).toBe("ok");
    expect(reviewFairCompetition({ text: "外地机构无需报名。" }).outcome).not.toBe("ok");
  });

  it("reads 不对…加分 as the favour denied, also with the bidder's seat between", () => {
    expect(reviewFairCompetition({ text: "评分时不对注册在本区的机构加分。" }).outcome).toBe("ok");
    expect(reviewFairCompetition({ text: "评分时对注册在本区的机构加分。" }).outcome).toBe("refuse");
  });

  // fifth Stryker round (docs/mutation-testing.md): each way negatedRequirement reads a denial before the words
  const outcomeAndRules = (text: string) => {
    const { outcome, hits } = reviewFairCompetition({ text });
    return { outcome, hits: hits.map((h) => [h.ruleId, h.severity]) };
  };

  it("reads a denial that ends inside the words (不存|在沪注册) or governs a list (不要求入选任何名录或…)", () => {
    expect(outcomeAndRules("本项目不存在沪注册的要求。")).toEqual({ outcome: "ok", hits: [] });
    expect(outcomeAndRules("本项目不要求入选任何名录或中介机构库。")).toEqual({ outcome: "ok", hits: [] });
  });

  it("reads 不|须 before words that begin with 须 as a denial, and 须 alone as a requirement", () => {
    // the pattern rule's finding is denied; the structural detector still holds the pool for a regulator
    expect(outcomeAndRules("供应商不须列入区财政局中介机构名录。")).toEqual({
      outcome: "review",
      hits: [["structure-pool", "review"]],
    });
    expect(outcomeAndRules("供应商须列入区财政局中介机构名录。")).toEqual({
      outcome: "refuse",
      hits: [["pool-list-zh", "refuse"]],
    });
  });

  it("reads 不对…加分 as the favour denied, but 不得不对…加分 as the favour required", () => {
    expect(outcomeAndRules("评分时不对本地机构加分。")).toEqual({ outcome: "ok", hits: [] });
    expect(outcomeAndRules("评分时不得不对本地机构加分。")).toEqual({
      outcome: "refuse",
      hits: [["preference-zh", "refuse"]],
    });
  });

  it("reads 'no preference / no bonus points for' as the favour denied", () => {
    for (const text of ["No preference is given to local firms.", "No bonus points for Beijing-registered firms."])
      expect(outcomeAndRules(text), text).toEqual({ outcome: "ok", hits: [] });
  });

  it("reads 'no' before the words as a denial only when the sentence says it is required", () => {
    expect(outcomeAndRules("No local office or local staff is required.")).toEqual({ outcome: "ok", hits: [] });
    expect(outcomeAndRules("Bidders with no local office will be rejected.")).toEqual({
      outcome: "refuse",
      hits: [["presence-en", "refuse"]],
    });
  });

  it("reads 不须 and 毋须 as 不需 (not required), and 其他机构不须报名 as the exclusion itself", () => {
    for (const text of ["外地机构不须在本地设立分支机构。", "外省机构毋须在沪设立办事处，亦不须缴纳本市社保。"])
      expect(outcomeAndRules(text), text).toEqual({ outcome: "ok", hits: [] });
    expect(outcomeAndRules("投标人不须为本区注册企业。").outcome).toBe("review");
    for (const text of ["其他机构不须报名。", "其他机构无需报名。"])
      expect(outcomeAndRules(text), text).toEqual({ outcome: "refuse", hits: [["designation-settled-zh", "refuse"]] });
  });

  it("softens a requirement for a denial before it or in its own clause, not for a later clause about something else", () => {
    for (const text of ["供应商须为本区注册企业，不需提供纸质材料。", "供应商须为本区注册企业，不须提供纸质材料。"])
      expect(outcomeAndRules(text), text).toEqual({ outcome: "refuse", hits: [["registration-place-zh", "refuse"]] });
    expect(outcomeAndRules("Bidders must be registered in Beijing, paper copies are not required.")).toEqual({
      outcome: "refuse",
      hits: [["registration-en", "refuse"]],
    });
    // a later clause that denies a local condition is about the same thing
    expect(
      outcomeAndRules("中选单位在服务期内需在阿拉善左旗项目现场派驻2名技术人员，报名时不要求提供当地办公场所或人员证明。").outcome,
    ).not.toBe("refuse");
  });

  it("reads a local preference as one even in a sentence that opens registration", () => {
    expect(outcomeAndRules("注册地不限，本区注册企业优先。")).toEqual({ outcome: "refuse", hits: [["preference-zh", "refuse"]] });
    expect(outcomeAndRules("注册地不限，外地机构同等对待。")).toEqual({ outcome: "ok", hits: [] });
  });

  it("counts winners apart from bidders in an English cap", () => {
    expect(outcomeAndRules("The contract is limited to 2 firms, with no cap on the number of applicants.")).toEqual({
      outcome: "ok",
      hits: [],
    });
    for (const text of [
      "The contract is limited to 2 firms.",
      "Up to 3 firms will be appointed to the panel; any number of firms may apply.",
    ])
      expect(outcomeAndRules(text).outcome, text).toBe("review");
    for (const text of [
      "Bidding is limited to 5 firms.",
      "Only 5 firms will be selected to bid.",
      "Up to 3 firms will be invited to tender.",
    ])
      expect(outcomeAndRules(text), text).toEqual({ outcome: "refuse", hits: [["quota-en", "refuse"]] });
  });

  it("reads 'X or elsewhere' as any place", () => {
    for (const text of [
      "Bidders registered in Beijing or elsewhere may apply.",
      "Firms based in Beijing or any other province may bid.",
      'Clause 3, previously "bidders must be registered in Beijing", is amended to read "bidders registered in Beijing or elsewhere may apply".',
    ])
      expect(outcomeAndRules(text), text).toEqual({ outcome: "ok", hits: [] });
  });

  it("reads spoken and regional Chinese: 咱区、我们县、甭报、走程序、本地额公司", () => {
    for (const text of [
      "亲们，报名要附近一年在咱区的完税证明哈，没在咱区交过税的就算了",
      "我们县的机构报名的话，技术分直接+5分，外县的按正常打分",
      "规划局推荐的那家（省城建院）直接用，其他家就甭报了哈",
      "系统上挂出来只是走程序，其他家辛苦了不用报了",
      "侬晓得伐，阿拉领导讲本地额公司评分高一档，外地额要低一档额。",
      "报名单位需在咱们县农商行开有基本账户，报名时提供开户许可证",
    ])
      expect(outcomeAndRules(text).outcome, text).toBe("refuse");
    for (const text of [
      "群里有问要不要本地社保的，统一回复一下：不要！！！只要人员有相应职业资格证书就行，社保哪里交的都认",
      "喺南宁做过项目都好，冇做过都好，我哋都一样睇，唔会因为呢个加分。",
      "检测完的样品须在三天内送回我们厂仓库入库，别搞丢了哈",
      "保函可由任一境内商业银行或保险机构出具。",
      "中选机构为外地企业的，其派驻项目现场人员的住宿由中选机构自行安排，费用包含在报价中。",
      "请于报名截止前5个工作日通过平台提出。",
    ])
      expect(outcomeAndRules(text), text).toEqual({ outcome: "ok", hits: [] });
  });

  it("knows a county whose pinyin is an ordinary word (Minle, Anning) when its suffix follows", () => {
    for (const text of ["Bidders must be registered in Minle County.", "The firm must already have a permanent office in Minle County."])
      expect(outcomeAndRules(text).outcome, text).toBe("refuse");
    expect(outcomeAndRules("We play minle music.")).toEqual({ outcome: "ok", hits: [] });
  });
});
