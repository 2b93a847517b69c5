/**
 * The fair-competition rule set (公平竞争审查规则), as data a regulator can read and extend.
 *
 * Each rule is a pattern over NORMALISED text (NFKC, lower case, no spaces next to Chinese — see
 * normalise.ts) written with tokens that engine.ts expands:
 *   {PLACE}   any Chinese division by full or short name (app/data/gazetteer.ts) or a "here" word
 *             (本地、本市、区内、辖区、项目所在地 … — places.ts); {LOCAL} only a "here" word
 *   {EN}      an English place name (app/data/regions.ts) or "the district", "the city", "local" …
 *   {G8}      up to 8 characters that do not cross a sentence or clause (，。；…)
 *   {W3}      up to 3 English words
 *   {DEPT}    a government department: 区住建委、市水务局、街道办事处、区审改办 …
 *   {NUM}     a number in digits or Chinese numerals; {ENUM} the same in English
 *   {BIDDER}  English words for the bidder: firm, agency, company, bidder, applicant …
 * Order matters: when two rules match overlapping words, the EARLIER rule is kept (put the more
 * specific rule first), so one phrase gives one message.
 *
 * Severity: "refuse" — a clear violation, the request is not published; "review" — doubtful (a place
 * near a requirement word, an unusual qualification): a regulator looks before publication.
 *
 * Every rule carries its own examples; rules.test.ts runs them. To add a rule: add an entry here
 * with at least one `matches` and one `allows` example, run
 *   npx vitest run --project unit app/services/fair-competition
 * and check that the corpus score (corpus.test.ts) did not drop. See docs/fair-competition.md.
 */
export const CATEGORIES = ["registration", "presence", "designation", "pool", "local-ties", "preference", "quota"] as const;
export type Category = (typeof CATEGORIES)[number];
export type Severity = "refuse" | "review";

export type Rule = {
  id: string;
  category: Category;
  severity: Severity;
  /** The provision this rule enforces (see ARTICLES). */
  article: ArticleId;
  pattern: string;
  explain: { zh: string; en: string };
  /** A finding is dropped when its sentence matches this (e.g. a ranking by merit for a quota rule). */
  unless?: string;
  /** Texts the rule must flag, and similar texts it must leave alone. */
  matches: string[];
  allows: string[];
};

/**
 * Provisions cited by the rules. The 2019 plan rows are quoted from the Putuo 2019
 * approval-service plan, task table rows 79 and 82 (docs/principles.md). The 条例 article numbers follow the State
 * Council's 公平竞争审查条例 (2024, 国务院令第783号), chapter 2 (审查标准): 第八条 market access and
 * exit, 第九条 free movement of goods and factors (外地经营者); see docs/fair-competition.md.
 */
export const ARTICLES = {
  "FCR-8-3": {
    zh: "《公平竞争审查条例》第八条第（三）项：不得限定经营、购买或者使用特定经营者提供的商品或者服务",
    en: "Fair Competition Review Regulations (2024) art. 8(3): no restricting the use of a specific operator's goods or services",
  },
  "FCR-8-4": {
    zh: "《公平竞争审查条例》第八条第（四）项：不得设置不合理或者歧视性的准入和退出条件",
    en: "Fair Competition Review Regulations (2024) art. 8(4): no unreasonable or discriminatory entry and exit conditions",
  },
  "FCR-9-2": {
    zh: "《公平竞争审查条例》第九条第（二）项：不得排斥、限制、强制或者变相强制外地经营者在本地投资经营或者设立分支机构",
    en: "Fair Competition Review Regulations (2024) art. 9(2): no forcing non-local operators to invest or set up branches locally",
  },
  "FCR-9-3": {
    zh: "《公平竞争审查条例》第九条第（三）项：不得排斥、限制或者变相限制外地经营者参加本地政府采购、招标投标",
    en: "Fair Competition Review Regulations (2024) art. 9(3): no excluding non-local operators from local procurement and tendering",
  },
  "FCR-9-5": {
    zh: "《公平竞争审查条例》第九条第（五）项：不得在资质标准等方面对外地经营者设置歧视性要求",
    en: "Fair Competition Review Regulations (2024) art. 9(5): no discriminatory qualification requirements for non-local operators",
  },
  "PLAN-79-REGION": {
    zh: "普陀区2019年审批服务方案任务第79项：取消中介服务行政区域界线，不得限制注册在其他地区的技术服务机构进入本区开展业务",
    en: "Putuo 2019 plan, task 79: no administrative boundaries for intermediary services; agencies registered elsewhere may not be kept out",
  },
  "PLAN-79-QUOTA": {
    zh: "普陀区2019年审批服务方案任务第79项：严禁限额管理中介服务机构数量",
    en: "Putuo 2019 plan, task 79: no quota on the number of intermediary agencies",
  },
  "PLAN-79-DESIGNATION": {
    zh: "普陀区2019年审批服务方案任务第79项：企业自主选择中介服务机构，政府部门不得强制指定或变相指定",
    en: "Putuo 2019 plan, task 79: enterprises choose freely; no department may designate an agency, openly or in disguise",
  },
  "PLAN-82-COMPETITION": {
    zh: "普陀区2019年审批服务方案任务第82项：政府部门委托的技术性服务须通过竞争方式选择服务机构",
    en: "Putuo 2019 plan, task 82: services commissioned by a department must be chosen competitively",
  },
} as const;
export type ArticleId = keyof typeof ARTICLES;

/** A sentence about seats, rooms or a bus (会场名额有限，先到先得) that does not shut anyone out of the bidding. */
/** 优先完成石门水库…的外业: a task done first, not a bidder preferred (the verbs that may follow 优先). */
const WORK_VERBS =
  "分析|研究|论证|调研|梳理|完成|开展|处理|实施|施工|进行|推进|落实|解决|办理|支付|保障|编制|提交|出具|检测|测量|勘察|鉴定|抢修|排查|整改";
/** …also with the work as the object before its verb: 优先把哈密这批牧业点的房屋测完 (round 23). */
export const WORK_FIRST = `${WORK_VERBS}|(?:采用|引用|使用|选用)[^。；;，,\\n]{0,24}?(?:数据|资料|因子|参数|记录|气象站|监测站|水文站|成果|标准|规范)|(?:把|将)[^。；;，,\\n]{0,24}?(?:${WORK_VERBS}|测完|做完|干完|弄完|搞完|测了|做了|完工|收尾)`;

export const SEATS_NOT_BIDDING_ZH =
  "^(?!.*(?:不得|不能|不予|不可|无法|不再|取消)(?:报名|参与|参加|投标|报价|响应|受理|资格))(?!.*(?:方可|才能|才可)(?:报名|参与|参加|投标|报价|响应))(?!.*(?:邀请|允许)[^，。]{0,6}?(?:报价|投标|提交|参与比选))[^]*?(?:会场|座位|席位|车位|大巴|班车|乘车|交流会|培训会|座谈会|茶歇|午餐|住宿|房间)";
export const SEATS_NOT_BIDDING_EN =
  "^(?!.*\\b(?:(?:may|shall|will|can)\\s*not|cannot)\\s+(?:bid|submit|respond|tender|participate|apply)\\b)(?!.*\\bonly\\s+(?:those|these|such|the\\s+admitted)\\s+(?:[\\w-]+\\s+)?(?:may|can|will|shall)\\s+(?:bid|submit|respond|tender|participate|apply)\\b)(?!.*\\b(?:invited|allowed|permitted|eligible|entitled)\\s+to\\s+(?:submit|bid|quote|tender|respond|participate)\\b)[^]*?\\b(?:seats?|bus|coach|tour|parking|venue|room|lunch|workshop|seminar)\\b";

/**
 * "Up to three firms may be shortlisted for interview based on their scores" (round 130): the client picking among all
 * who responded, not a cap on who may respond — unless the pick is by lot or by order of arrival.
 */
const PICKED_ON_MERIT_EN =
  "(?!\\s+(?:will|shall|may|can|would)\\s+(?:then\\s+|finally\\s+|eventually\\s+)?be\\s+(?:short-?listed|selected|chosen|appointed|engaged|awarded|ranked|recommended)\\b(?![^.;\\n]{0,60}\\b(?:lot|lots|lottery|ballot|draw|drawn|random|randomly|first[\\s-]come|first[\\s-]served|first\\s+to|order\\s+of|earliest)\\b))";

/**
 * 中选机构如在项目所在地以外注册，须按规定办理跨区域涉税事项报验 (round 130): the tax formality the law asks of a winner
 * registered elsewhere, after the award — no bar to taking part, unless the sentence also excludes or confines.
 */
export const TAX_FORMALITY_AFTER_AWARD_ZH =
  "^(?![^]*(?:不得|不予|不接受|不能|仅限|只限|限于|须为|应为|必须为|谢绝|方可|才能))[^]*?(?:中选|中标|成交)[^。；;\\n]{0,40}?(?:跨区域涉税事项|跨区域(?:经营|涉税)(?:事项)?(?:报验|报告)|外出经营活动税收管理|外经证|(?:异地|就地)预缴|(?:税务机关|税务局)(?:预缴|预交)|预缴(?:税款|增值税|企业所得税|所得税)|(?:税务机关|税务局)(?:代开|开具)的?(?:增值税)?(?:专用|普通)?发票)";

/**
 * 接到通知后30分钟内到达现场 — at the project's site or (round 141) the requester's (到达采购人现场、赶到业主单位现场): a
 * response time only a firm next door can keep. Held by review-arrival-time-zh; refused when not promising it shuts a
 * firm out (presence-arrival-condition-zh).
 */
const ARRIVAL_AT_ZH = "(?:采购人|业主|甲方|用户|委托方|招标人|建设单位|使用单位)?(?:单位|方)?(?:项目|工程)?";
const SHORT_ARRIVAL_ZH = `(?<![\\d一二三四五六七八九十两百])(?:(?:[1-9]|[1-9]\\d|1[01]\\d|120)\\s*分钟|半(?:个)?小时|(?:1|2|一|两|二)(?:个)?(?:半)?小时)(?:之)?内[^。；;，,\\n]{0,8}?(?:到达|赶到|抵达|赶赴|到)${ARRIVAL_AT_ZH}(?:现场|工地|场)`;
/** (round 141) 指电话响应，不要求到场: the same sentence says being there in person is not asked. */
const ON_SITE_NOT_REQUIRED_ZH =
  "(?:不要求|无需|无须|不需要?|不必|不用)(?:本人|人员|派员|专人)?(?:到场|到达现场|赶到现场|到现场|赶赴现场|上门)";

/** (round 141) The place's situation, not its rules: 熟悉本地情况、熟悉我区区情民情 (not 熟悉本地地方标准). */
const LOCAL_SITUATION_ZH =
  "(?:情况|实际|实情|区情|县情|市情|镇情|村情|乡情|民情|社情|风土人情|风俗|人文|地理环境|地理|环境(?!保护|影响|监测|标准)|特点)";
/**
 * (round 141) 服务期间如需在本地租用办公场所，费用由中标单位自理: who pays for an office if the winner wants one — no
 * condition of taking part, unless the sentence also excludes, scores or makes it one.
 */
export const OFFICE_COST_IF_NEEDED_ZH =
  "^(?![^]*(?:不予|不得|方可|才能|否则|资格|加分|得分|优先))[^]*?(?:如需|若需|如有需要|确需|需要时)[^。；;\\n]{0,20}?(?:租用|租赁|设立|设置|使用)[^。；;\\n]{0,20}?(?:费用|开支|成本)[^。；;\\n]{0,12}?(?:自理|自行承担|由[^。；;\\n]{0,10}?承担|包含在|计入)";
/** (round 141) A dialect (粤语、温州话、当地方言) — the staff's, in review-dialect-zh. */
const DIALECT_ZH =
  "(?:粤语|广东话|白话|闽南语|闽南话|客家话|潮汕话|潮州话|吴语|沪语|壮语|(?:{PLACE}|当地|本地)(?:话|方言|土话)|方言|本地话|当地话)";
/**
 * 请有意向的外地机构提前办理、外省机构请尽早在平台注册 (round 139): outsiders reminded to take the platform's own steps in good
 * time — not a local licence, branch or filing (外地机构请提前在本市设立分公司), which stays a condition.
 */
export const OUTSIDERS_REMINDED_ZH =
  "(?:外地|外省市|外省|外市|外县|区外|市外|省外|县外)(?:的)?(?:中介)?(?:企业|机构|单位|公司)(?:请|应|可|宜)?(?:尽早|提前|及早|尽快|预留时间)(?:在(?:本|该)?(?:平台|超市|系统|网上|线上|网站)[^。；;，,\\n]{0,6}?)?(?:办理|注册|入驻|申请|登记|完成|准备)(?![^。；;\\n]{0,20}?(?:分公司|分支机构|办事处|工商|营业执照|税务|社保|设立|本地|本市|本区|本县|本省))";

/** …and in English: "Agencies from outside the province should register on the platform early" (round 139). */
export const OUTSIDERS_REMINDED_EN =
  "(?:from\\s+)?(?:outside|other)\\s+[^.;]{0,30}?\\b(?:should|are\\s+(?:advised|encouraged|reminded)\\s+to|may\\s+wish\\s+to|please)\\s+(?:register|sign\\s+up|enrol|apply\\s+for\\s+(?:an?\\s+)?(?:account|ca|digital\\s+certificate))\\b(?![^.;]{0,40}?\\b(?:branch|office|licen[cs]e|incorporat|tax|social\\s+insurance|local))[^.;]{0,30}?\\b(?:platform|online|early|in\\s+advance|in\\s+good\\s+time|supermarket|portal|marketplace)\\b";

const AGENCY =
  "(?:中介服务机构|中介机构|服务机构|机构|企业|单位|公司|供应商|投标人|投标单位|报价人|报价单位|申请人|响应单位|响应人|法人|事务所|设计院|研究院)";
const MUST = "(?:必须|须|需要|需|应当|应|要求|仅限|只限|限于|限|仅|只|方可)";
/** Inside a place: 杭州市内、杭州市范围内、杭州市辖区内、本市行政区域内 (a place's "inside" word, one list for every rule). */
const WITHIN = "(?:行政区域内|行政区划内|辖区范围内|辖区内|范围内|区域内|境内|内)";
/**
 * (round 143) A list whose entries are the OBJECTS of the work, not the bidders: 须对区住建委备选库内项目开展评估、
 * 审计对象为市财政局名单内的50家预算单位 — in a sentence that asks nothing of the bidder (须为、仅限、方可…).
 */
const WORKS_LIST_OBJECTS_ZH =
  "^(?![^]*?(?:须为|需为|应为|必须为|须是|仅限|只限|限于|方可|才可|才能|不得|不予|回避|报名|投标))[^]*?(?:(?:对|针对)[^。；;，,\\n]{0,24}?(?:库|名录|名单|名册|目录)(?:内|中|里)的?[^。；;，,\\n]{0,12}?(?:开展|进行|实施|组织)(?!(?:随机)?(?:抽取|选取|摇号|抽签|比选|遴选|选择|邀请))|(?:审计|检查|调查|评估|抽查|服务|监测|检测|核查|巡查|培训)(?:对象|范围)(?:为|是|包括|系)[^。；;，,\\n]{0,24}?(?:库|名录|名单|名册|目录)(?:内|中|里))";
/** Codes that spell a place: postcode, credit code, licence number, area code, plate. */
const CODE_ZH =
  "(?:邮政编码|邮编|(?:统一)?社会信用代码|信用代码|组织机构代码|营业执照(?:注册)?(?:号码?|编号)|注册号|(?:电话|固话|座机)?区号|车牌(?:号码?)?|号牌)";

export const RULES: Rule[] = [
  // ── Quotas (限额管理) ─────────────────────────────────────────────────────────────
  {
    id: "quota-count-zh",
    category: "quota",
    severity: "refuse",
    article: "PLAN-79-QUOTA",
    pattern: `(?:同一|(?:每一?|任一|单)家(?=[^。；;，,\\n]{0,12}?(?:年度|年内|季度|月内|周期)))(?:家)?(?:中介)?(?:服务)?(?:机构|单位|企业|供应商|公司)(?:在)?(?:{PLACE}|本(?:超市|平台|单位|系统))?(?:范围内|辖区内|内)?(?:本|每|一个|一|同一)?(?:年度|年|自然年|季度|月|周期)?(?:内)?(?:的)?(?:中选|中标|成交|入选|被选取|被选中|选中|承接(?:我单位|本单位|我司|我局|我委|我院|本局|本委|采购人)?(?:的)?项目|承接)(?:项目)?(?:的)?(?:次数|数量|个数|项目数|项目)?(?:原则上)?(?:不得超过|不能超过|不可超过|不应超过|不超过|最多|至多|限)(?:为)?{NUM}(?:次|个|项|单)(?!标段|包|分包|子项|批次)|(?:限{NUM}家|限(?:选|选取|选定|邀请|入围|入驻)(?:{NUM})家(?=[^，,。；;]{0,12}?(?:参与|参加|报名|入围|进入|比选|竞价|投标|报价|竞争|竞选|入驻|入库))|(?<!(?:中选|中标|成交|入围|联合体|成员|分包|候选|选取|选定|确定)[^，,。；;\\n]{0,4})(?:中介|评估|审计|造价|测绘|检测|咨询|设计|监理|代理)?(?:服务)?(?:机构|单位|企业|供应商)(?:的)?(?:数量|家数|总数)(?:原则上)?(?:控制|限制|限定|压缩)(?:在|为)?{NUM}家(?:[（(]含[）)])?(?:以内|之内|以下)(?=[^。；;\\n]{0,16}?(?:超出|超过|多余|其余|以外|之外|不予|不再|截止|停止))|以{NUM}家为限|(?:拟|只|仅)?(?:邀请|接受)(?:前)?{NUM}家|(?:拟|只|仅)?(?:选取|选定|确定)(?:前)?{NUM}家(?=[^，,。；;]{0,12}?(?:参与|参加|报名|入围|进入|比选|竞价|投标|报价|竞争|竞选))|(?:只|仅)(?:接受|邀请|允许|要|限|收)?{NUM}家|(?:只|仅)(?:选取|选|取){NUM}家(?=[^，,。；;]{0,12}?(?:参与|参加|报名|入围|进入|比选|竞价|投标|报价|竞争|竞选))|(?:仅|只)?(?:接受|选取|邀请|允许|确定)?前{NUM}(?:家|名|个(?!工作日|日|自然日|月|小时|星期|周|季度|年度?))|(?<!(?:联合体|分包)[^，,。；;\\n]{0,8}|成员(?:单位)?(?:的)?(?:数量|家数)?)(?<!(?:中选|中标|成交)(?:机构|单位|供应商|人)?(?:数量|家数)?)最多(?:允许|接受|只能|可)?{NUM}家|(?<!(?:不设(?:置)?|不作|无|没有|取消)[^。；;，,\\n]{0,8})(?:数量|家数)上限(?:为)?{NUM}?家?|(?<!(?:联合体|分包)[^，,。；;\\n]{0,8}|成员(?:单位)?(?:的)?(?:数量|家数)?)(?<!(?:中选|中标|成交)(?:机构|单位|供应商|人)?(?:数量|家数)?)不超过{NUM}家|满{NUM}家(?:后|即|为止)?|(?:仅|只有|只)(?:中签|抽中|摇中|入签)(?:的)?(?:单位|机构|企业|供应商|者)?(?:可|方可|才能|才可|能够?|有权)(?:提交|参与|参加|报价|投标|进入|响应)|未(?:中签|抽中|摇中)(?:的)?(?:单位|机构|企业|供应商|者)?(?:不得|不能|不可|无权|不再)(?:参与|参加|提交|报价|投标|进入))|(?:报名|参与|参加|投标|报价|比选)(?:限额|名额|家数上限)(?:限定|限制|设定|设置|控制|确定)?(?:为|在)?[：:]?{NUM}家(?!以上|及以上|或以上)|(?:报名|参与|参加|投标|报价|比选|参选|竞价)(?:的)?(?:中介)?(?:机构|单位|企业|供应商|公司)?(?:数量|家数|总数)(?:原则上)?(?:控制|限制|限定|限|压缩)(?:在|为)?{NUM}家(?:[（(]含[）)])?(?:以内|之内|以下)|(?<!(?:不得|严禁|禁止|不|不再|取消|废止|无需|无须|避免)[^。；;，,\\n]{0,20})(?:机构|单位|企业|公司)(?:的)?(?:数量|家数|总数)?(?:实行|实施|进行|采取|执行|予以)(?:总量控制|数量控制|限额管理|限额准入|名额控制|名额管理|数量限制|总量限制)|(?<!(?:不得|严禁|禁止|不|不再|取消|废止|无需|无须|避免)[^。；;，,\\n]{0,8})(?:实行|实施|执行)(?:中介(?:服务)?机构|机构|中介)(?:数量)?(?:总量控制|数量控制|限额管理|限额准入)|(?:已|曾|已经)(?:在{PLACE})?(?:承接|承担|中选|中标|做|完成)过?(?:(?!本项目|该项目|本工程|本次)[^。；;，,\\n]){0,12}?(?:项目|业务)?的?(?:中介)?(?:机构|单位|企业|公司|事务所)[，,]?(?:本年度|当年度?|年内|本年|今年|同一年度|一年内)(?:内)?(?:不再|不得|不能|不予|不可)(?:再次|再)?(?:参与|参加|报名|中选|承接|投标|报价|受理)|(?:外地|外省|外市|外县|外区|区外|市外|县外|省外|非本地|(?:非|不是)(?:本区|本市|本县|本省|本地))(?:注册)?(?:的)?[\\u4e00-\\u9fa5]{0,8}?(?:机构|单位|企业|公司|事务所|中介)(?:(?!差旅|住宿|踏勘|交通|补贴|报销|人员)[^。；;\\n]){0,24}?(?:不超过|不得超过|最多|至多|上限为?)(?:为)?(?:总数的|总量的|项目总数的)?(?:中选|中标|入选|入围|承接|参与)?{NUM}(?:%|％|成|次|个|家|项)`,
    explain: {
      zh: "不得限定参与的中介机构数量（限额管理）；符合条件的机构均可报名。",
      en: "The number of agencies may not be capped; every eligible agency may take part.",
    },
    matches: [
      // (round 138) a cap on one agency's wins in a year
      "同一机构年度中选不得超过3次（限额管理）",
      // (round 140) those who already did a job here barred for the year; outsiders' share capped
      "已承接过本区安全评价项目的机构本年度不再参与。",
      "外地会计师事务所参与本区审计项目的数量每年不超过总数的30%。",
      "为扶持本地机构，外地地灾评估单位每年度最多中选1次。",
      "本年度已在本区中选过的审计机构，年内不得再次报名。",
      "本项目限5家机构报名",
      "本次只接受3家单位报名",
      "本项目拟邀请3家机构参与",
      "仅接受前三家报名的单位",
      "最多允许8家单位参加比选",
      "报名满3家后系统自动截止报名",
      "拟选取3家机构参与比选",
      "仅选取前5家进入报价环节",
      "本项目报名单位以伍家为限",
      "摇号确定3家，仅中签单位可提交报价文件",
      // (round 130) the number of places 限定为 a number, in Chinese numerals too
      "报名名额限定为叁家，以报名先后为准。",
      "参与名额设定为3家。",
      // (round 131) the number of bidders held within a figure
      "每类服务参与报名的机构数量控制在4家以内，超出部分不再受理。",
      // (round 137) a cap on the agencies without 报名 before it, once the overflow is turned away; one per town
      "补遗：评估机构数量控制在5家以内，超出部分不予受理。",
      "资格审查说明：每个乡镇限选一家测绘机构参与。",
      // (round 139) one agency's wins capped in a place or on the platform
      "同一中介机构在本区一年内中选不得超过2次。",
      "同一机构在本超市一年内中选不超过5个项目。",
      // (round 144) the outsiders' seats capped in a shortlist; a minimum that closes registration is still a cap
      "外地机构最多入围2家，其余名额由本区机构按排名递补。",
      "报名满3家即开展选取，同时停止接收报名。",
    ],
    // a ranking by merit (报价最低的前三名、综合得分排名前5), not by arrival or a cap on who may register
    // (not when the sentence counts who registers first: 前5家报名的机构按得分排序 caps the bidders, then ranks them)
    unless:
      "^(?![\\s\\S]*(?:前[0-9一二三四五六七八九十两]+家(?:报名|提交|响应|递交|参与)|报名的?前[0-9一二三四五六七八九十两]+家|先到先得|先报先得|报名(?:先后)?顺序))[\\s\\S]*(?:(?:确定|选取|选定|选出)[0-9一二三四五六七八九十两]+家[^。；;\\n]{0,8}?(?:入围|中选|中标|成交)(?:单位|机构|供应商|(?:律师|会计师|税务师|资产评估|房地产估价)?事务所|律所|公司|设计院|服务商)|报价最低|价格最低|(?:入围|中选|中标|成交)(?:单位|机构|供应商)?(?:数量|家数)|报名(?:数量|家数|单位数量?)(?:不限|不受限制)|得分(?:最高|前|排名|由高到低|从高到低)|评分(?:最高|排名|前|由高到低|从高到低)|排名(?:第|前)|按[^。；;\\n]{0,6}?(?:得分|评分|分值|报价)[^。；;\\n]{0,6}?(?:排序|排名|高低|由高到低|从高到低)|候选|(?:满|达到)[0-9一二三四五六七八九十两]+家(?:及以上|以上)?(?:的)?(?:即|后|方|才|时)*(?:可|能)?(?:开展|进行|组织|启动|开始|实施)(?:随机)?(?:选取|抽取|评审|比选|开标|竞价|评选)(?![^。；;\\n]{0,20}?(?:截止|停止|不再|关闭|终止|额满)))",
    allows: [
      "本单位内部规定同一机构连续服务不超过三年",
      "同一机构同一年度最多可报名5个项目",
      // (round 140) a conflict of interest on this project, and outsiders' travel
      "已承接本项目施工图设计的单位，本年度不得参与本项目监理比选。",
      "外地机构人员来现场踏勘的差旅费用最多报销2次。",
      "本次为年度服务框架采购，拟确定中选机构不超过4家，中选后按项目轮候分配；报名不限家数。",
      "拟通过公开比选确定3家造价咨询入围单位，入围期两年，具体项目在入围单位中按顺序轮流委托。",
      "拟派项目团队应不少于3人",
      "有效报价不足3家的，本次流标",
      "近三年同类项目不少于2项",
      // (round 144) a minimum before the draw, in a whole notice: 满3家即开展选取, not a cap
      "选取方式为中介超市平台随机抽取，报名单位满3家即开展选取，不足3家的重新发布。",
      "报名单位满五家后方可组织评审。",
      "报价最低的前三名进入评审",
      // the number of winners, not of bidders
      "本项目拟选取1家中介机构，选取方式为最低价法。",
      "本次确定1家中选机构。",
      // (round 130)
      "报名家数不足3家的，重新组织比选。",
      "中选机构数量控制在2家以内。",
      // (round 132) a consortium's members counted, not the bidders
      "本项目接受联合体报名，联合体成员不超过2家，牵头方须具有相应资质。",
      // (round 139) the winners named by their trade; registrations not capped
      "本次拟通过比选选取3家入围律师事务所，入围后按轮候分配任务。",
      "同一机构在本区一年内报名不限次数。",
    ],
  },
  {
    id: "quota-first-come-zh",
    category: "quota",
    severity: "refuse",
    article: "PLAN-79-QUOTA",
    pattern: `(?:(?:共|仅|只|限){NUM}个名额|锁定名额|(?<!(?:中选|中标|成交|采购|入选|获选)(?:机构|单位|供应商|人)?)名额(?:为|共){NUM}(?!家?(?:中选|中标|成交|入选)(?:机构|单位|供应商|人)?)|(?:达到|满|够){NUM}家(?:即|后|时)?(?:停止|截止|关闭)|(?:收到|收满|受理|接收|接到)(?:第)?{NUM}家(?:机构|单位)?(?:的)?(?:报名|申请|响应)?(?:后|时|即)[^。；;，,\\n]{0,8}?(?:自动)?(?:关闭|截止|停止|不再)|(?:已有|已达|达到|满|够|超过)(?:到)?{NUM}家[^。；;]{0,16}?(?:提前)?(?:终止|停止|截止|关闭|结束)(?:报名|受理|接收)|先到先得|名额有限|额满为止|报满即止|满额即止|满即止|(?<!(?:不得|严禁|禁止|不再|取消|废止|避免|不实行|不搞|不采用|不采取)[^。；;，,\\n]{0,16})(?:限额制|限额管理)|按报名(?:时间)?(?:的)?(?:先后|顺序)(?:顺序)?(?:确定|选取|入围|确认)|满额(?:后|即|时)?[^。；;]{0,12}?(?:关闭|停止|截止|结束)(?:报名)?)|手快有手慢(?:没有|无)|(?:超出|超过|超额)(?:的)?名额(?:的)?(?:报名|单位|机构)?[^。；;\\n]{0,6}?(?:无效|作废|不予受理|不受理|自动作废)|按(?:平台|系统|网上)?报名(?:时间)?(?:的)?(?:先后|顺序|排序)(?:顺序)?[，,]?(?:取|选取|确定|接受)前{NUM}|(?:仅|只)?(?:取|选取|接受|确定|受理)(?:最先|最早|率先)[^。；;，,\\n]{0,12}?(?:的)?(?:前)?{NUM}家`,
    explain: {
      zh: "不得以报名先后或名额限制排除机构。",
      en: "Agencies may not be excluded by order of registration or by a limited number of places.",
    },
    matches: [
      "报名先到先得，名额有限",
      "名额有限，额满为止",
      "报名采取限额制，满即止",
      "报名机构达到4家即停止报名",
      "每家机构报名后即锁定名额，共3个名额",
      "按报名先后顺序确定前10家入围",
      "若已有5家单位报名成功，本项目将提前终止报名。",
      "按报名时间先后顺序确认，满额后系统自动关闭报名通道",
      "报名单位超过3家时，仅取最先提交报名资料的3家进行综合评分，其余不予评审。",
      // (round 131) the door shut after the Nth registration
      "报名通道将在收到第6家报名后自动关闭。",
    ],
    // seats in a meeting room or on a bus, not places among the bidders — unless missing it shuts a firm out; and
    // 中选名额为2家（分两个标段）: the winners are counted, not the bidders
    unless: `${SEATS_NOT_BIDDING_ZH}|(?:中选|中标|成交|入选)名额(?:为|共)`,
    allows: [
      "本项目中选名额为2家（分两个标段，每标段1家），同一单位最多中选1个标段。",
      "报名截止后按报价由低到高排序",
      "报名单位不足3家的，终止本次选取。",
      "踏勘当天统一乘车，大巴座位名额有限，先到先得，未乘车的可自行前往。",
      // (round 130) the number of winners, not of bidders
      "本次采购名额为1家中选机构。",
      "中选名额为2家，报名家数不限。",
      "收到报名后，平台将在1个工作日内完成资料审核。",
    ],
  },
  {
    id: "quota-en",
    category: "quota",
    severity: "refuse",
    article: "PLAN-79-QUOTA",
    pattern: `\\b(?:close|closes|closed|closing|end|ends|stop|stops|lock|locks|shut|shuts)\\b[^.;\\n]{0,30}?\\b(?:once|when|after|as\\s+soon\\s+as)\\s+the\\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|twelfth|fifteenth|twentieth|\\d+(?:st|nd|rd|th))\\s+(?:[\\w-]+\\s+){0,2}?(?:firm|bidder|agency|applicant|company|supplier|consultant|registrant|participant|vendor|tenderer|application|registration|submission|response)\\s+(?:has\\s+(?:been\\s+)?)?(?:registered|applied|signed\\s+up|enrolled|submitted|bid|responded|joined|received|accepted)|\\b(?:only\\s+(?:take|accept|consider|admit|invite|keep|register)|(?:take|accept|consider|admit|invite|register)\\s+only)\\s+the\\s+first\\s+{ENUM}\\b(?!\\s+(?:days?|weeks?|months?|years?|pages?|hours?|minutes?|items?|chapters?|copies|questions?|lines?|words?|rounds?|phases?|stages?)\\b)|(?<!\\b(?:each|per|every)\\b[^.;\\n]{0,30})\\b(?:a\\s+)?maximum\\s+of\\s+{ENUM}(?:\\s*\\(\\d+\\))?\\s+(?:applications|registrations|submissions|responses|bids|proposals|tenders|quotations|expressions\\s+of\\s+interest|sign-?ups)\\s+(?:will|shall|can|may)\\s+be\\s+(?:accepted|admitted|received|considered|registered|processed|taken)\\b(?![^.;\\n]{0,30}\\b(?:per|from\\s+each|from\\s+any\\s+(?:one|single)|from\\s+the\\s+same)\\b)|\\b(?:applications?|registrations?|submissions?|bids?|proposals?|responses?|firms?|agencies|bidders?|applicants?)\\b[^.;\\n]{0,40}?\\bfirst[\\s-](?:received|registered|submitted|arrived|in)(?:,?\\s*first[\\s-][\\w-]+)?\\s+basis\\b|\\b(?:a\\s+maximum\\s+of|no\\s+more\\s+than|not\\s+more\\s+than|at\\s+most)\\s+{ENUM}\\s*(?:\\(\\d+\\)\\s*)?(?:bidders|firms|agencies|companies|applicants|consultants|consultancies|practices|organi[sz]ations|entities|tenderers|respondents|vendors|suppliers)\\s+(?:may|can|will\\s+be\\s+(?:allowed|permitted)\\s+to|(?:are|will\\s+be|shall\\s+be)\\s+(?:allowed|permitted|eligible)\\s+to)\\s+(?:obtain|register|submit|participate|apply|bid|respond|take\\s+part)|\\baccept\\s+(?:registrations|applications|bids|submissions|proposals|responses)\\s+from\\s+(?:no\\s+more\\s+than|not\\s+more\\s+than|at\\s+most|a\\s+maximum\\s+of|only)\\s+(?:the\\s+first\\s+)?{ENUM}\\s*(?:\\(\\d+\\)\\s*)?(?:bidders|firms|agencies|companies|applicants|consultants|vendors|suppliers)|\\blimit(?:ed)?\\s+(?:to\\s+)?{ENUM}\\s+(?:agencies|firms|companies|applicants|bidders|suppliers|consultants)\\s+(?:to\\s+)?(?:register|apply|bid|sign\\s+up|join)|\\bfcfs\\b|\\b(?:fastest|earliest|quickest)\\s+{ENUM}\\s+(?:[\\w-]+\\s+)?(?:can|may|will|could)\\s+(?:join|register|apply|bid|participate|enter)|\\b(?:close|closes|closed|end|ends|stop|stops|lock|locks)\\b[^.;\\n]{0,20}?\\b(?:once|when|as\\s+soon\\s+as|after)\\s+(?:the\\s+first\\s+)?{ENUM}\\s+(?:\\(\\d+\\)\\s+)?(?:[\\w-]+\\s+)?(?:firms|bidders|agencies|applicants|companies|suppliers|consultants|registrants|participants|vendors)\\s+(?:have\\s+|has\\s+)?(?:registered|applied|signed\\s+up|enrolled|submitted|bid|responded|joined)|\\b(?:lock|locks|locked|close|closes|closed)\\s+after\\s+{ENUM}\\s+(?:agencies|firms|companies|applicants|bidders|registrations|sign-?ups)|\\b(?:sign[\\s-]?up|registration|applicant|agency|bidder|firm|participant)s?\\s+(?:number|quantity|amount|count)\\s+(?:is|are|will\\s+be)?\\s*limit(?:ed)?\\s+(?:to|within|at)\\s+{ENUM}|\\bwhen\\s+(?:it\\s+is\\s+|it's\\s+)?full,?\\s+(?:then\\s+)?(?:stop|close|end)s?\\s+(?:the\\s+)?(?:sign[\\s-]?up|registration|application)|\\b(?:close|closes|closed|stop|stops|end|ends)\\s+(?:automatically\\s+)?(?:once|when|as\\s+soon\\s+as)\\s+the\\s+number\\s+of\\s+(?:registrants|applicants|bidders|firms|agencies|applications|registrations|participants)\\s+(?:reaches|hits|exceeds)\\s+{ENUM}|\\bonly\\s+{ENUM}\\s+(?:[\\w-]+\\s+)?(?:slots?|places?|spots?|positions?|openings?)\\s+(?:are\\s+|is\\s+)?(?:available|open|offered)|\\bonce\\s+(?:full|filled)[,\\s]+(?:the\\s+)?(?:sign-?ups?|registrations?|applications?|enrol?ments?)\\s+(?:is|are|will\\s+be)\\s+closed|(?:first[\\s-]come,?\\s*first[\\s-]served|places are limited|limited places|(?:only\\s+)?the first {ENUM}(?:\\s+\\w+)?\\s+(?:applicants|bidders|firms|agencies|registrants|companies|respondents|submissions|registrations|responses|entries|applications)|(?<!\\b(?:points?|marks?|pts|scores?|scored)\\b[^.;]{0,20})capped at {ENUM}|cap of {ENUM}\\s+(?:agencies|firms|bidders|applicants|companies|suppliers)|only {ENUM}\\s+(?:agencies|firms|bidders|applicants|companies|suppliers)|invite\\s+(?:only\\s+)?{ENUM}\\s+(?:agencies|firms|bidders|companies|suppliers)|(?<!\\b(?:select|short-?list|short\\s+list|choose|appoint|award\\s+(?:contracts?\\s+)?to)\\s)up to {ENUM}\\s+(?:agencies|firms|bidders|applicants|companies|suppliers)${PICKED_ON_MERIT_EN}|\\bonly\\s+the\\s+first\\s+{ENUM}\\s+(?:expressions\\s+of\\s+interest|eois?|proposals|bids|quotations|quotes|tenders|offers)\\b|\\bthe\\s+first\\s+{ENUM}\\s+(?:expressions\\s+of\\s+interest|eois?|proposals|bids|quotations|quotes|tenders|offers)\\s+(?:received|submitted|lodged)\\s+(?:will|shall)\\s+(?:only\\s+)?be\\s+(?:considered|accepted|evaluated|opened)|\\bmax(?:imum)?\\.?\\s+(?:of\\s+)?{ENUM}\\s+(?:[\\w-]+\\s+)?(?:agencies|firms|bidders|tenderers|applicants|companies|suppliers|consultants|vendors)${PICKED_ON_MERIT_EN}|\\b(?:registration|sign-?ups?|applications?|submissions?)\\s+(?:\\w+\\s+){0,2}?(?:closes?|closed|stops?|ends?)\\s+(?:\\w+\\s+)?once\\s+(?:full|filled|the\\s+(?:quota|limit|cap)\\s+is\\s+reached)|(?:a\\s+)?maximum of {ENUM}\\s+(?:\\w+\\s+)?(?:agencies|firms|bidders|applicants|companies|suppliers)${PICKED_ON_MERIT_EN}|limited to {ENUM}\\s+(?:agencies|firms|bidders|applicants|companies|suppliers)|(?:closes|close|closed)\\s+once {ENUM}\\s+(?:agencies|firms|bidders|applicants|companies)|(?:no|not)\\s+more\\s+than\\s+{ENUM}(?:\\s*\\(\\d+\\))?\\s+(?:[\\w-]+\\s+)?(?:agencies|firms|bidders|tenderers|applicants|companies|consultants|suppliers|respondents|vendors)${PICKED_ON_MERIT_EN}(?=\\s+(?:[\\w-]+\\s+){0,3}?(?:(?:will|shall|may|can)\\s+(?:be\\s+)?|are\\s+)?(?:admitted|accepted|invited|allowed|considered|shortlisted|permitted|register|bid|apply|participate|tender|take\\s+part)\\b)|\\bselect\\s+{ENUM}\\s+(?:[\\w-]+\\s+)?by\\s+(?:ballot|lot|lottery|draw|drawing\\s+lots)\\s+from\\s+(?:among\\s+)?(?:those|the\\s+(?:firms|applicants|registrants|bidders|tenderers))|(?:number|quantity|amount)\\s+of\\s+(?!(?:winning|successful|selected|contracted|appointed|awarded|winners|awards|contracts|lots)\\b)(?:[\\w-]+\\s+){0,3}?(?:is|are|will\\s+be|shall\\s+be)\\s+(?:limited|capped|restricted)\\s+(?:in|to|at)\\s+{ENUM}|(?:determined?|selected|decided|confirmed|admitted)\\s+(?:according\\s+to|by|in)\\s+the\\s+(?:time|order|sequence)\\s+of\\s+(?:registration|application|submission|sign-?up)|(?:once|after|when)\\s+{ENUM}\\s+(?:[\\w-]+\\s+){0,2}?(?:agencies|firms|bidders|applicants|companies|consultants|suppliers)\\s+(?:have|has)\\s+(?:registered|applied|signed up|enrolled|submitted)|\\b(?:registration|sign-?ups?|applications?|submissions?|enrol?ment)\\s+(?:[\\w-]+\\s+){0,8}?(?:closes?|closed|stops?|ends?|shuts?)\\s+(?:[\\w-]+\\s+)?(?:once|when|after|as soon as)\\s+{ENUM}(?:\\s*\\(\\d+\\))?\\s+(?:[\\w-]+\\s+){0,4}?(?:have|has)\\s+(?:been\\s+)?(?:received|verified|accepted|submitted|registered|lodged)|\\bonly\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?(?:firms?|bidders?|agencies|applicants|companies|suppliers|registrants|consultants|tenderers)\\s+(?:drawn|selected|picked|chosen)\\s+(?:by|in|through|at)\\s+(?:the\\s+|a\\s+)?(?:lot|lots|lottery|ballot|random\\s+draw|draw))|\\bclos(?:e|es|ed|ing)\\s+(?:as\\s+soon\\s+as|once|when)\\s+(?:we\\s+have\\s+|it\\s+has\\s+)?(?:received|reached|got|collected)\\s+{ENUM}(?:\\s*\\(\\d+\\))?\\s+(?:registrations|applications|responses|submissions|bids|quotes|quotations|sign-?ups)|\\b(?:accepted|considered|processed|admitted|registered|taken|handled)\\s+in\\s+(?:the\\s+)?order\\s+(?:of|they\\s+are)\\s+(?:receipt|arrival|registration|submission|received|submitted)\\b[^.;\\n]{0,40}?\\b(?:until|up\\s+to|maximum\\s+of|max\\.?)\\s+(?:a\\s+maximum\\s+of\\s+)?(?:the\\s+)?{ENUM}\\b|\\buntil\\s+{ENUM}\\s+(?:[\\w-]+\\s+){0,2}?(?:firms|agencies|bidders|applicants|companies|suppliers|consultants|tenderers|participants)\\s+(?:have|has)\\s+(?:registered|applied|signed\\s+up|enrolled|responded|submitted)\\b`,
    explain: {
      zh: "不得限定参与的中介机构数量（限额管理）。",
      en: "The number of agencies may not be capped (quota management is forbidden).",
    },
    matches: [
      "Applications will be accepted in order of receipt until four agencies have registered, then ranked by score.",
      "Expressions of interest are considered in the order they are received, up to a maximum of five.",
      "Registration will close once five firms have registered, regardless of the published deadline.",
      "The School will accept registrations from no more than four (4) firms.",
      "A maximum of five (5) Bidders may obtain the RFQ documents.",
      "RFQ for 应急预案编制: limit 4 agencies to register, FCFS.",
      "System will lock after 4 agencies 报名，so fastest 4 can join.",
      "Sign up agency number is limit to 4, when full then stop the sign up.",
      "Only three agency slots are available for this request; once filled, sign-up is closed.",
      "Only the first 5 applicants will be accepted.",
      "Places are limited; first come, first served.",
      "A maximum of three agencies may register",
      "Limited to 4 bidders.",
      "close after the first ten submissions",
      "Up to 6 agencies may apply.",
      "Only 3 agencies will be invited to quote.",
      "Participation capped at five firms.",
      "Max. 5 agencies allowed to register; registration closes automatically once full.",
      "Due to limited venue capacity, only the first 6 firms to register will be invited to submit proposals.",
      "Registration will close early once 6 qualified firms have registered.",
      "The quantity of participate agency is limited in 3, determine according to the time of registration",
      "Not more than five (5) tenderers shall be admitted to the tender process; should more than five firms register, the Employer shall select five by ballot from among those registered.",
      "Registration closes automatically once five sets of credentials have been received.",
      "registration will close once four (4) valid applications have been received.",
      "Only the firms drawn by lot may submit a quotation.",
      // (round 128) an ordinal, the first N taken, applications counted, a first-received basis
      "Registrations will close once the eighth eligible firm has signed up.",
      "We'll only take the first three that reply in this group.",
      "Please note that a maximum of five applications will be accepted.",
      "Applications will be accepted on a first-received basis until three qualified firms are confirmed.",
      // (round 129) the first N expressions of interest
      "Only the first 6 expressions of interest received will be considered; the rest will be returned unopened.",
      "The first ten proposals received will be evaluated.",
      // (round 130) …but a shortlist by arrival is still a cap
      "No more than four firms will be shortlisted, on a first-come, first-served basis.",
      // (round 131) consultancies permitted to submit
      "A maximum of four consultancies will be permitted to submit proposals; further registrations will be rejected.",
      // (round 143) the number of those taking part, not of the winners
      "The number of participating agencies is limited to five.",
    ],
    // seats on a bus or in a room, not places among the bidders — unless missing it shuts a firm out
    unless: SEATS_NOT_BIDDING_EN,
    allows: [
      // (round 143) the number of winners, not of bidders
      "The number of winning bidders is limited to three.",
      "The team must have at least 3 members.",
      "The first payment is 30%.",
      "If fewer than three firms have registered when the deadline passes, the deadline will be extended.",
      "The site tour bus has 20 seats, first come first served. Firms that cannot join the tour may still submit.",
      "If not more than two firms submit, the procurement will be re-advertised.",
      "A maximum of five pages per CV will be accepted.",
      "A maximum of two proposals will be accepted from each firm.",
      "We will only consider the first three years of operation.",
      "Registration closes once the third working day has passed.",
      // the client picking the best among all who respond, not a cap on who may respond
      "Shortlisting: the client will select up to five firms on technical merit for interview.",
      // (round 130) the pick after the evaluation, with the verb after the number
      "Up to three firms may be shortlisted for interview based on their evaluation scores.",
      "A maximum of three firms will be shortlisted on technical merit.",
      "Following evaluation, no more than three consultancies will be invited to present their approach.",
      // (round 132) the client's short-list, hyphenated
      "The client will short-list up to three firms from all proposals received and interview them.",
    ],
  },
  {
    // (round 139) A share of the work or of the places kept for the local agencies, or capped for outsiders: 选取本地中介机构
    // 的比例不低于60%、本次抽取3家，其中至少2家为本市机构、预留6个项目仅供本区中小中介机构报名、外省机构承接比例不超过20%.
    // A share kept for small firms (预留30%的份额给小微企业) or for a qualification (其中不少于3家具有甲级资质) names no place.
    id: "quota-local-share-zh",
    category: "quota",
    severity: "refuse",
    article: "PLAN-79-QUOTA",
    pattern: `{PLACE}(?:注册)?的?(?:中介)?(?:服务)?(?:机构|单位|企业|公司|供应商|事务所)(?:的)?(?:承接|中选|中标|选取|入选|参与|委托|报名|所占|占)(?:的)?(?:项目)?(?:比例|比重|占比|份额|数量|家数|个数)[^。；;，,\\n]{0,6}?(?:不低于|不少于|不得低于|不得少于|应达到|须达到|达到|至少|不超过|不得超过|最多|控制在|原则上)|(?:选取|抽取|选择|委托|聘请|使用|选用)[^。；;，,\\n]{0,4}?{PLACE}(?:注册)?的?(?:中介)?(?:服务)?(?:机构|单位|企业|公司|供应商|事务所)的?(?:比例|比重|占比|份额|数量|家数)|(?:至少|不少于|不低于|不得少于|最少|最多|不超过|须有|应有)(?:{NUM}家|{NUM}(?:%|％)|一半|半数)(?:以上)?(?:须|应|必须|要)?(?:为|是|系|属于|来自){PLACE}(?:注册)?的?(?:中介)?(?:服务)?(?:机构|单位|企业|公司|供应商|事务所)|至少(?:确定|选取|选定|安排|分配|保留|包含|包括|选择)?{NUM}家{PLACE}(?:内)?(?:注册)?的?(?:中介)?(?:服务)?(?:机构|单位|企业|公司|供应商|事务所)|(?:其中|当中|中)[，,]?{PLACE}(?:注册)?的?(?:中介)?(?:服务)?(?:机构|单位|企业|公司|供应商|事务所)(?:须|应)?(?:不少于|不低于|至少|不超过|最多|不得超过|不得少于){NUM}家|(?:预留|留出|单列|划出|专门安排)[^。；;，,\\n]{0,10}?(?:仅|只|专门)?(?:供|给|面向|用于|留给|由){PLACE}[^。；;，,\\n]{0,8}?(?:中介)?(?:服务)?(?:机构|单位|企业|公司|供应商|事务所)|(?:外地|外省市|外省|外市|外县|区外|市外|省外|县外|非本地)(?:的)?(?:入驻)?(?:中介)?(?:服务)?(?:机构|单位|企业|公司|供应商|事务所)[^。；;\\n]{0,16}?(?:承接|中选|中标|承担)[^。；;，,\\n]{0,10}?(?:比例|份额|数量|项目数?|次数)?[^。；;，,\\n]{0,4}?(?:不超过|不得超过|最多|至多)`,
    explain: {
      zh: "不得为本地机构保留份额、名额或比例，也不得限定外地机构承接的数量或比例。",
      en: "No share, number or proportion of the work may be kept for local agencies, nor outsiders' share capped.",
    },
    matches: [
      "本年度本单位中介服务项目中，选取本地中介机构的比例不低于60%。",
      "本次抽取3家，其中至少2家为本市机构。",
      "本批次10个项目中，预留6个项目仅供本区中小中介机构报名。",
      "全年委托的评估项目中，本地机构承接比例不得低于50%。",
      "本次随机抽取5家，其中本区机构不少于3家。",
      "本次评审选取的3家候选机构中，本地机构不少于2家。",
      // (round 144) the locals' share of the shortlist, and a local winner in every lot
      "入围名单中本区机构所占比例不低于50%。",
      "每个标段至少确定一家区内单位作为中选单位。",
    ],
    allows: [
      "本批次预留3个标段专门面向中小企业。",
      "本次随机抽取5家，其中不少于3家具有甲级资质。",
      "本项目预留30%的份额给小微企业。",
      "本地机构与外地机构的报名数量均不设限制。",
      // a count of the bidders reported, the objects of the work
      "报名情况：共5家机构报名，其中2家为本市机构，3家为外地机构。",
      "服务内容：对本区企业数量不少于200家的园区开展营商环境调查。",
    ],
  },
  {
    // (round 139) the same in English: "No more than one out-of-province agency may be selected in each lot", "At least two of
    // the three selected firms shall be local", "Out-of-province agencies may win no more than 30% of the assignments"
    id: "quota-local-share-en",
    category: "quota",
    severity: "refuse",
    article: "PLAN-79-QUOTA",
    pattern: `\\b(?:no\\s+more\\s+than|not\\s+more\\s+than|at\\s+most|a\\s+maximum\\s+of|at\\s+least|no\\s+fewer\\s+than|no\\s+less\\s+than|not\\s+less\\s+than|a\\s+minimum\\s+of)\\s+(?:{ENUM}|\\d+\\s*(?:%|percent))\\s+(?:of\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,3}?)?(?:out-of-(?:province|town|state|city|county|district|area)|non-?local|local|in-district|other-province|outside)\\s+(?:[\\w-]+\\s+)?(?:agenc(?:y|ies)|firms?|bidders?|consultants?|compan(?:y|ies)|suppliers?)\\b|\\b(?:out-of-(?:province|town|state|city|county|district|area)|non-?local|outside)\\s+(?:[\\w-]+\\s+)?(?:agenc(?:y|ies)|firms?|bidders?|consultants?|compan(?:y|ies)|suppliers?)\\s+(?:may|can|shall|will)\\s+(?:only\\s+)?(?:win|be\\s+awarded|take|receive|be\\s+selected\\s+for)\\s+(?:no\\s+more\\s+than|at\\s+most|up\\s+to|a\\s+maximum\\s+of)\\b|\\b(?:at\\s+least|no\\s+fewer\\s+than|a\\s+minimum\\s+of)\\s+{ENUM}\\s+of\\s+the\\s+(?:[\\w-]+\\s+){0,3}?(?:firms|agencies|bidders|consultants|companies|suppliers)\\s+(?:[\\w-]+\\s+){0,3}?(?:shall|must|will|should)\\s+be\\s+(?:local|in-district|(?:based|registered|located)\\s+in\\s+(?:the\\s+)?{EN}|from\\s+(?:the\\s+)?{EN})`,
    explain: {
      zh: "不得为本地机构保留份额、名额或比例，也不得限定外地机构承接的数量或比例。",
      en: "No share, number or proportion of the work may be kept for local agencies, nor outsiders' share capped.",
    },
    matches: [
      "No more than one out-of-province agency may be selected in each lot.",
      "At least two of the three selected firms shall be local agencies registered in the city.",
      "Out-of-province agencies may win no more than 30% of the assignments this year.",
    ],
    allows: [
      "At least two of the three selected firms shall hold Class A qualifications.",
      "No more than one proposal per firm will be accepted.",
      "Local and out-of-province agencies may both apply; no share is reserved for either.",
    ],
  },
  // ── Pre-qualified pools (入库/名录/短名单) ────────────────────────────────────────
  {
    id: "pool-zh",
    category: "pool",
    severity: "refuse",
    article: "PLAN-79-DESIGNATION",
    pattern: `{DEPT}(?:\\d{4}(?:\\s*[-—–~至到]\\s*\\d{4})?年度?)(?:入围|入库|遴选)(?:的)?[\u4e00-\u9fa5]{0,4}?(?:供应商|机构|单位|事务所)|{DEPT}(?:\\d{4}(?:\\s*[-—–~至到]\\s*\\d{4})?年度?)?(?:公开)?(?:征集|遴选|招募|比选|招标)(?:确定|产生|选定)的(?:入围|入库|备选)(?:的)?(?:供应商|机构|单位|事务所)|未(?:在|入|列入|纳入|进入|入选)(?![^。；;，,\\n]{0,24}?(?:失信|黑名单|异常|违法|违规|处罚|严重|(?:平台|超市|系统)(?:的)?(?:机构|中介|服务)?(?:库|名录库)))(?=(?<=未(?:在|入|列入|纳入|进入|入选))[省市区县州](?![内外])|[^。；;，,\\n]{0,24}?(?:[\\uE000\\uE001]|[省市区县州](?:级|库)|[“「"]|局|委员会|委|厅))[^。；;，,\\n]{0,24}?(?:名单|名录|名册|目录|库)[”」』"]?(?:内|中|里)?的?(?:机构|单位|企业|供应商|公司)?[，,]?[^。；;\\n]{0,8}?(?:不予|不得|不能|不再|无法|谢绝|不接受|不邀请|回避)|(?:(?<!(?:成果|数据|资料|图件|档案|数字化|结果|样品|图纸|报告|冻品|货物|物资|产品|商品|原料|药品|器材|项目|工程)[^。；;，,\\n]{0,4}|提交|汇交|归档|上传|报送|录入|库|库房|仓)(?:已|未)?入库(?![资材文数档]|说明|所需|格式|工作|归档|保存|存放|存档|存储|留存|保管|备查|检查|质检|验收|流程|要求|标准|规范|台账|单(?!位)|出库|项目|登记|方案|服务(?!机构|单位|商|企业|供应商)|检验|检测|抽检|抽样|复检|to ?(?:the )?(?:warehouse|store)|前|后(?!方可|才能|才可|方能|可(?:参与|报名|参加))|专家|评委|评审专家|至(?:(?!机构|中介|供应商|单位|企业)[^。；;\\n]){0,30}?(?:库|系统|平台))(?!的?(?:资料|档案|样品|物资|材料|文件|数据|成果|图纸|水样|土样|样本|标本|危废|废物|固废|物料|货物|药品|试剂|设备))(?!的?[0-9一二三四五六七八九十百千两]+(?:个|项|批|件|宗|条|份|处|座|户|台|套|块)|的?(?:政府投资|投资|建设|储备|重点|在建)?(?:项目|工程)(?!管理单位|单位|机构))(?:单位|机构|企业)?|在库(?:单位|机构|企业)|(?:中介|咨询|服务|供应商|造价|评估)[\u4e00-\u9fa5]{0,6}(?<![对向就]|针对|面向)(?:名录|名单)(?:库)?(?:中|内|里)|备选库|名录库|(?:须|需|应(?!急)|必须|仅限|只限|限)(?![^。；;，,\\n]{0,12}?(?:对|针对|就)[^。；;\\n]{0,40}?(?:名录|名单|名册|目录)(?:中|内|里)的?(?:单位|机构|企业|供应商|经营者|商户|场所)[^。；;\\n]{0,16}?(?:开展|进行|实施|组织|检查|核查|排查|评估|审计|监测|抽查|走访|调查|核实|巡查|培训|指导|服务))(?:为|是)?[^。；;\\n]{0,40}?(?:名录|名单|名册|目录)(?:[（(][^）)]{0,10}[）)])?[》」』”]?(?:中|内|里)的?(?:单位|机构|企业|供应商)|预选(?:供应商)?库|(?:中介|咨询|服务|供应商|造价|评估|代理|机构)[\\u4e00-\\u9fa5]{0,6}(?<![仓车冷水书金血题油料]|专家|项目|(?:资料|数据|信息|档案|成果)入)库|(?:已|签订|签署|持有|具有|现有|原有)[^。；;，,\\n]{0,8}框架协议|框架协议(?:的)?(?:机构|单位|供应商|服务商)(?:中|内|范围)|短名单|备选名单|入围{G12}库|(?<!(?:专家|评委|评审)[^。；;，,\\n]{0,8})(?:只能|只|仅|必须|须|限)(?:从|在)[^。；;，,\\n]{0,8}?(?:panel|shortlist|short ?list|roster|pool|approved ?list|whitelist)(?:里|中|内|上)(?:选|挑|抽|找)|(?<=(?:须|需|应|必须|仅|只|限)(?:为|是)?[^。；;，,\\n]{0,40})(?:框架协议|协议)(?:的)?入围(?:的)?(?:供应商|机构|单位|服务商)|(?:协议供货|定点)(?:商|机构|单位|供应商)(?:名单)?|备选(?:机构|单位|供应商)?名单|(?<=(?:须|需|应|必须|仅|只|限|从|属于|系|是|非|已|原|现有)[^。；;，,\\n]{0,12})入围(?:的)?(?:供应商|机构|单位|(?:律师|会计师|税务师|资产评估|房地产估价)?事务所|律所|设计院|服务商)|入围(?:的)?(?:供应商|机构|单位)(?=[^。；;\\n]{0,12}?(?:方可|才能|才可|方能|(?:中|内)(?:择优|选取|选定|抽取|选择|轮流|随机|确定|邀请|产生))))|(?<!不(?:要求|需|须|必)[^。；;\\n]{0,8}){PLACE}{G16}(?:协会|学会|商会|联合会|促进会)[^。；;\\n]{0,8}?(?:会员|理事|常务理事|副会长)(?:单位)?(?:证书|证明|资格|身份)|(?:优选|入围|备选|推荐|预选|合格|短)(?:名录|名单|名册|库)[》」』”]?(?:内|中)?的?(?:企业|单位|机构|供应商|成员|律所|律师事务所|事务所|公司)|(?:已|须|需|应|必须)?(?:列入|纳入|进入|入选|已经入了|入了)[^。；;\\n]{0,30}?(?:入围|备选|预选|推荐|合格|短)(?:名单|名录|库)|(?:列入|纳入|进入|入选|入驻|在)《?(?:(?:\\d{4}|[〇零一二三四五六七八九]{4})(?:[—–-](?:\\d{4}|[〇零一二三四五六七八九]{4}))?年度?)?(?:省|市|区|县|州|盟|旗)级[^。；;，,\\n]{0,10}?(?:机构|单位|企业|中介|供应商|服务商)[^。；;，,\\n]{0,4}?(?:名录|名单|目录|库)`,
    // the winner's details recorded after the award (中选机构应…完成入库登记; 中选机构信息将录入本平台服务评价库), a list this
    // competition itself builds (通过本次比选选取3家…组成备选名单), reports uploaded to a database (入库要求：检测报告须上传至…数据库)
    unless:
      // (round 139) the platform the request is posted on, named by its place (须已在云南省网上中介服务超市入库): open to agencies
      // from anywhere, so signing up there is no pool — not in a sentence that also names a department's list, a time on the
      // platform or a local condition (须已在…超市入库且列入市住建局入围名录、…入库，且注册地在株洲市)
      "^(?![^]*?(?:入围|名录|名单|名册|备选|预选|优选|短名单|局|委员会|厅|政府|满[0-9一二三四五六七八九十两半]+(?:年|个月)|本地|本市|本区|本县|本省|注册地|所在地))[^]*?(?:在|于)[\\u4e00-\\u9fa5]{0,12}?(?:网上)?中介(?:服务)?(?:超市|(?:网上)?交易平台)(?:完成|办理)?(?:注册|入驻|登记|并|和|及|、)*入库(?![^。；;，,\\n]{0,4}?(?:满|已满|超过|时间))|" +
      // (round 144) the objects of the work archived (外业扫描、测绘成图、建档入库) — not 建档入库的机构
      "(?:建档|测绘|扫描|普查|调查|采集)[^。；;，,\\n]{0,4}?入库(?![^。；;，,\\n]{0,4}?(?:的)?(?:机构|单位|企业|供应商))|" +
      '(?:在|于)?本平台(?:完成)?(?:注册|登记)(?:并)?(?:完成)?入库|本(?:平台|网上中介超市|中介超市|网上超市|超市)(?:的)?(?:中介)?(?:服务)?(?:机构|单位|企业)?库|\\b(?:upon|after)\\s+(?:the\\s+)?award\\b|\\bsuccessful\\s+(?:consultant|vendor|bidder|firm|supplier|tenderer|agency)\\s+will\\s+be\\s+(?:entered|added|registered|included|enrolled)|(?:验收|检验|审核|审查|质检|检查|核查)(?:合格|通过)?后入库(?![^。；;，,\\n]{0,4}?(?:的)?(?:机构|单位|企业|供应商))|(?:成果|数据|资料|图件|报告|档案|底图)[^。；;\\n]{0,40}?(?:审核|审查|质检|检查|核查|验收|检验)(?:合格|通过)?(?:后)?入库(?![^。；;，,\\n]{0,4}?(?:的)?(?:机构|单位|企业|供应商))|入库[^。；;\\n]{0,40}?(?:after\\s*(?:中选|中标|成交|award|winning|selection)|(?:中选|中标|成交)(?:后|以后|之后))|(?:本项目|本次(?:项目)?)(?:拟)?(?:选取|遴选|招募|征集|确定)[^。；;\\n]{0,30}?(?:组成|组建|形成|建立)[^。；;\\n]{0,24}?(?:名单|名录|库)|所称[“"「『]?入库|即[“"「『]?入库[”"」』]?|(?:资料|成果|档案|数据|样品|标本|文物|遗物|出土物|岩芯)[^。；;\\n]{0,24}?(?:移交|交由|送交|交给|交至|移送)[^。；;\\n]{0,20}?入库|(?:数据|成果|资料|结果|报告|档案)[^。；;\\n]{0,24}?(?:完成|办理|进行)入库|(?:系统|平台|数据库)(?:中|内|里|上)?(?:完成|进行|办理)?入库|与(?:任何)?[^。；;\\n]{0,16}?(?:库|名录|名单)(?:均)?无关|(?:记录|资料|档案|文件|图纸|底稿|数据|成果)[^。；;\\n]{0,20}?(?:整理|归档|汇总|存档)入库|本次[^。；;\\n]{0,10}?(?:选取|遴选|招募|征集|确定)[^。；;\\n]{0,30}?(?:作为|成为|列为|纳入)[^。；;\\n]{0,16}?(?:备选|入库|名录|名单|库)|(?:中选|中标|成交)(?:机构|单位|人|供应商)?(?:的)?(?:信息|名称|评价|履约情况)?[^。；;\\n]{0,16}?(?:完成|办理|录入|纳入|记入|计入)[^。；;\\n]{0,8}?(?:入库登记|评价库|信用库|考核库)|(?:本次)?(?:中选|中标|成交)(?:机构|单位|人|供应商|结果|信息)(?:将|拟)?[^。；;\\n]{0,12}?(?:被)?(?:纳入|列入|录入|进入)[^。；;\\n]{0,16}?(?:库|名录|名单)|(?:自行|自主)(?:建立|组建|设立)|自建|自有的?[^。；;\\n]{0,12}?库|本库(?:为|是|系)|(?:轮候|轮派|派单|轮流|循环|派发)(?:规则|办法|顺序|机制)|(?:中选|中标|成交|入围)的?[0-9一二三四五六七八九十两]*家?(?:机构|单位|供应商)[^。；;\\n]{0,6}?入库|(?:通过|经)本次[^。；;\\n]{0,4}?(?:比选|招标|采购|遴选|竞争|选取|征集)[^。；;\\n]{0,30}?(?:组成|形成|建立|确定)[^。；;\\n]{0,12}?(?:名单|名录|库)|(?:报告|数据|成果|资料)[^。；;\\n]{0,30}?(?:上传|录入|导入|纳入|接入|汇入|汇交)[^。；;\\n]{0,20}?(?:数据库|系统)|(?:样品|样本|标本|试剂|货物|物资|冻品|药品|原料)[^。；;\\n]{0,30}?入库(?:登记|手续|检验|验收)|不作为[^。；;\\n]{0,16}?(?:条件|依据|资格|前提|要求)|未入库(?:的)?(?:机构|单位|企业|供应商)?(?:也|均|亦|同样)?(?:可|可以|能)(?:正常)?(?:报名|参与|参加)|(?:投资|储备|重点|建设)项目(?:储备)?库|(?:样品|样本|标本|水样|土样)[^。；;\\n]{0,40}?登记入库|入库(?:企业|单位)的[^。；;\\n]{0,10}?(?:服务|采购)|关于[“"「『]入库[”"」』]|[“"「『]入库[”"」』](?:一词|二字|的问题|的含义|是指|指的是)|' +
      // (round 137) the requester's own library, open to all who apply (本单位供应商库面向社会公开征集…均可随时申请入库;
      // 本公司建立中介服务机构备选库，全年开放申请，不设入库数量上限) — in a sentence that names no department's list
      "^(?![^]*?(?:局|委员会|委|厅|部门|政府|管委会|协会|商会))[^]*?(?:本|我)(?:单位|公司|司|集团|院|校|中心|厂|行)(?:的|建立的?|设立的?|组建的?|自有的?)?[^。；;，,\\n]{0,14}?库[^。；;\\n]{0,40}?(?:面向社会|公开征集|全年开放|常年开放|长期开放|随时(?:申请|注册|入库|报名)|开放(?:申请|注册|入库|报名)|不设(?:置)?[^。；;，,\\n]{0,6}?(?:上限|限制|门槛)|均可(?:随时)?(?:申请|注册|入库))|" +
      WORKS_LIST_OBJECTS_ZH,
    explain: {
      zh: "不得要求机构进入某个预选库、名录或短名单；平台机构目录内的机构均可参与。",
      en: "Agencies may not be required to be in a pre-qualified pool, list or shortlist; every agency in the platform's directory may take part.",
    },
    matches: [
      // (round 138) those not in a district's library avoided
      "未入区库机构回避",
      "未列入区中介机构名录的单位回避",
      "报名单位须为《青海省新能源项目前期工作技术服务单位名录（第二批）》内单位，名录外单位的报名不予审核。",
      "报名单位须为入库服务机构",
      "经审核合格后入库的机构方可报名",
      "须为毕节市中介服务网上交易平台优选名录企业",
      "从区中介服务机构备选库中随机抽取",
      "仅限已入库的中介机构参与",
      "从区财政局短名单中选取三家",
      "本项目在市级预选供应商库中邀请",
      "从区级中介服务机构名录中抽取",
      "须在市中介服务网上平台备选机构名单中",
      "本项目由区入围供应商中轮流选取",
      "须为区级政府采购代理机构库成员单位",
      "只能在已签订框架协议的机构中选择",
      "提供钦州市测绘地理信息学会2025年度会员证书",
      "条件2：已列入贵州省水利厅“洪水影响评价技术服务单位入围名单”（2023—2025年度）",
      "申请人须为2024—2026年度市级政府投资项目咨询服务框架协议入围供应商。",
      // (round 129) an English list word in a Chinese chat
      "这次只能从 panel 里选，panel 是区里去年招的那批",
      // (round 130) a list named by its level, not its place
      "须已纳入省级评估机构名录，未纳入的不予受理",
      "报名机构应列入市级中介服务机构名单。",
      "凡未在本市中介超市“优质服务商”名单内的机构，本次不予邀请。",
      "本项目只接受入选2024年度市级中介服务机构名录的单位。",
      // (round 131) a department's register (名册)
      "申请人须为区水务局合格供应商名册内企业（附入册证明），否则资格审查不合格。",
      // (round 139) a department's chosen firms named by their trade; the platform named beside a department's list
      "本次从区政府法律顾问入围律师事务所中随机抽取一家。",
      "须为区财政局入围会计师事务所。",
      "须为在四川省网上中介服务超市入库且列入市住建局入围名录的机构。",
      // (round 144) a department's own call for a shortlist, named by its year
      "参与单位应为区住建委2025年度公开征集确定的入围单位，未入围的不得报名。",
      "建档入库的机构方可报名。",
    ],
    allows: [
      // (round 144) the objects of the work archived into a database (建档入库)
      "外业扫描、测绘成图、建档入库，成果格式应符合区文旅局数字档案平台要求。",
      "未列入失信名单的机构均可报名",
      "未入库的样品不得检测",
      "未在本平台机构库中注册的机构无法报名。",
      "报名机构须为本平台中介机构库内已审核通过的机构。",
      "未列入失信被执行人名单的机构方可报名，列入的不予受理。",
      "投标人须提供员工花名册及社保证明。",
      "本项目已录入区中介超市项目库，机构可通过平台在线报名，线下材料无需提交。",
      "成果须纳入区级交通项目库管理，中选机构协助业主完成项目入库申报。",
      "项目完成后，勘探资料须移交甘肃省文物考古研究所入库。",
      "入库的水样记得贴标签🏷️",
      "入库的危废要建台账 这次也顺便评估下",
      "检测结果须录入贵州省放射卫生信息平台，确保数据在出具报告后5个工作日内完成入库。",
      "机构入驻中介超市（即“入库”）后方可在线报名，入驻不限地域，全国各地的机构均可申请入驻。",
      "说明：我公司内部“中介机构库”仅用于记录以往合作情况，不作为本次报名资格或评分依据，未入库机构可正常报名。",
      "成果文件（含节能诊断数据）须上传学校能耗监测平台，入库存档。",
      "中选机构须将成果报送和田地区不动产登记中心审核入库。",
      "成果须符合地方标准，并须经州不动产登记中心质检合格后入库。",
      "已在本平台注册并完成入库的中介机构可直接在线报名；尚未注册的机构可随时免费注册，不限地域。",
      "在线监测数据须实时上传至湖北省污染源自动监控平台，经审核后入库。",
      "Upon award, the successful Consultant will be entered into the Company's own approved vendor list (入库) for future call-off orders.",
      "街道辖区历史档案整理及数字化入库服务比选公告",
      "整理成果经镇档案室验收合格后入库。",
      "调查实施方案40分（核查方法、数据质量控制、入库方案）",
      "The agency shall 入库 our company 供应商系统 after 中选 for payment purpose.",
      "入库检验：agency check 材料 when 入库 to warehouse and give sampling report。",
      "本项目拟选取3家中选机构，组成本公司2024—2025年度能源审计服务机构库，期内按轮候方式分配任务。",
      "中选结果公示后，中选机构应在本公司供应商管理系统中完成入库登记。",
      "本项目拟通过本次比选选取中选机构3家，组成本公司的服务单位备选名单。",
      "测绘成果须按当地自然资源局要求的格式提交入库。",
      "评审专家由业主自行确定",
      "成果资料归档入档案馆",
      "服务内容：1:1000地形图测绘约12平方公里及成果入库。",
      "调查成果数据须入库至县林业局森林资源管理数据库，并通过质量检查后方可验收。",
      "中选单位须对我司冷库入库前的冻品进行抽样检测。",
      "检测数据需入库归档至我公司设备管理系统。",
      "本项目不要求投标人加入任何本地行业协会，协会会员身份亦不作为评分因素。",
      "检测样品须于送样当日在实验室办理入库登记，由实验室统一保管。",
      "本次为框架协议采购，拟确定3家中标机构，按轮候方式分配任务；报名机构数量不限。",
      "本次框架协议入围供应商为3家，入围后按轮候方式分配任务。",
      "钻孔岩芯须拍照编录后入库保存，保存期限不少于工程竣工验收后一年。",
      "测绘成果须入库至区自然资源局不动产登记数据库，方案对入库检查流程描述完整的得7-10分。",
      "评审专家只能从 expert pool 里抽取。",
      // (round 130) the project on a level's list, not the bidder
      "本项目已纳入省级重点项目库。",
      // (round 133) the work's objects on a list, projects counted after 入库
      "本次抽查的企业名单由市场监管局从企业名录中随机抽取，中介机构负责对名单内企业开展现场检查。",
      "服务内容：对全市已入库的200个政府投资项目开展绩效评价。",
      // (round 134) the list's members are what the agency inspects, after 应/须
      "中选机构应对区市场监管局提供的双随机抽查名单中的企业逐一开展现场核查。",
      // (round 139) signing up on the platform the request is posted on, named by its place
      '中介机构须已在云南省网上中介服务超市入库，且所选服务类型包含"资产评估"。',
      "须已在广西壮族自治区网上中介服务超市完成注册入库并通过审核。",
    ],
  },
  {
    id: "pool-en",
    category: "pool",
    severity: "refuse",
    article: "PLAN-79-DESIGNATION",
    pattern: `(?<!\\baward(?:ing|ed|s)?\\s+|\\b(?:establish|conclud|enter)(?:e|es|ed|ing)?\\s+(?:into\\s+)?|\\b(?:this|the present)\\s+)(?:pre-?qualified|prequalified|approved|standing|preferred|framework)\\s+(?:suppliers?\\s+|vendors?\\s+|consultants?\\s+|agency\\s+|agencies\\s+|firms?\\s+|valuers?\\s+)?(?:list|pool|roster|panel|register|directory|shortlist|database|agreement)|(?<=\\b(?:only|eligible|restricted\\s+to|limited\\s+to|must\\s+be|shall\\s+be)\\b[^.;\\n]{0,60})\\b(?:admitted|listed|enrolled|included|registered|entered|stationed)\\s+(?:to|in|into|on|with)\\s+(?:the\\s+)?(?:provincial\\s+|municipal\\s+|city\\s+|county\\s+|district\\s+|prefectur(?:e|al)\\s+)(?:[\\w'-]+\\s+){0,3}?supermarket\\b|\\b(?:firms?|bidders?|agencies|applicants?|quotations?|bids?|proposals?|submissions?)\\s+(?:from\\s+)?(?:firms\\s+)?outside\\s+the\\s+(?:[\\w'-]+\\s+){0,3}?(?:supermarket|pool|roster|panel|approved\\s+list)\\b|(?<!\\ba\\s)shortlist(?!ing|\\s+of\\s+(?:[\\w-]+\\s+)?(?:options?|designs?|sites?|locations?|schemes?|alternatives?)\\b)|(?:on|in|from|members? of)\\s+the\\s+(?:[\\w'-]+\\s+){0,3}?(?:roster|approved list|pool|panel)|\\bmembers?\\s+of\\s+the\\s+(?:[\\w'-]+\\s+){0,4}?framework\\b(?!\\s+(?:of|for|under|set\\s+out)\\b)|\\bmembership\\s+(?:of|in|on)\\s+(?:the\\s+|an?\\s+)?(?!(?:[\\w'-]+\\s+){0,2}?(?:evaluation|assessment|review|tender|expert|judging|selection|advisory|steering|interview)\\s+panel)(?:[\\w'-]+\\s+){0,3}?(?:panel|roster|framework|pool|approved\\s+list)\\b|(?:registered|listed|enrolled|included|appear(?:s|ing)?)\\s+in\\s+(?:the\\s*)?(?:{PLACE}\\s*)?(?:[\\w'-]+\\s+){0,4}?(?:database|directory|roster|pool|register)|(?:list|roster|directory|register|pool|shortlist|database)\\s+(?:published|maintained|kept|issued|compiled|established)\\s+by|\\b(?:appointed|admitted|listed|enrolled|included)\\s+(?:to|on|onto|in)\\s+(?:the\\s+|an?\\s+)?(?:[\\w'’-]+\\s+){0,3}?(?:existing|current|standing)\\s+(?:[\\w-]+\\s+){0,2}?(?:framework|panel|roster|pool|list)\\b|\\b(?:membership|member)\\s+(?:certificate\\s+|card\\s+|status\\s+|in\\s+good\\s+standing\\s+)?(?:of|in|with)\\s+(?:the\\s+)?{EN}[^.;\\n]{0,60}?\\b(?:society|association|chamber|federation|guild)\\b|\\b{EN}[^.;\\n]{0,60}?\\b(?:society|association|chamber|federation|guild)\\s+(?:membership|member(?:ship)?\\s+certificate)|\\b(?:must|shall|should|need\\s+to|are\\s+required\\s+to)\\s+be\\s+(?:listed\\s+|included\\s+|entered\\s+)?(?:on|in)\\s+the\\s+(?:[\\w'’-]+\\s+){0,4}?list\\s+of\\s+(?:[\\w-]+\\s+){0,3}?(?:agencies|firms|consultants|consultancies|appraisers|valuers|suppliers|vendors|service\\s+providers|auditors|surveyors|contractors|institutions|organi[sz]ations)\\b`,
    explain: {
      zh: "不得要求机构进入某个预选库、名录或短名单。",
      en: "Agencies may not be required to be on a pre-qualified list, pool or roster.",
    },
    matches: [
      "must be on the pre-qualified list of the district bureau",
      "Only agencies in the approved supplier pool may respond",
      "drawn from the standing roster",
      "restricted to the bureau's framework panel",
      "members of the municipal consultant panel",
      "a valid membership certificate of the Qinzhou Surveying and Mapping Society",
      // (round 129) a plural list name, a place's intermediary supermarket as the only door, a bid from outside the pool
      "Where a firm is not on the County Approved Consultants List, its bid shall be treated as withdrawn.",
      "Eligible respondents: firms admitted to the Provincial Intermediary Services Supermarket and in good standing.",
      "Quotations from firms outside the Supermarket will not be opened.",
      // (round 131) a framework's members
      "Eligible respondents are limited to members of the Provincial Engineering Consultancy Framework (Lot 3).",
      "Shortlisting will be based on membership of the provincial panel.",
      // (round 133) firms already appointed to an existing framework
      "Only firms already appointed to the Council's existing framework may respond to this mini-competition.",
      // (round 143) a place's list of agencies the bidder must be on
      "Applicants must be on the Pudong list of qualified appraisal agencies.",
      // (round 144) the consultants themselves drawn from an expert pool, beside the evaluators' pool that is ordinary
      "Consultants will be drawn from the municipal expert pool only.",
    ],
    // the shortlist this solicitation itself produces from the responses is the enterprise's own
    // (round 28) "We will shortlist three proposals after the technical evaluation": a stage of this competition
    // (round 131) an EOI's shortlist made from what the respondents submit ("Short-listing will be based on the
    // qualifications and experience submitted"), or shortlisted to be invited to the next stage
    unless:
      "\\bshort-?list(?:ed|ing)?\\b(?:\\s+of\\s+(?:up\\s+to\\s+|no\\s+more\\s+than\\s+|a\\s+maximum\\s+of\\s+|between\\s+)?(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)(?:\\s+(?:and|to)\\s+(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve))?\\s+(?:[\\w-]+\\s+)?(?:firms|consultants|bidders|applicants|agencies|companies|candidates)\\s+(?:will|shall|is\\s+to|are\\s+to)\\s+be\\s+(?:selected|drawn\\s+up|prepared|established|compiled|made|formed|identified))?[^.;\\n]{0,30}?\\b(?:based\\s+on|on\\s+the\\s+basis\\s+of|according\\s+to)\\s+(?:the\\s+|their\\s+)?(?:[\\w-]+\\s+){0,3}?(?:qualifications?|experience|capabilit(?:y|ies)|submissions?|responses?|expressions?\\s+of\\s+interest|eois?|proposals?)\\b(?![^.;\\n]*\\b(?:roster|pool|approved\\s+list|panel\\s+of|database|directory|register)\\b)|\\bshort-?listed\\s+(?:firms|consultants|bidders|applicants|agencies|companies|candidates|respondents)\\s+(?:will|shall|may)\\s+(?:then\\s+)?be\\s+invited\\s+to\\s+(?:submit|present|tender|bid|interview|negotiate|attend)\\b(?![^.;\\n]*\\b(?:roster|pool|approved\\s+list|panel\\s+of|database|directory|register)\\b)|\\b(?:will|shall|may)\\s+be\\s+short-?listed\\s+and\\s+invited\\s+to\\s+(?:submit|present|tender|bid|interview|negotiate)\\b(?![^.;\\n]*\\b(?:roster|pool|approved\\s+list|panel\\s+of|database|directory|register)\\b)|" +
      // (2026-12-06) the verb with this competition's own bidders as its object ("The selection committee will shortlist bidders
      // scoring above 70 points for interview"): a stage of this competition, not a list kept by a body
      "\\b(?:will|shall|may|would|to|then)\\s+short-?list\\s+(?!of\\b)(?:the\\s+)?(?:top\\s+)?(?:(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten)\\s+)?(?:[\\w-]+\\s+){0,2}?(?:bidders|tenderers|applicants|respondents|proposals|bids|submissions|offers|firms|consultants)\\b(?![^.;\\n]*\\b(?:roster|pool|approved\\s+list|panel\\s+of|database|directory|register|local|locally|district|provincial|municipal)\\b)|" +
      // (round 133) the framework this competition awards or appoints its winners to ("awarded to up to three firms per lot
      // under a multi-supplier framework agreement", "appoint four consultants to its framework following evaluation")
      "^(?![^]*\\b(?:existing|current|standing|pre-?qualified|prequalified|approved|already|previous|members?\\s+of|membership)\\b)[^]*?\\b(?:award(?:ed|s|ing)?|appoint(?:ed|s|ing)?|engag(?:e|ed|es|ing)|contract(?:ed)?\\s+with)\\b[^.;\\n]{0,80}?\\b(?:under|to|onto|on|in)\\s+(?:a|an|the|its|this|our|their)\\s+(?:new\\s+)?(?:[\\w-]+\\s+){0,2}?framework\\b|" +
      "^(?![^]*\\b(?:firms?|agenc(?:y|ies)|bidders?|consultants?|suppliers?|applicants?|tenderers?|vendors?)\\b)[^]*?\\b(?:evaluators?|experts?|assessors?|reviewers?|judges|(?:evaluation|review|assessment|expert)\\s+(?:panel|committee)(?:\\s+members)?)\\s+(?:(?:are|is|will\\s+be|shall\\s+be)\\s+)?(?:randomly\\s+)?(?:drawn|selected|chosen|picked|taken)\\b[^.;\\n]{0,30}?\\bfrom\\b|" +
      "\\bshortlist(?:ed)?\\s+(?:the\\s+)?(?:top\\s+)?(?:[\\w-]+\\s+){0,2}?(?:on|by|according\\s+to|based\\s+on)\\s+(?:their\\s+)?(?:technical\\s+|overall\\s+|combined\\s+)?(?:merits?|scores?|ranking|marks|points|evaluation)\\b(?![^.;\\n]*\\b(?:roster|pool|approved\\s+list|panel\\s+of|database|directory|register)\\b)|\\bshortlist(?:ed)?\\s+(?:the\\s+)?(?:top\\s+)?(?:[\\w-]+\\s+){0,2}?(?:proposals|bids|bidders|firms|applicants|consultants|submissions|offers)\\s+(?:[^.;\\n]{0,60}?\\s)?(?:after|following|based\\s+on|on\\s+the\\s+basis\\s+of|from\\s+this)\\b|\\b(?:upon|after)\\s+(?:the\\s+)?award\\b|\\bsuccessful\\s+(?:consultant|vendor|bidder|firm|supplier|tenderer|agency)\\s+will\\s+be\\s+(?:entered|added|registered|included|enrolled)|\\bshortlist\\b[^.;]*?\\b(?:solely|only|entirely|exclusively)\\s+from\\s+(?:this\\b|the\\s+(?:responses?|submissions?|proposals?|bids?|evaluation)\\b|responses?\\b)|^(?![^]*\\b(?:roster|pool|pre-?qualified|prequalified|approved\\s+list|panel\\s+of|database|directory|register|framework|only)\\b)[^]*?\\b(?:will|shall|may|can)\\s+be\\s+shortlisted\\s+for\\s+(?:an?\\s+)?(?:interviews?|presentations?|negotiations?|the\\s+next\\s+stage|stage\\s+(?:two|2))\\b|" +
      // (round 142) the shortlist this competition makes, its size, the interview it leads to, the financier's no-objection to it
      "\\bshort-?list\\s+(?:will|shall)\\s+(?:consist\\s+of|comprise|include|be\\s+made\\s+up\\s+of|contain)\\s+(?:up\\s+to\\s+|no\\s+more\\s+than\\s+|not\\s+more\\s+than\\s+|a\\s+maximum\\s+of\\s+|at\\s+least\\s+|between\\s+)?(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten)\\b(?![^.;\\n]*\\b(?:roster|pool|approved\\s+list|panel\\s+of|database|directory|register|local|district|provincial|municipal)\\b)|\\bshort-?listed\\s+(?:firms|consultants|bidders|applicants|agencies|companies|candidates|respondents)\\s+(?:will|shall|may)\\s+(?:then\\s+)?be\\s+invited\\s+(?:to|for)\\s+(?:an?\\s+|the\\s+)?(?:interviews?|presentations?|negotiations?|clarification\\s+meetings?)\\b(?![^.;\\n]*\\b(?:roster|pool|approved\\s+list|panel\\s+of|database|directory|register)\\b)|\\b(?:maximum\\s+)?number\\s+of\\s+(?:firms|consultants|bidders|applicants|agencies|companies|candidates)\\s+(?:to\\s+be\\s+)?short-?listed\\s+(?:will|shall|is)\\s+(?:be\\s+)?(?:no\\s+more\\s+than|not\\s+more\\s+than|up\\s+to|at\\s+most|limited\\s+to|between)?\\s*(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten)\\b|\\bno[\\s-]objection\\b[^.;\\n]{0,40}?\\bshort-?list|\\bshort-?list\\b[^.;\\n]{0,60}?\\bno[\\s-]objection\\b",
    allows: [
      "The shortlist will consist of six firms selected on the basis of the expressions of interest.",
      "Shortlisted firms will be invited to an interview at the Municipal Finance Bureau, 18 Renmin Road, Chengdu.",
      "The number of firms to be shortlisted shall be no more than six.",
      "We will shortlist 3 proposals for a 30-minute online presentation after scoring; one vendor will be awarded.",
      "Applicants must appraise the properties on the Pudong list of old housing.",
      "The selection committee will shortlist bidders scoring above 70 points for interview.",
      // (round 144) the evaluators drawn from a district's expert pool: no list of bidders
      "Evaluators are drawn at random from the district procurement expert pool.",
      "We will shortlist three proposals after the technical evaluation and invite the bidders for interviews in Luoyang.",
      "Upon award, the successful Vendor will be added to the Company's approved supplier database (入库) subject to onboarding.",
      "Reports will be reviewed by an expert panel chosen by the enterprise.",
      "For this framework agreement we will select 2 winning agencies; assignments will be allocated between them by rotation.",
      "The team must include a registered cost engineer.",
      "The shortlist will be developed solely from responses to this RFQ.",
      "Each firm may submit only one proposal; the evaluation panel will shortlist three on technical merit.",
      // (round 130) a shortlist for interview, made from this competition's own responses
      "No more than three firms will be shortlisted for interview.",
      "Firms registered on the municipal intermediary services supermarket may respond online; firms not yet registered can register free of charge.",
      "Staff must act as members of the project team within the framework of the contract.",
      "The membership of the evaluation panel will be published with the award.",
      "Short-listing will be based on the qualifications and experience submitted; up to six firms will be short-listed and invited to submit proposals.",
      // (round 133) the framework this competition awards
      "The contract will be awarded to up to three firms per lot under a multi-supplier framework agreement.",
      // (round 134) the shortlist this EOI itself selects, and its members invited to the next stage
      "A shortlist of six firms will be selected on the basis of qualifications and experience; the shortlisted firms will be invited to submit technical proposals.",
      // (round 139) the platform the request is posted on, named by its place
      "The agency must be registered on the Sichuan Online Intermediary Service Supermarket before signing up.",
    ],
  },
  {
    // 已入驻区中介超市满一年的机构方可报名: time on a place's platform or list as a condition shuts out the agencies
    // that have just come, from elsewhere most of all — a pool by its age.
    id: "pool-tenure-zh",
    category: "pool",
    severity: "refuse",
    article: "FCR-8-4",
    pattern: `(?:入驻|进驻|入库|入围|加入|注册|登记|纳入)[^，,。；;\\n]{0,12}?(?:中介超市|中介服务超市|网上中介超市|服务平台|交易平台|平台|服务库|机构库|中介库|名录库|备选库|名录|库)[^，,。；;\\n]{0,4}?(?:满|超过|不少于|不低于|已满|达到|已达)\\s*(?:\\d+|[一二三四五六七八九十两半]+)\\s*(?:个)?(?:年|月|周)`,
    explain: {
      zh: "不得以入驻本地平台或名录库的时间长短作为报名条件；新入驻的外地机构与其他机构同等参与。",
      en: "Time on a local platform or list may not be a condition to apply; newly registered agencies take part on equal terms.",
    },
    matches: ["已入驻区中介超市满一年的机构方可报名。", "加入本市中介服务平台不少于两年的机构"],
    allows: ["中介机构可随时入驻中介超市。", "入驻中介超市后即可报名。", "服务期满一年后续签。"],
  },
  {
    // A list that shuts everyone else out (清单以外的报了也白报), or the choice made from a department's list
    // (从管委会发的合作机构清单里挑): a pool by another name.
    id: "pool-list-zh",
    category: "pool",
    severity: "refuse",
    article: "PLAN-79-DESIGNATION",
    pattern: `(?:已|须|需|应|必须)(?:被)?(?:列入|纳入|进入|入选|录入|入围)《[^》]{0,40}?(?:名录|名单|目录|(?<!数据)库)》(?:(?:内|中)?的?(?:企业|单位|机构|公司|供应商|中介))?|(?:须|需|应|必须|仅限|限)(?:为|是|系)?《[^》]{0,40}?(?:名录|名单|目录|(?<!数据)库)》(?:内|中)?的?(?:在册|在库|所列|收录)?的?(?:企业|单位|机构|公司|供应商|中介)|《[^》]{0,40}?(?:名录|名单|目录|(?<!数据)库)》(?:内|中)?的?(?:在册|在库|所列|收录)的?(?:企业|单位|机构|公司|供应商|中介)|(?:未|已|须|需|应|必须|仅限|只限|限于)(?:被)?(?:列入|纳入|进入|入选|录入)[^。；;\\n]{0,6}?{DEPT}[^。；;\\n]{0,14}?(?:名录|名单|目录|库)|(?:仅限|只限|限于|仅接受|只接受|仅邀请)[^。；;\\n]{0,30}?(?:联盟|协会|商会|联合体)(?:内)?(?:的)?(?:成员|会员)|(?:清单|名单|名录|目录)["”」』]?(?:以外|之外|外)的?{G8}(?:白报|不考虑|不予考虑|无效|不接受|不予受理|不予采纳|不能报|不要报|别报|请勿报)|(?:管委会|指挥部|{DEPT}){G16}(?:清单|名单|名录)["”」』]?(?:里|中|内|上)(?:挑|选|抽|定|确定|找)|(?:仅|只|限)(?:面向|限于|接受|邀请)?[^。；;\\n]{0,6}?已?入驻[^。；;\\n]{0,4}?{PLACE}[^。；;\\n]{0,12}?(?:超市|平台)|未入驻{G8}(?:请勿|不得|不能|不予|无法|不可)`,
    explain: {
      zh: "不得只从某份清单、名单内选择机构或排除清单以外的机构；平台机构目录内的机构均可参与。",
      en: "Agencies may not be chosen only from a list, nor those outside it excluded; every agency in the platform's directory may take part.",
    },
    matches: [
      "评估公司就从管委会上回发的那份“合作机构清单”里挑，清单以外的报了也白报",
      "名单以外的单位报名无效",
      "从区住建委公布的名录中选取",
      "回避理由：该机构未列入区住建委中介服务机构名录。",
      "供应商资格：(1) 具备有效的土地估价资质；(2) 已纳入承德市自然资源和规划局建立的土地估价机构名录。",
      "仅限区属国企牵头组建的中介服务联盟内成员单位报名。",
      "本项目仅面向已入驻“赣州市网上中介服务超市”且状态正常的测绘机构，未入驻的请勿报价。",
      "报名单位须为《湛江市工程造价咨询机构名录》在册单位。",
      "须为《北海市测绘单位名单》内企业",
    ],
    allows: [
      "我公司以往合作单位名单附后，仅供参考，名单外单位同样可以报名。",
      "成果须列明设备清单",
      "成果须符合《基础测绘成果目录》的要求",
    ],
  },
  // ── Designation in disguise (变相指定) ───────────────────────────────────────────
  {
    // A department's consent or recommendation as a condition of taking part (须经区住建委同意后方可报名).
    id: "designation-consent-zh",
    category: "designation",
    severity: "refuse",
    article: "PLAN-79-DESIGNATION",
    pattern: `(?<!中选|成交|中标|入围)(?:单位|机构|公司|企业|供应商)(?:须|需|应|必须|要)(?:先)?(?:经|经过|征得|取得|获得)(?:项目|行业)?主管部门(?:[（(][^）)]{0,20}[）)])?(?:书面)?(?:同意|批准|推荐|认可|核准)[^。；;\\n]{0,12}?(?:报名|参与|参加|投标|报价|比选|参选)|(?:单位|机构|公司|企业|供应商)(?:要|须|需|必须|应)(?:先)?(?:经|经过|征得|获得)(?:(?:所在)?{DEPT}|(?:园区|开发区|高新区|工业园|产业园)?管委会){G6}(?:同意|批准|推荐|认可|核准)(?:过)?(?:的)?(?:才行|才可以|才算)|(?:报名|投标|报价|参与|参加)(?:前|之前)[，,]?(?:须|需|应|必须|要|请)?先(?:去|到|向|找|在)?(?:{DEPT}|(?:园区|开发区|高新区|工业园|产业园)?管委会)(?:报备|备案)|经(?:过)?(?!资格|评审|评标|比选|审查|考核)[^。；;\\n，,]{2,16}?(?:审定同意|审核同意|同意|推荐|认可|批准|核准)(?:过)?的[^。；;\\n]{0,8}?(?:单位|机构|公司|企业|供应商)[，,]?(?:方可|才能|才可|方能|方被视为)|(?:单位|机构|公司|企业|供应商|投标人|报价人)(?:须|需|应|必须|要)(?:先)?(?:经|经过|征得|获得)(?!资格|评审|评标|比选|审查|考核|本次|本项目)[^。；;\\n，,]{2,16}?(?:部门|局|委员会|委|办公室|管委会|处|科)(?:审核同意|审核通过|同意|批准|推荐|认可|核准|审定)(?:后)?(?:方可|才能|才可|方能)(?:报名|参与|参加|投标|报价|比选|参选|响应)|(?:(?:须|需|应|必须|要)(?:先)?(?:经|经过|征得|取得|获得|由)(?:所在)?{DEPT}{G6}(?:同意|批准|准许|推荐|许可|核准|审定|出具推荐)(?:后)?{G4}(?:方可|才能|才可|再|后)?{G4}(?:报名|参与|参加|投标|报价|比选|响应|承接|参选)|(?:报名|参与|参加|投标|报价|比选|参选|申报)(?:前|之前)?{G4}(?:须|需|应|必须)(?:先)?(?:经|经过|征得|取得|获得)(?:所在)?{DEPT}{G6}(?:同意|批准|准许|推荐|许可|核准|审定))|(?<!业主|我司|本公司|甲方)经(?:其|该[\u4e00-\u9fa5]{0,4}?)(?:书面)?(?:同意|批准|推荐|许可|认可)(?:后)?(?:方可|才能|才可|方能)(?:报名|参与|参加|投标|报价|比选|参选)|(?:取得|获得|持)(?:其|该(?:局|科|委|部门|单位|处))(?:出具)?的?(?:推荐函|推荐信|推荐意见|同意函|介绍信)[^。；;\n]{0,4}?(?:后)?(?:方可|才能|才可|方能)(?:报名|参与|参加|投标|报价|比选|参选)|(?:须|需|应|必须)(?:随[^。；;\\n]{0,8}?)?(?:持有|提供|取得|具有|出示|附上|附|提交)[^。；;\\n]{0,12}?(?:主管部门|部门|局|委员会|委|办公室|管委会|人民政府|政府|馆|中心|协会|学会|街道|办事处|大队|支队|总队)(?:出具|开具|签发|发放|盖章)的?[^。；;\\n]{0,8}?(?:推荐|同意|认可|确认|准入)[^。；;\\n]{0,6}?(?:函|信|书|意见|证明|文件)|(?:主管部门|行业主管部门|{DEPT})(?:[（(][^）)]{0,20}[）)])?(?:同意|批准|认可|确认)(?:该|贵|本|其)?(?:机构|单位|公司|所)(?:承担|参与|实施|承接|报名)|(?<!(?:中选|成交|中标)[^。；;\\n]{0,8})(?:先|须|需|应|必须|要|请)[^。；;\\n]{0,8}?(?:联系|致电|电话联系|电联|咨询|询问|拨打|打电话给?|找)[^。；;\\n]{0,4}?(?:{DEPT}|[\\u4e00-\\u9fa5]{0,8}?(?:住建|建设|发改|生态环境|环保|自然资源|规划|财政|应急|市场监管|水务|水利|交通|消防|人社|审改|卫健|农业农村|林业|文旅|商务|公安|国资|城管|教育|审计)(?:部门|局|委|厅|办|所|站))[^。；;\\n]{0,30}?(?:确认|核实|审核|认定|审定)[^。；;\\n]{0,8}?(?:报名|参与|参加|投标|报价|参选|比选)?资格|(?<!(?:中选|成交|中标)[^。；;\\n]{0,8})(?:先|须|需|应|必须|要|请)[^。；;\\n]{0,8}?(?:联系|致电|电话联系|电联|咨询|询问|拨打|打电话给?|找)[^。；;\\n]{0,4}?(?:{DEPT}|[\\u4e00-\\u9fa5]{0,8}?(?:住建|建设|发改|生态环境|环保|自然资源|规划|财政|应急|市场监管|水务|水利|交通|消防|人社|审改|卫健|农业农村|林业|文旅|商务|公安|国资|城管|教育|审计)(?:部门|局|委|厅|办|所|站))[^。；;\\n]{0,30}?经(?:其|该局|对方|该部门)?(?:确认|核实|同意|审核|认可)(?:通过)?(?:后)?(?:方可|才能|才可|方能)(?:报名|参与|参加|投标|报价|比选|参选)|(?<=(?:联系|对接|沟通|联络|报备)[^。；;\\n]{0,30}?[，,])(?:由|经)(?:其|该[\\u4e00-\\u9fa5]{0,4}?|对方|中心|局里|站里|所里|(?:{PLACE}|区|市(?!场)|县|省|镇|街道)[\\u4e00-\\u9fa5]{0,10}?(?:中心|局|委|办|站|所|院))(?:统一)?(?:确定|确认|选定|指定|安排|同意|审核|审定|推荐)(?:后)?[，,]?(?:再|方可|才能|才可|方能)(?:报名|参与|参加|投标|报价|比选|参选)`,
    explain: {
      zh: "不得以政府部门同意、批准或推荐作为机构参与的条件（变相指定）；机构自主报名。",
      en: "A department's consent, approval or recommendation may not be a condition of taking part (designation in disguise); agencies register freely.",
    },
    matches: [
      "报名机构须经北大荒集团水利部门审核同意后方可参加本项目比选。",
      "报名机构须随报名文件提交禅城区消防救援大队出具的推荐函，未提供推荐函的报名文件不予进入评审。",
      "经集团公司工程管理部审定同意的监理单位，方可报名参与本项目监理服务比选。",
      "参加单位须持有林业主管部门出具的推荐参与资格确认函",
      "须经区住建委同意后方可报名",
      "报名前须征得镇规划办书面同意",
      "须经主管部门推荐后方可参与比选",
      "请有意向的单位先联系区海洋与渔业局，经其同意后方可报名。",
      "环评单位要经过园区管委会同意的才行",
      "拟选取的招标代理机构须经项目主管部门（区城乡建设局）书面同意，报名时一并提交同意函。",
      "报名前先去区发改委报备",
      // (round 130) a call to an official to have one's eligibility confirmed
      "有意向的机构请先致电住建局王科长（0571-8888××××）确认报名资格，未经确认的不予受理。",
      "有意向的单位须先联系镇规划办核实参与资格，经核实后方可报名。",
      "拟报名机构须电话联系市生态环境局李科长，经其确认后方可报价。",
      // (round 140) contact a department's centre, which decides before one registers
      "监理单位请先与区建设管理中心联系，由中心确定后再报名。",
    ],
    allows: [
      "中选单位须经区住建局审核同意后方可开工",
      "中选机构须经主管部门同意后方可更换项目负责人，报名时提交承诺书。",
      "报价单位须提供市场监督管理部门出具的无违法记录证明",
      "成果须经区规划资源局审批后生效",
      "报价须经法定代表人签字后提交",
      "需经业主书面同意后方可更换项目负责人",
      "如有疑问请致电区住建局咨询（0571-88881234）。",
      "请先联系我司王工确认报名资格，电话 0571-88881234。",
      "中选后请联系区住建局确认施工许可办理资格。",
      "请先与区建设管理中心联系踏勘时间，由中心确定后再通知各单位。",
    ],
  },
  {
    id: "designation-consent-en",
    category: "designation",
    severity: "refuse",
    article: "PLAN-79-DESIGNATION",
    pattern: `(?:consent|approval|permission|clearance|endorsement|recommendation|nomination|sign-off)\\s+(?:of|from|by)\\s+(?:the\\s+)?(?:[\\w'-]+\\s+){0,6}?(?:bureau|department|commission|committee|authority|government|office|administration)\\b[^.;!?\\n]{0,30}?\\b(?:before|to|prior to|in order to)\\s+(?:register|registering|bid|bidding|apply|applying|tender|tendering|participate|participating|respond|responding|quote|quoting)\\b|\\b(?:call|contact|phone|ring|telephone|check\\s+with|consult|e-?mail|write\\s+to)\\s+(?:[\\w.'-]+\\s+){0,4}?(?:at\\s+|of\\s+|in\\s+)?(?:the\\s+)?(?:[\\w'-]+\\s+){0,4}?(?:bureau|department|commission|authority|government|administration)\\b[^.;!?\\n]{0,40}?\\bto\\s+(?:confirm|verify|check|obtain|get|have)\\s+(?:their|its|your)?\\s*(?:eligibility|clearance|consent|(?:approval|permission)\\s+to\\s+(?:register|bid|participate|apply|respond|quote|take\\s+part))\\b`,
    explain: {
      zh: "不得以政府部门同意、批准或推荐作为机构参与的条件（变相指定）；机构自主报名。",
      en: "A department's consent, approval or recommendation may not be a condition of taking part (designation in disguise); agencies register freely.",
    },
    matches: [
      "Bidders must obtain prior written consent from the district housing commission before registering.",
      "Agencies need a recommendation from the town government to participate.",
      // (round 130) a call to an official to have one's eligibility confirmed
      "Interested firms should first call Mr Wang at the Housing Bureau (0571-8888xxxx) to confirm their eligibility; unconfirmed registrations will be rejected.",
    ],
    allows: [
      "The report needs approval from the district bureau before payment.",
      "Obtain the client's consent before replacing the team leader.",
      "Bidders may contact the Planning Bureau to obtain the approved master plan.",
    ],
  },
  {
    id: "designation-department-zh",
    category: "designation",
    severity: "refuse",
    article: "PLAN-79-DESIGNATION",
    pattern: `[\u4e00-\u9fa5]{1,6}(?:局|委|办|厅|站|所)(?:那边|那里|那儿)?(?:推荐|指定|介绍)(?:了|的|过)(?:那|这|两|三|几|\\d)?(?:家|个(?![\u4e00-\u9fa5]{0,2}(?:标准|规范|模板|格式|文件|方案|方法|流程|系统|平台|软件|表|清单|办法|意见|做法|版本|样本|范本|图集|教材|课程)))|(?:找|用|选|请|从){DEPT}(?:那边|那里)?(?:推荐|指定|介绍|备案|认可|认定|选定|定)(?:了|过)?的(?:那|这)?(?:两|三|几|\\d)?家|(?<!(?:对|针对|就)(?:上述|该)?){DEPT}(?:(?:官方)?(?:网站|官网|门户网站|公众号|网页)(?:上)?)?(?:\\d{4}(?:\\s*[-—–~至到]\\s*\\d{4})?年度?)?(?:将|拟)?(?:出具|开具)?(?:书面)?(?:推荐|指定|认可|认定|批准|核准|审核同意|审定|核定|评定|同意|确定|选定|公布|发布|备案)(?:意见|函|信)?(?:过)?(?:的)?{G12}(?:${AGENCY}|名录|名单|目录)(?![\u4e00-\u9fa5]{0,2}(?:资质|资格证|证书|许可证))(?![\u4e00-\u9fa5]{0,8}?(?:要点|指南|规范|标准|办法|规定|细则|手册|导则))|经(?:过)?{DEPT}(?:推荐|指定|介绍)[，,]?(?:直接|拟|决定)?(?:选取|选定|确定|委托|选用|聘请|采用)|经(?:过)?{DEPT}(?:书面)?(?:推荐|指定|同意|批准|审核同意|认可|认定|审核)(?:后)?[，,]?(?:方可|才能|才可|方能)(?:参与|参加|报名|投标|报价|竞价|比选|入围|入库)|经(?:过)?{DEPT}(?:集体|会议)?研究(?:确定|决定|同意)?[，,]?(?:直接|拟|决定)?(?:选取|选定|确定|委托|选用|聘请)(?:由)?[^，,。；;\\n]{1,30}?(?:有限公司|有限责任公司|公司|事务所|研究院|设计院)|(?:中介|咨询|评估|测绘|检测|审计|造价|设计|监理|代理|环评|评价)(?:服务|工作|业务)?(?:的)?(?:承担单位|承接单位|机构|单位)?由{DEPT}(?:统一)?(?:指定|指派|委派)(?![\u4e00-\u9fa5]{0,2}(?:时间|日期|地点|标准|范围))|(?:{PLACE}|(?<![中全城都各外])(?:区|市(?!场)|县|省)(?!级))[\u4e00-\u9fa5]{0,8}?(?:院|中心)(?:推荐|指定|认可|认定|选定)(?:过)?的{G12}(?:${AGENCY}|名录|名单|目录)(?![\u4e00-\u9fa5]{0,2}(?:资质|资格证|证书|许可证))|(?:(?:选用|选择|委托|聘请|使用|找|限|仅限|只限|须为|应为|必须为)(?:已|事先|预先)?|(?:已|事先|预先))(?:在|于|向|经)[\u4e00-\u9fa5]{0,6}?(?:住建|建设|发改|生态环境|环保|自然资源|规划|财政|应急|市场监管|水务|水利|交通|消防|人社|审改|卫健|农业农村|林业|文旅|商务|公安|国资)(?:部门|局|委|厅|办)(?:备案|登记备案|入库)(?:过)?的{G8}${AGENCY}|{DEPT}(?:提供|给出|列出|推送|拟定|圈定|推荐|指定)的{G6}(?:{NUM}|几|若干)家${AGENCY}?(?:中|内|里|之中|当中)|${AGENCY}(?:须|需|应|必须|应当)(?:已|事先|预先|先)?(?:在|于|向|经){DEPT}(?:备案|登记备案|登记|入库|注册登记)(?![\u4e00-\u9fa5]{0,2}(?:合同|成果|报告|方案|资料|材料|文件|项目|信息))|(?:从|在|于|选择|选用|须为|应为|限于?|仅限)\\s*(?:https?://)?(?:[a-z0-9-]+\\.)+gov\\.cn[^\\s，,。；;]*\\s*(?:网站|网页|页面)?(?:上)?(?:公布|发布|公示|列出|列明|推荐)的(?![^。；;\\n]{0,18}?(?:失信|黑名单|异常|违法|违规|处罚|查询|查看|下载|核查|了解))[^。；;，,\\n]{0,12}?(?:${AGENCY}|名录|名单|目录)|{DEPT}\\s*(?:approved?|recommend(?:ed|s)?|designated?|endorsed?|nominated?|certified|listed|filed|picked|selected|chosen)\\s*(?:过)?的?\\s*[^。；;，,\\n]{0,12}?(?:${AGENCY}|名录|名单|目录|consultants?|firms?|agenc(?:y|ies)|compan(?:y|ies)|vendors?|suppliers?|labs?|laborator(?:y|ies))`,
    explain: {
      zh: "不得要求选用政府部门推荐、认可、备案或公布名单内的机构（变相指定）；企业自主选择。",
      en: "An agency recommended, approved, filed or listed by a department may not be required (designation in disguise); the enterprise chooses freely.",
    },
    matches: [
      "运城那边环保站介绍的那个公司做，其他人就别折腾了",
      "请选择区住建委推荐的检测机构承担",
      "须由在区生态环境局备案的环评单位编制报告",
      "报名机构须已在我局备案。",
      "服务机构须在本市住建部门备案。",
      "区发改委指定的咨询公司",
      "街道办事处认定的机构出具",
      "经区建管委审定的单位方可承担",
      "请按照上级部门的意见，选用已在住建局备案的造价咨询单位。",
      "选取方式：从区审改办提供的三家机构中比选确定。",
      // (round 130) a department's website or a government URL; an English verb in a Chinese sentence
      "请从 http://zjj.example-city.gov.cn/zjjg/tjjg.html 公布的推荐机构中选择，未列入该页面的机构报名无效。",
      "请从市住建局官网公布的推荐机构中选择。",
      "按照上级要求，本次 audit 须选择经区审计局 approve 的会计师事务所。",
      "只能用区发改委 approved 的 consultant。",
      // (round 135) a year between the department and its choice; recommended, then chosen directly
      "中介机构应为区审计局2024-2026年度选定的入围机构。",
      "经区住建委推荐，直接选取上海某某工程造价咨询有限公司承担本项目。",
      "区住建委将推荐3家机构参与竞价。",
      // (round 137) the department's recommendation before one may take part
      "资质要求：造价咨询机构须经区财政局推荐，方可参与本项目。",
      "报名单位经区住建委审核同意后方可报名。",
      // (round 138) a department's filed firms picked in chat
      "找区财政局备案的那几家审计所就行",
      // (round 140) a public institute's recommendation
      "须为市测绘院推荐的合作测绘单位名单成员。",
    ],
    allows: [
      // (round 134) the department's list names what the work is done on
      "中选单位应针对市生态环境局公布的重点排污单位名录中的企业开展监测。",
      "稽查员须熟悉上海市药监局发布的临床试验机构监督检查要点。",
      "具有市场监管部门核准的特种设备检验检测机构资质",
      "配合普陀区生态环境局审批",
      "成果需报送上海市规划和自然资源局备案。",
      "中选机构须向区住建委备案合同。",
      "中选机构应在住建局备案后开展工作。",
      "区审改办提供的三家机构业绩资料仅供参考。",
      "区审计局2025年度审计计划确定的项目清单",
      // (round 130)
      "相关技术标准可在 http://zjj.example-city.gov.cn 下载。",
      "成果须经区规划局 approve 后方可付款。",
      "实施方案须经区住建委审核同意后方可实施。",
      "可在 http://www.example.gov.cn 公布的失信名单中查询。",
      "可在 www.example.gov.cn 公布的名单中查询机构资质。",
      "用区住建局推荐的那个标准执行",
      "检测方法可参照市建科院推荐的技术规程。",
      // (round 143) the list holds the objects of the work
      "须对区住建委备选库内项目开展评估。",
      "须对区市场监管局名录库内的企业开展抽查。",
      "调查范围为本区服务机构库内的全部养老机构。",
    ],
  },
  {
    id: "designation-department-list-zh",
    category: "designation",
    severity: "refuse",
    article: "PLAN-79-DESIGNATION",
    pattern: `{DEPT}(?:名单|名录|目录)(?:内|中|里)`,
    explain: {
      zh: "不得要求选用政府部门名单内的机构（变相指定）。",
      en: "An agency on a department's list may not be required (designation in disguise).",
    },
    // (round 143) the list holds the objects of the work (审计对象为市财政局名单内的50家预算单位)
    unless: WORKS_LIST_OBJECTS_ZH,
    matches: ["仅限区财政局名单内的造价咨询单位报名", "须为区财政局名单内的会计师事务所，对名单内单位开展审计"],
    allows: ["中介服务事项目录内的事项", "审计对象为市财政局名单内的50家预算单位。", "对区民政局名单内的养老机构开展等级评定。"],
  },
  {
    // Designation stated as the department's arrangement, with no level or place before the department
    // (由该局推荐的机构承担、沿用发改部门去年确定的服务单位、区消防救援支队认可的机构): held for a regulator.
    id: "designation-arrangement-zh",
    category: "designation",
    severity: "review",
    article: "PLAN-79-DESIGNATION",
    pattern: `(?:该|有关|相关|上级|[\u4e00-\u9fa5]{1,6}?)(?:部门|局|委|支队|大队)[\u4e00-\u9fa5]{0,4}?(?:推荐|指定|认可|认定|确定|选定|安排|明确)(?:过)?的{G8}(?:${AGENCY}|服务单位|检测单位|测绘单位)|(?:中介|咨询|评估|测绘|检测|审计|造价|设计|监理|代理|环评|评价)(?:服务|工作|业务)?(?:的)?(?:承担单位|承接单位|机构|单位)?由(?:上级|主管|行业)?[\u4e00-\u9fa5]{0,8}?(?:部门|局|委|办|政府|指挥部|管委会)(?:统一)?(?:安排|指派|分配|委派|指定|确定)(?![\u4e00-\u9fa5]{0,2}(?:时间|日期|地点|标准|范围))`,
    explain: {
      zh: "由政府部门推荐、确定或认可的机构承担，可能是变相指定；企业应自主选择机构，需审查。",
      en: "An agency recommended, chosen or approved by a department is to do the work: may be designation in disguise (the enterprise chooses freely); to be reviewed.",
    },
    matches: [
      "本项目环境影响评价由该局推荐的机构承担",
      "沿用发改部门去年确定的服务单位",
      "由区消防救援支队认可的机构实施",
      "本项目的造价咨询由上级部门统一安排。",
    ],
    allows: [
      "按相关部门确定的标准执行",
      "成果须报该局备案",
      "由中选机构按规划局确定的红线范围测绘",
      "现场踏勘由区住建委统一安排。",
      "检测结果由区质监站统一确定。",
    ],
  },
  {
    id: "designation-department-en",
    category: "designation",
    severity: "refuse",
    article: "PLAN-79-DESIGNATION",
    pattern: `\\b(?:bureau|department|commission|authority|committee|government|administration)\\s+(?:has|have|had)\\s+(?:already\\s+)?(?:nominated|designated|appointed|named|assigned|picked|chosen|selected)\\s+(?!(?:an?|the|its|their|one|two|three|our)\\s)[a-z][\\w&.'-]*(?:\\s+[a-z][\\w&.'-]*){0,5}?\\s+(?:consult(?:ing|ants|ancy)|co\\.?|ltd\\.?|limited|company|institute|firm|agency|group|llp|associates)\\b|\\b(?:recommended|nominated|endorsed|designated|introduced|referred)\\s+(?:in\\s+writing\\s+|formally\\s+)?by\\s+(?:the\\s+)?{EN}\\s+(?:[\\w'&-]+\\s+){0,4}?(?:association|chamber(?:\\s+of\\s+commerce)?|federation|society|alliance)\\b|(?<!\\bno\\s|\\bnot\\s(?:an?\\s)?|\\bnor\\s)(?:agenc(?:y|ies)|firms?|consultants?|compan(?:y|ies)|suppliers?|bidders?|contractors?|institutions?|institutes?|organi[sz]ations?|lab(?:oratory|oratories|s)?|providers?|consultanc(?:y|ies)|valuers?|appraisers?|surveyors?|auditors?|assessors?|inspectors?|testers?|bod(?:y|ies)|entit(?:y|ies)|units?|one|ones|those|cent(?:re|er)s?|stations?)(?:\\s+[\\w-]+){0,6}?(?<!\\b(?:place|venue|location|site|premises|address|room|hall|time|date|format|form|template|account|platform|system|software|manner|way|route|hospital|bank)s?)\\s+(?:recommended|approved|designated|nominated|endorsed|accredited|appointed|selected|filed|registered|listed|invited|chosen|picked|named|proposed)\\s+(?:(?:in\\s+writing|formally|officially|jointly|previously)\\s+)?(?:(?:by|with)(?!\\s+any\\b)|(?:in|under)\\s+(?:the\\s+)?(?:document|notice|circular|file|letter|decision)\\b(?:[^.;\\n]|\\bno\\.){0,40}?\\s+(?:of|from|by|issued\\s+by))\\s+(?:the\\s+)?(?:[\\w'&-]+\\s+){0,8}?(?:bureau|department|commission|committee|authority|government|office|administration|station|brigade|detachment|sasac|ndrc|drc|amr|samr|eeb|mnr|mohurd)\\b|\\b(?:letters?\\s+of\\s+(?:endorsement|recommendation|nomination|introduction|referral)|(?:endorsement|recommendation|nomination|referral)\\s+letters?|(?<=\\b(?:hold|holds|obtain|obtains|provide|provides|submit|submits|produce|produces|have|has|with|carry|carries|bear|bears|present|presents)\\s+(?:an?\\s+|the\\s+)?)(?:written\\s+)?endorsement)\\s+(?:from|by|issued\\s+by)\\s+(?:the\\s+)?(?:[\\w'&-]+\\s+){0,6}?(?:bureau|department|commission|committee|authority|government|administration|sasac|ndrc)\\b|\\bapproval\\s+letter\\s+from\\s+(?:the\\s+)?[^.;\\n]{0,60}?\\b(?:bureau|department|commission|authority|committee|government)\\b[^.;\\n]{0,40}?\\b(?:confirming|approving|naming|designating|recommending)\\s+(?:your|the)\\s+(?:firm|company|agency|consultant)|\\b(?:agenc(?:y|ies)|firms?|consultants?|consultanc(?:y|ies)|compan(?:y|ies)|suppliers?|valuers?|appraisers?|lab(?:oratory|oratories|s)?|institutions?)\\s+(?:[\\w-]+\\s+){0,2}?(?:listed|recommended|published|named|filed|approved)\\s+(?:at|on|in)\\s+(?:the\\s+(?:website|web\\s*page|page|list|portal)\\s+(?:at\\s+)?)?(?:https?://)?(?:www\\.)?(?:[a-z0-9-]+\\.)+gov\\.cn\\b`,
    explain: {
      zh: "不得要求选用政府部门推荐、认可或备案的机构（变相指定）。",
      en: "An agency recommended, approved or filed by a department may not be required (designation in disguise).",
    },
    matches: [
      "The monitoring agency must be recommended in writing by the Lvliang Ecology & Environment Bureau.",
      "Only appraisal firms approved by the District SASAC for this asset disposal may respond.",
      "the testing laboratory designated by the Zhangjiajie Municipal Construction Quality Supervision Station",
      "an agency recommended by the district housing bureau",
      "agencies filed with the Putuo Ecology and Environment Bureau",
      "consultants approved by the municipal planning department",
      "Use the testing lab nominated by the town government.",
      "the consultancy appointed by the district authority",
      "The valuation shall be carried out by a valuer approved by the Lhasa Municipal State-owned Assets Supervision and Administration Commission.",
      "the engineering consultancy listed in Schedule 3 as approved by the Mudanjiang Municipal Bureau of Housing",
      "The inspection will be carried out by the testing body designated by the Jingdezhen Municipal Housing and Urban-Rural Development Bureau.",
      "Testing shall be performed by the inspection centre designated in Document No. 7 of the county transport bureau.",
      "prepared by an institution recommended in writing by the Xiangxi Prefecture Ecology and Environment Bureau",
      "The Bureau has nominated Huaxin Consulting Ltd for this assignment; no other submissions are invited.",
      "Tenderers must be among those recommended in writing by the local industry association.",
      // (round 129) a department's letter of endorsement as a condition
      "Applicants must hold a letter of endorsement from the Municipal Commerce Bureau.",
      // (round 130) a list on a government website
      "Choose one of the agencies listed at http://zjj.example.gov.cn/list; others will not be accepted.",
    ],
    allows: [
      "no agency is designated or recommended by any government department, and all qualified agencies may apply.",
      "The report must be submitted to the Shanghai Planning Bureau for filing.",
      "The report will be filed with the district bureau by the enterprise.",
      // the filing every valuer has under national rules is no department's pick
      "Valuers must be land valuation institutions filed with the competent natural resources authority in accordance with national rules.",
      "The bureau has appointed an expert panel to review the reports.",
      "Valuers must be members recommended by the China Appraisal Society.",
      "The final report requires endorsement by the District Planning Bureau.",
      // the winner's place of work or a form a department sets, not an agency it picks
      "The selected firm shall work at a place designated by the district government.",
      "The winning firm shall attend meetings at a venue designated by the district government.",
      "A letter of recommendation from a previous client is welcome.",
      // (round 130)
      "Technical standards may be downloaded at http://zjj.example.gov.cn/standards.",
    ],
    unless: "\\b(?:in\\s+accordance\\s+with|under|as\\s+required\\s+by|pursuant\\s+to)\\s+(?:the\\s+)?(?:national|state|prc)\\b",
  },
  {
    // The bureau recommends that the enterprise engage one of the following approved agencies: a department's
    // short list handed to the enterprise, designation in disguise.
    id: "designation-recommends-en",
    category: "designation",
    severity: "refuse",
    article: "PLAN-79-DESIGNATION",
    pattern: `\\b(?:the\\s+)?(?:[\\w-]+\\s+){0,4}?(?:bureau|department|commission|authority|committee|office|government|administration|regulator)\\s+(?:recommends?|suggests?|advises?|proposes?|requires?|asks?|expects?)\\b[^.;\\n]{0,60}?\\b(?:engag(?:e|es|ing)|use|uses|using|select(?:s|ing)?|choos(?:e|es|ing)|appoint(?:s|ing)?|hir(?:e|es|ing)|retain(?:s|ing)?)\\s+(?:one\\s+of\\s+)?(?:the\\s+)?(?:following|listed|approved|designated|recommended|named|attached|below|bureau's|department's)\\b`,
    explain: {
      zh: "政府部门不得推荐、指定企业选用特定中介机构（变相指定）；企业自主选择。",
      en: "A department may not recommend or name the agencies an enterprise is to engage (designation in disguise); the enterprise chooses freely.",
    },
    matches: [
      "The bureau recommends that the enterprise engage one of the following approved agencies.",
      "The district planning department suggests using the listed consultancies.",
    ],
    allows: [
      "The bureau recommends that the enterprise engage a qualified agency of its own choice.",
      "The department recommends using the national standard GB/T 50326.",
    ],
  },
  {
    // 去年合作过的单位优先 / 老合作单位直接入围: the requester's past partners put first
    id: "designation-previous-partner-zh",
    category: "designation",
    severity: "refuse",
    article: "PLAN-79-DESIGNATION",
    pattern: `(?:(?:去年|上次|上一次|以往|之前|曾经|以前|过去|原来|往年|上一?年度?)(?:与|和|同)?(?:我校|我司|我院|本单位|我单位|本公司|我公司|我们|我局|学校|公司|医院|集团|本院)?(?:合作过|合作|服务过|做过|承担过)(?:的)?(?:单位|机构|公司|律所|事务所|团队)|老(?:客户|合作单位|合作伙伴|供应商|合作机构)|原(?:服务|承担|合作)(?:单位|机构))[^。；;\\n]{0,8}?(?:优先|加\\d*分|直接入围|免于?(?:资格)?审查|不用(?:再)?比选)`,
    explain: {
      zh: "不得优先选用与采购人有过合作的机构（变相指定）；企业自主、公平选择。",
      en: "Agencies that worked for the requester before may not be put first (designation in disguise).",
    },
    matches: ["去年合作过的单位优先。", "与我单位以往合作过的机构加5分", "老合作单位直接入围，新单位需资格审查。"],
    allows: ["近三年承担过类似项目的单位优先考虑其业绩。", "合作过程中发现问题的，中选机构须及时整改。"],
  },
  {
    // Keeping last year's agency and shutting out the rest (沿用去年那家，别家报了也不考虑), or the pick left to a
    // trade association (由县测绘行业协会推荐的单位中抽取): designation by another name.
    id: "designation-incumbent-zh",
    category: "designation",
    severity: "refuse",
    article: "PLAN-79-DESIGNATION",
    pattern: `(?:须为|限于|仅限|只限)[^。；;\\n]{0,16}?(?:已|曾)(?:与|和|同)(?:我校|我司|我院|本单位|我单位|本公司|我公司|学校|公司|医院|集团|本院)[^。；;\\n]{0,12}?(?:签订|签署|合作)[^。；;\\n]{0,16}?(?:机构|单位|公司)|未(?:与|和|同)(?:我校|我司|我院|本单位|我单位|本公司|我公司|学校|公司|医院|集团|本院)合作过的(?:单位|机构|公司)(?:不在|不得|不能|不予|无法|均不)|沿用(?:去年|上次|上一次|以往|之前|原来|原|上年度?|上一?轮|上一?期|前期|前次)[^。；;\\n]{0,20}?(?:那家|这家|单位|机构|公司)|照旧(?:交|给|找|用|委托)(?:给)?(?:上年|去年|上次|旧年|以往)|已由[^。；;\\n]{0,12}?(?:主管部门|上级|领导|集团|政府|{DEPT})(?:研究)?(?:确定|选定|指定)(?:为)?[^。；;\\n]{0,30}?(?:单位|机构|公司|中心|事务所|院|所)|(?:本公告|本次公告|此公告|本公示)(?:仅|只)(?:作|为|做)(?:程序性|形式上的?)?(?:公示|告知|备案)|(?:还是|还|仍然?|继续|照旧|依旧|就)(?:用|找|选|请|要|续签|续约)(?:去年|上次|上回|上一次|以往|之前|原来|上年度?)(?:的)?(?:那家|这家|那个|单位|机构|公司)|除(?![^，。；,;\\n]{0,30}?(?:具备|具有|持有|取得|资质|资格|满足|符合|达到|通过|入库|入围|报名|注册|设计单位|施工单位|利害|关联|利益冲突))[^，。；,;\\n]{2,30}?(?:有限公司|公司|事务所|研究院|设计院|研究所|中心|那家|这家)(?:外|以外|之外)[，,]?(?:的)?(?:其余|其他|其它|别的|所有|全部)(?:的)?(?:机构|单位|公司|供应商|中介机构|中介)?(?:均|一律|全部|都|一概)?(?:回避|不得参与|不得报名|不予受理|不接受|无需报名|不用报名?|别报|勿报)|(?:其他家|别家|其他(?:机构|单位|公司)|你们|别的(?:机构|单位|公司))[^。；;\\n]{0,8}?(?:也就是|就是|只是|只能|也是|都是|仅作|只作|仅为|只为|仅当|只当|权当)(?:来|去)?(?:陪跑|陪标|当陪衬|凑数)|(?:其他|其余|别家|别的)[^。；;\\n]{0,8}?(?:报价|报名|方案)[^。；;\\n]{0,4}?(?:仅|只)(?:作|供|做)(?:为)?(?:(?:比价)?参考|(?:价格)?(?:比对|比较|对比)(?:之用|用)?)|(?:已|已经)(?:初步)?(?:确定|商定|议定|内定|决定|研究确定)由(?!(?:本次)?(?:中选|中标|成交|入围|比选|评审|竞争))[^。；;\\n]{2,30}?(?:承担|实施|负责|承接|继续)|(?:去年|上次|上一次|以往|之前|原来|上年度?)(?:做|干|承接|服务|合作)(?:的|过的)(?:那家|这家)|延续(?:前期|以往|上次|原有|此前|上一?年度?|去年|上一?期)?(?:的)?合作|(?:仅|只)邀请(?:承担|做过|参与过|原)|继续(?:委托|由|聘请|选用|沿用|交由)(?:承担(?:过|了)?|负责(?:过|了)?|编制(?:过|了)?)?(?:该|原|上次|去年|上一年度?|原来的?|上一?轮|上一?期|前期|此前|前次)|(?:本)?(?:公告|公示|比选|采购|程序)(?:仅|只)(?:为|是)(?:了)?(?:履行|完成|走|满足)[^。；;\n]{0,8}?(?:程序|流程|手续|形式|要求)|走(?:个|一下|走)[^。；;\\n]{0,8}?(?:程序|过场|形式)|(?:只|仅)(?:续签|续约|续期)|不再(?:另行)?(?:公开)?(?:组织)?(?:公开)?(?:选取|选择|遴选|征集|挑选|招标|比选|采购|竞价|竞争)|(?:原|上年度|上一年度|去年|现有)[^。；;\\n]{0,30}?(?:直接|自动)续(?:签|约|期)|与(?:上年度|上一年度|去年|原|现有)[^。；;，,\\n]{0,20}?续(?:签|约)|由(?:现|原|现有|上一?年度?)(?:的)?(?:服务|合作|中选|审计|评估)?(?:单位|机构|公司)[^。；;\\n]{0,30}?续(?:签|约|期)|直接(?:邀请|委托|找|定)(?:他们|他家|这家|那家|该(?:机构|单位|公司))|(?:别家|别的家|其他家|其余|其他人|别人|其他(?:机构|单位|公司|律所|事务所)|别的(?:机构|单位|公司|律所)|新(?:机构|单位|公司|供应商|报名单位))(?:报了|报名|报价)?(?:的话)?(?:我们)?(?:也|的|就|都|一律|均)?(?:不考虑|不予考虑|白报|无效|不接受|不用报|别报|不要报|恕不受理|不予受理|回避|没法用|用不了|不会用|不会选|不用白忙活|白忙活|不用忙活|不用费劲|别费劲|不用浪费时间|别折腾|不用折腾|也没用|没有用|白搭)|(?:协会|商会|学会|联合会|联盟)(?:统一)?(?:推荐|指定|认可|认定|备案|确定)(?:的)?{G10}(?:${AGENCY}|名单|名录)|未经{G8}(?:协会|商会|学会|部门|主管|{DEPT})(?:推荐|同意|认可|批准)的{G6}(?:无效|不得|不予|不接受)|(?:与|为|给|同)(?:我|本)(?:公司|司|单位|院|局|集团|厂|校|医院)(?:[（(][^）)]{0,16}[）)])?[^。；;\\n]{0,16}?(?:有过合作|合作过|提供过|服务过|承担过|做过|合作)[^。；;\\n]{0,30}?(?<!不|无|未)(?:得|加|计|给予?)(?:满分|\\d+(?:\\.\\d+)?分)|(?:原|上一?期|上一?轮|上一?年度|去年|往年|前期)(?:的)?(?:服务|承担|审计|检测|编制|合作|评估|测绘)?(?:单位|机构|公司)(?:在[^。；;，,\\n]{0,12}?(?:项|部分|方面|中))?(?<!不|无|未)(?:可|将)?(?:直接)?(?:得|加|计)(?:满分|\\d+(?:\\.\\d+)?分)|(?:须|必须|应|需)(?:与|和)(?:该院|该公司|该单位|该机构|该所|[^。；;，,\\n]{2,30}?(?:有限公司|有限责任公司|事务所))(?:组成|组建|成立)联合体|由(?!(?:本次)?(?:中选|中标|成交|入围))[^。；;，,\\n]{0,30}?(?:单位|机构|所|公司|事务所|院)(?:[（(][^）)]{0,20}[）)])?继续(?:承担|承接|负责|实施|开展|提供|编制|完成|服务|做)`,
    explain: {
      zh: "不得沿用、直接邀请某家机构或只接受行业协会推荐的机构而排除其他机构（变相指定）。",
      en: "An agency may not be kept on, invited directly, or taken only from an association's recommendations while others are turned away (designation in disguise).",
    },
    matches: [
      "@各位 合肥那个医院的停车研究，局里已经打过招呼了，就用上次那家，别的单位报了也没用",
      "本次蔬菜基地农残快检服务已初步确定由某农业科学院下属检测中心承担（联系人王工），其他机构报价仅作价格比对之用。",
      "本次森林资源调查已商定由原承担单位继续实施，欢迎其他单位关注后续项目。",
      "韩庄村、李楼村两村村庄规划继续由承担上一轮规划编制的单位负责，以保持规划延续性。",
      "本次公告仅作程序性公示。",
      "报名单位须为2024年度已与我校签订造价咨询服务合同的合作机构，未与学校合作过的单位不在本次比选范围内。",
      "今年只续签，不找新的机构。",
      "我们街道这个法律顾问还是续签原来那家律所，今年走个中介超市的程序，其他律所莫报。",
      "报名单位如非山西某电力勘测设计院有限公司，须与该院组成联合体方可报名。",
      "本年度防雷装置检测原则上沿用上一轮承担单位，以保证检测数据衔接。",
      "拟继续由上一轮承担该调查的机构实施，本公告仅为履行公开程序。",
      "沿用去年给我们做安评那家，直接邀请他们，别家报了也不考虑哈",
      "这个房产评估 我们董事长的意思是还用去年那家 你们其他家报了也就是陪跑",
      "原审计机构在“服务经验”项直接得满分15分，其他机构按类似业绩计分",
      "其他机构的报价仅作参考。",
      "由县测绘地理信息行业协会统一推荐的单位中随机抽取确定，未经协会推荐的机构报名无效",
      "乡政府已经说好了用这家，其他公司报名的话我们也没法用",
      "就找管委会介绍的那个，你们其他公司不用白忙活了",
      "鉴于原安全评价机构对企业工艺较为熟悉，本次继续委托该机构实施，不再另行公开选取。",
      "还是由去年做的那家审图中心继续承接，其他机构就不用报了",
      "回避理由：延续前期合作，仅邀请承担一期工程审计的单位，其余机构一律回避。",
      "本项目由原审计单位继续服务，不再另行选择",
      "建设单位已与某设计院达成合作意向，其他单位报名仅作陪标。",
      // (round 138) last time's firm asked for; all but one named firm avoided
      "就要上次那家，XX咨询公司",
      "除华信造价公司外其余机构回避",
    ],
    allows: [
      "联合体成员须与牵头人签订联合体协议。",
      "去年的检测报告可作参考",
      "其余条件不变",
      "欢迎其他机构报名",
      "报名单位之间不得串标、陪标。",
      "原审计机构不得参与本次比选。",
      "除本项目设计单位外，其余机构均可报名",
      "我们之前找的那家做得不好，这次不要上次那家了",
    ],
  },
  // ── Local ties: tax, social security, staff, track record ─────────────────────────
  {
    id: "local-tax-social-zh",
    category: "local-ties",
    severity: "refuse",
    article: "FCR-9-5",
    pattern: `(?:在|于){PLACE}{G4}(?:开了|开立了?|开设了?|开有|开)(?:基本户|基本账户|基本存款账户|一般户)|(?:税|社保)(?:也|都)?(?:要|须|需|得|必须|应)(?:在){PLACE}(?:交|缴)|(?<!任一|任何|任意|我国|中国|全国|国)(?<!任一家|任何一家){PLACE}{G8}(?:银行|农商行|农商银行|农村商业银行|信用社|农信社|城商行)[^。；;\\n]{0,8}?(?:开立|开设|开有|开户|开个|开一个|开了个|开好|出具|开具)|(?:在|于)(?:县|区|市|镇|乡)(?:农村商业银行|农商行|农商银行|农村信用(?:合作)?社|信用社|农信社|村镇银行)[^。；;\\n]{0,8}?(?:开立|开设|开户)|(?:账户|账号|基本户|一般户|基本账户)[^。；;\\n]{0,6}?(?:在|于){PLACE}[^。；;\\n]{0,8}?(?:银行|农商行|信用社)|(?:保函|担保函|保证金|保证书)[^。；;\\n]{0,10}?由{PLACE}[^。；;\\n]{0,8}?(?:银行|金融机构)(?:出具|开具)|{PLACE}{G8}(?:缴纳|缴|交纳|参加|参保)?{G4}(?:社保|社会保险|社会保障|养老保险|个人所得税|个税|纳税|缴税|税款|税收|纳过税|交过税|缴过税|完税证明|完税凭证|纳税凭证|缴税凭证|税收缴款书|(?<=(?:缴纳|缴|交纳))(?:增值税|企业所得税|所得税))|(?:社保|社会保险|纳税|税收)(?:缴纳)?(?:地|关系)?{G4}(?:在|为|于){PLACE}|(?:社保|社会保险|个税|纳税|税)(?:缴纳)?{G4}(?:在|于)(?:沪|京|津|渝|苏|浙|皖|闽|赣|鲁|豫|鄂|湘|粤|桂|琼|川|蜀|黔|滇|藏|陕|甘|陇|冀|晋|辽|吉|黑)(?:交|缴|缴纳|参保|纳税)|(?:省外|市外|区外|县外|外省|外地|外市|外区)(?:交|缴|缴纳|参保|纳税)的?(?:不算|无效|不认可|不予认可|不计)|(?:在|于){PLACE}${WITHIN}?(?:参保|参加(?:城镇职工)?(?:社保|社会保险))|(?:开户银行|开户行|基本(?:存款)?账户)[^。；;\\n]{0,10}?(?:须|需|应|必须|只能)(?:为|是|在|开立于|开设在)[^。；;\\n]{0,4}?{PLACE}`,
    // 中选机构若为外省企业，开具发票时应在项目所在地税务机关预缴税款: the winner's cross-region prepayment (round 131)
    unless: TAX_FORMALITY_AFTER_AWARD_ZH,
    explain: { zh: "不得要求在本地缴纳社保或纳税。", en: "Paying social insurance or taxes locally may not be required." },
    matches: [
      "中选机构须在县农村商业银行开立基本存款账户，报名时提供开户许可证明。",
      "报名时须提供本单位近一年在本县缴纳社会保险的人员不少于10人的证明。",
      "中了的会计所要在我们县农商行开个账户，没开的先去开好再来报名。",
      "要求是在我们区开了基本户的，税也要在区里交",
      "项目经理社保要在粤交的，近半年，省外交的不算",
      "近6个月在本市缴纳社保的证明",
      "在普陀区依法纳税",
      "在区内的纳税证明",
      "在本市社保缴纳满12个月",
      "至少3人须为在齐齐哈尔市参保的职工",
      "希望是在丽江纳过税的公司",
      // (round 132) the proof of tax named as a 凭证
      "须提供在本省缴纳增值税的完税凭证",
      // (round 135) the tax named, paid in the place
      "报名机构须在本市缴纳增值税满两年",
      "近一年在本区缴纳企业所得税",
    ],
    allows: ["投标人依法纳税，无重大违法记录", "提供近6个月社保缴纳证明"],
  },
  {
    id: "local-record-zh",
    category: "local-ties",
    severity: "refuse",
    article: "FCR-9-5",
    pattern: `(?:具有|具备|提供|有|须有)(?:过)?(?:服务|服务于|为)(?:过)?{PLACE}(?:(?!机构|单位|企业|公司)[^。；;，,\\n]){0,2}?(?:企业|单位|机构|客户|政府|部门|街道|园区)(?:的)?(?:成功|典型|同类|类似)?(?:案例|业绩|经验|经历)|(?:没|没有|未|未曾|从没|从未)(?:(?:做|干|承接|承担|完成|服务)过{PLACE}|在{PLACE}{G4}(?:做|干|承接|承担|完成|服务)过){G8}(?:项目|业绩|活儿?|工程|案例|案子)的?[，,]?(?:就|都|一律|均|的话)?(?:(?:别|不要|不用|甭|莫|勿|不能|不得)(?:来)?(?:报|参与|参加|来)|不(?:予)?(?:考虑|受理|接受)|免谈)|(?:须|需|应|必须|要求)(?:曾)?(?:与|和|同|为){PLACE}[\u4e00-\u9fa5]{0,10}?(?:局|委员会|委|办|政府|部门|管委会|街道|单位)(?:签订|签署|合作|服务|提供服务)(?:过)|(?:在){PLACE}(?:连续|持续)?(?:经营|营业|执业|开业)(?:满|已满|超过|不少于|达到)?(?:{NUM}|半)(?:年|个月|周年)(?:以上|及以上)?|(?:获|获得|荣获|取得)(?:过)?[「“"《]?{PLACE}{G16}(?:奖|表彰|荣誉称号|称号)|{PLACE}(?:市级|区级|县级|省级|级)?(?:评优|优秀[^，,。；;\\n]{0,8}?奖)|{PLACE}{G4}(?:完成|承接|承担|实施|做|干|服务)(?:过)(?:的)?{G10}(?:记录|成果|案例|项目|案仔|案子|(?:报告书|报告表|报告|方案)(?=[^。；;\\n]{0,4}?(?:不少于|不低于|至少|累计|合计)))|(?:有|具有|具备)(?:在)?{PLACE}(?:范围内|内|境内|辖区内)?(?![\u4e00-\u9fa5]{0,8}?(?:地区|地层|条件|土质|气候))[\u4e00-\u9fa5]{0,8}?经验|{PLACE}{G4}(?:完成|承接|承担|实施)(?:过)?的?{G10}(?:记录|成果|案例|项目)(?!的?(?:进度|保障|实施方案|服务方案|工作方案|组织方案|计划|措施|安排))|{PLACE}{G12}(?:业绩|项目经验|服务经历|服务经验|经历|同类项目|类似项目|工程经验)|{PLACE}${WITHIN}?(?:承担|承接|完成|实施|做|干)过{G16}(?:业绩|同类项目|类似项目|案例)|以{PLACE}[^。；;\\n]{0,12}?为(?:委托方|委托人|业主|甲方|客户|服务对象|采购人)的[^。；;\\n]{0,12}?业绩|(?:完成|承接|承担|实施|做|服务)(?:过|于)?(?:的)?{PLACE}(?:范围内|辖区内|境内|内|区域内)?{G12}(?:项目|业绩|案例|医院|学校|单位|企业|客户|机构)(?:的)?[^。；;\\n]{0,12}?(?:得|加|计)\\d*(?:\\.\\d+)?分|(?:县外|市外|区外|省外|州外|外地|外省|外市|外县)(?:的)?(?:业绩|项目|经验|经历)(?:均|一律)?(?:不计分|不予计分|不得分|不计|不认可|不予认可|无效|不算)`,
    // 省内省外业绩均予认可 / 本地和外地业绩同等对待: both sides named, the same for both
    // (round 138) an attachment that is a sample or a form for reference (附件1：本区2024年度类似项目审计报告样本（仅供参考格式）)
    unless:
      "^\\s*附件\\s*[0-9一二三四五六七八九十]*\\s*[:：](?![^。；;\\n]*(?:须|必须|需要?(?:具|提供|有)|应当?(?:具|提供)|要求|仅限|限于|方可|加分|得分|计分))[^。；;\\n]*(?:样本|范本|模板|示例|式样|(?:仅)?供参考)|不设(?:置)?[^。；;\\n]{0,30}?(?:等)?(?:任何)?(?:限制|门槛)|(?:省内(?:外|、?省外)|市内(?:外|、?市外)|区内(?:外|、?区外)|本地(?:和|与|及|、)?外地|国内外|境内外)[^。；;\\n]{0,10}?(?:均|都|一律|同等|同样)(?:予以?|可|被)?(?:认可|认定|有效|计分|对待)",
    explain: {
      zh: "不得要求本地业绩或本地服务经历；同类业绩不限地域。",
      en: "A track record in this place may not be required; similar work anywhere counts.",
    },
    matches: [
      "技术评分：近两年服务过西双版纳州内二级以上医院的，每家加1分，最高5分。",
      "业绩评分：以温州市国有企业为委托方的海域使用论证业绩，每项得2分，最高10分；其他业绩不计分。",
      "3|类似业绩|近三年承担过信阳市范围内医院能源审计项目的，每个得2分，最高6分|6",
      "须具有本区同类项目业绩",
      "在本市完成的类似项目业绩",
      "在浙江省内完成过不少于3个同类项目",
      "具有本区政府投资项目服务经历",
      "须有为本区政府部门提供过服务的经历",
      "须有在松江区完成的测绘成果备案记录三项以上",
      "得是之前在宜兴做过项目的",
      "报名机构须于过去五年内曾获「福建省优秀工程咨询成果奖」或福州市级评优表彰",
      "近三年在本县范围内完成村庄规划项目的，每个加2分；县外业绩不计分。",
      // (round 129) one province's abbreviation after 在 (places.ts)
      "须具有在粤完成同类项目业绩不少于3项。",
      // (round 131) a contract with a local department, years of business in the place
      "投标人须与本县建设局签订过服务合同。",
      "资格：在本地连续经营三年以上。",
      // (round 132) work done in the place, named as 业绩 after a long object
      "须具有在江苏省内承担过至少两项水利工程监理业绩。",
      // (round 138) work never done here, told not to bid
      "没做过咱们镇项目的就别报了",
      "从没做过本区工程的一律不考虑",
      // (round 140) reports done here counted, experience here
      "编制主持人近三年在本区完成过环评报告书不少于2本。",
      "地质灾害评估单位应熟悉本区地质条件，近年有本区地灾评估经验者方可报名。",
    ],
    allows: [
      "本次采购不设注册地、分支机构、本地业绩等限制，全国范围内具备能力的机构均可报名。",
      "需提供近三年同类项目业绩不少于两项（不限地域）",
      "类似业绩（20分）：提供近三年类似项目合同，省内省外业绩均予认可，每份得4分，最高20分",
      "项目位于普陀区，需类似项目经验",
      "中选机构须与本县建设局签订服务合同后进场。",
      "报价人应在响应文件中提供在凭祥市实施项目的进度保障措施。",
      "附件1：本区2024年度类似项目审计报告样本（仅供参考格式）",
      "从没做过本区项目的机构也欢迎报名",
      "中选机构在本区完成现场调查后，提交报告不少于8份。",
      "具有软土地区基坑监测经验的项目负责人优先。",
    ],
  },
  {
    // Membership of a place's trade association as a condition or a score: the association admits the
    // place's firms, so "会员单位得5分" favours them whatever the wording.
    id: "local-association-zh",
    category: "local-ties",
    severity: "refuse",
    article: "FCR-9-5",
    pattern: `(?:{PLACE}|(?<![中全城都地社景园小郊山门超各外林矿灾])(?:省|市(?!场)|区|县)(?!级))(?:{G12}(?:协会|商会|学会|联合会|联盟)(?:的)?(?:会员|成员|理事|members?\\b)|[\\u4e00-\\u9fa5]{0,12}?(?:协会|商会|学会|联合会)(?:的)?[^。；;，,\\n]{0,10}?[\\u4e00-\\u9fa5]{0,6}?(?:评价|评级|评定|考评|考核|等级)[^。；;\\n]{0,12}?(?:a{1,3}\\+?级|[一二三123]级|优秀|星级))`,
    explain: {
      zh: "不得以加入本地行业协会、商会作为条件或加分项；外地机构无从加入。",
      en: "Membership of a local trade association or chamber may not be a condition or earn points; agencies from elsewhere cannot join it.",
    },
    matches: [
      "投标人为上海市勘察设计行业协会会员单位的得5分，非会员不得分",
      "须为本市工程咨询协会会员",
      "宁波市资产评估协会的会员单位优先",
      "Note: 只有 Sanya 市工程咨询协会 member 可以 join, 非会员 sorry.",
      // (round 140) an association named by its level alone, and a local association's rating
      "签字评估师须为省资产评估协会会员，并参加过本省组织的后续教育。",
      "造价咨询单位近两年在市造价协会信用评价中须为A级。",
      "评估机构在省资产评估协会年度执业质量评价中须为AA级。",
    ],
    allows: [
      "成果须报上海市勘察设计行业协会备案",
      "项目负责人须具有注册造价工程师资格，并参加继续教育",
      "签字评估师须为中国资产评估协会执业会员。",
      "造价咨询企业在中国建设工程造价管理协会信用评价中为AAA级的，提供证明。",
      "须为中国城市规划协会会员单位",
    ],
  },
  {
    // 须为2023年度区级优秀中介服务机构 / 本市诚信示范企业加3分: an honour only this place awards, which agencies from
    // elsewhere cannot hold. A district-, city- or county-level honour may be any place's: held for a regulator.
    id: "review-local-honour-zh",
    category: "local-ties",
    severity: "review",
    article: "FCR-9-5",
    pattern: `(?:须|需|应|必须|要求|仅限|限|得是|须是|应是|应为|须为|获得过?|荣获|被?评为|评定为)[^，,。；;\\n]{0,16}?(?:本区|本市|本县|本镇|本地|当地|区内|市内|县内|区级|市级|县级|镇级|区委|区政府|市政府|县政府)[^，,。；;\\n]{0,8}?(?:优秀|先进|示范|诚信|守信|信用|星级|十佳|明星|标杆|aaa级|aa级|a级)[^，,。；;\\n]{0,10}?(?:机构|单位|企业|中介|事务所|服务商|供应商|称号|荣誉|表彰)|(?:本区|本市|本县|区级|市级|县级)[^，,。；;\\n]{0,8}?(?:优秀|先进|示范|诚信|守信|信用|星级|十佳|明星|标杆)[^，,。；;\\n]{0,10}?(?:机构|单位|企业|中介|事务所|称号|荣誉|表彰)[^。；;\\n]{0,10}?(?:(?:加|得|计)\\d+(?:\\.\\d+)?分|优先)`,
    explain: {
      zh: "以本地（区级、市级、县级）评定的荣誉、称号作为条件或加分项，外地机构可能无从取得，需审查；可改为不限评定地域的同等荣誉或删除。",
      en: "An honour awarded by this place (district, city or county level) as a condition or for points: agencies from elsewhere may be unable to hold it; to be reviewed.",
    },
    // (本市诚信示范企业…加3分 and 本区星级服务机构优先 are refused by local-record-zh and preference-zh before this rule)
    matches: ["比选申请人须为2023年度区级优秀中介服务机构。", "报名单位应为县级信用示范企业"],
    allows: ["中选机构应争创优秀服务机构。", "报名机构须具有良好的商业信誉。", "区级财政投资项目须按规定编制预算。"],
  },
  {
    id: "local-association-en",
    category: "local-ties",
    severity: "refuse",
    article: "FCR-9-5",
    pattern: `\\bmember(?:s|ship)?\\s+of\\s+(?:the\\s+)?{EN}[\\w\\s'-]{0,40}?\\b(?:association|chamber|society|federation|alliance)\\b|{EN}[\\w\\s'-]{0,40}?\\b(?:association|chamber of commerce|society|federation)\\s+member(?:s|ship)?\\b`,
    explain: {
      zh: "不得以加入本地行业协会、商会作为条件或加分项；外地机构无从加入。",
      en: "Membership of a local trade association or chamber may not be a condition or earn points; agencies from elsewhere cannot join it.",
    },
    matches: [
      "Bidders must be members of the Ningbo Asset Appraisal Association.",
      "Five points for Shanghai Surveying Association membership.",
    ],
    allows: ["The report shall follow the guidance of the national surveying association."],
  },
  {
    id: "local-staff-zh",
    category: "local-ties",
    severity: "refuse",
    article: "FCR-9-5",
    // …须为本地人 (a local person), not 本市人民政府、本区人社局、本地人口、本地人工费
    pattern: `(?<!(?:中选|中标|成交|进场|签订)[^。；;\\n]{0,20})(?:须|需|必须|应|应当|要求)(?:已)?(?:在){PLACE}{G4}(?:连续)?(?:工作|任职|从业|执业|居住|生活)(?:满|已满|超过|不少于|达到)(?:{NUM}|半)(?:年|个月|周年)(?![^，,。；;\\n]{0,2}?(?:后|以后|之后|方可|才可|才能))|{PLACE}(?:户籍|户口|常住户口|常住人口|常住|居住证|居民|籍人员|人员|员工|技术人员)|{PLACE}(?:公安机关|公安局|公安部门|有关部门)?(?:核发|签发|颁发|发放)的(?:居住证|户口簿|户籍证明|暂住证)|(?:须|需|必须|应|应当|要求|限)(?:为|是)(?:{LOCAL}|{PLACE}(?:本地)?)人(?![口民员工力才手们均社防大行事财])`,
    // the residents the work affects or surveys (保障沿线本地居民的通行、对周边本地居民开展公众参与调查), not staff
    // (round 133) the people the work serves or surveys (服务对象为本市户籍的困难老年人、为辖区户籍适龄儿童提供筛查), not staff —
    // unless the sentence also asks something of the team
    unless:
      "^(?![^]*(?:人员|员工|负责人|团队|成员|工程师|技术骨干)[^。；;，,\\n]{0,8}?(?:须|需|必须|应|要求|限|为))[^]*?(?:户籍|户口|常住户口|常住)(?:的|在册)?[^。；;，,\\n]{0,8}?(?:老年人|老人|居民|儿童|学生|幼儿|新生儿|孕产妇|妇女|患者|病人|残疾人|家庭|群众|村民|农户|低保|特困|退役军人|对象|人群|困难|适龄)|(?:周边|沿线|附近|片区|社区|周围|范围内)[^。；;，,\\n]{0,6}?本地(?:户籍|常住)?(?:居民|人口|村民)|本地(?:户籍|常住)?(?:居民|人口|村民)(?:及|和|与|、)(?:学校|村民|商户|群众|企业)|(?:保障|照顾|影响|调查|征求|走访|告知|安置|补偿)[^。；;，,\\n]{0,12}?本地(?:户籍|常住)?(?:居民|人口|村民)",
    explain: {
      zh: "不得要求人员具有本地户籍或为本地人员。",
      en: "Staff may not be required to hold local household registration or be local.",
    },
    matches: [
      "项目团队须为本地户籍人员",
      "技术负责人应为上海户籍或持有上海居住证",
      "项目经理须为本市常住人口",
      "项目负责人须长期驻场，且须为本地人。",
      "驻场人员必须是本地人",
      "项目经理须持有本市核发的居住证满两年。",
      // (round 131) years of work or residence in the place
      "参选单位的项目负责人须在本县连续工作满三年。",
    ],
    allows: [
      "项目周边500米范围内的本地户籍居民和流动人口均须覆盖",
      "项目负责人须具有注册造价工程师资格",
      "成果须报本市人民政府审定",
      "报价须为本地人工费标准测算的综合单价",
      "外地项目人员如需在本市办理居住证以便长期驻场，我司可出具工作证明协助办理。",
      "中选后，项目负责人须在本县连续工作满三个月，直至成果验收。",
      "项目负责人须在本市工作满一年后方可申请更换。",
      // (round 133) the people the work serves
      "为辖区户籍适龄儿童提供视力筛查服务，筛查人数约1.2万人。",
    ],
  },
  {
    id: "local-ties-en",
    category: "local-ties",
    severity: "refuse",
    article: "FCR-9-5",
    pattern: `\\b(?:familiarity|experience|knowledge)\\b[^.;\\n]{0,40}?\\bin\\s+{EN}\\s+(?:through|by|via|with|evidenced\\s+by|shown\\s+by)\\s+(?:at\\s+least\\s+)?(?:[\\w-]+\\s+){0,3}?(?:projects|assignments|engagements|contracts|jobs)\\b|\\b(?:at\\s+least|a\\s+minimum\\s+of|minimum\\s+of|evidence\\s+of)\\s+(?:[\\w-]+\\s+){0,5}?(?:projects|assignments|engagements|contracts|jobs|works)\\s+(?:(?:located|situated|carried\\s+out|completed|delivered|performed)\\s+)?(?:in|within)\\s+{EN}|\\b(?:staff|team|personnel|members?|engineers?|employees|experts?|leaders?|managers?|surveyors?|assessors?|workers)\\b[^.;\\n]{0,60}?\\b(?:be|are|is)\\s+(?:all\\s+)?(?:permanent\\s+|registered\\s+|local\\s+)?residents?\\s+of\\s+{EN}|\\b(?:hukou|household\\s+registration)(?:\\s*\\([^)]{0,24}\\))?\\s+(?:in|of|from)\\s+{EN}|\\b(?:tax|taxation|social\\s+(?:insurance|security))\\b[^.;\\n]{0,60}?(?<!\\b(?:rules|regulations|guidelines|circulars?|notices?|provisions|measures|standards)\\s)\\b(?:issued|certified|stamped|confirmed)\\s+by\\s+(?:the\\s*)?(?:{EN}\\s+(?:[\\w-]+\\s+){0,3}?(?:tax|taxation|revenue|social\\s+(?:insurance|security)|human\\s+resources)|{PLACE}[\\u4e00-\\u9fa5]{0,6}?(?:税务|社保|社会保险|人社|人力资源))|\\b(?:points?|scored?|scoring|credit)\\b[^.;\\n]{0,60}?\\b(?:engagements?|projects?|assignments?|contracts?|stud(?:y|ies)|audits?|work|appraisals?|assessments?|valuations?|surveys?|reports?|inspections?|reviews?|designs?)\\b[^.;\\n]{0,40}?\\bfor\\s+(?:an?\\s+|the\\s+)?(?:[\\w-]+\\s+){0,3}?(?:enterprises?|clients?|customers?|compan(?:y|ies)|owners?|governments?|authorit(?:y|ies)|bureaus?|employers?|soes?)\\s+(?:located\\s+|based\\s+|registered\\s+)?in\\s+{EN}|\\b(?:from|by|of|for)\\s+(?:[\\w-]+\\s+){0,4}?(?:clients?|customers?|employers?)\\s+(?:located|based|registered|situated)\\s+(?:in|within)\\s+{EN}|{EN}\\s+(?:hukou|household\\s+registration)|\\bresiden(?:ce|cy)\\s+permits?\\s+(?:issued\\s+)?(?:by|in|from|of)\\s+(?:the\\s+)?{EN}|{EN}\\s+(?:[\\w-]+\\s+)?residen(?:ce|cy)\\s+permits?|\\b(?:staff|personnel|employees|members|persons|people|engineers?|leaders?|managers?|workers|experts?|surveyors?|assessors?)\\b[^.;\\n]{0,40}?\\b(?:enrolled|insured|registered|participating|contributing|covered)\\s+(?:in|into|to|with|under|by)\\s+(?:the\\s+)?{EN}\\s+(?:[\\w-]+\\s+){0,2}?(?:social\\s+(?:insurance|security)|pension|medical\\s+insurance|(?:housing\\s+)?provident\\s+fund)|\\b(?:proof|evidence|records?|certificates?|statements?)\\s+of\\s+(?:[\\w'’-]+\\s+){0,4}?pension\\s+(?:contributions?|payments?|insurance)\\s+(?:[\\w-]+\\s+){0,2}?(?:in|within|to)\\s+(?:the\\s+)?{EN}|(?:social (?:insurance|security)|(?<!\\b(?:submit(?:ted)?|file[ds]?|sen[dt]|deliver(?:ed)?|report(?:ed)?)\\s+(?:it\\s+|them\\s+|the\\s+[\\w-]+\\s+)?to\\s+(?:the\\s+)?(?:competent\\s+|local\\s+)?)tax(?:es)?)(?:\\s+[\\w-]+){0,6}?\\s+(?:(?:in|within|from|to)\\s+(?:the\\s+)?{EN}|locally)|(?:previous|prior|past)\\s+(?:work|projects?|experience|performance)(?:\\s+[\\w-]+){0,3}?\\s+(?:in|within)\\s+{EN}|\\b(?:projects?|experience|track record|references?|work|stud(?:y|ies)|assessments?|surveys?|reports?|assignments?|engagements?|contracts?)(?:\\s+(?!(?:is|are|will|shall|to|must|should)\\b)[\\w-]+){0,3}?\\s+(?:completed|delivered|performed|carried out|undertaken|gained|executed|done)\\s+(?:in|within)\\s+{EN}|experience (?:in|within) {EN}|\\b(?:completed|delivered|performed|carried\\s+out|undertaken|done|conducted)\\s+(?:at\\s+least\\s+|not\\s+less\\s+than\\s+|no\\s+fewer\\s+than\\s+|a\\s+minimum\\s+of\\s+)?(?:{ENUM}\\s+)?(?:[\\w-]+\\s+){0,2}?(?:projects?|assessments?|studies|surveys?|assignments?|contracts?|engagements?|valuations?|audits?|reports?)\\s+(?:in|within)\\s+(?:the\\s+)?{EN}|tax(?:es)?\\b[^.;\\n]{0,60}?\\b(?:paid|filed|registered|declared|settled)(?:\\s+and\\s+(?:paid|filed))?\\s+(?:with|to|in|at)\\s+{EN}|local\\s+bank\\s+(?:account|acct)s?|bank\\s+(?:account|acct)s?\\s+(?:in|opened\\s+in|with\\s+a\\s+bank\\s+in)\\s+{EN}|(?:completed|delivered|undertaken|performed|done|carried out|conducted)\\b[^.;\\n]{0,80}?\\bfor\\s+(?:projects?|developments?|sites?)\\s+(?:located|situated|sited|based)\\s+(?:in|within)\\s+{EN}|\\bpoints?\\b[^.;\\n]{0,60}?\\b(?:experience|projects?|work)\\s+(?:in|within)\\s+{EN}|local (?:experience|track record|household registration|hukou|references|(?<!\\b(?:train|trains|training|trained|mentor|mentoring|support|supporting|assist|assisting)\\s(?:the\\s)?local\\s)(?:staff|employees|personnel)(?!\\s+(?:of|from|at|in)\\s+(?:the\\s+)?(?:[\\w'-]+\\s+){0,6}?(?:bureaus?|commissions?|departments?|governments?|pmos?|pmus?|pius?|offices?|authorit(?:y|ies)|committees?|administrations?|employers?|owners?|clients?|purchasers?|centres?|centers?|utilit(?:y|ies))\\b))|\\b(?:be|are|is|being|as|hire|hires|hiring|employ|employs|employing|recruit|recruiting)\\s+(?:all\\s+|only\\s+)?local\\s+residents?\\b(?!['’]?\\s*(?:committees?|associations?))(?![^.;\\n]{0,40}?\\b(?:interviewees?|respondents?|participants?|informants?|beneficiar(?:y|ies)|households?\\s+(?:surveyed|interviewed))\\b)|(?<!\\b(?:consult|consults|consulting|with|inform|informs|informing|notify|notifying|survey|surveying|interview|interviewing|affected|among|for|engage|engaging|on|to)\\s(?:the\\s)?){EN}\\s+(?:residents?\\b(?!['’]?\\s*(?:committees?|associations?))(?![^.;\\n]{0,40}?\\b(?:interviewees?|respondents?|participants?|informants?|beneficiar(?:y|ies)|households?\\s+(?:surveyed|interviewed))\\b)|hukou|household registration)|(?:residents?|natives?) of {EN}|projects?\\s+(?:for|with)\\s+(?:the\\s+)?{EN}\\s+(?:government|bureau|authorit(?:y|ies)|administration)|\\b(?:assignments?|projects?|contracts?|engagements?|stud(?:y|ies)|surveys?|valuations?|appraisals?|audits?|assessments?)\\s+(?:for|with)\\s+(?:[\\w-]+\\s+){0,3}?(?:governments?|bureaus?|authorit(?:y|ies)|departments?|agencies|administrations?)\\s+(?:in|within|of)\\s+(?:the\\s+)?{EN}|\\b(?:projects?|reports?|assessments?|works?|contracts?|assignments?)\\s+(?:[\\w-]+\\s+){0,3}?(?:located\\s+|carried\\s+out\\s+|completed\\s+)?(?:with)?in\\s+(?:the\\s+)?{EN}[^.;\\n]{0,80}?\\b(?:(?:will\\s+be|are|is)\\s+counted|count(?:s)?\\s+(?:toward|towards|for)|points?\\s+(?:each|per|for))|\\bprojects?\\s+(?:located\\s+)?(?:outside(?:\\s+of)?\\s+(?:the\\s+)?{EN}|in\\s+other\\s+(?:provinces|cities|regions|districts|counties))[^.;\\n]{0,20}?\\b(?:are|will\\s+be)?\\s*(?:not\\s+counted|score\\s+zero|do\\s+not\\s+count|earn\\s+no|get\\s+no|receive\\s+no)|\\b\\d+\\s+(?:points?|pts|marks?)\\s+(?:per|for\\s+each|each|for\\s+every)\\s+(?:[\\w-]+\\s+){0,4}?(?:projects?|reports?|assessments?|contracts?|assignments?)\\s+(?:[\\w-]+\\s+){0,4}?(?:located\\s+|carried\\s+out\\s+|completed\\s+)?(?:with)?in\\s+(?:the\\s+)?{EN}`,
    explain: {
      zh: "不得要求本地纳税、社保、本地人员或本地业绩。",
      en: "Local taxes, social insurance, staff or track record may not be required.",
    },
    matches: [
      "Scoring: 5 points for each completed structural appraisal for clients in Tianhe District in the past three years (max 15); projects elsewhere score zero.",
      "Scoring: 3 points for each completed navigation safety study carried out for a port or shipping client located in Fujian Province, up to a maximum of 9 points.",
      "Scoring: +2 points for each completed tax advisory engagement for a state-owned enterprise in Deyang within the past three years (max 6 points).",
      "Bidders must have completed at least two cadastral survey contracts for clients located in Hotan Prefecture within the last five years.",
      "Number of proposed key staff holding household registration (hukou) in Chongqing: 2 marks per person.",
      "letters of satisfaction from clients located in Changchun City, 2 points per letter",
      "certificates of tax payment issued by the Suzhou Industrial Park tax authority for the last 12 months",
      "evidence of at least two completed cost-consulting assignments located within Nanyang City",
      "social insurance contributions paid in Shanghai",
      "The firm must pay taxes in the district.",
      "two similar projects completed in Shanghai",
      "Key staff shall hold local household registration.",
      "Tax must be paid locally.",
      "Staff must be Shanghai residents.",
      "Bidders must show tax records from Shanghai.",
      "Team members must be residents of Shanghai.",
      "completed projects for the Putuo government",
      "Previous work in Shanghai is mandatory.",
      "Qualification: at least one prior hydrology study completed within Fengxian District.",
      "corporate income tax for the last fiscal year was filed and paid with the Nanning municipal tax authority",
      "need a local bank acct in Xiamen 4 payment",
      "The team leader shall have completed at least three assessments for projects located in Shenzhen.",
      "5 points for each team member with prior work experience in the Guangxi Zhuang Autonomous Region",
      "not less than three land valuation assignments for county governments within Ili Prefecture in the last five years",
      "Bidders should have completed at least two similar assessments in Sanya in the last three years.",
      "The proposed team leader shall hold a residence permit issued by the Hangzhou authorities.",
      "Key personnel must be persons enrolled in the Shenzhen social insurance scheme for at least six consecutive months before the deadline.",
      "Bidders shall submit proof of at least 12 months' pension contributions made in Guangdong Province for each key staff member.",
      // (round 130) a Chinese-named tax office in an English sentence
      "Bidders must provide tax payment certificates issued by the 成都市税务局 for 2025.",
    ],
    // the service itself, to be done there, is no past experience
    allows: [
      "The tax agent must prepare the land appreciation tax clearance report in accordance with the clearance rules issued by the Sichuan Provincial Tax Service of the STA, and submit it to the competent tax bureau in Yibin on our behalf.",
      "The consultant must consult local residents in accordance with the Measures for Public Participation.",
      "Fieldwork is to be carried out in Fengxian over eight weeks.",
      // (round 142) the local staff of a bureau the winner trains
      "The consultant shall train local staff of the Ecology and Environment Bureau in using the monitoring system.",
      "The winner will train local staff in operating the pumping stations.",
      "Local residents are preferred as interviewees for the household survey.",
      "Experience with similar projects (any location) is required.",
      "Field work will take place in Hangzhou over two weeks.",
      "The consultant shall review the pension liabilities of state-owned enterprises in Shenyang.",
      "The consultant shall audit the contributions to the Beijing housing provident fund made by the group's subsidiaries.",
      "The audit covers pension contributions made in Guangdong Province by the group's subsidiaries.",
      "Foreign staff must hold a valid residence permit.",
      "The selected firm will pay its taxes as required by the tax rules; invoices must be issued by the firm itself.",
    ],
  },
  // ── Preference for local agencies ────────────────────────────────────────────────
  {
    id: "preference-zh",
    category: "preference",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `(?<!(?:为|对|向|针对|面向|帮助|协助|服务于)[^，,。；;|｜\\n]{0,4})(?<![\uE000\uE001]){PLACE}(?:内|范围内|辖区内)?(?:注册)?的?(?:机构|单位|公司|企业|供应商|中介机构)(?:得|计|加)\\d+(?:\\.\\d+)?分|{PLACE}(?:注册)?的?(?:机构|单位|公司|企业|供应商|中介机构)(?:报名|参与|投标|报价)?(?:的)?[，,]?(?:其)?(?:报价|价格|投标价|评审价|评标价)[^。；;\\n]{0,8}?(?:下浮|扣除|折减|打折|按\\d+(?:\\.\\d+)?折|按(?:其)?(?:报价的)?\\d{2}(?:\\.\\d+)?[%％](?:计算|计|核算|折算|计入|参与|进行))|(?:外地|外省|外县|县外|区外|市外|省外|外面|外边|外头)(?:的)?(?:机构|单位|公司|企业)?[^。；;\\n]{0,12}?(?:排后面|排在后面|往后排|靠后排|排到后面)|还是想(?:请|找|用|选){PLACE}的|{PLACE}的?(?:机构|单位|公司|企业|供应商)[^。；;\\n]{0,8}?(?:的话|者|时)[，,][^。；;\\n]{0,10}?(?:\\+\\s*\\d+(?:\\.\\d+)?|加\\d+(?:\\.\\d+)?|加[一二三四五六七八九十])\\s*分|{PLACE}{G16}(?:评分|打分|分数|得分|技术分)(?:要|会)?(?:高|多)(?:一档|一级|一等|一截|一些|点|些)|(?:最好|最好是|希望是|尽量)(?:找|选|用)?{PLACE}(?:里|这边|这儿|这里)?(?:自己|自家|本地)?的?(?:公司|机构|单位|企业|团队|事务所)|{PLACE}{G16}(?:优先|排名靠前|排序靠前|(?:排名|排序|排位|名次|顺序)(?:在前(?!后)|居前|列前)|排在前面|排前|靠前|加\\d*分|加[一二三四五六七八九十]分|予以加分|额外加|价格扣除|倾斜|加(?:点|一点|些|一些|几)分|多(?:加|给)(?:点|一点|些|一些|几)?分|适当加分|给予?(?:适当)?(?:加分|照顾)|(?:会|要|可以|能)?(?:稍微|适当|多少|略微|酌情|多)照顾|照顾(?:一下|一点|一些)|\\+\\s*\\d+(?:\\.\\d+)?\\s*分|按(?:\\d+(?:\\.\\d+)?|[一二三四五六七八九]{1,2})折)|(?:优先(?!${WORK_FIRST})(?:考虑|选择|选用|录用|邀请)?(?!${WORK_FIRST})|(?:先|首先)(?:选|考虑|选用|找)|首选){G10}{PLACE}|(?:对|对于){PLACE}[^。；;\\n]{0,20}(?:加\\d*分|加[一二三四五六七八九十]分|优先)|(?<!项目(?:在|位于|地点为?|地址为?)?){PLACE}(?:本地)?的(?:公司|机构|单位|企业|供应商|报价人|投标人)?[^。；;\\n]{0,16}?(?:报价|价格|价)(?:按|打|给予|享受|可按|可打)?(?:[一二三四五六七八九]{1,2}折|\\d{1,2}(?:\\.\\d)?折|\\d+(?:\\.\\d+)?%(?:的)?(?:价格)?(?:扣除|折扣|优惠))|(?<!项目(?:在|位于|地点为?|地址为?)?){PLACE}(?:本地)?的(?:公司|机构|单位|企业|供应商|报价人|投标人)?[^。；;\\n]{0,16}?(?:高|超|超出|多)(?:出)?(?:最低价|最低报价)?(?:百分之[一二三四五六七八九十]+|\\d+(?:\\.\\d+)?%)(?:以内|之内)?[^。；;\\n]{0,8}?(?:也算|视为|算作?|按)(?:你|其)?(?:中|中标|成交|中选|最低)|(?:倾向于?|更倾向|偏向于?|偏好|更愿意)(?:找|用|选|选择|选用|请|于)?[^。；;\\n]{0,8}?(?:{PLACE}|local)|(?<![a-z])local(?:的)?(?:团队|机构|公司|单位|所)?优先|{PLACE}{G16}(?:排在|排于|列于|列在|位列)[^。；;\\n]{0,20}?(?:之前|前面|前列|前边)|(?:{PLACE}|\\blocal\\b)\\s*(?:的)?\\s*(?:firms?|agenc(?:y|ies)|compan(?:y|ies)|bidders?|vendors?|consultants?|suppliers?)\\b(?:(?!\\b(?:no|not|never|nor|without|neither)\\b|不|没|无|非|未)[^。；;，,\\n]){0,16}?(?:bonus|extra\\s+(?:points?|marks?|credit)|additional\\s+(?:points?|marks?)|(?:\\+|加|有|给|得|多)\\s*(?:{NUM}\\s*)?(?:points?|pts|marks?)\\b|优先|加分|(?:有|给|享有|\\bgets?|\\bbe\\s+given|\\bgiven)\\s*(?:the\\s+)?(?:priority|preference)|\\bpreferred\\b)|{PLACE}(?:的)?(?:机构|企业|单位|公司)(?:(?!\\b(?:no|not|never|nor|without|neither)\\b|不|没|无|非|未)[^。；;，,\\n]){0,8}?(?:bonus|extra\\s+(?:points?|marks?|credit)|additional\\s+(?:points?|marks?)|(?:\\+|加|有|给|得|多)\\s*(?:{NUM}\\s*)?(?:points?|pts|marks?)\\b|(?:有|给|享有)\\s*priority\\b)|{PLACE}(?:注册|设立)?的?(?:中介)?(?:服务)?(?:机构|单位|公司|企业|供应商|事务所)[^。；;\\n]{0,14}?(?:评价|信用|等级|评级|档次|得分|分值|积分)[^。；;，,\\n]{0,6}?(?:自动)?(?:上调|提高|提升|上浮|调高|升|加)(?:[一两二三1-3])(?:级|档|个等级|个档次|等)`,
    // 报告应优先引用本地近三年的监测数据: local data, standards or materials preferred, no agency in the sentence
    unless:
      "^(?![^。；;\\n]*(?:机构|单位|公司|企业|供应商|报价人|投标人|中介|团队|人员|事务所))[^。；;\\n]*优先(?:引用|采用|使用|利用|选取|参考|选用)",
    explain: { zh: "评审中不得对本地机构优先或加分。", en: "Local agencies may not be preferred or given extra points." },
    matches: [
      "bd的优先考虑😊 价格差不多就选bd",
      "同等条件下yx本地jc公司哈",
      "评审排序时，综合得分相同的，粤港澳大湾区内机构排在大湾区以外机构之前。",
      "同等条件下，优先选择镇域内的服务机构。",
      "各乡镇水利站注意：局里的意思是尽量用咱县里自己的公司，外面的排后面考虑。",
      "评审的时候咱们县里的公司会稍微照顾一下，外地的就看实力了哈",
      "同等条件下，优先选择哈长城市群范围内的服务机构。",
      "加分项：盟内注册的测绘机构在综合得分基础上加3分。",
      "价钱差不多的话，我们还是想请本地的老表来整。外地的也可以报，就是排后面咯。",
      "最好本地的公司，有意向私聊报价。",
      "办公地点在东莞的公司，比价的时候报价按九五折来算",
      "办公室在汕头的，报价比最低价高百分之五以内也算你中",
      "优先考虑本地机构",
      // (round 132) a price discount for the local firms
      "本市企业报名的，报价可下浮5%计算评审价格。",
      // (round 135) the local firm's price counted at a percentage of itself
      "本区企业报价按95%计算参与评审",
      "在本区注册的中介机构评审时加2分",
      "上海本地企业优先",
      "市内企业在综合评分中额外加3分",
      "对于本省供应商，技术分加1分",
      "外地的机构也可以报，不过评分会给本地机构加点分。",
      "本市机构评审时适当加分",
      "报价一样的话我们会先选诸暨本地的",
      "评审时对注册在义乌的机构报价按九五折计算",
      "★苏、锡、常三市企业 +3分",
      "同分时，泸上注册的机构排名靠前。",
      // (round 130) a favour in mixed Chinese and English
      "本地 firm 有 bonus points，外地的就只能 compete on price 了。",
      "本地 firm 加 5 points。",
      "local 的 agency 优先。",
      "本地机构有 bonus。",
      // (round 131) a tie broken for the local firm
      "在报价相同的情况下，本县企业排名在前。",
      // (round 139) a local agency's grade raised
      "在超市信用评价中，本地机构信用等级自动上调一级。",
      "本市中介机构的服务评价等级自动提高一档。",
    ],
    allows: [
      "本市项目在前期工作中已完成地勘，排名在前的机构中选。",
      "本区企业与外地企业排名在前后顺序上不作区分。",
      "咨询报告须优先分析《横琴粤澳深度合作区总体发展方案》对项目的影响。",
      "优先把哈密这批牧业点的房屋测完吧，天冷了草场上的人都要转场了。",
      "汛期将至，请中选单位优先完成石门水库大坝安全鉴定的外业工作，其余内容可于汛后补充。",
      "报告应优先引用本地近三年的环境质量现状监测数据。",
      "项目在东莞，报价按九五折支付预付款。",
      "评审采用综合评分法，价格权重60%",
      "项目位于普陀区，报价低者优先",
      // (round 130)
      "本地 firm 和外地 firm 一视同仁，no bonus points。",
      "项目所在地 team 需在现场 priority 处理紧急问题。",
      "Local firms get no bonus points; all firms are scored the same way.",
      "本地 firm 不加分，外地 firm 也不扣分。",
      "Local firms will not be given priority.",
      // (round 139) a grade raised for no place
      "信用等级为A级的机构，在竞价时信用分上浮一档。",
    ],
  },
  {
    // 外地机构可以报名，但评分时扣5分 / 不是本地的也可以报，但是评分的时候会扣分: outsiders let in, then marked down
    id: "outsider-penalty-zh",
    category: "preference",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `(?:外地|外省|外县|外市|县外|区外|市外|省外|外埠|异地|(?:非|不是|不在){PLACE})(?:(?:注册|设立|登记)?的(?:机构|单位|公司|企业|供应商|报价人|投标人|事务所|中介)?|(?:注册|设立|登记)?(?:机构|单位|公司|企业|供应商|报价人|投标人|事务所|中介))[^。；;\\n]{0,40}?(?:扣(?:\\d+(?:\\.\\d+)?|[一二三四五六七八九十半])?分|减(?:\\d+(?:\\.\\d+)?|[一二三四五六七八九十])?分|(?:技术|商务|评审|综合|资信|总)?分(?:数|值)?(?:减半|打折|下调|降低|折半)|降(?:一|1)?档|不得分|不计分|少(?:给|得|算)(?:\\d+|[一二三四五六七八九十])?分)`,
    explain: {
      zh: "对外地机构在评分中扣分或降档，构成区域歧视。",
      en: "Marks outside agencies down in the evaluation: regional discrimination.",
    },
    matches: [
      "外地机构可以报名，但评分时扣5分。",
      "外地的可以参加，不过要扣分。",
      "不是本地的也可以报，但是评分的时候会扣分。",
      "不在本区的机构，技术分减半。",
      "区外注册的企业，资信分降一档。",
    ],
    allows: [
      "外业工作未按期完成的，每次扣5分。",
      "外地人员住宿补贴减半。",
      "外省驾驶员违章扣分由本人承担。",
      "外地机构与本地机构适用同一评分标准，不因注册地扣分。",
    ],
  },
  {
    // Bidders not registered locally may apply, but will lose 5 points
    id: "outsider-penalty-en",
    category: "preference",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `(?:\\bnon-local\\b|\\bout-of-(?:province|town|state|city|county|district|region)\\b|\\bnot\\s+(?:registered|based|located|headquartered|incorporated)\\s+(?:locally|in\\s+(?:the\\s+)?(?:district|city|county|province|region|{EN})))[^.;!?\\n]{0,80}?\\b(?:lose|deduct(?:ed|ion\\s+of)?|minus|penali[sz]ed(?:\\s+by)?)\\s+(?:\\d+(?:\\.\\d+)?\\s+)?(?:points?|marks?)\\b`,
    explain: {
      zh: "对外地机构在评分中扣分，构成区域歧视。",
      en: "Marks outside agencies down in the evaluation: regional discrimination.",
    },
    matches: [
      "Bidders not registered locally may apply, but will lose 5 points in the evaluation.",
      "Out-of-province firms are welcome, but they will be penalized by 3 points on the technical score.",
    ],
    allows: ["Late submissions lose 5 points.", "Non-local staff travel costs are not reimbursed."],
  },
  {
    id: "preference-en",
    category: "preference",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `(?<!\\b(?:not|never|no)\\s+)\\bprefer(?:s|red|ence\\s+(?:for|to))?\\s+(?:[\\w-]+\\s+){0,3}?(?:consultants?|firms?|agenc(?:y|ies)|bidders?|companies|suppliers?|vendors?)\\s+(?:with|that\\s+have|having|who\\s+have)\\s+(?:an?\\s+)?(?:existing\\s+|established\\s+|permanent\\s+)?{EN}[\\s-]+(?:based\\s+)?(?:team|office|branch|presence|staff|base)\\b|\\b(?:local|{EN})\\s+(?:[\\w-]+\\s+){0,2}?(?:company|companies|firms?|agenc(?:y|ies)|bidders?|consultants?|suppliers?)\\s+(?:will\\s+be|would\\s+be|is|are|gets?)\\s+(?:pick(?:ed)?|chosen|selected|preferred|taken)\\s+first|\\b(?:local|{EN})\\s+(?:[\\w-]+\\s+){0,2}?(?:company|companies|firms?|agenc(?:y|ies)|bidders?|consultants?|suppliers?)\\s+(?:will\\s+)?(?:gets?|receives?|earns?|are\\s+(?:given|awarded)|will\\s+be\\s+(?:given|awarded))\\s+(?:an?\\s+)?(?:additional|extra|bonus|further)\\s+(?:(?:\\d+(?:\\.\\d+)?|{ENUM})\\s*)?(?:points?|marks?|pts|per\\s*cent|%)|margin\\s+of\\s+preference[^.;!?\\n]{0,160}?{EN}|\\b\\d+\\s+(?:extra\\s+|bonus\\s+|additional\\s+|more\\s+)?(?:points?|pts|marks?)\\s+(?:if|for|when|where|to)\\s+(?:[\\w'-]+\\s+){0,4}?(?:is|are|be|being|comes?)\\s+(?:from|based\\s+in|located\\s+in|registered\\s+in|in)\\s+{EN}|(?:preference|priority|prioriti[sz](?:e|es|ed|ing)|extra points|additional points|bonus points?|favou?red)[^.;!?\\n]{0,60}?{EN}|{EN}[^.;!?\\n]{0,60}?(?:preference|priority|extra points|additional points|bonus points?|favou?red|rank(?:s|ed)?\\s+(?:first|higher|ahead|above)|(?:score|get|receive|earn|gain)s?\\s*\\+\\s*\\d|\\+\\s*\\d+(?:\\.\\d+)?\\s*(?:points?|pts|marks?)\\b)`,
    // a task, a system or a site put first, not a bidder (Timing has priority: …; prioritise systems hosted locally;
    // Priority is given to fieldwork in the host county — in a sentence that names no bidder)
    unless:
      "\\b(?:timing|schedule|tasks?|work|fieldwork|systems?|assets?|sites?|inspections?)\\s+(?:has|have|takes?|is\\s+given|are\\s+given)\\s+priority\\b|^(?![\\s\\S]*\\b(?:firms?|compan(?:y|ies)|agenc(?:y|ies)|bidders?|consultants?|suppliers?|contractors?)\\b)[\\s\\S]*?\\b(?:priority|preference)\\s+(?:is|are|will\\s+be|shall\\s+be)\\s+given\\s+to\\s+(?:the\\s+)?(?:timing|schedule|tasks?|work|fieldwork|field\\s+work|systems?|assets?|(?:sampling\\s+|monitoring\\s+)?(?:sites?|points?)|sampling|monitoring|inspections?|areas?|surveys?)\\b|\\bprioriti[sz]e\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?(?:systems?|tasks?|work|sites?|assets?|areas?|data|risks?|findings|issues)\\b" +
      // (round 143) a system run locally, not a local firm (Local deployment of the software will be given priority)
      "|^(?![\\s\\S]*\\b(?:firms?|compan(?:y|ies)|agenc(?:y|ies)|bidders?|consultants?|suppliers?|vendors?|contractors?|tenderers?|applicants?)\\b)[\\s\\S]*?\\blocal(?:ly)?[\\s-]+(?:deploy(?:ment|ed)|host(?:ing|ed)|stor(?:age|ed)|install(?:ation|ed)|servers?|data\\s+(?:storage|cent(?:re|er)s?)|(?:on-?premises?\\s+)?operation)\\b",
    explain: { zh: "评审中不得对本地机构优先或加分。", en: "Local agencies may not be preferred or given extra points." },
    matches: [
      "Priority to agencies from TJ under same condition.",
      "Same price, the local GZ company will be pick first.",
      "Preference will be given to agencies based in Putuo.",
      "Local firms will receive additional points",
      "Extra points for firms headquartered in Zhejiang.",
      "Tie-break: bendi firms (泸上/SH-registered) rank first when scores are equal.",
      "Weighting: BJ firms with a local team score +5 in the technical part.",
      "A margin of preference of ten per cent shall be applied to the evaluated price of tenders submitted by firms ordinarily carrying on business in the Tibet Autonomous Region.",
      "Local firms get an additional 5 marks under the service capability criterion.",
      // (round 129) the host county
      "Where scores are tied, preference will be given to the bidder based in the host county.",
      // (round 130) a denial after the favour is no denial of it
      "Priority will be given to local firms, not to firms from other provinces.",
      // (round 131) a preference for firms with a team or office in the place
      "We prefer consultants with an existing Xiamen team; others will be scored lower on 'local understanding'.",
    ],
    allows: [
      // (round 143) a system run locally, not a local firm
      "Local deployment of the software will be given priority in the evaluation.",
      "Locally hosted servers are preferred for data security.",
      "We prefer firms with experience of similar warehouses.",
      "Priority is given to fieldwork in the host county.",
      "Priority will be given to sampling sites in Hunan.",
      "Familiarity with the approval process of the district is an advantage but not required.",
      "Priority is the quality of the report.",
      "Firms with a chartered engineer on the team get an additional 5 marks.",
      // (round 130) the favour denied in its own words (engine.ts, DENIED_FAVOUR)
      "Local firms will not be given priority.",
      "Local firms get no bonus points; all firms are scored the same way.",
    ],
  },
  {
    // Ranking or points by how near the agency's office is (车程≤20分钟得10分; 距离近者排名靠前): favours the
    // agencies already there, whatever the words.
    id: "preference-proximity-zh",
    category: "preference",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `(?:办公地址|办公地点|办公场所|办公室|办公场地|注册地址|注册地|住所|驻地|营业场所|经营场所|公司地址|单位地址|所在地)(?:至|到|距|距离|离|与){G4}(?:{PLACE}|(?:本)?(?:项目|现场|工地|厂区|本单位|我单位|我公司|采购人|招标人|建设单位)){G12}(?:直线距离|距离|车程|路程|里程|行车时间|公里|千米|km|分钟|小时)[^。\\n]{0,40}?(?:得\\s*\\d+(?:\\.\\d+)?\\s*分|得[一二三四五六七八九十]+分|加\\s*\\d+(?:\\.\\d+)?\\s*分|加分|扣分|不得分|排序|排名|靠前|优先|胜出)|距离(?:较|更|最)?近(?:者|的)(?:排名)?(?:靠前|优先|胜出|中选|得分高)`,
    explain: {
      zh: "评审中不得按机构办公地点与项目的远近排序或加分；这等于优待本地机构。",
      en: "Agencies may not be ranked or scored by how near their office is to the project: that favours local agencies.",
    },
    matches: [
      "机构办公地点至项目现场车程≤20分钟得10分；20～60分钟得5分",
      "报价相同时，以其办公地址距项目所在地的直线距离排序，距离近者排名靠前。",
      "服务机构办公地点距项目现场30公里以内的加3分。",
    ],
    allows: ["服务响应：承诺接到通知后2小时内到场的得5分", "项目现场距市区约20公里，请自行踏勘"],
  },
  {
    // Points that differ by where the agency is from: 其余地区不加分、外省企业得0分.
    id: "preference-region-score-zh",
    category: "preference",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `(?:其余|其他|其它|外|非本)(?:地区|省市|省份|城市|区县|地市|地方|区域|省|市|区|县)(?:的)?(?:${AGENCY})?(?:均|一律)?(?:不加分|不得分|得0分|得零分|不计分|计0分|不予加分)`,
    explain: { zh: "评审中不得按机构所在地区给分不同。", en: "Points may not differ by the region an agency is from." },
    matches: ["长三角其他城市企业 +1分；其余地区不加分", "外省企业得0分"],
    allows: ["未提供的不得分", "其他情形不加分"],
  },
  {
    id: "preference-proximity-en",
    category: "preference",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `(?:distance|travel(?:ling)?\\s+time|driving\\s+time|drive\\s+time|journey\\s+time)\\s+(?:from|between)\\s+(?:the\\s+)?(?:bidder|consultant|firm|agency|applicant|supplier|tenderer|company)(?:['’]s|s['’])?\\s+(?:registered\\s+)?(?:office|premises|address|base|headquarters)[^.;\\n]{0,80}?\\b(?:points?|score[ds]?|rank(?:ed|ing)?|preferred|priority|higher)\\b|(?:points?|score[ds]?|rank(?:ed|ing)?)\\s+(?:by|according\\s+to|based\\s+on)\\s+(?:the\\s+)?(?:distance|proximity|travel\\s+time)\\s+(?:of|from|between)\\s+(?:the\\s+)?(?:bidder|consultant|firm|agency|applicant|supplier|tenderer)`,
    explain: {
      zh: "评审中不得按机构办公地点与项目的远近排序或加分；这等于优待本地机构。",
      en: "Agencies may not be ranked or scored by how near their office is to the project: that favours local agencies.",
    },
    matches: [
      "Driving time from the bidder's office to the site: under 30 minutes 10 points",
      "ranked by the distance from the bidder's office",
    ],
    allows: ["Response time: on-site within 4 hours of a call scores 5 points.", "The site is 20 km from the city centre."],
  },
  {
    // Turned away for being far (离得远的就不考虑了): a local office under another name.
    id: "presence-distance-zh",
    category: "presence",
    severity: "refuse",
    article: "FCR-9-2",
    pattern: `(?:离得?|距离?|路程|路途)(?:太|较|比较|过|很)?远(?:的|了)?(?:话)?(?:就|则|一律|也)?(?:不考虑|不予考虑|不用报|别报|不要报|不接受|免谈|不予受理|不用来|算了|不合适|不行|不予接受)`,
    explain: {
      zh: "不得以距离远近排除机构；不得变相要求本地设立办公场所。",
      en: "Agencies may not be turned away for being far away; a local office may not be required in disguise.",
    },
    matches: ["半小时内人到厂里，离得远的就不考虑了哈", "距离太远的不予考虑"],
    allows: ["项目较远，差旅费包含在报价中", "离市区较远，请合理安排踏勘时间"],
  },
  {
    // 供应商办公地点距采购人单位不超过20公里 (round 134): a local office by the distance to it — every agency elsewhere is out
    id: "presence-distance-limit-zh",
    category: "presence",
    severity: "refuse",
    article: "FCR-9-2",
    pattern: `(?<!(?:我|本|采购人|业主|甲方|委托方)(?:单位|公司|司|院|校|局)?(?:的)?)(?:办公地点|办公场所|办公地址|办公场地|办公用房|注册地|注册地址|住所|经营场所|营业场所|驻地|实验室|服务网点|网点|分支机构)(?:须|需|应|应当|必须|要求)?(?:位于|在)?(?:距|距离|离)(?:采购人|业主|甲方|委托方|建设单位|项目|本单位|我单位|我司|[^。；;，,\\n]{0,12}?)[^。；;，,\\n]{0,12}?(?:不超过|不得超过|不大于|不远于|小于|少于|在)?(?:[0-9]+(?:\\.[0-9]+)?|[一二两三四五六七八九十百]+)\\s*(?:公里|千米|km|分钟|小时)(?:车程|路程)?(?:以内|之内|范围内|内)?`,
    explain: {
      zh: "不得以机构办公地点距采购人或项目的距离作为条件；这等于要求在本地设立办公场所。",
      en: "How far an agency's office is from the requester or the project may not be a condition: it requires a local office in disguise.",
    },
    matches: ["供应商办公地点距采购人单位不超过20公里（以百度地图直线距离为准）。", "报名机构的实验室应距项目现场50公里以内。"],
    allows: [
      "项目地点距市区约20公里，差旅费包含在报价中。",
      "我单位办公地点距项目现场约15公里。",
      "中选机构应在接到通知后2小时内到达现场。",
    ],
  },
  // ── Local presence (分支机构、常驻、办公场所) ───────────────────────────────────────
  {
    // 不能作出2小时内到场承诺的，资格审查不予通过: the short arrival time held by review-arrival-time-zh, made the condition
    // of taking part — only a firm next door can promise it, so everyone else is out before any work is done.
    id: "presence-arrival-condition-zh",
    category: "presence",
    severity: "refuse",
    article: "FCR-9-2",
    pattern: `${SHORT_ARRIVAL_ZH}[^。；;\\n]{0,30}?(?:资格(?:审查|预审)?(?:不予|不能|不)?通过|资格审查不合格|不予受理|不得(?:参与|参加|报名|投标|报价)|不具备(?:报名|投标|参与|参选)?资格|(?:投标|报名|响应|报价)(?:文件)?(?:无效|作废)|予以否决|否决其(?:投标|报价)|取消(?:其)?(?:报名|参与|投标)?资格)|(?:承诺|保证|确保)[^。；;\\n]{0,16}?${SHORT_ARRIVAL_ZH}[^。；;\\n]{0,12}?(?:的|者)?(?:方可|才能|才可|方能)(?:报名|参与|参加|投标|报价)`,
    unless: `(?:中选|中标|成交)(?:后|以后|之后)|合同履行|服务期(?:间|内)`,
    explain: {
      zh: "不得以承诺极短时间内到场作为报名或资格条件；这等于要求在本地设点。到场时限可作为中选后的服务要求约定。",
      en: "A promise to be on site within a very short time may not be a condition of taking part: it requires a local presence in disguise. A response time may be agreed as the winner's duty.",
    },
    matches: [
      "投标人须承诺接到通知后2小时内到达采购人现场，不能作出该承诺的，资格审查不予通过。",
      "承诺30分钟内赶到项目现场的机构方可报名。",
    ],
    allows: [
      "中标后，服务团队须在接到采购人通知后2小时内到达现场处理突发情况。",
      "服务期间接到通知后2小时内到达现场，未按时到达的按合同扣款。",
      "须在2小时内电话响应，48小时内到场，否则按合同扣款。",
    ],
  },
  {
    // Bidders unable to commit to being on site within two hours will be disqualified
    id: "presence-arrival-condition-en",
    category: "presence",
    severity: "refuse",
    article: "FCR-9-2",
    pattern: `\\b(?:on\\s+site|at\\s+the\\s+(?:project\\s+)?site|arriv\\w*(?:\\s+(?:at|on)\\s+(?:the\\s+)?(?:project\\s+)?site)?)\\s+within\\s+(?:\\d{1,3}\\s+min(?:ute)?s?|(?:one|1|two|2)\\s+hours?|an\\s+hour|half\\s+an\\s+hour)\\b[^.;\\n]{0,60}?\\b(?:will\\s+be\\s+(?:disqualified|rejected|excluded)|(?:is|are|will\\s+be)\\s+(?:not\\s+)?(?:ineligible|not\\s+eligible)|(?:will|shall)\\s+not\\s+be\\s+(?:considered|eligible|accepted))`,
    unless:
      "\\b(?:successful|winning|appointed|selected)\\s+(?:bidder|tenderer|consultant|firm|contractor)\\b|\\bduring\\s+the\\s+(?:contract|service)",
    explain: {
      zh: "不得以承诺极短时间内到场作为报名或资格条件；这等于要求在本地设点。到场时限可作为中选后的服务要求约定。",
      en: "A promise to be on site within a very short time may not be a condition of taking part: it requires a local presence in disguise. A response time may be agreed as the winner's duty.",
    },
    matches: ["Bidders unable to commit to being on site within 2 hours of a call will be disqualified."],
    allows: ["The successful bidder shall be on site within 2 hours of a call; failures will be deducted from the fee."],
  },
  {
    // 接到通知后30分钟内到达现场: a response time only a firm next door can keep — a presence requirement in disguise,
    // or an emergency service's real need: a regulator reads which (24 or 48 hours is no finding)
    id: "review-arrival-time-zh",
    category: "presence",
    severity: "review",
    article: "FCR-9-3",
    pattern: SHORT_ARRIVAL_ZH,
    // …本项目不要求在当地设立分支机构: the same sentence says no local office is needed for it
    unless: `(?:不要求|无需|无须|不必|不需要?)[^。；;\\n]{0,12}?(?:设立|设置|设有|常驻|驻点|驻场)|注册地不限|不限注册地|可异地|异地派员|${ON_SITE_NOT_REQUIRED_ZH}`,
    explain: {
      zh: "要求极短时间内到达现场，可能变相要求在本地设点，需审查。",
      en: "Requires reaching the site within a very short time; may require a local presence in disguise, to be reviewed.",
    },
    matches: ["服务机构须在接到通知后30分钟内到达现场。", "保证项目负责人1小时内赶到项目现场"],
    allows: ["接到通知后24小时内到达现场。", "须在2小时内电话或视频响应，48小时内到场。", "12小时内到达现场", "十二小时内到达现场"],
  },
  {
    // Consultants must be able to reach the site within 30 minutes of a call
    id: "review-arrival-time-en",
    category: "presence",
    severity: "review",
    article: "FCR-9-3",
    pattern: `\\b(?:reach|arrive\\s+(?:at|on)|be\\s+(?:on|at)|attend)\\s+(?:the\\s+)?(?:project\\s+)?(?:site|location|premises)\\s+within\\s+(?:\\d{1,3}\\s+min(?:ute)?s?|(?:one|1|two|2)\\s+hours?|an\\s+hour|half\\s+an\\s+hour)\\b|\\bon\\s+site\\s+within\\s+(?:\\d{1,3}\\s+min(?:ute)?s?|(?:one|1|two|2)\\s+hours?|an\\s+hour|half\\s+an\\s+hour)\\b`,
    unless: "\\bno\\s+local\\s+(?:office|branch|presence)\\s+(?:is\\s+)?(?:required|needed)|\\bneed\\s+not\\s+(?:have|maintain|open)",
    explain: {
      zh: "要求极短时间内到达现场，可能变相要求在本地设点，需审查。",
      en: "Requires reaching the site within a very short time; may require a local presence in disguise, to be reviewed.",
    },
    matches: ["Consultants must be able to reach the site within 30 minutes of a call."],
    allows: ["The consultant shall attend the site within 48 hours of notice."],
  },
  {
    id: "presence-zh",
    category: "presence",
    severity: "refuse",
    article: "FCR-9-2",
    pattern: `(?<!(?:中选|中标|成交)[^。；;\\n]{0,20})(?:须|需|应|必须|要求)(?:在)?(?:项目|工程|服务)?(?:现场|工地|所在地)(?:附近|周边|周围|邻近)[^，,。；;\\n]{0,8}?(?:设有|拥有|具有|有)(?:固定的?|自有的?)?(?:办公室|办公场所|办公地点|分支机构|分公司|办事处|服务网点|网点)|(?:在){PLACE}[^，,。；;\\n]{0,4}?(?:拥有|有)[^，,。；;\\n]{0,16}?(?:存放点|仓库|办公点|实验室|基地|网点|办事处|分支机构|服务站)的?[，,]?(?:得|加|计)\\d+(?:\\.\\d+)?分|在?项目所在(?:地|县|市|区|镇|乡|旗)[^，,。；;\\n]{0,4}?(?:设立|设置|设有|开设|建立|拥有|有)[^，,。；;\\n]{0,16}?(?:团队|机构|网点|办事处|分支机构|分公司|服务站|项目部|存放点|仓库|办公点|实验室|基地)的?[，,]?(?:得|加|计)\\d+(?:\\.\\d+)?分|(?<!(?:所在地|现场|项目|工地|地点)[（(])(?<!地点(?:改为|调整为|为|：|:)?){PLACE}(?![\uE000\uE001]*某)(?:内)?{G4}(?:设立|设有|开设|建立|组建)(?:[^，,。；;\\n]{0,8}?)(?:中心|机构|站|部|点|(?<![\\d一二两三四五六七八九十]+[家个所])(?:分所|分院)(?![^，,。；;\\n]{0,4}?(?:开展|进行|实施|改造|装修|建设|检测|测绘|维修)))|(?<!(?:所在地|现场|项目|工地|地点)[（(])(?<!地点(?:改为|调整为|为|：|:)?)(?<!(?:送至|送达|寄至|邮寄至|递交至|提交至|交至|送到|抄送|报送|送交|呈送|抄报)[:：]?)(?<!(?:我司|我方|我公司|本公司|我单位|本单位|我校|我院|甲方|业主|采购人|委托方|招标人|院方|校方|本集团|我集团)(?:位于|在|设在|设于|的)?)(?<!集团(?:有限公司|股份有限公司|公司)?){PLACE}(?![\uE000\uE001]*(?:全境|全域|境内|范围内|内)?的?\\d+(?:个|家|座|处|所)(?![^，,。；;\\n]{0,8}?以上))(?![\uE000\uE001]*(?:的)?(?:项目|施工|工程)?现场(?:配备|安排|派驻|驻场|值守))(?![\uE000\uE001]*(?:内|范围内)?(?:配备|安排|派驻|派遣)[^，,。；;\\n]{0,10}?驻场(?:人员|技术人员|工程师|监理人员))(?![\uE000\uE001]*某)(?![^，,。；;\\n]{0,12}?(?:局|委员会|人民政府|政府|管委会|街道办事处|交易中心)[^，,。；;\\n]{0,4}?(?:办公室|办公地点|会议室|开标室))(?:内|范围内|区域内|行政区域内|辖区内)?{G16}(?:分支机构|分公司|子公司|办事处|服务网点|网点|办公场所|办公场地|办公地点|办公地址|办公用房|办公室|办公机构|实体机构|经营场所|项目部|服务机构|服务站点|服务站|站点|常设|常驻|驻点|派驻|服务团队|项目团队|技术人员|驻场人员|仓库|仓储场地|存放场地|实验室|检测室|化验室|办公点|门店|门头|office(?! ?(?:building|block|tower|space|park|rental|lease|furniture|supplies|hours))|branch)(?!门口|大门|门前|会议室|院内|集合|(?:改造|维修|装修|修缮|改建|扩建|新建|拆除|加固)|(?:建设|消防|安全评价|安全评估|检测|鉴定)(?:工程|项目|服务|设计|审核|审计|预算|结算|造价))|(?:实验室|检测室|化验室|办公场所|办公地点|办公室|办公场地|分支机构|营业场所|经营场所|仓库|服务网点|项目部|office|branch|lab)(?:须|必须|应当?|需|要|得)(?:位于|设在|设于|在|处于){PLACE}|(?:须|需|应|必须|要求|得是|只接受|仅接受|限)[^。；;\\n]{0,20}?(?:(?:[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]|{PLACE})[A-Za-z]|本地|当地)(?:牌照|号牌|车牌|牌)(?=[^。；;，,\\n]{0,8}?车)|车[^。；;，,\\n]{0,12}?(?:须|需|应|必须|要求|得是|只接受|仅接受|限)[^。；;\\n]{0,6}?(?:(?:[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]|{PLACE})[A-Za-z]|本地|当地)(?:牌照|号牌|车牌|牌)`,
    explain: {
      zh: "不得要求在本地设立分支机构、办事处、服务网点、办公场所或常驻人员。",
      en: "A local branch, office, service outlet, premises or resident staff may not be required.",
    },
    matches: [
      "评分项：在项目所在县拥有自有测绘车辆及仪器设备存放点的，得3分。",
      "jc公司在呼市有实验室的再来 没有的不考虑",
      "报名单位须在郑东新区设有常驻项目团队（不少于5人），报名时提供人员驻地证明。",
      "在项目所在县设立常驻服务团队的得5分",
      "须在上海市设有常驻服务机构",
      "应在本区设立办事处",
      "在项目所在地设有分公司",
      "须在普陀区内有固定办公场所",
      "在区内派驻不少于3人的常驻服务团队",
      "在项目所在区县具有常设服务机构",
      "须提供在本区的办公用房产权证明",
      "成交后须在普陀设立项目部",
      "须在天津市滨海新区设有实体办公机构",
      "应承诺在本地派驻项目团队",
      "须在区内租赁不少于100平方米的办公场地",
      "投标人应在项目所在街道有服务站点",
      "中标人应在区内设立项目服务中心",
      "在杭州市临安区内有自有或租赁的检测设备存放仓库",
      "在南京江北新区范围内有可供现场查验的检测实验室及设备仓储场地",
      "县里要有固定办公点",
      // (round 129) an English "office" in a Chinese chat; one province's abbreviation after 在 (places.ts)
      "boss 说了 office 必须在 Futian，不然不用考虑",
      "报价单位须在浙设有分公司或办事处。",
      // (round 131) an office near the site, held already when bidding
      "报名单位须在项目现场附近设有办公室。",
      // (round 140) a branch of a firm of accountants or lawyers
      "会计师事务所应在本区开设分所，报名时附分所执业证书复印件。",
    ],
    // 驻场地点为松江区新桥镇项目部: where the service is delivered, not an office of the bidder
    // …nor a visit to the requester's office (携带合同文本到民乐县城投公司三楼办公室签订合同)
    // (…and the requester's office things are delivered to: 提交至业主单位拉萨办事处)
    // (本集团总部位于杭州，)本次服务由宁波分公司负责对接: the requester's own branch liaising, not one asked of the bidder
    unless:
      "(?<!须|必须|应|应当|需|需要)由(?:(?!中选|中标|成交|投标|报名|供应商|服务机构|中介机构|机构的|单位的|公司的)[^，,。；;\\n]){0,12}?(?:分公司|子公司|分支机构|办事处|分部)(?:负责|统一)?(?:对接|联系|组织|协调|牵头|接洽|答疑|受理|接收|采购)|" +
      // (round 141) 服务期间如需在本地租用办公场所，费用由中标单位自理: who pays for an office if one is wanted — no condition
      OFFICE_COST_IF_NEEDED_ZH +
      "|" +
      // (round 143) a list whose entries are the objects of the work (调查范围为本区服务机构库内的全部养老机构)
      WORKS_LIST_OBJECTS_ZH +
      "|" +
      "(?:报送|送交|提交|递交|报)(?:至|到|给)?[\u4e00-\u9fa5]{2,16}?(?:办公室|办事处)(?:存档|备案|审核|审查|审批|归档)|(?:街道|镇|乡)办事处|(?:我司|我公司|本公司|我们公司|采购人|业主|甲方)(?:的)?\\s*(?:\uE000|\\s|[a-z]){1,40}?(?:office|办公室|会议室)|(?:我们|咱们|我方|我单位|本单位)(?:的)?\\s*(?!(?:require|need|want|must|should|expect|ask|hope|prefer)\\b)(?:\uE000|[a-z]+)(?:\\s+[a-z]+)?\\s*office(?!\\s*(?:须|必须|要|需|应))|(?:提交|送|递交|寄|交)至?(?:业主|采购人|甲方|建设单位|委托方)(?:单位)?[^。；;\\n]{0,10}?(?:办事处|分公司|办公室|项目部)|(?:在|到|赴|前往)[^。；;，,\\n]{0,16}?(?:本公司|我司|我公司|本单位|本厂|企业|甲方|业主|厂区|仓库)[^。；;，,\\n]{0,8}?(?:现场)?(?:进行|开展)?(?:采样|取样|踏勘|勘察|调查|检测|监测|查看|核查|盘点|清查|审计)|(?:存放|堆放|贮存|储存|坐落)(?:于|在)|(?:公司|我司|本公司|本单位|厂区|业主|采购人)(?:位于|设在)[^。；;\\n]{0,30}?(?:仓库|厂区|基地|库房|实验室)|(?:驻场|服务|工作|踏勘|交付)地点(?:为|是|设在|[:：])|现场设立|(?:采集|采取|采样|取样|抽取)[^。；;\\n]{0,8}?(?:样品|样本|水样|土样)?[^。；;\\n]{0,6}?(?:运输|运送|送|寄)(?:至|到|往)[^。；;\\n]{0,4}?(?:实验室|检测室|化验室)|临时(?:现场|工地|项目)?(?:项目部|办公室|办公点|办公场所|工作站)|(?:到|至|赴|前往|来)[^。；;\\n]{0,16}?(?:办公室|会议室|办公楼)[^。；;\\n]{0,6}?(?:签订|签署|签约|领取|递交|提交|参加|开会|洽谈|面谈|办理)",
    allows: [
      "调查范围为本区服务机构库内的全部养老机构。",
      "中选机构须在项目现场附近设有办公室。",
      "中选单位须在合同签订后7日内进场，服务期内在延安现场配备至少2名技术人员。",
      "鉴定结论须在报告出具后5个工作日内报送区房屋安全管理部门，并抄送本街道城市管理办公室。",
      "补遗：删除评分细则第5项“本地服务网点（3分）”，该分值并入“服务方案”项。",
      "合同履行期间，中选机构项目人员应在我司位于横琴的办公室驻场工作两周，工位由我司提供。",
      "评估报告定稿后一式六份报送仓山区房屋征收办公室存档。",
      "中选 company should attend kick-off meeting 在我司 Nanjing Jiangning office，online meeting also OK。",
      "重庆市南岸区南坪街道办事处关于某片区城市更新项目社会稳定风险评估服务的采购需求",
      "服务期间需驻场配合施工单位进行监测",
      "请在上海市普陀区行政服务中心窗口提交审批材料",
      "中选机构须派员驻场服务，驻场地点为闵行区七宝镇项目部。",
      "报价须包含在威海本地采集样品并运输至实验室的费用。",
      "我们 office 在福田，欢迎来访交流。",
      // (round 130) the requester's own office named in English
      "请把 proposal 发到 bid@example-group.cn，我们 Shanghai office 会统一回复。",
      "我们 Hangzhou office 负责答疑。",
      "本集团总部位于杭州，本次服务由宁波分公司负责对接。",
      "对本区新设立的分院开展消防设施检测。",
      "审计对象包括某律师事务所在本市设立的3家分所。",
      // (round 139) the winner's staff at the site until the acceptance
      "服务期间中选机构须在项目所在地安排项目经理常驻，直至工程竣工验收。",
    ],
  },
  {
    id: "presence-en",
    category: "presence",
    severity: "refuse",
    article: "FCR-9-2",
    pattern: `(?<!\\b(?:successful|winning|selected|appointed|awarded|contracted)\\b[^.;\\n]{0,60})(?:\\b(?:must|shall|should|required\\s+to|need\\s+to)\\s+(?:already\\s+)?(?:have|has|maintain|possess|operate)\\s+(?:an?\\s+|its\\s+own\\s+|their\\s+own\\s+)?(?:[\\w-]+\\s+){0,2}?(?:office|branch|premises|outlet|base)|\\b(?:consultants?|firms?|bidders?|agenc(?:y|ies)|applicants?|tenderers?|suppliers?|respondents?|vendors?)\\s+(?:must|shall|should)\\s+be\\s+(?:located|based|situated)(?=\\s+(?:near|close|in\\s+the\\s+vicinity|adjacent|within)\\b))\\s+(?:near|close\\s+to|in\\s+the\\s+vicinity\\s+of|adjacent\\s+to|within\\s+(?:an?\\s+)?(?:\\d+|one|two|three|half[\\s-]an)[\\s-]*(?:km|kilomet(?:re|er)s?|miles?|minutes?|mins?|hours?)(?:['’]s?)?(?:[\\s-]*(?:drive|walk|ride|journey|commute|travel))?\\s+(?:of|from))\\s+(?:the\\s+)?(?:(?:project\\s+)?(?:site|project|works)\\b|county\\s+seat\\b|city\\s+(?:centre|center)\\b|{EN})(?![^.;\\n]{0,40}\\b(?:during|throughout|for\\s+the\\s+duration\\s+of|once\\s+appointed|after\\s+(?:the\\s+)?award|upon\\s+award)\\b)|\\b(?:agencies|firms|bidders|companies|consultants|suppliers)\\s+with\\s+(?:a|an|its\\s+own)\\s+(?:lab|laboratory|office|branch|branch\\s+office|outlet|team|base)\\s+(?:in|within)\\s+{EN}\\s+(?:get|gets|receive|receives|score|scores|are\\s+given|will\\s+get)\\s+{ENUM}\\s+(?:extra\\s+)?(?:points?|marks?)|\\b(?:equipment|instruments?|vehicles?|machinery|apparatus|laborator(?:y|ies)|labs?|staff|personnel|team)\\s+(?:must|shall|should|is|are|to|will)\\s+(?:already\\s+)?(?:be\\s+)?(?:kept|stored|based|located|stationed|housed|garaged)\\s+(?:in|within)\\s+{EN}|\\b(?:maintain|maintains|establish|establishes|set\\s+up|sets\\s+up|operate|operates|open|opens|keep|keeps|run|runs|(?:already\\s+)?(?:have|has|having|possess|possesses))\\s+(?:an?\\s+|its\\s+own\\s+|their\\s+own\\s+)?(?:[\\w-]+\\s+){0,3}?(?:office|branch|premises|outlet|base|laborator(?:y|ies)|labs?)\\s+(?:in|within|inside)\\s+{EN}|(?<!(?:client|enterprise|owner|employer|purchaser|requester|bureau|department|commission|authority|government|committee|council|administration|group|company|parent)(?:'s|s')\\s)(?<!\\b(?:to|at)\\s(?:the\\s|our\\s|its\\s)?)(?<!\\b(?:our|their)\\s)(?<!\\bour\\s(?:[\\w-]+\\s){1,2})(?<!\\b(?:project|site|municipal|government|public|administrative|civic|township|village|county|town|community|hospital|school|farm|clinic|bureau|department|pmo|pmu|piu|pio|pmc|cpmo|ppmo|ia)\\s)(?<!\\bany\\s(?:[\\w-]+\\s)?(?:bank|bank's|banks|banking)\\s)(?<!\\b(?:data|exhibition|shopping|logistics|distribution|convention|sports|medical|health|community|cultural|visitor|innovation|conference|transit|recycling|treatment)\\s)(?:branch(?:es)?|office|subsidiary|subsidiaries|outlet|presence|team|staff|personnel|representative|centre|center|facility|resident\\s+[\\w-]+)(?:\\s+(?!site\\b|on-site\\b|onsite\\b|the\\s+site\\b)[\\w-]+){0,3}?\\s+(?:in|within|inside)\\s+{EN}|(?:office|branch|premises|presence)\\s+(?:(?:located|situated|based)\\s+)?within\\s+(?:\\d+|{ENUM}|half\\s+an|an)\\s*(?:km|kilomet(?:re|er)s?|miles?|(?:minutes?|mins?|hours?)(?:['’]s?)?(?:[\\s-]+(?:drive|driving|travel|journey|walk|commute|ride))?)|stationed\\s+(?:in|within)\\s+{EN}|(?<!\\bour\\s(?:[\\w-]+\\s){0,2})(?<!(?:client|enterprise|owner|employer|purchaser|requester)(?:'s|s')\\s(?:[\\w-]+\\s){0,2})\\b(?:labs?|laborator(?:y|ies)|offices?|branch(?:es)?|premises|facilit(?:y|ies)|warehouses?|depots?|service\\s+(?:centre|center|point|outlet)s?)\\b[^.;\\n]{0,30}?\\b(?:located|situated|based|sited)\\s+(?:in|within|inside)\\s+{EN}|local\\s+(?:[\\w-]+\\s+)?(?:office|branch|presence|service outlet|subsidiary)|\\b(?:laborator(?:y|ies)|labs?|offices?|premises|facilit(?:y|ies)|warehouses?|workshops?)\\s+(?:must|shall|should|needs?\\s+to|is\\s+required\\s+to)\\s+be\\s+(?:located|situated|based|sited)\\s+within\\s+\\d+(?:\\.\\d+)?\\s*(?:km|kilomet(?:er|re)s?|miles?)\\b|\\b(?:vehicles?|cars?|trucks?)\\b[^.;\\n]{0,40}?\\b(?:must|shall|should|required\\s+to|need\\s+to)\\b[^.;\\n]{0,20}?\\b(?:bear|carry|have|hold|display|use|be\\s+registered\\s+with)\\s+(?:{EN}|local)\\s+(?:[a-z]\\s+)?(?:licen[cs]e\\s+)?plates?\\b`,
    // a meeting held at an office in the city is no office required of the bidders; the requester's own facility
    unless:
      "\\b(?:the\\s+)?(?:school|company|client|employer|owner|purchaser|hospital|university|bank|buyer|project|ministry|bureau)['’]s\\s+(?:[\\w-]+\\s+){0,3}office\\b|\\b(?:the|our)\\s+(?:facility|plant|factory|site|project|premises|warehouse|mill|mine)\\s+(?:is|are)\\s+(?:located\\s+|situated\\s+)?in\\b|\\b(?:meetings?|sessions?|workshops?|briefings?|kick-?offs?|interviews?|presentations?|hearings?)\\b[^.;\\n]{0,40}?\\b(?:held|take\\s+place|convened|hosted)\\s+(?:at|in)\\b|\\battend\\s+(?:the\\s+|a\\s+)?(?:[\\w-]+\\s+){0,2}?(?:meetings?|sessions?|workshops?|briefings?|kick-?offs?|hearings?)\\s+at\\s+(?:the\\s+)?(?:company|client|buyer|owner|employer|purchaser)(?:'s|s')\\s+|\\b(?:through|via|with|by|to|from)\\s+the\\s+local\\s+(?:border|customs|police|immigration|tax|land|forestry|public\\s+security|government|sub-?district|street|district|township|town|village|county|neighbou?rhood|residents'?|community)\\b|\\bthe\\s+local\\s+(?:[\\w-]+\\s+){0,2}?(?:office|branch)\\s+(?:will|shall|can|may|is\\s+to|would)\\s+(?:also\\s+)?(?:provide|supply|assist|arrange|help|coordinate|host|issue|share|give|offer|send|make|guide|accompany|introduce|support)\\b",
    explain: { zh: "不得要求在本地设立分支机构、办事处或常驻人员。", en: "A local branch, office or resident staff may not be required." },
    matches: [
      "Scoring: agencies with a lab in Wuxi get 8 points, 省内其他城市 4 points, 省外 0 point.",
      "a branch office in the district",
      "maintain a permanent office in Shanghai",
      "A local office within Putuo District",
      "establish a subsidiary in the city",
      "keep a resident engineer in the district",
      "must set up a local project office",
      "Bidders must operate a service centre in Wuxi.",
      "An office within 5 km of the district government is required.",
      "The consultant must maintain a staffed project office within Pudong New Area for the full contract period.",
      "the noise and vibration monitoring equipment must already be kept in Xiamen at the time you sign up",
      "Agency shall have a testing lab (检测实验室) located within Chang-Zhu-Tan area, otherwise not qualified.",
      // (round 131) an office near the site, held already when bidding
      "Bidders must have an office near the site.",
      "Bidders must have an office within one hour's drive of Wuxi.",
    ],
    allows: [
      // (round 142) a bank's branch where the winner opens its account
      "The winning bidder shall open a project account in any bank branch in the city for receiving payments.",
      "The successful consultant shall have an office near the site during construction.",
      "The consultant must be based near the project site during construction.",
      "The selected firm will work closely with township staff in Malipo County and the village committees.",
      "The consultant is expected to coordinate closely with the local sub-district office and the neighbourhood committee.",
      "The local farm office will provide the selected consultant with topographic maps free of charge.",
      "Key Personnel must attend weekly progress meetings with the School's Facilities Office at its campus in Chaoyang District, Beijing, in person or by video.",
      "The appointed firm will station a resident engineer on site in Kashgar for the duration of construction.",
      "The consultant will attend meetings at the Putuo District Administrative Service Center.",
      "Field work will take place in Hangzhou.",
      // the requester's own office is not the bidder's
      "Meetings are held at the client's office in Putuo.",
      "Samples are delivered to our laboratory located in Xiamen.",
      "The selected consultant will attend a kickoff meeting at our Wuzhong office in Ningxia.",
      "energy audits of 32 public buildings, including the municipal office complex in Lianxi District",
      // the project's own office on site is where the service is delivered
      "The supplier must provide on-site support at the project office in Minhang.",
      // where the requester receives the papers
      "The signed original may be posted to the bureau's office in Jishou.",
      "Project: energy-saving review for a data centre in Gui'an New Area, Guizhou.",
      // (round 134) the project management office of the requester is where the team works
      "The consultant's team leader shall be based in the PMO office in Kunming for the duration of the assignment, with intermittent field visits to project sites.",
    ],
  },
  {
    // 服务团队中至少三名成员须常驻本县: people living in the place as a condition, the verb before the place (round 128);
    // staying at the project's site while working there (常驻项目现场、驻扎在项目所在地) is the service itself
    id: "presence-resident-zh",
    category: "presence",
    severity: "refuse",
    article: "FCR-9-2",
    pattern: `(?<![不无毋非])(?:须|需|必须|应|应当|要求|得)(?:长期|全程|全职)?(?:常驻|驻扎|驻守|长驻|居住|住)(?:在|于)?{PLACE}|(?<![不无毋非])(?:须|需|必须|应|应当|要求)(?:有|配备|安排|派)[^。；;，,\\n]{0,12}?(?:人员|员工|职工|工程师|技术人员|负责人|项目经理|成员)(?:须|需|应)?(?:长期|全程|全职)?(?:常驻|驻扎|驻守|长驻|驻在|居住在|住在)(?:在|于)?{PLACE}(?![\uE000\uE001])(?![区市县镇]?(?:的)?(?:项目|工程|施工)?(?:现场|工地|场地|厂区))`,
    unless: "(?:常驻|驻扎|驻守|长驻|居住|住)(?:在|于)?(?:项目|工程|施工)?(?:所在地|所在(?:县|市|区|镇|乡|旗|街道)|现场|工地|场地|厂区)",
    explain: {
      zh: "不得要求机构人员常驻本地；服务期间在项目现场驻场的安排可以约定，但不得作为报名条件。",
      en: "Staff may not be required to live in the place; being on the project's site while working there may be agreed, but not made a condition of taking part.",
    },
    matches: [
      "服务团队中至少三名成员须常驻本县，每周在县城办公不少于四个工作日。",
      "项目负责人必须长期居住在杭州",
      // (round 139) staff counted, then resident here
      "中介机构须有不少于5名专职人员常驻昆明本地办公，报名时提供人员名单。",
      "报名单位须有至少2名工程师长期驻在本市。",
    ],
    allows: [
      "服务期间项目负责人须常驻项目所在地现场。",
      "联络人无须常驻本地，电话、视频沟通即可。",
      "检测期间须驻扎在项目现场。",
      // (round 139) the winner's staff at the site
      "合同履行期内，中选机构应安排1名技术负责人常驻项目现场。",
      "合同履行期间，中标人须安排1名工程师常驻防城港市港口区项目现场。",
    ],
  },
  {
    // 熟悉本地情况且能随叫随到: knowing the place and coming at any call — a local presence asked for in other words, or
    // only a wish for good service: a regulator reads which (round 128)
    id: "review-on-call-local-zh",
    category: "presence",
    severity: "review",
    article: "FCR-9-2",
    pattern: `熟悉{PLACE}[^。；;\\n]{0,16}?(?:随叫随到|随时到场|随时到位|随时上门|随喊随到)|(?:随叫随到|随时到场|随时到位|随时上门|随喊随到)[^。；;\\n]{0,16}?熟悉{PLACE}`,
    explain: {
      zh: "要求熟悉本地并随叫随到，可能变相要求在本地设点或派驻人员，需审查。",
      en: "Asks for knowledge of the place and coming at any call; may require a local presence in disguise, to be reviewed.",
    },
    matches: ["中选机构须熟悉本地情况且能随叫随到。", "要随叫随到，最好熟悉咱们县里的情况"],
    allows: ["服务期间须随叫随到，配合业主验收。", "中选机构须熟悉本地地方标准。"],
  },
  {
    // Originals to be shown in person within hours of a phone call (接到通知后2小时内携带原件到…核验): only a
    // firm with people in the town can comply, whatever the notice says of registration. Held for a regulator.
    id: "presence-in-person-deadline",
    category: "presence",
    severity: "review",
    article: "FCR-9-2",
    pattern: `(?:接到通知|通知后|电话通知|接通知|收到通知)[^。；;\\n]{0,12}?(?:{NUM}(?:个)?(?:小时|分钟)(?:内|之内)|半(?:个)?小时(?:内|之内)|当[日天](?:\\d{1,2}[:：]\\d{2}|\\d{1,2}(?:点|时))(?:前|之前))[^。；;\\n]{0,60}?原件[^。；;\\n]{0,30}?(?:到|至|送至|送达|前往|赴|交至)|\\bwithin\\s+{ENUM}\\s+(?:hours?|minutes?)\\s+(?:of|after)\\s+(?:being\\s+)?(?:notified|notification|the\\s+(?:call|phone\\s+call|notice))\\b[^.;\\n]{0,80}?\\boriginals?\\b|\\boriginals?\\b[^.;\\n]{0,80}?\\bwithin\\s+{ENUM}\\s+(?:hours?|minutes?)\\s+(?:of|after)\\s+(?:being\\s+)?(?:notified|notification|the\\s+(?:call|phone\\s+call|notice))`,
    explain: {
      zh: "要求接到通知后数小时内携带原件到场核验，实际上只有本地机构能够做到，可能构成变相的本地存在要求，需审查；可改为线上核验或给予合理期限、允许邮寄。",
      en: "Originals to be shown in person within hours of a call: in effect only a local firm can comply; may be a local-presence requirement, to be reviewed (allow online checks, a reasonable period or post).",
    },
    matches: [
      "候选人须在接到通知后2小时内携带营业执照、资质证书原件到区政务服务中心核验",
      "申请人须在接到通知当日17:00前将资质证书原件送至区财政局核验",
      "The first-ranked bidder must bring the originals to the bureau within 2 hours of being notified.",
    ],
    allows: [
      "中选机构须在接到通知后5个工作日内提交资质证书原件供核验，可邮寄。",
      "开标时请携带营业执照原件。",
      "Originals may be posted within ten working days of notification.",
    ],
  },
  {
    // 仅接受现场报名 / 须到…现场递交报名材料 / 报名须法定代表人本人到场: a firm from elsewhere must travel just to take
    // part, which the State Council's rules on bidding ask to replace with online or posted registration. Held for a
    // regulator (a paper bid handed in at the opening itself is common and not caught: the words come before the verb).
    id: "review-in-person-registration-zh",
    category: "presence",
    severity: "review",
    article: "FCR-9-3",
    pattern: `(?:仅|只)(?:接受|限于?|允许|能|可)(?:以)?(?:现场|当面|窗口)(?:方式)?(?:报名|递交|提交|购买|领取|办理报名)|(?:不接受|不受理|谢绝|不得)(?:以)?(?:邮寄|快递|网上|线上|在线|电子|传真|邮件|电子邮件|委托)[^。；;，,\\n]{0,6}?(?:报名|递交|提交)|(?:须|必须|应|需|一律)[^。；;，,\\n]{0,20}?(?:现场|当面|亲自|本人)(?:到[^。；;，,\\n]{0,16}?)?(?:报名|办理报名|递交|提交|购买|领取)[^。；;，,\\n]{0,4}?(?:报名|资格(?:审查|预审)?|响应|投标|比选|招标|采购|报价|竞价|遴选|申请)(?:文件|材料|资料|表|申请书)?|报名[^。；;，,\\n]{0,16}?(?:须|必须|应|需|一律)(?:由)?法定代表人(?:本人|亲自)|(?:须|必须|应|需|一律)(?:由)?法定代表人(?:本人|亲自)[^。；;，,\\n]{0,16}?(?:报名|递交报名|递交资格)`,
    unless:
      "(?:或|也可|亦可|均可|或者)[^。；;\\n]{0,6}?(?:邮寄|快递|网上|线上|在线|电子|委托)|(?:邮寄|快递|网上|线上|在线|电子)(?:方式)?(?:报名|递交|提交)?(?:亦|也|均)可|(?:邮寄|网上|线上|在线)(?:报名|递交)?(?:均|都)?(?:可|有效)",
    explain: {
      zh: "要求到现场或由法定代表人本人报名、递交材料，外地机构须专程前来才能参与，可能变相限制外地经营者，需审查；可改为网上报名或允许邮寄。",
      en: "Registration or papers in person only: a firm from elsewhere must travel just to take part; may exclude non-local operators in disguise, to be reviewed (allow online registration or post).",
    },
    matches: [
      "报名截止前须到区政务服务中心现场递交资格审查材料原件（仅限法定代表人本人）。",
      "本项目仅接受现场报名，不接受邮寄。",
      "报名须由法定代表人本人携带营业执照原件办理。",
      "不接受邮寄报名。",
    ],
    allows: [
      "开标时请携带营业执照原件。",
      "中选单位须到区行政服务中心现场签订合同。",
      "可现场报名，也可网上报名。",
      "报名材料须现场递交或邮寄至区政务服务中心。",
      "投标文件须于开标当日递交至开标室。",
      "机构须派员到现场踏勘。",
    ],
  },
  {
    // Registration in person only / applications by post or e-mail will not be accepted
    id: "review-in-person-registration-en",
    category: "presence",
    severity: "review",
    article: "FCR-9-3",
    pattern: `\\b(?:register|registration|apply|applications?|submissions?|submit)\\b[^.;\\n]{0,40}?\\bin\\s+person\\s+only\\b|\\b(?:must|shall|are\\s+required\\s+to|have\\s+to)\\s+(?:register|apply|submit\\s+(?:the\\s+|their\\s+|its\\s+)?(?:application|registration|qualification|bid|tender|proposal)s?[^.;\\n]{0,20}?)\\s*in\\s+person\\b|\\b(?:applications?|registrations?|submissions?|bids?|tenders?)\\s+(?:sent\\s+)?by\\s+(?:post|mail|e-?mail|courier|fax)[^.;\\n]{0,30}?\\b(?:(?:will\\s+not|shall\\s+not|won't)\\s+be\\s+(?:accepted|considered)|will\\s+be\\s+rejected|are\\s+not\\s+accepted)\\b|\\bonly\\b[^.;\\n]{0,30}?\\b(?:delivered|submitted|lodged|handed\\s+in)\\s+(?:by\\s+hand|in\\s+person)\\b|\\bonly\\s+(?:in-person|on-site|over-the-counter)\\s+(?:registration|applications?|submissions?)\\b`,
    unless:
      "\\bin\\s+person\\s+or\\s+(?:by\\s+)?(?:post|mail|e-?mail|online|courier)\\b|\\b(?:may|can)\\s+(?:also\\s+)?(?:be\\s+)?(?:register|apply|submit|sent|submitted|made|lodged)\\b[^.;\\n]{0,30}?\\b(?:online|by\\s+(?:post|mail|e-?mail|courier))\\b|\\bonline\\s+(?:registration|applications?|submissions?)\\s+(?:is|are)\\s+(?:also\\s+)?(?:accepted|welcome)",
    explain: {
      zh: "要求到现场或由法定代表人本人报名、递交材料，外地机构须专程前来才能参与，可能变相限制外地经营者，需审查；可改为网上报名或允许邮寄。",
      en: "Registration or papers in person only: a firm from elsewhere must travel just to take part; may exclude non-local operators in disguise, to be reviewed (allow online registration or post).",
    },
    matches: [
      "Registration is in person only, at the district service centre.",
      "Applicants must submit their qualification documents in person before the deadline.",
      "Applications sent by post or e-mail will not be accepted.",
    ],
    allows: [
      "Applicants may register in person or online.",
      "The winning firm must sign the contract in person at the bureau.",
      "Bidders must attend the site visit in person.",
    ],
  },
  // ── Procedural and disguised barriers (round 141) ─────────────────────────────────
  {
    // 须参加在区住建委会议室召开的标前说明会，未参会单位不得参与报价: a meeting in a district office as the condition of bidding
    // — a firm from elsewhere must travel only to be let in. Held for a regulator; a site visit (踏勘) asked of every bidder is
    // about the work and is not this rule's, nor a meeting online or left to choice.
    id: "review-meeting-attendance-zh",
    category: "presence",
    severity: "review",
    article: "FCR-9-3",
    pattern: `(?:标前(?:说明)?会|说明会|答疑会|澄清会|培训会|推介会|交底会|协调会|见面会|启动会|会议)[^。；;\\n]{0,30}?(?:未|没有|不)(?:按时)?(?:参加|参会|出席|到会|与会|签到)[^。；;\\n]{0,16}?(?:不得|不能|不予|取消|视为放弃|无权|不具备|无)(?:其)?(?:参与|参加|报名|投标|报价|受理|资格|比选)|(?:须|必须|应|需)(?:参加|出席)[^。；;\\n]{0,30}?(?:标前(?:说明)?会|说明会|答疑会|澄清会|培训会|推介会|见面会|会议)[^。；;\\n]{0,12}?(?:后)?(?:方可|才能|才可|方能)(?:报名|参与|投标|报价|比选)`,
    unless: "踏勘|勘察|考察现场|现场考察|线上|网上|网络|视频|腾讯会议|钉钉|自愿|不影响|可不参加",
    explain: {
      zh: "以参加现场会议作为报名或投标条件，外地机构须专程前来才能参与，可能变相限制外地经营者，需审查；可改为线上会议并公布纪要。",
      en: "Attending a meeting in person as a condition of bidding: a firm from elsewhere must travel just to take part; may exclude non-local operators, to be reviewed (hold it online and publish the minutes).",
    },
    matches: ["须参加5月12日在区住建委三楼会议室召开的标前说明会，未参会单位不得参与报价。", "意向单位须参加标前答疑会，签到后方可报名。"],
    allows: [
      "标前会议：欢迎各意向单位参加，会议纪要将在平台公布，未参会不影响投标。",
      "所有投标人须参加现场踏勘，未参加踏勘的不得投标。",
      "中选机构须参加项目启动会。",
    ],
  },
  {
    // Attendance at the pre-bid meeting is mandatory; bidders who do not attend will be disqualified
    id: "review-meeting-attendance-en",
    category: "presence",
    severity: "review",
    article: "FCR-9-3",
    pattern: `\\b(?:pre-?bid|pre-?tender|pre-?proposal|pre-?submission|bidders['’]?|tenderers['’]?|briefing|information|clarification)\\s+(?:meeting|conference|session|briefing)\\b[^.;\\n]{0,60}?\\b(?:mandatory|compulsory|disqualified|ineligible|not\\s+be\\s+(?:eligible|considered|accepted)|rejected|prerequisite|condition\\s+of\\s+(?:bidding|participation|eligibility))\\b`,
    unless:
      "\\b(?:optional|not\\s+mandatory|not\\s+compulsory|online|virtual|video|teams|zoom|does\\s+not\\s+affect|will\\s+not\\s+affect)\\b|site\\s+(?:visit|inspection)",
    explain: {
      zh: "以参加现场会议作为报名或投标条件，外地机构须专程前来才能参与，可能变相限制外地经营者，需审查；可改为线上会议并公布纪要。",
      en: "Attending a meeting in person as a condition of bidding: a firm from elsewhere must travel just to take part; may exclude non-local operators, to be reviewed (hold it online and publish the minutes).",
    },
    matches: ["Attendance at the pre-bid meeting at the District Office is mandatory; bidders who do not attend will be disqualified."],
    allows: [
      "An online pre-bid meeting will be held on 9 May; attendance is optional.",
      "Attendance at the site visit is mandatory for all tenderers.",
    ],
  },
  {
    // 保函须由区农商银行出具、须经本区公证处公证、CA证书只能在区政务中心窗口办理、须在区财政指定的银行开立结算账户: the guarantee,
    // the notarisation, the e-signature or the account a bidder needs, from one place's bank, notary or office only — a local
    // operator designated, and the firms from elsewhere put to a trip or a new account. Any bank, any notary, any lawful CA is
    // no finding, nor the requester's own account named for a transfer.
    id: "designation-local-provider-zh",
    category: "designation",
    severity: "refuse",
    article: "FCR-8-3",
    pattern: `(?:保函|保证金|保单|保险|公证书?|(?<![a-z])ca(?![a-z])(?:锁|证书|数字证书)?|数字证书|电子签章|电子印章|签章|印章|结算账户|基本账户|账户|资信证明|存款证明)[^。；;，,\\n]{0,12}?(?:须|必须|应|应当|只能|仅能|仅限|只限|限|一律)(?:使用|采用|通过)?(?:由|在|经|到|向|于)?(?:{PLACE}|区(?!域|别|分)|市(?!场)|县)[^。；;，,\\n]{0,12}?(?:银行|农商行|信用社|担保公司|担保机构|保险公司|公证处|公证机构|(?<![a-z])ca(?![a-z])|认证中心|数字证书中心|大数据中心|政务(?:服务)?中心|服务中心|窗口|支行|分行)|(?:须|必须|应|应当|只能|仅能)(?:经|由|到|在|向)(?:{PLACE}|区(?!域|别|分)|市(?!场)|县)[^。；;，,\\n]{0,6}?(?:公证处|公证机构)(?:办理)?(?:公证|出具)|(?:须|必须|应|应当|只能)(?:在|到|于)(?:{PLACE}|区(?!域|别|分)|市(?!场)|县)[^。；;，,\\n]{0,16}?(?:银行|支行|分行|信用社|农商行)[^。；;，,\\n]{0,8}?(?:开立|开设|开户|办理开户)`,
    unless:
      "(?:或|也可|亦可|均可|或者)[^。；;\\n]{0,10}?(?:其他|其它|任一|任何|网上|线上|在线)|任一|任何|不限|均可|开户行[:：]|(?:采购人|业主|甲方|招标人|我单位|本单位)(?:的)?(?:账户|账号)",
    explain: {
      zh: "不得要求机构使用某地指定的银行、公证机构、CA证书或办事窗口；保函、公证、电子签章由任一依法设立的机构出具均应认可。",
      en: "A bidder may not be required to use one place's bank, notary, CA or counter; a guarantee, notarisation or e-signature from any lawful provider must be accepted.",
    },
    matches: [
      "投标保证金须以银行保函形式提交，保函须由区农商银行出具。",
      "投标文件须加盖电子签章，电子签章须使用在区大数据中心申领的本地CA锁，其他CA证书一律无效。",
      "法定代表人授权委托书须经本区公证处公证后方为有效。",
      "比选文件须持CA数字证书登录区公共资源交易平台下载，CA证书只能在区政务中心窗口现场办理。",
      "参与单位须在区财政指定的XX银行本区支行开立结算账户，报名时提供开户证明。",
    ],
    allows: [
      "投标保证金可采用银行保函、保险保单等形式，出具机构不限。",
      "电子投标文件须加盖投标人CA电子签章，CA证书可在任一认证机构办理。",
      "保证金缴纳：转账至采购人账户（开户行：XX农商银行XX区支行，账号见附件）。",
      "授权委托书如为复印件，须经公证（公证机构不限）。",
      "CA证书可在区政务服务中心窗口办理，也可网上申领。",
    ],
  },
  {
    // 报名时须上传区行业主管部门出具的同意参与函: a department's letter of consent, support or recommendation as a paper of
    // the registration — designation by another name (a department's consent as a condition: designation-consent-zh).
    id: "designation-consent-letter-zh",
    category: "designation",
    severity: "refuse",
    article: "PLAN-79-DESIGNATION",
    pattern: `(?<!(?:中选|中标|成交)[^。；;\\n]{0,20})${MUST}(?:上传|提供|提交|附|附上|取得|获得|持有|出具)(?:由)?{DEPT}(?:出具|开具|签发|盖章|同意)?的?(?:同意[\\u4e00-\\u9fa5]{0,4}?函|推荐函|推荐信|推荐意见|推荐表|同意书|无异议函|准入意见|准入函|介绍信|支持函)`,
    explain: {
      zh: "不得以政府部门出具的同意函、推荐函等作为报名材料或参与条件（变相指定）；机构自主报名。",
      en: "A department's letter of consent or recommendation may not be a registration paper or a condition of taking part (designation in disguise); agencies register freely.",
    },
    matches: ["报名时须上传区行业主管部门出具的同意参与函，未上传的视为无效报名。", "申请人须提交街道办事处出具的无异议函。"],
    allows: ["中标后须提供区住建委出具的开工同意函复印件。", "采购人将提供区发改委出具的立项批复。"],
  },
  {
    // Each bidder must obtain a letter of no objection from the District Housing Bureau and upload it with the registration form
    id: "designation-consent-letter-en",
    category: "designation",
    severity: "refuse",
    article: "PLAN-79-DESIGNATION",
    pattern: `(?<!\\b(?:successful|winning|selected|appointed|awarded)\\b[^.;\\n]{0,60})\\b(?:must|shall|should|required\\s+to|needs?\\s+to|have\\s+to)\\s+(?:[\\w-]+\\s+){0,2}?(?:obtain|provide|submit|upload|produce|furnish|attach|enclose)\\s+(?:a\\s+|an\\s+|the\\s+)?(?:written\\s+)?(?:letter\\s+of\\s+(?:no\\s+objection|support|recommendation|consent|endorsement|introduction)|no-?objection\\s+letter|(?:consent|support|recommendation|endorsement)\\s+letter|consent|endorsement|recommendation)\\s+(?:from|issued\\s+by|of|signed\\s+by)\\s+(?:the\\s+)?(?:[\\w'-]+\\s+){0,5}?(?:bureau|department|commission|committee|authority|government|office|administration)\\b`,
    explain: {
      zh: "不得以政府部门出具的同意函、推荐函等作为报名材料或参与条件（变相指定）；机构自主报名。",
      en: "A department's letter of consent or recommendation may not be a registration paper or a condition of taking part (designation in disguise); agencies register freely.",
    },
    matches: [
      "Each bidder must obtain a letter of no objection from the District Housing Bureau and upload it together with the registration form.",
    ],
    allows: [
      "The successful consultant must obtain the approval of the District Planning Bureau for the final design.",
      "The Employer will provide a letter of support from the District Government to the appointed consultant.",
    ],
  },
  {
    // 服务人员须能使用粤语与村民沟通、团队成员中至少2人会说温州话: a dialect as a condition — a local-staff requirement by
    // its language, or the work's real need among elderly villagers: a regulator reads which. Mandarin, an interpreter the
    // winner hires, or the requester's liaison is no finding.
    id: "review-dialect-zh",
    category: "local-ties",
    severity: "review",
    article: "FCR-9-5",
    pattern: `(?:人员|成员|团队|员工|调查员|访谈员|负责人|工程师|技术员|专家|[\\d一二两三四五六七八九十]+(?:人|名))[^。；;\\n]{0,12}?(?:须|需|必须|应|应当|要求|能够|会说|会讲|能说|能讲|懂)[^。；;\\n]{0,10}?${DIALECT_ZH}(?!翻译)|(?:会说|会讲|能说|能讲|懂)${DIALECT_ZH}的(?:人员|人|员工|成员|调查员|访谈员|工作人员)`,
    unless:
      "翻译|译员|联络人|陪同|向导|不作要求|不作为|不计分|不要求|无需|无须|不必|(?:采购人|业主|甲方|村委会?|居委会?)(?:负责|协助|安排)",
    explain: {
      zh: "以会说某地方言作为条件，可能变相要求本地人员，需审查；确需方言沟通的，可由中选机构聘请翻译或由采购人安排联络人。",
      en: "A dialect as a condition may require local staff in disguise, to be reviewed; where it is truly needed, an interpreter or the requester's liaison can provide it.",
    },
    matches: ["服务人员须能使用粤语与村民沟通，报名时提交能力说明。", "团队成员中至少2人会说温州话，报名表中注明。"],
    allows: [
      "调查员应能使用普通话与受访者交流。",
      "如入户调查需方言翻译，由中标单位自行聘请，费用包含在报价中。",
      "入户访谈涉及方言的，由采购人协助安排当地联络人陪同。",
      // the product or the work in a dialect, not the bidder's staff
      "软件测试须覆盖本地化功能(简繁体切换、粤语语音识别),测试报告须单列本地化测试用例及缺陷统计。",
    ],
  },
  {
    // Field staff must speak Cantonese / Hokkien-speaking surveyors are required
    id: "review-dialect-en",
    category: "local-ties",
    severity: "review",
    article: "FCR-9-5",
    pattern: `\\b(?:must|shall|required\\s+to|need\\s+to|able\\s+to|at\\s+least)\\b[^.;\\n]{0,40}?\\b(?:speak|speaks|speaking|fluent\\s+in|command\\s+of)\\s+(?:the\\s+)?(?:cantonese|hokkien|minnan|shanghainese|hakka|teochew|wenzhounese|sichuanese|local\\s+dialect|dialect)\\b|\\b(?:cantonese|hokkien|minnan|shanghainese|hakka|teochew|wenzhounese|sichuanese|local[\\s-]+dialect)[\\s-]+speaking\\s+(?:staff|surveyors?|team|members?|personnel|interviewers?|engineers?)\\s+(?:is\\s+|are\\s+)?(?:required|mandatory|must)\\b`,
    unless: "\\b(?:interpreters?|translators?|not\\s+assessed|not\\s+required|desirable|optional|liaison)\\b",
    explain: {
      zh: "以会说某地方言作为条件，可能变相要求本地人员，需审查；确需方言沟通的，可由中选机构聘请翻译或由采购人安排联络人。",
      en: "A dialect as a condition may require local staff in disguise, to be reviewed; where it is truly needed, an interpreter or the requester's liaison can provide it.",
    },
    matches: ["All field surveyors must speak Cantonese."],
    allows: ["The team must be able to work in Mandarin; Cantonese is useful on site but is not assessed."],
  },
  {
    // 熟悉本地情况的团队酌情加1-3分: knowing "the place" scored — points only a local firm is sure to get. Knowing the place's
    // standards, rules or the project's site (熟悉本市地方标准、对项目所在区域现状的理解) is about the work and is no finding.
    id: "preference-familiarity-zh",
    category: "preference",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `熟悉{PLACE}(?:的)?(?:基本)?${LOCAL_SITUATION_ZH}[^。；;\\n]{0,20}?(?:酌情)?(?:加|得|计|给予?)(?:\\d+(?:\\.\\d+)?|[一二两三四五六七八九十]+)(?:[-—～~至到](?:\\d+(?:\\.\\d+)?|[一二两三四五六七八九十]+))?分|(?:评分|加分|得分)[^。；;\\n]{0,16}?熟悉{PLACE}(?:的)?(?:基本)?${LOCAL_SITUATION_ZH}`,
    explain: {
      zh: "评审中不得因“熟悉本地情况”加分；这等于优待本地机构。",
      en: "Points may not be given for 'knowing local conditions': that favours local agencies.",
    },
    matches: ["熟悉本地情况的团队酌情加1-3分。", "评分项：熟悉我区区情、社情（5分）"],
    allows: ["评分细则|项目理解|对项目所在区域现状、存在问题分析准确的得6-8分", "熟悉本市地方标准和规范的，在技术方案中说明。"],
  },
  {
    // 项目负责人应熟悉本地情况: knowing the place asked of the bidder — a local firm asked for in other words, or a wish the
    // proposal can answer: a regulator reads which.
    id: "review-local-familiarity-zh",
    category: "local-ties",
    severity: "review",
    article: "FCR-9-5",
    pattern: `(?:须|需|必须|应|应当|要求|具备|具有)[^。；;\\n]{0,10}?熟悉{PLACE}(?:的)?(?:基本)?${LOCAL_SITUATION_ZH}`,
    explain: {
      zh: "要求熟悉本地情况，可能变相要求本地机构或本地经验，需审查；可改为在技术方案中说明对项目的理解。",
      en: "Asks the bidder to know local conditions; may require a local firm or local experience in disguise, to be reviewed (ask for an understanding of the project in the proposal instead).",
    },
    matches: ["项目负责人应熟悉本地情况。", "服务团队须熟悉我区区情民情。"],
    allows: ["中选机构须熟悉本地地方标准。", "服务人员需熟悉国家及地方关于房屋安全鉴定的规范要求。"],
  },
  {
    // Familiarity with local conditions: up to 5 points / Tenderers must demonstrate familiarity with local conditions
    id: "preference-familiarity-en",
    category: "preference",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `\\b(?:familiarity|acquaintance|knowledge)\\s+(?:with|of)\\s+(?:the\\s+)?(?:local\\s+(?:conditions|circumstances|situation|context|area|community|communities|culture|customs)|(?:conditions|circumstances|situation)\\s+in\\s+{EN})\\b[^.;\\n]{0,40}?\\b(?:\\d+|{ENUM})\\s*(?:points?|pts|marks?)\\b|\\blocal\\s+knowledge\\b[^.;\\n]{0,20}?\\b(?:\\d+|{ENUM})\\s*(?:points?|pts|marks?)\\b`,
    explain: {
      zh: "评审中不得因“熟悉本地情况”加分；这等于优待本地机构。",
      en: "Points may not be given for 'knowing local conditions': that favours local agencies.",
    },
    matches: ["Evaluation | Local knowledge | 10 points", "Familiarity with local conditions: up to 5 points."],
    allows: ["Evaluation | Methodology | 30 pts | Understanding of site conditions and constraints"],
  },
  {
    id: "review-local-familiarity-en",
    category: "local-ties",
    severity: "review",
    article: "FCR-9-5",
    pattern: `\\b(?:must|shall|should|required\\s+to|need\\s+to)\\s+(?:[\\w-]+\\s+){0,3}?(?:familiarity|familiar|acquainted|knowledge)\\s+(?:with|of)\\s+(?:the\\s+)?(?:local\\s+(?:conditions|circumstances|situation|context|area|community|communities|culture|customs)|(?:conditions|circumstances|situation)\\s+in\\s+{EN})\\b`,
    explain: {
      zh: "要求熟悉本地情况，可能变相要求本地机构或本地经验，需审查；可改为在技术方案中说明对项目的理解。",
      en: "Asks the bidder to know local conditions; may require a local firm or local experience in disguise, to be reviewed (ask for an understanding of the project in the proposal instead).",
    },
    matches: ["Tenderers must demonstrate familiarity with local conditions in Haidian District."],
    allows: ["The Consultant shall be familiar with applicable national codes and Shanghai municipal regulations relevant to the works."],
  },
  {
    // 区内机构与区外机构按7:3的比例确定入围名单: a share of the places kept for one side — a quota by origin.
    id: "quota-ratio-zh",
    category: "quota",
    severity: "refuse",
    article: "PLAN-79-QUOTA",
    pattern: `(?:{PLACE}|区外|市外|省外|县外|外地|外省|非本地)(?:的)?(?:注册)?(?:中介)?(?:机构|单位|企业|供应商|公司)?(?:与|和|、|，|及)(?:{PLACE}|区外|市外|省外|县外|外地|外省|非本地)(?:的)?(?:注册)?(?:中介)?(?:机构|单位|企业|供应商|公司)?[^。；;\\n]{0,8}?(?:按|以|按照)?(?:\\d+\\s*[:：比]\\s*\\d+|\\d+(?:%|％)\\s*[:：/、和与]\\s*\\d+(?:%|％))`,
    explain: {
      zh: "不得按机构所在地分配入围名额或比例（限额管理）；符合条件的机构同等参与。",
      en: "Places may not be shared out by where agencies are from (a quota); every eligible agency takes part on equal terms.",
    },
    // (round 144) 区内、区外机构 — 、 is normalised to ，
    matches: ["区内机构与区外机构按7:3的比例确定入围名单。", "本地企业和外地企业入围比例为2:1", "按区内、区外机构1:1的比例确定入围单位。"],
    allows: ["本地与外地机构同等参与，评分权重技术60%:商务40%。"],
  },
  {
    // The supplier's business licence must have been issued by the Minhang District Administration for Market Regulation
    id: "registration-licence-issuer-en",
    category: "registration",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `\\b(?:business\\s+licen[cs]e|licen[cs]e|certificate\\s+of\\s+incorporation|registration\\s+certificate)\\b[^.;\\n]{0,30}?\\b(?:must|shall|should|is\\s+required\\s+to|needs?\\s+to)\\s+(?:have\\s+been\\s+|be\\s+)?(?:issued|granted|registered)\\s+(?:by|with)\\s+(?:the\\s+)?{EN}\\s+(?:[\\w-]+\\s+){0,4}?(?:administration|bureau|authority|department|office|commission)\\b`,
    explain: { zh: "不得以注册地或所在地限制机构。", en: "Agencies may not be restricted by where they are registered or based." },
    matches: ["The supplier's business licence must have been issued by the Minhang District Administration for Market Regulation."],
    allows: ["The supplier's business licence must be valid and issued by the competent market regulation authority."],
  },
  // ── Registration / origin (注册地、本地企业) ─────────────────────────────────────
  {
    // (round 143) the bidder itself said to be in a place (投标人位于上海市、报名单位须地处本区) — the twin of 项目位于上海市;
    // not a treatment of a bidder who is (投标人位于外地的，可线上参加答疑)
    id: "registration-located-zh",
    category: "registration",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `(?<!(?:如|若|如果|对于|凡|倘若|假如)[^。；;，,\\n]{0,4})(?:投标人|投标单位|投标机构|报名人|报名单位|报名机构|申请人|申请单位|供应商|报价人|报价单位|参选人|参选单位|响应人|响应单位)(?:须|需|应当?|必须|要求)?(?:位于|地处|坐落于|坐落在|(?:所在地|{LOCAL})(?:须|需|应当?|必须)?(?:为|在|位于)){G4}{PLACE}${WITHIN}?(?![^。；;，,\\n]{0,6}?的)`,
    explain: {
      zh: "不得要求机构位于某地；任何地区的机构均可参与。",
      en: "Agencies may not be required to be located in a place; an agency from anywhere may take part.",
    },
    matches: ["投标人位于上海市。", "报名单位须地处本区。", "申请人所在地须为杭州市。"],
    allows: ["项目位于上海市。", "投标人位于外地的，可线上参加答疑。", "如投标人位于外省，可邮寄纸质文件。"],
  },
  {
    // (round 143) those from elsewhere turned away outright (不接受外省市注册企业报名、谢绝外地机构参与)
    id: "registration-outsiders-refused-zh",
    category: "registration",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `(?:不接受|不予接受|谢绝|拒绝|不允许|不受理|不予受理)(?:来自)?(?:外省市|外省|外市|外地|外区|外县|市外|省外|区外|县外|非本[市区县省]|本[市区县省](?:以外|之外))`,
    explain: {
      zh: "不得拒绝外地机构参与；在任何地区注册的机构均可参与。",
      en: "Agencies from elsewhere may not be turned away; an agency registered anywhere may take part.",
    },
    matches: ["不接受外省市注册企业报名。", "谢绝外地机构参与。", "不予受理区外机构的报名材料。"],
    allows: ["不接受被列入失信被执行人名单的企业报名。", "外地机构亦可报名，不受理逾期提交的材料。"],
  },
  {
    // (round 143) the work given only to a local agency (检测须由区质监站认可的本地检测机构完成、须由本市检测机构出具)
    id: "registration-by-local-agency-zh",
    category: "registration",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `(?<=(?:须|需|应当?|必须|只能|仅能|只可|仅可)(?:由|委托|选择|选用|聘请)(?:(?!对|为|向|配合|协助|面向|针对)[^。；;，,\\n]){0,12}?){LOCAL}的?[\\u4e00-\\u9fa5]{0,6}?${AGENCY}`,
    explain: {
      zh: "不得要求由本地机构承担；任何地区的机构均可参与。",
      en: "The work may not be reserved for a local agency; an agency from anywhere may take part.",
    },
    matches: ["检测须由区质监站认可的本地检测机构完成。", "报告须由本市检测机构出具。", "须委托本区的造价咨询单位。"],
    allows: ["检测须由具备CMA资质的检测机构完成。", "须由中选机构对本区企业开展检查。"],
  },
  {
    // (round 143) a department's partner or subordinate as the bidder (须与区生态环境局的合作单位联合投标、建议选择区国资委下属的
    // 评估公司), named after a word of choosing — not the department's units as the objects of the work (配合区国资委所属企业开展
    // 资产清查) or as the requester (园区管委会下属公司专项审计)
    id: "designation-affiliate-zh",
    category: "designation",
    severity: "refuse",
    article: "PLAN-79-DESIGNATION",
    pattern: `(?<=(?:选择|选用|选定|委托|由|与|须为|需为|应为|必须为|仅限|只限|限于|聘请|找|用)[^。；;，,\\n]{0,6}){DEPT}(?:的)?(?:合作|下属|所属|直属|挂靠|关联|推介)(?:的)?[\\u4e00-\\u9fa5]{0,4}?(?:单位|机构|公司|事务所|设计院|研究院|咨询所)`,
    explain: {
      zh: "不得要求选用政府部门的合作、下属或关联机构（变相指定）。",
      en: "A department's partner, subordinate or affiliated agency may not be required or steered to (designation in disguise).",
    },
    matches: ["须与区生态环境局的合作单位联合投标。", "建议选择区国资委下属的评估公司。"],
    allows: [
      "配合区国资委所属企业开展资产清查。",
      "须按区生态环境局的要求编制报告。",
      "民乐生态工业园区管委会下属公司专项审计：审计机构从名录中随机抽取。",
    ],
  },
  {
    // (round 143) years worked or lived in the place asked of the staff (拟派人员须在本区工作满三年) — not a stay on the site
    id: "local-ties-years-here-zh",
    category: "local-ties",
    severity: "refuse",
    article: "FCR-9-5",
    pattern: `(?<=(?:人员|负责人|团队|成员|工程师|技术员|骨干)[^。；;\\n]{0,16}?)(?:在|于)(?!项目|工程|现场|服务|本单位|本公司|本机构)(?:本地|本市|本区|本县|本省|当地|区内|市内|县内|{PLACE})${WITHIN}?(?:连续)?(?:工作|从业|执业|居住|生活)(?:满|超过|不少于|达到|已满)?[0-9一二三四五六七八九十两]+年(?!后|以后|之后|的?(?:期限|时间)后)`,
    explain: {
      zh: "不得要求人员在本地工作或居住满一定年限。",
      en: "Staff may not be required to have worked or lived in the place for some years.",
    },
    matches: ["拟派人员须熟悉本区情况，且在本区工作满三年。", "项目负责人须在上海市从业满5年。"],
    // a time served on this contract (项目负责人须在本市工作满一年后方可申请更换, hold-out 131: held, not refused)
    allows: ["项目负责人须从业满5年。", "拟派人员须在项目现场工作不少于3个月。", "项目负责人须在本市工作满一年后方可申请更换。"],
  },
  {
    id: "registration-place-zh",
    category: "registration",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `(?<![（(])(?:注册|登记)(?:地址?|在|于|机关){G6}{PLACE}|(?<![（(])住所(?:地|地址)?(?:须|需|应当?|必须|要求)(?:位于|设在|在|属于|为){G4}{PLACE}|(?:在|于)(?:沪|京|津|渝|苏|浙|皖|闽|赣|鲁|豫|鄂|湘|粤|桂|琼|川|蜀|黔|滇|藏|陕|甘|陇|冀|晋|辽|吉|黑)(?:注册|登记|设立|成立|纳税)|(?:沪|京|津|渝|苏|浙|粤|闽)籍${AGENCY}|{PLACE}${WITHIN}?{G6}(?:设立|成立)的{G4}${AGENCY}|{PLACE}(?:地区)?(?:以外|之外)(?:的)?{G6}(?:不得|不能|不予|除外|谢绝|不接受)|(?:营业执照|执照){G6}{PLACE}{G4}(?:核发|颁发|签发|登记)|(?:营业执照|执照)(?:上)?(?:载明|注明|记载|登记|显示)?的?(?:住所地?|地址|注册地址|经营场所)(?:须|必须|应当?|要)?(?:位于|在|属于|设在|为){G6}{PLACE}|(?:发证机关|登记机关|核发机关|颁发机关|发照机关)(?:须|必须|应当?|要|得)?(?:是|为|在|属于){G6}{PLACE}|{PLACE}${WITHIN}?{G6}(?:依法)?(?:工商)?(?<!不动产|产权|户籍|户口|房产|房屋|土地|婚姻|抵押|权属|确权|出生|死亡)(?:注册|登记)(?!测绘师|造价|工程师|建筑师|会计师|规划师|资本|资金|城市规划)|{PLACE}(?:地区)?{G2}(?:市场监督管理|市场监管|工商行政管理|工商|行政审批)(?:局|部门|机关)?{G2}(?:登记注册|注册登记|登记|注册)(?!测绘师|造价|工程师)|{PLACE}{G4}(?:市场监督管理局|市场监管局|市监局|工商(?:行政管理)?局|行政审批(?:和政务服务|服务)?局|政务服务(?:管理)?局)(?:出具|开具|核发|提供|盖章|加盖)[^。；;\n]{0,30}?(?:登记|注册|设立|营业执照|基本情况|档案)|(?:营业执照|执照)(?:得|要|须|必须)(?:是|在){PLACE}{G4}(?:注册|登记|办理|核发)|(?:外面|外边|外头|外地|外省|外市|外县|外区)(?:注册)?的(?:[^，,。；;\\n]{0,4}?)(?:就|也)?(?:不用|无需|不必|别)(?:再)?(?:发|报|交|递|来|报名)|{PLACE}\\s?(?:registered|incorporated)(?:的|\\s)\\s?(?:firms?|compan(?:y|ies)|agenc(?:y|ies)|enterprises?|suppliers?|bidders?|consultants?|vendors?|公司|机构|企业|单位)`,
    // 协助企业办理本区税务登记信息变更: the service is helping the requester with its own registration
    // 采购人名称：某风电有限公司；注册地址：包头市稀土高新区某路某号: the requester's address as a field
    // 中选机构如在项目所在地以外注册，须办理跨区域涉税事项报验: the tax formality the law asks of the winner (round 130)
    // (2026-12-06) signing up on the platform the request is posted on, named by its place (须已在上海市网上中介超市注册入驻) —
    // not in a sentence that also asks a place of registration, a licence or a branch (须在上海市注册并入驻网上中介超市)
    unless: `^(?![^]*?(?:(?:本地|本市|本区|本县|本省)(?!(?:网上)?中介(?:服务)?(?:超市|(?:网上)?交易平台))|注册地|所在地|营业执照|工商|登记机关|设立|分公司|分支机构|(?<!超)(?:市|省|区|县|州)(?:内|范围内|辖区内)?(?:依法)?(?:注册|登记)))[^]*?(?:在|于)[\\u4e00-\\u9fa5]{0,12}?(?:网上)?中介(?:服务)?(?:超市|(?:网上)?交易平台)(?:上)?(?:完成|办理)?(?:注册|入驻|登记)|${TAX_FORMALITY_AFTER_AWARD_ZH}|(?:协助|帮助|代为|代理)(?:企业|甲方|业主|客户|我司|委托方|委托人)?(?:办理|申报|完成)|(?:注册地址|注册地|住所)[:：][^。；;\\n须需应必限]{0,40}?(?:路|街|道|巷|弄)[^。；;\\n]{0,8}?号`,
    explain: {
      zh: "不得以注册地限制机构；在任何地区注册的机构均可参与。",
      en: "Agencies may not be restricted by where they are registered; an agency registered anywhere may take part.",
    },
    matches: [
      "hp要包头zc的 别的地方的不要",
      "注册地址须在包头市",
      "投标机构须本地注册",
      "在普陀区注册的独立法人",
      "注册地须在浙江省内",
      "注册在江苏的评估机构",
      "营业执照登记机关须为苏州市市场监督管理局",
      "营业执照载明的住所位于嘉兴市秀洲区行政区域内",
      "营业执照发证机关要是杭州的市监局哦",
      "竞价机构需注册于普陀",
      "营业执照须由徐汇区核发",
      "上海市普陀区内依法设立的企业",
      "只对在沪注册企业开放",
      "长三角地区以外不得参与",
      "由楚雄州市场监督管理局出具的《企业登记基本情况表》",
      "在喀什地区市场监督管理部门登记注册的独立法人",
      "属本旗注册企业",
      // (round 129) 住所地, one province's abbreviation after 在 (places.ts), a Chinese place before an English "registered"
      "供应商营业执照住所地应位于萧山区",
      "仅限注册地在沪的造价咨询企业参与本次询价。",
      "这次只 accept 浙江 registered 的 firms，别的不用 reply 了",
      // (round 131) the domicile without the licence before it
      "投标人住所地须位于杭州市辖区内。",
    ],
    allows: [
      "参与报价的中介机构须已在上海市网上中介超市注册入驻。",
      // (round 144) the same platform called "this city's"
      "须已在本市网上中介超市注册入驻并处于有效状态。",
      "采购人名称：某风电有限公司；注册地址：包头市稀土高新区某路某号；联系人：王工。",
      "注册地不限，全国范围内符合资质条件的机构均可报名",
      "成果文件需由上海市注册测绘师签字",
      "我单位注册于深圳市南山区，现委托一家机构开展能评",
      "外资企业在上海 registered capital 不设下限",
      "中选机构如在项目所在地以外注册，须按规定办理跨区域涉税事项报验。",
      "中标单位如系本省以外注册企业，须在合同签订后办理外出经营活动税收管理证明。",
      // (round 132) the winner's cross-region business formality where the work is
      "中选机构应当在合同签订后30日内在项目所在地办理税务登记或跨区域经营报验。",
    ],
  },
  {
    id: "registration-origin-zh",
    category: "registration",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `(?:县外|区外|市外|省外|外县|外区|外市|外省|外地)(?:的)?(?:公司|机构|单位|企业)(?:一律|均|都)?(?:没有|无|不具备|不具有)(?:得)?(?:报名|参与|投标)?(?:资格|资质)|(?:其他|外|外地|外省|其它)(?:省份|省|地区|市|省市)(?:核发|颁发|发放|出具|签发)的[^。；;\\n]{0,12}?(?:不予认可|不认可|无效|不予受理|不接受|不予采信)|营业执照[^。；;\\n]{0,6}?(?:要|须|需|必须|应)(?:是)?{PLACE}{G8}(?:市场监管局|市场监督管理局|工商局|工商行政管理局)(?:发|颁发|核发|签发)|找(?:个|一个|家|一家)?\\uE000+\\uE001+的?(?:测绘|评估|环评|造价|检测|设计|咨询|审计|监理)?${AGENCY}|${MUST}{G4}(?:为|是|系){PLACE}${WITHIN}?(?:的)?(?:本地|本土)?(?:籍)?${AGENCY}|(?<!不|无|并不|并非)(?:仅限|只限|限于|限|仅面向|只面向|面向|仅接受|只接受|仅邀请|只邀请){PLACE}${WITHIN}?(?:的)?{G4}${AGENCY}|{PLACE}籍${AGENCY}?|(?:非|外地|外省市|外省|外市|外区|外县)(?:的)?(?:{PLACE})?${AGENCY}(?![^。；;\\n，,]{0,6}?(?:拨打|致电|来电|加拨|区号|会不会|吃亏|担心)|[^。；;\\n，,]{0,6}?(?:能否|是否|可否|能不能|可不可以)[^。；;\\n？?]*[。.])|{PLACE}(?:本地)?${AGENCY}(?:方可|才能|才可)`,
    // 中选机构为外地企业的，其派驻人员的住宿由中选机构自行安排: what an outside winner arranges, not its exclusion
    // 中选机构如为外地企业，应按规定办理跨区域涉税事项报验登记: the winner's tax formality (round 131)
    unless:
      `${TAX_FORMALITY_AFTER_AWARD_ZH}|` +
      // (round 139) outsiders told to sign up on the platform in good time (请有意向的外地机构提前办理、外省机构请尽早在平台注册): a
      // reminder of the platform's own steps — not a local licence, branch or filing (外地机构请提前在本市设立分公司)
      `${OUTSIDERS_REMINDED_ZH}|` +
      // (round 139) who signed up, reported by origin (共6家机构报名，其中4家为本省机构，2家为外省机构): a count, no exclusion
      "^(?![^]*?(?:不得|不予|不接受|不能|无效|取消|淘汰|不符合|谢绝|仅|只))[^]*?(?:共|共有|合计|累计)[0-9一二三四五六七八九十两]+家[^。；;，,\\n]{0,8}?(?:报名|响应|参与|递交|提交|参加)[^。；;\\n]{0,6}?[，,]其中|" +
      // (round 137) 外省企业的资质证书均予认可: what outsiders hold is accepted
      "(?:外地|外省市|外省|外市|外县|区外|市外|省外|县外)(?:的)?(?:企业|机构|单位|公司)的?[^。；;，,\\n]{0,12}?(?:均|都|一律|同样|亦)(?:予以?|可|被)?(?:认可|有效|适用)(?![^。；;\\n]{0,6}?(?:但|除|不得|不予))|" +
      "(?:外地|外省|外市|外县|区外|市外|省外|县外)(?:的)?(?:企业|机构|单位|公司)[^。；;，,\\n]{0,12}?(?:吃住行?|食宿|住宿|差旅|交通|路费)[^。；;\\n]{0,6}?(?:自理|自己安排|自行安排|自行解决|自付|自行承担|自己负责)|(?<!不|不予|拒绝|不会|不再|禁止|严禁|不得)(?:接受|欢迎|允许)(?:外地|外省|外市|外县|区外|市外|省外)(?:的)?(?:企业|机构|单位|公司)(?:报名|参与|参加|投标|报价)|(?:外地|外省|外市|外县|区外|市外|省外)(?:的)?(?:企业|机构|单位|公司)[^。；;，,\\n]{0,10}?(?:差旅|交通|住宿|食宿|路费)(?:费|成本|费用)|(?:外地|外省|外市|外县|区外|市外|省外)(?:的)?(?:企业|机构|单位|公司)(?:报名|投标|参与|参加)(?:的)?[，,]?(?:可|可以|亦可|也可)(?!能)|(?:为|是)(?:外地|外省|外市|外县|区外|市外|省外)(?:的)?(?:企业|机构|单位|公司)的?[，,]?[^。；;\\n]{0,30}?(?:住宿|食宿|差旅|交通|车辆|费用|自行安排|自理)|(?:若|如|如果|倘若)(?:外地|外省|外市|外县|区外|市外|省外)(?:的)?(?:企业|机构|单位|公司)(?:有需要|需要)[^。；;\\n]{0,30}?(?:住宿|食宿|差旅|交通|车辆|协助)|(?:外地|外省|外市|外县|区外|市外|省外)(?:的)?(?:企业|机构|单位|公司)(?:也)?(?:可以|可|亦可)(?:申请)?(?:视频|线上|远程|网上|在线)|(?:外地|外省|外市|外县|区外|市外|省外)(?:的)?(?:企业|机构|单位|公司)(?:也|都|均)?(?:可以|可|能|欢迎)(?:全程|同样|正常|直接)?(?:线上|网上|在线|远程)?(?:报|报名|参与|参加|投标|报价)|(?:外地|外省|外市|外县|区外|市外|省外)(?:的)?(?:企业|机构|单位|公司)(?:如|若)?(?:中选|中标|成交)(?:后|的|[，,](?=[^。；;\\n]{0,16}?(?:可|可以|亦可|也可|无需|无须|不必)))|(?:外地|外省|外市|外县|区外|市外|省外)(?:的)?(?:企业|机构|单位|公司)的?(?:差旅|交通|住宿|食宿)|" +
      // (round 140) outsiders' number left open (外地机构报名数量不设上限), the staff they may send to the site visit
      "^(?![^]*(?:但|不过|可是|然而|却|不得|不予|不能|须在|需在|应在))[^]*?(?:(?:外地|外省|外市|外县|区外|市外|省外|县外)(?:的)?(?:企业|机构|单位|公司)(?:的)?(?:报名|参与|参加)?(?:数量|家数)(?:均|一律)?(?:不设上限|不限|不作限制|不受限制|不设限)|(?:外地|外省|外市|外县|区外|市外|省外|县外)(?:的)?(?:企业|机构|单位|公司)(?:最多|均|也)?(?:可|可以)(?:派|安排|委派)[^。；;，,\\n]{0,8}?(?:人员|人)[^。；;，,\\n]{0,6}?(?:参加|到场|前往|进行)?(?:现场)?(?:踏勘|勘察|考察|答疑会))",
    explain: {
      zh: "不得要求机构为本地企业或限制外地机构。",
      en: "Agencies may not be required to be local enterprises, nor non-local agencies excluded.",
    },
    matches: [
      "须具有贵州省自然资源厅核发的乙级及以上测绘资质证书，其他省份核发的资质证书不予认可。",
      "外地机构能否报名？答：不能。",
      "外地机构不得报名，交通自理。",
      "营业执照一定要是我们安化县市场监管局发的，县外的公司没有得资格。",
      "不予接受外地机构报名",
      "找个盘锦本地的测绘公司做规划核实测量",
      "报价机构须为上海市企业",
      "本次比选仅面向杭州市范围内的测绘单位。",
      "报名单位应为合肥市辖区内企业",
      "应为北京市本地企业",
      "报名机构应为广东省内企业",
      "仅限上海市的机构报名",
      "只接受区内单位",
      "本项目面向本地中小企业",
      "需为深圳籍企业",
      "非本省企业不得参与",
      "外地机构不予受理",
      "不接受外省市机构报名",
      // (round 140) the number left open, then a bar after the turn
      "外地机构数量不限，但不得中选。",
      // (round 139) a reminder that asks a local branch
      "外地中介机构请提前在本市设立分公司，否则不予受理。",
    ],
    allows: [
      "异议答复：贵单位询问外地机构能否报名。答复：本项目不限制报名单位注册地，外地机构可正常报名。",
      "本项目面向全国，不限于本市机构，注册地不限。",
      "本项目面向全国范围内的中介机构。",
      "报价含差旅费，外地单位来村里的吃住行自己安排。",
      "本项目接受外地机构报名，中选后无需在本地设立分支机构。",
      "报价须包含全部费用，外地机构请自行考虑交通成本。",
      "投标人应具有有效的营业执照",
      "本项目为企业自有资金",
      "咨询电话：0851-85501234（贵阳），外地机构拨打请加区号。",
      "外地机构中选后如需在项目所在地办理相关手续，采购人予以协助。",
      "各机构通过平台网上报名，外地机构可全程线上参与。",
      "外地机构报名的，可通过平台上传电子投标文件，无需到场。",
      "外省企业的资质证书均予认可。",
      "外地机构如中选，可通过视频方式参加项目启动会。",
      // (round 140)
      "外地机构报名数量不设上限，欢迎各地机构参与。",
      "外地单位最多可派3名人员参加现场踏勘。",
      // (round 139) outsiders reminded of the platform's steps
      "中介机构须已在本平台完成入驻，入驻审核一般在3个工作日内完成，请有意向的外地机构提前办理。",
      "入驻审核需要一定时间，外省机构请尽早在平台注册。",
      "报名情况：共6家机构报名，其中4家为本省机构，2家为外省机构。",
    ],
  },
  {
    // (round 137) A credential only "here" issues: 须持有本省住建厅颁发的…资质证书 (a named place's issuer with no more said,
    // 须持有上海市住建委颁发的资质证书, stays held by review-local-qualification-zh: the place may be the bidder's own);
    // one place's credit platform or bank as the only source accepted (仅认可苏州市公共信用信息平台出具的信用评价报告); other
    // places' certificates refused (外省证书不予认可). A ministry's or any province's credential (省级及以上…颁发、由自然资源部或省级
    // 主管部门核发) and the bidder's own locality (注册地／所在地主管部门出具的) are no place's.
    id: "local-credential-zh",
    category: "registration",
    severity: "refuse",
    article: "FCR-9-5",
    pattern: `(?:仅|只)(?:认可|接受|采信|承认|认定|采纳|认)(?:由)?{PLACE}{G16}(?:颁发|核发|出具|开具|签发|发放|评定|认定|发布)的?|(?:(?:其他|其它)(?:省份|省|地区|市|省市|城市|地方)|外地|外省市|外省|外市|外县|外区|省外|市外|县外|区外)(?:(?!机构|单位|企业|公司)[\\u4e00-\\u9fa5]){0,8}?(?:(?:核发|颁发|发放|出具|签发|开具|评定)的?(?:资质证书|资格证书|资质|证书|执照|许可证|信用评价|信用报告|评价报告|资信证明|职称证书|备案证书|合格证|发票|完税证明|纳税证明|社保证明|公证书)?|的?(?:资质证书|资格证书|资质|证书|执照|许可证|信用评价|信用报告|评价报告|资信证明|职称证书|备案证书|合格证|发票|完税证明|纳税证明|社保证明|公证书))[^。；;\\n]{0,8}?(?:不予认可|不认可|无效|不予受理|不接受|不予采信|不算|不计|不作为(?:有效)?(?:业绩|依据|证明|材料)?|视为无效)|${MUST}(?:持有|具有|具备|取得|提供)(?:由)?{LOCAL}[^。；;，,\\n]{0,12}?(?:厅|局|委|部门|机关|协会|学会|总队|支队|中心)(?:颁发|核发|签发|发放|核准)的{G8}(?:资质|证书|执照|许可证|资格证|合格证|核准证)|{LOCAL}(?:(?!超市|平台|系统)[^。；;，,\\n]){0,12}?(?:厅|局|委|部门|机关)[^。；;，,\\n]{0,6}?(?:信用评价|信用等级|信用评级|信用考核|信用评定|诚信评价|诚信等级|诚信考核|信用评分|履约评价)(?:结果|等级|得分)?[^。；;，,\\n]{0,6}?[a-d]{1,3}\\+?(?:级|类|等)`,
    // the bidder's own locality's department (注册地主管部门核发的), a ministry's or any province's, others accepted too
    unless:
      "(?:当地|所在地|注册地|住所地|属地|户籍地)[^。；;，,\\n]{0,12}?(?:颁发|核发|签发|发放|核准|出具)|(?:国家|国务院|[\\u4e00-\\u9fa5]{1,8}部|任一|任何|各)[^。；;\\n]{0,20}?或|或(?:其他|其它|任一|任何|各)|均可|均予|发证机关不限|不限(?:发证|颁发)",
    explain: {
      zh: "不得要求只由某地颁发或出具的资质、证书、信用评价或证明，也不得不认可外地颁发的同类证书。",
      en: "A credential, certificate, credit rating or proof issued only by one place may not be required, nor the same issued elsewhere refused.",
    },
    matches: [
      "资质要求：须持有本省住建厅颁发的工程造价咨询企业资质证书，外省证书不予认可。",
      "项目负责人须持有本省住建厅颁发的安全生产考核合格证书。",
      "信用要求：仅认可苏州市公共信用信息平台出具的信用评价报告。",
      "资信证明只接受本市银行出具的。",
      "申报单位须持有四川省住房和城乡建设厅核发的工程勘察资质证书，其他省份住建部门核发的资质证书本项目不予认可。",
      // (round 140) a local association's certificate
      "总监理工程师须持有本市监理协会颁发的总监岗位证书。",
      // (round 139) a local department's credit grade
      "须提供在本市住建部门的信用评价结果为A级及以上的证明。",
      "投标人在本省住建厅的信用评价等级须为AA级。",
      "本区财政局信用考核为A级的机构方可报名。",
    ],
    allows: [
      "资质要求：具有省级及以上测绘地理信息主管部门颁发的测绘资质证书。",
      "具有自然资源部或省级自然资源主管部门核发的测绘资质，发证机关不限。",
      "须提供注册地市场监管部门出具的无违法记录证明。",
      "外省证书均予认可。",
      "外省企业的资质证书均予认可。",
      "总监理工程师须持有中国建设监理协会颁发的培训证书或注册监理工程师证书。",
      // (round 139) the platform's own credit grade, the bidder's own locality
      "中介机构在本超市的信用评价等级须达到A级。",
      "须提供注册地主管部门出具的信用评价证明。",
    ],
  },
  {
    // (round 137) A place's filing to bid: 须取得上海市建设工程检测机构备案证书、须在本市住建部门办理入库登记后方可投标. The
    // work's filing (成果须报区国资委备案) and the platform's own sign-up (在本平台注册后即可报名) are no condition on the bidder.
    id: "local-filing-zh",
    category: "registration",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `${MUST}(?:持有|具有|具备|取得|提供|办理)(?:由)?(?:在|于|向)?{PLACE}(?:(?!超市|平台|系统|网站|官网)[^。；;，,\\n]){0,16}?(?:备案证书|备案证明|备案证|备案登记证|备案回执|登记证书|入库证明|入库登记证明|进[\\u4e00-\\u9fa5]{1,2}备案)|(?<!(?:中选|中标|成交)[^。；;\\n]{0,20})(?:在|于|向)(?:{PLACE}|(?:区|市(?!场)|县|省|州|镇|街道)(?=[\\u4e00-\\u9fa5]{0,10}?(?:局|委|办|厅|中心|总队|支队|大队|站)))(?:(?!超市|平台|系统|网站|官网)[^。；;，,\\n]){0,16}?(?:备案|入库|登记|注册)(?:登记|手续)?(?:后|之后)?[，,]?(?:方可|才能|才可|方能)(?:参与|参加|报名|投标|报价|竞价|比选|入围|承接)|(?:备案地|登记地|入库地|注册地)(?:不是|不在|不属于|非|并非)[^。；;，,\\n]{0,4}?{PLACE}(?:的)?[^。；;\\n]{0,8}?(?:请勿|勿|不得|不予|不能|无需|不要|别)(?:报名|参与|参加|投标|报价|受理|考虑)`,
    explain: {
      zh: "不得要求机构先在本地备案、登记或入库才能参与；外地机构凭其依法取得的资质即可参与。",
      en: "Agencies may not be required to file, register or enrol with a place before taking part; a lawful qualification from anywhere suffices.",
    },
    matches: [
      "资格要求：须取得上海市建设工程检测机构备案证书。",
      "资格要求：须在本市住建部门办理入库登记后方可投标。",
      // (round 140) a department named by its level alone; the place of filing as a bar
      "参与单位须在区规划资源局完成测绘单位备案登记后方可报名，未备案的外地测绘单位请先办理备案。",
      "投标人应已在本市消防救援总队备案，备案地不是本市的请勿报名。",
    ],
    allows: [
      "评估结果须报区国资委备案。",
      "须在本平台注册后方可报名。",
      "中选机构须在合同签订后向区住建委办理合同备案。",
      "中选单位须在区住建局办理合同备案后方可进场。",
      "中选机构须在区住建局备案后方可承接后续变更业务。",
    ],
  },
  {
    // How a staffer says it in a group chat: 外地的就别报了、别的区的公司就不要报了、外省的不考虑.
    id: "registration-outsiders-zh",
    category: "registration",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `(?<=^|[\\n（(【\\[：:\\s])(?:仅限|只限|限)?{PLACE}(?:的)?(?:企业|机构|单位|中介机构|中介|供应商|公司)(?:专场|专区|专享|专属)(?=\\s*(?:[：:）)】\\]，,。；;｜|/—–\\n-]|$))|(?:外地|外省市|外省|外市|外区|外县|非本地|别的(?:区|市|省|县|地方)|其他(?:区|市|省|县|地方|地区|省市))(?:的)?(?:${AGENCY}|同行|朋友|老师)?(?:就|请|麻烦|一律)?(?:别|不要|勿|不用|不必)(?:来)?(?:报|投|参与|参加|参选)|(?:外地|外省市|外省|外市|外区|外县|非本地)(?:的)?(?:${AGENCY})?(?:就|一律|均|概)?(?:不考虑|不予考虑|免谈|恕不接受|不接受|报了也白报|白报)|(?:营业执照|执照|注册地址?|住所)(?:上的)?(?:地址)?(?:得|须|需|要|必须|应当?)(?:是|为|在|属于){G6}{PLACE}`,
    explain: {
      zh: "不得排除外地机构或以注册地限制机构；在任何地区注册的机构均可参与。",
      en: "Agencies from elsewhere may not be turned away, nor restricted by where they are registered.",
    },
    matches: [
      "麻烦外地的就别报了哈",
      "营业执照得是咱们沭阳县的",
      "外省的机构一律不考虑",
      "别的区的公司就不要报了",
      // (round 138) a local firms' 专场 in a title
      "本市企业专场：老旧小区改造造价咨询",
      "道路检测服务（本区企业专场）",
    ],
    allows: [
      "外地的也欢迎，可以线上沟通",
      "营业执照须在有效期内",
      "外地机构也可以报名",
      "区企业专场政策宣讲会会务服务",
      "中小企业专场：XX区办公楼维修设计",
    ],
  },
  {
    // A code that spells a place: the postcode of the registered address, the region digits of the credit code
    // (第3至8位), the licence number's prefix, the phone's area code, the plate's prefix — a place by another name.
    id: "registration-code-prefix-zh",
    category: "registration",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `${CODE_ZH}[^。；;\n]{0,12}?(?:(?:前|第)[0-9一二三四五六两]{1,2}(?:[至到—~～-][0-9一二三四五六七八]{1,2})?位|开头|起始|打头)(?:数字|代码|字符)?(?:须|需|应当?|必须|要|得|只能)?(?:为|是|以|属于)|${CODE_ZH}[^。；;\n]{0,10}?(?:须|需|应当?|必须|要|得|只能)(?:以|为)?[“"'‘「]?[0-9A-Za-z\u4e00-\u9fa5\uE000\uE001]{1,8}[”"'’」]?(?:开头|打头|起始)`,
    explain: {
      zh: "不得以邮政编码、信用代码的地区码、电话区号、车牌等体现地域的编码限制机构（变相的注册地限制）。",
      en: "Agencies may not be restricted by a code that spells a place (postcode, the credit code's region digits, area code, plate prefix) — a registration restriction by another name.",
    },
    matches: [
      "报名单位营业执照所载住所的邮政编码须以“5300”开头，其他邮编的报名将在资格审查时退回。",
      "系统提示：供应商统一社会信用代码第3至8位须为“330106”，代码不符的无法提交报名。",
      "检测车辆车牌须为“浙B”开头。",
    ],
    allows: ["统一社会信用代码须为18位", "邮寄地址及邮政编码须填写完整", "联系电话须含区号"],
  },
  {
    // Staff whose ID number begins with the local region code: local staff by another name.
    id: "local-staff-id-prefix-zh",
    category: "local-ties",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `(?:身份证|居民身份证|公民身份)(?:号码?|号)?[^。；;\n]{0,8}?(?:(?:前|第)[0-9一二三四五六两]{1,2}(?:[至到—~～-][0-9一二三四五六七八]{1,2})?位|开头)(?:数字)?(?:须|需|应当?|必须|要|得|只能)?(?:为|是|以)`,
    explain: {
      zh: "不得以人员身份证号码的地区码（即户籍地）作为条件或评分因素。",
      en: "Staff may not be required or scored by the region code of their ID number (their place of household registration).",
    },
    matches: ["拟派技术人员身份证号码前四位应为“5101”，不符合的人员不计入团队配置评分。"],
    allows: ["项目负责人须提供身份证复印件", "身份证号码须与社保记录一致"],
  },
  {
    id: "registration-code-prefix-en",
    category: "registration",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `\\b(?:post(?:al)?\\s*codes?|zip\\s*codes?|area\\s+codes?|(?:licen[cs]e\\s+)?plates?(?:\\s+numbers?)?|id(?:\\s+card)?\\s+numbers?|(?:unified\\s+social\\s+)?credit\\s+codes?|licen[cs]e\\s+numbers?)\\b[^.;\\n]{0,40}?\\b(?:must|shall|should|to|has\\s+to|have\\s+to)\\s+(?:begin|start)\\s+with\\b`,
    explain: {
      zh: "不得以邮政编码、信用代码的地区码、电话区号、车牌或身份证号码的地区码限制机构或人员。",
      en: "Agencies or staff may not be restricted by a code that spells a place (postcode, credit-code region digits, area code, plate or ID-number prefix).",
    },
    matches: ["The postal code of the registered address must begin with 5300.", "Key staff ID card numbers should start with 3302."],
    allows: ["The credit code must have 18 characters.", "Quotations must begin with a cover page."],
  },
  {
    id: "registration-en",
    category: "registration",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `\\b(?:registered|incorporated|organi[sz]ed|established|formed|constituted)\\s+(?:under|pursuant\\s+to|in\\s+accordance\\s+with)\\s+the\\s+laws?\\s+of\\s+(?:the\\s+)?{EN}|(?<!\\bour\\s)(?:firms?|compan(?:y|ies)|agenc(?:y|ies)|bidders?|(?:inspection|testing|certification|survey(?:ing)?|appraisal|valuation|audit|accounting|consulting|service|design)\\s+(?:bodies|body|institutions?|organi[sz]ations?|providers?|institutes?|practices?)|applicants?|suppliers?|enterprises|(?<!\\bthe\\s)enterprise|consultants?|tenderers?|vendors?|participants?|respondents?|contractors?|entity|entities)(?:\\s+[\\w-]+){0,4}?\\s+(?:registered|incorporated|located|based|established|headquartered|domiciled)\\s+(?:in|within|with)\\s+(?:the\\s+)?{EN}|(?:firms?|compan(?:y|ies)|agenc(?:y|ies)|bidders?|applicants?|suppliers?|enterprises?|consultants?|tenderers?)(?:\\s+[\\w-]+){0,2}?\\s+(?:from\\s+)?outside\\s+(?:of\\s+)?(?:the\\s+)?{EN}|non-?(?:local|{EN})\\s+(?:firms?|compan(?:y|ies)|agenc(?:y|ies)|bidders?|suppliers?|enterprises?)|{EN}[\\s-]+(?:based\\s+|registered\\s+)?(?:enterprises|firms|companies|agencies|suppliers|bidders|consultants)\\s+only|(?:only|exclusively|restricted to|limited to|open to)\\s+(?:[\\w-]+\\s+){0,2}?{EN}[\\s-]+(?:based\\s+|registered\\s+)?(?:enterprises|firms|companies|agencies|suppliers|bidders|consultants)|(?:must|shall|should|required to)(?:\\s+[\\w-]+){0,4}?\\s+(?:and\\s+)?be\\s+(?:(?:an?|one)\\s+(?:(?:firm|company|entity|enterprise|agency|business|organi[sz]ation|legal\\s+entity|partnership|corporation|practice)\\s+)?(?:(?:that|which)\\s+is\\s+)?)?(?:registered|incorporated|located|based|established|headquartered|domiciled)\\s+(?:in|within)\\s+{EN}|(?:^|[(（]\\s*[0-9a-z]{1,2}\\s*[)）]\\s*|\\b[0-9a-z]{1,2}[.)]\\s+|[;:；：]\\s*)(?:be\\s+)?(?:registered|incorporated|established|domiciled|headquartered|licensed)(?:\\s+(?:and|&)\\s+(?:licensed|registered|incorporated|established|operating|headquartered))?\\s+(?:in|within)\\s+(?:the\\s+)?{EN}|\\bbe\\s+(?:registered|incorporated|established|domiciled|headquartered)(?:\\s+(?:and|&)\\s+(?:licensed|registered|incorporated|established|operating))?\\s+(?:in|within)\\s+(?:the\\s+)?(?:(?:administrative\\s+)?(?:boundary|boundaries|area|territory|jurisdiction)\\s+of\\s+)?{EN}|\\bout-of-(?:town|province|area|state)\\s+(?:[\\w-]+\\s+){0,2}?(?:(?:are|is|will\\s+be)\\s+)?(?:not\\s+(?:accepted|eligible|allowed|considered)|excluded|rejected|ineligible)|{EN}[\\s-]+(?:registered|based|incorporated)|local (?:firms?|compan(?:y|ies)|agenc(?:y|ies)|enterprises?|suppliers?|bidders?) only|\\bhaving\\s+its\\s+(?:registered\\s+)?(?:seat|office|domicile|head\\s+office|headquarters|principal\\s+place\\s+of\\s+business)\\s+(?:in|within)\\s+(?:the\\s+)?{EN}|(?:firms?|compan(?:y|ies)|agenc(?:y|ies)|bidders?|applicants?|suppliers?|consultants?|tenderers?|vendors?|entit(?:y|ies))\\s+(?:(?:which|that|who)\\s+(?:is|are)\\s+)?(?:ordinarily\\s+|normally\\s+|habitually\\s+)?carr(?:y|ying|ies)\\s+on\\s+(?:its\\s+|their\\s+)?business\\s+(?:in|within)\\s+(?:the\\s+)?{EN}|only local|place of registration\\s+(?:is|must be|shall be)\\s+{EN}|(?:registered|business|principal)\\s+(?:address|office|seat|domicile|place\\s+of\\s+business)\\s+(?:is|lies|are)\\s+(?:located\\s+|situated\\s+)?outside\\s+(?:of\\s+)?(?:the\\s+)?{EN}(?=[^.;\\n]{0,60}?\\b(?:not\\s+(?:be\\s+)?(?:considered|accepted|eligible|admitted|allowed|opened)|ineligible|excluded|disqualified|rejected)\\b)|(?:registered|business|office|principal)\\s+(?:address|office|seat|domicile|place\\s+of\\s+business)\\s+(?:is|must\\s+be|shall\\s+be|should\\s+be)\\s+(?:located\\s+|situated\\s+)?(?:in|within|inside)\\s+(?:the\\s+)?{EN}|(?:business\\s+)?licen[cs]es?\\s+(?:(?:was|were|is|are|be|been|shall\\s+be|must\\s+be)\\s+)?(?:issued|granted|registered)\\s+(?:in|by|within)\\s+(?:(?:an?|the|any)\\s+(?:(?:registration|licensing|market\\s+regulation)\\s+)?(?:authority|authorities|administration|bureau|office|regulator)\\s+(?:in|within|of|located\\s+in|based\\s+in)\\s+)?(?:the\\s+)?{EN}|\\b(?:from|in|of)\\s+other\\s+(?:places?|cities|provinces|regions|areas|districts|counties)\\s+(?:(?:is|are|will\\s+be|shall\\s+be)\\s+)?(?:not\\s+(?:accepted|eligible|allowed|considered|acceptable)|excluded|rejected|ineligible|invalid)|(?:must|shall|should)\\s+be\\s+(?:an?\\s+)?{EN}[\\s-]+(?:based\\s+|registered\\s+)?(?:enterprises?|firms?|compan(?:y|ies)|agenc(?:y|ies)|suppliers?)|\\b(?:business\\s+)?licen[cs]e\\s+(?:issued|granted|registered)\\s+(?:by|in)\\s+(?:an?\\s+|the\\s+)?{EN}|\\bout-of-(?:city|town|province|district|county|region)\\s+(?:licensees|firms|companies|agencies|bidders|suppliers|applicants|entities)\\s+(?:will|shall|can|may|are)\\s+not\\b|\\b(?:business\\s+)?licen[cs]e\\s+(?:issued|granted|registered)\\s+within\\s+(?:the\\s+)?{EN}|\\blicen[cs]es\\s+issued\\s+(?:elsewhere|outside\\s+(?:the\\s+)?{EN}|in\\s+other\\s+(?:provinces|cities|regions))\\s+(?:are|will\\s+be)\\s+not\\b|(?:must|shall|should|required\\s+to)(?:\\s+[\\w-]+){0,12}?\\s+(?:have|hold)\\s+(?:its|their|a|the)\\s+(?:business\\s+|company\\s+|corporate\\s+)?registration\\s+(?:in|within)\\s+(?:the\\s+)?{EN}`,
    // firms based elsewhere also accepted: a permission
    // (round 139) registered with or on the platform the request is posted on, named by its place ("registered with the Guizhou
    // Online Intermediary Service Supermarket") — not in a sentence that also asks where the firm is registered or based
    unless:
      "^(?![^]*\\b(?:registered|incorporated|based|located|domiciled|headquartered|registration|office|branch)\\s+(?:in|within)\\b)[^]*?\\b(?:registered|enrolled|listed|admitted|signed\\s+up)\\s+(?:with|on|to)\\s+(?:the\\s+)?[\\w'-]+(?:\\s+[\\w'-]+){0,5}?\\s+(?:supermarket|marketplace|(?:trading|procurement|services?|transaction)\\s+(?:platform|portal))\\b|" +
      // outsiders reminded to sign up on the platform early ("Agencies from outside the province should register on the platform early")
      `\\b(?:agenc(?:y|ies)|firms?|compan(?:y|ies)|bidders?|applicants?|suppliers?|consultants?)\\s+${OUTSIDERS_REMINDED_EN}|` +
      // (round 144) what outsiders' trips cost, priced in the quote ("including travel and accommodation for firms from outside Shanghai")
      "\\b(?:travel(?:l?ing)?|accommodation|lodging|transport(?:ation)?|per[- ]diem|airfares?)\\b[^.;\\n]{0,40}?\\b(?:for|of|by)\\s+(?:the\\s+)?(?:firms?|agenc(?:y|ies)|bidders?|compan(?:y|ies)|consultants?|suppliers?|teams?|staff)\\s+(?:(?:coming|travell?ing)\\s+)?(?:from\\s+)?outside\\b|" +
      "\\bif\\s+(?:your|the|an?)\\s+(?:agency|firm|company|bidder|consultant)\\s+is\\s+(?:from\\s+)?outside\\b[^.;!?]{0,40}?\\b(?:no\\s+problem|(?:is\\s+)?welcome|is\\s+fine|is\\s+ok|we\\s+(?:can|will)\\s+(?:provide|arrange|help|cover|pay))|\\b(?:are|is)\\s+(?:also|equally|likewise)\\s+(?:accepted|eligible|welcome|allowed|permitted)\\b|\\bmay\\s+also\\s+(?:bid|apply|respond|submit|take\\s+part)\\b|" +
      // (round 142) another party's registration reported as a fact: the works contractor already awarded
      "\\b(?:contractor|developer|builder|supplier|manufacturer|operator|designer)\\s+registered\\s+in\\b[^.;\\n]{0,60}?\\b(?:was|were|has\\s+been|have\\s+been|had\\s+been)\\s+(?:awarded|selected|appointed|engaged|contracted)\\b",
    explain: { zh: "不得以注册地或所在地限制机构。", en: "Agencies may not be restricted by where they are registered or based." },
    matches: [
      // (round 134) a place's law of incorporation
      "Firms must be registered under the laws of the State of Victoria.",
      "The consultant shall be a firm incorporated under the laws of the Hong Kong Special Administrative Region.",
      "Only inspection bodies incorporated in Xiong'an New Area may register on the marketplace.",
      "The Consultant's registered address is within Nanjing Jiangbei New Area.",
      "Bidders must be registered in Shanghai.",
      "firms incorporated in Zhejiang Province",
      "Local firms only.",
      "a Putuo-registered company",
      "enterprises registered within the district",
      "a legal entity registered with the Shanghai Administration for Market Regulation",
      "Companies from outside Zhejiang may not participate.",
      "Non-Shanghai companies are not eligible.",
      "Open to Putuo enterprises only.",
      "Bidders should be Beijing enterprises.",
      "enterprises with a business licence issued in Jiangsu",
      // (round 131) the issuing authority named before the place
      "Only firms whose business licence was issued by an authority within Jiangbei District are eligible to submit a quotation.",
      "(c) be incorporated within the administrative boundary of Suzhou Industrial Park",
      "out-of-town accts not accepted",
      "Qualified bidder is the company whose business license was issued by Xi'an Market Regulation Administration, license issue from other place is not accepted.",
      "(b) be a legal person established under the laws of the PRC having its registered seat within Gansu Province",
      "Tenderers shall be firms ordinarily carrying on business in Jilin Province.",
      "Applicant requirements: (1) independent legal person; (2) registered and licensed within Liuzhou City, Guangxi; (3) no record of major violations.",
      // (round 131) the place of business outside, then the exclusion
      "Respondents whose principal place of business is outside the county will not be considered.",
      // (round 139) the firm's own registration asked beside the platform's
      "Agencies must be registered on the Sichuan Online Intermediary Service Supermarket and have their business registration in Chengdu.",
    ],
    allows: [
      // (round 144) outsiders' travel priced in every quote
      "Quotes include all costs, including travel and accommodation for firms from outside Shanghai.",
      // (round 134) the national law of incorporation; a jurisdiction's law the winner complies with
      "The Consultant shall be a legal entity incorporated under the laws of the People's Republic of China.",
      "The successful consultant must comply with the laws of the State of Victoria during the contract.",
      "If your agency is from outside GZ, no problem, we can provide accommodation during the site work.",
      "Agencies registered anywhere in China are welcome to apply.",
      "Bidders must hold a Grade B surveying qualification.",
      "Our company is located in Putuo District.",
      // "the enterprise" is the requester on this platform, not a bidder
      "The enterprise is based in Pudong and seeks a cost consultant.",
      // (round 139) the platform named by its place
      "Agencies must be registered with the Guizhou Online Intermediary Service Supermarket and hold valid qualifications.",
      "Agencies from outside the province should register on the platform early, as review takes three working days.",
      // (round 142) the works contractor, already awarded
      "The contractor registered in this city was awarded the construction contract; this consultancy is for supervision of its works.",
    ],
  },
  // ── Named agencies (指定) ────────────────────────────────────────────────────────
  {
    id: "designation-named-zh",
    category: "designation",
    severity: "refuse",
    article: "FCR-8-3",
    pattern: `(?:仅限|只限|限定|限于|只能由|仅能由)[^，。；,;\\n]{1,30}(?:公司|事务所|研究院|设计院|研究所)|(?:委托|交由|选用|聘请|由)(?:{PLACE}|区|市|县|省)[\\u4e00-\\u9fa5]{0,10}?(?:设计院|研究院|规划院|勘察院|测绘院|研究所|事务所|公司|科院|检测院|质检院|计量院|地质队|测绘队|勘探队)(?![^，。；,;\\n]{0,8}?(?:主编|参编|编制|制定|发布|起草|修订|编写)的)|(?:须|必须|应当?|只能|仅能?)?由(?:{PLACE}|区|市|县|省)[\\u4e00-\\u9fa5]{0,12}?(?:检测站|检测中心|检测所|鉴定中心|测试中心|监测站|质检站)(?:出具|承担|实施|完成|编制)|(?:须|必须|应当?)(?:经|由)(?:区属|市属|县属|镇属)(?:国企|国有企业)?[^，。；,;\\n]{2,24}?(?:有限公司|有限责任公司|事务所|研究院|设计院|研究所)(?:复核|审核|审定|确认|出具|承担)|(?<!不接受|不得|禁止|不允许|杜绝|不存在|不搞|不会直接|不直接|不会再|严禁|不|无|非)(?:指定|委托指定|定向委托|点名)(?:由)?[^，。；,;\\n]{0,30}(?:公司|机构|事务所|研究院|设计院|中心|单位)|(?:须|必须|应当?)由[^，。；,;\\n]{2,30}(?:公司|事务所|研究院|设计院)(?:[（(](?:特殊)?普通合伙[）)])?(?:承担|承接|编制|出具|负责)|(?<!须|必须|应|应当)由(?:(?!中标|中选|成交|选定|确定|入选|各|报名|投标|最终|评审)[^，。；,;\\n]){2,20}?(?:有限公司|有限责任公司|事务所|研究院|设计院|研究所)(?:[（(](?:特殊)?普通合伙[）)])?(?:承担|承接|负责|实施)|意向(?:服务|中选|承接|合作)?(?:机构|单位|供应商|公司|服务商)(?:为|是)[^，。；,;\\n]{2,30}?(?:公司|事务所|研究院|设计院|研究所|中心)|公示期?内?(?:无|没有)(?:异议|意见)(?:的)?[，,]?(?:即|则|将|便)?(?:确定|选定|委托|确认)(?:其|该(?:机构|单位|公司))`,
    // 上一期财务审计由甘肃某会计师事务所承担: who did the previous round, not who will do this one
    // 经评审由河南某工程咨询有限公司中标: the result of the competition, not a pick
    unless:
      // (round 144) the requester's (or another's) staff showing bidders round: 由…有限公司工作人员陪同
      "由[^。；;，,\\n]{0,30}?(?:工作人员|人员|专人|同志)(?:负责)?(?:陪同|带领|引导|接待|带队|讲解)|" +
      // (2026-12-06) a firm already engaged for other work, the winner told to work with it (建设单位已委托…设计有限公司完成施工图设计，
      // 中选机构须与其对接): another party, not this request's agency
      "(?:中选|中标|成交|入选)(?:机构|单位|人|供应商|服务商)[^。；;\\n]{0,12}?(?:与其|与该(?:公司|单位|机构|院|所)|以其|依据其|参照其|配合其|协助其)|" +
      // (round 132) who did it before, anywhere in the sentence (原由本市某设计院承担前期工作; 上一服务期由某会计师事务所承担),
      // unless the sentence keeps them on (继续、仍由、续聘); and who runs the procurement (本次采购由上海分公司负责组织)
      "^(?![^。；;\\n]*(?:继续|仍由|仍然由|续聘|续签给|沿用|照旧|直接委托|不再(?:比选|招标|竞价)))[^。；;\\n]*?(?:(?:原|曾|曾经|此前|之前|先前|以前|早前|早期)由|(?:上一?|前一?)个?(?:服务|合同|委托)?(?:期|轮|周期|年度)[^。；;\\n，,]{0,4}?由)|^(?![^。；;\\n]*(?:由其|由该|并由|承担|编制|出具))[^。；;\\n]*?(?:采购|选取|比选|招标|询价|遴选|竞价)(?:工作|活动|事宜)?由[^。；;，,\\n]{1,20}?(?:负责)?(?:组织|牵头|主持|办理)(?:实施|工作)?(?=[。；;，,\\n]|$)|" +
      // (本集团总部位于杭州，)本次服务由宁波分公司负责对接: the requester's own branch liaising
      "(?<!须|必须|应|应当|需|需要)由(?:(?!中选|中标|成交|投标|报名|供应商|服务机构|中介机构|机构的|单位的|公司的)[^，,。；;\\n]){0,12}?(?:分公司|子公司|分支机构|办事处|分部)(?:负责|统一)?(?:对接|联系|组织|协调|牵头|接洽|答疑|受理|接收|采购)(?:工作|事宜)?(?=[。；;，,\\n]|$)|" +
      "^[^。；;\\n]{0,6}?(?:上一?期|上一?轮|上年度?|去年|此前|以往|前期|往年)[^。；;\\n]{0,12}?由|经[^。；;\\n]{0,12}?(?:评审|评选|比选|抽取|抽签|摇号|评标|评议|竞价)[^。；;\\n]{0,6}?[，,]?由[^。；;\\n]{0,30}?(?:中标|中选|成交|胜出)",
    explain: { zh: "不得指定或限定某一家中介机构。", en: "A specific agency may not be named or required." },
    matches: [
      "本项目意向服务机构为浙江某某测评中心有限公司,公示期内无异议即确定其为本项目服务机构。",
      "指定上海某某勘察设计院承担",
      "建议委托市规划院承担",
      "限定由上海某某工程咨询有限公司承担",
      "定向委托普陀区建筑设计院",
      "经研究，本项目由某某会计师事务所（特殊普通合伙）承担。",
      // (round 140) a public institute by its short name
      "环评报告书由市环科院编制，报价以市环科院报价为准。",
      // (round 144) a district's testing station named as the only issuer
      "检测报告须由青浦区建设工程质量检测站出具，其他机构出具的报告不予认可。",
      "造价审核结果须经区属国企上海青浦工程咨询有限公司复核确认，复核单位已确定。",
    ],
    allows: [
      "报名不足3家的，将延长报名时间并重新发布公告，不会直接指定单位承担。",
      // (round 144) the requester's staff showing bidders round the site
      "踏勘安排：有意向的机构可于12月10日在现场集合，由上海川沙城镇建设发展有限公司工作人员陪同。",
      "中选机构须使用区环境监测站发布的近三年监测数据。",
      "中介机构应指派注册测绘师担任项目负责人",
      "中介机构不得转包或分包本项目",
      "本项目面向全国公开采购，不接受指定机构。",
      "共有11家机构报名，经评审由河南某工程咨询有限公司中标。",
      // (round 132) who did the work before, who runs the procurement
      "历史沿革：该项目原由本市某设计院承担前期工作，后因规划调整暂停，现重新启动。",
      "本公司在北京、上海设有分支机构，本次采购由上海分公司负责组织。",
      "建设单位已委托上海某某设计有限公司完成施工图设计，中选机构须与其对接。",
      "绿色建筑设计须执行由市建科院主编的地方标准。",
    ],
  },
  {
    // The choice already made and the rest told not to bother (领导已经定了…大家就不用报了; 拟委托与我单位长期合作的
    // 某某有限公司承担，其他单位无需报名): a named agency by another name.
    id: "designation-settled-zh",
    category: "designation",
    severity: "refuse",
    article: "FCR-8-3",
    pattern: `(?:其他|其余|其它|别的|别家|另外的)(?:的)?[\u4e00-\u9fa5]{0,4}?(?:单位|机构|公司|企业|供应商|家)?(?:就|也|都)?(?:辛苦了)?[，,]?(?:如有意向|如有兴趣|有意向的?)?(?:的话)?(?:无需|无须|毋须|不须|不用|不必|不要|别|请勿|勿|没必要|可不|可以不|甭|用不着)(?:再)?(?:报名|报了|报|参与|参加|投标|来|凑热闹|浪费时间|白忙)|(?:大家|各位|各家)(?:就)?(?:不用|无需|不必|别)(?:再)?报(?:名)?了?|走(?:个|一下|一个)?(?:过场|流程|形式|程序|process|procedure|formality)|走过场|(?:领导|上面|上级|老板|甲方|集团)(?:已经|早就|已)?(?:定好了|定了|拍板了?)(?:就|直接)?(?:用|找|选|委托|交给)[^，。；,;\\n]{0,20}?(?:那家|这家|他们家|他家|有限公司|事务所|(?<![本我贵])公司(?![\u4e00-\u9fa5]{0,2}(?:会议|场地|内部|自有|食堂|办公|大楼)))|内定|(?:领导|上面|上级|老板|甲方|集团)(?:已经|早就|已)(?:定了|定好了|拍板)(?=[，,。；;！!～~\\s]|$)|(?:就|直接|拟|继续|还是)(?:找|用|选|委托|交给|交由)[^，。；,;\n]{0,12}?(?:一直合作|长期合作|原来合作|之前合作)的|(?:拟|将|直接|继续)(?:委托|交由|选用|聘请)[^，。；,;\n]{0,30}?(?:有限公司|有限责任公司|事务所|研究院|设计院|研究所|大队|地质队|测绘院|勘察院)(?:承担|承接|负责|实施|开展|编制|完成)|(?:长期合作|一直合作|原来合作|之前合作|多年合作)的[^。；;\n]{0,30}?(?:将|拟|已)(?:作为|担任|确定为)本(?:次|项目|期)|由原(?:设计|编制|勘察|评估|测绘|咨询|监理|服务)?(?:单位|机构|公司)(?:[（(][^）)]{0,30}[）)])?(?:继续)?(?:承担|负责|实施|完成|承接)|(?:最好|仍|还是|继续|依旧|照旧)(?:仍)?由(?:去年|上次|上一次|上一?期|上一?轮|上年度?|以往|前期|原)(?:的)?(?:(?:承担|负责|编制|服务|中选|合作|测绘|设计|检测|实施)[\u4e00-\u9fa5]{0,10}?的|承担|编制|服务|中选|合作|测绘|设计)?(?:单位|机构|公司|那家)|(?:挂网|比选|招标|采购|询价|报名|竞价)(?:只是|仅是|仅为|只为|就是|是为了|为了|为)(?:了)?(?:履行|走)(?:一下|个|一个)?(?:程序|流程|形式|过场|手续)|(?:其他|其余|其它|别的)(?:的)?(?:单位|机构|公司|企业|供应商)[^。；;\n]{0,8}?[，,]但(?:不作为|不会作为|不列为|不予|不作)(?:主要|重点|优先)?(?:考虑|选择|对象)|不(?:再)?(?:接受|受理|考虑)(?:其他|其余|其它|别的)(?:的)?(?:单位|机构|公司|企业|供应商|家)(?:的)?(?:报名|投标|报价|参与|申请)|(?:其他|其余|其它|别的)(?:的)?(?:单位|机构|公司|企业|供应商)(?:再来|再)?(?:报名|报了名|报了|投标|报价|参与)[^。；;\n]{0,8}?(?:也|都)?(?:不会|不予|不再)(?:考虑|受理|接受|采纳)|(?:报名|报了名|报了|来报)[^。；;\n]{0,4}?(?:也|都)(?:很难|难以|不会|不可能)(?:被)?(?:选中|中选|入选|考虑)|(?:报名|报了名|来报)[，,]?(?:还)?有(?:什么|啥)?(?:意义|必要|用)吗|不(?:找|用|选)(?:他们|他家|它们|他|她|这家|那家)(?:还)?(?:能|可以)?(?:找|用|选)谁|(?:采取|采用|实行|实施)?直接委托(?:方式)?|不(?:进行|再进行|再|开展|组织)(?:公开)?(?:竞争性)?(?:比选|竞价|招标|磋商|谈判)|(?:其他|其余|其它)(?:的)?(?:机构|单位|公司|企业|供应商)[^。；;\\n]{0,10}?(?:不予|不会|不再)(?:审阅|审查|评审|受理|考虑|理会)|(?:上面|领导|上级|老板|集团|甲方|局里|院里)[^，。；,;\\n]{0,4}?(?:点名|指名)(?:给|交给|由|要|让)|(?:已经|早就|已)(?:点名|指名|内定)(?:给|由)`,
    // (round 138) the others turned away for want of a qualification (除具备甲级资质的单位外，其余机构不予受理): a threshold, no pick
    unless:
      "除(?:[^。；;，,\\n]{0,12}?(?:具备|具有|持有|取得|满足|符合|达到)[^。；;\\n]{1,30}?)(?:外|以外|之外)[，,]?(?:的)?(?:其余|其他|其它|别的)",
    explain: {
      zh: "不得事先选定机构、让其他机构不必报名（变相指定）；机构由公开竞争产生。",
      en: "An agency may not be chosen in advance with the others told not to bid (designation in disguise); the agency comes out of open competition.",
    },
    matches: [
      "公告期内其他机构可不报名。",
      "本次消防设施年度检测拟委托与我单位长期合作的宁夏安信消防技术服务有限公司承担，其他单位无需报名，特此公示。",
      "这个活儿领导已经定了，就找之前一直合作的那家（汉中华地勘测），大家就不用报了哈，走个流程公示三天。",
      "本项目已内定，报名仅为程序需要。",
      // (round 129) the firm settled from above, in a mixed chat
      "上面定好了用 Jinghua 那家 appraisal 公司，这个 RFQ 就是走个 process",
      "领导定了找华信那家做评估",
      "施工图设计及后续变更设计由原设计单位承担，采取直接委托方式，不进行竞争性比选。",
      "本项目为续作项目，由原编制单位（黄石市某某规划设计院）继续承担，不接受其他机构报名。",
      "区卫健委已经推荐了华测职业卫生，不找他们还能找谁？其他机构报名我们也不会考虑。",
      "区住建局已经推荐了中衡检测，其他机构再来报名，还有意义吗？",
      "本次地形测绘最好仍由去年的承担单位完成，其他单位报了名也很难被选中。",
      "今年的消防设施检测拟继续由去年承担本单位检测的单位实施。",
      "本次挂网为履行程序，请各机构知悉。",
      "欢迎其他机构报价，但不作为主要考虑。",
    ],
    allows: [
      "已在平台注册的机构无需重复报名。",
      "为避免利益冲突，原可研编制单位不得参与本次比选。",
      "本项目拟委托具有相应资质的中介机构承担，欢迎各地机构报名。",
      "领导已经定了报名截止时间，请各机构按时报名。",
      "领导定好了用本公司会议室开评审会，请各机构准时参加。",
      "报名截止后，不再接受报名。",
      "原编制单位不得参与本次比选。",
      "除具备甲级资质的单位外，其余机构不予受理",
    ],
  },
  {
    id: "designation-named-en",
    category: "designation",
    severity: "refuse",
    article: "FCR-8-3",
    pattern: `\\b(?:this\\s+)?(?:rfq|rfp|notice|tender|announcement|posting)\\s+is\\s+(?:(?:posted|published|issued)\\s+)?(?:for|as)\\s+(?:a\\s+)?(?:compliance|formality|the\\s+record|record)(?:\\s+purposes?)?\\s+only\\b|\\b(?:renewed|extended|continued|kept)\\s+with\\s+(?:our|the)\\s+(?:incumbent|current|existing)\\s+(?:auditor|provider|consultant|vendor|firm|supplier|agency|contractor)|\\bkeep\\s+(?:the|our)\\s+(?:current|incumbent|existing)\\s+(?:provider|auditor|consultant|vendor|firm|supplier|agency|contractor)|\\bother\\s+(?:firms|agencies|consultants|companies|bidders|suppliers|vendors)\\s+(?:won't|will\\s+not|cannot|can't)\\s+be\\s+considered|\\bother\\s+(?:agencies|firms|companies|bidders|consultants|suppliers)\\s+(?:please\\s+)?(?:don't|do\\s+not|need\\s+not|needn't|should\\s+not|no\\s+need\\s+to)\\s+(?:register|apply|bid|sign\\s+up|submit)|\\bno\\s+new\\s+(?:agenc(?:y|ies)|firms?|compan(?:y|ies)|bidders?|suppliers?|consultants?)\\s*(?:please|pls|needed|wanted|accepted|considered|[.,!]|$)|\\b(?:(?:will|shall|is\\s+to)\\s+(?:go|be\\s+(?:awarded|given|assigned|entrusted|handed|sent))|(?:has|have)\\s+been\\s+(?:awarded|given|assigned|entrusted|handed|sent))\\s+(?:directly\\s+)?to\\s+(?:[a-z][\\w&.'-]*,?\\s+){1,6}?(?:co\\.?,?\\s*ltd\\.?|company|ltd\\.?|inc\\.?|llc|institute|consulting|group)(?=\\s|$|[.,;])|\\bwithout\\s+(?:further\\s+|any\\s+)?(?:competition|competitive\\s+(?:bidding|selection|procurement))\\b|\\bother\\s+(?:[\\w-]+\\s+)?(?:firms|agencies|consultants|companies|bidders|suppliers|vendors|labs|applicants)\\s+(?:need\\s+not|needn't|should\\s+not|do\\s+not\\s+(?:need|have)\\s+to|don't\\s+(?:need|have)\\s+to|are\\s+not\\s+(?:invited|expected))\\s+(?:to\\s+)?(?:respond|apply|bid|submit|quote|bother)|(?<!\\bnot\\s(?:a\\s)?)\\b(?:sole|single)[\\s-]source(?:d)?\\b|\\b(?:should|must|shall)\\s+be\\s+the\\s+(?:consultant|firm|company|agency|vendor|supplier|contractor)\\s+(?:currently|already|previously)\\s+(?:engaged|appointed|retained|contracted|working)|\\b(?:firms|consultants|companies|agencies|bidders|applicants)\\s+without\\s+(?:prior|previous|earlier)\\s+(?:involvement|engagement|work|participation)\\b[^.;\\n]{0,60}?\\b(?:need\\s+not|needn't|should\\s+not|do\\s+not\\s+need\\s+to)\\s+(?:apply|bid|respond|submit|register)|(?:\\bother\\s+(?:quotations?|quotes?|bids?|proposals?|offers?)|\\b(?:quotations?|quotes?|bids?|proposals?|offers?|submissions?)\\s+from\\s+(?:any\\s+)?other\\s+(?:[\\w-]+\\s+)?(?:firms|agencies|consultants|companies|suppliers|bidders|parties|providers))\\s+(?:are|is|will)\\s+(?:therefore\\s+|thus\\s+|hence\\s+|accordingly\\s+|also\\s+)?not\\s+(?:being\\s+)?(?:sought|invited|requested|accepted|considered)|\\b(?:submissions?|bids?|proposals?|quotes?|quotations?|tenders?|applications?)\\s+from\\s+(?:any\\s+)?other\\s+(?:firms?|agenc(?:y|ies)|consultants?|compan(?:y|ies)|suppliers?|bidders?|units?|institutions?|bodies|providers?|laborator(?:y|ies)|labs?)\\s+(?:will|shall)\\s+not\\s+be\\s+(?:evaluated|considered|accepted|opened|reviewed)|\\b(?:quotations?|quotes?|bids?|proposals?|offers?|submissions?)\\s+from\\s+(?:any\\s+)?other\\s+(?:[\\w-]+\\s+)?(?:firms?|agenc(?:y|ies)|consultants?|compan(?:y|ies)|suppliers?|bidders?|providers?)\\s+(?:will\\s+be|are|is|shall\\s+be)\\s+(?:kept|retained|filed|received|used|treated)\\s+(?:only\\s+)?(?:for|as)\\s+(?:a\\s+)?(?:reference|record|benchmark)|\\b(?:stay|remain)s?\\s+with\\s+(?:the\\s+)?(?:firm|agency|consultant|company|auditor)\\s+(?:that|which|who)\\s+(?:audited|prepared|did|performed|handled|served)|\\b(?:notice|announcement|posting)\\s+is\\s+(?:posted|published|issued|made)\\s+(?:for|as)\\s+(?:publicity|the\\s+record|information|a\\s+formality|record)\\s+only\\b|\\b(?:performed|carried\\s+out|done|conducted|prepared)\\s+by\\s+the\\s+(?:audit\\s+firm|appraiser|assessor|auditor|firm|agency|consultant|valuer|surveyor)\\s+(?:that|who|which)\\s+(?:completed|carried\\s+out|performed|did|conducted|prepared|audited)\\s+(?:the\\s+|our\\s+)?(?:last|previous|prior|\\d{4})|\\b(?:performed|carried\\s+out|done|conducted)\\s+by\\s+the\\s+(?:audit\\s+)?(?:firm|appraiser|auditor|agency|consultant)\\s+already\\s+on\\s+file\\s+with|\\bthe\\s+same\\s+(?:assessor|auditor|firm|agency|consultant|company|lab(?:oratory)?|valuer|surveyor|evaluator)\\s+(?:that|who|which|as)\\s+(?:carried\\s+out|performed|did|conducted|prepared|handled|audited|assessed|completed)\\s+(?:last|the\\s+previous|the\\s+prior|our\\s+previous|the\\s+\\d{4}|\\d{4})|\\b(?:designated|nominated|(?<!(?:^|[.;:!?\\n]\\s*)the\\s)(?<!\\b(?:by|with|from|of)\\s+the\\s)appointed)\\s+(?:agency|firm|company|consultant)\\b|\\bonly\\s+(?!(?:one|a|an|single|the|local|two|three)\\b)[a-z][\\w&.-]*(?:\\s+[a-z][\\w&.-]*){0,4}\\s+(?:co\\.?|company|ltd\\.?|inc\\.?|llc|institute|consulting|group)(?=\\s|$|[.,;])|(?<!\\b(?:review|reviews|reviewing|reviewed|check|checks|checking|audit|audits|auditing|examine|examines|examining|verify|verifies|verifying|assess|assesses|assessing|comment\\s+on|update|updates|updating|revise|revises|revising|optimi[sz]e|optimi[sz]ing)\\s+(?:the\\s+|their\\s+|its\\s+|all\\s+)?(?:[\\w-]+\\s+){0,3}?(?:documents?|drawings?|reports?|designs?|plans?|studies|study|specifications?|calculations?|estimates?|budgets?|files?|materials?|proposals?|schemes?)\\s+)(?:performed|carried\\s+out|done|delivered|prepared|conducted|provided|undertaken)\\s+by\\s+(?!(?:the\\s+)?(?:selected|successful|winning|appointed|chosen|awarded|contracted|qualified|bidder|consultant)\\b)(?:the\\s+)?[a-z][\\w&.-]*(?:\\s+[a-z][\\w&.-]*){0,7}\\s+(?:co\\.?|company|ltd\\.?|inc\\.?|institute|consulting|group)\\b|\\b(?:performed|provided|conducted|delivered|did|carried\\s+out)\\s+our\\s+[^.;\\n]{0,60}?\\b(?:is|are|will\\s+be)\\s+(?:awarded|given|granted)\\s+(?:the\\s+)?(?:full\\s+)?(?:\\d+\\s+)?(?:points|marks)|\\b(?:past|previous|prior)\\s+(?:cooperation|co-operation|work|engagement)\\s+with\\s+(?:us|our\\s+(?:company|group|firm))\\b[^.;\\n]{0,40}?\\d+\\s*(?:points|pts|marks)|\\bincumbent\\b[^.;\\n]{0,80}?\\bwill\\s+(?:continue|remain|carry\\s+on)\\b|\\b(?:posted|published|issued)\\s+(?:solely|only|merely|purely)\\s+(?:to|for)\\s+(?:meet|satisfy|comply|fulfil|fulfill|the\\s+sake\\s+of)|\\bwill\\s+(?:again|continue\\s+to)\\s+be\\s+(?:handled|performed|carried\\s+out|done|provided|delivered)\\s+by\\b|\\b(?:do\\s+not|don't|will\\s+not)\\s+(?:solicit|seek|invite|request|accept|consider)\\s+(?:any\\s+)?(?:quotes?|quotations|bids|proposals|offers|tenders)\\s+from\\s+(?:any\\s+)?other\\s+(?:firms|suppliers|consultants|agencies|companies|vendors|providers)|\\b(?:last\\s+year'?s?|incumbents?|existing|current|previous)\\b[^.;\\n]{0,60}?\\b(?:renewed|extended|rolled\\s+over)\\s+automatically\\b|\\bnew\\s+(?:applicants?|bidders?|firms?|suppliers?|entrants?)\\b[^.;\\n]{0,30}?\\bonly\\s+(?:be\\s+)?considered\\s+(?:if|when|where)\\b|\\b(?:notice|announcement|posting|tender|process|procurement)\\s+(?:is|has\\s+been|was)\\s+(?:being\\s+)?(?:posted|published|issued|held|run|launched)\\s+(?:only|merely|just|solely|simply)\\s+(?:to|for)\\s+(?:complete|satisfy|fulfil|fulfill|meet|follow|comply|formality)|\\b(?:will|shall)\\s+be\\s+(?:done|carried\\s+out|performed|prepared|undertaken|handled|conducted)\\s+by\\s+the\\s+(?:firm|agency|company|consultant|team|institute)\\s+(?:that|which|who)\\s+(?:prepared|did|performed|handled|carried\\s+out|conducted|wrote)\\s+(?:last\\s+year|the\\s+previous|the\\s+prior|the\\s+earlier)|\\b(?:keep|retain|continue\\s+with|stay\\s+with)\\s+the\\s+same\\s+(?:consultant|firm|agency|supplier|contractor|team)\\b|\\bother\\s+(?:submissions|bids|proposals|quotes|quotations|applications|offers)\\s+(?:were|was|will)\\s+(?:therefore\\s+|thus\\s+|accordingly\\s+)?not\\s+(?:be\\s+)?(?:evaluated|considered|opened|reviewed|assessed)\\b|\\bpreferred\\s+(?:vendor|supplier|consultant|firm|agency|contractor)\\s*[:：]\\s*[^.;\\n]{2,40}?\\s+only\\b|\\bincumbent\\b[^.;\\n]{0,30}?\\b(?:to\\s+be\\s+|will\\s+be\\s+)(?:re-?engaged|re-?appointed|retained|renewed|kept\\s+on)\\b`,
    explain: { zh: "不得指定或限定某一家中介机构。", en: "A specific agency may not be named or required." },
    matches: [
      "To ensure continuity, this year's supplier audit programme will be renewed with our incumbent auditor; this posting is for record purposes only.",
      "The purchaser wants to keep the current provider. Honestly, other firms won't be considered this round.",
      "Applicants should be the consultant currently engaged on the revision of the Port Master Plan; firms without prior involvement in the Master Plan need not apply.",
      "This RFQ is posted for compliance purpose only; other firms please do not apply.",
      "Continue use same one, no new agency please.",
      "The report will continue to be done by the original firm; other agencies please don't register.",
      "The work is to be carried out by the Yushu Prefecture Planning and Design Institute, as agreed with the prefecture government.",
      "the audit engagement will stay with the firm that audited our 2023 accounts; submissions from any other firm will not be evaluated",
      "Only Acme Survey Co. may bid.",
      "reserved for the designated agency",
      "must be prepared by Huace Consulting Group",
      "will be completed by the original design firm without further competition; other firms need not respond.",
      "this job will go to Baotou Jianke Geotechnical Testing Co., Ltd., the company the zone construction bureau normally uses",
      "quotes from other firms will be kept for reference only",
    ],
    // "The appointed consultant shall …" opening a sentence is the winner of this request, not one named in advance
    allows: [
      "No new agency registration is required for firms already on the platform.",
      "The survey will be carried out by the selected consulting group within 30 days.",
      "The agency shall designate a qualified project leader.",
      "The appointed consultant shall coordinate with the township government.",
      // (round 141) the winner of this request, after a preposition mid-sentence
      "Fieldwork: household interviews will be carried out across the district by the appointed firm.",
      // (round 142) documents already prepared by a body, which the winner reviews
      "The consultant will review the tender documents prepared by the local design institute.",
      "We will choose only one company for this survey job, but any number of companies can apply.",
      "This is not a sole-source procurement; any qualified firm may respond.",
    ],
  },
  // ── (round 142) English notices written in mainland China, and their Chinglish ─────────────
  {
    // "The bidder shall be the enterprise legal person registered in this city", "whose business registration is in Jiangsu
    // Province", "registered place of the company must be within Chengdu Tianfu New Area", "only open to enterprises of
    // Xiong'an New Area", "Foreign-province enterprises are excluded" (外省企业), "must form a consortium with a local company"
    id: "registration-place-en",
    category: "registration",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `(?<=\\b(?:shall|must|should|only|eligible|required|limited\\s+to|restricted\\s+to)\\b[^.;\\n]{0,60})\\b(?:legal\\s+(?:person|entity)|enterprise|company|firm|agency|consultant|bidder|applicant)\\s+(?:duly\\s+)?(?:registered|incorporated|established)\\s+(?:in|within)\\s+(?:this|our|the\\s+same)\\s+(?:city|district|province|county|municipality|area|zone|region|new\\s+area|park)\\b|\\b(?:business\\s+registration|registered\\s+(?:place|address|office|seat|location|domicile)|place\\s+of\\s+(?:business\\s+)?registration|registration\\s+(?:place|address)|domicile)(?:\\s*\\([^)]{0,24}\\))?(?:\\s+of\\s+(?:the\\s+)?(?:[\\w-]+\\s+)?(?:company|firm|bidder|agency|applicant|consultant|enterprise|tenderer|supplier))?\\s+(?:must|shall|should|is|are|has\\s+to|needs\\s+to)\\s+(?:be\\s+)?(?:located\\s+|situated\\s+)?(?:in|within|inside)\\s+(?:the\\s+)?{EN}|\\b(?:only\\s+open|open\\s+only|restricted|limited|reserved|confined)\\s+to\\s+(?:[\\w-]+\\s+){0,2}?(?:enterprises|firms|companies|agencies|bidders|suppliers|consultants|units)\\s+(?:of|from|in|based\\s+in|registered\\s+in|located\\s+in)\\s+(?:the\\s+)?{EN}|\\b(?:foreign|other|outside|out-of|non)[\\s-](?:province|provincial|city|municipal|county|district|region(?:al)?|town|local)\\s+(?:[\\w-]+\\s+)?(?:enterprises|firms|companies|agencies|bidders|suppliers|consultants|units|applicants|institutions)\\b[^.;\\n]{0,30}?\\b(?:(?:are|is|will\\s+be|shall\\s+be)\\s+excluded|not\\s+(?:be\\s+)?(?:accepted|eligible|allowed|permitted|considered|welcome)|(?:may|can|shall|should|must)\\s+not|cannot|can't|barred|refused|rejected)\\b|\\b(?:must|shall|should|required\\s+to|need\\s+to|have\\s+to)\\s+(?:form\\s+(?:a\\s+)?(?:consortium|joint\\s+venture|jv)|team\\s+up|partner|associate|cooperate|co-operate|bid\\s+jointly)\\s+with\\s+(?:an?\\s+|at\\s+least\\s+one\\s+)?(?:local|{EN}(?:-based|-registered)?)\\s+(?:[\\w-]+\\s+)?(?:compan(?:y|ies)|firms?|agenc(?:y|ies)|enterprises?|partners?|consultants?|institutes?)\\b`,
    explain: {
      zh: "不得以注册地、所在地限制机构，或要求外地机构与本地机构联合。",
      en: "Agencies may not be restricted by their place of registration, nor outsiders made to team up with local firms.",
    },
    matches: [
      "The bidder shall be the enterprise legal person registered in this city, with valid business license.",
      "Only consulting firms whose business registration is in Jiangsu Province are eligible to submit proposals.",
      "Bidder requirement: registered place of the company must be within Chengdu Tianfu New Area.",
      "Eligible firms: enterprises whose registered address (注册地) is in Guangxi Zhuang Autonomous Region.",
      "This project is only open to enterprises of Xiong'an New Area.",
      "Foreign-province enterprises are excluded from this tender.",
      "Out-of-province companies must form a consortium with a local company to participate.",
    ],
    allows: [
      "The contractor registered in this city was awarded the construction contract; this consultancy is for supervision of its works.",
      "The bidder shall be a legal person registered in the People's Republic of China with a valid business license.",
      "Foreign firms need to form a joint venture with a PRC-registered firm because Class A qualification is required by Chinese law.",
      "Foreign-invested enterprises registered in China are eligible on equal terms with domestic enterprises.",
      "Consortium members may be registered in different provinces.",
      "The employer's registered address is in Pudong New Area.",
    ],
  },
  {
    // "Bidders must be in the intermediary service agency database of Pudong New Area", "included in the Xiong'an New Area
    // approved engineering consultancy directory", "listed in the Guangxi Autonomous Region catalogue of cost consulting enterprises"
    id: "pool-place-en",
    category: "pool",
    severity: "refuse",
    article: "PLAN-79-DESIGNATION",
    pattern: `(?<=\\b(?:must|shall|should|only|eligible|eligibility|required|bidders?|firms?|agenc(?:y|ies)|applicants?|consultants?|companies|suppliers?|tenderers?)\\b[^.;\\n]{0,60})(?:\\b(?:registered|listed|enrolled|included|entered|admitted)\\s+(?:in|into|on|to)\\s+(?:the\\s+)?{EN}['’s]*\\s+(?:[\\w'’-]+\\s+){0,6}?(?:catalogue|catalog|directory|database|roster|pool|panel)\\b|\\b(?:be|are|is|being)\\s+(?:in|on)\\s+the\\s+(?:[\\w'’-]+\\s+){0,5}?(?:catalogue|catalog|directory|database|roster|pool|register|panel)\\s+(?:of|maintained\\s+by|kept\\s+by)\\s+(?:the\\s+)?{EN})`,
    explain: {
      zh: "不得要求机构进入某地的名录、数据库或备选库。",
      en: "Agencies may not be required to be in a place's directory, database or catalogue.",
    },
    matches: [
      "Bidders must be in the intermediary service agency database of Pudong New Area.",
      "Must be included in the Xiong'an New Area approved engineering consultancy directory before the deadline.",
      "Eligibility: listed in the Guangxi Autonomous Region catalogue of cost consulting enterprises (entered into local credit system).",
    ],
    allows: [
      "The project is listed in the Shanghai major projects catalogue for 2026.",
      "Experts of the evaluation committee shall be selected from the Jiangsu comprehensive bid evaluation expert database by random drawing.",
      "Firms listed as dishonest entities in the national enforcement database are not eligible.",
    ],
  },
  {
    // "please use the company specified by the Ecology and Environment Bureau, other agencies are not accepted"
    id: "designation-specified-en",
    category: "designation",
    severity: "refuse",
    article: "PLAN-79-DESIGNATION",
    pattern: `\\b(?:compan(?:y|ies)|firms?|agenc(?:y|ies)|consultants?|institutes?|units?|lab(?:oratory|oratories|s)?|organi[sz]ations?|providers?)\\s+(?:specified|designated|named|assigned|nominated|fixed)\\s+by\\s+(?:the\\s+)?(?:[\\w'-]+\\s+){0,6}?(?:bureau|commission|department|government|administration|committee|sasac|authority|ministry|office)\\b|\\bother\\s+(?:[\\w-]+\\s+)?(?:agencies|firms|companies|consultants|bidders|suppliers|units|institutes)\\s+(?:are|will\\s+be|shall\\s+be)\\s+not\\s+(?:accepted|considered|allowed|eligible)\\b`,
    explain: {
      zh: "不得由部门指定中介机构，或排除其他机构。",
      en: "A department may not specify the agency, nor may other agencies be shut out.",
    },
    matches: [
      "Cost consulting: please use the company specified by the Ecology and Environment Bureau, other agencies are not accepted.",
      "The agency designated by the District Housing Bureau will do the survey.",
    ],
    allows: [
      "The procurement agent for this tender is Jiangsu Provincial Tendering Center, appointed by the employer.",
      "The consultant shall use the formats specified by the Municipal Finance Bureau.",
      "Other documents are not accepted.",
    ],
  },
  {
    // "+3 points for firms who have served Chengdu municipal government before"; "paid shebao in this city"; "paid VAT in
    // Tianjin Binhai New Area"
    id: "local-ties-record-en",
    category: "local-ties",
    severity: "refuse",
    article: "FCR-9-5",
    pattern: `\\b(?:have|has|had|who|that|which)\\s+(?:previously\\s+|already\\s+|ever\\s+|before\\s+)?(?:served|worked\\s+for|provided\\s+services?\\s+(?:to|for))\\s+(?:the\\s+)?{EN}\\s+(?:[\\w-]+\\s+){0,2}?(?:government|bureaus?|authorit(?:y|ies)|administration|departments?|commission|committee|sasac|soes?)\\b|\\b(?:paid|pay|pays|paying|contributed|contributing)\\s+(?:[\\w-]+\\s+){0,2}?(?:shebao|vat|value[\\s-]added\\s+tax|income\\s+tax|social\\s+(?:insurance|security))(?:\\s*\\([^)]{0,20}\\))?\\s+(?:[\\w-]+\\s+){0,2}?(?:in|within|to)\\s+(?:the\\s+)?{EN}`,
    explain: {
      zh: "不得要求本地纳税、社保或为本地政府服务的业绩。",
      en: "Local taxes, social insurance or work for the local government may not be required.",
    },
    matches: [
      "Evaluation: +3 points for firms who have served Chengdu municipal government before.",
      "At least 3 team members shall have paid shebao in this city for the last 12 months continuously.",
      "The company must have paid VAT in Tianjin Binhai New Area in 2025.",
    ],
    allows: [
      "The consultant will serve the Pudong New Area government for 18 months.",
      "Proof of social insurance paid by the bidder for the proposed staff for the last 3 months (any location) shall be provided.",
      "The price shall include all taxes payable under PRC law.",
    ],
  },
  {
    // "The local agency is prior", "Local enterprises are preferred for this assignment"
    id: "preference-local-prior-en",
    category: "preference",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `\\b(?:local|{EN}(?:-based|-registered)?)\\s+(?:[\\w-]+\\s+)?(?:agenc(?:y|ies)|firms?|enterprises?|compan(?:y|ies)|bidders?|suppliers?|consultants?|units?|institutes?)\\s+(?:is|are|will\\s+be|shall\\s+be|would\\s+be)\\s+(?:given\\s+)?(?:prior|preferred|first|priorit(?:y|i[sz]ed)|favou?red|considered\\s+first|in\\s+priority)\\b`,
    explain: { zh: "不得优先选择本地机构。", en: "Local agencies may not be preferred." },
    matches: ["The local agency is prior.", "Local enterprises are preferred for this assignment.", "Shanghai firms are preferred."],
    allows: [
      "Local standards are preferred where national ones are silent.",
      "The local agency of the World Bank in Beijing will give a no-objection to the shortlist.",
    ],
  },
  {
    // "At least 60% of the subcontracted work shall go to local firms in Suzhou"; a fixed business place here
    id: "quota-local-work-en",
    category: "quota",
    severity: "refuse",
    article: "FCR-9-3",
    pattern: `\\b(?:\\d+\\s*%|\\d+\\s+per\\s*cent|half|(?:the\\s+)?majority)\\s+of\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,3}?(?:work|works|value|contracts?|services?|subcontracts?|scope|amount)\\s+(?:shall|must|should|will|is\\s+to)\\s+(?:go|be\\s+(?:awarded|given|subcontracted|allocated|reserved|assigned))\\s+to\\s+(?:[\\w-]+\\s+)?(?:local|{EN}(?:-based|-registered)?)\\b`,
    explain: { zh: "不得为本地机构保留份额。", en: "No share of the work may be reserved for local firms." },
    matches: ["At least 60% of the subcontracted work shall go to local firms in Suzhou."],
    allows: ["The maximum share of subcontracting shall not exceed 30% of the contract value."],
  },
  {
    // "The agency shall have a fixed business place in this district"
    id: "presence-place-en",
    category: "presence",
    severity: "refuse",
    article: "FCR-9-2",
    pattern: `(?<!\\b(?:successful|winning|selected|appointed|awarded)\\b[^.;\\n]{0,60})\\b(?:have|has|having|maintain|maintains|possess|possesses|own|owns)\\s+(?:an?\\s+|its\\s+own\\s+|their\\s+own\\s+)?(?:fixed\\s+|permanent\\s+|registered\\s+)?(?:(?:business|office|working|operating)\\s+(?:place|site|address|premises|location)|place\\s+of\\s+business)\\s+(?:located\\s+)?(?:in|within|inside)\\s+(?:the\\s+)?{EN}`,
    explain: { zh: "不得要求在本地有经营场所。", en: "A business place here may not be required." },
    matches: [
      "The agency shall have a fixed business place in this district, property certificate or rental contract to be submitted with the bid.",
    ],
    allows: ["The agency may have its office anywhere; travel costs shall be included in the price."],
  },
  // ── Doubtful: a regulator looks before publication ───────────────────────────────
  {
    // (2026-12-06) A named firm the requester or a body has nominated, appointed or engaged: the designation of this work
    // in advance — or a firm engaged for another role (the architect, the internal auditor), which a regulator tells apart
    // at a glance. Held, not refused.
    id: "review-named-firm-appointed-en",
    category: "designation",
    severity: "review",
    article: "FCR-8-3",
    pattern: `\\b(?:(?:has|have)\\s+(?:already\\s+)?(?:been\\s+)?|intends?\\s+to\\s+|(?:will|shall)\\s+|plans?\\s+to\\s+|is\\s+to\\s+|decided\\s+to\\s+)(?:nominat(?:e|ed)|designat(?:e|ed)|appoint(?:ed)?|select(?:ed)?|chosen|choose|engag(?:e|ed)|retain(?:ed)?|commission(?:ed)?|instruct(?:ed)?)\\s+(?!(?:only|one|a|an|the|two|three|several|qualified|suitable|successful|selected|winning|any|up|its|their|our|no)\\b)(?:[a-z&][\\w&.'-]*,?\\s+){1,6}?(?:co\\.?,?\\s*ltd\\.?|company|ltd\\.?|inc\\.?|llc|llp|institute|consulting|group|partners|associates)(?=\\s|$|[.,;])`,
    explain: {
      zh: "提到已指定、委派或聘用的某一具名机构，可能构成指定中介机构，需审查。",
      en: "Names a firm already nominated, appointed or engaged; may designate the agency in advance, to be reviewed.",
    },
    matches: [
      "The Employer has nominated ABC Surveying Co., Ltd. to carry out the topographic survey.",
      "The Client intends to appoint Smith & Partners as the cost consultant.",
      "The district has designated Huaxin Appraisal Co., Ltd. as the valuer for this project.",
    ],
    allows: [
      "The Employer will select one consulting firm from the qualified bidders.",
      "The Employer has nominated a project manager to coordinate with the consultant.",
      "The Employer will appoint the consultant selected through this competition.",
      "We will choose only one company for this survey job, but any number of companies can apply.",
    ],
  },
  {
    id: "review-local-agency-zh",
    category: "registration",
    severity: "review",
    article: "FCR-9-3",
    // (round 136) local firms as the work's objects or beneficiaries (为本区企业提供政策咨询、针对州内企业特点、本园区企业安全生产检查)
    pattern: `(?<!(?:为|对|向|针对|面向|帮助|协助|服务于|走访|调查|检查|服务对象为?)[^，,。；;|｜\\n]{0,4}){LOCAL}(?:的)?${AGENCY}(?!的?(?:安全生产|安全检查|特点|需求|名录|走访|调查|统计|能耗|用工|研发|经营状况|生产经营|专场(?:招聘|宣讲|推介|对接|洽谈|培训|活动|展)))`,
    // 本项目面向全国，不限于本市机构: the local firms named only to say the field is wider
    unless: "不(?:限于|仅限于?|局限于)[^。；;，,\\n]{0,6}?(?:的)?(?:机构|单位|企业|公司)",
    explain: { zh: "提到本地机构，可能构成区域限制，需审查。", en: "Mentions local agencies; may restrict by region, to be reviewed." },
    matches: ["本地机构熟悉情况"],
    allows: ["欢迎全国各地中介机构报名", "本项目面向全国，不限于本市机构，注册地不限。"],
  },
  {
    // 只收本地的 / 仅限本市的: "only local ones", the noun left to the question it answers (外地机构能报吗？不能，只收本地的。)
    id: "review-only-local-ones-zh",
    category: "registration",
    severity: "review",
    article: "FCR-9-3",
    pattern: `(?:只|仅|只能|仅能)(?:收|接受|要|招|找|选|用|限于?)?{LOCAL}的(?=[。；;，,！!？?\n]|$)`,
    explain: {
      zh: "只接受本地的（机构），可能构成区域限制，需审查。",
      en: "Accepts only local ones; may restrict by region, to be reviewed.",
    },
    matches: ["不能，只收本地的。", "仅限本市的，外地的不要"],
    allows: ["只收本地的发票", "只要本项目所需的资料"],
  },
  {
    id: "review-local-qualification-zh",
    category: "registration",
    severity: "review",
    article: "FCR-9-5",
    pattern: `{PLACE}{G10}(?:颁发|核发|认定|出具)的{G6}(?:资质|证书|资格|证明|营业执照|执照)`,
    explain: {
      zh: "要求由某地颁发的资质或证明，可能对外地机构不公平，需审查。",
      en: "Requires a qualification issued by a named place; may discriminate against non-local agencies, to be reviewed.",
    },
    matches: ["须持有上海市住建委颁发的资质证书"],
    allows: ["须持有有效的测绘资质证书"],
  },
  {
    id: "review-presence-zh",
    category: "presence",
    severity: "review",
    article: "FCR-9-2",
    pattern: `${MUST}{G4}(?:设立|设有|开设|成立)(?:常驻机构|驻点|分支机构|分公司|办事处|服务网点)`,
    explain: {
      zh: "要求设立分支机构或驻点，可能变相要求本地设立，需审查。",
      en: "Requires a branch or resident office; may be a local-presence requirement in disguise, to be reviewed.",
    },
    matches: ["须设立分支机构"],
    allows: ["中介机构不得转包"],
  },
  {
    // (2026-12-06) a grade the place's platform gives (报名单位应为本市中介服务超市已入驻且评级为A的机构): signing up there is open
    // to all (registration-place-zh, pool-zh), but a grade earned there favours the firms that worked there before — held
    id: "review-platform-rating-zh",
    category: "pool",
    severity: "review",
    article: "FCR-9-3",
    pattern: `(?:中介(?:服务)?超市|交易平台|服务平台)[^。；;\\n]{0,12}?(?:评级|信用等级|信用评价|评价等级|星级|等级)(?:为|达到|在|是|须为|应为)?(?:a{1,3}\\+?(?:级|类)?|[一二三四五]星|优秀)(?:(?:级|类)?(?:及)?以上)?(?:的)?${AGENCY}?`,
    explain: {
      zh: "要求机构在某地平台上的评级，可能偏向曾在当地执业的机构，需审查。",
      en: "A grade on a place's platform is asked: it may favour firms that worked there before; to be reviewed.",
    },
    matches: ["报名单位应为本市中介服务超市已入驻且评级为A的机构。"],
    // (round 144, the same rule found twice) signing up on the place's platform, a national credit record
    allows: [
      "报名单位须已在中介服务超市完成注册。",
      "中选机构的服务质量由采购人在平台上评价。",
      "须已在本市网上中介超市注册入驻并处于有效状态。",
      "信用中国无失信记录，信用评价结果以国家平台为准。",
    ],
  },
  {
    id: "review-local-en",
    category: "registration",
    severity: "review",
    article: "FCR-9-3",
    pattern: `\\blocal(?:ly)?[\\s-]+(?:registered|based|firms?|agenc(?:y|ies)|compan(?:y|ies)|enterprises?|suppliers?|bidders?)\\b`,
    explain: { zh: "提到本地机构，可能构成区域限制，需审查。", en: "Mentions local agencies; may restrict by region, to be reviewed." },
    // (round 142) local and outside agencies treated the same; a multilateral bank's local office (the World Bank's local agency)
    // (round 143) the local firms are what the work is done on (The agency will inspect local enterprises in the district)
    unless:
      "\\b(?:inspect|audit|survey|visit|assess|review|check|train|advise|interview|monitor|support)(?:s|ed|ing)?\\s+(?:the\\s+|all\\s+|\\d+\\s+)?local[\\s-]+(?:firms|compan(?:y|ies)|enterprises|businesses|suppliers)\\b(?![^.;\\n]{0,40}?\\b(?:only|must\\s+be|preferr?|priority|eligible)\\b)" +
      "|" +
      "\\b(?:same|equal|identical)\\s+(?:treatment|terms|conditions|criteria|footing|rules)\\s+(?:as|with)\\s+(?:the\\s+)?local\\b|\\blocal\\s+(?:agency|office|representative)\\s+of\\s+the\\s+(?:world\\s+bank|asian\\s+development\\s+bank|adb|aiib|asian\\s+infrastructure\\s+investment\\s+bank|ndb|new\\s+development\\s+bank|financier|lender)\\b",
    matches: ["local firms know the area"],
    allows: [
      "local standard DB31/T 1234",
      "The agency will inspect local enterprises in the district on behalf of the bureau.",
      "Out-of-province agencies enjoy the same treatment as local agencies in this procurement.",
      "The local agency of the World Bank in Beijing will give a no-objection to the shortlist.",
    ],
  },
  {
    // The backstop: a requirement on the bidder and a place in the same clause, worded in a way no rule
    // above recognises. Clauses about the project's location, site visits, standards and the approval
    // itself are left alone: they name a place without restricting who may bid.
    id: "review-place-near-requirement-zh",
    category: "registration",
    severity: "review",
    article: "FCR-9-3",
    pattern: `(?![^，,。；;\\n]*(?:位于|地点|地址|地块|现场|踏勘|勘查|勘察|外业|测量|作业|会议|标准|规范|条例|办法|规定|要求编制|审批|审查|报送|提交|流程|所需的资质|熟悉|了解|掌握|档案馆|加盖|专用章|印章|手续))(?:${AGENCY}|人员|团队|项目经理|负责人)[^，,。；;\\n]{0,6}${MUST}[^，,。；;\\n]{0,16}(?<![到赴往去按依照])(?<!根据|依据|符合|满足|遵守|参照|执行|前往|我司|我方|我厂|业主)(?<!我公司|本公司|采购人){PLACE}`,
    explain: {
      zh: "对机构的要求中出现地名，可能构成区域限制，需审查。",
      en: "A place named in a requirement on the agency; may restrict by region, to be reviewed.",
    },
    matches: ["投标人须与上海市有长期合作关系"],
    allows: [
      "项目位于普陀区，中介机构须到现场踏勘",
      "中介机构应熟悉上海市建设工程审批流程",
      "中介机构应到普陀区档案馆查阅资料",
      "中介机构需在项目所在地开展外业测量",
      "中介机构应按宝山区城市更新要求编制方案",
      "中介机构须熟悉普陀区的规划管理要求",
      "中选机构的出具报告须加盖上海市测绘成果专用章",
    ],
  },
  {
    // The English backstop: a requirement on the bidder that names a place, worded in a way no rule
    // above recognises. Sentences about the site, guidelines, standards and the approval are left alone.
    id: "review-place-near-requirement-en",
    category: "registration",
    severity: "review",
    article: "FCR-9-3",
    pattern: `(?<!\\bour\\s)\\b(?:bidders?|applicants?|firms?|agenc(?:y|ies)|suppliers?|consultants?|respondents?|tenderers?|team members?|staff)\\b(?![^.;!?\\n]*\\b(?:site|visits?|guidelines?|standards?|regulations?|codes?|rules|approval|approved by|submitted|follow|comply|complies|located|meetings?|attend|kick-?off|survey|fieldwork|field work|deliver(?:ed|y)?|archives?|familiar|familiarity|knowledge|co-?ordinate|liaise|cooperate|work with|report to|travel|trips?|commute)\\b)[^.;!?\\n]{0,40}?\\b(?:must|shall|should|required|only|needs? to)\\b[^.;!?\\n]{0,50}?{EN}`,
    explain: {
      zh: "对机构的要求中出现地名，可能构成区域限制，需审查。",
      en: "A place named in a requirement on the agency; may restrict by region, to be reviewed.",
    },
    matches: ["Bidders must have a long relationship with Shanghai."],
    allows: [
      "The agency must follow district guidelines.",
      "Agencies must visit the site in Putuo.",
      "The agency must attend a kickoff meeting in Putuo.",
      "Agencies must deliver the report to the district archive in Putuo.",
      "The consultant shall coordinate with the Xuhui district housing bureau throughout the project.",
      "The selected consultant should expect to travel to Tianjin twice a month.",
    ],
  },
];
