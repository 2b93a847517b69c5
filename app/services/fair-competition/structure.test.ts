import { beforeAll, describe, expect, it } from "vitest";
import { compileAll, reviewFairCompetition } from "./engine";
import { normalise } from "./normalise";
import { maskPlaces } from "./places";
import { ARTICLES, CATEGORIES } from "./rules";
import {
  NET_RULES,
  STRUCTURE_RULES,
  clauseAround,
  deletedByAmendment,
  namesBidderPlace,
  replacementOf,
  sentenceAround,
  structuralFindings,
  withdrawnByAmendment,
} from "./structure";

const findings = (text: string) => {
  const plain = normalise(text).text;
  return structuralFindings(maskPlaces(plain), plain);
};

describe("the clause-level structural detector", () => {
  // compiling the place names (3,000 divisions) takes a while on a loaded machine: once, not in a test's time —
  // and without reviewing a text, so the reviewing code counts as run by the tests (mutation testing)
  beforeAll(() => compileAll(), 60_000);

  it("has one finding kind per category, each with an article and both explanations", () => {
    expect(STRUCTURE_RULES.map((r) => r.category).sort()).toEqual([...CATEGORIES].sort());
    for (const r of STRUCTURE_RULES) {
      expect(ARTICLES[r.article], r.id).toBeDefined();
      expect(r.explain.zh && r.explain.en, r.id).toBeTruthy();
    }
  });

  for (const rule of STRUCTURE_RULES) {
    it.each(rule.matches)(`${rule.id} flags %s`, (text) => {
      expect(
        findings(text).map((f) => f.category),
        text,
      ).toContain(rule.category);
    });
    it.each(rule.allows)(`${rule.id} leaves alone %s`, (text) => {
      expect(findings(text), text).toEqual([]);
      expect(reviewFairCompetition({ text }).outcome, text).toBe("ok");
    });
  }

  // the doubtful net: a condition on the bidder + a frame + a place / authority / order of arrival, `review` only
  for (const rule of NET_RULES) {
    it(`${rule.id} has an article, both explanations and is review-only`, () => {
      expect(ARTICLES[rule.article], rule.id).toBeDefined();
      expect(rule.explain.zh && rule.explain.en, rule.id).toBeTruthy();
      expect(rule.severity).toBe("review");
    });
    it.each(rule.matches)(`${rule.id} holds %s`, (text) => {
      const { outcome, hits } = reviewFairCompetition({ text });
      expect(outcome, text).toBe("review");
      expect(
        hits.map((h) => [h.ruleId, h.category]),
        text,
      ).toContainEqual([rule.id, rule.category]);
    });
    it.each(rule.allows)(`${rule.id} leaves alone %s`, (text) => {
      expect(reviewFairCompetition({ text }).outcome, text).toBe("ok");
    });
  }

  it("reads the items under a header of conditions as conditions (资格要求：…；…), and leaves ordinary items alone", () => {
    const held = reviewFairCompetition({
      text: "Eligibility criteria: (1) a legal entity; (2) Hongkou tax records; (3) no record of misconduct.",
    });
    expect(held.outcome).toBe("review");
    expect(held.hits.map((h) => h.category)).toEqual(["local-ties"]);
    // a list item that says "registered in" a place is the registration rule's own (refused)
    const listed = reviewFairCompetition({
      text: "Eligibility criteria: (1) a legal entity; (2) registered in Hongkou; (3) no record of misconduct.",
    });
    expect(listed.outcome).toBe("refuse");
    expect(listed.hits.map((h) => h.category)).toEqual(["registration"]);
    for (const text of [
      "Eligibility criteria: (1) a legal entity; (2) a valid Class B surveying licence; (3) no record of misconduct.",
      "三、申请人资格要求：1.具有独立承担民事责任的能力；2.具有工程咨询乙级以上资信；3.近三年无违法记录。",
      "项目概况：长宁区江苏路街道社区服务中心改造；服务要求：中选单位须在合同签订后7日内进场。",
      // the list ends at the next heading
      "资格要求：具有乙级资质；项目负责人须持证。服务内容：长宁区3所学校，包括长宁区实验小学校舍。",
    ])
      expect(reviewFairCompetition({ text }).outcome, text).toBe("ok");
  });

  it("gives one finding per clause, naming the place and the attribute, held for review", () => {
    const text = "服务机构须在项目所在区域设立联络处，并提供近三年审计报告。";
    const { outcome, hits } = reviewFairCompetition({ description: text });
    expect(outcome).toBe("review");
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ ruleId: "structure-presence", category: "presence", severity: "review" });
    expect(hits[0]!.matched).toContain("项目所在区域");
    expect(hits[0]!.matched).toContain("联络处");
    expect(text.slice(hits[0]!.start, hits[0]!.end)).toBe(hits[0]!.matched);
  });

  it("leaves the finding to a pattern rule when one matches the same words", () => {
    const { hits } = reviewFairCompetition({ text: "投标人须在普陀区内有固定办公场所。" });
    expect(hits.map((h) => h.ruleId)).toEqual(["presence-zh"]);
  });

  it("does not run when a caller reviews with its own rules (a rule's examples)", () => {
    expect(reviewFairCompetition({ text: "外埠企业不在本次邀请范围之内。" }, []).hits).toEqual([]);
  });

  it("takes a place about the project, a standard, the approval or the requester as no anchor", () => {
    for (const text of [
      "项目位于闵行区莘庄镇，中介机构须自行前往现场勘查。",
      "中标机构须在本区行政服务中心窗口协助办理审批手续。",
      "测量成果须符合上海市地方标准。",
      "招标人须为本区注册企业的项目提供服务。",
      "The site is in Jiading District; agencies must visit it before quoting.",
      "The report must comply with Shanghai local standards.",
    ])
      expect(findings(text), text).toEqual([]);
  });

  it("silences the pattern rules too in a sentence about the requester alone, or a clause opening competition", () => {
    for (const text of [
      "采购人：某某置业有限公司，注册地址为上海市普陀区。",
      "注册地在外省市的单位亦可报名。",
      "Agencies registered outside Shanghai are welcome.",
      "评审后报价最低的前两名进入谈判。",
    ])
      expect(reviewFairCompetition({ text }).outcome, text).toBe("ok");
    // a requirement in the same sentence keeps it a finding
    expect(reviewFairCompetition({ text: "招标人要求投标人须为本区注册企业。" }).outcome).toBe("refuse");
    expect(reviewFairCompetition({ text: "注册地不限，但须在本区设立办事处。" }).outcome).toBe("refuse");
  });

  // fifth Stryker round (docs/mutation-testing.md): the clause and sentence splitters and the amendment's turn
  const review = (text: string) => {
    const { outcome, hits } = reviewFairCompetition({ text });
    return { outcome, hits: hits.map((h) => [h.ruleId, h.severity]) };
  };

  it("cuts a clause at its punctuation, on both sides of the words", () => {
    const text = "注册地不限，须为本区注册企业，其他不限。";
    const at = text.indexOf("本区注册");
    expect(clauseAround(text, at, at + 4)).toBe("须为本区注册企业");
    // the words after the match in its own clause open it: local firms or outsiders alike may apply
    expect(review("须为本区注册企业或外地企业均可报名。").outcome).toBe("ok");
  });

  it("ends an English sentence at '. ' before the words and after them, never at a decimal point", () => {
    const text = "Site visits are not required. Bidders must be registered in Beijing. Fees: 2.5 million.";
    const at = text.indexOf("registered");
    expect(sentenceAround(text, at, at + "registered".length)).toBe(" Bidders must be registered in Beijing");
    const fee = text.indexOf("2.5");
    expect(sentenceAround(text, fee, fee + 3)).toBe(" Fees: 2.5 million");
    // "not required" in the sentence before or after does not soften the requirement
    for (const t of [
      "Site visits are not required. Bidders must be registered in Beijing.",
      "Bidders must be registered in Beijing. Site visits are not required.",
    ])
      expect(review(t), t).toEqual({ outcome: "refuse", hits: [["registration-en", "refuse"]] });
  });

  it("ends an English clause at '. ' too, but not after an abbreviation", () => {
    const text = "Agencies from any province may apply. Bidders must be registered in Beijing.";
    const at = text.indexOf("registered");
    expect(clauseAround(text, at, at + "registered".length)).toBe(" Bidders must be registered in Beijing");
    // the opening in the sentence before holds the clause for a regulator, as 注册地不限。…须为本区注册企业。 is held
    expect(review(text)).toEqual({ outcome: "review", hits: [["registration-en", "review"]] });
    expect(review("Bidders must be registered in Beijing.")).toEqual({ outcome: "refuse", hits: [["registration-en", "refuse"]] });
    const abbreviated = "An audit for a Shanghai-based maker (revenue approx. RMB 600m), e.g. the annual report.";
    const rmb = abbreviated.indexOf("RMB");
    expect(clauseAround(abbreviated, rmb, rmb + 3)).toBe("An audit for a Shanghai-based maker (revenue approx. RMB 600m)");
    expect(review(abbreviated)).toEqual({ outcome: "ok", hits: [] });
  });

  it("reads each side of an amendment's turn on its own: what it replaces is held, what stands in its place is read", () => {
    // the text in force, after the turn, is not opened by the replaced words (均可报名) before it
    for (const t of ["原“外地机构均可报名”调整为“须为本区注册企业”。", "原“外地机构均可报名”调整为本区注册企业方可报名。"])
      expect(review(t), t).toEqual({ outcome: "refuse", hits: [["registration-place-zh", "refuse"]] });
    // the replaced words are held, not refused, when the replacement names a place again without restricting…
    expect(review("原“须为本区注册企业”调整为“须熟悉本区规划”。")).toEqual({
      outcome: "review",
      hits: [["registration-place-zh", "review"]],
    });
    // …and dropped when the replacement opens the competition, a place named or not (round 135)
    for (const t of [
      "原“须为本区注册企业”调整为“本区及外地机构均可报名”。",
      "原要求本区注册调整为本区及外地机构均可报名。",
      "原本区企业优先调整为本区及外地企业均可报名。",
    ])
      expect(review(t), t).toEqual({ outcome: "ok", hits: [] });
    // …and dropped when the replacement names no place (the turn's own words are not part of the replacement)
    for (const t of ["原“须为本区注册企业”调整为“注册地不限”。", "原须为本区注册调整为注册地不限。"])
      expect(review(t), t).toEqual({ outcome: "ok", hits: [] });
    const text = "原“须为本区注册企业”调整为“注册地不限”。";
    const at = text.indexOf("本区注册");
    expect(withdrawnByAmendment(text, at, at + 4)).toBe(true);
    expect(text.slice(...replacementOf(text, at, at + 4)!)).toBe("“注册地不限”");
  });

  it("takes no turn without 原 in the sentence, nor one in a later sentence or inside the words", () => {
    for (const t of [
      "供应商须为本区注册企业，服务期限调整为一年。",
      "原定于周一的踏勘取消。供应商须为本区注册企业，服务期限调整为一年。",
      "须为本区注册企业，其他不限。报价方式调整为线上报价。",
    ])
      expect(review(t), t).toEqual({ outcome: "refuse", hits: [["registration-place-zh", "refuse"]] });
    const text = "供应商须为本区注册企业，服务期限调整为一年。";
    const at = text.indexOf("本区注册");
    expect(withdrawnByAmendment(text, at, at + 4)).toBe(false);
    // 改为 inside the words: the clause still holds the 须 after it
    expect(review("本项目不限行业，投标人注册地改为须在本区。")).toEqual({
      outcome: "refuse",
      hits: [["registration-place-zh", "refuse"]],
    });
  });

  it("counts the bidders for a quota, not the winners nor a headcount of the bidder's own staff", () => {
    // the winners are capped, the bidders are not (the pattern rule quota-en still reads "limited to 2 firms")
    expect(findings("The contract is limited to 2 firms, with no cap on the number of applicants.")).toEqual([]);
    // no word of taking part in the sentence: the firm's own people are counted
    expect(findings("项目负责人限1名。")).toEqual([]);
    expect(reviewFairCompetition({ text: "项目负责人限1名。" }).outcome).toBe("ok");
    expect(findings("报名单位限前3家，先到先得。").map((f) => f.category)).toContain("quota");
    expect(findings("Only the first 5 firms to register will be accepted.").map((f) => f.category)).toEqual(["quota"]);
    // an order of arrival with no number is a quota of the categories, not the doubtful net's
    for (const text of ["Places are limited; register early.", "Registration is first come, first served."])
      expect(
        findings(text).map((f) => [f.category, f.rule]),
        text,
      ).toEqual([["quota", undefined]]);
  });

  it("reads the whole country as no place: 我国境内, 全国范围内 stay unmasked", () => {
    for (const text of ["须在我国境内注册", "全国范围内的机构均可报名"]) expect(maskPlaces(text), text).toBe(text);
    expect(reviewFairCompetition({ text: "报名机构须在我国境内依法注册。" }).outcome).toBe("ok");
  });

  it("reads words that only look like places as words: 会同 (jointly with), an area of the site before 区内, 本地块, the site's seismic data", () => {
    const unmasked = ["园区管委会同意", "会同区财政局", "保护区内", "库区内", "施工区内", "本地块", "本地区抗震设防烈度", "当地地震动参数"];
    for (const text of unmasked) expect(maskPlaces(text), text).toBe(text);
    // the county itself, and "in this district" and "this place" in a condition, are still places
    for (const text of ["会同县", "区内企业", "本地区注册"]) expect(maskPlaces(text), text).not.toBe(text);
    const outcome = (text: string) => reviewFairCompetition({ description: text }).outcome;
    expect(outcome("优先保护区内原生植被，施工便道须避让生态保护红线。")).toBe("ok");
    expect(outcome("优先考虑区内机构")).toBe("refuse");
  });

  it("round 20 (blind sets 78–80): the requester saying where it is, outsiders 'fine too', the project's standing, a review centre", () => {
    const outcome = (text: string) => reviewFairCompetition({ description: text }).outcome;
    for (const text of [
      "我们是甘南州合作市的一家畜产品加工企业，新厂房需要做环境影响评价报告表。",
      "有没有上海的朋友帮忙看下，我们要找家做能评的，外地的也行，只要有经验。",
      "本项目拟申报山东省重点项目库，中选机构编制的可研报告须满足入库审核要求。",
      "报告编制须符合《吉林省建设工程计价依据》，成果文件报长春市财政评审中心审核。",
      "本项目属于区内重点工业项目，请报名机构合理安排工期。",
      "本项目不要求中选单位在本地设立分支机构或常驻团队。",
    ])
      expect(outcome(text), text).toBe("ok");
    // …while the same words about the bidder still count
    expect(outcome("报名单位须为上海企业，外地的不行。")).toBe("refuse");
    expect(outcome("须具有区内项目业绩。")).not.toBe("ok");
    expect(outcome("报名单位须在本市设有服务中心。")).toBe("refuse");
  });

  it("round 21 (blind sets 81–83): a requester or campus named by its place, 'not limited to' local firms, the place's reference system", () => {
    const outcome = (text: string) => reviewFairCompetition({ description: text }).outcome;
    for (const text of [
      "本项目面向全国，不限于本市机构，注册地不限。",
      "审计工作在学校郑州莲花街校区财务处现场开展，中选单位须派员驻场。",
      "成果须提供与曹县当地城建坐标系的转换参数，中选单位须按时提交。",
      "设计须符合濮阳市城市风貌管控要求，中选单位须按时提交方案。",
    ])
      expect(outcome(text), text).toBe("ok");
    // …but a consultancy named by its place may be the one designated, and "including but not limited to" opens nothing
    expect(outcome("报名单位须为本项目原可研编制单位（北京华策工程咨询有限公司），以保证前后工作衔接。")).not.toBe("ok");
    expect(outcome("报名单位须为本市机构，服务内容包括但不限于本市机构的审计。")).toBe("refuse");
  });

  it("round 23 (blind sets 87–89): a trip and its cost, the statutory licensing authority, data an authority provides, the place's weather", () => {
    const outcome = (text: string) => reviewFairCompetition({ description: text }).outcome;
    for (const text of [
      "报价须含乌鲁木齐—和田往返机票、和田至于田县城的租车费用以及外业期间的食宿费用，综合单价包干。",
      "合同签了以后要派人上崇明岛现场测量，来回交通和住宿费用请含在报价里",
      "Quotations should include per-diem for the Kashgar–Taxkorgan leg; travel costs are not reimbursed.",
      "资格条件：持有国家市场监督管理总局或省级市场监督管理部门核发的特种设备检验机构核准证。",
      "报告中的地震动参数须采用云南省地震局提供的区域地震资料，中选机构须赴玉溪市项目现场进行场地勘察。",
      "外业人员进入边境管理区须办理边境通行证，中选机构应提前10个工作日向县公安局报送人员名单。",
      "外业调查期间，作业人员须遵守牧区草原防火规定和当地民族风俗习惯，进入禁牧区域前须与所在嘎查村委会联系。",
      "中介机构须在项目所在地开展不少于7天的现场调查，调查范围覆盖项目区及周边5公里。",
      "本次比选共选出中选机构2家，分别承担北京、天津两地的消防检测任务；报名家数不限。",
      "成果须满足辽宁省水利厅关于生产建设项目水土保持方案审批的有关规定，并通过省级专家评审。",
      "优先把哈密这批牧业点的房屋测完吧，天冷了草场上的人都要转场了。",
    ])
      expect(outcome(text), text).toBe("ok");
    // …while a place tied to the bidder next to a trip, a provincial department alone, a list an authority publishes,
    // an office near the site and a local firm first still count
    expect(outcome("须为本地注册机构，差旅费自理。")).toBe("refuse");
    expect(outcome("须持有市级主管部门推荐的机构证明。")).toBe("refuse");
    expect(outcome("报名单位仅限已列入苏州高新区工程造价咨询企业名录的企业，名录以区有关部门公布的最新版本为准。")).not.toBe("ok");
    expect(outcome("报名单位须在项目周边5公里内设有办公点。")).not.toBe("ok");
    expect(outcome("同等条件下优先把本地机构列入候选。")).toBe("refuse");
  });

  it("round 24 (blind sets 90–92): an indirect question, the same standard for all, the requester's own office, the winners' number", () => {
    const outcome = (text: string) => reviewFairCompetition({ description: text }).outcome;
    for (const text of [
      "异议答复：贵单位询问外地机构能否报名。答复：本项目不限制报名单位注册地及所有制形式，外地机构可正常报名，无需在本地设立分支机构。",
      "请各报名机构注意：本地、外地机构均使用同一评分标准，不设地域加分。",
      "合同履行期间，中选机构项目人员应在我司位于横琴的办公室驻场工作两周，工位由我司提供。",
      "本次为年度服务框架采购，拟确定中选机构不超过4家，中选后按项目轮候分配；报名不限家数。",
      "项目所在地为河北省承德市丰宁县，属坝上高寒区，外业作业宜安排在5—9月，请报名单位合理安排工期。",
      "中选机构出具的评估报告须在河南省国有资产评估项目备案系统中完成备案。",
      "检测人员进入南沙施工现场前须参加安全交底，并遵守工地安全管理规定。",
    ])
      expect(outcome(text), text).toBe("ok");
    // …while a question answered against the bidders, a cap on the bidders, the bidder's own social insurance in the
    // county and a zone of the district stay findings
    expect(outcome("外地机构是否可以报名？不可以。")).not.toBe("ok");
    expect(outcome("报名家数不超过5家。")).toBe("refuse");
    expect(outcome("报名时须提供本单位近一年在本县缴纳社会保险的人员不少于10人的证明。")).toBe("refuse");
    expect(outcome("报名单位须在郑东新区设有常驻项目团队。")).toBe("refuse");
    expect(outcome("须为上高县注册企业。")).toBe("refuse");
  });

  it("round 26 (blind sets 96–98): chat shorthand by pinyin initials, a clause an amendment deletes, a question reported then answered", () => {
    const outcome = (text: string) => reviewFairCompetition({ description: text }).outcome;
    for (const text of [
      "补遗：删除评分细则第5项“本地服务网点（3分）”，该分值并入“服务方案”项。",
      "变更公告：原评分细则“在本市设有分支机构的得2分”一项删除，原分值调整至“项目实施方案”。",
      'Addendum No. 2: Clause 4.2 "bidders must be registered in Suzhou" is deleted.',
      "our BD team will call you about the audit",
    ])
      expect(outcome(text), text).toBe("ok");
    // a reported question answered no is no refusal; answered yes, or a clause added (not deleted), still is
    expect(outcome("澄清：有机构询问是否需要在安庆设立办事处。答复：不需要，中选后按项目进度到现场服务即可。")).not.toBe("refuse");
    expect(outcome("有机构询问是否需要在安庆设立办事处。答复：需要。")).toBe("refuse");
    expect(outcome("补充：增加评分项“本地服务网点（3分）”。")).toBe("refuse");
    expect(outcome("删除第3条，报名单位须为本市注册企业。")).toBe("refuse");
    for (const text of ["bd的优先考虑，价格差不多就选bd", "hp要包头zc的 别的地方的不要", "wd的机构不要"])
      expect(outcome(text), text).toBe("refuse");
  });

  it("round 27 (blind sets 99–101): a chat answer straight after the question, a community committee, a welcome to later projects", () => {
    const outcome = (text: string) => reviewFairCompetition({ description: text }).outcome;
    for (const text of [
      "群友问外地单位能不能报？可以的，注册地不限，有消防设施维护保养检测资质就行，欢迎大家来报👍",
      "上次有人问是不是只能云南的公司报？不是的，外省的也可以，只要资质符合就行。",
      "某公司：听说只认市里推荐的机构？\n业主：@某公司 没有这个规定，任何依法设立、具备资质的机构均可参与，请以公告为准。",
      "检测机构须于进场前3个工作日与社区居委会对接，确定入户检测时间。",
      "请各报名机构按附件格式填写近三年类似项目业绩表，本地、外地项目均可填报，评分标准一致。",
      "接入系统设计应以国网宁夏电力有限公司批复的接入系统原则为依据，并与当地330kV电网规划相衔接。",
    ])
      expect(outcome(text), text).toBe("ok");
    // …while a chat answer that closes, a district committee's recommendation and a settled incumbent stay findings
    expect(outcome("听说只认市里推荐的机构？业主：是的。")).not.toBe("ok");
    expect(outcome("问：是否需要在本区设立分支机构？需要。")).toBe("refuse");
    expect(outcome("须为区住建委推荐的机构。")).toBe("refuse");
    expect(outcome("本次森林资源调查已商定由原承担单位继续实施，欢迎其他单位关注后续项目。")).toBe("refuse");
  });

  it("round 28 (blind sets 102–104): the winner's staff at the site, a project entering the project pool, a shortlist after evaluation", () => {
    const outcome = (text: string) => reviewFairCompetition({ description: text }).outcome;
    for (const text of [
      "中选单位须在合同签订后7日内进场，服务期内在延安现场配备至少2名技术人员。",
      "成果须纳入区级交通项目库管理，中选机构协助业主完成项目入库申报。",
      "项目完成后，勘探资料须移交甘肃省文物考古研究所入库。",
    ])
      expect(outcome(text), text).toBe("ok");
    // a shortlist this competition draws after its evaluation is no required pool (the structural quota may still hold it)
    expect(
      outcome("We will shortlist three proposals after the technical evaluation and invite the bidders for interviews in Luoyang."),
    ).not.toBe("refuse");
    // …while an office in the place, a required pool and an incumbent kept stay refused
    expect(outcome("报名单位须在延安设有分支机构。")).toBe("refuse");
    expect(outcome("Only firms on the shortlist of the district bureau may respond.")).toBe("refuse");
    expect(outcome("局里已经打过招呼了，就用上次那家，别的单位报了也没用。")).toBe("refuse");
  });

  it("round 29 (blind sets 105–107): a help desk's answers, 'nothing to do with where the firm is', a project's or a database's store", () => {
    const outcome = (text: string) => reviewFairCompetition({ description: text }).outcome;
    for (const text of [
      "用户：需要在湘潭设办公室吗？\n客服：不需要。采购人只要求中选后按约定时间到湘潭项目现场开展工作。",
      "大气环境影响预测请采用株洲市气象站近20年的地面观测资料，这是技术要求，与机构所在地无关。",
      "本项目已录入区中介超市项目库，机构可通过平台在线报名，线下材料无需提交。",
      "报告应优先引用本地（即项目所在区域）近三年的环境质量现状监测数据；数据不足的，应补充监测。",
      "The selected firm will work closely with township staff in Malipo County and the village committees.",
    ])
      expect(outcome(text), text).toBe("ok");
    // …while the desk answering yes, a preferred local firm, a licence of one province only and a county bank stay refused
    expect(outcome("用户：需要在湘潭设办公室吗？\n客服：需要。")).toBe("refuse");
    expect(outcome("优先采用本地企业。")).toBe("refuse");
    expect(outcome("须具有贵州省自然资源厅核发的乙级及以上测绘资质证书，其他省份核发的资质证书不予认可。")).toBe("refuse");
    expect(outcome("中选机构须在县农村商业银行开立基本存款账户。")).toBe("refuse");
  });

  it("finds a single-character province abbreviation only before a bidder attribute", () => {
    expect(findings("须为在沪注册的机构。").map((f) => f.category)).toEqual(["registration"]);
    expect(findings("须符合沪建管规定。")).toEqual([]);
  });

  it("sixth round (blind sets 36–38): what is the work's and what is the bidder's", () => {
    const outcome = (text: string) => reviewFairCompetition({ description: text }).outcome;
    // the reach of the work around the site, the place's records, samples taken there, on-premises software, 县 + 城关镇
    for (const text of [
      "须对场址周边25公里范围内的断裂进行调查，外业工作须在贵阳市项目场址完成。",
      "本项目需引用舟山本地近30年气象及潮位资料，资料费由中选单位自行承担并计入报价。",
      "报价须包含在威海本地采集样品并运输至实验室的费用。",
      "数字化加工设备须为本地部署，所有影像数据存储在业主单位内部服务器。",
      "中选机构须在项目所在地（XX县城关镇）完成不少于3天的现场资料收集。",
      "注册地不在本市的机构，并非不能报名；资格审查对所有报名机构适用同一标准。",
      "未在本市设立分支机构的，不影响报名资格，也不影响评分。",
    ])
      expect(outcome(text), text).toBe("ok");
    // …while the bidder's lab near the zone, a double negative taken back by a turn, and an office in the zone stay findings
    expect(outcome("检测机构的实验室和检测车辆须就近配置在园区周边五公里范围内，以此作为报名的前提条件。")).not.toBe("ok");
    expect(outcome("非本市注册的机构不是不可以报名，只是资格审查时一律不予通过。")).toBe("refuse");
    expect(outcome("我们希望中选机构能在高新区设有固定办公点，报名时请上传该办公点的租赁合同。")).toBe("refuse");
  });

  it("seventh round (blind sets 39–41): answers, results and the requester's own cap", () => {
    const outcome = (text: string) => reviewFairCompetition({ description: text }).outcome;
    for (const text of [
      // two questions answered in order, one clause each
      "问：外省机构可以报名吗？需要在本地设分公司吗？\n答：可以报名，不需要。",
      // a question quoted in minutes, answered no
      "参会机构提问“本地企业是否有加分”，业主答复：本项目无任何地域加分，所有机构按同一标准评审。",
      // the result of the competition, and the registrants counted by origin
      "共有11家机构报名，其中天津本地3家，经评审由河南某工程咨询有限公司中标。",
      // outsiders taking part some other way
      "会议在长沙召开，外地机构通过腾讯会议线上参加，效果等同现场参会。",
      // the winners counted, in a framework agreement of the requester's own
      "本次为框架协议采购，拟确定不超过3家中标机构，按轮候方式分配任务；报名机构数量不限。",
      // a report sent for approval, a department's branch, a public platform (公开平台 is not 开平)
      "水土保持方案须报区水务局审批，审批过程中的修改费用包含在报价内。",
      "中标机构须在每月5日前将监测月报报送鞍山市生态环境局铁东分局。",
      "The selected firm shall submit it to the Hangzhou Municipal Ecology and Environment Bureau (Xiaoshan Branch) for approval.",
      "评价报告须在安全评价机构信息公开平台公开。",
    ])
      expect(outcome(text), text).toBe("ok");
    // …while an answer that says yes, the incumbent kept, a listing for form's sake and a cap at the requester's plant stay refused
    expect(outcome("问：需要在本地设分公司吗？\n答：需要。")).toBe("refuse");
    expect(outcome("今年的检测拟继续由去年承担本单位检测的单位实施，本次挂网为履行程序，欢迎其他机构报价。")).toBe("refuse");
    expect(outcome("we'll only take the first 5 registrations for the fire risk assessment at our Changsha plant.")).toBe("refuse");
    expect(outcome("报名须提交属地镇政府的推荐意见书。")).not.toBe("ok");
    expect(outcome("Bidders must have a branch office in Shenzhen.")).toBe("refuse");
    // not a speed check: the first texts compile rules no earlier test used (seconds on a busy machine)
  }, 120_000);

  it("eighth round (blind sets 42–44): scoring rows, Cantonese and Taiwanese wording", () => {
    const outcome = (text: string) => reviewFairCompetition({ description: text }).outcome;
    // points for having worked for the requester, a cap ranked by arrival, work counted only in the place
    for (const text of [
      "合作基础（15分）：近三年与我公司（某水务集团）有过合作且无不良记录的原服务单位得15分，其他单位得0分。",
      "本项目按平台报名先后顺序，取前5家报名单位进入综合评分，第6家起不再受理。",
      "Track record (15 pts): 3 points per completed EIA project located within Hainan Province in the last three years, maximum 15.",
      // 喺 → 在, 冇 → 没有, 頭三間 → 前三家, 在地廠商 → 本地厂商
      "Agency 一定要喺珠海有 office，冇 office 嘅唔好報。",
      "只收頭三間報名嘅公司，手快有手慢冇！",
      "同等條件下，本公司將優先考量在地廠商，謝謝各位。",
    ])
      expect(outcome(text), text).not.toBe("ok");
    for (const text of [
      // a ranking by merit is no cap; experts in a pool; a list this competition builds
      "报价最低的前三名进入评审。",
      "评审小组由我公司从本单位内部专家库中随机抽取3人组成，入库专家与报名机构存在利害关系的应当回避。",
      "本次公开选取3家机构作为我公司2024年度检测服务备选单位（入库），有效期一年。报名不限家数，不限注册地。",
      // denials read through quotes, of a mechanism, in Cantonese
      "本项目评审因素中不设置“本地业绩”“本地服务机构”等加分项。",
      "敬請各廠商留意，本案無在地廠商加分機制，亦不限定設籍地。",
      "報名唔需要預先入庫㗎，中選之後系統會自動將中選機構資料入庫，大家放心報。",
      // the place's accounting standards, a meeting there, its roads, regardless of where the bidder is
      "本公司為港資企業，財務報表須按照內地企業會計準則及香港財務報告準則分別編制。",
      "项目启动会定于3月12日在黔东南州凯里市召开，中选机构项目负责人须参会。",
      "报价须包含差旅、食宿等全部费用，无论机构所在地，我司不另行承担。",
    ])
      expect(outcome(text), text).toBe("ok");
    // 關係 stays 关系 (係 is 是 only after 但/唔/就/都…)
    expect(normalise("關係良好，但係外地機構都歡迎").text).toBe("关系良好,但是外地机构都欢迎");
    // not a speed check: the first texts compile rules no earlier test used (seconds on a busy machine)
  }, 120_000);

  it("ninth round (blind sets 45–47): documents to submit, labs at a distance, English e-mails", () => {
    const outcome = (text: string) => reviewFairCompetition({ description: text }).outcome;
    for (const text of [
      "本次职业病危害因素定期检测，检测机构的实验室须位于常州市武进区范围内，以便采样后及时送样分析。",
      "The testing laboratory must be located within 50 km of our plant in Chuzhou so that wastewater samples can be delivered on the same day.",
      "PS：我们更倾向于找合肥本地的团队，外地的也可以报，但同等条件下local优先哈。",
      "Scoring: 2 points for each similar project completed for clients in Yancheng, up to 10 points.",
      "Qualification package: a business licence issued within Hainan Province, the land valuation filing certificate, and the CVs of the proposed team.",
      "执照得是咱们新区注册的哈，外面注册的就不用发了。",
      "须提供行业主管部门（县应急管理局）同意该机构承担本项目的书面意见。",
      "根据集团安排，本项目审计服务由立信恒达会计师事务所承担，请该所按清单提交材料；其他机构提交的材料不予审阅。",
      "The incumbent provider, Greenfield Testing Services, will continue under this engagement for a further year.",
      "As agreed with the district officials, the review will again be handled by Sunrise Energy Consulting. Please do not solicit quotes from other firms.",
      "Please be advised that registration for this RFQ will close as soon as we have received four (4) registrations.",
    ])
      expect(outcome(text), text).not.toBe("ok");
    for (const text of [
      "资料入库说明：所有检测原始记录须在项目结束后整理入库，移交采购人档案室保存。",
      "审计费用由中选的会计师事务所承担。",
      "Shortlisting note: after evaluation, the three highest-scoring firms will be invited to a clarification meeting; there is no cap on the number of firms that may register.",
      "The kick-off meeting will be held at our Chongqing office on June 3. Remote attendance via Microsoft Teams is acceptable for consultants based outside Chongqing.",
    ])
      expect(outcome(text), text).toBe("ok");
    // awarding framework agreements to at most three: the winners, held at most, never refused
    expect(
      outcome("We anticipate awarding framework agreements to no more than three consultants. All qualified firms are welcome."),
    ).not.toBe("refuse");
    // …while a framework agreement or shortlist the bidder must already hold is refused
    expect(outcome("Only firms holding a framework agreement with the district may bid.")).toBe("refuse");
    // not a speed check: the first texts compile rules no earlier test used (seconds on a busy machine)
  }, 120_000);

  it("round 130 (hold-out 130): a winner's cross-region tax formality, the requester's office named in English, a trip's cost, a shortlist on merit", () => {
    const outcome = (text: string) => reviewFairCompetition({ description: text }).outcome;
    for (const text of [
      "中选机构如在项目所在地以外注册，须按规定办理跨区域涉税事项报验。",
      "中标单位如系本省以外注册企业，须在合同签订后办理外出经营活动税收管理证明。",
      "请把 proposal 发到 bid@example-group.cn，我们 Shanghai office 会统一回复。",
      "如有疑问请联系咱们 Suzhou office，电话 0512-12345678。",
      "Travel and accommodation costs for staff coming from outside Xi'an should be included in the fee.",
      "The fee must cover the expenses of experts travelling from outside Guangdong.",
      "Up to three firms may be shortlisted for interview based on their evaluation scores.",
      "A maximum of three firms will be shortlisted on technical merit.",
    ])
      expect(outcome(text), text).toBe("ok");
    // …while the same words with an exclusion, a demand on the bidder or a first-come shortlist stay caught
    expect(outcome("外地注册机构报名时须提供项目所在地税务机关出具的跨区域涉税事项报验表，否则不予受理。")).not.toBe("ok");
    expect(outcome("我们要求 bidder 在 Shanghai 有 office。")).toBe("refuse");
    expect(outcome("Staff coming from outside Xi'an will not be accepted on the team.")).not.toBe("ok");
    expect(outcome("No more than four firms will be shortlisted, on a first-come, first-served basis.")).toBe("refuse");
  }, 120_000);
  it("round 142 (hold-out 142): local labour, the ground of the site, a team set up after the contract", () => {
    const outcome = (text: string) => reviewFairCompetition({ description: text }).outcome;
    for (const text of [
      "The consultant shall employ local labour for unskilled survey work where practicable, in accordance with the ESMF.",
      "The consultant shall be familiar with the local geological conditions of Xiong'an New Area, to be shown in the technical proposal.",
      "Bidders must provide a letter of commitment to set up a project team in Chengdu within 15 days after contract signing.",
    ])
      expect(outcome(text), text).toBe("ok");
    // …while the bidder's own company or team there, before the contract, stays caught
    expect(outcome("Bidders must be Shanghai companies with a project team in Chengdu.")).not.toBe("ok");
    expect(outcome("The bidder shall have a project team in Chengdu at the time of bidding.")).not.toBe("ok");
  }, 120_000);
  // structure.ts `attached` (a place joined to a bidder noun: 外地机构, "firms based anywhere"): its finding is the one
  // the sentence's own words then excuse; without it a weaker reading of the place is held (mutation testing, 2026-12-06)
  it("a place joined to a bidder noun is read as such, so the words that open the door to it keep the text published", () => {
    for (const text of [
      "外地机构中选后如需在项目所在地办理相关手续，采购人予以协助。",
      "外地机构中选后如需在项目所在地办理相关手续，采购人予以协助；本项目不要求供应商在本地设立分支机构。",
      "Firms based anywhere in China are welcome; bidders are free to mobilise sampling teams from their own laboratories, and no local office, branch or laboratory in Kashgar is required.",
    ])
      expect(reviewFairCompetition({ text }).outcome, text).toBe("ok");
  }, 60_000);
  // The detector's code (structure.ts) measured without the corpus left 299 of 903 mutants alive (66.89 %). Each of these
  // corpus texts is the shortest whose findings change under one or more of them (a sweep of every survivor over the
  // corpus, docs/mutation-testing.md, fourteenth round): 145 of the 299 change the findings of one of these 53.
  describe("texts the detector's code paths are needed for (a sweep of the surviving mutants over the corpus)", () => {
    it.each([
      ["registration", "报名单位须为区内企业。"],
      ["designation", "报告编制单位应取得区应急管理局书面同意。"],
      ["designation", "本项目的检测服务须在镇建设管理中心推介的机构中产生。"],
      ["pool", "仅限已纳入《海南省土地估价机构备选库》的机构报名，备选库以外的机构报名无效。"],
      ["preference", "local firm 我们会 priority 一点，大家懂的"],
      ["presence", "A branch operating in the municipality for at least one year is required."],
      [
        "pool",
        "Eligible bidders are limited to the framework suppliers already admitted to the Hangzhou municipal IT-services procurement pool (协议供货入围供应商).",
      ],
      ["pool", "須為本縣中介機構備選庫內之單位。"],
      ["registration", "资格要求：注册地：上海市。"],
      ["registration", "本项目采购对象为临港新片区内企业。"],
      ["designation", "须为经市应急管理局推荐并在该局备案的安全评价机构（推荐名单见附件２）。"],
      [
        "pool",
        "Eligible respondents 仅限于 those accounting firms appearing on the shortlist 由省财政厅发布 for audits of state-owned enterprises.",
      ],
      ["quota", "先报名的三家单位直接进入比选。"],
      ["designation", "本次测绘由镇规划办商定的单位承担。"],
      [
        "local-ties",
        "【奉贤区某食品厂排污许可证申领咨询】\n服务内容：协助我司完成排污许可证申请材料编制、平台填报及后续执行报告。\n报名要求：\n1.具有相关服务经验；\n2.项目组成员至少3人持上海户口或上海居住证，报名时提供证明；\n3.报价包含全部服务费用。\n工期：30个日历天。",
      ],
      ["pool", "未入库单位不得报名。"],
      ["preference", "县内机构优先。"],
      ["pool", "仅接受区级中介超市在册服务机构报名。"],
      ["pool", "从镇政府年度合作机构名单中择一委托。"],
      ["designation", "报名机构须已在本市住建部门备案。"],
      ["preference", "熟悉本地情况且在区内注册的机构将被优先推荐。"],
      ["registration", "报名企业的营业执照须由本区行政审批局核发。"],
      ["registration", "投标主体注册所在地应与采购人同属一个行政区。"],
      ["pool", "须为辽宁省水利厅公布的“水利工程咨询单位推荐名单”内的机构。"],
      ["designation", "说明：本次防雷装置检测服务单位已由上级主管部门确定为宁德市某防雷检测中心，本公告仅作公示。"],
      ["designation", "Firms recommended by the Development Zone Management Committee will be invited directly."],
      [
        "presence",
        "都匀市某学校改扩建工程全过程造价咨询服务比选公告。资格条件：（一）具有独立法人资格；（二）拟派项目负责人具有一级造价工程师注册证书；（三）在黔南布依族苗族自治州内有固定办公场所及专职技术人员驻点，提供房产证或租赁合同复印件；（四）本项目不接受联合体。获取比选文件时间：2024年7月8日至7月12日。",
      ],
      [
        "registration",
        "济南市历城区某国有控股集团有限公司所属项目竣工财务决算审计比选公告\n一、项目概况：对集团所属3个已竣工的道路及安置区配套项目开展竣工财务决算审计，项目总投资约2.7亿元，出具竣工财务决算审计报告，最高限价32万元，服务期60日历日。\n二、资格要求：1. 具有会计师事务所执业证书；2. 近三年承担过政府投资项目竣工财务决算审计业绩不少于3项，业绩不限地域；3. 营业执照登记机关须为济南市市场监督管理局或其下辖区县市场监督管理部门；4. 项目负责人须为注册会计师，从业年限8年以上。\n三、评分办法：报价30分，审计方案35分，人员配置20分，业绩15分。\n四、其他事项：审计中涉及的工程量核对须邀请施工单位现场确认，审计结论须经集团审计部复核。",
      ],
    ] as const)("finds %s in %s", (category, text) => {
      expect(
        findings(text).map((f) => f.category),
        text,
      ).toContain(category);
    });
    it.each([
      "评分以报价、服务方案和类似业绩为准，业绩不分省内省外，都一样算。",
      "项目地点：苏州工业园区BioBAY三期，机构人员进出园区须提前办理访客登记。",
      "本项目水文分析须采用互助县水文站实测径流资料，资料由我公司协调提供，中选单位不另行购买。",
      "Bids must be delivered to Room 502, Xuhui District Government Service Centre, 88 Caoxi Road, or uploaded electronically.",
      "我司拟对位于增城区、从化区的两处厂区分别开展房地产估价，现分两个包件选取评估机构。要求：1.具有一级房地产估价机构资质；2.每个包件由不少于2名注册房地产估价师签署报告；3.同一机构可同时报名两个包件，每个包件独立评审；4.近三年无执业违规记录；5.报告须满足银行抵押贷款用途。两个包件各确定1家中选机构。",
      "The consultant shall assign a resident engineer to the construction site in Wuhu, Anhui throughout the construction period to supervise quality and progress; all costs of the resident engineer shall be included in the quotation.",
      "潮州市湘桥区2025年潮州古城排水系统改造工程可行性研究服务比选公告。项目概况：项目位于潮州古城片区，范围东至韩江、西至西湖路，面积约2.2平方公里，需编制排水系统雨污分流改造工程可行性研究报告，预算金额75万元。资格要求：（1）具有工程咨询能力，项目负责人为注册咨询工程师（投资）；（2）近三年承担过历史城区或旧城排水改造咨询项目。评审办法：综合评分法，其中可研编制方案40分、项目团队15分、类似业绩15分（业绩越多得分越高，每项3分，业绩地点不限）、报价30分；在同等得分情况下，优先选择类似业绩数量较多的机构。报名方式：2025年7月21日至7月25日在广东省中介服务网上交易平台报名。付款方式：可研报告通过评审后支付70%，取得批复后支付30%。其他事项：报告编制须符合《广东省城镇排水设施建设技术规定》，需充分考虑古城文物保护要求，汇报地点为湘桥区住建局会议室。",
      "更正公告 因项目需要，报名截止时间由2024年6月12日延长至2024年6月19日17:00，开标地点变更为恩施州公共资源交易中心第二开标室（恩施市金桂大道99号）。",
      "中选机构须将成果报送我区住建委。",
      "The consultant must update the district's asset register.",
      "供应商须熟悉《杭州市物业管理条例》。",
      "中选机构须在区住建委指定的系统中填报项目信息。",
      "中选机构须配备藏汉双语调查人员或翻译，可在当地临时聘请，相关费用计入报价。",
      "报价人不得存在被列入失信被执行人名单或重大税收违法失信主体名单的情形，否则取消成交资格。",
      "The consultant must obtain the district bureau's approval of the final report.",
      "锦江区某村委会：村上有几块集体建设用地要出租，想请评估公司评一下租金，要得的话麻烦把报价和方案发过来。评估时要到村头实地看地哈，路费包在报价里头，价格合理就巴适。",
      "The consultant shall submit the parcel database to the Shannan Municipal Real Estate Registration Center and take part in its acceptance review in Tsetang.",
      "泉州某市属国有企业拟以部分房产对外投资，现选取资产评估机构1家。评估对象：位于泉州市丰泽区的商业房产4处，建筑面积合计约6200平方米。评估目的：为对外投资提供价值参考。资格要求：具有资产评估机构备案；签字资产评估师具有5年以上房地产评估经验。成果要求：评估报告须符合国有资产评估管理相关规定，并报泉州市国资委备案；评估师须到现场逐处勘查并拍照留存。报价上限：6万元。报名截止：2024年6月21日。",
      "中选单位须配合街道开展居民意见征询。",
      "执行河北省地标 报价请含采样费和分析费",
      "注册地不限，省外机构无需在安徽设立分支机构即可报名。",
      "中选机构须受我司委托，到南沙区政务服务中心代为办理项目备案手续。",
      "中选机构须在合同签订后15个工作日内完成入户调查，并将调查数据及分户估价结果录入区征收管理信息系统数据库。",
      "The selected firm must submit the geotechnical investigation report to the local natural resources bureau for record-filing on our behalf.",
      "Bidders must hold a valid Grade A Surveying and Mapping Qualification Certificate issued by the competent authority. Relevant experience on comparable projects anywhere in China will be taken into account.",
    ])(
      "leaves alone %s",
      (text) => {
        expect(findings(text), text).toEqual([]);
        expect(reviewFairCompetition({ text }).outcome, text).toBe("ok");
      },
      60_000,
    );
  });
  // aboutRequester's copula (structure.ts): the requester saying what it is, with no requirement in the clause, names no
  // bidder — each of these was refused with that line's `return true` turned false or its REQUIRES test negated
  it("the requester saying where it is registered (我公司为…注册的企业) names no bidder", () => {
    for (const text of [
      "我公司为注册于宁夏银川市金凤区的一家乳制品加工企业，现需委托环评机构编制环境影响报告表。",
      "本公司是注册在苏州工业园区的外资企业，拟委托一家审计机构开展年度审计。",
      "我单位系浦东新区注册的国有企业，现公开选取造价咨询机构。",
    ])
      expect(reviewFairCompetition({ text }).outcome, text).toBe("ok");
  }, 60_000);
  // hold-out 132: a consortium's or a subcontract's members are counted, not the bidders
  it("a cap on a consortium's or a subcontract's members is no quota", () => {
    for (const text of [
      "联合体成员单位最多3家。",
      "允许分包，分包单位不超过2家。",
      "Consortia are accepted; no more than three members per consortium.",
    ])
      expect(
        findings(text).filter((f) => f.category === "quota"),
        text,
      ).toEqual([]);
    expect(findings("报名单位最多3家。").some((f) => f.category === "quota")).toBe(true);
  }, 60_000);
  // hold-out 133: the winners a competition appoints or awards to, counted in English, are no cap on the bidders
  it("a count of the winners appointed or awarded is no quota", () => {
    for (const text of [
      "The Authority will award contracts to up to five consultants under its new engineering services framework.",
      "Following evaluation, the Council intends to appoint up to six firms to the multi-disciplinary framework.",
      "A maximum of two proposals per lot will be shortlisted for interview following the written evaluation.",
    ])
      expect(
        findings(text).filter((f) => f.category === "quota"),
        text,
      ).toEqual([]);
    expect(
      findings("The Council will appoint up to 4 firms; the first four to register will be considered.").some(
        (f) => f.category === "quota",
      ),
    ).toBe(true);
  }, 60_000);
  // hold-out 133: a list whose members the work is done on (对名单内企业开展检查), or projects counted after 入库, is no pool
  it("a list of the work's objects is no pool", () => {
    for (const text of [
      "中介机构应对名单内的45家企业逐一开展安全生产检查并出具检查报告。",
      "服务机构需针对名录中的重点用能单位开展能源审计，名录由采购人提供。",
      "本次评价对象为已入库的35个重点建设项目，中选机构应逐一出具评价意见。",
      "The firm shall not be on the World Bank's list of debarred firms or any national debarment list.",
    ])
      expect(
        findings(text).filter((f) => f.category === "pool"),
        text,
      ).toEqual([]);
    expect(findings("报名机构须为名单内的机构，名单由区财政局确定。").some((f) => f.category === "pool")).toBe(true);
  }, 60_000);
});

// The amendment and clause helpers at their edges: each case fails with one operator, bound or guard of the helper changed
// (mutation testing, fifteenth round; checked on a copy of structure.ts with each change made).
describe("clauses and amendments at their edges", () => {
  const at = (text: string, words: string): [string, number, number] => {
    const i = text.indexOf(words);
    expect(i, words).toBeGreaterThanOrEqual(0);
    return [text, i, i + words.length];
  };
  it("an abbreviation at the start of a text ends no clause (Approx. …)", () => {
    expect(clauseAround(...at("Approx. 30 firms from Shanghai may bid, the rest is open.", "Shanghai"))).toBe(
      "Approx. 30 firms from Shanghai may bid",
    );
  });
  it("words right before an amendment's turn are the words replaced, not the replacement", () => {
    expect(clauseAround(...at("补遗：原“本地”调整为“不限”。", "本地"))).toBe("原“本地”");
  });
  it("words are struck out only when the amendment quotes them", () => {
    // quoted, the quote opening the sentence, another quote closed before it, an ASCII quote
    expect(deletedByAmendment(...at("“本市企业优先”一项删除。", "本市企业优先"))).toBe(true);
    expect(deletedByAmendment(...at("原“甲”条款及“本市企业优先”一项删除。", "本市企业优先"))).toBe(true);
    expect(deletedByAmendment(...at('The clause "local firms preferred" is deleted.', "local firms preferred"))).toBe(true);
    // a deletion before a new condition, a quote that is closed before the words, a quote never closed
    expect(deletedByAmendment(...at("删除原第五条后新增：投标人须为本市企业（含分支机构）。", "本市企业"))).toBe(false);
    expect(deletedByAmendment(...at("删除第3项“加分”，投标人须为本市企业，详见“附件”。", "本市企业"))).toBe(false);
    expect(deletedByAmendment(...at("删除“本市企业优先的要求。", "本市企业优先"))).toBe(false);
  });
  it("a place names the bidder's when its own clause says so, not the clause next to it", () => {
    const names = (text: string, place: string) => {
      const plain = normalise(text).text;
      const i = plain.lastIndexOf(place);
      return namesBidderPlace(maskPlaces(plain), plain, i, i + place.length);
    };
    expect(names("项目位于上海，投标人不限", "上海")).toBe(false);
    expect(names("项目位于上海，投标人须为本市企业", "上海")).toBe(false);
    expect(names("投标人注册地须在上海市", "上海市")).toBe(true);
  });
  it("words are replaced only when 原 (originally) stands before them in their own sentence", () => {
    expect(replacementOf(...at("原“本地企业优先”调整为“不限注册地”。", "本地企业优先"))).toEqual([12, 19]);
    expect(replacementOf(...at("本地企业优先调整为不限注册地，与原公告不同。", "本地企业优先"))).toBeUndefined();
    expect(replacementOf(...at("其余条款不变，均按原；本地企业优先调整为不限注册地。", "本地企业优先"))).toBeUndefined();
  });
});
