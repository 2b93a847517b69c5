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
  ...r(
    "registration",
    "参选单位须为嘉定区内注册的企业法人。",
    "响应供应商须系本市依法登记的企业。",
    "报名机构应为广东省内企业。",
    "本次采购仅面向闵行籍中介机构。",
    "投标单位的营业执照须由徐汇区核发。",
    "Bidders shall be incorporated in Jiangsu.",
    "Tenderers must have their registered office in Hangzhou.",
    "Only Shanghai-based firms need apply.",
  ),
  ...r(
    "presence",
    "成交供应商须在本区设立独立核算的分公司。",
    "供应商须在项目所在区县具有常设服务机构。",
    "服务机构应在区内设有固定的技术服务网点并配备不少于2名常驻人员。",
    "The winning bidder must open an office in Putuo within 30 days.",
    "Suppliers are expected to keep a resident engineer in the district throughout.",
  ),
  ...r(
    "designation",
    "宜选用区市场监管局推荐名单中的机构。",
    "原则上由区环保局认定的单位开展评估。",
    "应选用经市住建委备案的检测机构。",
    "The firm should be one recommended by the district government.",
  ),
  ...r("pool", "须为本区中介超市入库单位。", "只限区政府采购中心短名单内单位。", "Consultants must appear on the bureau's approved list."),
  ...r(
    "local-ties",
    "项目负责人社保须在本区缴纳。",
    "需提供杭州市内完成的同类业绩证明。",
    "Tax must be paid locally.",
    "Previous work in Shanghai is mandatory.",
  ),
  ...r(
    "preference",
    "在同等条件下，注册地在本市的机构优先。",
    "在本区纳税的企业评分时加5分。",
    "Firms from the district will be given priority.",
  ),
  ...r(
    "quota",
    "报名限前8家，额满即止。",
    "仅限三家单位报名。",
    "报名单位不超过五家。",
    "Registration will close after the first ten submissions.",
    "Up to 6 agencies may apply.",
  ),
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
  ...r(
    "registration",
    "资格要求：注册地：上海市。",
    "申请人条件：1、上海市普陀区内依法设立的企业；",
    "供应商须为长三角地区以外不得参与。",
    "本项目面向本地中小企业。",
    "投标人须具有四川省工商行政管理部门颁发的营业执照。",
    "本次比选只对在沪注册企业开放。",
    "The bidder shall be a legal entity registered with the Shanghai Administration for Market Regulation.",
    "Companies from outside Zhejiang may not participate.",
    "Open to Putuo enterprises only.",
  ),
  ...r(
    "presence",
    "投标人须在本市有办公地点。",
    "须提供在本区的办公用房产权证明或租赁合同。",
    "成交后须在普陀设立项目部，并常驻不少于2人。",
    "A permanent presence in the city is mandatory.",
    "The consultant must set up a local project office.",
  ),
  ...r(
    "designation",
    "建议委托市规划院承担。",
    "本项目由区住建委确定的单位实施。",
    "应选择区水务局备案名录中的单位。",
    "Agencies must be accredited by the Shanghai Housing Commission.",
  ),
  ...r("pool", "从区级中介服务机构名录中抽取。", "限区中介服务机构库在库机构参与。", "Only firms on the district's shortlist may bid."),
  ...r(
    "local-ties",
    "项目组成员须在本区连续缴纳社保6个月以上。",
    "近三年在普陀区承接过类似项目。",
    "须提供上海市内业绩合同。",
    "Staff must be Shanghai residents.",
  ),
  ...r(
    "preference",
    "本地机构在同等条件下享有优先权。",
    "具有上海市服务网点的，评审加1分。",
    "Agencies with a Putuo office score 5 extra points.",
  ),
  ...r(
    "quota",
    "本次只接受3家单位报名。",
    "报名截止以报满5家为准。",
    "Registration is limited to the first three firms.",
    "No more than five agencies will be admitted.",
  ),
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
  ...r(
    "registration",
    "投标人应是注册在青浦区的法人。",
    "参与比选的单位工商注册地须位于江宁。",
    "报价人必须是本区企业。",
    "不接受外省市机构报名。",
    "Participation is limited to firms domiciled in Guangdong.",
    "Non-Shanghai companies are not eligible.",
  ),
  ...r(
    "presence",
    "须在天津市滨海新区设有实体办公机构。",
    "中选机构应承诺在本地派驻项目团队。",
    "须在区内租赁不少于100平方米的办公场地。",
    "Applicants need an established office in Suzhou.",
    "The agency shall have staff permanently based in the district.",
  ),
  ...r(
    "designation",
    "由区规划资源局推荐的三家测绘单位中选择一家。",
    "报告应由区卫健委认可的机构出具。",
    "须使用镇政府指定的检测单位。",
    "Use the testing lab nominated by the town government.",
  ),
  ...r("pool", "在区政府采购中介库中选取。", "须为我区中介服务机构信息库成员。", "Only firms listed in the bureau's database may apply."),
  ...r(
    "local-ties",
    "须提供在本区缴纳的近一年增值税纳税凭证。",
    "项目经理须为本市常住人口。",
    "须有为本区政府部门提供过服务的经历。",
    "Bidders must show tax records from Shanghai.",
  ),
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
  ...r(
    "registration",
    "报名单位须属本市登记注册企业。",
    "要求供应商在奉贤区完成工商登记。",
    "竞价单位限松江区范围内企业。",
    "The respondent must be a company registered in this district.",
    "Bidders should be Beijing enterprises.",
  ),
  ...r(
    "presence",
    "投标人应在项目所在街道有服务站点。",
    "须在上海设立全资子公司后方可签约。",
    "Bidders must operate a service centre in Wuxi.",
    "An office within 5 km of the district government is required.",
  ),
  ...r(
    "designation",
    "经区建管委审定的单位方可承担。",
    "由主管部门推荐中介机构。",
    "The work must go to the firm endorsed by the Putuo housing bureau.",
  ),
  ...r(
    "pool",
    "须在市中介服务网上平台备选机构名单中。",
    "本项目由区入围供应商中轮流选取。",
    "Selection is restricted to the bureau's framework panel.",
  ),
  ...r(
    "local-ties",
    "拟派人员须在本区工作满两年。",
    "近两年在杭州地区有纳税记录。",
    "Team members must be residents of Shanghai.",
    "The firm must have completed projects for the Putuo government.",
  ),
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
  ...r(
    "registration",
    "参加单位应为宝山区属企业。",
    "注册资本不低于500万元且注册地为本市。",
    "须是在黄浦注册满两年的机构。",
    "Eligible bidders: enterprises with a business licence issued in Jiangsu.",
  ),
  ...r(
    "presence",
    "中标人应在区内设立项目服务中心。",
    "须具备在本区24小时内到场服务的常驻力量。",
    "The agency must keep a representative office in Ningbo.",
  ),
  ...r(
    "designation",
    "须从区生态环境局发布的推荐目录中选择。",
    "项目由区政府委托的国有咨询公司承担。",
    "Work will be awarded to the consultancy appointed by the district authority.",
  ),
  ...r(
    "pool",
    "须为区级政府采购代理机构库成员单位。",
    "只能在已签订框架协议的机构中选择。",
    "Respondents must be members of the municipal consultant panel.",
  ),
  ...r(
    "local-ties",
    "项目负责人须持有本市颁发的执业证书。",
    "须有在松江区完成的测绘成果备案记录三项以上。",
    "Bidders must employ staff who are registered locally.",
  ),
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

/**
 * A seventh set (hold-out 6), written fresh for issue #11 BEFORE the clause-level detector
 * (structure.ts), by category, with nouns and verbs the rules had not been given. Scored before any
 * change: see the table in docs/fair-competition.md.
 */
export const holdout6: CorpusEntry[] = [
  ...r(
    "registration",
    "参选机构的工商注册所在地应当位于上海市行政区划内。",
    "本次比选仅对本区属地企业开放。",
    "供应商须持有静安区市场监管部门核发的营业执照。",
    "报名主体限定为苏州工业园区内登记的法人企业。",
    "外埠企业不在本次邀请范围之内。",
    "Eligible respondents are limited to firms domiciled in Pudong New Area.",
    "Out-of-town agencies will not be considered.",
  ),
  ...r(
    "presence",
    "成交供应商需在嘉定区内配备固定的服务场所。",
    "服务商应在本市拥有自有产权或租赁的办公用房，面积不少于80平方米。",
    "须在闵行设有常年驻守人员，接到通知后2小时内到达。",
    "投标人在本地无分支机构的，须在签约前完成设立。",
    "服务机构须在项目所在区域设立联络处。",
    "The consultant is expected to maintain a physical presence in Hangzhou throughout the contract.",
    "Suppliers without an establishment in the city will be disqualified.",
  ),
  ...r(
    "designation",
    "检测工作请委托区质监站推荐的实验室开展。",
    "须选用经市住建委登记在册的检测机构。",
    "环评报告编制单位以区环保部门公示的名单为准。",
    "建议由街道牵头确定的咨询单位承担本项工作。",
    "The survey shall be carried out by a firm on the list endorsed by the district planning office.",
    "Only laboratories certified by the Putuo market supervision bureau may submit quotes.",
  ),
  ...r(
    "pool",
    "参与单位须已纳入市级中介服务机构储备库。",
    "从区发改委建立的咨询机构备选名册中随机摇号确定。",
    "仅限本年度区政府采购协议供货单位参加。",
    "中介机构须为区财政局年度入围机构。",
    "Only agencies admitted to the district's pre-approved consultant register may respond.",
    "The agency will be drawn at random from the bureau's reserve list.",
  ),
  ...r(
    "local-ties",
    "拟派项目负责人须持有本市户籍或居住证满三年。",
    "投标人近三年须在青浦区有完税记录。",
    "项目组成员的社保须由投标人在本区连续缴纳满一年。",
    "须具备在上海市范围内完成的同类测绘项目不少于三个。",
    "团队成员中本地员工比例不低于70%。",
    "At least half of the project team must be on a Shanghai payroll.",
    "Bidders must demonstrate three comparable assignments delivered for clients in Putuo District.",
  ),
  ...r(
    "preference",
    "区内注册企业在技术评审中享有2分的加分。",
    "同等条件下，本地服务商优先成交。",
    "在本市纳税的投标人，其报价按95%计入评审。",
    "对上海市以外的投标人报价上浮5%后参与比较。",
    "Firms with a local office will be awarded five bonus points.",
    "Where scores are tied, the Shanghai-based agency will be chosen.",
  ),
  ...r(
    "quota",
    "本次报名额度为4家，报满后不再接受。",
    "按照报名顺序取前五位参加竞价。",
    "竞价单位控制在三家以内。",
    "报名单位超过6家时，以抽签方式确定6家参与报价。",
    "Registration will close as soon as four agencies have signed up.",
    "No more than three firms will be admitted to the price competition.",
  ),
  ...r(
    "ordinary",
    "项目位于闵行区莘庄镇，中介机构须自行前往现场勘查。",
    "本项目由区住建委审批，成果须满足其审查要求。",
    "测量成果须符合上海市地方标准DB31/T 1234。",
    "中介机构应具有独立法人资格，注册地不限。",
    "欢迎全国各地的中介服务机构报名参加。",
    "服务地点：上海市嘉定区安亭镇。",
    "项目负责人须具有注册测绘师资格。",
    "中介机构应在接到通知后24小时内派员到达现场。",
    "报价应包含往返项目所在地的差旅费用。",
    "中标机构须在本区行政服务中心窗口协助办理审批手续。",
    "报名单位不少于3家时方可开标。",
    "本项目预算为5万元，分两期支付。",
    "成果报送区规划资源局备案。",
    "企业已与区政府签订投资协议，项目位于临港新片区。",
    "中介机构须提供近三年同类项目业绩，地域不限。",
    "The site is in Jiading District; agencies must visit it before quoting.",
    "Agencies registered anywhere in China may apply.",
    "The report must comply with Shanghai local standards.",
    "At least three quotes are required for the award to be valid.",
    "The enterprise is based in Pudong and seeks a cost consultant.",
  ),
];

/**
 * An eighth set (hold-out 7), written fresh for issue #11 AFTER the structural detector and its
 * category work, and scored before anything was changed for it: see docs/fair-competition.md.
 */
export const holdout7: CorpusEntry[] = [
  ...r(
    "registration",
    "（三）投标人须为注册于长宁区的独立法人或其他组织。",
    "参与比选的单位，其统一社会信用代码登记机关应为上海市市场监督管理局或其分局。",
    "本项目采购对象为临港新片区内企业。",
    "Only Hangzhou-registered practices may submit a proposal.",
    "The tenderer's registered address must fall within Minhang District.",
  ),
  ...r(
    "presence",
    "成交人须于合同签订后十五日内在宝山区落实固定办公地点并报备。",
    "报价单位在本区没有常设机构的，报价无效。",
    "服务机构应具备在本市范围内提供现场技术支持的驻地团队。",
    "Bidders are required to have a permanent establishment within 20 km of the project site.",
    "The selected firm shall maintain a staffed office in Jing'an for the duration of the service.",
  ),
  ...r(
    "designation",
    "造价咨询须由区审计局确认的单位承担。",
    "本项目的检测服务须在镇建设管理中心推介的机构中产生。",
    "应选择经市交通委资质审查合格的设计单位。",
    "The monitoring contract will go to an organisation nominated by the sub-district office.",
    "Applicants must hold a letter of endorsement from the Jiading Housing Bureau.",
  ),
  ...r(
    "pool",
    "中介机构须列入区建设工程咨询服务单位目录。",
    "本次仅向区国资委合格承包商名单内的企业发出邀请。",
    "仅限纳入市级政府采购服务供应商资源池的机构。",
    "Bidders must already be enrolled in the municipal intermediary services catalogue.",
    "Invitations will be sent only to firms on the district finance bureau's approved list.",
  ),
  ...r(
    "local-ties",
    "项目负责人应为在本区连续缴纳城镇职工养老保险满两年的人员。",
    "近五年内在嘉兴市承接过不少于两项同类评估业务。",
    "投标人须提供本地税务机关出具的近一年完税证明。",
    "The lead surveyor must hold a Shanghai residence permit.",
    "Experience on at least two government projects in Changning is mandatory.",
  ),
  ...r(
    "preference",
    "评分办法：注册地在本区的供应商商务分额外计2分。",
    "本市纳税企业报价给予3%的价格扣除。",
    "综合得分相同的，由在本地设有办公场所的供应商优先中选。",
    "Proposals from Putuo-based consultancies will be scored one grade higher.",
    "Local suppliers will be favoured in the technical evaluation.",
  ),
  ...r(
    "quota",
    "本项目限额邀请4家中介机构参与竞价。",
    "报名家数以5家为限，超出部分不予受理。",
    "本次比选按报名先后顺序选取前三家单位。",
    "We will accept the first four expressions of interest only.",
    "Registration closes automatically once 6 firms have applied.",
  ),
  ...r(
    "ordinary",
    "项目位于宝山区顾村镇，拟建规模约2万平方米。",
    "中介机构须按上海市建设工程造价管理规定编制结算报告。",
    "成果文件须报区审计局审核。",
    "中介机构应派不少于2名专业人员参加现场踏勘。",
    "本项目欢迎各类所有制中介机构平等参与。",
    "评审专家从市评标专家库中随机抽取。",
    "报价单位应具有有效的营业执照和相应资质，注册地不限。",
    "采购人：上海某某物流有限公司（注册地：普陀区）。",
    "合同签订后，中介机构须在10个工作日内提交工作大纲。",
    "报名截止后，报价最低的前三名进入评审。",
    "The project site is at Gucun Town, Baoshan District.",
    "The consultant must attend weekly meetings at the client's office in Putuo.",
    "Deliverables must meet the Shanghai Municipal Engineering Standard DG/TJ 08.",
    "Firms of any size and from any province may bid.",
    "The final report will be submitted to the district planning bureau for approval.",
  ),
];

/**
 * A ninth set (hold-out 8), written fresh AFTER the fixes that followed hold-out 7, and scored blind:
 * nothing was changed for it (see docs/fair-competition.md).
 */
export const holdout8: CorpusEntry[] = [
  ...r(
    "registration",
    "响应人应系在本市依法登记并存续的市场主体。",
    "本次竞价对象为注册资金不低于100万元的闵行区企业。",
    "Firms whose head office is outside Jiangsu Province are not invited.",
  ),
  ...r(
    "presence",
    "签约前须取得项目所在区的办公房屋租赁备案证明。",
    "中选机构须保证其技术人员常年驻扎在区内。",
    "Respondents must be able to demonstrate a local operating base.",
  ),
  ...r(
    "designation",
    "报告编制单位应取得区应急管理局书面同意。",
    "须聘请由街道办事处介绍的第三方机构。",
    "Only surveyors that have been vetted by the Huangpu district government will be engaged.",
  ),
  ...r(
    "pool",
    "报名单位须为区住房保障部门备选库成员。",
    "从镇政府年度合作机构名单中择一委托。",
    "Only firms holding a place on the city's framework agreement may bid.",
  ),
  ...r(
    "local-ties",
    "项目团队中持有上海市居住证积分的人员须占半数以上。",
    "须提供在本区近三年的服务案例不少于五个。",
    "The company's social insurance contributions for its staff must have been paid in Suzhou for the last 12 months.",
  ),
  ...r(
    "preference",
    "对在本区有纳税记录的单位，评标时技术分上浮5%。",
    "当地企业报价可享受5%的优惠。",
    "Bids from companies headquartered in the district will receive a 3% price preference.",
  ),
  ...r(
    "quota",
    "报名数量达到3家时，平台将自动关闭报名通道。",
    "仅允许前五家完成报名的机构参加现场答疑及报价。",
    "Entries will be capped at the first three received.",
  ),
  ...r(
    "ordinary",
    "中介机构须熟悉普陀区的规划管理要求。",
    "服务期间，中标机构的项目负责人须按时参加在区政府召开的协调会。",
    "本项目资金来源为区级财政资金。",
    "成果须通过区住建委组织的专家评审。",
    "注册地在外省的机构同样可以报名。",
    "项目地址：上海市长宁区天山路。",
    "报价须包含全部税费。",
    "The project is funded by the Putuo district government.",
    "Agencies must deliver the report to the district archive in Putuo.",
    "At least two qualified staff must be assigned to the project.",
  ),
];

/**
 * Hold-out 9 (helper "fair", 2026-12-03): written blind, after hold-out 8, by category incl. regional
 * nicknames (沪上、申城、羊城、鹏城、苏浙沪、Yangtze River Delta), price/score factors, registration caps
 * and a department's consent to take part. Scored before any fix: 39/52 caught, 0/26 ordinary flagged;
 * after the fixes of that round 52/52, 0/26. See docs/fair-competition.md.
 */
export const holdout9: CorpusEntry[] = [
  ...r(
    "registration",
    "参选单位应系在苏州工业园区办理工商登记的法人主体。",
    "申报主体需持有闽籍营业执照。",
    "沪上注册满三年的咨询公司方可参与本次比选。",
    "仅限申城本土的造价咨询企业响应。",
    "限京津冀区域内依法设立的检测单位参与询价。",
    "投标人营业执照登记机关应为广州市或佛山市市场监督管理局。",
    "The consultant shall be a legal entity incorporated in Guangdong Province.",
    "粤港澳大湾区以外的机构恕不接受报名。",
    "本次遴选面向市内依法成立的中介服务机构，市外机构不在邀请之列。",
    "入围单位原则上应属本辖区企业。",
    "须为羊城注册企业。",
    "本次询价只对渝籍企业开放。",
    "Only firms based in the Yangtze River Delta may respond.",
    "Agencies from outside the Greater Bay Area will not be shortlisted.",
  ),
  ...r(
    "presence",
    "中选机构应在徐汇区范围内拥有固定经营场地，并提供房产证明或租赁合同。",
    "报名时须提供在杭常设服务站点的证明材料。",
    "服务机构需于宝山区设立常驻项目部，否则不予受理。",
    "The supplier must maintain a permanent staffed office within Minhang District.",
    "响应人在浙江省境内无实体办公地点的，其响应文件按无效处理。",
  ),
  ...r(
    "designation",
    "拟选机构须取得区住建委出具的推荐函。",
    "报名前应先征得镇规划办书面同意。",
    "经市环保部门审核同意的单位方可承接。",
    "本项目由区发改委指定的咨询公司负责编制。",
    "The valuer must be nominated by the Jing'an District Finance Bureau.",
    "申请参与的机构须报街道办事处审定后方可纳入报价范围。",
    "参与比选的单位须取得区行政审批局出具的准入意见。",
    "申报前须经镇人民政府批准。",
    "Bidders must obtain prior written consent from the district housing commission before registering.",
  ),
  ...r(
    "pool",
    "服务商从区财政局2024年度中介机构备选名单内随机产生。",
    "仅邀请列入市交通委勘察设计单位信用白名单的企业。",
    "The contract will be awarded from the approved panel maintained by the Songjiang district office.",
    "响应单位须为区国资委合格供应商名册内单位。",
  ),
  ...r(
    "local-ties",
    "项目负责人须具有上海户口。",
    "报价单位近一年在嘉定区的纳税额不低于50万元。",
    "拟派驻人员须由本地员工担任，且在本单位缴纳本市社会保险满12个月。",
    "须提供近三年在江苏省内完成的同类规划设计项目合同至少3份。",
    "The key personnel must hold a Beijing hukou.",
    "Applicants must show tax receipts paid to the Shenzhen tax authority for the past six months.",
  ),
  ...r(
    "preference",
    "注册地为虹口区的机构，其报价在评审时乘以0.97的系数。",
    "拥有闵行区服务网点的供应商，商务分另加3分。",
    "苏浙沪三地企业享受评审优惠，价格扣除3%。",
    "同等报价情况下，本区纳税企业优先中选。",
    "Local firms registered in Chongqing receive 5 bonus points in the technical evaluation.",
    "An evaluation weighting of 0.95 will be applied to the prices of suppliers with an office in Tianjin.",
    "优先选择长三角地区注册的评估机构。",
    "鹏城本地的检测机构报价另计优惠。",
  ),
  ...r(
    "quota",
    "本项目接收报名以6家为限，额满不再受理。",
    "报名单位达到四家后系统自动停止接收。",
    "按照报名先后顺序确定前三家机构参与比价。",
    "Registration will close as soon as five agencies have signed up.",
    "We will accept expressions of interest from a maximum of four consultancies.",
    "每个项目最多邀请3家中介机构参与报价。",
  ),
  ...r(
    "ordinary",
    "项目位于上海市闵行区莘庄镇，中选机构须安排人员到现场踏勘。",
    "成果文件须向区住建委报送备案。",
    "中选机构应在签约后10个工作日内完成初稿。",
    "限3个工作日内完成现场测绘。",
    "报价优先考虑服务质量和工期，不以最低价为唯一标准。",
    "评审按综合得分排名，得分最高者中选。",
    "服务范围涵盖浦东新区、闵行区两处厂区的环评。",
    "欢迎全国各地具备相应资质的机构报名。",
    "本项目共需3名专业人员，其中项目负责人须具有注册造价工程师资格。",
    "编制依据：《上海市建设工程造价管理办法》及相关地方标准。",
    "需配合区生态环境局开展现场检查。",
    "报名截止时间为2025年3月10日17:00，逾期不予受理。",
    "The site is on Changshou Road, Putuo District; the agency will attend two site meetings.",
    "Final deliverables shall be submitted to the Shanghai Municipal Planning Bureau for approval by the client.",
    "Priority will be given to proposals with the shortest delivery schedule.",
    "Up to 3 revisions of the report are included in the price.",
    "报价单位须具备CMA资质，并提供近三年同类项目业绩。",
    "中选机构须派员每周到项目所在地驻场两天。",
    "本公司位于苏州工业园区，本次委托的检测样品需送至公司仓库。",
    "沪杭高速改扩建工程交通影响评价。",
    "京沪高铁沿线地块土壤检测，报价须含采样费用。",
    "本次采购分两个标段，每家机构最多可投一个标段。",
    "项目成果需经区规划资源局审批后方可生效。",
    "报价包含往返上海市区的差旅费。",
    "Questions must be submitted by 5 March; answers will be published to all registered agencies.",
    "The consultant must be familiar with Guangdong provincial building codes.",
  ),
];

/**
 * Hold-out 10 (helper "fair", 2026-12-03): written blind after the hold-out 9 fixes, to check they
 * were not fitted to hold-out 9. Scored before any fix: 19/28 caught, 1/17 ordinary refused (a requester's
 * own registration) and 1/17 held (a staff list filed with a department after award); after the fixes
 * of that round 28/28, 0/17.
 */
export const holdout10: CorpusEntry[] = [
  ...r(
    "registration",
    "来自冀、晋两省以外的机构，本次不予邀请。",
    "申请单位工商注册所在地需位于福州市鼓楼区。",
    "本次服务商遴选范围：穗、深两地企业。",
    "The successful bidder must be a Zhejiang-registered entity.",
    "Applicants whose business licence was issued outside Sichuan will be screened out.",
    "限蓉城注册的规划设计单位报名。",
  ),
  ...r(
    "presence",
    "须承诺中选后30日内在金山区落地注册子公司。",
    "投标人须在蓉有固定办公地址并提供近6个月水电缴费单。",
    "Respondents lacking a physical footprint in Nanjing need not apply.",
  ),
  ...r(
    "designation",
    "参加比选的机构应持有区城管执法局开具的推介信。",
    "须由街道社区事务受理中心牵头同意后，方能进入报价环节。",
    "拟参与单位应先向区卫健委报批，获准后再行报名。",
    "Only practices that carry the endorsement of the city's land resources office will be admitted to the bidding.",
  ),
  ...r(
    "pool",
    "请从市住建委公布的优质中介服务机构名单中自行选择。",
    "Bids are restricted to members of the district's approved consultant framework.",
  ),
  ...r(
    "local-ties",
    "拟派项目经理须在苏州缴纳个税满两年。",
    "团队成员中应有三分之一以上持有本市居住证。",
    "Firms must evidence at least two completed commissions within the Hefei municipal area.",
  ),
  ...r(
    "preference",
    "在昆山市设立分支机构的单位，技术标得分乘以1.05。",
    "本省注册企业评审时报价按九五折计。",
    "宁波本地企业在价格分评审中给予2分奖励。",
    "Quotations from Shenzhen-registered practices will be reduced by 4% for evaluation purposes.",
    "优先考虑珠三角地区的评估机构。",
    "来自八闽大地的检测机构可获额外3分。",
    "Agencies headquartered in the Pearl River Delta enjoy a tie-break advantage.",
  ),
  ...r(
    "quota",
    "报名通道开放至第5家机构完成报名为止。",
    "本轮仅受理最先提交材料的三家服务机构。",
    "Submissions will be accepted until the fourth firm registers, after which the portal closes.",
  ),
  ...r(
    "ordinary",
    "服务内容：对沪宁高速沿线5个服务区进行能耗审计。",
    "报名截止后，平台将在3个工作日内公布参与机构名单。",
    "中选机构须于合同签订后7日内将人员名单报区住建委备案。",
    "本项目限价50万元，超出限价的报价无效。",
    "项目地点：广州市天河区珠江新城，需提供现场照片。",
    "报价单位数量不足3家时，本次比选终止并重新发布。",
    "评审小组由区财政局从专家库中随机抽取5名专家组成。",
    "成果须取得区规划资源局的审查意见后方可付款。",
    "响应文件须加盖公章，并经法定代表人签字。",
    "The consultant must attend fortnightly progress meetings at the Jinshan district office.",
    "Up to five site visits to the Pudong facility are included.",
    "The report must comply with Guangdong provincial technical standards and be approved by the client.",
    "Each firm may submit no more than one proposal.",
    "我单位注册于深圳市南山区，现委托一家机构开展能评。",
    "中选机构应具备独立法人资格，注册资本不少于100万元。",
    "需经业主书面同意后方可更换项目负责人。",
    "报名单位须提供近三年在全国范围内完成的类似项目业绩。",
  ),
];

/**
 * Hold-out 11 (helper "fair", 2026-12-03): written blind after the hold-out 10 fixes. Scored before any
 * fix: 21/24 caught, 0/14 ordinary refused, 1/14 held ("coordinate with the Xuhui district housing bureau");
 * after the fixes of that round 24/24, 0/14.
 */
export const holdout11: CorpusEntry[] = [
  ...r(
    "registration",
    "报价机构需为北京城区内成立的事业单位或企业。",
    "本项目面向湘籍及在湘设立分支的中介机构。",
    "The assignment is reserved for consultancies domiciled in the Chengdu–Chongqing region.",
    "津冀两地以外的供应商不予考虑。",
    "有意向的机构须为粤企。",
  ),
  ...r(
    "presence",
    "Bidders without a Tianjin business address will be marked non-compliant.",
    "中标人须在签约前于闵行设立服务窗口。",
    "An office in Xiamen staffed by at least three engineers is a precondition for participation.",
  ),
  ...r(
    "designation",
    "需由市场监管部门出具推荐意见的检测机构方可报价。",
    "报名材料须附所在区建设主管部门的同意报名证明。",
    "Participation is subject to clearance by the Haidian district commerce bureau.",
  ),
  ...r(
    "pool",
    "请在区审改办发布的中介服务机构推荐目录中选择。",
    "Only consultancies appearing on the provincial transport department's qualified supplier roster will be invited.",
  ),
  ...r(
    "local-ties",
    "仅接受在沪纳税满两个完整年度的单位参与。",
    "项目组主要成员须在杭州参保。",
    "投标人近五年应在广西区域内完成过至少两个同类项目。",
    "Team leads must have lived in Wuhan for at least three years.",
  ),
  ...r(
    "preference",
    "对注册于雄安新区的机构，技术评分上调10%。",
    "如评分相同，注册地在长沙的机构排名在前。",
    "本地化服务能力强的机构（在区内有固定办公场所）可获评审加分。",
    "Suppliers with a registered address in Hong Kong will have 3% deducted from their quoted price before comparison.",
  ),
  ...r(
    "quota",
    "报名按递交时间排序，仅前四名有效。",
    "Only the earliest five registrations will be processed.",
    "参与报价的中介机构数量以五家为上限。",
  ),
  ...r(
    "ordinary",
    "本次评估对象为位于沪闵路的厂房。",
    "中选机构应在区政务服务中心窗口递交成果。",
    "报价须在5个工作日内有效，超期视为放弃。",
    "本项目最终成果须报市生态环境局审批。",
    "中选机构须提供本项目驻场人员名单及联系方式。",
    "评审采用综合评分法，价格分占40分，技术分占60分。",
    "The consultant shall coordinate with the Xuhui district housing bureau throughout the project.",
    "Proposals will be scored on methodology (60 points) and price (40 points).",
    "项目所在地为浙江省湖州市，交通食宿费用由中选机构自理。",
    "需向区发改委报送节能评估报告，并根据审查意见修改。",
    "本次比选接受联合体报名。",
    "At least three agencies must respond for the selection to proceed.",
    "中介机构须具有独立法人资格，并具备国家认证认可监督管理委员会认可的CMA资质。",
    "报名时须提交营业执照副本及法定代表人授权书。",
  ),
];

/**
 * Hold-out 12 (helper "fair", 2026-12-03): written blind after the hold-out 11 fixes. Scored before any
 * fix: 15/20 caught, 1/12 ordinary refused (a permission after 不限制), 1/12 held ("travel to Tianjin");
 * after the fixes of that round 20/20, 0/12.
 */
export const holdout12: CorpusEntry[] = [
  ...r(
    "registration",
    "响应主体的统一社会信用代码须以“9131”开头（即上海市登记）。",
    "非蓉籍中介机构请勿报名。",
    "Responses are invited solely from entities chartered in Jiangsu.",
    "本项目仅向大湾区内地九市的机构开放报名。",
  ),
  ...r(
    "presence",
    "中选单位应承诺在合同期内于本街道内保持不少于一处实体门店。",
    "Firms must demonstrate an existing operational base inside the Pudong New Area at the time of application.",
  ),
  ...r(
    "designation",
    "参加报价的造价咨询单位名单由区建管委统一下发。",
    "机构报名须附区国资委出具的无异议函。",
    "Applicants shall hold a letter of support from the Minhang district government.",
  ),
  ...r(
    "pool",
    "承接单位从市级中介服务供应商预选池中摇号确定。",
    "Selection is confined to firms already on the county's standing list of approved assessors.",
  ),
  ...r(
    "local-ties",
    "拟派项目负责人的社保缴纳地须与项目所在地一致。",
    "报价单位须提供近两年在本区的完税证明。",
    "At least 70% of the delivery team must be Chongqing residents.",
  ),
  ...r(
    "preference",
    "注册地在青浦、松江、嘉定三区的机构，评审时可加计服务便利分4分。",
    "Firms incorporated in Hainan will be scored 10% higher on the service-capability criterion.",
    "同分时，以在本市纳税额较高者排序在前。",
  ),
  ...r(
    "quota",
    "本次询价名额共4个，报满即止。",
    "报名采取额度制，每期最多受理6家。",
    "Only the initial three registrants will proceed to the quotation stage.",
  ),
  ...r(
    "ordinary",
    "项目为申城路沿线绿化改造工程的环境影响评价。",
    "中选机构须于每月5日前向区住建委提交进度报告。",
    "报价不得超过最高限价，限价为人民币30万元。",
    "请在报名截止前通过平台上传响应文件，逾期系统自动关闭。",
    "本项目的服务地点为广东省深圳市龙岗区，需多次赴现场。",
    "评分办法：技术方案40分，团队经验30分，报价30分。",
    "The report will be reviewed by the municipal planning bureau before final payment.",
    "Bidders may propose up to two alternative methodologies.",
    "中介机构的项目负责人应具有高级工程师职称，并熟悉长三角一体化示范区相关政策。",
    "本项目不限制机构注册地，外省机构可通过平台线上报名。",
    "中选后须与我公司在苏州签订合同。",
    "The selected consultant should expect to travel to Tianjin twice a month.",
  ),
];

/**
 * Hold-out 13 (helper "fair", 2026-12-03): written blind after the hold-out 12 fixes. Scored before any
 * fix: 19/22 caught, 0/12 ordinary flagged; after the fixes of that round (economic zones, travel-time
 * distances, "第4家及以后") 22/22, 0/12.
 */
export const holdout13: CorpusEntry[] = [
  ...r(
    "registration",
    "参与主体限定为工商登记在宁波辖区的企业。",
    "请非江西省内注册的单位不要参加本次遴选。",
    "本次采购对象：注册于临港新片区的专业机构。",
    "Tenderers must have their principal place of business in Zhuhai.",
    "限渝企报价。",
  ),
  ...r(
    "presence",
    "中选机构须具备在本县开展业务的常设机构。",
    "Applicants must operate a staffed branch within a 30-minute drive of the Songjiang site.",
  ),
  ...r("designation", "须使用镇政府牵头确定的合作测绘单位。", "报价单位需持有区市场监管局推荐证明。"),
  ...r("pool", "报名单位应列入区住建委年度诚信企业名录。", "Only agencies shortlisted by the Qingpu district planning office may quote."),
  ...r(
    "local-ties",
    "投标人近三年须在厦门市范围内有不少于5个已完工的同类业绩。",
    "项目组成员须为本市户籍或持本市居住证满三年。",
    "The lead auditor must have paid individual income tax in Ningbo for the past 24 months.",
    "京津冀以外注册的机构须额外提供异地备案证明。",
  ),
  ...r(
    "preference",
    "在京机构评审时给予价格10%的扣减。",
    "在本县有固定办公场地的投标人，技术分额外增加3分。",
    "Local presence in Suzhou will earn bidders an additional 5 marks.",
    "Priority goes to firms from the Pearl River Delta.",
  ),
  ...r(
    "quota",
    "本次报名名额为3家，按提交时间先后确认。",
    "第4家及以后报名的机构不予受理。",
    "The online form will stop accepting responses after the sixth submission.",
  ),
  ...r(
    "ordinary",
    "本项目为宁波舟山港扩建工程的海域使用论证。",
    "中选机构应指派熟悉临港新片区政策的项目负责人。",
    "报名后3日内须缴纳保证金，逾期视为放弃。",
    "报价时请注明服务期限，最长不超过60日。",
    "本次比选邀请全国范围内的机构参与，名额不限。",
    "成果需经县自然资源局组织专家评审通过。",
    "The survey area covers 12 villages in Chongming district.",
    "Agencies may submit questions to the Putuo district office by email.",
    "中选机构须按北京市地方标准DB11编制报告。",
    "本次采购预算为区级财政资金，由区财政局统一支付。",
    "报价排名前三的机构进入第二轮答辩。",
    "Each bidder must name one project manager and no more than five team members.",
  ),
];

/**
 * Hold-out 14 (helper "fair", 2026-12-03): written blind after the hold-out 13 fixes (with full-width
 * and spaced-out text). Scored before any fix: 18/20 caught, 0/10 refused, 1/10 held (a place before
 * 测绘成果专用章); after the fixes of that round 20/20, 0/10.
 */
export const holdout14: CorpusEntry[] = [
  ...r(
    "registration",
    "报 名 机 构 须 为 江 苏 省 登 记 注 册 的 法 人 单 位 。",
    "Ｓｈａｎｇｈａｉ以外的机构不在本次征集之列。",
    "Firms that are not Hubei-registered are ineligible.",
    "本项目仅对闽南三市的机构开放。",
    "仅限沪籍或注册在江浙的咨询单位参加。",
  ),
  ...r(
    "presence",
    "须在普陀有稳定的项目服务团队和固定办公室（须提供租赁合同）。",
    "We require the consultant to run a local service desk in Nanning.",
  ),
  ...r(
    "designation",
    "报名须提交属地镇政府的推荐意见书。",
    "The appointed firm will be the one put forward by the district construction committee.",
  ),
  ...r(
    "pool",
    "本项目限于县财政局政府采购协议供货商中选择。",
    "Respondents must already be enrolled in the municipal intermediary services registry.",
  ),
  ...r(
    "local-ties",
    "项目负责人须为长期居住在本区的人员。",
    "近三年内须在本省承担过不少于3项同类服务，并提供业主评价。",
    "At least half of the engineers on the team must be on the payroll of a Guangzhou-registered entity.",
  ),
  ...r(
    "preference",
    "本市纳税企业在技术评审中享受5分的政策性加分。",
    "For ranking purposes, prices from out-of-province firms are increased by 6%.",
    "熟悉本地情况且在区内注册的机构将被优先推荐。",
  ),
  ...r(
    "quota",
    "鉴于工作量有限，本次仅接纳两家机构报名。",
    "报名情况：每日限报1家，额满为止。",
    "Sign-ups are limited to the first four eligible firms.",
  ),
  ...r(
    "ordinary",
    "普陀区长风街道社区卫生服务中心改建项目的结构安全检测。",
    "中选机构须在区政府采购平台上传合同。",
    "报价须在报名截止前提交，每家机构仅可提交一次报价。",
    "The work includes three visits to the plant in Kunshan and a final presentation in Shanghai.",
    "中选机构的出具报告须加盖上海市测绘成果专用章。",
    "本项目评审由采购人依法组建的评审小组负责。",
    "Bidders must include VAT in their quotes and state the validity period.",
    "服务期内如需延期，须经采购人书面同意。",
    "机构的项目负责人须持有有效的注册城乡规划师证书。",
    "需满足《江苏省建设工程勘察设计管理条例》的相关要求。",
  ),
];

/**
 * Hold-out 15 (helper "fair", 2026-12-03): written blind after the hold-out 14 fixes. Scored before any
 * fix: 14/20 caught, 0/10 ordinary flagged; after the fixes of that round 19/20, 0/10 — still missed:
 * "本项目的检测机构由市质监站确定后通知采购人" (a clause naming the requester gives no finding).
 */
export const holdout15: CorpusEntry[] = [
  ...r(
    "registration",
    "投标人的税务登记机关应在安徽省合肥市辖区范围内。",
    "面向注册地为雄安的机构定向征集。",
    "Participation is open only to companies whose legal address is in Xinjiang.",
    "仅限注册地在京、津两地的造价咨询企业。",
  ),
  ...r(
    "presence",
    "响应单位在本市须拥有自有产权或租期一年以上的办公用房。",
    "A locally staffed project office in Wuxi must be in operation before contract signing and is a bidding requirement.",
  ),
  ...r(
    "designation",
    "本项目的检测机构由市质监站确定后通知采购人。",
    "报名者须持街道出具的“同意参与”确认单。",
    "Consultants will only be considered if vouched for by the county planning authority.",
  ),
  ...r(
    "pool",
    "参与机构须是区应急局安全评价机构备选库中的成员单位。",
    "Eligible firms are those on the provincial roster of pre-approved valuers.",
  ),
  ...r(
    "local-ties",
    "本项目要求投标人近一年在本区累计缴纳增值税不少于20万元。",
    "Key staff must hold Shanghai residence permits.",
    "须具备在青岛市完成的3个以上同类项目经验。",
  ),
  ...r(
    "preference",
    "对区内注册企业，报价按评审价的九折计算。",
    "In the event of equal scores, the bidder with a branch in Hefei ranks first.",
    "在浙设有分公司的机构享受商务分满分。",
  ),
  ...r(
    "quota",
    "因场地限制，现场报名仅接待前三家机构。",
    "报名家数以4家封顶。",
    "No further registrations will be taken once three consultancies have applied.",
  ),
  ...r(
    "ordinary",
    "项目位于雄安新区容城县，需踏勘两次。",
    "中选机构须向市质监站申请检测备案。",
    "报价有效期为90天，限报一次。",
    "Site inspections in Wuxi will be arranged by the client.",
    "报名机构数量不少于3家方可开评。",
    "编制成果须满足《上海市城市更新条例》的要求。",
    "The consultant should coordinate with the Qingdao municipal bureau for data.",
    "机构应具有乙级及以上工程造价咨询资质。",
    "本项目由区建管委监督实施。",
    "欢迎京津冀及全国其他地区的机构报名参加。",
  ),
];
