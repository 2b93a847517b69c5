/**
 * The clause-level structural detector (issue #11), beside the pattern rules of rules.ts.
 *
 * The pattern rules know phrases; fresh wording of the same idea ("联络处", "外埠企业", "reserve list")
 * slips through them. This detector knows the STRUCTURE of a restriction instead. It splits a text into
 * sentences and clauses, and flags a clause that holds
 *   (a) an ANCHOR: a place (any division of the gazetteer, its short name, a "here" word — places.ts —
 *       or a "not here" word: 外地、外埠、以外、out-of-town …), or, for designation and pools, an
 *       AUTHORITY (区住建委、街道、the district bureau …);
 *   (b) an ATTRIBUTE of the bidder: registration, an office, tax, staff, track record, a list, a
 *       department's endorsement, a preference … — each word belongs to a category;
 *   (c) a FRAME in the same sentence: a requirement, an exclusion or a favour (须、仅限、不予、优先、
 *       加分、must, only, will not be considered, bonus points …);
 * with the place attached to the bidder, not to the project: a place after 位于/到/前往/按/符合/报送 …,
 * or before 现场/标准/审批/档案馆 …, or in a clause about the requester (招标人、the enterprise) or one
 * that says the opposite (不限、全国、anywhere) is no anchor. Quotas are found by their own structure: a
 * number of agencies with a cap (限、以内、前N、额度 …) and no minimum (不少于、at least).
 *
 * Everything it knows is the word lists below (data, like the rules) and every category has examples
 * that structure.test.ts runs. A clause gives ONE finding; its category is the one of its strongest
 * attribute word (weight), ties going to the category listed first in `ATTRIBUTES`. Findings are
 * `review`: a regulator looks before publication, because a structure is a strong sign, not a phrase
 * a regulator has read and classed as a clear violation (those are the `refuse` rules).
 */
import {
  SEATS_NOT_BIDDING_EN,
  SEATS_NOT_BIDDING_ZH,
  TAX_FORMALITY_AFTER_AWARD_ZH,
  WORK_FIRST,
  type ArticleId,
  type Category,
  type Rule,
  type Severity,
} from "./rules";
import { LOCAL_MARK, PLACE_MARK, PROVINCE_ABBREVIATIONS, enLocalSource, enPlaceSource } from "./places";

type Words = { zh: string[]; en: string[] };
/** An attribute word list: its category, and how strongly the word marks that category. */
type Attribute = { category: Category; weight: number; zh: string[]; en: string[]; needsAuthority?: boolean };

/** Words that mean "not here" — an anchor like a place (外地机构不予受理、out-of-town agencies). */
export const NOT_HERE: Words = {
  zh: [
    "外地",
    "外埠",
    "外省市",
    "外省",
    "外市",
    "外区",
    "外县",
    "非本地",
    "非本市",
    "非本区",
    "非本省",
    "异地",
    "以外",
    "之外",
    "境外",
    "省外",
    "(?<![城都])市外",
    "(?<![园社景校厂库小])区外",
    "县外",
    "外来",
    "域外",
    "其他地区",
    "其他省份",
    "其他城市",
    "其他区县",
    "他省",
    "他市",
    // 注册地与采购人同属一个行政区、与项目所在地一致: "here" said by comparison
    "(?:与|和|同)(?:采购人|招标人|建设单位|业主|项目|本项目)[\\u4e00-\\u9fa5]{0,6}?(?:同属|一致|相同|同一)",
  ],
  en: [
    "out-of-town",
    "out of town",
    "non-local",
    "nonlocal",
    "out-of-province",
    "out of province",
    "out-of-district",
    "outside the (?:district|city|municipality|province|county|region|area)",
    "outsiders?",
    // economic zones by kind (the development zone, the high-tech park): places like 开发区
    "the (?:[\\w-]+ )?(?:development|economic|industrial|free[- ]trade|high-tech|hi-tech|bonded|pilot) (?:zone|park|area)",
    "non-residents?",
    "out-of-area",
    "other (?:provinces|cities|districts|counties|regions|municipalities)",
    "elsewhere",
  ],
};

/** A distance from the project or an office is an anchor too (办公地点距项目不超过5公里、an office within 10 km). */
export const DISTANCE: Words = {
  zh: [
    // …not the reach of the work around the site (须对场址周边25公里范围内的断裂进行调查、调查范围覆盖项目区及周边5公里)
    "(?<!(?:对|覆盖|涵盖|包括|包含|范围(?:为|是)?)[^，,。；;\\n]{0,8}(?:周边|周围|四周|沿线|两侧|外扩|外延)[^，,。；;\\n]{0,2})(?:\\d+(?:\\.\\d+)?|[一二两三四五六七八九十]+)(?:公里|千米|km)(?:以内|之内|范围内|内)?",
    "(?:车程|步行|驾车)(?:\\d+|[一二两三四五六七八九十半]+)(?:个)?(?:分钟|小时)(?:以内|之内|内)?",
    "(?:\\d+|[一二两三四五六七八九十半]+)(?:个)?(?:分钟|小时)(?:车程|路程)(?:以内|之内|内)?",
  ],
  en: [
    "within\\s+\\d+(?:\\.\\d+)?\\s*(?:km|kilomet(?:re|er)s?|miles?|minutes?(?:'|’)?\\s+(?:drive|walk))",
    "within\\s+(?:an?\\s+)?(?:\\d+|one|two|three|half[\\s-]an)[\\s-]*(?:km|kilomet(?:re|er)s?|miles?)[\\s-]*(?:drive|walk|ride|journey|commute|radius|travel)?",
    // (round 131) a time is a distance only as a journey or from a place ("within one hour's drive", "within 30
    // minutes of the site"), not a response time ("respond by phone within one hour")
    "within\\s+(?:an?\\s+)?(?:\\d+|one|two|three|half[\\s-]an)[\\s-]*(?:minutes?|mins?|hours?)(?:['’]s?)?(?:[\\s-]*(?:drive|walk|ride|journey|commute|radius|travel)\\b|(?=\\s+(?:of|from)\\b))",
  ],
};

/**
 * Single-character abbreviations (places.ts: provinces; here also large cities: 杭、甬、穗、蓉、榕、锡、宁、申):
 * an anchor only right before a bidder attribute (在沪注册、沪籍、驻京、在杭常设).
 */
const ABBREVIATIONS = `${PROVINCE_ABBREVIATIONS}杭甬穗蓉榕锡宁申邕港澳`;
export { PROVINCE_ABBREVIATIONS };
const ABBREVIATION_BEFORE =
  "(?:有|拥有|注册|登记|设立|设有|设点|常设|成立|落户|纳税|缴纳|缴税|社保|籍|企业|机构|单位|公司|办公|分支|分公司|常驻|驻点|经营|业绩|服务网点|网点|办事处)";

/** Economic zones not in the gazetteer by their own name (临港新片区、苏州工业园区、前海自贸区): places to the detector. */
const ZONE =
  "[\\u4e00-\\u9fa5]{2,4}?(?:新片区|自贸区|自由贸易试验区|自贸试验区|开发区|高新区|经开区|工业园区|产业园区|示范区|保税区|合作区)";

/** Authorities: a department or level of government (for designation and pools). */
export const AUTHORITY: Words = {
  zh: [
    // (not across 须/需/与: 边境管理区须办理、区域前须与所在嘎查村委会联系; not 办理 or 办法)
    "(?:(?![须需与])[\\u4e00-\\u9fa5]){0,10}?(?:局|委员会|委(?!托)|办公室|办(?!理|法|学|案|好|完|结|成|证|件|妥)|厅|站|处(?!理|置|罚|分|于)|管委会|人民政府|政府|街道|部门|主管部门|中心|(?:环保|财政|国土|规划|司法|水利|城建|安监|农经|林业|水务)所)",
    // on their own, without a level before them
    "街道办事处",
    "街道",
    "镇政府",
    "乡政府",
    "主管部门",
    "行业主管部门",
    "管委会",
  ],
  en: [
    "bureau",
    "department",
    "commission",
    "committee",
    "authority",
    "authorities",
    "government",
    "administration",
    "office",
    "ministry",
    "council",
  ],
};

/**
 * A level of government before a list (区建设工程咨询服务单位目录、市级…资源池、the municipal catalogue):
 * an anchor for pools and designation only, like an authority.
 */
export const LEVEL: Words = {
  // (round 139) not the 市 of 超市: 超市黑名单、在…中介服务超市入库 are the platform's
  zh: ["市级", "区级", "县级", "省级", "镇级", "(?:区|(?<!超)市|县)(?=[\\u4e00-\\u9fa5]{1,12}?(?:库|名录|名册|名单|目录|资源池))"],
  en: ["municipal", "district(?:'s)?", "provincial", "county", "city(?:'s)?", "state-owned"],
};

/** The bidder as a noun: on its own an attribute only when the place is attached to it (本地服务商、Shanghai-based agency). */
export const BIDDER: Words = {
  zh: [
    "中介服务机构",
    "中介机构",
    "服务机构",
    "服务商",
    "供应商",
    "投标人",
    "中标人",
    "成交人",
    "中选人",
    "投标单位",
    "报价人",
    "报价单位",
    "申请人",
    "响应单位",
    "竞价单位",
    "参选单位",
    "报名单位",
    "主体",
    "机构",
    "企业",
    "单位",
    "公司",
    "法人",
    "事务所",
    "企(?![业图盼])",
    "实验室",
    "设计院",
    "研究院",
    "厂商",
    "商家",
  ],
  en: [
    "agenc(?:y|ies)",
    "firms?",
    "compan(?:y|ies)",
    "bidders?",
    "suppliers?",
    "consultants?",
    "consultanc(?:y|ies)",
    "applicants?",
    "respondents?",
    "tenderers?",
    "contractors?",
    "vendors?",
    "providers?",
    "enterprises",
    "entit(?:y|ies)",
    "organi[sz]ations?",
    "bodies",
    "lab(?:oratory|oratories|s)?",
    "institutes?",
    "surveyors?",
    "valuers?",
    "appraisers?",
    "assessors?",
    "auditors?",
    "architects?",
    "designers?",
    "inspectors?",
    "planners?",
    "practices?",
    "participants?",
  ],
};

/** The requester speaking of itself: a place attached to it says nothing about the bidder. */
export const REQUESTER: Words = {
  zh: [
    "招标人",
    "采购人",
    "比选人",
    // (round 141) not 行业主管部门, whose 业主 is two words' halves
    "(?<!行)业主(?!管)",
    "建设单位",
    "委托方",
    "甲方",
    // 须为在齐齐哈尔市参保的本单位职工: the bidder's own staff, not the requester; 须提供本单位近一年在本县缴纳社会保险的人员…
    // (round 24): what the bidder provides of its own
    "(?<!(?:提供|出具|提交|附上?)[^，,。；;]{0,4})本企业(?![^，,。；;]{0,16}?(?:职工|员工|人员|在职|正式|在册))",
    "我公司",
    "我单位",
    "我司",
    // (round 136) the requester's own group (对本集团在川、渝、黔三地的12家子公司进行年度审计)
    "(?<!(?:提供|出具|提交|附上?|须为|应为|须是|属于?)[^，,。；;]{0,4})(?:本|我)集团(?![^，,。；;]{0,16}?(?:职工|员工|人员|在职|正式|在册))",
    "(?<!(?:提供|出具|提交|附上?)[^，,。；;]{0,4})本公司(?![^，,。；;]{0,16}?(?:职工|员工|人员|在职|正式|在册))",
    "(?<!(?:提供|出具|提交|附上?)[^，,。；;]{0,4})本单位(?![^，,。；;]{0,16}?(?:职工|员工|人员|在职|正式|在册))",
    // 我们公司注册在嘉兴南湖区: a small firm's owner writing
    // (only where it says where it is: 我们厂要做个安评，外地的就别报了 is a requirement in the same breath)
    "我们(?:公司|单位|企业|厂|工厂|医院|学校|幼儿园|村|镇|门店)(?=注册|登记|位于|地处|坐落|设在|在)",
    // 我们 Shanghai office 会统一回复 (round 130): the requester's own office, named in English
    "(?:我们|咱们|我方)(?=\\s*(?!(?:require|need|want|must|should|expect|ask|hope|prefer)\\b)(?:[\\uE000\\uE001]+|[a-z]+)(?:\\s+[a-z]+)?\\s*office\\b(?!\\s*(?:须|必须|要|需|应|must|should)))",
  ],
  en: [
    "the enterprise",
    // "Our parent company is registered in Hong Kong; this procurement is run by its Shenzhen subsidiary"
    "our (?:(?:parent|holding|mother|group|sister|affiliated|associated)\\s+)?(?:company|firm|group|corporation)",
    "the client",
    "the owner",
    "the employer",
    "the purchaser",
    "we are",
    "we're",
    // "send to our office in Yulin City": where the requester receives things
    // "A Macao-registered trading company needs a tax adviser": the one that needs the service
    "(?:a|an|the) (?:[\\w-]+ ){0,4}?(?:company|firm|factory|plant|hospital|school|enterprise|developer|manufacturer|client|owner) (?:needs|seeks|is seeking|is looking for|wants|plans to)",
    // "X Co., Ltd., a company registered in the Kashgar Economic Development Zone, invites quotations"
    "(?:co\\.,? ?ltd\\.?|company|corporation|group|inc\\.?),? an? (?:[\\w-]+ ){0,3}?(?:company|firm|enterprise|manufacturer|factory|business|producer) (?:registered|based|located|incorporated)",
    // "statutory audit for a Shanghai-based auto parts maker": the one the service is for
    "(?:for|on behalf of) (?:a|an|the|our) (?:[\\w-]+ ){0,4}?(?:maker|manufacturer|factory|plant|developer|hospital|clinic|school|producer|operator|retailer|exporter|importer|processor|chain|start-?up|group|cooperative|mill|mine|farm)\\b",
    "our (?:[\\w-]+ )?(?:office|offices|premises|address|building|headquarters|hospital|clinic|school|factory|plant|village|kindergarten|university|college|warehouse|hotel|restaurant|shop|store|mall|farm|mine)",
  ],
};

/** A clause about experts or the evaluation panel: their pool or approval says nothing about the bidder. */
export const NOT_BIDDER: Words = {
  zh: ["专家", "评委", "评审委员会", "评标委员会"],
  en: ["experts?", "evaluation (?:committee|panel)", "expert panel", "reviewers?"],
};

/**
 * A clause about the requester only (我单位注册于深圳市南山区、本公司位于…): its words name no bidder once the
 * requester's own words (我单位、本公司 …) are taken out. A pattern rule's finding in it is dropped.
 */
export function aboutRequester(clause: string): boolean {
  const k = c();
  if (!k.requester.test(clause)) return false;
  // 我公司为注册于宁夏银川市金凤区的一家乳制品加工企业: the noun after the copula is the requester itself
  const lead = new RegExp(`^\\s*(?:${k.requester.source})(?:为|是|系|乃)(?!本项目的?(?:中标|成交|中选))`, "u");
  if (lead.test(clause) && !REQUIRES.test(clause)) return true;
  const rest = clause.replace(new RegExp(k.requester.source, "gu"), " ");
  return !all(k.zhBidder, rest).length && !all(k.enBidder, rest).length && !/中介/u.test(rest);
}

/**
 * A requirement or exclusion in a clause (a permission "外省机构可通过平台报名" has none). Not 限 in "等限制" / "任何限制":
 * the noun that closes a list of lifted restrictions (不设注册地、本地业绩等限制 splits at the comma the list became).
 */
export const REQUIRES =
  /须|(?<![如若倘无不毋])需|(?<![供响相对反适答])应(?!用|商)|仅|只|(?<![等何])限(?!制(?:性)?条件)|不得|不能|不予|不接受|方可|才能|\b(?:must|shall|only|required|not)\b/u;

/** A clause that opens competition to everyone: no finding in it. */
export const OPENNESS: Words = {
  zh: [
    "(?<!但)不限(?!于)",
    // 不限于本市机构 (not 包括但不限于…)
    "(?<!但)不(?:限于|局限于|仅限于?)(?=[\\uE000\\uE001本我])",
    "不受[\\u4e00-\\u9fa5]{0,6}限制",
    "(?:无|没有|不作|不做|不设|未设|不加)(?:任何)?(?:地域|区域|地区|注册地|属地)?限制",
    "全国",
    "各地",
    "任何地区",
    "任何地方",
    // 外省机构可正常报名、外地机构请自行考虑交通成本、如外地机构有需要，甲方可协助预订住宿: outsiders welcome, or their travel
    "外(?:地|省|市|县)(?:的)?(?:机构|单位|公司|企业)[^。；;，,\\n]{0,10}?(?:可正常报名|可以报名|均可报名|也可报名|自行(?:考虑|承担|安排)|差旅|交通|住宿|食宿|吃住)",
    // (round 140) 外地机构报名数量不设上限、外地单位最多可派3名人员参加现场踏勘: outsiders' number left open, their staff at the visit
    "外(?:地|省|市|县)(?:的)?(?:机构|单位|公司|企业)(?:的)?(?:报名|参与|参加)?(?:数量|家数)(?:均|一律)?(?:不设上限|不限|不作限制|不受限制|不设限)",
    // 外地的也行、上海外地都行: outsiders are fine too
    "外地(?:的)?(?:机构|单位|公司|企业)?(?:也|都)(?:行|可以|可|能报|没问题)",
    // 社保哪里交的都认、喺南宁做过都好冇做过都好…都一样睇: whatever the place, in every register
    "(?:哪里|哪儿|哪个地方|边度)[\\u4e00-\\u9fa5]{0,4}?都(?:认|可以|行|接受|算)",
    "(?:都|也)?一样(?:睇|看待|对待)",
    // 无论机构所在地、不论注册地在哪: whatever the place
    "(?:无论|不论|不管)[\\u4e00-\\u9fa5]{0,4}?(?:所在地|注册地|来自|在哪|何地|哪里)",
    "均可报名",
    "均可参与",
    "均可参加",
    "一视同仁",
    "同样可",
    "亦可",
    "也可",
    // (not 欢迎其他单位关注后续项目: a welcome to later projects opens nothing now, round 27)
    "欢迎(?![^。；;\\n，,]{0,10}?(?:关注|留意|后续|下次|以后|今后|下一))",
    "没问题",
    // 不得以注册地、本地业绩等为由限制或排斥外地机构: the law restated
    "为由(?:限制|排斥|歧视)",
    "平等参与",
    "平等竞争",
    "公平竞争",
    "(?:不作|不做|无|没有)(?:任何)?(?:要求|限制)",
    "不得(?:限制|排斥|歧视)",
    "没关系",
    // 与本地机构适用同一资格条件，不另设门槛: the same conditions for everyone
    "(?:适用|执行|采用|按照?|实行)(?:同一|相同|同样|统一|同等)的?(?:资格|条件|标准|要求|门槛|评分)",
    "不另设",
    "不设[\\u4e00-\\u9fa5\\uE000\\uE001，,]{0,24}?等?(?:门槛|限制|要求|条件)",
    // 该要求不构成对供应商注册地或机房所在地的限制
    "不构成对[\\u4e00-\\u9fa5\\uE000\\uE001，,]{0,30}?的?(?:限制|要求|歧视|排斥)",
    "不对[\\u4e00-\\u9fa5\\uE000\\uE001]{0,12}?作(?:任何)?(?:限制|要求)",
    // 不以注册地、所有制形式或是否在本地设立分支机构作为限制条件
    "不以[\\u4e00-\\u9fa5\\uE000\\uE001，,]{0,40}?(?:作为|为)[\\u4e00-\\u9fa5]{0,6}?(?:条件|门槛|限制|依据)",
    "不考虑(?:机构|单位|企业|供应商|投标人)?(?:的)?(?:所在地|注册地|地域|所在区域|[\\uE000\\uE001]+)",
    "在哪(?:里|儿)?(?:注册)?都(?:可以|行|能|没问题|欢迎)",
    "一样(?:可以|可|能)",
    // 不要求投标人加入任何本地行业协会、不强制要求在当地设立机构
    "不(?:要求|强制要求|强求)(?:投标人|供应商|申请人|报价人|中介机构|机构|单位|企业)?(?:加入|参加|设立|在)",
    "不区分",
    "同等对待",
    // 注册地不在本市的机构，并非不能报名: a double negative is a permission
    // …unless a turn follows (不是不可以报名，只是资格审查时一律不予通过)
    "(?:并非|并不是|不是|绝非)不(?:能|可|得|允许|可以)(?![^。；;\\n]*?(?:只是|但|不过|可是|然而))",
    // 本地、外地机构均使用同一评分标准，不设地域加分 (round 24)
    "(?:均|都|一律)(?:使用|适用|采用|执行|按照?)(?:同一|相同|统一)(?:套)?(?:的)?(?:评分|评审|评标|资格审查)?(?:标准|办法|规则|条件)",
    "不设(?:地域|地区|本地|区域)(?:性)?加分",
    // 本地、外地项目均可填报，评分标准一致
    "均可填报",
    // 本次采购不设注册地、分支机构、本地业绩等限制 (round 29)
    "不设(?:置)?[^。；;\\n]{0,30}?(?:等|任何)(?:地域|准入)?(?:限制|门槛)",
    // 这是技术要求，与机构所在地无关 (round 29)
    "与(?:报名|投标|参选)?(?:机构|投标人|供应商|单位|企业)?的?(?:所在地|注册地|注册所在地|\\uE001+)(?:均)?无关",
    "评分标准(?:一致|相同|统一)",
    // 未在本市设立分支机构的，不影响报名资格
    "(?:均|都|也|并)?不影响(?:其)?(?:报名|参与|参加|评分|评审|中选|资格)(?![^。；;\\n]*?(?:只是|但|不过|可是|然而))",
  ],
  en: [
    "anywhere",
    "any location",
    "any region",
    "all provinces",
    "all regions",
    // (not "regardless of the published deadline": a time, no place)
    "regardless of(?! (?:the |any )?(?:published |stated |original |announced )?(?:deadline|closing|date|time|schedule))",
    "no restriction",
    "are welcome",
    "is welcome",
    "also eligible",
    "fully eligible",
    "equally eligible",
    "remain eligible",
    "may also",
    "nationwide",
    "across china",
    "any province",
    "any city",
    "any county",
    "any state",
    "no limit",
    "equally welcome",
    "no (?:agency|agencies|firm|firms|bidder|bidders|supplier|suppliers|company|companies|tenderer|tenderers|consultant|consultants) (?:shall|will|may) be (?:refused|excluded|rejected|disqualified|penali[sz]ed)",
    "identical criteria",
    "same criteria",
    "equal terms",
    "same terms",
    "same basis",
    "no limits",
    // "bidders registered in Beijing or elsewhere may apply": the place is one of any
    "(?:or|and) elsewhere",
    "or (?:in )?any other (?:province|city|region|place|location|district|county|part of china)",
    // "same requirement as the Guangdong local company", "equally treated, no additional score is given"
    "same requirements?",
    "equally treated",
    "treated equally",
    "equal treatment",
    "no (?:additional|extra) (?:scores?|points?|marks?|credits?|weighting|documents?|requirements?|conditions?)",
    "(?:is|are) no need",
    "(?:does|do|will|shall) not require",
    "(?:scored|treated|assessed|evaluated|counted|weighted) (?:exactly |just )?(?:like|the same as|as) (?:those|projects|firms|ones)",
    // "you don't need to be local", "no agency has been designated"
    "(?:do not|don't|does not|doesn't|need not|needn't) (?:need to |have to )?be (?:local|based|registered|located)",
    "no (?:agency|agencies|firm|firms|consultant|consultants|company|companies|supplier|suppliers|lab|labs) (?:has|have|is|are|was|were|will be) (?:been )?(?:designated|recommended|appointed|nominated|preferred|favou?red)",
  ],
};

/**
 * The bidder's own seat named just before "位于/地址/在" (住所须位于、注册地址在、办公地点位于): the place after it is
 * the bidder's, whatever PROJECT_BEFORE says of 位于/地址.
 */
export const BIDDER_SEAT_BEFORE =
  /(?:住所|注册地|注册地址|注册住所|办公地址|办公地点|办公场所|经营场所|经营地址|总部|营业执照|税务登记|实体办公|(?:该|其|自有|自建)(?:检测|检验|分析)?实验室)[^，,。；;:：]{0,6}$/u;

/** Words right before a place that tie it to the project, the site, a standard or the approval, not to the bidder. */
export const PROJECT_BEFORE: Words = {
  zh: [
    "位于",
    "地处",
    "坐落",
    "地点",
    "地址",
    "位置",
    "到",
    // (round 143) 服务方案对本区现状分析透彻的得5分: what the proposal analyses, not the bidder
    "(?:方案|报告|成果|规划|研究)对",
    // (round 143) 调查范围为本区…、审计对象为…: the scope or the objects of the work
    "(?:调查|检查|服务|审计|评估|监测|抽查|普查|工作)(?:范围|对象)",
    "赴",
    "往",
    "至",
    "去",
    "前往",
    "往返",
    // 检测人员进入南沙施工现场前: going onto the site
    "进入",
    // 中选机构2家，分别承担北京、天津两地的消防检测任务: each winner's share of the work
    "分别承担",
    "分别负责",
    "按",
    "按照",
    "依照",
    "依据",
    "根据",
    "符合",
    "满足",
    "遵守",
    "参照",
    "执行",
    "配合",
    "报送",
    "(?:呈交|呈报|呈送)",
    "提交",
    "送",
    // 仅向…机构开放 is a restriction, 向区住建委报送 the project's
    "(?<![仅只限])向",
    // 录入北京市农村集体资产监督管理平台: the system the results go into
    "(?:录入|导入|上传至?|接入|填报至?)",
    // 项目在安庆，预计需要来现场3-4次: where the project is
    "(?:项目|工程|现场|工地|厂区)(?:在|设在)",
    // 赴项目现场（江苏省盐城市大丰区…）: the site's address in brackets
    "(?:现场|项目|工地|地块|地址|地点|场地|所在地)[（(]",
    // 派人到场（项目在新疆博州阿拉山口市）
    "[（(](?:项目|工程|现场|地块)(?:所在地|地点|位置|位于)?",
    "经",
    "熟悉",
    "熟悉(?:国家|全国)(?:和|及|与|，)",
    // 无论机构所在地、不因机构所在地远近: regardless of where the bidder is
    "(?:无论|不论|不管|不因|不以)(?:机构|投标人|报价人|供应商|单位|中介机构)?",
    "了解",
  ],
  en: [
    "site",
    "sites",
    "located",
    "location",
    "visit",
    "visits",
    "travel",
    "meeting",
    "meetings",
    "held",
    "attend",
    "comply with",
    "follow",
    "in accordance with",
    "submitted to",
    "submit to",
    "deliver(?:ed)? (?:to|at|in)",
    "approved by",
    "(?:town|city|county|district|village|township)\\s+hall\\s+(?:in|of)",
    "(?:reviewed|checked|examined|inspected|accepted)\\s+by(?:\\s+the)?",
    "project is",
    "project in",
    "works? in",
    "fieldwork",
    "field work",
    // (round 141) interviews carried out across the district: where the work is done
    "(?:carried\\s+out|conducted|performed|undertaken)\\s+(?:across|throughout|within|in)",
    "familiar with",
    "familiarity with",
    "knowledge of",
    "coordinate with",
    "co-ordinate with",
    "liaise with",
    "cooperate with",
    "work with",
    "report to",
    // reporting to the Suzhou Municipal Ecology and Environment Bureau, filing with the Pudong …
    "(?:reporting|reported|submissions?|filing|filed)\\s+(?:to|with)",
    "consult",
    "archives?",
    "project office",
    "site office",
    "present(?:ed|s)? to",
    // the work's own data and records: update the district's asset register, collect data from the local …
    "update",
    "compile",
    "collect(?:ing)? data from",
    "interviews? with",
    // "invite the bidders for interviews in Luoyang" (round 28)
    "interviews?",
    "presentation to",
    "presentations?",
    "briefings?",
    "kick-?off",
    "each of",
    "assessments?",
    "studies",
    "study",
    "surveys?",
    "inspections?",
    // the local technical standards of Tianjin Municipality
    "(?:standards?|codes?|regulations|requirements|specifications) of",
    // "comply with the laws of the State of Victoria", "governed by the laws of New South Wales" (round 134): a jurisdiction's law
    "(?<!(?:incorporated|registered|organi[sz]ed|established|formed|constituted|licensed)\\s+(?:under|in\\s+accordance\\s+with)\\s+(?:the\\s+)?)(?:laws?|legislation|statutes?|ordinances?) of(?: the)?(?: (?:state|commonwealth|territory|province|republic) of)?",
    // "data published by the Dalian Meteorological Bureau"
    "(?:data|records|statistics|observations|figures) (?:[\\w-]+ ){0,2}?(?:published|provided|released|compiled) by",
    // the Development and Reform Bureau of Hefei…; a hearing in Qujing; travel to Yulin
    "(?:bureau|commission|authority|department|administration|government|council) of(?: the)?",
    "hearings?",
    "go to",
    "trips? to",
    // "travel and accommodation costs for staff coming from outside Xi'an" (round 130): what a trip from there costs
    "(?:costs?|expenses?|fares?|allowances?)\\s+(?:of|for)\\s+(?:[\\w'-]+\\s+){0,3}?(?:coming|travell?ing|flying|commuting)\\s+(?:in\\s+)?from(?:\\s+outside)?",
    // "present the interim results to the Haidian …", "send the draft report to the Yulin …"
    "(?:present|submit|deliver|send|hand|report|explain)(?:s|ed|ted|ing|ting)? (?:[\\w'-]+ ){1,4}?to",
    // (round 142) "familiar with the local geological conditions of Xiong'an New Area": the ground the work is on
    "(?:geological|geotechnical|hydrogeological|hydrological|soil|ground|climatic|site)\\s+conditions\\s+(?:of|in)(?:\\s+the)?",
  ],
};

/** Words right after a place that make it the project's, a standard's or an authority's. */
export const PROJECT_AFTER: Words = {
  zh: [
    "块",
    // 海南州这个项目、共和县那边雨水多: the project, and the weather where it is (round 23)
    "(?:这个|这一|这批|那个|那批|这次)(?:项目|工程|活儿?|任务)",
    // 在河南省国有资产评估项目备案系统中完成备案: the system the report is filed in
    "[\\u4e00-\\u9fa5]{0,12}?(?:备案|管理|监测|信息|业务|申报)系统",
    "(?:那边|这边|一带|地区)?(?:雨水|降雨|下雨|雨季|雨量|天气|气候|气温|冬季|封冻|冻土|大风|降雪)",
    "的?现场",
    "的?地块",
    "的?项目(?!业绩|经验|经历)",
    "的?工程(?!师)",
    "档案馆",
    "行政服务中心",
    // (round 144) 以上海市公共信用信息服务平台查询结果为准: the place's credit record platform, open to all
    "公共信用信息",
    // (round 144) 见附件1：闵行区2026年度重点监管对象名录: the objects of the work, listed by the place
    "(?:\\d{4}年度?)?(?:重点)?(?:监管|服务|检查|调查|保护|评估|整治|改造|帮扶|监测|巡查)对象",
    // (round 144) 对辖区物业服务企业开展季度测评: the place's firms or homes the work is done on
    "的?[\\u4e00-\\u9fa5]{0,8}?(?:企业|单位|小区|商户|住户|居民区|门栋|建筑|场所)(?:开展|进行|实施)[\\u4e00-\\u9fa5]{0,4}?(?:测评|检查|评估|调查|核查|巡查|审计|监测|普查|排查)",
    // 在贵州省中介服务网上交易平台报名、山西省政府采购网获取: the platform where everyone signs up
    "(?:省|市|区|县|自治区|州|盟|地区)?(?:政府采购网|中介服务网|中介服务(?:网上)?(?:交易)?平台|网上中介(?:服务)?超市|中介超市|公共资源交易(?:网|平台)|政务服务网|招标投标公共服务平台|(?:网上)?(?:交易|采购)平台)",
    // 远程异地评审: where the experts sit
    "(?:远程)?(?:评审|评标|开标)",
    // 对出具机构所在地不作要求
    "(?:不作|不做|无|没有)(?:任何)?(?:要求|限制)",
    // 恩施州公共资源交易中心第二开标室: where bids are opened
    "(?:州|市|区|县|盟)?(?:公共资源)?交易(?:中心|平台)",
    // 不设注册地、所在地限制: the restriction talked about, not imposed
    "(?:等)?(?:的)?(?:地域)?限制",
    "政务服务中心",
    "窗口",
    "的?地方标准",
    // 杭州市2024年第3期信息价、湖北省现行招标投标管理规定: the place's price bulletins and rules in force
    "的?(?:\\d{2,4}年)?(?:第?\\d{1,2}期)?[\\u4e00-\\u9fa5]{0,8}?(?:信息价|价格信息|造价信息|计价规则|计价依据|计价定额|预算定额)",
    "的?现行[\\u4e00-\\u9fa5]{0,12}?(?:规定|办法|标准|规范|政策)",
    "的?标准",
    "的?规范",
    "的?条例",
    "的?规定",
    "的?办法",
    "的?政策",
    "的?审批",
    "的?规划",
    "的?城市更新",
    "的?实际情况",
    "的?[\\u4e00-\\u9fa5]{0,6}?(?:专用章|印章|公章)",
    "的?情况",
    // 北京时间: the clock, not a place of anyone
    "时间",
    // 重庆市地籍测绘相关技术规定、当地坐标系: a standard a few words on, the place's own reference system
    "的?[\\u4e00-\\u9fa5]{1,14}?(?:相关|有关)?(?:技术)?(?:规范|标准|规程|导则|技术规定|设计规定|安全要求|技术要求|实施细则|评价细则|技术细则|细则|技术指南|指南)",
    // 城关区住建局门口集合、湖南省交通运输厅有关规定、由浉河区农业农村局协调: the place's own department
    "(?![\\u4e00-\\u9fa5]{0,8}?(?:税务|社保|社会保险|人力资源|人社))[\\u4e00-\\u9fa5]{0,8}?(?:局|厅|委员会|人民政府|管委会|大队|支队|部门)(?![\\u4e00-\\u9fa5]{0,3}(?:推荐|指定|认可|认定|同意|备案的|名录|名单|库|办理|登记|注册))",
    "的?\\d{0,4}(?:坐标系|高程系|高程基准|坐标)",
    // 青海省高原冻土地区公路设计相关规定
    "的?[\\u4e00-\\u9fa5]{1,14}?(?:相关|有关)(?:技术)?(?:规定|要求|标准|规范|办法|政策)",
    // 山东省重点项目库、区重点民生项目: the project's standing; 长春市财政评审中心: the body that reviews the work
    "的?(?:重点|重大|民生)[\\u4e00-\\u9fa5]{0,4}?(?:项目|专项)(?!业绩|经验|经历)",
    // 当涂县交通投资有限公司、焦作煤业集团总医院、曲阜师范大学日照校区: an organisation or a campus named by its place
    // (not a consultancy named by its place: 北京华策工程咨询有限公司 may be the one designated)
    "[\\u4e00-\\u9fa5]{0,8}?(?:投资|建设|发展|运营|城投|交投|控股|实业|资产|热电|电力|能源|水务|交通)[\\u4e00-\\u9fa5]{0,6}?(?:有限公司|有限责任公司|集团公司|集团)",
    "[\\u4e00-\\u9fa5]{0,8}?(?:总医院|人民医院|中医院|医院|学院|大学|中学|小学)",
    "[\\u4e00-\\u9fa5]{0,4}?校区",
    // 郑州市二七区某国有资产运营公司: an unnamed requester in a district of the place
    "[\\u4e00-\\u9fa5]{1,6}?(?:区|县|市|镇|乡|街道)某",
    // 曹县当地城建坐标系、濮阳市城市风貌管控要求: the place's reference system and the rules the work follows
    "[\\u4e00-\\u9fa5]{0,6}?(?:坐标系|高程系|高程基准|坐标转换|坐标参数)",
    // 雄安新区现行绿色建筑、智慧物业等地方标准 (round 23)
    "[^。；;\\n]{0,24}?等地方(?:标准|规范|规定|规程)",
    "的?[\\u4e00-\\u9fa5]{0,10}?(?:管控要求|编制要求|技术要求|设计要求)",
    "[\\u4e00-\\u9fa5]{0,6}?(?:评审中心|审核中心|投资评审中心)",
    // 温州瓯海区某鞋业公司、天府新区某建设项目: an unnamed requester or project there
    "某",
    // 属地化管理、属地应急管理部门
    "化管理",
    "(?:主管|管理|行政|应急管理|应急|住建|监管|生态环境|自然资源|发改|发展改革|统计|交警|交通|公安|消防)部门(?![\\u4e00-\\u9fa5]{0,3}(?:推荐|指定|认可|认定|同意|备案的|名录|名单|库))",
    "范围内的?项目现场",
    // 熟悉本市相关技术规范、示范区有关政策: a standard or policy, a few words on
    "的?(?:相关|有关)[\\u4e00-\\u9fa5]{0,8}?(?:规范|标准|政策|规定|办法|条例|要求|法律|法规)",
    // 京沪高铁沿线地块、沿江路段: the project's line or area
    "的?[\\u4e00-\\u9fa5]{0,4}?(?:沿线|地块|片区|路段|河道|流域)",
    // 在项目所在地开展外业测量、在上海市开展业务所需的资质: work done there
    "(?:各[\\u4e00-\\u9fa5]{1,3})?(?:开展|进行|实施)?[\\u4e00-\\u9fa5]{0,2}?(?:外业|测量|勘察|勘查|踏勘|调查|调研|采样|采集|取样|抽样|巡查|普查)",
    "(?:开展|从事)[\\u4e00-\\u9fa5]{0,4}?所需",
    // (round 141) 在我区范围内开展入户调查: the fieldwork done across the place
    "(?:内|范围内|辖区内|境内|全域|全境)(?:开展|进行|实施)[\\u4e00-\\u9fa5]{0,4}?(?:外业|测量|勘察|勘查|踏勘|调查|调研|采样|采集|取样|抽样|巡查|普查|走访|访谈)(?![\\u4e00-\\u9fa5]{0,3}(?:业绩|经验|经历|过))",
    // (round 143) 在本区开展为期三个月的现场调查: a longer stretch before the fieldwork, not a record of it
    "(?:各[\\u4e00-\\u9fa5]{1,3})?(?:开展|进行|实施)(?![^，,。；]{0,12}?(?:过|业绩|经验|经历))[^，,。；]{0,12}?(?:监测|检测|巡检|巡查|调查|测量|勘察|普查|采样)",
    // (round 143) 为本区200家小微企业提供免费咨询: a count of firms served, the objects of the work — not a record (服务过、业绩)
    "的?(?:\\d+|[一二两三四五六七八九十百千]+)家(?:小微|中小|规上|规模以上|重点|工业|餐饮)?(?:企业|商户|门店|学校|医院|养老机构|医疗机构)(?![^，,。；]{0,10}?(?:过|业绩|经验|案例))",
    // 本区3所学校的校舍: a count of things, the objects of the work
    "(?:内)?(?:\\d+|[一二两三四五六七八九十]+)(?:所|座|栋|幢|处|条|个(?!单位|机构|企业|公司|项目))",
    // 闵行区内拟拆除的5栋建筑、我市已建成的泵站: the objects of the work
    "(?:拟|已|现有|在建|待)[\\u4e00-\\u9fa5]{0,6}?的",
    // 本地区每年11月至次年3月为冻土期: the place's seasons and climate
    "(?:每年|冬季|夏季|雨季|汛期|年均|全年|常年|冬春|夏秋)",
    // 成都市最新一期材料信息价、黑龙江省现行工程计价依据: the price basis of the place
    "的?[\\u4e00-\\u9fa5]{0,8}?(?:信息价|计价依据|计价定额|造价信息|材料价格|定额)",
    // 项目所在地最近气象站的资料
    "的?[\\u4e00-\\u9fa5]{0,6}?(?:气象|水文|地震|观测)(?:站|台|资料|数据)",
    // 舟山本地近30年气象及潮位资料: the place's records the work uses
    "的?[\\u4e00-\\u9fa50-9]{0,8}?(?:气象|水文|潮位|潮汐|降雨|降水|风速)(?:及|和|、|与)",
    // 济南市近5年的本地降雨资料、本地区近五年地震活动资料、本市统计年鉴: the place's records the work uses
    "(?:近[\\d一二三四五六七八九十]+年)?的?(?:本地)?[\\u4e00-\\u9fa5]{0,4}?(?:气象|水文|潮位|潮汐|降雨|降水|雨量|暴雨|风速|地震活动|地震)[\\u4e00-\\u9fa5]{0,4}?(?:资料|数据|记录|观测|公式)",
    "的?(?:统计年鉴|统计公报|国民经济和社会发展统计)",
    // 测量成果须接入昌吉州测绘地理信息数据库: the place's database the results go into
    "的?[\\u4e00-\\u9fa5]{0,8}?(?:数据库|信息平台|信息系统)",
    // 在叙州区召开的技术评审会: a meeting held there
    "(?:召开|举行|举办)",
    // (round 140) 参加区里组织的方案汇报会: a meeting a body there holds on the work, not training or membership
    "(?:里|内)?(?:组织|主持)(?:召开)?的?[\\u4e00-\\u9fa5]{0,8}?(?:汇报会|评审会|论证会|座谈会|协调会|调度会|推进会|专家会|审查会|会议)",
    // 香港财务报告准则: the place's accounting or reporting rules; 墨脱县交通条件有限: its roads
    "的?[\\u4e00-\\u9fa5]{0,8}?准则",
    "的?(?:交通|道路|路况|地形|地质|气候)(?:条件|状况|情况)?",
    // 湄潭县核心茶园现场采集: samples taken on the site there
    "[\\u4e00-\\u9fa5]{0,6}?现场(?:采集|采样|取样|踏勘|勘察|检测|监测|调查)",
    // 满洲里海关要求的时限内: the place's customs and border posts
    "[\\u4e00-\\u9fa5]{0,4}?(?:海关|边检站|海事局|口岸办)",
    // 受本地持续低温影响: the place's weather
    "(?:持续|连续|近期|冬季|夏季)?(?:低温|高温|降雪|暴雨|冰冻|寒潮|天气|气温|气候)",
    // 江苏省重点用能单位能源审计相关要求: a regulatory class of the place's enterprises
    "的?重点(?:用能|排污|监管|监控|排放|耗能)单位",
    // 承担黔西南州兴义市城区排水管网检测工作: the work is about the place
    "(?![\\u4e00-\\u9fa5]{0,12}?(?:过|业绩))[\\u4e00-\\u9fa5]{0,10}?(?:检测|监测|测绘|勘察|评估|审计|测量|普查|调查)(?:工作|服务|任务)(?![\\u4e00-\\u9fa5]{0,3}(?:业绩|经验|经历))",
    // 给湖南分厂做职业病危害现状评价、到我司株洲工厂驻场: the requester's plant there
    "[\\u4e00-\\u9fa5]{0,2}?(?:分厂|工厂|厂区)",
    // 本地市场可比交易案例、重庆市基准地价: the place's market the valuation compares with
    "[\\u4e00-\\u9fa5]{0,2}?(?:市场(?!监督|监管|主体)|可比交易|交易案例|基准地价|地价|房价|租金水平|物价)",
    // 按重庆市税务局现行规定办理: the tax office's rules
    "[\\u4e00-\\u9fa5]{0,4}?(?:税务局|税务机关)(?:的)?(?:现行|最新|有关|相关)?(?:规定|政策|要求|口径)",
    // 在郑州市二七区政府会议室参加通报会: a meeting room there
    "[\\u4e00-\\u9fa5]{0,8}?会议室",
    // 乌鲁木齐—和田往返机票、外地人员交通费: travel and its costs
    "[—–\\-至到]?[\\u4e00-\\u9fa5]{0,6}?(?:往返|机票|车票|租车|路费|航班)",
    "(?:人员)?(?:的)?(?:交通费|差旅费|住宿费|食宿费|路费)",
    // 阿勒泰地区最低气温可达零下40℃: its climate and altitude
    "(?:地区)?(?:最低|最高|平均|年均)(?:气温|温度|海拔)",
    // 川藏线雨季塌方路段: a road or a railway line
    "[\\u4e00-\\u9fa5]{0,2}?(?:线(?![上下])|公路|铁路|国道|省道)(?![\\u4e00-\\u9fa5]{0,12}?(?:业绩|经验|经历))",
    // 优先选用本地石材、青砖等乡土材料: local materials, not local firms
    "[\\u4e00-\\u9fa5]{0,2}?(?:石材|材料|建材|苗木|树种|植物|乡土|青砖|木材|砂石|农产品|食材)",
    // 松江区洞泾镇相关村居: the villages and residents the work is about
    "[\\u4e00-\\u9fa5]{0,6}?(?:相关|周边)?(?:村居|村庄|社区|居民)",
    // 石门水库大坝安全鉴定、湛江港区航道: the facility the work is on, named by its place
    "[\\u4e00-\\u9fa5]{0,4}?(?:水库|大坝|水闸|泵站|堤防|海堤|港区|码头|航道|大桥|隧道|枢纽|水电站|电站|水厂|污水处理厂|灌区)(?![\\u4e00-\\u9fa5]{0,20}?(?:业绩|经验|经历|提供过|做过|承担过|完成过|服务过))",
    // 在凭祥市实施项目的进度保障措施
    "实施(?:本|该)?项目(?![\\u4e00-\\u9fa5]{0,3}(?:业绩|经验|经历))",
    // 在延吉开会员单位交流会: a meeting there
    "开[\\u4e00-\\u9fa5]{0,8}?(?:会议|交流会|座谈会|培训会|推介会|说明会|大会|年会)",
    // 其中天津本地3家: a count of the firms that registered, by where they are from
    "(?:本地|本市|本省|本区)?(?:\\d+|[一二两三四五六七八九十]+)家(?=[，,。；;、）)]|$)",
  ],
  en: [
    "site",
    "standards?",
    "guidelines?",
    "regulations?",
    "codes?",
    "rules",
    "approval",
    "technical",
    "planning",
    "local standards?",
    // (round 143) "Local deployment of the software", "locally hosted servers": where a system runs, not the firm
    "(?:deployment|hosting|hosted|storage|stored|installation|installed|servers?)\\b(?![^.;]{0,60}?\\b(?:firms?|compan(?:y|ies)|agenc(?:y|ies)|bidders?|consultants?|suppliers?|vendors?|contractors?|tenderers?|applicants?)\\b)",
    // "(local review meeting)", "(local statistics)": the meeting or the data, not the firm
    "(?:(?:review|expert|evaluation)\\s+meetings?|statistics|statistical\\s+data|data|records|weather|rainfall)\\b",
    // "Jiaozuo Coal Industry Group General Hospital": an organisation named by its place
    "(?:[\\w-]+\\s+){0,4}?(?:group|hospital|university|college|corporation)\\b",
    // the Shanghai local engineering construction standards, Yunnan local emission standards, Liaoning local regs
    "(?:local\\s+)?(?:[\\w-]+\\s+){0,2}?(?:standards?|regs|regulations|codes)\\b",
    // the Suzhou weather station, local gauging stations, the Hainan storm intensity formula, local meteorological data
    "(?:[\\w-]+\\s+)?(?:weather|meteorological|gauging|hydrological|hydrometric|rain(?:fall)?|seismic|reference|monitoring)\\s+stations?",
    "(?:storm|rainfall)\\s+intensity",
    // the Shiquan reservoir site, the Fangchenggang port works, the Luoyang and Zhengzhou campuses, the Minle Ecological
    // Industrial Park: a facility named by its place (round 27)
    "(?:and\\s+[\\w'-]+\\s+)?(?:[\\w'-]+\\s+){0,2}?(?:port\\s+works|reservoir|plant|factory|mill|mine|campus(?:es)?|geopark|terminal|wharf|pier|harbou?r|dam|bonded\\s+zone|ecological\\s+industrial\\s+park|forestry\\s+bureau)\\b",
    // the Kashgar–Taxkorgan leg
    "[–-]\\s*[\\w'-]+\\s+(?:leg|route|road|trip|flight|drive|section)",
    "(?:[\\w-]+\\s+)?(?:meteorological|weather|rainfall|hydrological|climate|climatic|terrain|seismic|tidal|wind)\\s+(?:data|records|statistics|observations)",
    "station\\b",
    // the local community, consult local residents, submissions to local authorities
    "(?:community|communities|residents|villagers|authorities)\\b",
    // Local regulatory knowledge; track Tianjin and national EHS regulatory updates
    "(?:and\\s+national\\s+)?(?:[\\w-]+\\s+){0,2}?regulatory\\b",
    // Beijing time
    "time",
    "(?:[\\w-]+\\s+){0,3}?(?:platform|portal|website|network)",
    // (round 139) the Sichuan Online Intermediary Service Supermarket, the Guangzhou intermediary services marketplace: the
    // platform the request is posted on, open to agencies from anywhere
    "(?:[\\w-]+\\s+){0,4}?(?:supermarket|marketplace)\\b",
    // Hunan provincial technical requirements, the Heilongjiang Public Resources Trading Centre
    "provincial(?:\\s+[\\w-]+){0,3}?\\s+(?:rules|requirements|guidelines|guidance|standards?|regulations|codes?|specifications)",
    // "the Hunan 2020 pricing rules", "the Changde construction material price bulletin"
    "(?:\\d{4}\\s+)?(?:[\\w-]+\\s+){0,3}?(?:pricing\\s+rules|price\\s+(?:bulletin|information|list)s?|quota\\s+rules)\\b",
    "(?:[\\w-]+\\s+){0,2}?(?:trading|transaction)\\s+(?:centre|center)",
    // the district council / bureau: an authority of the place, not where the bidder is (the net's authority check reads it)
    "council",
    "bureau",
    "government",
    "commission",
    "authority",
    "administration",
    // (round 142) a team set up there within days after the contract; local labour hired under the ESMF
    "within\\s+\\d+\\s+(?:calendar\\s+|working\\s+)?days\\s+(?:after|of|following|from)\\s+(?:the\\s+)?(?:contract|award|signing|notification)",
    "labou?r\\b",
  ],
};

/** Requirement, exclusion or favour frames — one in the sentence is needed (供应商、有限公司、申请人 do not count). */
export const FRAME: Words = {
  zh: [
    "必须",
    "须",
    "(?<![所必急])需",
    "(?<![供响相适对反])应(?![用急])",
    "要求",
    "仅",
    "只",
    "(?<![有无期时界局权])限(?![价期])",
    "方可",
    "才能",
    "才可",
    "不得",
    "不能",
    "不予",
    "不接受",
    "不再接受",
    "谢绝",
    "不在",
    "排除",
    "取消",
    "视为",
    "无效",
    // 无驻点服务机构的，其投标将被否决: a consequence is a condition
    "否决",
    "废标",
    "不低于",
    "不少于",
    "不超过",
    "不得超过",
    `优先(?!${WORK_FIRST})`,
    "加分",
    "加\\d+分",
    "享有",
    "享受",
    "给予",
    "倾斜",
    "上浮",
    "下浮",
    "扣除",
    "计入",
    "中选(?!机构|单位|人|供应商|服务商|通知|后|结果|公告|的)",
    "(?<![申邀提])请",
    "建议",
    "选用",
    "委托",
    "为准",
    "面向",
    "开放",
    "承担",
    "确定",
    "抽取",
    "选取",
    "摇号",
    "优惠",
    "折扣",
    "打折",
    "让利",
    "系数",
    "乘以",
    "另加",
    "另计",
    "按\\d+(?:\\.\\d+)?%",
    "[得计记]\\d+(?:\\.\\d+)?分",
    "额外",
    "奖励",
    "可获",
    "下发",
    "指定",
    "统一(?:安排|确定|选定)",
    "(?:遴选|邀请|报名|参与|征集|选择|比选|响应|服务商|供应商|采购|招募)(?:对象|范围)",
    "必备",
    "必要条件",
    "前提",
    "强制",
    "硬性",
    "产生",
  ],
  en: [
    "must",
    "shall",
    "should",
    "only",
    "required",
    "requires?",
    "requirement",
    "subject to",
    "conditional on",
    "limited to",
    "restricted to",
    "exclusively",
    "solely",
    "(?:are|is) invited",
    "screened out",
    "non-?compliant",
    "marked",
    "deducted",
    "discounted",
    "ruled out",
    "rejected",
    "need not apply",
    "lacking",
    "not (?:be )?(?:accepted|considered|shortlisted)",
    "reserved for",
    "open to",
    "eligible",
    "ineligible",
    "not be considered",
    "not be accepted",
    "disqualified",
    "excluded",
    "may not",
    "cannot",
    "will be (?:awarded|given|chosen|selected|preferred|invited|drawn|admitted|carried out|appointed)",
    "receive",
    "expected to",
    "needs? to",
    "drawn",
    "selected from",
    "chosen from",
    "are to",
    "is to",
    "mandatory",
    "compulsory",
    "obligatory",
    "essential",
    "prerequisite",
    "a condition",
    "no more than",
    "not more than",
    "preferably",
    "not (?:be )?invited",
    "not (?:be )?admitted",
    "not (?:be )?eligible",
    "(?:will|shall) not",
    "(?:will\\s+be|is|are)\\s+(?:multiplied|adjusted|reduced|increased|deducted|discounted|scored|awarded|weighted|applied)",
    "applied to",
    "earns?",
    "gains?",
    "counted as",
    "treated as",
  ],
};

/**
 * The attributes, by category. Order matters for ties: earlier wins. `needsAuthority`: the anchor must
 * be an authority (or a place) BEFORE the word, e.g. 区质监站推荐的实验室、certified by the bureau.
 */
export const ATTRIBUTES: Attribute[] = [
  {
    category: "pool",
    weight: 3,
    needsAuthority: true,
    zh: [
      // 库区、库容、库岸, 石门水库、仓库、冷库: a reservoir or a store, not a pool
      // (not 项目库、数据库: the project's or the data's store, round 29)
      "(?<![水仓冷车油粮书金血题料])(?<!项目|数据|信息|档案|资料|成果)库(?![区容岸尾坝])",
      "名录",
      "名册",
      "名单",
      "目录",
      "入围",
      "储备",
      "备选",
      "短名单",
      "框架协议",
      "协议供货",
      "定点",
      "在册",
      "资源池",
      "预选",
      "池",
      "供应商池",
      "机构池",
      "服务商池",
      "合格供应商",
      "资格库",
      "白名单",
    ],
    en: [
      "list",
      "lists",
      "pool",
      "roster",
      "panel",
      "register",
      "directory",
      "database",
      "shortlist",
      "framework",
      "catalogue",
      "catalog",
      "reserve",
      "short-list",
      "whitelist",
      "registry",
      "repository",
      "inventory",
      "enrol(?:l)?ed",
      "enrol(?:l)?ment",
    ],
  },
  {
    category: "designation",
    weight: 3,
    needsAuthority: true,
    zh: [
      "推荐",
      "指定",
      "认可",
      "认定",
      // …not a work product filed (中选机构应在本市住建部门规定的时限内完成成果备案, round 128)
      "(?<!(?:成果|报告|报告书|合同|方案|预案|资料|文件|数据|结果|图纸)的?)备案",
      "公示",
      "公布",
      "发布",
      "下发",
      "审定",
      "批准",
      "核准",
      "评定",
      "选定",
      "牵头",
      "确定的",
      "确定后",
      "指派",
      "同意的",
      "许可的",
      "认证",
      "审核通过",
      "考核合格",
      "评估合格",
      "合作",
      "签约",
      "下属",
      "所属",
      "直属",
      "隶属",
      "主管的",
    ],
    en: [
      "recommended",
      "endorsed",
      "certified",
      "approved",
      "designated",
      "nominated",
      "accredited",
      // (round 141) not "the appointed firm", "the selected consultant": the winner of this request
      "(?<!\\bthe\\s)appointed",
      "(?<!\\bthe\\s)selected",
      "listed",
      "filed",
      "vetted",
      "authori[sz]ed",
      "sanctioned",
      "chosen",
      "affiliated",
      "owned",
      "supervised",
      "partnered",
      "endorsement",
      "recommendation",
      "nomination",
      "accreditation",
    ],
  },
  {
    category: "preference",
    weight: 3,
    zh: [
      `优先(?!${WORK_FIRST})`,
      "加分",
      "加\\d+分",
      "额外",
      "奖励",
      "倾斜",
      "上浮",
      "下浮",
      "扣除",
      "折扣",
      "系数",
      "同等条件",
      "同等报价",
      "同分",
      "并列",
      "中选(?!机构|单位|人|供应商|服务商|通知|后|结果|公告|的)",
      "享有",
      "享受",
      "满分",
      "优惠",
      "照顾",
      "让利",
      "打折",
      "乘以",
      "另加",
      "另计",
      "按\\d+(?:\\.\\d+)?%",
      "[得计记]\\d+(?:\\.\\d+)?分",
      "\\d+(?:\\.\\d+)?折",
    ],
    en: [
      "preference",
      "preferred",
      "priority",
      "bonus",
      "extra points?",
      "additional points?",
      "points",
      "weighting",
      "discount",
      "uplift",
      "tied",
      "tie-?break",
      "favou?red",
      "favou?r",
      "favou?rably",
      "precedence",
      "preferential",
      "multiplied",
      "multiplier",
      "factor",
      "coefficient",
      "deduct(?:ed|ion)?",
      "mark-?up",
      "preferably",
      "credit",
    ],
  },
  {
    category: "local-ties",
    weight: 3,
    zh: [
      "社保",
      "社会保险",
      "养老保险",
      "医保",
      "公积金",
      "纳税",
      "完税",
      "缴税",
      "税务",
      "税收",
      "个税",
      "增值税",
      "所得税",
      "税款",
      "税额",
      "户籍",
      "户口",
      "居住证",
      "常住",
      "本地人",
      "员工",
      "职工",
      "业绩",
      "经验",
      "经历",
      "案例",
      "同类项目",
      "类似项目",
      "完成的",
      "完成过",
      "承接过",
      "承担过",
      "服务过",
      "实施过",
      "备案记录",
      "用工",
      "雇佣",
      "雇用",
      "聘用",
      "招用",
      "招聘",
    ],
    en: [
      "tax(?:es)?",
      "taxpayer",
      "social (?:insurance|security)",
      "payroll",
      "pension",
      "hukou",
      "household registration",
      "residents?",
      "residency",
      "residence",
      "employees",
      "personnel",
      "workforce",
      "projects?",
      "assignments?",
      "experience",
      "track record",
      "commissions?",
      "engagements?",
      "references?",
      "clients?",
      "portfolio",
      "contracts? (?:completed|delivered)",
      "employ",
      "employs",
      "hire",
      "hired",
      "hires",
      "recruit(?:ed)?",
    ],
  },
  {
    category: "presence",
    weight: 2,
    zh: [
      "分支机构",
      "分公司",
      "子公司",
      // not 南坪街道办事处, 镇办事处: a government office
      "(?<!街道|镇|乡)办事处",
      "联络处",
      "代表处",
      "联络点",
      "网点",
      "站点",
      "服务站",
      "服务点",
      "服务中心",
      "办公",
      "场所",
      "场地",
      "用房",
      "常驻",
      "驻守",
      "驻点",
      "驻场",
      "派驻",
      "入驻",
      "项目部",
      "实体",
      "常设",
      "设点",
      "到场",
      "配备",
      "设有",
      "设立",
      "开设",
      "落地",
      "服务团队",
      "服务能力",
      "售后",
      "技术支持",
      "联合体",
      "合作伙伴",
      "联营",
    ],
    en: [
      "office",
      "offices",
      "branch(?:es)?",
      "presence",
      "premises",
      "establishment",
      "footprint",
      "(?:business|office|operating|physical) address",
      "physical address",
      "outlet",
      "(?:service|help|customer)[\\s-]?desks?",
      "service points?",
      "storefront",
      "shopfront",
      "walk-in",
      "subsidiar(?:y|ies)",
      "representative",
      "stationed",
      "resident",
      "on-site team",
      "service cent(?:re|er)",
      "facility",
      "base",
      "partner",
      "joint venture",
      "consortium",
      "after-sales",
    ],
  },
  {
    category: "registration",
    weight: 2,
    zh: ["注册", "登记", "工商", "营业执照", "执照", "属地", "籍", "成立的", "设立的", "市场监管", "法人", "总部", "住所", "经营"],
    en: [
      "registered address",
      "legal address",
      "registered office",
      "domicile",
      "chartered",
      "registered",
      "registration",
      "incorporated",
      "domiciled",
      "based",
      "headquartered",
      "headquarters",
      "head office",
      "licen[cs]ed",
      "licen[cs]e",
      "established",
    ],
  },
  { category: "local-ties", weight: 1, zh: ["人员", "团队", "成员"], en: ["staff", "team"] },
];

/**
 * Consent to take part: an authority's consent, approval, recommendation or letter as a condition of
 * registering or bidding (须经区住建委同意后方可报名、经主管部门推荐、取得街道出具的准入意见、prior written
 * consent from the district commission before registering). Needs an authority, a consent word after it
 * (before it in English: "consent from the bureau") and a word of taking part in the sentence, so
 * "成果须经区规划资源局审批后生效" (the deliverable's approval) stays ordinary.
 */
export const CONSENT = {
  zh: [
    "同意",
    "批准",
    "准许",
    "准予",
    "许可",
    "核准",
    "审定",
    "审批",
    "审核",
    "推荐",
    "认可",
    "准入",
    "介绍信",
    "无异议",
    "函",
    "推介",
    "报批",
    "获准",
    "证明",
    "推荐函",
    "证明函",
    "同意函",
    "意见",
    "盖章",
    "签字",
    "把关",
  ],
  en: [
    "consent",
    "approval",
    "permission",
    "authori[sz]ation",
    "endorsement",
    "recommendation",
    "nomination",
    "letter of (?:support|recommendation|introduction|no objection)",
    "no-objection",
    "sign-off",
    "clearance",
    "approved",
    "nominated",
    "recommended",
    "endorsed",
    "cleared",
  ],
  /** Obtaining the consent, for a clause about the bidder with no word of taking part (报告编制单位应取得区应急管理局书面同意). */
  obtain: "取得|征得|获得|须经|需经|应经|经过",
  /** The consent words that then count (not 审批/审核/意见, which are usually the deliverable's). */
  bidderConsent: ["同意", "推荐", "认可", "准入", "许可", "介绍信", "推荐函", "同意函", "证明函"],
  /** Taking part: the consent is a condition of it. */
  taking: {
    zh: "报名|参与|参加|投标|报价|比选|竞价|响应|承接|承揽|入围|申报|参选|准入|接受委托|资格",
    en: "register|registering|registration|bid|bids|bidding|apply|applying|application|tender|tendering|participat\\w*|respond|responding|submit(?:ting)?\\s+(?:a\\s+)?(?:bid|quote|proposal|tender)|quote|quoting|engaged|eligible|eligibility",
  },
};

/**
 * The doubtful net (decision 031, amendment of the "fair" helper, round 2). When no category above named
 * the clause, a sentence that
 *   (a) addresses the bidder or sets a condition of taking part, award or score (`ADDRESSEE`),
 *   (b) carries a requirement, limit, preference or adjustment (`FRAME`, and `NET_FRAME`),
 * and a clause of it that
 *   (c) holds a place about the bidder (the anchors above, with the project's places excluded), an
 *       authority acting on the bidder (`NET_AUTHORITY`, not one that receives, approves or guides the
 *       work) or an order of arrival (`NET_ORDER`),
 * is held for review, whatever the attribute's wording. Its findings are `review` only (rules
 * `structure-net-*`): an ordinary text caught here costs a look in the review queue, not a refusal.
 */
export const ADDRESSEE: Words = {
  zh: [
    "报名",
    "参与",
    "参加",
    "响应",
    "投标",
    "报价",
    "竞价",
    "资格",
    "入围",
    "中选",
    "中标",
    "成交",
    "承接",
    "承担",
    "遴选",
    "比选",
    "评分",
    "评审",
    "得分",
    "加分",
    "计分",
    "分值",
    "选定",
    "选取",
    "确定",
    "委托",
    "选择",
    "事务所",
    "团队",
    "人员",
    "负责人",
  ],
  en: [
    "bids?",
    "bidding",
    "tenders?",
    "tendering",
    "quotes?",
    "quotations?",
    "proposals?",
    "eligib\\w*",
    "shortlist\\w*",
    "scor(?:e|es|ed|ing)",
    "points",
    "award(?:ed)?",
    "register(?:ed)?",
    "registration",
    "particip\\w*",
    "appoint\\w*",
    "select(?:ed|ion)?",
    "engaged?",
    "invited",
    "respond\\w*",
    "apply",
    "applications?",
    "team",
    "staff",
    "personnel",
    "lead",
    "expressions? of interest",
    "eois?",
    "submissions?",
    "entries",
    "registrations?",
    "responses?",
  ],
};

/** Frames the net adds to `FRAME` (a condition worded as a lack or a status): 不具备报名资格、are not eligible. */
export const NET_FRAME: Words = {
  zh: [
    "不具备",
    "不具有",
    "不符合",
    "不纳入",
    "不列入",
    "不予考虑",
    "不予认可",
    "不认可",
    "不予采纳",
    "不接纳",
    "原则上",
    "限于",
    "属于",
    "为宜",
    "优势",
    "不通过",
    "承接对象",
    "范围为",
    "不合格",
    "酌情",
    "倾向于",
    // an authority as the agent: 由区建管委商定、由镇政府确定
    "由(?=[\\uE000\\uE001]|[区市县镇省乡]|街道|上级|主管)",
  ],
  en: [
    "not eligible",
    "will not be evaluated",
    "not be evaluated",
    "(?:will|shall) be (?:considered|processed|handled|reviewed|accepted|taken|admitted)",
    "confined",
    "obliged",
    "reserved",
    "obligated",
    "needs?",
    "ahead of",
    "equal scores?",
    "tie(?:s|d)?",
    "barred",
    "counts?",
    "recogni[sz]ed",
    "accepted",
    "whoever",
    "whichever",
    "prerequisite",
    "a condition of",
    // an authority as the agent: the one put forward by the district construction committee
    "by the (?:[\\w'-]+ ){0,3}(?:bureau|department|commission|committee|authority|government|administration|council)",
    "preference",
    "priority",
    "priorit\\w+",
    "favou?r\\w*",
    "advantage",
    "bonus",
    "extra",
  ],
};

/** A favour the net reads as a preference (beside the preference attribute words): 获得优势、酌情、bonus. */
export const NET_FAVOUR = new RegExp(
  `优先(?!${WORK_FIRST})|加分|优势|酌情|倾向|倾斜|prefer|priorit|favou?r|advantage|bonus|extra|ahead of|equal scores?|\\btie`,
  "u",
);

/**
 * An authority in a net clause is about the bidder unless it receives, approves, guides or hosts the work:
 * these words right before it (报区住建委、配合区应急局、in accordance with the district bureau) or right
 * after it (区规划资源局审批、区住建委组织的验收) leave it alone. English authorities need a level or place
 * before them (the district housing bureau), so that "the project office" is none.
 */
export const NET_AUTHORITY = {
  zhBefore:
    "(?:联系人[:：]|报|向|送|交|至|到|赴|往|经过|配合|协助|协调|会同|接受|按|按照|根据|依据|符合|满足|遵守|执行|参照|在|于|由于|对|与|和|及|同|联系|汇报|服从|听从|提请|取得|转入|汇入|缴入|存入|地点为|地址为|地点是|地点[:：]|地址[:：]|(?:地点|地址)(?:为|是|[:：])某{1,2}|(?<=[\\u4e00-\\u9fa5])(?:局|厅|委))$",
  zhAfter:
    "^(?:的)?(?:将(?:根据|按照|依据|依照|对|组织|会同|适时|定期)|(?:统一)?提供(?![^，,。；;]{0,8}?(?:名单|名录|推荐|机构|单位|企业|库|版本))|(?:发布|公布)的?[^，,。；;]{0,10}?(?:资料|数据|记录|统计|参数)|近\\d+年|规划(?:审查|审批|许可)|投资项目|产权管理|信息系统|[\\u4e00-\\u9fa5]{0,10}?(?:管理平台|监控平台|信息平台|数据平台|信息系统|数据库)|(?:在[\\u4e00-\\u9fa5]{0,8}?)?予以公告|第?[一二三四五六七八九十\\d]*(?:开标室|评标室|开标厅|会议室)|理(?:厂|站)|指定(?:的)?(?:账户|帐户|银行账户)|[（(]院内[)）]|委托(?:开展|进行|实施|编制|组织)|(?:拟)?委托(?:第三方|专业|有资质|具备|具有|一家|中介|社会)|(?:按(?:进度|合同|节点|约定)[^，,。；;]{0,4}?)?(?:直接)?(?:支付|拨付|付款|结算|划拨)|(?:事处)?(?:集体|会议)?研究(?:确定|决定)?(?:$|[，,](?:本项目|本次)?(?:采用|委托[^，,。；;]{0,10}?(?:局|委|办)(?![^，,。；;]{0,4}推荐)))|协调|协助|陪同|集合|门口|院内|安排下|出具(?![^，,。；;]{0,6}推荐)|审批|(?:技术)?审查|(?:技术)?评审|审定|审核(?!入围|通过的|合格的)|批复|批准(?!的)|验收|备案(?!入库|在册|名单|的)|指导|监督|监管|检查|核定|核准的(?:收费|标准|预算)|核准后|要求|规定|标准|文件|意见(?!函)|组织|召开|开展|牵头|办公|会议|窗口|大厅|负责|发布的(?:[\\u4e00-\\u9fa5\\d]{0,10}?(?:资料|数据|公式|记录|成果)|标准|规范|文件|规定|办法|指南|导则)|印发|制定|颁布|出具的(?:批复|意见|审查)|现场|辖区|所在地|所属|下属|直属|管辖的|主管的|(?:确定|选定|公布|提供|列出|认定)的[0-9一二三四五六七八九十百千两]+(?:个|项|批|件|所|户|条|处|座))",
  en: "\\b(?:district|municipal|city|county|township|town|village|provincial|local|street|sub-?district)(?:\\s+[\\w'-]+){0,3}?\\s+(?:bureau|department|commission|committee|authority|authorities|government|administration|council|office)\\b|\\bthe\\s+(?:(?!the\\b)[\\w'-]+\\s+){0,3}?(?:bureau|commission|authority|government|administration)\\b",
  enBefore:
    "\\b(?:to|with|by any|from any|(?:data|records|statistics|information|maps|figures|parameters|readings)\\s+(?:[\\w'-]+\\s+){0,3}?from|raised by|at|in accordance with|published by|provided by|released by|compiled by|approved by|reviewed by|checked by|accepted by|submitted to|filed with|reporting to|report to|supervision of|guidance of|direction of)\\s+(?:the\\s+)?(?:(?!the\\b|consultan|firm|agenc|compan|bidder|supplier|tenderer|provider|lab|institut|practice|surveyor|valuer|auditor|contractor|vendor|organi)[\\w'-]+\\s+){0,2}$",
};

/** An order of arrival is a quota only when the sentence takes or stops taking agencies by it (not 按报名顺序领取编号). */
export const NET_ORDER_TAKING =
  /确定|受理|接受|接纳|入围|参与|进入|邀请|额满|报满|截止|为止|名额|承接|选定|选取|审核|先得|(?<![领读获提])取|\b(?:admit|invite|accept|consider|until|clos|first|limited|select|award|taken|served|declin|reject|refus|turned)/u;

/**
 * A list the bidder must already be on (入库、名录、短名单 the enterprise did not create): membership of a
 * list — 列入/纳入/进入…名录, 名单中/库内, on/in/from the … list — in a net clause. A list the bidder
 * makes or keeps (提供人员名单、update the asset register) has no membership word before it.
 */
export const NET_POOL = {
  zh: "(?:仅限|只限|限于)[^。；;，,]{0,24}?已(?:经)?入驻|(?:列入|纳入|进入|入选|录入|入围|已入|未入|属于|在)[\\u4e00-\\u9fa5“”]{0,12}?(?:名录|名单|名册|目录|资源库|备选库|库)|(?:名录|名单|名册|目录|备选库|资源库)(?:中|内|里|之中|之内|范围)",
  en: "\\b(?:on|in|from|onto|off|outside|not on)\\s+(?:the\\s+|a\\s+|an\\s+|our\\s+|its\\s+)?(?:[\\w-]+['’]s\\s+)?(?:[\\w'’-]+\\s+){0,3}?(?:list|roster|panel|register|directory|pool|database|shortlist|framework)\\b",
};

/** Papers, samples or results put in store (入库归档、底稿…入库、岩芯入库保存): no list of bidders. */
const STORED_ZH =
  /入库(?:归档|保存|存放|保管|备查)|(?:底稿|岩芯|岩心|芯样|样品|样本|档案|图件|成果|资料|数据)[^，,。；;]{0,16}?入库(?!单位|机构|企业|的(?:单位|机构|企业))/u;

/** An order of arrival (先到先得、按报名先后、the first N to …): a quota in the net. */
export const NET_ORDER: Words = {
  zh: [
    "先到先得",
    "先报先得",
    "先报名",
    "先提交",
    "先到",
    "率先",
    "先来后到",
    "报名先后",
    "先后顺序",
    "报名顺序",
    "提交顺序",
    "到达顺序",
    "最先",
    "最早",
    // (截止前5个工作日 is a time)
    "前(?:\\d+|[一二两三四五六七八九十]+)(?:家|名|位|个(?!工作日|日|自然日|月|小时|星期|周|季度|年度?))",
    "额满",
    "报满",
    "满额",
    "名额",
  ],
  en: [
    "first[\\s-]come",
    "first\\s+(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten)",
    "earliest",
    "order of (?:receipt|arrival|registration|submission)",
    "until (?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:have|has|are|is|were)",
    "after the (?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d+(?:st|nd|rd|th))",
    "in the order",
    "slots?",
    "places are",
  ],
};

/** Quotas: a number of agencies with a cap, no minimum, and no ranking by merit. */
export const QUOTA = {
  zh: {
    count:
      "(?:\\d+|[一二两三四五六七八九十]+)(?:家|名(?!(?:技术|工作|专业|管理)?人员|工程师|专家|员工|代表)|个名额|个单位|个机构)|前(?:\\d+|[一二两三四五六七八九十]+)位|第(?:\\d+|[一二两三四五六七八九十]+)(?:家|名|位)(?!工作日|天|日)",
    /** The clause or its sentence must be about taking part (not 最多两位小数). */
    taking: "报名|参与|参加|竞价|报价|比选|入围|邀请|接受|受理|单位|机构|企业|供应商|投标人|服务商",
    cap: [
      "限",
      "仅",
      "只",
      "以内",
      "之内",
      "以下",
      "最多",
      "不超过",
      "上限",
      "额度",
      "名额",
      "前",
      "控制在",
      "超过",
      "报满",
      "额满",
      "满即",
      "先到先得",
      "报名顺序",
      "报名先后",
      "先后顺序",
      "即停止",
      "即截止",
      "后截止",
      "后停止",
      "不再受理",
      "不再接受",
      "不予受理",
      "及以后",
      "以后",
      "之后",
      "不再",
      "达到",
      "停止",
      "截止",
      "关闭",
      "为限",
      "封顶",
      "即止",
      "为止",
      "满(?=\\d|[一二两三四五六七八九十])",
    ],
    // 每个报名单位最多可推荐两名: a limit per agency, not on the number of agencies
    minimum: [
      "不少于",
      "至少",
      "不足",
      "不低于",
      "以上",
      "少于",
      "每个",
      "每家",
      "每一",
      "未达到",
      "达不到",
      // (round 144) a minimum before the draw goes ahead (报名单位满3家即开展选取), not a cap — unless it closes registration
      "(?:满|达到)[0-9一二三四五六七八九十两]+家(?:及以上|以上)?(?:的)?(?:即|后|方|才|时)*(?:可|能)?(?:开展|进行|组织|启动|开始|实施)(?:随机)?(?:选取|抽取|评审|比选|开标|竞价|评选)(?![^。；;\\n]{0,20}?(?:截止|停止|不再|关闭|终止|额满))",
    ],
    merit: ["得分", "评分", "排名", "候选", "报价最低", "价格最低", "综合评", "成交", "中标", "中选"],
  },
  en: {
    count:
      "(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\\s+(?:[\\w-]+\\s+)?(?:agencies|firms|bidders|applicants|companies|suppliers|consultants|consultancies|providers|vendors|tenderers|organi[sz]ations|practices|laborator(?:y|ies)|respondents|registrants|participants|entries|registrations|applications|submissions|proposals|quotes|quotations|tenders|bids|expressions\\s+of\\s+interest|eois|responses|sign-?ups)|\\b(?:the\\s+)?(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d+(?:st|nd|rd|th))\\s+(?:agency|firm|bidder|applicant|company|supplier|consultant|consultancy|provider|vendor|tenderer|registrant|participant|entry|registration|application|submission|proposal|quote|response)\\b|\\b(?:first|earliest)\\s+(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\\b(?=[^.;]*\\b(?:received|registered|entries|registrations|applications|applicants|sign|submitted|responses|respond))",
    cap: [
      "no more than",
      "not more than",
      "at most",
      "up to",
      "maximum",
      "capped",
      "cap of",
      "limited to",
      "only",
      "first",
      "once",
      "as soon as",
      "after",
      "when",
      "close",
      "closes",
      "closed",
      "no further",
      "until",
    ],
    /** Quotas that need no number. */
    anyNumber: [
      "first[\\s-]come",
      "limited (?:places|slots|spots|seats|number of (?:places|slots|spots))",
      "while (?:places|slots|spots) last",
      "until (?:all )?(?:the )?(?:places|slots|spots) are (?:filled|taken)",
      "places are limited",
      "slots are limited",
    ],
    minimum: ["at least", "minimum of", "fewer than", "less than", "or more"],
    // (round 130) "Up to three firms may be shortlisted … based on their evaluation scores", "… on technical merit"
    // (round 133) "… will be shortlisted for interview following the written evaluation"
    merit: [
      "highest",
      "lowest",
      "ranked",
      "score",
      "scores",
      "scoring",
      "shortlisted on merit",
      "merits?",
      "(?:following|after) (?:the )?(?:[\\w-]+ )?evaluation",
    ],
  },
};

const EXPLAIN: Record<Category, { zh: string; en: string; article: ArticleId }> = {
  registration: {
    zh: "条件中把地名与对机构注册地或身份的要求放在一起，可能以注册地限制机构，需审查。",
    en: "A place is tied to where the agency is registered or whose it is; may restrict agencies by region, to be reviewed.",
    article: "FCR-9-3",
  },
  presence: {
    zh: "条件中把地名与办公场所、分支机构或驻点人员放在一起，可能要求在本地设立，需审查。",
    en: "A place is tied to an office, branch or resident staff; may require a local presence, to be reviewed.",
    article: "FCR-9-2",
  },
  designation: {
    zh: "要求机构经某部门推荐、认可、备案或公示，可能构成变相指定，需审查。",
    en: "Requires an agency recommended, endorsed, filed or listed by an authority; may be designation in disguise, to be reviewed.",
    article: "PLAN-79-DESIGNATION",
  },
  pool: {
    zh: "要求机构在某部门的库、名录、名单或入围范围内，可能排斥其他机构，需审查。",
    en: "Requires an agency on an authority's pool, list or register; may exclude other agencies, to be reviewed.",
    article: "PLAN-79-DESIGNATION",
  },
  "local-ties": {
    zh: "条件中把地名与纳税、社保、人员或业绩放在一起，可能对外地机构设置歧视性要求，需审查。",
    en: "A place is tied to tax, social insurance, staff or track record; may discriminate against non-local agencies, to be reviewed.",
    article: "FCR-9-5",
  },
  preference: {
    zh: "评审或成交中对某地机构优先、加分或调整报价，需审查。",
    en: "Agencies of a place are preferred, given points or a price adjustment; to be reviewed.",
    article: "FCR-9-3",
  },
  quota: {
    zh: "限定了参与机构的数量或按报名先后取舍，可能构成限额管理，需审查。",
    en: "Caps the number of agencies or takes them in order of registration; may be quota management, to be reviewed.",
    article: "PLAN-79-QUOTA",
  },
};

/**
 * The detector's findings as rules (one per category), so a finding has an id, an explanation and an
 * article like any rule; their examples are run by structure.test.ts. `pattern` is unused.
 */
export const STRUCTURE_RULES: (Rule & { severity: Severity })[] = (
  [
    [
      "registration",
      [
        "外埠企业不在本次邀请范围之内。",
        "Out-of-town agencies will not be considered.",
        "仅限鹭岛本土的测绘企业报名。",
        "遴选范围：甬、杭两地企业。",
      ],
      ["中介机构应具有独立法人资格，注册地不限。", "The enterprise is based in Pudong and seeks a consultant."],
    ],
    [
      "presence",
      ["服务机构须在项目所在区域设立联络处。", "Suppliers without an establishment in the city will be disqualified."],
      ["中介机构须自行前往普陀区现场勘查。", "Agencies must visit the site in Putuo."],
    ],
    [
      "designation",
      [
        "检测工作请委托区质监站推荐的实验室开展。",
        "Only laboratories certified by the market supervision bureau may submit quotes.",
        "报名前须征得街道办事处书面同意。",
        "Registration requires prior approval from the county housing bureau.",
      ],
      [
        "成果报送区规划资源局备案。",
        "The report must be approved by the district bureau.",
        "成果须经区规划资源局审批后生效。",
        "报价须按区物价局核准的收费标准计算。",
        "中选机构须于合同签订后7日内将人员名单报区住建委备案。",
      ],
    ],
    [
      "pool",
      ["从区发改委建立的咨询机构备选名册中随机确定。", "The agency will be drawn at random from the bureau's reserve list."],
      [
        "平台机构目录内的机构均可参与。",
        "All agencies in the platform's directory may respond.",
        // (round 139) the platform's blacklist; signing up on the platform named by its place
        "被列入超市黑名单的中介机构不得报名。",
        "Applicants need to be enrolled on the Jiangxi Province Online Intermediary Service Supermarket to submit a quotation.",
      ],
    ],
    [
      "local-ties",
      ["项目组成员的社保须由投标人在本区连续缴纳满一年。", "At least half of the project team must be on a Shanghai payroll."],
      [
        "中介机构须提供近三年同类项目业绩，地域不限。",
        "Experience with similar projects anywhere is required.",
        "外地机构报名数量不设上限，欢迎各地机构参与。",
        // (round 140) a meeting on the work held by the district
        "设计人员须参加区里组织的方案汇报会。",
      ],
    ],
    [
      "preference",
      [
        "对上海市以外的投标人报价上浮5%后参与比较。",
        "Where scores are tied, the Shanghai-based agency will be chosen.",
        "在本地设有服务网点的，商务分计3分。",
        "Quotes from firms with an office in Hangzhou will be multiplied by 0.95.",
      ],
      ["报告须经上海市规划和自然资源局认可的专家评审。", "Priority is on quality and delivery time."],
    ],
    [
      "quota",
      [
        "竞价单位控制在三家以内。",
        "Registration will close as soon as four agencies have signed up.",
        "报名单位达到5家后停止接收。",
        "Entries will be capped at the first three received.",
      ],
      [
        "报名单位不少于3家时方可开标。",
        "At least three quotes are required for the award to be valid.",
        "每家机构最多可投一个标段。",
        // (round 140) staff counted, not agencies
        "外地单位最多可派3名人员参加现场踏勘。",
      ],
    ],
  ] as const
).map(([category, matches, allows]) => ({
  id: `structure-${category}`,
  category,
  severity: "review" as const,
  article: EXPLAIN[category].article,
  pattern: "",
  explain: { zh: EXPLAIN[category].zh, en: EXPLAIN[category].en },
  matches: [...matches],
  allows: [...allows],
}));

/**
 * The doubtful net's findings as rules (see `ADDRESSEE` and `netFinding`): `review` only, each with its
 * category, article, explanation and examples (run by structure.test.ts; `matches` must give this rule's
 * id when no category rule or pattern rule named the clause first).
 */
export const NET_RULES: (Rule & { severity: Severity })[] = [
  {
    id: "structure-net-place",
    category: "registration",
    severity: "review",
    article: "FCR-9-3",
    pattern: "",
    explain: {
      zh: "对投标人的要求或参与条件中出现了某个地名或“本地/区内”等词（不是项目所在地或标准），可能以地域限制机构，需审查。",
      en: "A condition on the bidder, or on taking part, names a place or “local/in-district” (not the project's site or a standard); may restrict agencies by region, to be reviewed.",
    },
    matches: ["投标人须具备为本区重点企业提供服务的能力证明。", "The consultant is required to be well connected in Minhang."],
    allows: [
      "中选机构须派员驻场服务，驻场地点为闵行区七宝镇项目部。",
      "投标人须于截止日前到浦东新区政务服务中心领取资料。",
      "The site is located in Baoshan District; bidders must attend the site visit.",
      // (round 140) a place's rules named by a long title after a standard
      "评价报告须符合《安全评价通则》AQ8001及本市危险化学品企业安全评价细则。",
      // (round 141) fieldwork across the place; the winner called "the appointed firm"
      "中标机构应在我区范围内开展入户调查，调查员须持证上岗。",
      "Fieldwork: household interviews will be carried out across the district by the appointed firm.",
      // (round 144) the objects of the work, listed by the place
      "服务对象名单（见附件1：闵行区2026年度重点监管对象名录）仅用于确定工作范围。",
      "The winner shall station staff on site and cooperate with Tianping Road Sub-district Office, Xuhui District on inspections.",
    ],
  },
  {
    id: "structure-net-favour",
    category: "preference",
    severity: "review",
    article: "FCR-9-3",
    pattern: "",
    explain: {
      zh: "评审、打分或报价中对与某地有关的机构给予优先、加分或折扣，需审查。",
      en: "Agencies tied to a place are preferred, given points or a discount in evaluation or price; to be reviewed.",
    },
    matches: [
      "与宝山有长期合作关系的服务商在评分时获得优势。",
      "Firms with long-standing ties to Songjiang will be given an advantage in scoring.",
    ],
    allows: [
      "同等条件下，报价低者优先。",
      "Priority will be given to the proposal with the shortest delivery time.",
      // (round 144) the place's public credit platform, open to every firm
      "信用评价（5分）：以上海市公共信用信息服务平台查询结果为准，无不良记录得5分。",
    ],
  },
  {
    id: "structure-net-authority",
    category: "designation",
    severity: "review",
    article: "PLAN-79-DESIGNATION",
    pattern: "",
    explain: {
      zh: "对投标人的要求或参与条件中出现了某个政府部门（不是报送、审批或指导工作的部门），可能构成变相指定，需审查。",
      en: "A condition on the bidder, or on taking part, names a government department (not one that receives, approves or guides the work); may be designation in disguise, to be reviewed.",
    },
    matches: ["参与单位须获区商务委书面支持。", "Consultants must hold a letter of good standing from the district housing bureau."],
    allows: [
      "报告须报区生态环境局审批。",
      "中选单位须配合区住建委开展竣工验收。",
      "The consultant must deliver the survey report to the district planning bureau.",
      // (round 139) the platform the request is posted on, named by its place
      "Agencies must upload their business licence and qualification certificates when signing up on the Hunan Online Intermediary Service Supermarket.",
      // (round 144) 并处于正常状态 (处 is no department), the finance bureau paying, the requester commissioning, whom to call
      "须已在上海市网上中介超市注册入驻并处于正常状态。",
      "本项目资金来源为区级财政资金，服务费由区财政局按进度直接支付至中选单位账户。",
      "按照区房管局的工作要求，街道委托第三方对辖区物业服务企业开展季度测评。",
      "联系人：徐汇区枫林路街道办事处项目办 王老师，电话021-62763363。",
      "成果报区建设和交通委、区公安分局交警支队审核。",
    ],
  },
  {
    id: "structure-net-pool",
    category: "pool",
    severity: "review",
    article: "PLAN-79-DESIGNATION",
    pattern: "",
    explain: {
      zh: "对投标人的要求或参与条件是已在某个名录、名单或库中（不是本次报名形成的），可能排斥其他机构，需审查。",
      en: "A condition on the bidder, or on taking part, is being on a list, roster or pool it did not create by answering this request; may exclude other agencies, to be reviewed.",
    },
    // (round 129) "the approved suppliers list" is now refused by pool-en; an accredited list is still only held here
    matches: ["未列入中介服务名录的机构，不得报名。", "Firms not on the accredited suppliers list will not be considered."],
    allows: ["供应商须提供服务团队名单及分工。", "The successful firm will prepare a shortlist of design options."],
  },
  {
    id: "structure-net-order",
    category: "quota",
    severity: "review",
    article: "PLAN-79-QUOTA",
    pattern: "",
    explain: {
      zh: "按报名或提交的先后取舍机构，可能构成限额管理，需审查。",
      en: "Agencies are taken in order of registration or submission; may be quota management, to be reviewed.",
    },
    matches: [
      "报名资料按提交顺序审核，资料齐全即确定为承接单位。",
      "Quotes will be considered in the order of receipt until the budget is used.",
    ],
    allows: ["报名截止时间为5月10日17:00，逾期不予受理。", "Proposals received after the deadline will not be considered."],
  },
];

/**
 * A sentence that only describes the requester (采购人：…（注册地：普陀区）; the enterprise is based in
 * Pudong) and sets no requirement: no finding in it, from the rules or the detector.
 */
/** The bidder's side named in a contract clause or notice (乙方承诺…; the consultant shall…). */
const BIDDER_PARTY = /乙方|中标人|中选机构|中选单位|成交人|成交单位|成交机构|投标人|报价人|服务机构|中介机构/u;

/** A speaker's label at the start of a chat message or minutes (业主：、甲方小张：、Buyer (Ms. Li):) — no subject of the sentence. */
const SPEAKER = /^\s*(?:[\u4e00-\u9fa5]{1,8}|[a-z][\w .()-]{0,24}?)\s*[:：]\s*/u;

const ORGANISATION_FIRST =
  /^[^，,。；;]{0,30}?(?:有限公司|有限责任公司|公司|集团|研究院|设计院|事务所|医院|学校|大学|(?:co|ltd|inc|llc|group|company|corporation)\b)/u;

export function describesRequester(sentence: string): boolean {
  const k = c();
  // …but "采购人：某某置业有限公司" is a field naming the requester, not a speaker
  const stripped = sentence.replace(SPEAKER, "");
  const said = ORGANISATION_FIRST.test(stripped) ? sentence : stripped;
  return k.requester.test(said) && !k.frame.test(said) && !BIDDER_PARTY.test(said);
}

/** A clause that opens competition (不限、同样可以报名、anywhere): a pattern rule's finding in it is dropped too. */
export function opensCompetition(clause: string): boolean {
  return c().openness.test(clause);
}

/**
 * An amendment's turn (补遗：原“…均可报名”调整为“须为…名录内的机构”): what stands before it is the text being
 * replaced, what follows the text in force, so neither lends its words (均可报名) to the other.
 */
const REPLACED_BY =
  /调整为|修改为|变更为|更改为|更正为|修正为|替换为|改为|\b(?:amended|changed|revised) to(?: read)?\b|\breplaced (?:by|with)\b/gu;

/** [from, to) narrowed to the side of an amendment's turn that holds [start, end). */
function sideOfAmendment(text: string, from: number, to: number, start: number, end: number): [number, number] {
  for (const m of text.slice(from, to).matchAll(REPLACED_BY)) {
    const at = from + m.index;
    if (at + m[0].length <= start) from = at + m[0].length;
    else if (at >= end) return [from, at];
  }
  return [from, to];
}

/** "approx. RMB 600m", "e.g. a branch", "No. 3", "Co. Ltd.": a full stop that ends a word, not the sentence. */
const ABBREVIATION =
  /(?:^|[^\w.])(?:approx|e\.g|i\.e|etc|nos?|co|ltd|inc|corp|st|mr|mrs|ms|dr|vs|arts?|para|paras|incl|fig|ref|dept|govt|est|jr|sr|u\.s|p\.r\.c|cf|al|min|max|sq|av|ave|rd|bldg)$/iu;

/** An English full stop at `i` (a "." before a space or the end, after no abbreviation): never a decimal point. */
function fullStopAt(text: string, i: number): boolean {
  return text[i] === "." && /^(?:\s|$)/u.test(text[i + 1] ?? "") && !ABBREVIATION.test(text.slice(Math.max(0, i - 8), i));
}

/** The clause of `text` around [start, end) (between ，。；: … and an English full stop). */
export function clauseAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !/[，,。；;:：!?！？\n]/u.test(text[from - 1]!) && !fullStopAt(text, from - 1)) from--;
  let to = end;
  while (to < text.length && !/[，,。；;:：!?！？\n]/u.test(text[to]!) && !fullStopAt(text, to)) to++;
  return text.slice(...sideOfAmendment(text, from, to, start, end));
}

/** The sentence of `text` around [start, end). */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !/[。；;!?！？\n]/u.test(text[from - 1]!) && !fullStopAt(text, from - 1)) from--;
  let to = end;
  while (to < text.length && !/[。；;!?！？\n]/u.test(text[to]!) && !fullStopAt(text, to)) to++;
  return text.slice(...sideOfAmendment(text, from, to, start, end));
}

/**
 * The replacing text when [start, end) is in the text an amendment replaces (原“本地企业优先”调整为“不限注册地”):
 * [from, to) of what stands in its place, else undefined. Words withdrawn are never refused.
 */
export function replacementOf(text: string, start: number, end: number): [number, number] | undefined {
  let to = end;
  while (to < text.length && !/[。；;!?！？\n]/u.test(text[to]!)) to++;
  REPLACED_BY.lastIndex = 0;
  const turn = REPLACED_BY.exec(text.slice(end, to));
  if (!turn) return undefined;
  let from = start;
  while (from > 0 && !/[。；;!?！？\n]/u.test(text[from - 1]!)) from--;
  // 原“…”调整为“…”, or 将／把“…”修改为“…” (the words quoted after 将, with no quote closed before the words found)
  const before = text.slice(from, start);
  if (!/原|\b(?:previously|originally|formerly|the original)\b/u.test(before) && !QUOTED_AFTER_JIANG.test(before)) return undefined;
  return [end + turn.index + turn[0].length, to];
}

/** 将评分细则第3项“…: an amendment's 将／把 and the quote it opens, still open where the words found begin. */
const QUOTED_AFTER_JIANG = /(?:将|把)\s*[^。；;，,“”"「」]{0,16}?[“"「][^”"」]*$/u;

/**
 * Words quoted in an amendment that deletes them (删除评分细则第5项“本地服务网点（3分）”, 原评分细则“在本市设有分支机构的得2分”一项
 * 删除, Clause 4.2 "…" is deleted): they are struck out, nothing stands in their place (round 26).
 */
const DELETES_BEFORE = /(?:删除|删去|取消|废止|去掉)[^。；;，,“”"]{0,16}$/u;
const DELETES_AFTER =
  /^[^。；;，,“”"]{0,8}?(?:删除|删去|取消|废止|去掉|\b(?:is|are)\s+(?:hereby\s+)?(?:deleted|removed|withdrawn|struck\s+out))/u;
export function deletedByAmendment(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && !/[。；;!?！？\n]/u.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !/[。；;!?！？\n]/u.test(text[to]!)) to++;
  const before = text.slice(from, start);
  const after = text.slice(end, to);
  // 删去：投标人须在本市设有办公场所。 — the struck-out words follow the verb and a colon, to the sentence's end
  if (DELETES_COLON.test(before)) return true;
  // “…”, "…", （…）, (…), 「…」: the words the amendment quotes
  for (const [opener, closer] of QUOTES) {
    const open = Math.max(...[...opener].map((c) => before.lastIndexOf(c)));
    if (open < 0 || new RegExp(`[${closer}]`, "u").test(before.slice(open + 1))) continue;
    const close = after.search(new RegExp(`[${closer}]`, "u"));
    if (close < 0) continue;
    if (DELETES_BEFORE.test(before.slice(0, open)) || DELETES_AFTER.test(after.slice(close + 1))) return true;
  }
  return false;
}
const QUOTES: readonly (readonly [string, string])[] = [
  ['“"', '”"'],
  ["（(", "）)"],
  ["「", "」"],
];
/** 删除：…, 删去以下内容：… — only these two verbs (取消：… may announce what is cancelled for a bidder). */
const DELETES_COLON =
  /(?:删除|删去)(?:以下|下列|如下)?(?:内容|条款|条件|要求|文字|表述)?\s*[：:]\s*(?:\d+[.、)]\s*)?[^。；;，,：:“”"]{0,12}$/u;

export function withdrawnByAmendment(text: string, start: number, end: number): boolean {
  return replacementOf(text, start, end) !== undefined;
}

// ── The detector ───────────────────────────────────────────────────────────────────────────────

/** `rule`: the id of a `structure-net-*` rule when the doubtful net found it (else the category's rule). */
export type StructuralFinding = { category: Category; start: number; end: number; rule?: string };

const alt = (words: readonly string[]) => `(?:${[...words].sort((a, b) => b.length - a.length).join("|")})`;
const enWords = (words: readonly string[]) => `\\b${alt(words.map((w) => w.replace(/ /g, "\\s+")))}\\b`;

type Compiled = {
  zhPlace: RegExp;
  enPlace: RegExp;
  enPlaceStart: RegExp;
  enPlaceEnd: RegExp;
  zhAuthority: RegExp;
  enAuthority: RegExp;
  zhBidder: RegExp;
  enBidder: RegExp;
  requester: RegExp;
  openness: RegExp;
  zhBefore: RegExp;
  enBefore: RegExp;
  zhAfter: RegExp;
  enAfter: RegExp;
  frame: RegExp;
  favour: RegExp;
  notBidder: RegExp;
  level: RegExp;
  byAuthority: RegExp;
  consentZh: RegExp;
  consentEn: RegExp;
  consentTaking: RegExp;
  consentByBidder: RegExp;
  attributes: { a: Attribute; zh: RegExp; en: RegExp }[];
  quotaZh: { count: RegExp; cap: RegExp; minimum: RegExp; merit: RegExp };
  quotaEn: { count: RegExp; cap: RegExp; minimum: RegExp; merit: RegExp };
  addressee: RegExp;
  netFrame: RegExp;
  netAuthEn: RegExp;
  netZhBefore: RegExp;
  netZhAfter: RegExp;
  netEnBefore: RegExp;
  netOrder: RegExp;
  toRequester: RegExp;
};
let compiled: Compiled | undefined;
/** Builds the detector's patterns now instead of on first use (see compileAll in engine.ts). */
export function compileStructure(): void {
  c();
}
function c(): Compiled {
  if (compiled) return compiled;
  const marks = `[${PLACE_MARK}${LOCAL_MARK}]+`;
  const abbreviation = `[${ABBREVIATIONS}](?=${ABBREVIATION_BEFORE})`;
  const enPlace = `\\b(?:${enPlaceSource()}(?:[\\s-]+(?:district|new area|city|province|county|prefecture|municipality))?|${enLocalSource}|${NOT_HERE.en.map((w) => w.replace(/ /g, "\\s+")).join("|")})(?:-based)?\\b|${alt(DISTANCE.en)}`;
  return (compiled = {
    zhPlace: new RegExp(
      `${marks}|${ZONE}|${alt(NOT_HERE.zh)}|${alt(DISTANCE.zh)}|(?<=[在驻于来])${abbreviation}|[${ABBREVIATIONS}](?=籍|企(?![业图盼]))`,
      "gu",
    ),
    enPlace: new RegExp(enPlace, "gu"),
    enPlaceStart: new RegExp(`^\\s*\\b${enPlaceSource()}(?:[\\s-]+(?:province|autonomous region))?\\b`, "u"),
    enPlaceEnd: new RegExp(`\\b${enPlaceSource()}\\s*[,，]\\s*$`, "u"),
    zhAuthority: new RegExp(
      `(?:${marks}|(?<![社小景矿厂校片辖城郊])区(?!域)|[县镇省]|市(?!场)|街道|上级|主管|行业)${AUTHORITY.zh[0]}|${alt(AUTHORITY.zh.slice(1))}`,
      "gu",
    ),
    enAuthority: new RegExp(enWords(AUTHORITY.en), "gu"),
    zhBidder: new RegExp(alt(BIDDER.zh), "gu"),
    enBidder: new RegExp(`\\b${alt(BIDDER.en)}\\b`, "gu"),
    requester: new RegExp(`${alt(REQUESTER.zh)}|${enWords(REQUESTER.en)}`, "u"),
    openness: new RegExp(`${alt(OPENNESS.zh)}|${enWords(OPENNESS.en)}`, "u"),
    zhBefore: new RegExp(`${alt(PROJECT_BEFORE.zh)}[:：]?(?:在|为|是)?$`, "u"),
    // "site visits to Ganzhou, Jiangxi Province": a city, then its province after a comma; four words of a name between
    // (round 144: "cooperate with Tianping Road Sub-district Office, Xuhui District")
    enBefore: new RegExp(`${enWords(PROJECT_BEFORE.en)}(?:,?\\s+[\\w'-]+){0,4},?\\s*$`, "u"),
    zhAfter: new RegExp(`^(?:内|的)?${alt(PROJECT_AFTER.zh)}`, "u"),
    // the district housing bureau: a few words, then an authority — the authority's place, not the bidder's
    enAfter: new RegExp(
      `^(?:[\\s-]+(?:district|city|municipal|municipality|province|new area))?(?:\\s+${enWords(PROJECT_AFTER.en)}|(?:\\s+[\\w'-]+){1,4}?\\s+(?:council|bureau|government|commission|authority|administration)\\b)`,
      "u",
    ),
    frame: new RegExp(`${alt(FRAME.zh)}|${enWords(FRAME.en)}`, "u"),
    level: new RegExp(`${alt(LEVEL.zh)}|${enWords(LEVEL.en)}`, "gu"),
    byAuthority: new RegExp(
      `(?:${marks}|(?<![社小景矿厂校片辖城郊])区(?!域)|[县镇省]|市(?!场)|街道|上级|主管|行业)${AUTHORITY.zh[0]}[\\u4e00-\\u9fa5]{1,10}?的(?:[\\u4e00-\\u9fa5]{0,4})${alt(BIDDER.zh)}`,
      "u",
    ),
    notBidder: new RegExp(`${alt(NOT_BIDDER.zh)}|${enWords(NOT_BIDDER.en)}`, "u"),
    // 征得镇规划办书面同意、须经区住建委同意、取得街道出具的准入意见 — the consent word within a few characters
    // after the authority, not qualifying a thing (核准的收费标准)
    consentZh: new RegExp(
      `(?:${marks}|[区市县镇省乡]|街道|上级|主管|行业|有关|相关)${AUTHORITY.zh[0]}[\u4e00-\u9fa5“”"‘’「」]{0,8}?${alt(CONSENT.zh)}(?!的(?!${alt(BIDDER.zh)}))|${alt(AUTHORITY.zh.slice(1))}[\u4e00-\u9fa5“”"‘’「」]{0,8}?${alt(CONSENT.zh)}(?!的(?!${alt(BIDDER.zh)}))`,
      "u",
    ),
    consentEn: new RegExp(
      `${enWords(CONSENT.en)}\\s+(?:[\\w'’-]+\\s+){0,2}?(?:from|by|of)\\s+(?:the\\s+)?(?:[\\w'’-]+\\s+){0,5}?${enWords(AUTHORITY.en)}`,
      "u",
    ),
    consentByBidder: new RegExp(
      `(?:${CONSENT.obtain})(?:${marks}|[区市县镇省乡]|街道|上级|主管|行业|有关|相关)${AUTHORITY.zh[0]}[\u4e00-\u9fa5]{0,6}?${alt(CONSENT.bidderConsent)}(?!的(?!${alt(BIDDER.zh)}))`,
      "u",
    ),
    consentTaking: new RegExp(`${CONSENT.taking.zh}|\\b(?:${CONSENT.taking.en})\\b`, "u"),
    favour: (() => {
      const p = ATTRIBUTES.find((a) => a.category === "preference")!;
      return new RegExp(`${alt(p.zh)}|${enWords(p.en)}`, "u");
    })(),
    attributes: ATTRIBUTES.map((a) => ({ a, zh: new RegExp(alt(a.zh), "gu"), en: new RegExp(enWords(a.en), "gu") })),
    quotaZh: {
      count: new RegExp(QUOTA.zh.count, "u"),
      cap: new RegExp(alt(QUOTA.zh.cap), "u"),
      minimum: new RegExp(alt(QUOTA.zh.minimum), "u"),
      merit: new RegExp(alt(QUOTA.zh.merit), "u"),
    },
    addressee: new RegExp(`${alt([...ADDRESSEE.zh, ...BIDDER.zh])}|${enWords([...ADDRESSEE.en, ...BIDDER.en])}`, "u"),
    netFrame: new RegExp(`${alt(NET_FRAME.zh)}|${enWords(NET_FRAME.en)}`, "u"),
    netAuthEn: new RegExp(NET_AUTHORITY.en, "gu"),
    netZhBefore: new RegExp(NET_AUTHORITY.zhBefore, "u"),
    netZhAfter: new RegExp(NET_AUTHORITY.zhAfter, "u"),
    netEnBefore: new RegExp(NET_AUTHORITY.enBefore, "u"),
    toRequester: new RegExp(
      `(?:通知|告知|报送?|向|交给?|送交?|提交给?|反馈给?|汇报给?|交付给?)${alt(REQUESTER.zh)}|(?:与|和|同)${alt(REQUESTER.zh)}(?=[\\u4e00-\\u9fa5]{0,6}?(?:同属|一致|相同|同一))|\\b(?:to|notify|inform|notifies|informs)\\s+(?:the\\s+)?(?:client|owner|employer|purchaser)\\b`,
      "gu",
    ),
    netOrder: new RegExp(`${alt(NET_ORDER.zh)}|${enWords(NET_ORDER.en)}`, "gu"),
    quotaEn: {
      count: new RegExp(QUOTA.en.count, "u"),
      cap: new RegExp(enWords(QUOTA.en.cap), "u"),
      minimum: new RegExp(enWords(QUOTA.en.minimum), "u"),
      merit: new RegExp(enWords(QUOTA.en.merit), "u"),
    },
  });
}

type Span = { start: number; end: number };
/** Findings of these kinds become `preference` when the sentence also favours (优先、加分、tied …). */
const FAVOURED = new Set<Category>(["registration", "presence", "local-ties"]);
const CJK = /[\u4e00-\u9fff\ue000\ue001]/u;
const LATIN = /[a-z]{3}/u;
const SENTENCE = /[。；;!?！？\n]|\.(?=\s|$)/gu;
const CLAUSE = /[，,:：]|\s(?:and|or|but|while|whereas|which|who)\s|(?:\(|（)\d+(?:\)|）)|\d+[)）]/gu;

function split(text: string, re: RegExp, span: Span): Span[] {
  const out: Span[] = [];
  let from = span.start;
  const part = text.slice(span.start, span.end);
  for (const m of part.matchAll(re)) {
    const at = span.start + m.index;
    if (at > from) out.push({ start: from, end: at });
    from = at + m[0].length;
  }
  if (span.end > from) out.push({ start: from, end: span.end });
  return out;
}

function all(re: RegExp, s: string): Span[] {
  re.lastIndex = 0;
  return [...s.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Places in a clause that are about the bidder (not the project, a standard, the approval). */
function anchors(clause: string, plain: string): Span[] {
  const k = c();
  // 项目位于西藏自治区拉萨市城关区: a place written right after another shares its verdict (位于 covers the chain)
  // …and one that names the project's office or site (正蓝旗上都镇政务服务中心) takes the chain before it along
  const raw = CJK.test(clause) ? all(k.zhPlace, clause) : [];
  const kept = raw.map((p) => zhAnchorKept(p));
  // (…also through a one-character suffix the short name left out: 黔东南 + 州 + 凯里市)
  const joins = (a: Span, b: Span) => b.start === a.end || (b.start === a.end + 1 && /^[州市县区盟旗省]$/u.test(clause[a.end]!));
  for (let i = 1; i < raw.length; i++) if (joins(raw[i - 1]!, raw[i]!)) kept[i] = kept[i]! && kept[i - 1]!;
  for (let i = raw.length - 2; i >= 0; i--) if (joins(raw[i]!, raw[i + 1]!)) kept[i] = kept[i]! && kept[i + 1]!;
  const zh = raw.filter((_, i) => kept[i]);
  function zhAnchorKept(p: Span): boolean {
    // 区内/市内/县内/省内 ending a longer noun (雷电易发区内、开发区内) is not "in this district"
    if (
      /^[区市县省镇]内$/u.test(plain.slice(p.start, p.end)) &&
      /[\u4e00-\u9fff]/u.test(plain[p.start - 1] ?? "") &&
      !/[在于的为及和与或须需应仅限只非本该]/u.test(plain[p.start - 1]!)
    )
      return false;
    // 《浙江省建设工程计价规则》: a place inside a document's title
    if (/《[^》]*$/u.test(clause.slice(0, p.start))) return false;
    const before = clause.slice(Math.max(0, p.start - 4), p.start);
    const after = clause.slice(p.end, p.end + 20);
    // 矿区、郊区、城区: a district whose full name is the common word (历史城区、进入矿区)
    if (
      /^(?:矿区|郊区|城区)$/u.test(plain.slice(p.start, p.end)) &&
      /[\u4e00-\u9fff]/u.test(plain[p.start - 1] ?? "") &&
      !/[在于的为及和与或须需应仅限只非本该]/u.test(plain[p.start - 1]!)
    )
      return false;
    // （恩施市金桂大道99号）: a street address
    if (/^[\u4e00-\u9fa5\d]{0,10}?(?:路|大道|大街|街|巷)[\d-]+号/u.test(clause.slice(p.end, p.end + 16))) return false;
    // 营业执照所载住所须位于宝山区: 位于 names the bidder's own seat here, not the project's site
    if (BIDDER_SEAT_BEFORE.test(clause.slice(Math.max(0, p.start - 14), p.start))) return true;
    return !k.zhBefore.test(before) && !k.zhAfter.test(after);
  }
  const en = (LATIN.test(clause) ? all(k.enPlace, clause) : []).filter((p) => {
    const before = clause.slice(Math.max(0, p.start - 40), p.start);
    const after = clause.slice(p.end, p.end + 60);
    // the Hangzhou … Bureau (Xiaoshan Branch): the place names a department's branch
    return !k.enBefore.test(before) && !k.enAfter.test(after) && !BUREAU_OPEN.test(before);
  });
  return [...zh, ...en];
}

function authorities(clause: string): Span[] {
  const k = c();
  // 国家市场监督管理总局或省级市场监督管理部门核发的核准证、省级及以上主管部门颁发: a level named beside the national
  // authority, or "and above", is whichever authority the law names, no place's (round 23)
  const anyLevel = (p: Span) =>
    /^[省市区县镇]级/u.test(clause.slice(p.start, p.end)) &&
    (/(?:国家|国务院|全国|中华人民共和国)[^，,。；;]{0,14}?(?:或|和|及|、|以及|或者)$/u.test(
      clause.slice(Math.max(0, p.start - 18), p.start),
    ) ||
      /^[省市区县镇]级(?:及|或)?以上/u.test(clause.slice(p.start, p.start + 5)));
  return [...all(k.zhAuthority, clause), ...all(k.enAuthority, clause), ...all(k.level, clause)].filter((p) => !anyLevel(p));
}

/** A place directly attached to a bidder noun: 本地服务商、上海市以外的投标人、区内注册企业、Shanghai-based agency. */
function attached(clause: string, place: Span): Span | undefined {
  const k = c();
  for (const b of [...all(k.zhBidder, clause), ...all(k.enBidder, clause)]) {
    const gap = b.start >= place.end ? clause.slice(place.end, b.start) : clause.slice(b.end, place.start);
    if (
      (b.start >= place.end &&
        /^(?:内|的|以外的|之外的|地区|范围内的|属地|属|籍|注册的?|登记的?|本地|本土|[\s-]*(?:based|registered)?\s*)?$/u.test(gap)) ||
      // 申城本土的造价咨询企业、外省的检测机构: "的" and a few characters naming the trade
      // 大湾区内地九市的机构: a few characters ending in 的, no verb among them
      (b.start >= place.end && /^[\u4e00-\u9fa5]{1,6}的$/u.test(gap) && !/[了在为是有到向按经于]|位于|负责/u.test(gap.slice(0, -1))) ||
      (b.start >= place.end &&
        /^(?:本地|本土|[两三四五]地|等地|大地|一带|区域|地区)?的?[\u4e00-\u9fa5]{0,6}$/u.test(gap) &&
        /^(?:(?:本地|本土|大地|一带|区域|地区)?的|[两三四五]地|等地)/u.test(gap) &&
        !/[的了在为是有到向按经]/u.test(gap.replace(/^(?:(?:本地|本土|大地|一带|区域|地区)?的|[两三四五]地|等地)/u, "")))
    )
      return b;
    // English: agencies from / based in / registered in <place>
    if (b.end <= place.start && /^\s+(?:[\w-]+\s+){0,2}?(?:from|in|of)\s+(?:the\s+)?$/u.test(gap)) return b;
  }
  return undefined;
}

const QUOTA_ZH_TAKING = new RegExp(QUOTA.zh.taking, "u");
const QUOTA_EN_ANY = new RegExp(`\\b${alt(QUOTA.en.anyNumber)}`, "u");
const SEATS_ZH = new RegExp(SEATS_NOT_BIDDING_ZH, "u");
const SEATS_EN = new RegExp(SEATS_NOT_BIDDING_EN, "u");
const NUMBER_UNLIMITED =
  /(?:报名|参与|参加|投标|报价|响应|参选)?(?:家数|数量|单位数|人数)(?:均)?不(?:限|设上限|作限制)|不限(?:报名|参与|投标)?(?:家数|数量)|\bno\s+(?:limit|cap|maximum|ceiling)\s+on\s+(?:the\s+)?(?:number|count)\s+of\s+(?:[\w-]+\s+){0,2}?(?:firms|bidders|agencies|applicants|suppliers|companies|consultants|registrations|participants)/u;
/** A cap on a consortium's or a subcontract's members, not on the bidders. */
const CONSORTIUM_MEMBERS =
  /联合体(?:的)?(?:成员|各方|组成)|(?:分包|联合体)(?:单位|机构)?(?:的)?(?:数量|家数)?(?:不超过|最多|不得超过|限)|\b(?:members?|partners?)\s+(?:of|in|per)\s+(?:a|the|each|any)\s+(?:consortium|joint\s+venture|jv)\b|\b(?:consortium|joint[\s-]venture|jv)\s+(?:members|partners)\b|\bsub-?contractors?\b/u;
const WINNERS_COUNTED_EN =
  /\b(?:award(?:ed|s|ing)?\s+(?:(?:the\s+)?(?:contracts?|lots?|work|places?)\s+)?to|appoint(?:ed|s|ing)?|engag(?:e|ed|es|ing)|retain(?:ed|s|ing)?|contract\s+with)\s+(?:a\s+)?(?:up\s+to|a\s+maximum\s+of|maximum\s+of|no\s+more\s+than|not\s+more\s+than|at\s+most)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b/u;
/** …unless the sentence also speaks of who may register or comes first. */
const TAKING_PART_EN =
  /\b(?:first|register|registers|registered|registration|sign[\s-]?ups?|apply|applications?|respond|responses|submit|submissions|order\s+of|come|eligible|invited)\b/u;
function quota(clause: string, sentence: string): boolean {
  const isEn = !/[\u4e00-\u9fff]/u.test(clause);
  const q = isEn ? c().quotaEn : c().quotaZh;
  // seats in a room or on a bus (会场名额有限，先到先得), when missing one shuts nobody out of the bidding
  if ((isEn ? SEATS_EN : SEATS_ZH).test(sentence)) return false;
  // 仅选取1家…，报名家数不限: the winners are counted, the bidders are not
  if (NUMBER_UNLIMITED.test(sentence)) return false;
  // 联合体成员不超过2家, "no more than three members per consortium": the members of one bid counted (round 132)
  if (CONSORTIUM_MEMBERS.test(clause)) return false;
  // "award contracts to up to five consultants", "appoint up to six firms to the framework": the winners counted (round 133)
  if (isEn && WINNERS_COUNTED_EN.test(clause) && !TAKING_PART_EN.test(sentence)) return false;
  if (isEn && QUOTA_EN_ANY.test(clause)) return true;
  if (!q.count.test(clause) && !(isEn ? false : /先到先得|额满|报满|名额有限/u.test(clause))) return false;
  if (q.minimum.test(clause) || q.merit.test(sentence)) return false;
  if (!isEn && !QUOTA_ZH_TAKING.test(sentence)) return false;
  return q.cap.test(clause);
}

/**
 * A header of conditions (资格要求：、申请人资格条件：、Eligibility criteria:): the items after it, split by ；/;,
 * are conditions of taking part even when an item has no frame or bidder of its own ("(2) registered in Hongkou").
 */
export const CONDITIONS_HEADER =
  /(?:资格|资质|准入|参与|参选|报名|申请人|供应商|投标人|响应人|服务商)[\u4e00-\u9fa5]{0,4}?(?:要求|条件)[:：]|\b(?:eligibility|qualification|participation)(?:\s+(?:criteria|requirements|conditions))?\s*:|\b(?:requirements|criteria|conditions)\s+(?:for\s+)?(?:bidders|applicants|suppliers|participation|eligibility)\s*:/u;

const SECTION_END = /[一二三四五六七八九十]+、|\n\s*\n|(?<=[。；;.]\s*)[\u4e00-\u9fa5a-z ]{2,20}[:：]/u;

const NET_POOL_ZH = new RegExp(NET_POOL.zh, "u");
/**
 * A trip and what it costs (报价须含乌鲁木齐—和田往返机票、来回交通和住宿费用请含在报价里、外地机构差旅费自理、
 * per-diem for the Kashgar leg, travel and accommodation costs): the sentence's place is where the work takes the
 * bidder, a cost every bidder prices alike, not a condition of who may bid (round 23).
 */
const TRAVEL =
  /差旅|往返(?:机票|车票|交通|费用)|机票|火车票|高铁票|租车|食宿|住宿费?|交通费|来回交通|路费|车旅|出差|\btravel(?:l?ing)?\b|\bper[- ]diem\b|\baccommodation\b|\bairfares?\b|\bround[- ]trips?\b/iu;
const REQUESTER_SELF =
  /^(?:我们|我司|我公司|本公司|我单位|本单位|阮公司|我们公司|我院|我校)(?:是|为|系|在|位于|地处|注册于|注册在)|^(?:委托方|采购人|业主|建设单位|招标人|甲方)[:：]?[^，,。；;]{0,30}?(?:公司|企业|单位|医院|学校|集团|厂|农场)/u;
/**
 * the district bureau's approval of the final report: the authority approves the work, not the bidder; "the Government
 * (of the Hong Kong SAR) is not bound to accept the lowest tender" (round 134): the buyer's reservation
 */
const NET_AUTHORITY_EN_AFTER =
  /^(?:\s+of\s+the\s+[\w\s'-]{0,40}?)?\s+(?:is|are)\s+not\s+(?:bound|obliged|obligated|required)\s+to\s+accept\b|^['’]s\s+(?:approval|sign-off|acceptance|review|comments?)\s+(?:of|on|for)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:report|plan|design|results?|deliverables?|findings|work|drawings|study|survey)/u;
const NET_POOL_EN = new RegExp(NET_POOL.en, "u");
/** A list of the excluded (失信被执行人名单、经营异常名录、debarment list): being off it is an ordinary condition. */
/** "list of old housing": a list of the objects of the work, not of agencies (round 143). */
const LISTED_OBJECTS_EN =
  /^\s+of\s+(?:[\w-]+\s+){0,3}?(?:housing|houses|properties|buildings|projects|sites|schools|hospitals|roads|bridges|assets|facilities|households|residents|dwellings|streets|parcels|plots|trees|monuments)\b/u;
/** 对/针对/就 before a list: the agency works on its members. */
const WORKED_ON_ZH = /(?:对|针对|就|面向|向)(?:上述|该|本)?$/u;
/** 已入库的200个政府投资项目: a count of things that are not agencies, or projects, right after the list word. */
const LISTED_THINGS_ZH =
  /^(?:中|内|里)?的?(?:[0-9一二三四五六七八九十百千两]+(?:个|项|批|件|宗|条|份|处|座|户|台|套|块)(?!机构|单位|中介)|(?:政府投资|投资|建设|储备|重点|在建)?(?:项目|工程)(?!管理单位|单位|机构))/u;
const BLACKLIST =
  /失信|异常|违法|违规|黑名单|惩戒|不良|禁止|限制|取缔|吊销|\b(?:black-?list|debar(?:red|ment)|excluded|sanction(?:s|ed)?|denied|prohibited|suspended|ineligible|defaulters?)\b/iu;

/**
 * The doubtful net (see `ADDRESSEE`): called for a clause the categories left alone, in a sentence that
 * addresses the bidder and has a frame. A place about the bidder → `structure-net-place` (or
 * `structure-net-favour` with a favour in the sentence), an authority acting on the bidder →
 * `structure-net-authority`, an order of arrival → `structure-net-order`.
 */
function netFinding(text: string, plain: string, clause: Span, sText: string): StructuralFinding | undefined {
  const k = c();
  const s = text.slice(clause.start, clause.end);
  if (k.notBidder.test(s)) return undefined;
  // 我们是甘南州合作市的一家企业、委托方某茶业有限公司（注册地：德宏州芒市）: the requester says where it is
  if (REQUESTER_SELF.test(s)) return undefined;
  // 联系人：徐汇区枫林路街道办事处项目办 王老师 (round 144): whom to call, the requester's own office
  if (
    /(?:联系人|联系部门|联系单位|联系方式|咨询电话)[:：]/u.test(text.slice(Math.max(0, clause.start - 8), clause.end)) &&
    !REQUIRES.test(s)
  )
    return undefined;
  // "delivered to Room 305, Block B, 66 Donggang West Road, Chengguan District, Lanzhou": a part of a postal address
  if (
    LATIN.test(s) &&
    s.trim().split(/\s+/u).length <= 5 &&
    !REQUIRES.test(s) &&
    /\b(?:room|floor|no\.)\s*\d|\b\d+[\w\s-]{0,30}?\b(?:road|street|avenue|lane)\b/iu.test(sText)
  )
    return undefined;
  // 如需现场检测，可临时租用当地设备: a permission, no condition
  if (/(?<![不才方宁])可(?!能|否|行性|研|靠|信)|\bmay\b|\b(?:also|equally)\s+(?:accepted|eligible|welcome)\b/u.test(s) && !REQUIRES.test(s))
    return undefined;
  const at = (span: Span, category: Category, rule: string): StructuralFinding => ({ category, rule, ...offset(clause.start, span) });
  const order = all(k.netOrder, s)[0];
  // 报价最低的前三名: a ranking by merit is no quota
  const merit = CJK.test(s) ? k.quotaZh.merit : k.quotaEn.merit;
  if (order && NET_ORDER_TAKING.test(sText) && !merit.test(sText) && !SEATS_ZH.test(sText) && !SEATS_EN.test(sText))
    return at(order, "quota", "structure-net-order");
  const pool = (CJK.test(s) ? NET_POOL_ZH.exec(s) : null) ?? (LATIN.test(s) ? NET_POOL_EN.exec(s) : null);
  // 未被列入失信被执行人名单、经营异常名录: a list that excludes the bad, not a pool the good must be on
  // 本项目已纳入省重点项目库: the project (or its data) is on a list, not the bidder
  if (
    pool &&
    // 录入区征收管理信息系统数据库: results entered into a database, no pool of firms
    (!/数据库|信息系统|数据平台/u.test(pool[0]) || /机构|单位|企业|供应商|中介/u.test(pool[0])) &&
    // "not on the World Bank's list of debarred firms": the bad named a few words on in English (round 133)
    !BLACKLIST.test(s.slice(pool.index, pool.index + pool[0].length + (CJK.test(s) ? 8 : 28))) &&
    // 中介机构负责对名单内企业开展检查、对已入库的200个政府投资项目开展绩效评价: the listed are what the work is done on (round 133)
    !WORKED_ON_ZH.test(s.slice(Math.max(0, pool.index - 4), pool.index)) &&
    !LISTED_OBJECTS_EN.test(s.slice(pool.index + pool[0].length, pool.index + pool[0].length + 60)) &&
    // 在本单位缴纳社保的人员名单: a list of the bidder's own staff, no pool (round 143)
    !/(?:人员|员工|职工|成员)(?:名单|名册|花名册)$/u.test(pool[0]) &&
    !LISTED_THINGS_ZH.test(s.slice(pool.index + pool[0].length, pool.index + pool[0].length + 16)) &&
    !/(?:项目|工程|资料|数据|成果|设备|样品)(?:已|已经|均|将|须|需)?$/u.test(s.slice(Math.max(0, pool.index - 6), pool.index)) &&
    // 审计底稿须在项目结束后入库归档, 岩芯入库保存: papers or samples put in store
    !STORED_ZH.test(s)
  )
    return at({ start: pool.index, end: pool.index + pool[0].length }, "pool", "structure-net-pool");
  const zh = CJK.test(s) ? all(c().zhAuthority, s) : [];
  const en = LATIN.test(s) ? all(k.netAuthEn, s) : [];
  const authority =
    zh.find(
      (p) =>
        // 绵阳某民办学校: an anonymised requester, not an authority; 项目所在地最近气象站: the project's
        !s.slice(p.start, p.end).includes("某") &&
        // 《江苏省建设工程造价咨询管理办法》: a document's title
        !/《[^》]*$/u.test(s.slice(0, p.start)) &&
        !/^(?:项目|工程)所在/u.test(s.slice(p.start, p.end)) &&
        // 须采用民乐县国家基本气象站近30年观测资料: a station whose records the work uses
        !(
          /(?:气象|水文|地震|监测|观测)(?:站|台)$/u.test(s.slice(p.start, p.end)) &&
          /^[^。；;]{0,16}?(?:资料|数据|记录|统计)/u.test(s.slice(p.end, p.end + 20))
        ) &&
        !k.netZhBefore.test(s.slice(Math.max(0, p.start - 4), p.start)) &&
        // 成果报区建设和交通委、区公安分局…审核: the next of the authorities the work goes to (round 144)
        !RECEIVER_LISTED_BEFORE.test(text.slice(Math.max(0, clause.start + p.start - 30), clause.start + p.start)) &&
        !k.netZhAfter.test(s.slice(p.end, p.end + 12)),
    ) ??
    en.find(
      (p) =>
        // "issued by the competent authority": whichever authority the law names, no place's
        !/^the\s+competent\b/u.test(s.slice(p.start, p.end)) &&
        !k.netEnBefore.test(s.slice(Math.max(0, p.start - 50), p.start)) &&
        !NET_AUTHORITY_EN_AFTER.test(s.slice(p.end, p.end + 100)),
    );
  if (authority) return at(authority, "designation", "structure-net-authority");
  // 邮寄至：四川省阿坝州…: the clause starts after a colon that ends the words tying the place to the project
  const afterColon =
    /[:：]$/u.test(text.slice(0, clause.start)) && k.zhBefore.test(text.slice(Math.max(0, clause.start - 6), clause.start));
  // 项目所在地为宁夏固原市原州区: "where the project is" is the project's place by its own words
  const ps = plain.slice(clause.start, clause.end);
  // "site visits to Ganzhou, Jiangxi Province": a place that opens its clause right after "City," shares the verdict of the words before the city
  const cityBefore =
    LATIN.test(s) && /[a-z],\s*$/u.test(text.slice(Math.max(0, clause.start - 2), clause.start))
      ? k.enBefore.test(text.slice(Math.max(0, clause.start - 60), clause.start))
      : false;
  const place =
    afterColon || cityBefore || TRAVEL.test(sText)
      ? undefined
      : anchors(s, ps).find((p) => !/^(?:项目|工程)所在/u.test(ps.slice(p.start, p.end + 2)));
  if (place)
    return k.favour.test(sText) || NET_FAVOUR.test(sText)
      ? at(place, "preference", "structure-net-favour")
      : at(place, "registration", "structure-net-place");
  return undefined;
}

const BUREAU_BRANCH = /\bbranch\b/u;
/** The clause before ends with an authority the work is reported to (成果报区建设和交通委、…): the list goes on here. */
const RECEIVER_LISTED_BEFORE =
  /(?:方案|报告|报告书|报告表|成果|资料|数据|文件|图纸|结果|材料)[^，,。；;]{0,6}?(?:报|报送|送|送交|提交|呈报|上报|报请|向)(?:至|到|给)?[^，,。；;]{0,16}?(?:局|委|委员会|办|厅|站|中心|政府|街道|队|支队|分局)[，,、]\s*$/u;
const BUREAU_OPEN = /\b(?:bureau|administration|department|commission|authority|office|police|customs|tax(?:ation)?)\s*[(（]\s*$/u;
const BUREAU_WORD = "(?:bureau|administration|department|commission|authority|office|police|customs|tax(?:ation)?)";
/** "branch" in the name of a government department: … Bureau (Xiaoshan Branch), the Bao'an Branch of the … Bureau. */
function bureauBranch(s: string, span: Span): boolean {
  // (the whole text: a clause ends at "and", inside "Ecology and Environment Bureau")
  return (
    new RegExp(`\\b${BUREAU_WORD}\\s*[(（]\\s*(?:[\\w'’\uE000\uE001-]+\\s+){0,3}$`, "u").test(
      s.slice(Math.max(0, span.start - 60), span.start),
    ) ||
    new RegExp(`^(?:es)?\\s+of\\s+the\\s+(?:[\\w'’\uE000\uE001-]+\\s+){0,6}?${BUREAU_WORD}\\b`, "u").test(s.slice(span.end, span.end + 80))
  );
}

/** The finding of the categories in one clause, if any (see the header: anchor × attribute × frame). */
function clauseFinding(text: string, plain: string, clause: Span, sText: string, framed: boolean): StructuralFinding | undefined {
  const k = c();
  const favour = k.favour;
  const s = text.slice(clause.start, clause.end);
  if (quota(s, sText)) {
    return { category: "quota", ...trim(text, clause) };
  }
  if (!framed) return undefined;
  const hasZh = CJK.test(s);
  const hasEn = LATIN.test(s);
  const places = anchors(s, plain.slice(clause.start, clause.end));
  const auths = authorities(s);
  if (!places.length && !auths.length) return undefined;
  if (auths.length && !k.notBidder.test(s) && k.consentTaking.test(sText)) {
    // consent to take part: 报名前须征得镇规划办同意、prior consent from the district commission before registering
    const m = (hasZh ? k.consentZh.exec(s) : null) ?? (hasEn ? k.consentEn.exec(s) : null);
    // 方案须报区水务局审批: the work goes to the authority for approval, no consent to take part
    if (
      m &&
      !/(?:方案|报告|报告书|报告表|成果|资料|数据|文件|图纸|结果|材料)[^，,。；;]{0,6}?(?:报|报送|送|送交|提交|呈报|上报|报请)(?:至|到|给)?$/u.test(
        s.slice(Math.max(0, m.index - 16), m.index),
      ) &&
      // 成果报区建设和交通委、区公安分局交警支队审核: the next authority of the list the work goes to (round 144)
      !RECEIVER_LISTED_BEFORE.test(text.slice(Math.max(0, clause.start + m.index - 30), clause.start + m.index))
    ) {
      return { category: "designation", ...offset(clause.start, { start: m.index, end: m.index + m[0].length }) };
    }
  }
  let best: { a: Attribute; span: Span; anchor: Span } | undefined;
  for (const { a, zh, en } of k.attributes) {
    if (best && best.a.weight >= a.weight) continue;
    for (const span of [...(hasZh ? all(zh, s) : []), ...(hasEn ? all(en, s) : [])]) {
      // the Bao'an Branch of the Shenzhen … Bureau, the Bureau (Xiaoshan Branch): a department's branch, not the bidder's
      if (BUREAU_BRANCH.test(s.slice(span.start, span.end)) && bureauBranch(text, offset(clause.start, span))) continue;
      // an authority or a place BEFORE the word (区质监站推荐的、certified by the bureau — after, in English)
      // a department endorses; a list may also be a place's (本区中介机构名录)
      // an authority that receives something (人员名单报区住建委备案、向区卫健委报送) does not endorse the bidder
      const endorsers = auths.filter(
        (p) =>
          !/(?:报|向|送|交)$/u.test(s.slice(Math.max(0, p.start - 1), p.start)) &&
          !k.enBefore.test(s.slice(Math.max(0, p.start - 40), p.start)) &&
          !k.netEnBefore.test(s.slice(Math.max(0, p.start - 50), p.start)) &&
          // 在区住建委指定的系统中填报: an authority's system or form, not an endorsed bidder
          !/^[\u4e00-\u9fa5]{0,4}的?(?:系统|平台|网站|格式|模板|表格|账户|邮箱)/u.test(s.slice(p.end, p.end + 10)) &&
          // 报送至临沂市生态环境局兰山分局指定邮箱: where a report is sent
          !/^[\u4e00-\u9fa5]{0,6}?指定的?(?:电子)?(?:邮箱|信箱|账户|地址)/u.test(s.slice(p.end, p.end + 14)),
      );
      // (a place that begins an authority's name is that authority: 报区水务局审批 is not 区 + 审批)
      const ownPlaces = a.needsAuthority ? places.filter((p) => !auths.some((q) => q.start <= p.end && q.end > p.start)) : places;
      const pool = a.category === "designation" ? endorsers : a.needsAuthority ? [...endorsers, ...ownPlaces] : places;
      const anchor = a.needsAuthority
        ? pool.find(
            (p) =>
              (p.end <= span.start && span.start - p.end <= (/[a-z]/u.test(s.slice(p.end, span.start)) ? 40 : 14)) ||
              // 名单由区建管委统一下发: the list or word, then 由 + the authority
              (p.start >= span.end && /^(?:由|经由|系|为)$/u.test(s.slice(span.end, p.start))) ||
              (p.start >= span.end && p.start - span.end <= 40 && /^[\x20-\x7e]*$/u.test(s.slice(span.end, p.start))),
          )
        : pool[0];
      if (!anchor) continue;
      // 须对区市场监管局名录库内的企业开展抽查、the properties on the Pudong list of old housing: the listed are what the work
      // is done on, not a pool the bidder must be in (round 143)
      if (a.needsAuthority) {
        const from = Math.min(anchor.start, span.start);
        if (
          (WORKED_ON_ZH.test(s.slice(Math.max(0, from - 4), from)) && !/开放|报名|投标|参与|参加|邀请|抽取|选取|选定|确定/u.test(sText)) ||
          LISTED_OBJECTS_EN.test(s.slice(span.end, span.end + 60))
        )
          continue;
      }
      // needsAuthority words must concern an agency or a list the agency is in
      if (a.needsAuthority && (k.notBidder.test(s) || (!/中介/u.test(s) && !all(k.zhBidder, s).length && !all(k.enBidder, s).length)))
        continue;
      // name every word of this kind in the clause: 设立联络处 → from the place to 联络处
      const words = [...(hasZh ? all(zh, s) : []), ...(hasEn ? all(en, s) : [])];
      best = { a, span: words.reduce(cover, span), anchor };
      break;
    }
  }
  if (!best && !k.notBidder.test(s)) {
    // an authority qualifying the bidder with any verb: 区审计局确认的单位、市交通委资质审查合格的设计单位
    const m = k.byAuthority.exec(s);
    // 须对区市场监管局名录库内的企业开展抽查: the authority's listed firms are what the work is done on (round 143)
    if (
      m &&
      !(WORKED_ON_ZH.test(s.slice(Math.max(0, m.index - 4), m.index)) && !/开放|报名|投标|参与|参加|邀请|抽取|选取|选定|确定/u.test(sText))
    ) {
      return { category: "designation", ...offset(clause.start, { start: m.index, end: m.index + m[0].length }) };
    }
  }
  if (!best && hasZh && !k.notBidder.test(s) && all(k.zhBidder, s).length) {
    // the bidder must obtain an authority's consent: 报告编制单位应取得区应急管理局书面同意
    const m = k.consentByBidder.exec(s);
    if (m) {
      return { category: "designation", ...offset(clause.start, { start: m.index, end: m.index + m[0].length }) };
    }
  }
  if (!best) {
    const place = places.find((p) => attached(s, p));
    if (place) {
      const b = attached(s, place)!;
      return { category: favour.test(sText) ? "preference" : "registration", ...offset(clause.start, cover(place, b)) };
    }
    return undefined;
  }
  // a favour anywhere in the sentence (同等条件下，…; where scores are tied, …) makes it a preference
  const category = FAVOURED.has(best.a.category) && favour.test(sText) ? "preference" : best.a.category;
  return { category, ...offset(clause.start, cover(best.anchor, best.span)) };
}

/**
 * Whether the clause of `text` (normalised, place-masked) around [start, end) names a place about the
 * bidder (not the project's site, a standard, an object of the work): the old place-near-requirement
 * backstops (rules.ts) are dropped without one.
 */
export function namesBidderPlace(text: string, plain: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && !/[，,。；;:：!?！？\n]/u.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !/[，,。；;:：!?！？\n]/u.test(text[to]!)) to++;
  return anchors(text.slice(from, to), plain.slice(from, to)).length > 0;
}

/** The detector: one finding per clause, `start`/`end` in `text` (the normalised, place-masked text). */
const AFTER_AWARD_TAX = new RegExp(TAX_FORMALITY_AFTER_AWARD_ZH, "u");
/** "The winning consultant, if registered outside Guangdong, shall complete the cross-provincial tax registration" (round 131). */
const AFTER_AWARD_TAX_EN =
  /^(?![^]*\b(?:only|not\s+(?:be\s+)?(?:eligible|accepted|considered)|ineligible|excluded|disqualified|rejected|must\s+be\s+(?:registered|based|located))\b)[^]*?\b(?:winning|successful|selected|awarded|appointed)\s+(?:[\w-]+\s+)?(?:consultant|firm|bidder|tenderer|agency|supplier|vendor|contractor)\b[^.;\n]{0,120}?\b(?:cross-?(?:provincial|regional|region|border)|out-of-(?:province|region)|inter-?provincial)\s+tax\b/u;
const BACKGROUND =
  /^\s*(?:[一二三四五六七八九十\d]+[、.．]\s*)?(?:项目概况|项目背景|项目简介|项目基本情况|\b(?:project\s+)?(?:background|overview|description))\s*[:：]/u;

export function structuralFindings(text: string, plain: string = text): StructuralFinding[] {
  const k = c();
  const out: StructuralFinding[] = [];
  const header = CONDITIONS_HEADER.exec(text);
  const headerEnd = header ? header.index + header[0].length : Infinity;
  // the list ends at the next heading (四、服务内容：…, Scope: …) or a blank line
  const next = header ? SECTION_END.exec(text.slice(headerEnd)) : null;
  const sectionEnd = next ? headerEnd + next.index : Infinity;
  for (const sentence of split(text, SENTENCE, { start: 0, end: text.length })) {
    const sText = text.slice(sentence.start, sentence.end);
    // 中选机构如在项目所在地以外注册，须办理跨区域涉税事项报验: the winner's tax formality, no condition of taking part
    if (AFTER_AWARD_TAX.test(sText) || AFTER_AWARD_TAX_EN.test(sText)) continue;
    // an item of a list of conditions is framed and addressed by its header
    const underHeader = sentence.end > headerEnd && sentence.start < sectionEnd;
    const framed = underHeader || k.frame.test(sText);
    // an order of arrival limits by itself (先报名的三家单位直接进入比选)
    const netFramed = framed || k.netFrame.test(sText) || (k.netOrder.test(sText) && NET_ORDER_TAKING.test(sText));
    // a project's background section (项目概况：…, Background: the bureau requires …) describes the work, not the bidder
    const addressed = underHeader || (k.addressee.test(sText) && !BACKGROUND.test(sText));
    for (const clause of split(text, CLAUSE, sentence)) {
      const s = text.slice(clause.start, clause.end);
      // the requester as the one told or given something (确定后通知采购人、submitted to the client) is no subject
      if (k.openness.test(s) || k.requester.test(s.replace(k.toRequester, " "))) continue;
      // 本项目不限制机构注册地，外省机构可通过平台线上报名: a permission in a sentence that opens competition
      if (k.openness.test(sText) && !REQUIRES.test(s)) continue;
      // "our office in Yulin City, Shaanxi": the province after the comma is the rest of an address, not a clause
      // …and "at our offices in Pudong, Shanghai": the city after a district named in English (round 131)
      const addressTail =
        (/^\s*\uE000/u.test(s) || k.enPlaceStart.test(s)) &&
        (/(?:\uE000|\b(?:city|county|district|province|prefecture|town|township|new area|region))\s*[,，]?\s*$/iu.test(
          text.slice(Math.max(0, clause.start - 16), clause.start),
        ) ||
          k.enPlaceEnd.test(text.slice(Math.max(0, clause.start - 40), clause.start)));
      const found =
        clauseFinding(text, plain, clause, sText, framed) ??
        (netFramed && addressed && !addressTail ? netFinding(text, plain, clause, sText) : undefined);
      if (found) out.push(found);
    }
  }
  return out;
}

function cover(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
function offset(by: number, s: Span): Span {
  return { start: s.start + by, end: s.end + by };
}
function trim(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}
