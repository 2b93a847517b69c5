/**
 * Runs the fair-competition rules (rules.ts) over a request's free-text fields.
 * One finding per phrase: when rules match overlapping words, the earlier (more specific) rule wins.
 */
import { normalise, originalSpan, type Normalised } from "./normalise";
import { LOCAL_MARK, PLACE_MARK, enLocalSource, enPlaceSource, maskPlaces } from "./places";
import {
  ARTICLES,
  OFFICE_COST_IF_NEEDED_ZH,
  OUTSIDERS_REMINDED_EN,
  OUTSIDERS_REMINDED_ZH,
  RULES,
  TAX_FORMALITY_AFTER_AWARD_ZH,
  type ArticleId,
  type Category,
  type Rule,
  type Severity,
} from "./rules";
import {
  NET_RULES,
  REQUIRES,
  STRUCTURE_RULES,
  aboutRequester,
  clauseAround,
  compileStructure,
  describesRequester,
  namesBidderPlace,
  opensCompetition,
  replacementOf,
  deletedByAmendment,
  sentenceAround,
  structuralFindings,
  withdrawnByAmendment,
} from "./structure";

export type Hit = {
  field: string;
  ruleId: string;
  category: Category;
  severity: Severity;
  article: ArticleId;
  /** The words as the enterprise wrote them. */
  matched: string;
  start: number;
  end: number;
};
export type Outcome = "ok" | "review" | "refuse";
export type Review = { outcome: Outcome; hits: Hit[] };

const CLAUSE = "[^，。；;,.!?！？\\n]";
// 市场监管部门 is the market regulator, not a city's department (市 + 场监管部门)
// (round 136) a zone, a village, a community: 园区管委会、村委会、社区居委会
const LEVEL = "(?:区|市(?!场)|县|省|州|盟|旗|镇|乡|街道|上级|行业|主管|园区|片区|村|社区)";
// 上级审计机关、主管税务机关: an authority named as 机关 is a department too
const DEPT_END =
  "(?:局|村委会|居委会|委员会|委|办公室|审改办|办事处|办|厅|管委会|协会|商会|人民政府|政府|街道办事处|部门|(?:审计|税务|行政|主管|登记|监管|管理|执法)机关|(?:环保|财政|国土|规划|司法|水利|城建|安监|农经|林业|水务)所|(?:水利|农技|林业|水务)站)";

/** What follows an English place name in a notice: "Pudong New Area", "Guangxi Zhuang Autonomous Region", "Suzhou Industrial Park". */
const EN_SUFFIX = [
  "(?:zhuang|hui|uygur|uyghur|tibet)\\s+autonomous\\s+region",
  "autonomous\\s+region",
  "special\\s+administrative\\s+region",
  "sar",
  "industrial\\s+park",
  "(?:economic(?:\\s+and\\s+technological)?|high-?tech(?:\\s+industrial)?)\\s+development\\s+zone",
  "development\\s+zone",
  "free\\s+trade\\s+zone",
  "district",
  "new\\s+area",
  "city",
  "province",
  "county",
  "prefecture",
  "municipality",
].join("|");

/** "the State of Victoria", "the Commonwealth": not "the state of repair", "the state of the art". */
const EN_POLITY =
  "(?<=\\bthe\\s)(?:(?:state|commonwealth|territory)\\s+of\\s+(?!(?:the|a|an|repair|art|emergency|play|readiness|affairs|health|preparedness|completion|development|progress|things|mind|origin|registration|incorporation|residence|domicile)\\b)[a-z]+|commonwealth|territory(?!\\s+of\\b))";

export function expand(pattern: string): string {
  // (round 131) "the Chengdu plant" is the requester's facility named by its town, not a place asked of the bidder
  // (round 133) a place abroad named by its kind: "the State of Victoria", "the Commonwealth" (a US state's own name)
  const en = `\\b(?:the\\s+)?(?:${enPlaceSource()}(?:[\\s-]+(?:${EN_SUFFIX}))?|${enLocalSource}|${EN_POLITY})\\b(?!\\s+(?:plant|factory|mill|campus|works|warehouse|refinery|mine|smelter)\\b)`;
  return (
    pattern
      .replace(/\{G(\d+)\}/g, (_, n: string) => `${CLAUSE}{0,${n}}?`)
      // 我局、本委: the requester's own department, as it says when it is one
      .replaceAll(
        "{DEPT}",
        `(?:(?:(?:{PLACE}|${LEVEL})[\\u4e00-\\u9fa5]{0,10}?|市场监(?:督)?管(?:理)?)${DEPT_END}|(?:我|本)(?:局|委|办|厅)|(?:村|居)民?委员?会)`,
      )
      .replaceAll("{PLACE}", `(?<![${PLACE_MARK}${LOCAL_MARK}])(?:[${PLACE_MARK}${LOCAL_MARK}]+)`)
      .replaceAll("{LOCAL}", `(?<!${LOCAL_MARK})(?:${LOCAL_MARK}+)`)
      .replaceAll("{EN}", en)
      .replaceAll("{NUM}", "(?:\\d+|[一二两三四五六七八九十壹贰叁肆伍柒捌玖拾]+|陆(?!家嘴|续|地|路))")
      .replaceAll("{ENUM}", "(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)")
  );
}

const compiled = new Map<string, RegExp>();
function regexOf(rule: Rule): RegExp {
  let re = compiled.get(rule.id);
  if (!re) compiled.set(rule.id, (re = new RegExp(expand(rule.pattern), "gu")));
  return re;
}

const unlessCompiled = new Map<string, RegExp>();
function unlessOf(rule: Rule): RegExp {
  let re = unlessCompiled.get(rule.id);
  if (!re) unlessCompiled.set(rule.id, (re = new RegExp(rule.unless ?? "(?!)", "u")));
  return re;
}

/**
 * Builds every pattern now instead of on the first review: the Chinese place index and English place names
 * (places.ts), the structural detector's patterns and each rule's regexes. Reviews give the same results either
 * way; nothing in the app calls it. A test file calls it in `beforeAll` so the building is no test's time — and,
 * under mutation testing, no test's coverage: code run outside a test is "static" to Stryker, which then runs
 * every test against its mutants, whereas the reviewing code stays attributed to the tests that run it
 * (docs/mutation-testing.md, fourth round).
 */
export function compileAll(rules: readonly Rule[] = RULES): void {
  maskPlaces("");
  enPlaceSource();
  compileStructure();
  for (const rule of rules) {
    regexOf(rule);
    unlessOf(rule);
  }
}

/** All findings in one text, before overlap removal; `order` is the rule's position. */
function scan(
  field: string,
  original: string,
  rules: readonly Rule[],
  structure: boolean,
  shown: string = original,
): (Hit & { order: number })[] {
  const n = normalise(original);
  const masked = maskPlaces(n.text);
  const out: (Hit & { order: number })[] = [];
  if (structure) {
    // The clause-level detector (structure.ts) ranks after the pattern rules and before the old
    // place-near-requirement backstops, which it refines (it names a category).
    const backstop = rules.findIndex((r) => r.id.startsWith("review-place-near-requirement"));
    const order = (backstop < 0 ? rules.length : backstop) - 0.5;
    for (const f of structuralFindings(masked, n.text)) {
      if (negatedRequirement(n.text, sentenceAround(n.text, f.start, f.end), f.start)) continue;
      if (atAMeeting(n.text, sentenceAround(n.text, f.start, f.end), f.start)) continue;
      if (insideQuotedClaim(n.text, f.start)) continue;
      if (ordinaryStructuralFinding(n.text, masked, f)) continue;
      if (requesterAside(n.text, f.start)) continue;
      if (notTreatedDifferently(n.text, f.start, f.end)) continue;
      if (f.category !== "quota" && f.category !== "designation" && SAME_FOR_ALL.test(sentenceAround(n.text, f.start, f.end))) continue;
      if (OR_REMOTE.test(n.text.slice(f.end))) continue;
      if ((f.category === "registration" || f.category === "local-ties") && orEquivalent(n.text, f.start, f.end)) continue;
      if (f.category === "preference" && NO_FAVOUR_BECAUSE.test(sentenceAround(n.text, f.start, f.end))) continue;
      // "No local content preference will be applied": the favour named to deny it (round 131)
      if (
        f.category === "preference" &&
        NO_FAVOUR_BEFORE_EN.test(n.text.slice(Math.max(0, f.start - 24), f.start)) &&
        !FAVOUR_GIVEN.test(n.text.slice(f.start, f.end + 60)) &&
        !/\b(?:but|however|except|although|though|yet)\b|但|除/u.test(n.text.slice(f.end, f.end + 60))
      )
        continue;
      if (f.category === "quota" && NO_CAP.test(sentenceAround(n.text, f.start, f.end))) continue;
      // 中标单位若系外省企业，须在合同签订后…: the winner, if it comes from elsewhere (round 131)
      if (
        f.category === "registration" &&
        WINNER_IF_BEFORE_ZH.test(n.text.slice(Math.max(0, f.start - 16), f.start)) &&
        !WINNER_IF_EXCLUDES.test(sentenceAround(n.text, f.start, f.end))
      )
        continue;
      if (f.category !== "quota" && f.category !== "designation" && hereOrElsewhere(n.text, masked, f.start, f.end)) continue;
      // 外籍或港澳台人员须持有效工作许可: a nationality, not a place of registration
      if (n.text[f.start] === "籍" && n.text[f.start - 1] === "外") continue;
      {
        // 报告须通过深圳市建设项目环评审批系统在线提交: the place names a system; 中山市某灯饰有限公司委托…: the requester
        const sentence = sentenceAround(n.text, f.start, f.end);
        const from = n.text.lastIndexOf(sentence, f.start);
        const before = n.text.slice(from < 0 ? f.start : from, f.start);
        const after = n.text.slice(f.end);
        if (/(?:通过|登录|登陆|上传至|提交至|经由)$/u.test(before) && /^[\u4e00-\u9fa5]{0,16}?(?:系统|平台|网站|官网|小程序)/u.test(after))
          continue;
        if (/^(?:【[^】]*】)?\s*$/u.test(before) && /^[\u4e00-\u9fa5]{0,20}?(?:有限责任公司|有限公司|公司|集团|厂|农场)/u.test(after))
          continue;
      }
      if (asksQuestion(n.text, f.end) && answerVerdict(n.text, f.end) === "opens") continue;
      if (takenBack(n, original, sentenceAround(n.text, f.start, f.end), f.start) === "opened") continue;
      const replacement = replacementOf(n.text, f.start, f.start + 1);
      if (replacement && (!/[\uE000\uE001]/u.test(masked.slice(...replacement)) || opensCompetition(n.text.slice(...replacement))))
        continue;
      if (deletedByAmendment(n.text, f.start, f.end)) continue;
      // 是否在本地设点不影响评分: the sentence itself (or the clause after a semicolon) says it is no condition
      if (
        NOT_A_CONDITION.test(
          n.text.slice(f.start, n.text.indexOf("\n", f.end) < 0 ? f.end + 160 : Math.min(f.end + 160, n.text.indexOf("\n", f.end))),
        )
      )
        continue;
      if (NOT_REQUIRED_AFTER_EN.test(n.text.slice(f.end, f.end + 40))) continue;
      // 外地机构可通过线上方式报名，无需到现场: outsiders permitted or spared a condition (外地机构入围后无须在本地设立分支机构)
      if (
        (f.category === "registration" || f.category === "pool") &&
        /(?:外地|外省|外市|外县|外区|非本地|区外|市外|省外|县外)/u.test(n.text.slice(f.start, f.end))
      ) {
        const after = n.text.slice(f.end, f.end + 40);
        if (PERMITTED_AFTER_ZH.test(after) || SPARED_AFTER_ZH.test(after)) continue;
        // 外省机构请尽早在平台注册: outsiders reminded of the platform's own steps (round 139)
        if (OUTSIDERS_REMINDED.test(n.text.slice(f.start, f.end + 40))) continue;
      }
      if (
        (f.category === "registration" || f.category === "pool") &&
        /\b(?:outside|other)\b/u.test(n.text.slice(f.start, f.end)) &&
        OUTSIDERS_REMINDED_EN_AT.test(n.text.slice(Math.max(0, f.start - 6), f.end + 80))
      )
        continue;
      // 区外机构无需在拉萨设立分支机构: the finding's own words deny the act it names (not 外地机构无需报名)
      const own = n.text.slice(f.start, f.end);
      if (DENIED_ACT_ZH.test(own) || DENIED_INSIDE_EN.test(own) || /^(?:不采用|不采取|不实行|不设|不搞)/u.test(own)) continue;
      // 主管部门不推荐、不指定 (round 137): the department's act denied in the words that name it (not 不推荐的机构不得参加)
      if (f.category === "designation" && DENIED_DESIGNATION_ZH.test(n.text.slice(f.start, f.end + 1))) continue;
      // filed with the competent authority "in accordance with national rules": the national filing, no department's pick
      if (f.category === "designation" && NATIONAL_RULES_EN.test(sentenceAround(n.text, f.start, f.end))) continue;
      const rule = (f.rule && NET_RULES.find((r) => r.id === f.rule)) || STRUCTURE_RULES.find((r) => r.category === f.category)!;
      const [start, end] = originalSpan(n, f.start, f.end);
      out.push({
        field,
        ruleId: rule.id,
        category: rule.category,
        severity: rule.severity,
        article: rule.article,
        matched: shown.slice(start, end),
        start,
        end,
        order,
      });
    }
  }
  rules.forEach((rule, order) => {
    for (const m of masked.matchAll(regexOf(rule))) {
      if (!m[0]) continue;
      // 我单位（XX市城投集团，注册地XX市高新区）拟委托…: the requester's aside about itself (round 132)
      if (requesterAside(n.text, m.index)) continue;
      if (notTreatedDifferently(n.text, m.index, m.index + m[0].length)) continue;
      // 喺南宁做过项目都好，冇做过都好 / 无论是否…都一视同仁: whether or not, the same
      if (rule.category !== "quota" && WHETHER_OR_NOT.test(sentenceAround(n.text, m.index, m.index + m[0].length))) continue;
      // 评审不因注册地、所在地给予任何加分或优先: the favour denied, with the grounds it is not given on
      if (rule.category === "preference" && NO_FAVOUR_BECAUSE.test(sentenceAround(n.text, m.index, m.index + m[0].length))) continue;
      if (rule.category === "preference" && DENIED_FAVOUR.test(m[0]) && !OUTSIDERS_NAMED.test(m[0]) && !FAVOUR_GIVEN.test(m[0])) continue;
      if ((rule.category === "registration" || rule.category === "local-ties") && orEquivalent(n.text, m.index, m.index + m[0].length))
        continue;
      // 以在本市或外地设立的分支机构名义报名: the place named is here or anywhere else (round 131)
      if (rule.category !== "quota" && rule.category !== "designation" && hereOrElsewhere(n.text, masked, m.index, m.index + m[0].length))
        continue;
      // 报名机构无需入库, 本地机构亦不享受任何加分: the match holds its own denial (not 其他机构无需报名)
      if (DENIED_WITHIN_ZH.test(m[0]) && !OTHERS_NEED_NOT_ZH.test(m[0])) continue;
      // "Bidders need not be registered in Hebei": the match holds its own denial
      const othersExcluded = OTHERS_NEED_NOT.test(m[0]) || OTHERS_NEED_NOT_ZH.test(m[0]);
      if (DENIED_INSIDE_EN.test(m[0]) && !othersExcluded) continue;
      const sentence = sentenceAround(n.text, m.index, m.index + m[0].length);
      const clause = clauseAround(n.text, m.index, m.index + m[0].length);
      // (a designation is always the requester speaking: 与我司长期合作的某公司将作为本次编制单位; a favour in a
      // sentence that also says where the requester is, in its own clause: 我们厂在顺德，最好本地的公司)
      const requesterSpeaks =
        rule.category !== "designation" &&
        // (a cap on the bidders is the requester's own rule wherever it is: we'll only take the first 5 … at our Changsha plant)
        rule.category !== "quota" &&
        describesRequester(sentence) &&
        (rule.category !== "preference" || aboutRequester(clause) || clause === sentence);
      if (requesterSpeaks || (rule.unless && unlessOf(rule).test(sentence))) continue;
      // 中选机构须在开工前于项目所在地设立现场服务点，服务结束后撤销: the winner's facility at the site (round 131)
      if (rule.category === "presence" && winnersSiteDuty(sentence, n.text.slice(m.index, m.index + m[0].length))) continue;
      // the old backstops: only when the place is about the bidder (not the site, a standard, the work's objects)
      if (rule.id.startsWith("review-place-near-requirement") && !namesBidderPlace(masked, n.text, m.index, m.index + m[0].length))
        continue;
      if (rule.id.startsWith("review-place-near-requirement") && atAMeeting(n.text, sentence, m.index + m[0].length - 1)) continue;
      // 中标后，服务机构应在项目所在地配备不少于2名驻场人员: the winner's staff on site (round 131)
      if (rule.id.startsWith("review-place-near-requirement") && (winnersSiteDuty(sentence, clause) || AFTER_AWARD_TAX_ZH.test(sentence)))
        continue;
      if (insideQuotedClaim(n.text, m.index)) continue;
      // …如需在本市办理居住证…；是否办理不影响评审和中选: said, in the paragraph, to be no condition
      if (rule.id.startsWith("review-place-near-requirement")) {
        const stop = n.text.indexOf("\n", m.index);
        if (NOT_A_CONDITION.test(n.text.slice(m.index, stop < 0 ? m.index + 160 : Math.min(m.index + 160, stop)))) continue;
      }
      if (rule.category !== "quota" && rule.category !== "designation" && SAME_FOR_ALL.test(sentence)) continue;
      // …nor when the sentence says it is not required (Tenderers are not required to be resident in, or to have an office in, X)
      if (rule.id.startsWith("review-place-near-requirement") && NOT_REQUIRED.test(sinceTurn(n.text, sentence, m.index))) continue;
      // a question is no statement: 问：外省机构能否参与？ opens nothing until the answer says so
      const asks = asksQuestion(n.text, m.index + m[0].length);
      const verdict = asks ? answerVerdict(n.text, m.index + m[0].length) : undefined;
      // 须为在西藏自治区内注册的企业（区外企业在区内注册设立的分公司亦可）: the aside opens nothing
      // …unless the sentence turns after the clause (非本市注册的机构不是不可以报名，只是资格审查时一律不予通过)
      // (a choice made in advance is not undone by a welcome: 本次挂网为履行程序，欢迎其他机构报价 — designation-settled)
      const sham = rule.id === "designation-settled-zh";
      if (
        (!asks &&
          !sham &&
          opensCompetition(clause.replace(/[（(][^）)]*(?:亦可|也可)[^）)]*[）)]/gu, "")) &&
          !turnsAfter(sentence, clause) &&
          // a match that runs past the turn itself (外地机构可以报名，但评分时扣5分): the welcome is what the turn undoes
          !new RegExp(TURN.source, "u").test(clause)) ||
        (rule.category !== "quota" && rule.category !== "designation" && aboutRequester(clause))
      )
        continue;
      // 本项目不限制机构注册地，外省机构可通过平台线上报名: a permission in a sentence that opens competition
      // …but not past a turn: 外地的机构也可以报，不过评分会给本地机构加点分
      // …nor for a favour: 注册地不限，本区注册企业优先 opens the door and still favours the local firms
      if (
        !asks &&
        !sham &&
        rule.category !== "preference" &&
        opensCompetition(sinceTurn(n.text, sentence, m.index)) &&
        !REQUIRES.test(clause)
      )
        continue;
      // 问：外省注册的公司能报吗？答：可以。 — a question the answer settles in the bidders' favour
      if (verdict === "opens") continue;
      // 群里有问要不要本地社保的，统一回复一下：不要！ — a question reported, then answered no
      if (
        REPORTED_QUESTION.test(n.text.slice(Math.max(0, m.index - 12), m.index)) &&
        REPORTED_NO.test(n.text.slice(m.index + m[0].length, m.index + m[0].length + 24))
      )
        continue;
      // 参会机构提问“本地企业是否有加分”，业主答复：本项目无任何地域加分 — a question quoted, then answered no
      if (quotedQuestionAnsweredNo(n.text, m.index, m.index + m[0].length)) continue;
      // the words are what a later message takes back (撤回上条，更正为全国范围内均可报名) or what this one says was struck out
      const taken = takenBack(n, original, sentence, m.index);
      if (taken === "opened") continue;
      // 原“供应商须为鄂尔多斯市注册企业”更正为“供应商须具有独立法人资格”: what replaces the words names no place —
      // they are gone (a replacement that names one is read on its own)
      // (round 135) or a replacement that opens the competition (调整为“不限办公场所所在地”): its place is no condition
      const replacement = replacementOf(n.text, m.index, m.index + m[0].length);
      if (replacement && (!/[\uE000\uE001]/u.test(masked.slice(...replacement)) || opensCompetition(n.text.slice(...replacement))))
        continue;
      // 删除…“本地服务网点（3分）”: the quoted words are struck out
      if (deletedByAmendment(n.text, m.index, m.index + m[0].length)) continue;
      // "The City's Local Business Enterprise preference does not apply to this solicitation"
      if (NOT_APPLIED.test(n.text.slice(m.index + m[0].length, m.index + m[0].length + 60))) continue;
      // "An existing local office is not required"; 外省企业无需在本地设立分支机构: the words right after deny it
      const rest = n.text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      if (NOT_REQUIRED_AFTER_EN.test(rest) || new RegExp(`^${DENIED_ACT_ZH.source}`, "u").test(rest)) continue;
      // 外地机构参与本项目无需在本地设立分支机构: outsiders are spared a condition, not excluded
      if (rule.category === "registration" && SPARED_AFTER_ZH.test(rest)) continue;
      // 中选机构如为外地企业，应…: what the winner does if it is an outsider, no exclusion (round 131)
      if (
        rule.category === "registration" &&
        WINNER_IF_BEFORE_ZH.test(n.text.slice(Math.max(0, m.index - 16), m.index)) &&
        !WINNER_IF_EXCLUDES.test(sentence)
      )
        continue;
      // "firms from outside Sichuan may register an account online": a permission, not an exclusion
      // 外地机构可通过线上方式报名: a permission for outsiders, not their exclusion
      if (rule.category === "registration" && PERMITTED_AFTER_ZH.test(rest)) continue;
      // "Remote attendance is acceptable for consultants based outside Chongqing": a permission
      if (
        rule.category === "registration" &&
        /\b(?:acceptable|allowed|permitted|welcome|available|possible|fine|ok(?:ay)?)\s+(?:to|for)\s+$/u.test(
          n.text.slice(Math.max(0, m.index - 40), m.index),
        )
      )
        continue;
      if (
        rule.category === "registration" &&
        /\b(?:outside|other|non-?local|out-of-)/u.test(m[0]) &&
        PERMITTED_AFTER_EN.test(rest) &&
        !/\bonly\b/u.test(n.text.slice(Math.max(0, m.index - 60), m.index))
      )
        continue;
      if (NO_BEFORE_EN.test(n.text.slice(Math.max(0, m.index - 24), m.index)) && IS_REQUIRED_AFTER_EN.test(rest)) continue;
      // "no local preference applies", "There is no local preference in this evaluation": the favour named to deny it —
      // unless the words go on to give one ("…, but firms with a county office get 5 extra points") (round 131)
      if (
        rule.category === "preference" &&
        NO_FAVOUR_BEFORE_EN.test(n.text.slice(Math.max(0, m.index - 24), m.index)) &&
        !FAVOUR_GIVEN.test(m[0]) &&
        !FAVOUR_GIVEN.test(rest) &&
        !/\b(?:but|however|except|although|though|yet)\b|但|除/u.test(rest)
      )
        continue;
      // "Up to 3 firms will be appointed", "The contract is limited to 2 firms": the winners are counted, not the bidders
      // (not a place's share among the winners: No more than one out-of-province agency may be selected — round 139)
      if (
        rule.category === "quota" &&
        !rule.id.startsWith("quota-local-share") &&
        (WINNERS_AFTER_EN.test(rest) ||
          /^(?:的)?(?:中标|中选|成交)(?:机构|单位|人|供应商|候选人)/u.test(rest) ||
          CONTRACT_BEFORE_EN.test(n.text.slice(Math.max(0, m.index - 40), m.index)))
      )
        continue;
      // | 入库要求 | 无 |: a table row whose answer is "none"
      if (TABLE_NONE.test(n.text.slice(m.index + m[0].length, m.index + m[0].length + 24))) continue;
      // 不要求在本地设立办事机构; no local office, branch or representative is required: the words name what is NOT asked
      if (negatedRequirement(n.text, sentence, m.index)) continue;
      // …or the place the match turns on (服务机构应在24小时内答复，不要求在本地…)
      const placeAt = m[0].search(/[\uE000\uE001]/u);
      if (placeAt > 0 && negatedRequirement(n.text, sentence, m.index + placeAt)) continue;
      const [start, end] = originalSpan(n, m.index, m.index + m[0].length);
      out.push({
        field,
        ruleId: rule.id,
        category: rule.category,
        // A question states no requirement (答疑: 问：外省机构能否参加？答：可以。): a regulator reads it, nothing is refused for it.
        severity:
          rule.severity === "refuse" &&
          ((asks && verdict !== "closes") ||
            (saysNotRequired(n.text, masked, sentence, clause, m.index) && !othersExcluded) ||
            NOT_A_CONDITION.test(conditionScope(n.text, m.index)) ||
            withdrawnByAmendment(n.text, m.index, m.index + m[0].length) ||
            (rule.category !== "preference" && rule.category !== "quota" && askedOnlyIfSo(n.text, sentence, clause, m.index)) ||
            ((rule.category === "quota" || rule.category === "pool") && pickedOnMerit(sentence) && !ORIGIN_NAMED_ZH.test(m[0])) ||
            // 不接受仅在本地设立办事处的分支机构单独报名: those WITH the office are turned away, not those without (round 132)
            (rule.category === "presence" && HOLDERS_TURNED_AWAY_ZH.test(n.text.slice(Math.max(0, m.index - 10), m.index))) ||
            (rule.id === "quota-count-zh" && DRAWN_AMONG_BIDDERS_ZH.test(sentence) && /^(?:拟)?(?:选取|选定|确定)(?!前)/u.test(m[0])) ||
            taken === "withdrawn")
            ? "review"
            : rule.severity,
        article: rule.article,
        matched: shown.slice(start, end),
        start,
        end,
        order,
      });
    }
  });
  return out;
}

/**
 * 如在北京有办公场所的，请注明联系人（非必须）/ If you have an office in Beijing, please give its contact person: the
 * words are asked of those who happen to have it, as a condition of nothing — held for a regulator, not refused,
 * unless the rest of the sentence scores, excludes or requires (如在北京有办公场所的，加3分 / 须提供租赁合同).
 */
const IF_BEFORE_ZH = /^\s*(?:\d+[.、)]\s*)?(?:如|如果|若|假如|倘若)[^，,。；;]{0,12}$/u;
const IF_BEFORE_EN = /\bif\s+[^,.;:]{0,40}$/iu;
const SCORES_OR_EXCLUDES =
  /[\d一二两三四五六七八九十半]\s*分(?!支|公司|行|局|所|之)|加分|扣分|得分|评分|优先|不得|不予|无效|取消|淘汰|拒绝|不接受|不能|不可|只|仅|须|必须|应当|才|方可|视为|放弃|不合格|资格|\b(?:points?|pts?|marks?|bonus|priority|prefer\w*|first\s+pick|chosen|reject\w*|ineligible|eligib\w*|disqualif\w*|must|shall|only|required|not\s+be\s+(?:accepted|considered|opened))\b/iu;
/** 选填、非必须、optional: the rest of the sentence says the answer may be left out. */
const OPTIONAL = /选填|非必填|非必须|非必需|可不填|自愿填写|\boptional\b|\bif\s+any\b/iu;
export function askedOnlyIfSo(text: string, sentence: string, clause: string, at: number): boolean {
  const clauseStart = text.lastIndexOf(clause, at);
  if (clauseStart < 0) return false;
  const before = text.slice(clauseStart, at);
  const sentenceStart = text.lastIndexOf(sentence, at);
  const rest = text.slice(clauseStart + clause.length, sentenceStart < 0 ? undefined : sentenceStart + sentence.length);
  if (!IF_BEFORE_ZH.test(before) && !IF_BEFORE_EN.test(before) && !OPTIONAL.test(rest)) return false;
  // the whole sentence: a consequence may stand before the clause too (Bonus points: 5 pts if your company paid…)
  const said = `${sentence}\n${rest}`.replace(new RegExp(OPTIONAL.source, "giu"), "");
  return !SCORES_OR_EXCLUDES.test(said);
}

/**
 * A sentence that says something is NOT required (均无要求、不设…门槛、无需、not required to、need not): the words of a
 * restriction it quotes are held for a regulator, never refused (答疑: 对报价机构所在地、是否设立本地分支机构均无要求).
 * Review, not "ok": "外地机构无需报名" is said with the same words.
 */
const NOT_REQUIRED =
  /不以[^。；;\n]{0,40}?(?:作为|为)[^。；;\n]{0,6}?(?:条件|门槛|限制|依据)|(?:均|并|亦|也)?(?:无|没有|不作|不做|不提)(?:任何|特别|特殊)?(?:要求|限制)|不设[\u4e00-\u9fa5\uE000\uE001，,]{0,24}?(?:门槛|限制|要求|条件|上限)|无需|无须|毋须|毋需|不须|不需要?|不必|不要求|不强制|\b(?:not|never)\s+(?:be\s+)?(?:required|obliged|necessary|mandatory|needed)\b|\bneed\s+not\b(?!\s+(?:apply|bid|tender|respond|submit|register|sign\s+up|participate|bother|quote)\b(?!\s+(?:for|to)\b))|\bneedn't\b(?!\s+(?:apply|bid|tender|respond|submit|register|sign\s+up|participate|bother|quote)\b(?!\s+(?:for|to)\b))|\bno\s+(?:requirement|restriction|obligation|need)s?\b|\bdo(?:es)?\s+not\s+(?:need|have)\s+to\b|\bdo(?:es)?\s+not\s+need\s+(?:an?|any)\b/u;

/** 参加在佛山市顺德区召开的专家评审会, a review meeting in Yinchuan hosted by the Ningxia Department of…: where a meeting is. */
const AT_A_MEETING =
  /(?:参加|出席|参会|列席)[^。；;\n]{0,30}?(?:召开|组织|举行|举办|主持)的?[^。；;\n]{0,10}?(?:会议|会)|\b(?:meetings?|hearings?|workshops?|sessions?|briefings?)\s+(?:(?:will\s+be\s+|to\s+be\s+|is\s+|are\s+)?(?:held|convened)\s+)?(?:in|at)\s+[^.;,\n]{0,40}?(?:\s+(?:hosted|organi[sz]ed|chaired|convened)\s+by\s+[^.;,\n]{0,60}|(?=[.;,\n]|$))/gu;
export function atAMeeting(text: string, sentence: string, at: number): boolean {
  const from = text.indexOf(sentence);
  if (from < 0) return false;
  for (const m of sentence.matchAll(AT_A_MEETING)) if (at >= from + m.index && at < from + m.index + m[0].length) return true;
  return false;
}
/**
 * 本地外地一视同仁, 不分本地外地, 外地业绩与本地业绩同等认定, 与是否为本地企业无关, 对本地与外地机构不作任何区别对待: local
 * and outside firms treated alike — but not 外地单位与本地单位得分相同时 (a tie, which the sentence then breaks).
 */
const SAME_FOR_ALL =
  /(?:外地|外埠|区外|市外|省外|外省)[^。；;\n]{0,6}?(?:与|和|同)(?:本地|本市|本区|本省)[^。；;\n]{0,6}?(?:同等|一视同仁|平等|一样|相同)(?!时|的?情况|的话)|是否[^。；;\n]{0,14}?(?:无关|没有关系|没关系)|(?:本地|本市|本区|本省|区内|市内|省内)(?:的)?(?:机构|单位|企业|公司)?[和与及、]?(?:外地|外埠|区外|市外|省外|外省)(?:的)?(?:机构|单位|企业|公司)?[^。；;\n]{0,6}?(?:一视同仁|同等对待|平等对待|不作(?:任何)?区[别分](?:对待)?|不加区[别分]|不区[别分]对待|(?:一律|均|都)?(?:按|采用|适用|执行)同一(?:标准|办法|规则))|(?:不分|不论|无论)(?:本地|本市|本区)[和与及、]?(?:外地|外埠|区外|市外|省外)/u;
/**
 * "a Registered Professional Engineer (Hong Kong) or an equivalent qualification", 香港注册专业工程师或同等资格 (round 137):
 * a place's credential with its equivalents from anywhere — no place asked.
 */
const OR_EQUIVALENT =
  /^[^.;。；，,\n]{0,40}?(?:\bor\s+(?:(?:hold|holds|holding|possess|possesses|have|has)\s+)?(?:an?\s+|any\s+)?(?:equivalent|comparable)\b|或(?:者)?(?:具有|持有|具备|取得)?(?:同等|相当|等同|等效|同级)(?:的)?(?:资格|资质|证书|职业资格|执业资格|注册资格|水平))/u;
const CREDENTIAL_WORD =
  /师|资格|证书|会员|执照|\b(?:engineer|qualifi|institut|licen[cs]|member|surveyor|accountant|architect|valuer|planner)/iu;
function orEquivalent(text: string, start: number, end: number): boolean {
  return OR_EQUIVALENT.test(text.slice(end)) && CREDENTIAL_WORD.test(text.slice(start, end + 24));
}
/** …(in person in Hefei or by video): the place is one way among others. */
const OR_REMOTE =
  /^[^。；;\n]{0,30}?(?:或者?|\bor\s+(?:by\s+|via\s+)?)(?:视频|线上|远程|网络|电话|video|online|remotely|phone|teleconference)/u;

/**
 * 按得分选取前3名 / "a shortlist of up to six firms will be drawn up based on the evaluation criteria" / "three firms will be
 * selected to form a framework panel on the basis of quality and cost": the client's pick among those who competed, on
 * their scores — no cap on who may take part, yet worded like one. Held for a regulator, not refused, unless the
 * sentence counts who comes first or draws lots (前5家报名的按得分排序; the first five that reply, ranked by score), or
 * names a pool that already exists (已入库, existing panel).
 */
const ON_MERIT =
  /按[^，,。；;\n]{0,4}?(?:得分|分数|评分|评审结果|排名)|得分(?:高低|排名|由高到低|从高到低|排序)|综合得分|评分(?:排名|排序|结果)|技术(?:得)?分|评审(?:结果|得分|排名)|排名(?:前|第)|\b(?:(?:based\s+on|according\s+to|by|on\s+the\s+basis\s+of)\s+(?:the\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:scores?|evaluation|ranking|merit|quality)|ranked\s+by|on\s+(?:technical\s+)?merit|(?:technical|evaluation|combined|total|overall)\s+(?:scores?|points)|highest[-\s](?:scoring|ranked)|after\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:evaluation|scoring|assessment)|quality\s+and\s+cost|best[-\s]value)\b/iu;
const FIRST_OR_LOT =
  /(?:限|只|仅|最多|不超过)[^，,。；;\n]{0,8}?(?:报名|参与|参加|投标|响应)|报名(?:单位|机构)?的?(?:数量|家数|名额)|库内|库中|中介库|备选库|名单内|\b(?:may|can|are\s+allowed\s+to|will\s+be\s+allowed\s+to)\s+(?:register|apply|bid|respond|participate|submit|tender)\b|\bregistrations?\b|\bparticipating\b|先到先得|先报先得|报名(?:先后)?顺序|先后顺序|前[^，,。；;\n]{0,6}?(?:报名|提交|响应|递交)|抽签|摇号|随机|抽取|已入库|已入围|已纳入|名录|\bfirst[-\s]come\b|\bfirst\s+(?:[\w-]+\s+){0,3}?(?:to|that|who|which)\s+(?:register|reply|respond|apply|sign|submit|arrive)|\bby\s+lot\b|\blotter(?:y|ies)\b|\brandom|\bdraw\b|\border\s+of\s+(?:registration|receipt|arrival)\b|\bin\s+(?:the\s+)?order\b|\bfirst\s+(?:[\w-]+\s+){0,3}?(?:responses?|replies|applications?|registrations?|submissions?|entries|registrants?|applicants?)\b|\b(?:have|has)\s+(?:signed\s+up|registered|applied)\b|\b(?:on|outside|in|from)\s+the\s+(?:[\w'-]+\s+){0,6}?(?:roster|shortlist|panel|pool|list|register|directory)\b|\b(?:existing|standing|current|approved|pre-?qualified)\s+(?:[\w-]+\s+)?(?:panel|pool|list|roster)/iu;
/**
 * 从报名机构中通过抽签确定3家进入竞价 (round 132): a draw among all who registered, for the next round — every agency could
 * register, the draw then narrows; held for a regulator like a pick on merit, not refused (unless the sentence counts who
 * comes first; 摇号确定3家 with no word of drawing from the registrants stays as it is).
 */
const HOLDERS_TURNED_AWAY_ZH = /(?:不接受|不允许|谢绝|拒绝|不得以)(?:仅|只|单纯)(?:在|于)?$/u;
const DRAWN_AMONG_BIDDERS_ZH =
  /^(?![^]*(?:先到先得|先报先得|报名(?:先后)?顺序|前[0-9一二三四五六七八九十两]+家(?:报名|提交|响应)))[^]*?(?:从|在)(?:全部|所有|全体)?(?:的)?(?:有效|合格|符合条件的)?(?:报名|响应|参与|投标|报价)(?:的)?(?:机构|单位|企业|供应商|人|公司)(?:中|内|之中|当中|里)[^。；;\n]{0,10}?(?:抽签|摇号|随机|抽取)/u;
/**
 * 我单位（XX市城市建设投资集团，注册地XX市高新区）拟委托… / 采购人（登记地：…）: the words stand in brackets the requester's
 * own name opens, and the brackets ask nothing (round 132).
 */
const REQUESTER_BEFORE_BRACKET =
  /(?:我单位|本单位|我公司|本公司|我司|我院|本院|我校|我局|我们|采购人|招标人|比选人|业主|甲方|委托方|建设单位|委托单位|采购单位)(?:名称)?[（(]$/u;
export function requesterAside(text: string, at: number): boolean {
  const from = Math.max(text.lastIndexOf("（", at), text.lastIndexOf("(", at));
  if (from < 0 || at - from > 40) return false;
  if (Math.max(text.lastIndexOf("）", at), text.lastIndexOf(")", at)) > from) return false;
  const close = text.slice(from).search(/[）)]/u);
  if (close < 0) return false;
  if (!REQUESTER_BEFORE_BRACKET.test(text.slice(Math.max(0, from - 8), from + 1))) return false;
  return !REQUIRES.test(text.slice(from + 1, from + close));
}

/** 外地机构最多入围2家，其余名额由本区机构按排名递补 (round 144): a cap by origin, whatever ranking fills the rest. */
const ORIGIN_NAMED_ZH = /外地|外省|外市|外区|外县|区外|市外|省外|县外|非本|本地|本区|本市|本县|区内|市内|县内/u;
export function pickedOnMerit(sentence: string): boolean {
  return ON_MERIT.test(sentence) && !FIRST_OR_LOT.test(sentence);
}

/**
 * The paragraph says the thing is not a condition of taking part (项目部在中标后设立即可，不作为投标条件; attendance
 * does not affect eligibility), often in the next sentence: what it describes is held for review, not refused.
 */
const NOT_A_CONDITION =
  /不会?因(?:为|此)?[\u4e00-\u9fa5]{0,6}?(?:加分|扣分|优先|区别对待)|不作为[\u4e00-\u9fa5]{0,8}?(?:条件|要求|门槛|因素|评分项|加分项)|不影响[\u4e00-\u9fa5]{0,4}?(?:资格|报名|投标|评审|评分|得分|评标)|\bnot\s+(?:be\s+)?(?:a\s+)?(?:(?:bidding|tender|eligibility|qualification|participation)\s+(?:condition|requirement|criterion)\b|(?:condition|requirement|criterion)\s+(?:of|for)\b)|\bdoes\s+not\s+affect\s+(?:eligibility|the\s+evaluation)\b/u;

export function paragraphAround(text: string, at: number): string {
  const from = text.lastIndexOf("\n", at) + 1;
  const to = text.indexOf("\n", at);
  return text.slice(from, to < 0 ? text.length : to);
}

/**
 * Where "not a condition" (不影响报名、不作为投标条件) is read for a match: its paragraph — but in a long notice written as one
 * paragraph (round 144: 踏勘安排…不参加者不影响报名 in 其他事项, a residency asked in 资格条件) only the match's sentence and the
 * next, where such a note stands beside what it describes.
 */
const LONG_PARAGRAPH = 300;
const SENTENCE_STOP = /[。；;!！?？\n]|\.(?=\s)/gu;
export function conditionScope(text: string, at: number): string {
  const paragraph = paragraphAround(text, at);
  if (paragraph.length <= LONG_PARAGRAPH) return paragraph;
  let from = 0;
  for (const m of text.slice(0, at).matchAll(SENTENCE_STOP)) from = m.index + 1;
  let to = text.length;
  let stops = 0;
  for (const m of text.slice(at).matchAll(SENTENCE_STOP)) {
    if (++stops === 2) {
      to = at + m.index;
      break;
    }
  }
  return text.slice(from, to);
}

/**
 * The requirement the match names is denied right before it, in its own clause: 不要求/无需/不必 (在/设立) + the
 * match (不要求设立本地办事处), or "no" + the match in a sentence that ends "is required" (no local office is
 * required). Not when the denial is about someone else's action (外地机构无需报名 keeps its review: the match
 * comes before the denial there).
 */
const DENIED_BEFORE_ZH =
  /(?:不要求|不作要求|不得要求|无需|无须|毋须|毋需|不须|不需要?|不必|不强制|不再要求|不存在(?:任何)?|不设(?:置)?(?:任何)?|不采用|不采取|不实行|不搞|不[以因](?:是否)?|不用(?:一定)?(?:要)?(?:是)?|不一定(?:要)?(?:是)?|并非(?:是)?(?:对|针对)(?:参选|参与|报名|投标|报价|所有|全部)?)(?:报名|参与|投标|报价)?(?:投标人|报价人|申请人|机构|供应商|单位|中标人|成交单位|成交人|中选单位|中选机构|中选人|中标单位|中标机构|成交机构|其|报名单位|服务机构|中介机构|你们|贵司|贵单位|贵公司|各机构|各单位)?(?:预先|事先|提前)?(?:提供|出具|具备|具有)?(?:任何)?(?:在|于|设立|设置|开设|设有|提供|具有|有|组建|派驻|缴纳)?$/u;
const DENIED_BEFORE_EN =
  /\bno\s+(?:points?|marks?|scores?|credit|weighting)\s+(?:(?:are|is|will\s+be)\s+)?(?:awarded|given|granted)\s+(?:for|to)\s+$|\bno\s+(?:need\s+(?:to\s+)?(?:[\w-]+\s+){0,3})?(?:(?:[\w-]+\s+){0,2}?[\w-]+(?:,?\s+(?:or|and|nor)\s+|,\s+)){0,4}$/u;
const NO_FAVOUR_FOR_HOLDERS_EN =
  /(?:\bno\s+(?:(?:extra|additional|bonus)\s+(?:points?|marks?)|preference|priority|advantage|weighting)\s+(?:(?:is|will\s+be)\s+(?:given|granted|awarded)\s+)?(?:for|to)|\b(?:do|does|will|shall|would)\s+not\s+(?:prefer|favou?r|give\s+(?:any\s+)?(?:preference|priority|advantage)\s+to))\s+(?:[\w-]+\s+)?(?:firms?|bidders?|agenc(?:y|ies)|compan(?:y|ies)|consultants?|suppliers?|tenderers?|applicants?)\s+(?:with|having|that\s+have|which\s+have|who\s+have)\s+(?:an?\s+|their\s+own\s+|its\s+own\s+)?$/u;
const NOT_RESTRICTED_TO_EN = /(?<!\bbut\s+(?:(?:is|are)\s+)?)\bnot\s+(?:be\s+)?(?:restricted|limited|confined)\s+to\s+(?:[\w-]+\s+){0,4}$/u;
const NO_NEED_EN = /\bno\s+need\s+(?:to\s+)?(?:[\w-]+\s+){0,3}$/u;
const REQUIRED_AFTER_EN =
  /^[^.;!?\n]{0,80}?\b(?:(?:(?:is|are)\s+)?(?:required|needed|necessary|mandatory|expected)|requirements?|restrictions?|obligations?|conditions?)\b/u;
/** A denial governing an act of presence or ties (无需在拉萨设立分支机构、无需办理任何进豫登记), never 无需报名. */
const DENIED_DESIGNATION_ZH = /(?:不|不得|不会|不予|无权|从不|既不|并不|均不)(?:推荐|指定|指派|委派|选定|干预|认定)(?!的|过的)/u;
const DENIED_ACT_ZH =
  /(?:无需|无须|毋须|毋需|不须|不需要?|不要求|不必|不强制|不再要求)(?:在|于|向)?[^，,。；;]{0,12}?(?:设立|设置|开设|设有|办理|缴纳|派驻|常驻|登记|备案|提供)/u;
/** 不设报名数量上限、报名家数不限、no cap on the number of bidders: the sentence lifts any cap it mentions. */
const NO_CAP =
  /不设(?:置)?(?:报名|参与|投标)?(?:单位|机构)?(?:的)?(?:数量|家数|名额)?上限|(?:报名|参与|投标)?(?:单位|机构)?(?:数量|家数)不(?:限|设上限)|不限(?:制)?(?:报名|参与|投标)?(?:单位|机构)?(?:的)?(?:数量|家数)|\bno\s+(?:upper\s+)?(?:cap|limit)\s+on\s+the\s+number\s+of\s+(?:bidders|firms|agencies|registrations)/u;
const NATIONAL_RULES_EN = /\b(?:in\s+accordance\s+with|under|as\s+required\s+by|pursuant\s+to)\s+(?:the\s+)?(?:national|state|prc)\b/u;
const DENIED_INSIDE_EN =
  /\b(?:(?:does|do|will)\s+not\s+(?:maintain|keep|use|apply)|need\s+not|needn't|(?:is|are)\s+not\s+required\s+to|not\s+be\s+required\s+to|do(?:es)?\s+not\s+(?:need|have)\s+to)\b/u;
/** "other agencies need not apply", "other firms don't need to quote": the denial is the exclusion itself. */
const OTHERS_NEED_NOT =
  /\bother\s+(?:[\w-]+\s+)?(?:firms|agencies|consultants|companies|bidders|suppliers|vendors|labs|applicants)\s+(?:please\s+)?(?:need\s+not|needn't|do\s+not\s+(?:need|have)\s+to|don't\s+(?:need|have)\s+to|do\s+not|don't|should\s+not|shouldn't|no\s+need\s+to)\s+(?:to\s+)?(?:respond|apply|bid|submit|quote|bother|register|sign\s+up)\b/u;
/** After a count of firms: they are the winners ("will be appointed"), not those who may bid ("…selected to bid"). */
const WINNERS_AFTER_EN =
  /^\s*(?:will|shall|may|are\s+to|is\s+to|would)\s+be\s+(?:appointed|awarded|engaged|contracted|retained|chosen|selected)\b(?!\s+(?:to|for)\s+(?:bid|tender|quote|submit|participate|apply|compete|respond|the\s+(?:tender|bidding|competition)))/u;
/** Before a cap: the contract or the award is what is limited ("The contract is limited to 2 firms"). */
const CONTRACT_BEFORE_EN =
  /\b(?:contracts?|awards?|appointments?|framework\s+agreements?)\s+(?:is|are|will\s+be|shall\s+be)\s+$|\baward(?:ing|ed)?\s+(?:[\w-]+\s+){0,3}?to\s+$|\b(?:appoint|appoints|appointing|engage|engages|engaging|retain|retains|retaining|contract\s+with)\s+(?:a\s+|up\s+to\s+)?$|\b(?:highest|top|best)[\s-](?:scoring|scored|ranked|ranking)\s+$/u;
/** 有人问要不要本地社保 … 统一回复：不要 — a question someone asked, reported, and its answer. */
// (…and 有机构询问是否需要在安庆设立办事处。答复：不需要 — the answer in the next sentence, round 26)
const REPORTED_QUESTION =
  /(?:问|问到|询问|咨询)[^。；;\n]{0,4}?(?:要不要|需不需要|需要不需要|是否需要|是否要求|用不用|必须要|是不是要|是否|是不是)先?(?:只要|只能|只有|一定要|必须|仅限)?(?:在|于|到)?$/u;
const REPORTED_NO =
  /^[^。；;\n]{0,12}?(?:(?:[。；;\n]\s*(?:答复|回复|解答|答)\s*)?[：:]|——|—|[，,])\s*(?:不要|不需要|不用|不需|否|不必|没有要求|无要求|不是的|不是)/u;
const ASKED_BEFORE = /(?:提问|提出|问|问到|询问|咨询|疑问|question|asked)[^。；;\n]{0,8}$/u;
const QUESTION_THEN_NO =
  /^[^。；;\n]{0,24}?(?:是否|吗|么|[?？])[^。；;\n]{0,16}?(?:答复|回复|解答|答|回答|reply|answer)[^。；;\n：:]{0,6}[：:]\s*(?:本项目|本次|我们|我司)?(?:均|并|也)?(?:无任何|不设任何|不存在|没有|无|不|否|no\b|not\b)/u;
/** A question somebody asked, quoted, and the answer after it says no (提问“本地企业是否有加分”，答复：无任何地域加分). */
export function quotedQuestionAnsweredNo(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 14), start);
  if (!ASKED_BEFORE.test(before.replace(/[“"「『‘']$/u, ""))) return false;
  return QUESTION_THEN_NO.test(text.slice(start, end + 80));
}
/** 外地机构（参与本项目）无需在本地设立…/无需到现场: the words after outsiders spare them a condition. */
/** 请有意向的外地机构提前办理 (round 139): outsiders reminded of the platform's steps, from where the finding starts. */
const OUTSIDERS_REMINDED = new RegExp(`^[^。；;\\n]{0,8}?${OUTSIDERS_REMINDED_ZH}`, "u");
const OUTSIDERS_REMINDED_EN_AT = new RegExp(`^[^.;\\n]{0,6}?${OUTSIDERS_REMINDED_EN}`, "u");
const SPARED_AFTER_ZH =
  /^[^，,。；;\n]{0,10}?(?:均|也|亦)?(?:无需|无须|不需要?|不必|不用)(?:再)?(?:在|到|赴|设立|设置|提供|缴纳|办理|前往|现场|出具|开设)/u;
/** 外地机构可通过线上方式报名: a permission for outsiders (the words right after them); 外地机构中选后…: an outsider that wins. */
const PERMITTED_AFTER_ZH =
  /^的?(?:差旅|交通|住宿|食宿)费?|^(?:如|若|如果)?(?:中选|中标|成交)(?:后|的|时)|^(?:也|亦|同样|均|都)?(?:可|可以|能够?|欢迎)(?:全程|选择|采用)?(?:通过|参与|参加|报名|报价|投标|线上|在线|直接)|^(?:也|亦|同样|均|都)?(?:可|可以|能够?)?(?:通过|经由|以|采用)[^。；;，,\n]{0,12}?(?:线上|在线|网上|远程|视频|腾讯会议|电话|邮寄)[^。；;，,\n]{0,6}?(?:参加|参与|参会|报名|报价|答疑|踏勘)/u;
/** 不因注册地、所在地给予任何加分或优先: no favour on the grounds named. */
const NO_FAVOUR_BECAUSE = /不(?:因|以|按|根据)[^。；;\n]{0,20}?(?:给予|予以|而)?(?:任何)?(?:加分|优先|倾斜|区别对待|差别对待)/u;
/** "Whether or not" said of the words (Cantonese X都好，冇X都好; 无论是否…均一视同仁): no condition, no favour. */
const WHETHER_OR_NOT =
  /\blocal\s+(?:and|or|&)\s+non-?local\b|\bnon-?local\s+(?:and|or|&)\s+local\b|(?:本地|本市|本区|本省|省内|市内|区内)(?:和|与|及|、|或)(?:外地|外市|外区|外省|省外|市外|区外)[^。；;\n]{0,12}?(?:均|都|一律)(?:可|可以|欢迎|同等|一视同仁)|都好[，,][^。；;\n]{0,16}?(?:没有|不是|不)[^。；;\n]{0,12}?都好|无论(?:是否|有无|有没有)[^。；;\n]{0,24}?(?:均|都|一律)(?:一视同仁|同等对待|一样|按同一标准)/u;
/**
 * 不得因是否在本地注册而受到差别对待 / 评审时不得因投标人是否在本区纳税而给予不同评分 (round 132): the words are the grounds on
 * which nobody is treated differently — only the words inside the phrase, not a favour the sentence goes on to give.
 */
const NOT_TREATED_DIFFERENTLY =
  /(?:不得|不会|不应当?|不能|不)(?:因|以|按|根据)[^。；;，,\n]{0,6}?(?:是否|有无|有没有)[^。；;\n]{0,24}?而[^。；;，,\n]{0,8}?(?:差别|区别|歧视|不同|另眼|不平等)/gu;
/**
 * 不得以在本地注册、设立分支机构、缴纳税收社保等作为参与条件 / "…shall not be made a condition of participation" (round 133):
 * a rule (a law quoted, the notice's own pledge) that forbids making the words a condition — the words are what is
 * forbidden, not asked. Only words inside the phrase, between 以 and 作为…条件.
 */
const FORBIDDEN_AS_CONDITION =
  /(?:不得|不能|不应当?|不可|禁止|严禁|不)(?:将|把|以)[^。；;\n]{0,60}?(?:作为|列为|设为|设置为|为)[^。；;，,\n]{0,10}?(?:条件|门槛|前提|限制|依据|理由|评分因素|加分(?:项|条件|因素)?)|\b(?:shall|must|may|will|should)\s+not\s+(?:be\s+)?(?:make|made|use|used|set|treat(?:ed)?|impose[ds]?)\s+(?:as\s+)?[^.;\n]{0,80}?\b(?:a\s+)?(?:condition|prerequisite|requirement|criterion)\s+(?:of|for)\s+(?:participation|bidding|eligibility|registration|tendering|qualification)\b/gu;
export function notTreatedDifferently(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 60);
  for (const re of [NOT_TREATED_DIFFERENTLY, FORBIDDEN_AS_CONDITION, FORBIDDEN_TO_ASK])
    for (const m of text.slice(from, end + 80).matchAll(re))
      if (from + m.index <= start && from + m.index + m[0].length >= end) return true;
  return FORBIDDEN_AS_CONDITION_AFTER_EN.test(text.slice(end, end + 80));
}
/**
 * 采购人不得限定经营者所在地或要求设立分支机构 / "the procuring entity shall not require bidders to maintain a local office"
 * (round 134): a rule, quoted or the notice's own, that forbids the one who asks to require, restrict or designate — the
 * words after it, up to a turn (但、however) or a new requirement (须、应、must), are what may not be asked, not what is asked.
 */
const FORBIDDEN_TO_ASK =
  /(?:不得|不能|不应当?|不可|禁止|严禁)(?:以任何(?:形式|方式|理由))?(?:限定|要求|强制|变相强制|限制|排斥|设置|指定|规定)(?:(?!但|不过|然而|可是|只是|[须需应](?!对)|必须)[^。；;\n])*|\b(?:shall|must|may|will|should)\s+not\s+(?:require|restrict|limit|mandate|impose|designate|stipulate|demand)\b(?:(?!\b(?:but|however|although|though|must|shall)\b)[^.;\n])*/gu;
/** "Registration in the District shall not be made a condition of participation": the words, then the rule against them. */
const FORBIDDEN_AS_CONDITION_AFTER_EN =
  /^[^.;\n]{0,30}?\b(?:shall|must|may|will|should)\s+not\s+be\s+(?:made|used\s+as|treated\s+as|set\s+as|imposed\s+as)\s+(?:a\s+)?(?:condition|prerequisite|requirement|criterion)\s+(?:of|for)\s+(?:participation|bidding|eligibility|registration|tendering|qualification)\b/u;
const DENIED_WITHIN_ZH =
  /(?:无需|无须|不需要?|不必|不要求|不用)(?:再|预先|事先)?(?:入库|入围|进入|列入|纳入|在本地|设立|提供|缴纳)|(?:不享受|不给予?|不予|不会|不再)(?:任何)?(?:加分|优先|倾斜)/u;
/**
 * "Local firms will not be given priority", "Local firms get no bonus points", 本地 firm 不加分 (round 130): the favour
 * denied in the words that name it — unless they name the outsiders (non-local firms get no bonus points: the locals do).
 */
const DENIED_FAVOUR =
  /\b(?:no|not|never|without|neither|nor)\b[^.;\n]{0,30}?\b(?:bonus|extra|additional|priority|preference|preferential|advantage|weighting)\b|不(?:额外)?加分|不(?:会|被)?(?:优先|倾斜)|不享有|没有(?:任何)?(?:加分|优先|倾斜)/u;
const OUTSIDERS_NAMED =
  /\bnon-?local\b|\boutside\b|\bout-of-\w+|\bother\s+(?:provinces|cities|regions|districts|counties|places)\b|\belsewhere\b|外地|外埠|外省|外市|外区|外县|非本|省外|市外|区外|县外|其他|其余|其它|别的/u;
/** …nor when the words also give the favour (长三角其他城市企业 +1分；其余地区不加分). */
const FAVOUR_GIVEN =
  /[+＋]\s*\d|加\s*\d+(?:\.\d+)?\s*分|加[一二三四五六七八九十半]分|\b\d+(?:\.\d+)?\s+(?:bonus\s+|extra\s+|additional\s+)?(?:points?|marks?)\b/u;
/** 其他机构无需报名: the denial is the exclusion itself. */
const OTHERS_NEED_NOT_ZH =
  /(?:其他|其余|其它|别的|别家|另外的)[^，,。；;]{0,6}?(?:无需|无须|毋须|不须|不用|不必|不需要?)(?:再)?(?:报名|报|参与|参加|投标|报价|来)/u;
/**
 * The sentence says the words are not required: a denial before them (since the sentence's last turn), in their
 * own clause, or in a later clause that is about a place too (…派驻2名技术人员，报名时不要求提供当地办公场所). A later
 * denial of something else leaves them as they are: 供应商须为本区注册企业，不需提供纸质材料。
 */
export function saysNotRequired(text: string, masked: string, sentence: string, clause: string, at: number): boolean {
  const since = sinceTurn(text, sentence, at);
  const sinceStart = Math.max(0, text.lastIndexOf(sentence, at) + sentence.length - since.length);
  if (NOT_REQUIRED.test(text.slice(sinceStart, at)) || NOT_REQUIRED.test(clause)) return true;
  const clauseEnd = text.indexOf(clause, Math.max(sinceStart, at - clause.length)) + clause.length;
  const sinceEnd = sinceStart + since.length;
  for (const later of masked.slice(clauseEnd, sinceEnd).split(/[，,；;:：]/u))
    if (NOT_REQUIRED.test(later) && /[\uE000\uE001]|当地|本地|属地|\blocal\b/u.test(later)) return true;
  return false;
}
/** "need not be resident or domiciled in", "are not required to be resident in, or to have an office in," before the match. */
const NOT_REQUIRED_TO_EN =
  /\b(?:need\s+not|needn't|not\s+(?:be\s+)?required\s+to|no\s+(?:requirement|obligation|need)\s+(?:to|for|that)|(?:do|does|will|shall)\s+not\s+(?:need|have)\s+to|(?:do|does|will|shall)\s+not\s+require)\s+(?:(?!but\b|however\b|except\b|unless\b|must\b|shall\b)[\w'-]+,?\s+){0,14}$/u;
const NOT_APPLIED =
  /^[^.;,，。；]{0,40}?\b(?:does|do|shall|will)\s+not\s+apply\b|^[^.;,，。；]{0,40}?\bis\s+(?:not\s+applicable|waived)\b|^[^,，。；;]{0,20}?(?:不适用|不予适用)/u;
const NOT_REQUIRED_AFTER_EN =
  /^[^.;,]{0,30}?\b(?:is|are)\s+not\s+(?:required|necessary|needed|mandatory|a\s+(?:condition|requirement|prerequisite))\b/u;
/** "No prior local experience is required": "no" before the words, "is required" after them. */
const PERMITTED_AFTER_EN = /^\s+(?:may|can|are\s+(?:welcome|free|eligible|also\s+(?:welcome|eligible)))\b(?!\s+not\b|\s+only\b)/u;
const NO_BEFORE_EN = /\bno\s+(?:(?:prior|previous|existing|specific|particular|special|additional)\s+)?$/u;
const NO_FAVOUR_BEFORE_EN =
  /\b(?:no|without(?:\s+any)?|not\s+(?:a|any))\s+(?:(?:special|additional|extra|further|price|regional|geographic(?:al)?|such)\s+)?$/u;
const IS_REQUIRED_AFTER_EN =
  /^[^.;,]{0,30}?\b(?:is|are|will\s+be)\s+(?:required|necessary|needed|mandatory|expected|a\s+(?:condition|requirement|prerequisite))\b/u;
const TABLE_NONE = /^(?:要求|条件|限制)?\s*[|:：]\s*(?:无|不限|否|没有|none|not\s+required|n\/a)(?=[，,。；;\s|]|$)/u;
/** 不要求入选任何名录或中介库: a denial, a few words of its list, then the match. */
const DENIED_LIST_ZH =
  /(?:不要求|无需|无须|毋须|毋需|不须|不需要?|不必|未设置|未设|不设置|不设|未作|未提出|没有设置)(?:入选|列入|纳入|进入|加入|具有|具备|提供)?(?:任何)?(?:[^，,。；;|须需应但]{1,8}[，,]){0,3}[^，,。；;|]{0,8}?(?:或|和|及)$/u;
/**
 * Structural findings that read a fact, not a condition: 截至报名截止时间共有2家机构报名，不足3家 (a count reported);
 * 中选结果：中选机构为…（注册地：哈尔滨市） (a result); 项目所在地为西藏那曲市, 到项目现场（安吉县…） (the site); a national
 * qualification that a ministry or a province's authority issues (由自然资源部或省级自然资源主管部门核发); an authority
 * named with no place or level (须未被生态环境主管部门通报…).
 */
// (round 141) …or an honour any province's department gives (获得省级及以上行业主管部门表彰的，每项得1分)
const LEVEL_ISSUER_ZH =
  /^(?:(?:国家|省|自治区|地市|设区的市|市)级?(?:(?:及|或)(?:以上|省级|国家级))?(?<=级|以上)|省级)[\u4e00-\u9fa5]{0,12}?(?:部门|机关|厅|局|委|委员会)(?:(?:颁发|核发|签发|发放|核准|认定)的?[\u4e00-\u9fa5（）()]{0,20}?(?:资质|证书|执照|许可证|资格|合格证|核准证)|(?:表彰|表扬|嘉奖|授予|评定|评选)(?:的)?)/u;
/** 附件N：…样本／范本／模板（供参考）: an attachment named as a sample or a form, with no requirement in it (round 138). */
const REFERENCE_ATTACHMENT_ZH =
  /^\s*附件\s*[0-9一二三四五六七八九十]*\s*[:：](?![^。；;\n]*(?:须|必须|需要?(?:具|提供|有)|应当?(?:具|提供)|要求|仅限|限于|方可|加分|得分|计分))[^。；;\n]*(?:样本|范本|模板|示例|式样|(?:仅)?供参考)/u;
/** 中选后需在本市办理施工图审查备案手续: after the award, a filing or approval of the work itself, not of the agency (round 138). */
const WINNERS_WORK_PROCEDURE_ZH =
  /(?:中选|中标|成交|签订合同|合同签订)(?:后|以后|之后)[^。；;\n]{0,12}?办理(?:本项目的?|项目的?|工程的?)?(?:施工图|图纸|成果|项目|工程|合同|报告|方案|竣工|消防|规划|质量监督|安全监督|开工)(?:(?!机构|单位|企业|公司|分支|工商|注册|营业执照|税务|社保)[\u4e00-\u9fa5]){0,8}?(?:审查|审批|备案|报建|报批|验收|许可)(?:备案)?(?:手续|程序)?/u;
const OFFICE_COST_IF_NEEDED = new RegExp(OFFICE_COST_IF_NEEDED_ZH, "u");
const WINNERS_PERMIT_ZH =
  /^\s*(?:中选|中标|成交)(?:机构|单位|人|供应商)[^。；;\n]{0,20}?(?:取得|办理|申领|领取)[^。；;\n]{0,16}?(?:施工许可|开工许可|许可证|批复|审批意见|验收意见)(?![^。；;\n]{0,8}?(?:方可|才能)(?:报名|参与|投标))/u;
export function ordinaryStructuralFinding(
  text: string,
  masked: string,
  f: { start: number; end: number; category: string; rule?: string },
): boolean {
  const sentence = sentenceAround(text, f.start, f.end);
  const own = text.slice(f.start, f.end);
  if (f.category === "quota" && /(?:仅有|共有|只有|实际|共)\d+家[^，,。；;]{0,6}?报名/u.test(own) && /不足|流标|截至/u.test(sentence))
    return true;
  const from = text.lastIndexOf(sentence, f.start);
  const head = from < 0 ? "" : text.slice(from, from + 12);
  if (/^(?:【[^】]*】)?(?:中选|成交|中标)(?:结果|公示|公告)[：:]/u.test(head)) return true;
  if (f.category === "presence" && winnersSiteDuty(sentence, own)) return true;
  // 中选机构须在进场前取得区住建委出具的施工许可: the winner's permit for the work, a department's act on the work (round 141)
  if (f.category === "designation" && WINNERS_PERMIT_ZH.test(sentence)) return true;
  // 服务期间如需在本地租用办公场所，费用由中标单位自理: who pays for an office if one is wanted (round 141)
  if (f.category === "presence" && OFFICE_COST_IF_NEEDED.test(sentence)) return true;
  // 系统将在报名截止后从全部有效报名机构中随机抽取一家: the platform's draw of the winner among all who bid (round 131)
  if (f.category === "quota" && DRAWN_FROM_ALL_ZH.test(sentence) && !/先到先得|先报先得|报名(?:先后)?顺序|前\d+家报名/u.test(sentence))
    return true;
  // 省级财政部门颁发的会计师事务所执业证书、市级及以上住建部门颁发的资质证书 (round 137): an issuer named by its level —
  // any province's, any city's — grants a credential; no place's department vouches for the bidder
  if (
    (f.category === "designation" || f.rule === "structure-net-authority") &&
    LEVEL_ISSUER_ZH.test(text.slice(f.start)) &&
    !/[\uE000\uE001]/u.test(masked.slice(f.start, f.end))
  )
    return true;
  // 附件1：本区2024年度类似项目审计报告样本（仅供参考格式）: an attachment that is a sample or a form, no track record asked (round 138)
  if ((f.category === "local-ties" || f.category === "registration") && REFERENCE_ATTACHMENT_ZH.test(sentence)) return true;
  if (f.rule !== "structure-net-place" && f.rule !== "structure-net-authority") return false;
  // 中选后需在本市办理施工图审查备案手续: the winner's procedure for the work, after the award (round 138)
  if (f.rule === "structure-net-place" && WINNERS_WORK_PROCEDURE_ZH.test(sentence)) return true;
  const before = text.slice(Math.max(0, f.start - 12), f.start);
  if (
    /(?:项目|工程|场地|厂区|采样)(?:现场|所在地|地点|位置|选址)(?:为|是|在|位于|[:：])?[（(]?$/u.test(before) &&
    !/驻地|距离|距|公里|km|设立|设有|办公|注册|住所/u.test(sentence)
  )
    return true;
  if (f.rule === "structure-net-authority") {
    if (
      /(?:国家|国务院|[^\s，,。；;]{2,8}部|ministry|national)[^。；;\n]{0,30}?(?:或|or)[^。；;\n]{0,6}?(?:省级|provincial)/iu.test(sentence)
    )
      return true;
    if (
      /^[\u4e00-\u9fa5]+$/u.test(own) &&
      !/[\uE000\uE001]/u.test(masked.slice(f.start, f.end)) &&
      !/省|区|市|县|州|盟|旗|镇|乡|村|街道|本|当地/u.test(own)
    )
      return true;
  }
  return false;
}
/**
 * 中选机构须在合同签订后15日内在项目所在地设立临时现场办公室 / 中标后，服务机构应在项目所在地配备2名驻场人员: what the
 * winner does at the site once the work starts (a temporary site office, staff on site), no condition of bidding — not
 * a branch, an office of its own or a standing team (成交后须在普陀设立项目部, 中标人应在区内设立常驻服务机构).
 */
const WINNER_OR_AFTER_AWARD =
  /(?:中选|中标|成交|入围)(?:后|以后|之后|机构|单位|人|供应商|服务机构)|(?:合同签订|签订合同|签约|进场)(?:后|以后|之后)|服务期(?:间|内)|实施(?:期间|阶段)|\b(?:selected|successful|awarded|winning|appointed|contracted)\s+(?:consultant|bidder|firm|supplier|agency|tenderer|contractor|vendor|company|consultancy)\b|\b(?:after|upon|following)\s+(?:the\s+)?(?:contract\s+)?(?:award|signature|signing)\b|\b(?:during|throughout|for\s+the\s+duration\s+of)\s+(?:the\s+)?(?:contract|works|services|construction|supervision|fieldwork|project)\b/iu;
/** English words for a facility or staff at the site for the time of the work (临时、驻场、现场). */
const SITE_WORDS_EN =
  /\btemporary\b|\b(?:site|field|project)\s+office\b|\bon[-\s]site\b|\bresident\s+(?:engineer|staff|team|supervisor)s?\b/iu;
/** …服务结束后撤销 / 竣工后拆除: a facility for the time of the work. */
const REMOVED_AFTER_SERVICE =
  /(?:服务|项目|合同|工程|工作)(?:期满|结束|完成|竣工|验收)(?:后|之后|以后)[^。；;，,\n]{0,4}?(?:撤销|撤除|拆除|撤离|撤场|注销)/u;
/** 业主免费提供办公用房: the office is the requester's, lent to the winner. */
const OFFICE_PROVIDED =
  /(?:业主|采购人|甲方|建设单位|委托方|招标人|我司|我单位|我方)(?:[^。；;，,\n]{0,6}?)(?:免费|无偿|统一)?(?:提供|安排|腾出)(?:[^。；;，,\n]{0,4}?)(?:办公用房|办公场所|办公室|办公地点|工作场所|办公场地)/u;
/**
 * 中选单位应在项目所在地设立项目部 (round 132): the project team where the work is, wherever that is — the site, not a
 * named place (成交后须在普陀设立项目部 stays refused).
 */
const PROJECT_TEAM_AT_SITE_ZH =
  /(?:项目|工程|服务|工作|^)(?:所在地|所在县|所在区|所在市|所在镇|实施地|实施地点)(?:内|附近)?[^，,。；;]{0,8}?(?:项目(?:监理|管理|服务|技术)?部|项目组|项目工作组|工作组)/u;
/**
 * 服务期间中选机构须在项目所在地安排项目经理常驻，直至工程竣工验收 (round 139): staff resident at the site for the time of the
 * work — 常驻 bounded by the service period or the acceptance, where the work is, is no standing presence.
 */
const FOR_THE_WORK_ZH =
  /服务期(?:间|内)|合同(?:履行)?期(?:间|内)|施工期(?:间|内)|工期内|(?:直至|直到)[^，,。；;]{0,12}?(?:验收|结束|完成|完工|竣工)|服务(?:结束|完成)(?:前|为止)/u;
const AT_THE_SITE_ZH = /(?:项目|工程|服务|工作)?(?:所在地|现场|工地|实施地)/u;
export function winnersSiteDuty(sentence: string, own: string): boolean {
  if (FOR_THE_WORK_ZH.test(sentence) && AT_THE_SITE_ZH.test(own)) own = own.replace(/常驻/gu, "驻场");
  return (
    WINNER_OR_AFTER_AWARD.test(sentence) &&
    (/临时|驻场|现场/u.test(own) ||
      SITE_WORDS_EN.test(own) ||
      PROJECT_TEAM_AT_SITE_ZH.test(own) ||
      REMOVED_AFTER_SERVICE.test(sentence) ||
      OFFICE_PROVIDED.test(sentence)) &&
    !/常驻|常设|长期|固定|分支|分公司|子公司|办事处|网点|注册|设有|拥有|(?:设立|设置|建立|成立|组建)[^，,。；;]{0,6}?(?:服务机构|服务中心|机构|站)|\b(?:branch|permanent|subsidiar|regist|incorporat)/iu.test(
      own,
    ) &&
    !/长期|永久|常设|报名(?:时|前|之前)|(?:报名|投标|报价|响应)(?:文件)?(?:须|需|应)?(?:提供|附)|不予(?:受理|通过)|资格|否则|无效|[加得计扣]\d|得分|加分|\b(?:permanent|rejected|ineligible|eligib|disqualif|scores?|points|otherwise)\b|\bat\s+the\s+time\s+of\s+(?:bidding|submission|application|tender)|\bcondition\s+of\s+(?:bidding|participation)|\b(?:with|in)\s+(?:the|their|its)\s+(?:bid|proposal|tender|application|quotation)s?\b/iu.test(
      sentence,
    )
  );
}
/** 从全部有效报名机构中随机抽取一家（作为中选机构）: the winners drawn or picked among every bidder, none left out before. */
const DRAWN_FROM_ALL_ZH =
  /(?:从|在)(?:全部|所有|全体)(?:的)?[^，,。；;]{0,6}?(?:报名|响应|参与|投标|报价)(?:的)?(?:机构|单位|企业|供应商|人|公司)(?:中|内|之中|当中|里)(?:通过)?(?:系统)?(?:随机|公开)?(?:抽取|选取|抽选|摇号|确定|选定|产生)(?:出)?(?:\d+|[一二两三四五六七八九十])(?:家|名|个)(?![^，,。；;]{0,6}?(?:参加|参与|进入|入围|比选|竞价|报价|投标|谈判|下一轮|第二轮))/u;
const AFTER_AWARD_TAX_ZH = new RegExp(TAX_FORMALITY_AFTER_AWARD_ZH, "u");
/** 本市或外地、区内或区外: here or elsewhere, i.e. anywhere. */
const HERE_OR_ELSEWHERE =
  /(?:本地|本市|本区|本省|本县|区内|市内|省内|县内)(?:或|或者)(?:外地|外埠|区外|市外|省外|县外|外省|外市|外区|外县|其他地区|异地)/u;
/** The words name "here or elsewhere" and no other place after it (not 本地或外地机构均须在本市设立办事处). */
export function hereOrElsewhere(text: string, masked: string, start: number, end: number): boolean {
  const m = HERE_OR_ELSEWHERE.exec(text.slice(start, end));
  return !!m && !/[\uE000\uE001]/u.test(masked.slice(start + m.index + m[0].length, end));
}
/** 中选机构如为外地企业 / 中标人若系外省单位: the winner, if it comes from elsewhere. */
const WINNER_IF_BEFORE_ZH = /(?:中选|中标|成交)(?:机构|单位|人|供应商|候选人|服务机构)?(?:如|若|如果|倘若|假如)(?:为|是|系|属于?)$/u;
const WINNER_IF_EXCLUDES = /不得|不予|不接受|不能|无效|取消|拒绝|淘汰|谢绝|仅限|只限|限于|须为|应为|必须为|扣\d|扣分|减分/u;
/** 关于“本项目限制外地机构”的质疑，经查…: the words are a complaint quoted in a reply, not the requester's own. */
export function insideQuotedClaim(text: string, at: number): boolean {
  const open = text.lastIndexOf("“", at);
  if (open < 0 || text.lastIndexOf("”", at) > open) return false;
  const close = text.indexOf("”", at);
  if (close < 0) return false;
  if (/^”(?:的|之)?(?:质疑|投诉|异议|举报|反映|疑问)/u.test(text.slice(close, close + 6))) return true;
  // 投诉人认为“须在延安设立办公场所”条款限制竞争……已删除该条款: a clause a complaint quotes, and the reply removes
  const named =
    /^”(?:的|之|这一|这个|该)?(?:条款|规定|要求|内容|表述|限制|条件|评分项|加分项|资格条件)/u.test(text.slice(close, close + 8)) ||
    // 问：原公告中“本地优先”是什么意思？答：…该表述已删除: a question about words of the old notice
    /^”(?:是什么意思|是何意|指什么|怎么理解|如何理解)/u.test(text.slice(close, close + 8)) ||
    /(?:投诉人|质疑人|异议人|举报人|投诉|质疑)[^。；;\n“”]{0,8}?(?:认为|反映|称|提出|指出|质疑)[^。；;\n“”]{0,8}?$/u.test(
      text.slice(Math.max(0, open - 24), open),
    );
  return named && QUOTED_CLAUSE_REMOVED.test(text.slice(close, close + 200));
}
/** The reply removes what it quoted (删除、撤销、取消、修改为…, 投诉成立). */
const QUOTED_CLAUSE_REMOVED = /删除|撤销|撤回|取消|废止|修改为|更正为|调整为|不再执行|作废|(?:投诉|质疑|异议)(?:事项)?成立/u;
export function negatedRequirement(text: string, sentence: string, at: number): boolean {
  const from = text.lastIndexOf(sentence, at);
  // 不设置“本地业绩”“本地服务机构”等加分项: the quotes (and the quoted items before this one) are read through
  const before = text
    .slice(Math.max(from < 0 ? 0 : from, at - 40), at)
    .replace(/“[^“”]*”|「[^「」]*」|"[^"]*"/gu, "")
    .replace(/[“「"]$/u, "")
    .slice(-16);
  // 本案无本地厂商加分机制: a favour named as a mechanism that does not exist
  if (
    /(?:无|没有|不设|未设|不设置|不存在|取消|不实行|不采用)(?:任何)?[“「"]?$/u.test(before) &&
    /^[^。；;，,\n]{0,12}?(?:加分|优先|倾斜|照顾)[”」"]?(?:的)?(?:机制|项|政策|规定|办法|条款|安排|措施|因素|做法)/u.test(
      text.slice(at, at + 24),
    )
  )
    return true;
  // the denial may end inside the match (不存|在备选库): try it with the match's first one or two characters
  if ([0, 1, 2].some((k) => DENIED_BEFORE_ZH.test(before + text.slice(at, at + k)))) return true;
  if (DENIED_LIST_ZH.test(before)) return true;
  // the match itself begins with the verb the denial governs (无|需在本地设立分支机构)
  if (/[无不]$/u.test(before) && /^(?:需|须)/u.test(text.slice(at, at + 2))) return true;
  // 评分时不对本地机构加分: the favour itself denied
  if (
    (/(?:^|[^得能可])不$/u.test(before) && text[at] === "对") ||
    /(?:^|[^得能可])不对(?:注册在|注册于|注册地在|位于|设在|来自|在)?$/u.test(before)
  )
    return true;
  // No extra points for local firms: the favour itself denied
  if (
    /\bno\s+(?:(?:extra|additional|bonus)\s+points?|preference|priority|advantage)\s+(?:is\s+given\s+)?(?:for|to)\s+$/u.test(
      text.slice(Math.max(0, at - 40), at),
    )
  )
    return true;
  if (
    /\bno\s+$/u.test(text.slice(Math.max(0, at - 3), at)) &&
    /^(?:extra|additional|bonus)\s+points?\b|^(?:preference|priority)\b/u.test(text.slice(at))
  )
    return true;
  // "There is no preference for firms with a local office", "We do not prefer firms with a local office" (round 131)
  if (NO_FAVOUR_FOR_HOLDERS_EN.test(text.slice(Math.max(0, at - 80), at))) return true;
  // English lists run longer: "no local office or local staff is required"
  const beforeEn = text.slice(Math.max(from < 0 ? 0 : from, at - 60), at);
  // "This opportunity is not restricted to firms on any framework" (not "including but not limited to") (round 131)
  if (NOT_RESTRICTED_TO_EN.test(beforeEn)) return true;
  if (NO_NEED_EN.test(beforeEn) || NOT_REQUIRED_TO_EN.test(text.slice(Math.max(from < 0 ? 0 : from, at - 140), at))) return true;
  return DENIED_BEFORE_EN.test(beforeEn) && REQUIRED_AFTER_EN.test(text.slice(at));
}

/** A later message or sentence taking back what came before (撤回上条、以下更正为、struck out). */
const TAKE_BACK =
  /撤回(?:上条|上一条|前条|前述|以上)|(?:上条|上一条|以上|前述)[^。\n]{0,8}?(?:作废|撤回|无效|删除)|更正(?:为|如下)|\b(?:withdrawn|retracted|struck\s+out|no\s+longer\s+appl(?:y|ies)|disregard\s+the\s+(?:previous|earlier|above))\b/u;
/** This sentence says its own words were removed ("the reference to 'local agencies' … has been struck out"). */
const STRUCK_OUT =
  /\b(?:has|have)\s+been\s+(?:struck\s+out|deleted|removed|withdrawn)\b|\b(?:is|are)\s+(?:hereby\s+)?(?:deleted|removed|withdrawn|struck\s+out|revoked|rescinded|repealed|cancell?ed)\b|已(?:被)?(?:删除|删去|撤回|取消)|予以(?:删除|删去|撤销|取消)|(?:表述|内容|要求|条款|规定|字样|表达)(?:予以|现|均|一并)?(?:删除|删去|取消|作废)/u;
/** The sentence quotes a clause it repeals (删除原公告中“…”的要求; 原规定中“…”的条款已于2024年废止，不再作此要求). */
const REPEALED =
  /(?:删除|删去|取消|撤销)(?:原|该|上述)|已(?:于[^，,。；;]{0,12}?)?(?:废止|失效)|不再作(?:该|此|上述)?(?:要求|限制)|(?:现|特|兹)予(?:以)?(?:删除|删去|撤销|取消)/u;

/**
 * "opened": a later sentence takes the words back and opens competition (撤回上条，更正为全国范围内…均可报名), or
 * the words' own sentence says they were struck out — no finding. "withdrawn": taken back without saying
 * more — held, not refused. Undefined otherwise; what comes after a take-back stands as written.
 */
export function takenBack(n: Normalised, original: string, sentence: string, at: number): "opened" | "withdrawn" | undefined {
  const text = n.text;
  const from = text.lastIndexOf(sentence, at);
  if (STRUCK_OUT.test(sentence.slice(Math.max(0, at - from))) || REPEALED.test(sentence)) return "opened";
  let end = from < 0 ? at : from + sentence.length;
  // written as messages or paragraphs: only a later one takes back (a correction in the same message is its own text)
  if (original.includes("\n")) {
    const newline = original.indexOf("\n", n.map[at] ?? 0);
    if (newline < 0) return undefined;
    while (end < text.length && (n.map[end] ?? Infinity) < newline) end++;
  }
  const after = text.slice(end);
  const m = TAKE_BACK.exec(after);
  if (!m) return undefined;
  const rest = after.slice(m.index);
  const next = rest.search(/[。；;!！?？]|\.(?=\s|$)/u);
  return opensCompetition(next < 0 ? rest : rest.slice(0, next + 40)) ? "opened" : "withdrawn";
}

/** A turn after a concession (外地机构也可以报，不过…): what follows it is not opened by what went before. */
const TURN = /不过|但是|但(?!凡)|然而|可是|只是|\b(?:but|however|although|though)\b/gu;

/** The sentence goes on past `clause` with a turn (…不是不可以报名，只是…一律不予通过). */
export function turnsAfter(sentence: string, clause: string): boolean {
  const at = sentence.indexOf(clause);
  if (at < 0) return false;
  return new RegExp(TURN.source, "u").test(sentence.slice(at + clause.length));
}

/** The part of `sentence` (which holds text[at]) from the last turn before `at`. */
export function sinceTurn(text: string, sentence: string, at: number): string {
  const from = text.lastIndexOf(sentence, at);
  if (from < 0) return sentence;
  let cut = 0;
  for (const m of sentence.slice(0, at - from).matchAll(TURN)) cut = m.index + m[0].length;
  return sentence.slice(cut);
}

const ASKS_REQUIRED =
  /须|必须|需要|需|要求|一定要|要不要|是否要|是否优先|只认|只收|只要|只找|是否(?:有|给予?|会)?加分|会不会(?:优先|加分)|得是|只能|仅限|\b(?:required|need|needs|must|have to|has to|mandatory|only)\b/u;
/** "Will firms without work in X be disadvantaged?" / 外地机构会吃亏吗: "no" opens, "yes" closes. */
const ASKS_HARM = /\b(?:disadvantaged|penali[sz]ed|lose\s+points|marked\s+down|excluded|rejected)\b|吃亏|扣分|不利|受影响/u;
/** 外地机构的人员不能长期驻场怎么办: what if a bidder cannot meet it — only "not required" (or "no matter") opens. */
const ASKS_WHAT_IF_NOT = /(?:不能|做不到|无法|没有|没)[^？?。；;\n]{0,16}?怎么办/u;
const SAYS_NOT_REQUIRED =
  /^(?:本项目|本次(?:项目)?|我们|我司|我方)?(?:均|并|也)?(?:不要求|不需要|不需|无需|无须|不必|不用|不作要求|没关系|不影响)/u;
const ASKS_PERMITTED = /能否|能不能|可否|可不可以|可以|能报|能参加|能参与|允许|接受|\b(?:can|may|allowed|eligible|accepted|welcome)\b/u;
const SAYS_NO =
  /^(?:本项目|本次(?:项目)?|我们|我司|我方)?(?:均|并|也)?(?:不需要|不需|不要求|不要(?!求)|不必|不用|否|没有|无|不是|不限|不作要求|不能|不可以|不可|不行|不允许|不接受|不会|no\b|not\b)/u;
// (round 137) 可在报名截止前在本公司供应商库在线注册，注册即可参与: yes, by signing up with the requester itself
const SAYS_YES =
  /^(?:可以|能|允许|欢迎|接受|是的|是|需要|要的|须|必须|要求|会(?=的|[。.，,！!；;\s]|$)|可(?:以)?(?=[^。；;\n]{0,20}?(?:本平台|本公司|我公司|本单位|我单位|本系统|本网站|我司)[^。；;\n]{0,16}?(?:注册|申请入库|入库|报名))|yes\b)/u;
/**
 * How the answer settles the question that goes on at `from` (答疑): "required?" answered no, or "may/can?"
 * answered yes, opens competition (问：是否需要在本区缴纳社保？答：不需要。/ Q: Can a firm from Jiangxi bid? A: Yes.);
 * "required?" answered yes, or "may/can?" answered no, closes it (问：外省机构能否参与？答：不能。). Undefined
 * when there is no answer or it says neither.
 */
/**
 * (round 141) An answer that first says what the words meant, then yes or no (答：指电话响应，不要求到场。/ A: It refers to a
 * phone response; attendance is not required.): the yes or no after the gloss answers the question.
 */
const CLARIFIES_FIRST =
  /^\s*(?:(?:这里|此处|该条|本条)?(?:是指|仅指|系指|指的是|指|意为|即)[^，,；;。.？?\n]{1,24}[，,；;]\s*|(?:it|this)\s+(?:only\s+)?(?:refers\s+to|means)\b[^,;.?\n]{1,60}[,;]\s*)/u;
const ANSWER_LEAD = /^\s*(?:答复|答|回复|回答|a|客服|工作人员)\s*[:：]\s*(.*)/su;
const FOLLOWING_QUESTION = /^[^。；;!！\n?？]*[?？]/u;
export function answerVerdict(text: string, from: number): "opens" | "closes" | undefined {
  const q = text.slice(from).search(/[?？]/u);
  if (q < 0) return undefined;
  const before = text.slice(0, from);
  const start = Math.max(...["。", "；", ";", "!", "！", "?", "？", "\n"].map((c) => before.lastIndexOf(c))) + 1;
  const question = text.slice(start, from + q);
  let rest = text.slice(from + q + 1);
  // questions asked together (外省机构可以报名吗？需要分公司吗？答：…): the answer follows the last of them
  for (let next = FOLLOWING_QUESTION.exec(rest); next && !ANSWER_LEAD.test(rest); next = FOLLOWING_QUESTION.exec(rest))
    rest = rest.slice(next[0].length);
  // …or, in a chat, the answer straight after the question, by the requester or not (可以的，注册地不限 / 业主：@某公司 没有这个规定
  // / ——不需要): only when it opens with yes or no (round 27)
  const answered = ANSWER_LEAD.exec(rest)?.[1];
  const chat =
    /^\s*(?:(?:业主|采购人|甲方|招标人|委托方|管理员|群主)\s*[:：]\s*(?:@\S+\s*)?|——|—)?\s*((?:不是|不需要|不用|不要|没有|可以|能|是的|不行|不可以|不能|需要|必须|要的)[\s\S]*)/u.exec(
      rest,
    )?.[1];
  const whole = answered ?? chat;
  if (whole === undefined) return undefined;
  const answer = answerPart(text, from + q, whole).replace(CLARIFIES_FIRST, "");
  if (ASKS_WHAT_IF_NOT.test(question)) return SAYS_NOT_REQUIRED.test(answer) ? "opens" : undefined;
  const harm = ASKS_HARM.test(question);
  const required = !harm && ASKS_REQUIRED.test(question);
  if (!harm && !required && !ASKS_PERMITTED.test(question)) return undefined;
  if (harm) return SAYS_NO.test(answer) ? "opens" : SAYS_YES.test(answer) ? "closes" : undefined;
  if (SAYS_NO.test(answer)) return required ? "opens" : "closes";
  if (SAYS_YES.test(answer)) return required ? "closes" : "opens";
  return undefined;
}

/**
 * The part of the answer that answers the question ending at `mark`: several questions asked together
 * (问：外省机构可以报名吗？需要在本地设分公司吗？答：可以报名，不需要。) are answered in order, one clause each;
 * otherwise the whole answer.
 */
const ANSWER_BEGINS = /答|回复|回答|\ba\s*[:：]/uy;
export function answerPart(text: string, mark: number, answer: string): string {
  const asked = Math.max(text.lastIndexOf("问", mark), text.lastIndexOf("Q:", mark), text.lastIndexOf("q:", mark));
  if (asked < 0) return answer;
  const questions = text.slice(asked, mark + 1).match(/[?？]/gu)?.length ?? 1;
  // the questions after this one, up to where the answer begins (答、回复、回答、A:)
  let following = 0;
  for (let i = mark + 1; i < text.length; i++) {
    if (text[i] === "?" || text[i] === "？") following++;
    else {
      ANSWER_BEGINS.lastIndex = i;
      if (ANSWER_BEGINS.test(text)) break;
    }
  }
  if (questions + following < 2) return answer;
  const parts = answer
    .split(/[。.!！\n]/u)[0]!
    .split(/[，,；;]/u)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length === questions + following ? parts[questions - 1]! : answer;
}

/**
 * 答疑 whose answer is a bare "no" to "may?" or "yes" to "required?" (问：外省市注册的机构能否参与？答：不能。) state
 * the restriction in the question's words: the question is read as that statement (外省市注册的机构不能参与。),
 * with every replacement the same length, so a finding still names the words the enterprise wrote.
 */
const ANSWERED_QUESTION =
  /(能否|可否|能不能|可不可以|是否可以|是否能|是否需要|是否必须|是否要求|是否须|是否应当?|是否得)([^？?\n。]*)([？?])(\s*(?:答|回复|回答)\s*[:：]\s*)(不能|不可以|不可|不行|不允许|不接受|否|是的|是|需要|须|必须|要求|应当?)/gu;
const MAY_NOT: Record<string, string> = {
  能否: "不能",
  可否: "不可",
  能不能: "均不能",
  可不可以: "均不可以",
  是否可以: "均不可以",
  是否能: "均不能",
};
/**
 * The spoken form of the same: "X 能/可以/可 V 吗？" answered "不能/不可以/不行…", with or without 答： (问：外地机构能报吗？
 * 不能，只收本地的。) is read as "X 不能 V。" — 吗 gives its place to 不, the question mark becomes a full stop, so every
 * position is kept. The words between the modal and 吗 hold no other 能 or 可 (能力强的机构可以吗 asks about 可以).
 */
const ANSWERED_SPOKEN =
  /(能|可以|可)((?:(?!能|可)[^？?\n。，,；;！!]){1,16})吗([？?])(\s*(?:(?:答|回复|回答)\s*[:：]\s*)?)(不能|不可以|不可|不行|不允许|不接受|不收|不要)/gu;

export function settleAnsweredQuestions(text: string): string {
  return text
    .replace(ANSWERED_QUESTION, (all, modal: string, rest: string, mark: string, lead: string, answer: string) => {
      const permission = modal in MAY_NOT;
      const no = /^(?:不|否)/u.test(answer);
      if (permission && no) return `${MAY_NOT[modal]}${rest}${mark === "?" ? "." : "。"}${lead}${answer}`;
      if (!permission && !no) return `必须${modal.slice(2)}${rest}${mark === "?" ? "." : "。"}${lead}${answer}`;
      return all;
    })
    .replace(
      ANSWERED_SPOKEN,
      (_all, modal: string, rest: string, mark: string, lead: string, answer: string) =>
        `不${modal}${rest}${mark === "?" ? "." : "。"}${lead}${answer}`,
    );
}

/** Whether the sentence that goes on at `from` ends with a question mark (？ or ?). */
export function asksQuestion(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "?" || ch === "？") return true;
    if (/[。；;!！\n]/u.test(ch) || (ch === "." && /^(?:\s|$)/u.test(text[i + 1] ?? ""))) return false;
  }
  return false;
}

/**
 * An explicit statement elsewhere in the same text that registration place is no condition (注册地不限、不受地域限制、
 * 全国各地机构均可报名, "registration place unlimited", "firms from any province"). A clause that contradicts it is
 * held for a regulator rather than refused: in long notices the clause is as often an ordinary duty read too broadly
 * (a sub-district office as the requester, archives stored after acceptance) as a buried restriction, and a
 * regulator should read which. Not when the clause's own sentence turns against the opening (但、不过、however) or
 * the text amends itself (调整为…), where the later words are the ones in force.
 */
const OPENED_ELSEWHERE =
  /注册地(?:不限|不作限制|无限制|不受限制)|不限(?:制)?(?:注册地|地域|地区|所在地)|不受(?:注册地|地域|所在地|地区)(?:的)?限制|(?:不设|无|没有)(?:任何)?(?:地域|注册地|区域|地区)(?:性)?限制|(?:全国|任何地区|各地|各省)[^。；;\n]{0,12}?(?:均可|都可以|均能|皆可)(?:报名|参与|参加|投标|报价)|registration\s+place\s+(?:is\s+)?(?:unlimited|not\s+limited|not\s+restricted|no\s+limit)|no\s+(?:geographic(?:al)?|regional|registration[- ]place|location)\s+restrictions?|(?:firms?|agencies|bidders|companies)\s+(?:from|registered\s+in)\s+any\s+(?:province|region|city|place)|anywhere\s+in\s+(?:china|the\s+country)/iu;
/** Not a favour or a cap (注册地不限，本地企业加5分 is the classic disguise: refused), nor a scored item. */
const OPENS_AGAINST: ReadonlySet<Category> = new Set(["registration", "presence", "designation", "pool", "local-ties"]);
const SCORED = /\d\s*分|加分|\bpoints?\b|\bmarks?\b/u;
/**
 * The words or their sentence score them (本区业绩（5分）：在嘉定区完成过同类项目的每项加1分, round 144): a scored item — the
 * sentence, not only the words found, which name the local record and leave the points to the row's head or tail.
 */
function scored(text: string, h: { start: number; end: number; matched: string }): boolean {
  return SCORED.test(h.matched) || SCORED.test(sentenceAround(text, h.start, h.end)) || PRICED.test(sentenceAround(text, h.start, h.end));
}
/** …or price them (对在本区注册的小微企业，其报价给予10%的价格扣除): a favour in the price is the same disguise. */
const PRICED = /价格扣除|报价扣除|价格折扣|报价[^。；;\n]{0,6}?(?:乘以|按\d+(?:\.\d+)?%计)|\bprice\s+(?:deduction|discount|reduction)\b/u;
/** A turn in the clause's own sentence before it (…。2、但须…; 注册地不限。外地机构可以报名，但须在本区设立分公司). */
const TURNS_AGAINST = /但(?!凡)|不过|然而|可是|只是|\b(?:however|but)\b/iu;
const AMENDS = /调整为|修改为|变更为|更改为|更正为|修正为|\b(?:amended|changed|revised)\s+to\b/iu;

/**
 * What the winner does for the work once chosen (中选机构进场后…, the appointed consultant shall … during the contract) is
 * no condition of bidding in most notices: a site office or staff for the time of the work, formalities where the work
 * is done, meetings. Every blind probing round found new wordings of such duties refused as presence or local ties
 * (rounds 128–131), each fixed one wording at a time; this is the net under all of them: a presence or local-ties
 * refusal whose sentence is about the winner or the time after the award, with no word making it a condition of
 * bidding (报名、投标时、资格、否则、不予…; only, eligible, at the time of bidding…), a branch or office of its own held
 * already or for good (分支机构、设有、常驻…; branch, permanent, existing…), or an identity (须为…企业, must be
 * registered / based), is held for a regulator instead of refused. Restrictive duties of the winner (中选后须在本区
 * 招聘当地员工) are still caught — held, not published (decision 048).
 */
const WINNERS_WORK_CATEGORIES: ReadonlySet<Category> = new Set(["presence", "local-ties", "registration"]);
const WINNER_OR_AFTER_AWARD_ALL = new RegExp(WINNER_OR_AFTER_AWARD.source, "giu");
const CONDITION_OF_BIDDING =
  /报名|投标(?:时|前|文件)|响应文件|报价(?:时|文件)|资格|否则|不予|不得|不接受|无效|视为|取消|淘汰|仅限|只限|限于|[须需应]为|必须[为是]|方可|才能|才可|前提|条件|[加得计扣减]\s*\d|得分|加分|优先|分支|分公司|子公司|办事处|常驻|常设|长期|永久|固定|设有|拥有|已有|现有|注册|(?:工商|设立|变更|市场主体|企业|营业)登记|居民|户籍|开立|开户|账户|税务登记|税收关系|纳税关系|属于|[在于赴到](?:本地|本区|区内|本市|市内|本县|县内|本镇|镇内|本街道|本乡|本省|省内|当地|辖区)|近[0-9一二两三四五六七八九十]+(?:个)?(?:年|月|季度)|过去[0-9一二两三四五六七八九十]+(?:个)?(?:年|月)|\b(?:(?:last|past|previous|preceding)\s+(?:[\w-]+\s+){0,2}?(?:years?|months?)|(?:shall|must|should)\s+have\s+(?:already\s+)?(?:paid|been|held|completed|maintained|employed|operated))\b|\b(?:only|locals|residents?|hukou|(?:bank|deposit|basic)\s+accounts?|cancel\w*|terminat\w*|forfeit\w*|eligib\w*|ineligib\w*|rejected|disqualif\w*|excluded|not\s+(?:be\s+)?(?:accepted|considered)|otherwise|scores?|points?|marks?|prefer\w*|priority|branch(?:es)?|subsidiar\w*|permanent|existing|already|register\w*|incorporat\w*|must\s+be\s+(?:a|an|based|located|headquartered)|at\s+the\s+time\s+of|prior\s+to|before\s+(?:the\s+)?(?:award|bid|tender|deadline|submission))\b/iu;
function winnersWork(text: string, h: Hit): boolean {
  if (!WINNERS_WORK_CATEGORIES.has(h.category)) return false;
  const sentence = sentenceAround(text, h.start, h.end);
  const at = text.lastIndexOf(sentence, h.start);
  // the winner or the time after the award is named before the words found, in their sentence
  const before = at >= 0 && at <= h.start ? text.slice(at, h.start) : sentence;
  WINNER_OR_AFTER_AWARD_ALL.lastIndex = 0;
  if (!WINNER_OR_AFTER_AWARD_ALL.test(before)) return false;
  // …；failure to do so will result in cancellation of the award / ；报名时须提交设立服务站的书面承诺: the next sentence counts too
  const end = at >= 0 ? at + sentence.length : h.end;
  const next = end + 1 < text.length ? sentenceAround(text, end + 1, end + 1) : "";
  return !CONDITION_OF_BIDDING.test(sentence) && !CONDITION_OF_BIDDING.test(next);
}

export function openedElsewhere(text: string, start: number, end: number): boolean {
  if (AMENDS.test(text)) return false;
  // the clause's sentence begins after the last stop before it (an English full stop is one only before a space)
  let from = 0;
  for (const m of text.slice(0, start).matchAll(/[。；;!！?？\n]|\.(?=\s)/gu)) from = m.index + 1;
  const stop = text.slice(end).search(/[。；;!！?？\n]|\.(?:\s|$)|$/u);
  if (TURNS_AGAINST.test(text.slice(from, start))) return false;
  return OPENED_ELSEWHERE.test(`${text.slice(0, from)}\n${text.slice(end + stop)}`);
}

/**
 * Reviews the texts with the pattern rules and (with the full rule set, or when asked) the clause-level
 * structural detector of structure.ts.
 */
export function reviewFairCompetition(
  texts: Record<string, string>,
  rules: readonly Rule[] = RULES,
  { structure = rules === RULES }: { structure?: boolean } = {},
): Review {
  const hits: Hit[] = [];
  for (const [field, text] of Object.entries(texts)) {
    if (!text) continue;
    const kept: (Hit & { order: number })[] = [];
    for (const h of scan(field, settleAnsweredQuestions(text), rules, structure, text).sort(
      (a, b) => a.order - b.order || a.start - b.start,
    )) {
      if (kept.some((k) => h.start < k.end && k.start < h.end)) continue;
      kept.push(h);
    }
    hits.push(
      ...kept
        .sort((a, b) => a.start - b.start)
        .map(({ order: _order, ...h }) =>
          h.severity === "refuse" &&
          ((OPENS_AGAINST.has(h.category) && !scored(text, h) && openedElsewhere(text, h.start, h.end)) || winnersWork(text, h))
            ? { ...h, severity: "review" as const }
            : h,
        ),
    );
  }
  const outcome: Outcome = hits.some((h) => h.severity === "refuse") ? "refuse" : hits.length ? "review" : "ok";
  return { outcome, hits };
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id) ?? STRUCTURE_RULES.find((r) => r.id === id) ?? NET_RULES.find((r) => r.id === id);
}

export { ARTICLES, RULES };
