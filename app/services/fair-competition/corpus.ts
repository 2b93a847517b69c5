/**
 * Labelled corpus for the fair-competition review (公平竞争审查), written BEFORE the rules and
 * independently of them, in the way real 招标公告 / 采购公告 / requests word their conditions.
 * `label` is the category of restriction, or "ordinary" for text that must be allowed.
 * Used by corpus.test.ts, which prints a confusion matrix and asserts recall and false refusals.
 * Do not tune a text to make a rule fire: add a new text instead and fix the rule.
 */
export type CorpusLabel =
  | "registration" // where the agency is registered / whose enterprise it is
  | "presence" // local office, branch, resident staff on site as a condition of bidding
  | "designation" // a named agency, or one recommended / filed / listed / approved by a department
  | "pool" // a pre-qualified pool, directory or shortlist the enterprise did not create
  | "local-ties" // local tax, social security, local staff, local track record
  | "preference" // extra points or priority for local agencies
  | "quota" // a limit on the number of agencies (限额管理)
  | "ordinary";

export type CorpusEntry = { text: string; label: CorpusLabel };

const r = (label: CorpusLabel, ...texts: string[]): CorpusEntry[] => texts.map((text) => ({ text, label }));

export const corpus: CorpusEntry[] = [
  ...r(
    "registration",
    "报价机构须为上海市企业。",
    "投标人须为在普陀区注册的独立法人。",
    "供应商注册地须在浙江省内。",
    "参与报名的中介机构注册地应为杭州市。",
    "申请人须是浦东新区注册登记的企业。",
    "本项目仅接受注册在江苏的评估机构报名。",
    "响应单位应为北京市本地企业，具有独立法人资格。",
    "投标单位需为深圳籍企业。",
    "限本省注册的测绘单位参加。",
    "须为区内注册企业，外地机构不予受理。",
    "报名单位须在市内登记注册满三年。",
    "只接受本地区工商注册的机构。",
    "供应商应当是在成都市高新区依法注册的法人单位。",
    "投标人营业执照登记机关须为苏州市市场监督管理局。",
    "竞价机构需注册于普陀，具备相应资质。",
    "非本省企业不得参与本次竞价。",
    "Bidders must be registered in Shanghai.",
    "Only firms incorporated in Zhejiang Province are eligible.",
    "Local firms only.",
    "The agency shall be a Putuo-registered company.",
    "Applicants must be enterprises registered within the district.",
    "Participation is restricted to companies whose place of registration is Beijing.",
  ),
  ...r(
    "presence",
    "投标人须在上海市设有常驻服务机构。",
    "中介机构应在本区设立办事处，方可报名。",
    "要求供应商在项目所在地设有分公司或服务网点。",
    "须在普陀区内有固定办公场所。",
    "中标后30日内须在本市设立分支机构。",
    "报名单位在杭州设有驻点团队的方可参与。",
    "投标人须承诺在区内派驻不少于3人的常驻服务团队，并提供本地办公地址证明。",
    "应在南京市有固定经营场所并提供房屋租赁合同。",
    "须在本地设有售后服务网点。",
    "外地机构须在本区注册分公司后方可承接业务。",
    "The agency must have a branch office in the district.",
    "Bidders shall maintain a permanent office in Shanghai.",
    "A local office within Putuo District is a prerequisite for participation.",
    "The supplier must establish a subsidiary in the city before signing the contract.",
    "Applicants are required to have a resident team stationed in the district.",
  ),
  ...r(
    "designation",
    "请选择区住建委推荐的检测机构承担。",
    "须由在区生态环境局备案的环评单位编制报告。",
    "建议委托区规划资源局认可的测绘单位，其他单位出具的成果不予认可。",
    "本项目由区发改委指定的咨询公司负责编制。",
    "须选用市水务局公布名录内的水土保持方案编制单位。",
    "限定由上海某某工程咨询有限公司承担。",
    "定向委托普陀区建筑设计院。",
    "应由经区应急管理局审核同意的安全评价机构实施。",
    "报告须由街道办事处认定的机构出具。",
    "仅限区财政局名单内的造价咨询单位报名。",
    "建议选择区审改办推荐的三家单位之一。",
    "The work shall be carried out by an agency recommended by the district housing bureau.",
    "Only agencies filed with the Putuo Ecology and Environment Bureau may bid.",
    "The report must be prepared by Huace Consulting Group.",
    "Only consultants approved by the municipal planning department will be considered.",
    "Bidders must be on the list published by the district water authority.",
  ),
  ...r(
    "pool",
    "本次从区中介服务机构备选库中随机抽取。",
    "仅限已入库的中介机构参与。",
    "响应单位须为区级中介服务机构名录库入库单位。",
    "从区财政局短名单中选取三家进行比选。",
    "报名单位须已入选本区造价咨询机构备选库。",
    "本项目在市级预选供应商库中邀请。",
    "未入库单位不得报名。",
    "须为2024年度区协议供货商名单内的单位。",
    "仅邀请入围区建设工程咨询机构库的单位参加。",
    "参与比选的机构从区审改办建立的中介机构短名单中产生。",
    "Applicants must be on the pre-qualified list of the district bureau.",
    "Only agencies in the approved supplier pool may respond.",
    "Selection will be made from the municipal shortlist of consultants.",
    "Firms not registered in the district's intermediary database are ineligible.",
    "Bidders shall be drawn from the standing roster maintained by the housing bureau.",
  ),
  ...r(
    "local-ties",
    "投标人须提供近6个月在本市缴纳社保的证明。",
    "项目负责人须在上海市缴纳社会保险满一年。",
    "供应商须在普陀区依法纳税。",
    "须具有本区同类项目业绩不少于两项。",
    "要求提供在本市完成的类似项目业绩。",
    "项目团队须为本地户籍人员。",
    "技术负责人应为上海户籍或持有上海居住证。",
    "投标单位近三年在浙江省内完成过不少于3个同类项目。",
    "须提供在区内的纳税证明。",
    "拟派人员须在本市社保缴纳满12个月。",
    "具有本区政府投资项目服务经历的单位方可报名。",
    "Bidders must provide proof of social insurance contributions paid in Shanghai.",
    "The firm must pay taxes in the district.",
    "At least two similar projects completed in Shanghai are required.",
    "Key staff shall hold local household registration.",
    "Only firms with local experience in Putuo will be considered.",
  ),
  ...r(
    "preference",
    "同等条件下，优先考虑本地机构。",
    "在本区注册的中介机构评审时加2分。",
    "上海本地企业优先。",
    "具有本市业绩的投标人予以加分。",
    "同等条件下优先选择在普陀设有办公场所的单位。",
    "本地注册企业报价可享受5%的价格扣除。",
    "市内企业在综合评分中额外加3分。",
    "优先考虑注册地在区内的评估机构。",
    "对于本省供应商，技术分加1分。",
    "在项目所在区有分支机构的优先。",
    "Preference will be given to agencies based in Putuo.",
    "Local firms will receive additional points in the evaluation.",
    "Priority is given to Shanghai-registered companies.",
    "Bidders with an office in the city will be favoured.",
    "Extra points for firms headquartered in Zhejiang.",
  ),
  ...r(
    "quota",
    "本项目限5家机构报名，报满即止。",
    "报名先到先得，名额有限。",
    "仅接受前三家报名的单位。",
    "报名单位数量上限为6家。",
    "每个项目限3家中介机构参与竞价。",
    "名额有限，额满为止。",
    "按报名先后顺序确定前10家入围。",
    "本次只选取前5名报名单位参与报价。",
    "最多允许8家单位参加比选。",
    "报名满3家后系统自动截止报名。",
    "Only the first 5 applicants will be accepted.",
    "Places are limited; first come, first served.",
    "A maximum of three agencies may register for this request.",
    "Registration closes once 10 firms have applied.",
    "Limited to 4 bidders.",
  ),
  ...r(
    "ordinary",
    "项目位于普陀区长寿路123号，用地面积约1.2公顷。",
    "服务地点：上海市普陀区真如镇。",
    "中介机构需到现场踏勘不少于两次。",
    "报告须符合上海市地方标准DB31/T 1234的要求。",
    "服务内容包括编制环境影响报告表，并配合普陀区生态环境局审批。",
    "要求具备测绘资质乙级及以上。",
    "项目负责人须具有注册造价工程师资格。",
    "本项目为企业自有资金，采用竞价选取。",
    "报价不得超过最高限价8万元。",
    "中标单位应在合同签订后20个工作日内提交报告。",
    "中介机构应熟悉上海市建设工程审批流程，按规定时限完成。",
    "项目所在地为浙江省杭州市西湖区，服务期间需多次赴现场。",
    "成果需报送上海市规划和自然资源局备案。",
    "报告编制应遵守《上海市环境保护条例》。",
    "需提交纸质版报告一式五份及电子版一份。",
    "服务期限为合同签订之日起60日。",
    "本项目地块位于浦东新区张江镇，现状为工业用地。",
    "现场踏勘时间：报名截止后第二个工作日，集合地点为普陀区政府东门。",
    "所有报名机构均可参加现场答疑，欢迎全国各地中介机构报名。",
    "拟派项目团队应不少于3人，其中高级工程师不少于1人。",
    "投标人应具有有效的营业执照和相应资质证书。",
    "投标人近三年无重大违法记录。",
    "中介机构应配合企业办理规划许可申请。",
    "项目为苏州工业园区内的厂房扩建。",
    "报告须经专家评审通过，评审费用由中介机构承担。",
    "服务期间需驻场配合施工单位进行监测，驻场费用包含在报价内。",
    "成果文件需盖章并由注册测绘师签字。",
    "合同签订后预付30%，成果通过审批后付清余款。",
    "注册地不限，全国范围内符合资质条件的机构均可报名。",
    "评审采用综合评分法，价格权重60%，信用评分权重40%。",
    "中介机构不得转包或分包本项目。",
    "请在上海市普陀区行政服务中心窗口提交审批材料。",
    "应根据北京市地方标准进行土壤检测。",
    "本项目需测绘面积约3000平方米，位于普陀区曹杨新村街道。",
    "中介机构应在报名时上传资质证书扫描件。",
    "报价应包含交通、差旅等全部费用。",
    "需提供近三年同类项目业绩不少于两项（不限地域）。",
    "服务地点在普陀区，工作时间需与业主协调。",
    "The project site is in Putuo District, Shanghai; a site visit is required.",
    "Deliver the report within 20 working days of the contract.",
    "The agency shall designate a qualified project leader.",
    "The assessment must comply with Shanghai local standard DB31/T 1234.",
    "Agencies registered anywhere in China are welcome to apply.",
    "The site is located in Pudong New Area near Zhangjiang.",
    "Bidders must hold a Grade B surveying qualification or above.",
    "The consultant will attend meetings at the Putuo District Administrative Service Center.",
    "Payment: 30% on signing, 70% after approval.",
    "The report must be submitted to the Shanghai Planning Bureau for filing.",
    "Experience with similar projects (any location) is required.",
    "Field work will take place in Hangzhou over two weeks.",
    "The team must include at least one registered cost engineer.",
    "Familiarity with the approval process of the district is an advantage but not required.",
    "An on-site survey is required before submitting the quotation.",
    "The selected agency shall keep project data confidential.",
    "Reports will be reviewed by an expert panel chosen by the enterprise.",
  ),
];

/**
 * A second set, written after the first version of the rules as a hold-out: the rules then caught
 * 24 of its 32 restrictive texts and refused 1 of its 12 ordinary ones; the misses were fixed by
 * widening the rules (never by editing these texts). Kept here so they cannot regress.
 */
export const holdout: CorpusEntry[] = [
  ...r("registration", "参选单位须为嘉定区内注册的企业法人。", "响应供应商须系本市依法登记的企业。", "报名机构应为广东省内企业。", "本次采购仅面向闵行籍中介机构。", "投标单位的营业执照须由徐汇区核发。", "Bidders shall be incorporated in Jiangsu.", "Tenderers must have their registered office in Hangzhou.", "Only Shanghai-based firms need apply."),
  ...r("presence", "成交供应商须在本区设立独立核算的分公司。", "供应商须在项目所在区县具有常设服务机构。", "服务机构应在区内设有固定的技术服务网点并配备不少于2名常驻人员。", "The winning bidder must open an office in Putuo within 30 days.", "Suppliers are expected to keep a resident engineer in the district throughout."),
  ...r("designation", "宜选用区市场监管局推荐名单中的机构。", "原则上由区环保局认定的单位开展评估。", "应选用经市住建委备案的检测机构。", "The firm should be one recommended by the district government."),
  ...r("pool", "须为本区中介超市入库单位。", "只限区政府采购中心短名单内单位。", "Consultants must appear on the bureau's approved list."),
  ...r("local-ties", "项目负责人社保须在本区缴纳。", "需提供杭州市内完成的同类业绩证明。", "Tax must be paid locally.", "Previous work in Shanghai is mandatory."),
  ...r("preference", "在同等条件下，注册地在本市的机构优先。", "在本区纳税的企业评分时加5分。", "Firms from the district will be given priority."),
  ...r("quota", "报名限前8家，额满即止。", "仅限三家单位报名。", "报名单位不超过五家。", "Registration will close after the first ten submissions.", "Up to 6 agencies may apply."),
  ...r(
    "ordinary",
    "项目位于嘉定区安亭镇，服务期间需现场配合。",
    "报告须满足浙江省地方标准要求。",
    "中介机构应派员参加在区行政服务中心召开的评审会。",
    "近三年内完成过不少于两项同类项目（地点不限）。",
    "成果报区生态环境局审批，中介机构负责答疑。",
    "本项目采用随机抽取方式选取中介机构。",
    "项目地块位于杭州市余杭区。",
    "服务地点：广东省深圳市南山区。",
    "The site is in Jiading District; bring safety equipment.",
    "The report will be filed with the district bureau by the enterprise.",
    "Bidders from any province are welcome.",
    "At least 3 valid bids are required; otherwise the request fails.",
  ),
];

/**
 * A third set, written after the second round of rules, in other notice styles (资格要求 lists, 在沪、
 * 长三角, "open to … only"): the rules then caught 16 of its 32 restrictive texts and refused 1 of its
 * 12 ordinary ones ("Our company is located in Putuo District."). Fixed by widening the rules.
 */
export const holdout2: CorpusEntry[] = [
  ...r("registration", "资格要求：注册地：上海市。", "申请人条件：1、上海市普陀区内依法设立的企业；", "供应商须为长三角地区以外不得参与。", "本项目面向本地中小企业。", "投标人须具有四川省工商行政管理部门颁发的营业执照。", "本次比选只对在沪注册企业开放。", "The bidder shall be a legal entity registered with the Shanghai Administration for Market Regulation.", "Companies from outside Zhejiang may not participate.", "Open to Putuo enterprises only."),
  ...r("presence", "投标人须在本市有办公地点。", "须提供在本区的办公用房产权证明或租赁合同。", "成交后须在普陀设立项目部，并常驻不少于2人。", "A permanent presence in the city is mandatory.", "The consultant must set up a local project office."),
  ...r("designation", "建议委托市规划院承担。", "本项目由区住建委确定的单位实施。", "应选择区水务局备案名录中的单位。", "Agencies must be accredited by the Shanghai Housing Commission."),
  ...r("pool", "从区级中介服务机构名录中抽取。", "限区中介服务机构库在库机构参与。", "Only firms on the district's shortlist may bid."),
  ...r("local-ties", "项目组成员须在本区连续缴纳社保6个月以上。", "近三年在普陀区承接过类似项目。", "须提供上海市内业绩合同。", "Staff must be Shanghai residents."),
  ...r("preference", "本地机构在同等条件下享有优先权。", "具有上海市服务网点的，评审加1分。", "Agencies with a Putuo office score 5 extra points."),
  ...r("quota", "本次只接受3家单位报名。", "报名截止以报满5家为准。", "Registration is limited to the first three firms.", "No more than five agencies will be admitted."),
  ...r(
    "ordinary",
    "资格要求：具有有效营业执照；具备测绘乙级资质。",
    "项目地点：上海市普陀区桃浦镇。",
    "中介机构须熟悉国家及本市相关技术规范。",
    "本项目服务对象为普陀区内企业。",
    "报名单位数量不足3家的，重新组织。",
    "须按上海市有关规定编制报告。",
    "本项目预算由企业自筹，上限5万元。",
    "中介机构在出具报告前应与区规划资源局沟通。",
    "Our company is located in Putuo District.",
    "The service must follow Shanghai's technical guidelines.",
    "Up to 3 site visits are included in the price.",
    "The project office of the enterprise is in Shanghai.",
  ),
];

/**
 * A fourth set, written fresh after the third round of rules: the rules then caught 16 of its 28
 * restrictive texts and refused none of its 12 ordinary ones — the best estimate of how the rules
 * do on wording nobody tuned them for. Fixed by widening the rules and adding a `review` backstop.
 */
export const holdout3: CorpusEntry[] = [
  ...r("registration", "投标人应是注册在青浦区的法人。", "参与比选的单位工商注册地须位于江宁。", "报价人必须是本区企业。", "不接受外省市机构报名。", "Participation is limited to firms domiciled in Guangdong.", "Non-Shanghai companies are not eligible."),
  ...r("presence", "须在天津市滨海新区设有实体办公机构。", "中选机构应承诺在本地派驻项目团队。", "须在区内租赁不少于100平方米的办公场地。", "Applicants need an established office in Suzhou.", "The agency shall have staff permanently based in the district."),
  ...r("designation", "由区规划资源局推荐的三家测绘单位中选择一家。", "报告应由区卫健委认可的机构出具。", "须使用镇政府指定的检测单位。", "Use the testing lab nominated by the town government."),
  ...r("pool", "在区政府采购中介库中选取。", "须为我区中介服务机构信息库成员。", "Only firms listed in the bureau's database may apply."),
  ...r("local-ties", "须提供在本区缴纳的近一年增值税纳税凭证。", "项目经理须为本市常住人口。", "须有为本区政府部门提供过服务的经历。", "Bidders must show tax records from Shanghai."),
  ...r("preference", "在评分中对本区企业给予适当倾斜。", "本市纳税企业综合评分加3分。", "Local agencies are preferred."),
  ...r("quota", "本项目拟邀请3家机构参与。", "报名采取限额制，满即止。", "Only 3 agencies will be invited to quote."),
  ...r(
    "ordinary",
    "测绘成果应符合《上海市测绘管理条例》。",
    "项目位于青浦区赵巷镇，请中介机构现场勘查。",
    "中介机构应具备在上海市开展业务所需的资质。",
    "报告提交至区规划资源局审批前，须经企业确认。",
    "本项目最高限价为3万元，限价以内报价有效。",
    "招标人地址：上海市普陀区大渡河路1668号。",
    "服务期内中介机构需派员参加不少于3次协调会。",
    "Bidders must have completed at least two similar projects in the last three years.",
    "The enterprise is a Shanghai company in the logistics sector.",
    "All agencies in the platform's directory may respond.",
    "The district bureau will review the report after delivery.",
    "Quotes must include travel to the site in Qingpu.",
  ),
];

/**
 * A fifth set, written fresh after the fourth round (with the review backstop): the rules then caught
 * 13 of its 24 restrictive texts and held 1 of its 12 ordinary ones for review (none refused).
 */
export const holdout4: CorpusEntry[] = [
  ...r("registration", "报名单位须属本市登记注册企业。", "要求供应商在奉贤区完成工商登记。", "竞价单位限松江区范围内企业。", "The respondent must be a company registered in this district.", "Bidders should be Beijing enterprises."),
  ...r("presence", "投标人应在项目所在街道有服务站点。", "须在上海设立全资子公司后方可签约。", "Bidders must operate a service centre in Wuxi.", "An office within 5 km of the district government is required."),
  ...r("designation", "经区建管委审定的单位方可承担。", "由主管部门推荐中介机构。", "The work must go to the firm endorsed by the Putuo housing bureau."),
  ...r("pool", "须在市中介服务网上平台备选机构名单中。", "本项目由区入围供应商中轮流选取。", "Selection is restricted to the bureau's framework panel."),
  ...r("local-ties", "拟派人员须在本区工作满两年。", "近两年在杭州地区有纳税记录。", "Team members must be residents of Shanghai.", "The firm must have completed projects for the Putuo government."),
  ...r("preference", "本地注册机构价格分上浮10%。", "Bidders registered in Putuo receive a 5% price discount in evaluation."),
  ...r("quota", "仅限前两家报名的机构。", "报名机构达到4家即停止报名。", "The first three registrants will be invited."),
  ...r(
    "ordinary",
    "报告须经上海市规划和自然资源局认可的专家评审。",
    "本项目由企业自主选择中介机构。",
    "拟派人员应具有相关专业中级及以上职称。",
    "中介机构应到普陀区档案馆查阅资料。",
    "竞价结束后3个工作日内公示结果。",
    "报名截止时间为2026年12月20日。",
    "The project is in the Putuo district and the work must follow district guidelines.",
    "Agencies from all provinces may respond.",
    "The enterprise, registered in Putuo, seeks a surveying agency.",
    "Site visits in Shanghai are at the agency's own cost.",
    "The report must be approved by the district bureau before construction.",
    "Priority is on quality and delivery time.",
  ),
];

/**
 * A sixth set, written fresh after the fifth round (both review backstops in place): the rules then
 * caught 11 of its 20 restrictive texts and held 3 of its 10 ordinary ones for review (none refused).
 */
export const holdout5: CorpusEntry[] = [
  ...r("registration", "参加单位应为宝山区属企业。", "注册资本不低于500万元且注册地为本市。", "须是在黄浦注册满两年的机构。", "Eligible bidders: enterprises with a business licence issued in Jiangsu."),
  ...r("presence", "中标人应在区内设立项目服务中心。", "须具备在本区24小时内到场服务的常驻力量。", "The agency must keep a representative office in Ningbo."),
  ...r("designation", "须从区生态环境局发布的推荐目录中选择。", "项目由区政府委托的国有咨询公司承担。", "Work will be awarded to the consultancy appointed by the district authority."),
  ...r("pool", "须为区级政府采购代理机构库成员单位。", "只能在已签订框架协议的机构中选择。", "Respondents must be members of the municipal consultant panel."),
  ...r("local-ties", "项目负责人须持有本市颁发的执业证书。", "须有在松江区完成的测绘成果备案记录三项以上。", "Bidders must employ staff who are registered locally."),
  ...r("preference", "区内机构在同等报价下中选。", "For equal scores, the agency registered in Shanghai wins."),
  ...r("quota", "每家机构报名后即锁定名额，共3个名额。", "Participation capped at five firms."),
  ...r(
    "ordinary",
    "中介机构需在项目所在地开展外业测量。",
    "报告应经区规划资源局审批通过后方为完成。",
    "需提供营业执照、资质证书复印件。",
    "本项目位于黄浦区外滩，周边文物保护要求高。",
    "中介机构应按宝山区城市更新要求编制方案。",
    "项目负责人须具有5年以上从业经验。",
    "Agencies should note the site is in Songjiang.",
    "The agency must attend a kickoff meeting in Putuo.",
    "Bidders must follow the Shanghai municipal technical standard.",
    "The report will be used for the district approval.",
  ),
];
