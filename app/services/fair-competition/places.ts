/**
 * Place names for the fair-competition review: every division in the vendored gazetteer by full name,
 * its short name unless the short name is an ordinary word (stop-list below), the English names of
 * app/data/regions.ts, and the words that mean "here" (本地、本市、区内 …, "local", "the district").
 * A place alone is never a finding: rules combine it with a requirement on the bidder.
 */
import { GAZETTEER } from "~/data/gazetteer";
import { provinces, citiesOf } from "~/data/regions";
import { GAZETTEER_PINYIN, GAZETTEER_PINYIN_SUFFIXED } from "~/data/gazetteer-pinyin";

/**
 * Short names that are also ordinary words, or too generic to mean a place without their suffix
 * ("和平" peace, "合作" cooperation, "资源" resources, "延长" extend). They still match with the
 * suffix (和平区, 合作市). A district adds a word here when a short name misfires.
 */
export const SHORT_NAME_STOP_LIST = new Set(
  (
    "和平 新华 长安 复兴 振兴 前进 友好 向阳 东风 新兴 太平 永和 工农 爱民 东方 合作 资源 通道 延长 公安 大方 方正 平原 新建 大通 大观 太和 江北 江南 河东 河西 桥东 桥西 " +
    "城东 城西 城南 城北 城中 城关 城厢 市中 鼓楼 南山 东山 青山 海港 运河 回民 宏伟 元宝 友谊 龙凤 阳明 东安 明光 天长 长乐 安远 永安 平和 安福 永丰 大安 安达 富裕 明水 " +
    "西市 建华 大东 立山 站前 平安 安国 安平 和顺 长子 中阳 交口 光明 安宁 富民 同心 共和 康乐 武功 无极 兴业 上街 天心 白云 红旗 胜利 解放 新城 新市 高新 经开 开发 中心 " +
    "东区 西区 南区 北区 新区 郊区 矿区 新民 先锋 团结 文明 和谐 幸福 吉利 长寿 清水 清河 新河 白山 宝塔 红山 松山 东河 青原 永定 安定 龙山 东港 二道 南关 长白 临江 江源 " +
    "大名 双桥 新会 新罗 东湖 湖口 石城 兴国 东乡 进贤 万安 龙泉 开化 天台 三门 南湖 东海 文水 清原 沿河 港口 " +
    // 会同 (jointly with: 会同区财政局; 管委会同意) is the county only as 会同县
    "会同"
  ).split(" "),
);

/** Words meaning "this place" in a request: 本地/本市/本区/区内/辖区/项目所在地 … */
export const LOCAL_ZH = [
  "本地区",
  "本辖区",
  "本行政区域",
  "本行政区",
  "本地",
  "本市",
  "本区",
  "本县",
  "本省",
  "本镇",
  "本街道",
  // Inner Mongolia's and the autonomous prefectures' own words for "here" (属本旗注册企业)
  "本旗",
  "本盟",
  "本州",
  "本乡",
  "我旗",
  "我盟",
  "我州",
  "本埠",
  "本区域",
  "辖内",
  // the requester's own division as a notice says it (我区企业、我市范围内)
  "我区",
  "我市",
  "我县",
  "我省",
  "我镇",
  "区内",
  // spoken forms (咱区的完税证明、我们县的机构、俺们这儿的公司)
  "咱们区",
  "咱们县",
  "咱们市",
  "咱们镇",
  "咱们省",
  "咱区",
  "咱县",
  "咱市",
  "咱镇",
  "咱省",
  "我们县",
  "我们区",
  "我们市",
  "我们镇",
  "我们省",
  "俺们县",
  "俺县",
  // spoken forms (在区里有常设团队、县城设立服务网点)
  "区里",
  "市里",
  "县里",
  "旗里",
  "盟里",
  "州里",
  "省里",
  "县城",
  "市内",
  "省内",
  "县内",
  // (not 盟内 or 旗内: 中介服务联盟内成员)
  "州内",
  "境内",
  "辖区内",
  "辖区",
  "当地",
  "属地",
  "本土",
  "项目所在地",
  "项目所在区",
  "项目所在市",
  "项目所在区县",
  "项目所在街道",
  "项目所在镇",
  "项目所在县区",
  "项目所在县",
  "项目所在旗",
  "项目所在乡镇",
  "项目地",
  "所在区",
  "所在地",
  "所在街道",
  // the district's own zone, named by its kind (在高新区设有固定办公点、经开区内注册)
  "高新区",
  "经开区",
  // 郑东新区、两江新区 (a functional zone named as 新区, not in the gazetteer of divisions), 镇域内 / 县域内 (round 24)
  "新区",
  "镇域",
  "县域",
  "市域",
  "乡域",
  "旗域",
  "开发区",
  "自贸区",
  "保税区",
  "综保区",
  "工业园区",
  // (round 136) a zone, a town, a village as a notice says "here" (在本园区完成过同类项目、镇内企业报价按97%计入评审)
  "本园区",
  "本片区",
  "本开发区",
  "本新区",
  "镇内",
  "乡内",
];

/** Regions above the provinces that notices name as if they were places (长三角地区以外不得参与). */
export const REGION_ZH = [
  "长三角",
  "长江三角洲",
  "珠三角",
  "珠江三角洲",
  "京津冀",
  "粤港澳大湾区",
  "大湾区",
  "成渝",
  "华东",
  "华南",
  "华北",
  "华中",
  "西南",
  "西北",
  "东北",
  // city clusters and metropolitan areas (优先选择哈长城市群范围内的服务机构、成渝地区双城经济圈内企业)
  "哈长城市群",
  "长株潭",
  "关中平原城市群",
  "中原城市群",
  "长江中游城市群",
  "山东半岛城市群",
  "北部湾城市群",
  "辽中南城市群",
  "呼包鄂榆",
  "滇中城市群",
  "黔中城市群",
  "兰西城市群",
  "天山北坡城市群",
  "长吉图",
  "成渝地区双城经济圈",
  "成渝双城经济圈",
  "长江经济带",
  "淮海经济区",
  "苏锡常",
  "厦漳泉",
  "深莞惠",
  "首都都市圈",
  "南京都市圈",
  "杭州都市圈",
  "沈阳都市圈",
  "武汉都市圈",
  "郑州都市圈",
  "西安都市圈",
  "福州都市圈",
  "成都都市圈",
  "重庆都市圈",
  "东三省",
  "黑吉辽",
  "蒙东",
];

/**
 * Nicknames and abbreviations that notices use for a place or a group of places (沪上、申城、羊城、鹏城、
 * 苏浙沪、江浙沪、八闽 …): masked as places like a division of the gazetteer. A run of two or more
 * single-character province abbreviations (苏浙沪、沪苏浙皖、川渝、京津) is a place too (`maskPlaces`).
 * A place alone is never a finding, so "沪杭高速" or "京沪高铁" in a title stays ordinary.
 */
export const NICKNAME_ZH = [
  // provincial capitals as people say them (在呼市有实验室的再来, round 26)
  "呼市",
  "乌市",
  "哈市",
  "石市",
  // Shanghai, Beijing, Tianjin, Chongqing
  "沪上",
  // 泸 typed for 沪 (the same pinyin, hu/lu confused by many input methods): 泸上 only ever means Shanghai
  "泸上",
  "申城",
  "魔都",
  "京城",
  "帝都",
  "京畿",
  "津门",
  "津沽",
  "山城",
  "雾都",
  // provincial capitals and large cities
  "羊城",
  "穗城",
  "花城",
  "鹏城",
  "深城",
  "蓉城",
  "榕城",
  "江城",
  "星城",
  "泉城",
  "春城",
  "冰城",
  "金陵",
  "姑苏",
  "杭城",
  "甬城",
  "鹭岛",
  "邕城",
  "筑城",
  "并州",
  "锡城",
  "鹿城",
  "古城西安",
  "长安城",
  // historical and regional names
  "八闽",
  "三秦",
  "齐鲁",
  "燕赵",
  "荆楚",
  "巴蜀",
  "三晋",
  "中原地区",
  "岭南",
  "江淮",
  "关中",
  "苏南",
  "苏北",
  "苏中",
  "浙北",
  "浙南",
  "皖南",
  "皖北",
  "闽南",
  "粤东",
  "粤西",
  "粤北",
  "胶东",
  "环渤海",
  "海峡西岸",
  "海西",
  "长株潭",
  "北上广深",
  "长江经济带",
  "泛珠三角",
  "闽三角",
  "湾区",
  "港澳",
  "江浙",
  "江浙沪",
  "江浙皖沪",
  // national new areas and free-trade zones by their short names (雄安新区 → 雄安)
  "雄安",
  "临港",
  "前海",
  "横琴",
  "南沙",
  "两江新区",
  "天府新区",
  "西咸",
  "贵安",
  "滨海新区",
  // the other state-level new areas by full name (their short names are ordinary words or districts elsewhere)
  "江北新区",
  "西海岸新区",
  "金普新区",
  "湘江新区",
  "福州新区",
  "滇中新区",
  "哈尔滨新区",
  "长春新区",
  "赣江新区",
  "兰州新区",
  "舟山群岛新区",
  "江东新区",
  "郑州航空港",
  "苏州工业园区",
  // (round 136) the Xinjiang Production and Construction Corps, a place of its own (兵团企业优先、在兵团缴纳社保)
  "新疆生产建设兵团",
  "兵团",
];

/** English names of regions above the provinces (the Yangtze River Delta, the Greater Bay Area …). */
export const REGION_EN = [
  "yangtze river delta",
  "yangtze delta",
  "pearl river delta",
  "greater bay area",
  "guangdong-hong kong-macao greater bay area",
  "guangdong-hong kong-macau greater bay area",
  "beijing-tianjin-hebei",
  "jing-jin-ji",
  "jingjinji",
  "bohai rim",
  "chengdu-chongqing",
  "bay area",
  "east china",
  "south china",
  "north china",
  "yangtze river economic belt",
  // state-level new areas and zones notices name as places
  "xiong'an",
  "xiongan",
  "qianhai",
  "hengqin",
  "nansha",
  "lingang",
  "liangjiang",
  "zhangjiang",
  "guian",
  "gui'an",
  "xixian",
  "tianfu",
  "xiangjiang new area",
  "jiangbei new area",
  "dianzhong",
  "ganjiang new area",
  "jinpu new area",
  "lanzhou new area",
  "west coast new area",
  "binhai new area",
  "zhoushan archipelago",
  "harbin new area",
  "changchun new area",
  "fuzhou new area",
  // conventional English names, not Hanyu Pinyin, that notices use (Tibet Autonomous Region, Urumqi, Ili Prefecture)
  "tibet",
  "lhasa",
  "shigatse",
  "nyingchi",
  "qamdo",
  "nagqu",
  "urumqi",
  "kashgar",
  "hotan",
  "khotan",
  "aksu",
  "korla",
  "turpan",
  "altay",
  "karamay",
  "bortala",
  "ili",
  "golmud",
  "hohhot",
  "ordos",
  "hulunbuir",
  "xilinhot",
  "harbin",
  "macau",
  "canton",
  // city abbreviations in English notes (SH-registered, BJ firms) — two letters that are no English word
  "sh",
  "bj",
  // city clusters by their hyphenated names
  "chang-zhu-tan",
  "changzhutan",
  "su-xi-chang",
  "xia-zhang-quan",
  "guang-fo",
];

/** English words for "this place" — used only inside rules that already express a requirement. */
export const LOCAL_EN = [
  "the district",
  "the city",
  "the municipality",
  "the province",
  "the county",
  "the region",
  "the local area",
  // (round 129) the county or city that hosts the project: "the bidder based in the host county"
  "the host county",
  "the host city",
  "the host district",
  "the host municipality",
  "the host province",
  "this district",
  "this city",
  "this province",
  "this municipality",
  "our district",
  "our city",
  "our county",
  "our province",
  "our municipality",
  "in-district",
  "in-city",
  "in-county",
  "in-province",
  // US notices: the counties around the requester
  "the tri-county area",
  "the bi-county area",
  "the tri-state area",
  "the metro area",
  "the metropolitan area",
  "tri-county",
  "home-grown",
  "homegrown",
  // 本地 in pinyin inside English (bendi firms)
  "bendi",
  "this locality",
  "the locality",
  "this county",
  "this region",
  "this town",
  "this township",
  "the township",
  "the project location",
  "the project area",
  "local",
  "locally",
];

/**
 * States, territories and provinces abroad that tenders in English restrict bidders to (round 134: "registered in
 * Queensland", "a presence in Western Australia", "payroll tax in the ACT"), and the city-state Singapore; as regex sources — Victoria is not
 * Victoria Harbour, Victoria Park or Victoria Peak (Hong Kong).
 */
export const ABROAD_EN = [
  "queensland",
  "new\\s+south\\s+wales",
  "nsw",
  "qld",
  "western\\s+australia",
  "south\\s+australia",
  "northern\\s+territory",
  "australian\\s+capital\\s+territory",
  // the ACT, lower-cased like a statute ("the Act"): only where a bidder is taxed, registered or based
  "(?<=\\b(?:tax|taxes|registered|based|located|incorporated|office|presence|residents?|operating)\\s+in\\s+the\\s+)act\\b",
  "tasmania",
  "victoria(?![\\s-]+(?:harbou?r|park|peak|road|street|st|square|station|university|line|prison|hospital|dockside|city|falls|cross))",
  "ontario",
  "british\\s+columbia",
  "alberta",
  "quebec",
  "manitoba",
  "saskatchewan",
  "nova\\s+scotia",
  "scotland",
  "wales",
  "england",
  "northern\\s+ireland",
  "singapore",
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const byLength = (a: string, b: string) => b.length - a.length || a.localeCompare(b);

function zhNames(): string[] {
  const names = new Set<string>();
  for (const [, name, , short] of GAZETTEER) {
    names.add(name);
    if (short && !SHORT_NAME_STOP_LIST.has(short)) names.add(short);
    // (round 136) an autonomous prefecture as people name it, its short name with 州 (恩施州户籍、延边州内企业、黔东南州)
    if (short && name.endsWith("自治州")) names.add(`${short}州`);
  }
  return [...names].sort(byLength);
}

function enNames(): string[] {
  const names = new Set<string>();
  const add = (n: string) => {
    const s = n.toLowerCase().replace(/\s+(prefecture|league|county|autonomous prefecture)$/, "");
    if (s.length >= 4) names.add(s);
    names.add(n.toLowerCase());
  };
  for (const r of REGION_EN) names.add(r);
  // the two-letter city abbreviations of chat and machine-translated English (the local GZ company, agencies from TJ);
  // not HZ (hertz) nor CD
  for (const a of ["sh", "bj", "gz", "tj", "sz", "cq", "nj"]) names.add(a);
  // every county-level division's short name in pinyin (Longgang, Xiaoshan, Wujiang): app/data/gazetteer-pinyin.ts
  for (const n of GAZETTEER_PINYIN) names.add(n);
  for (const p of provinces) {
    add(p.nameEn);
    add(p.nameEn.replace(/['’]/g, ""));
    for (const c of citiesOf(p.code)) {
      add(c.nameEn);
      add(c.nameEn.replace(/['’]/g, ""));
    }
  }
  return [...names].sort(byLength);
}

/** Sentinels standing for one character of a named place / of a "here" word (本地、区内) in masked text. */
export const PLACE_MARK = "\uE000";
export const LOCAL_MARK = "\uE001";
const LOCAL_SET = new Set(LOCAL_ZH);

let index: Map<string, string[]> | undefined;
function zhIndex(): Map<string, string[]> {
  if (index) return index;
  index = new Map();
  for (const name of [...LOCAL_ZH, ...REGION_ZH, ...NICKNAME_ZH, ...zhNames()]) {
    const list = index.get(name[0]!) ?? [];
    list.push(name);
    index.set(name[0]!, list);
  }
  for (const list of index.values()) list.sort(byLength);
  return index;
}

/**
 * Replaces every Chinese place name (longest first, left to right) by as many marks, so the
 * text keeps its length and rules can say {PLACE} without a 6,000-way alternation.
 */
const PLACEHOLDER = /^(?:xx|××|x×|×x|xxx|○○|〇〇|某某|\*\*)(?:自治区|自治州|自治县|省|市|区|县|旗|盟|州|镇|乡|街道)(?!域|间|别|分|划)/u;
export function maskPlaces(text: string): string {
  const idx = zhIndex();
  let out = "";
  let i = 0;
  while (i < text.length) {
    // 中华人民共和国境内 / 中国境内 / 全国范围内 is the whole country, not "here"
    const nation = NATIONWIDE.exec(text.slice(i, i + 12))?.[0];
    if (nation) {
      out += nation;
      i += nation.length;
      continue;
    }
    // XX区、××市、某某县 (round 132): a template's blank for a place is a place
    const blank = i > 0 && /[a-z×*]/u.test(text[i - 1]!) ? undefined : PLACEHOLDER.exec(text.slice(i, i + 8))?.[0];
    if (blank) {
      out += PLACE_MARK.repeat(blank.length);
      i += blank.length;
      continue;
    }
    const pinyinHit = pinyinPlaceAt(text, i);
    if (pinyinHit) {
      out += PLACE_MARK.repeat(pinyinHit);
      i += pinyinHit;
      continue;
    }
    // 川内注册企业: one province's abbreviation before 内 and a registration word
    if (
      (SINGLE_ABBREVIATION.test(text.slice(i, i + 6)) &&
        (i === 0 || /[^\u4e00-\u9fa5]|[为是在于的对限仅向与和及或虑择选用请]/u.test(text[i - 1]!))) ||
      (i > 0 && /[在于]/u.test(text[i - 1]!) && SINGLE_ABBREVIATION_AFTER_IN.test(text.slice(i, i + 4)))
    ) {
      out += PLACE_MARK;
      i += 1;
      continue;
    }
    const hit =
      idx
        .get(text[i]!)
        ?.find(
          (name) =>
            text.startsWith(name, i) &&
            !NOT_A_PLACE_BEFORE[name]?.test(text.slice(i + name.length, i + name.length + 4)) &&
            !NOT_A_PLACE_AFTER[name]?.test(text.slice(Math.max(0, i - 4), i)) &&
            !aboveOrBelow(text, i, name),
        ) ?? abbreviationRun(text, i);
    if (hit) {
      out += (LOCAL_SET.has(hit) ? LOCAL_MARK : PLACE_MARK).repeat(hit.length);
      i += hit.length;
    } else {
      out += text[i];
      i++;
    }
  }
  return out;
}

/**
 * 3项以上城市更新项目、5年以上林业调查、海拔3000米以上高原地区 (round 137): 以上/之上/以下/之下 run into the next word, and
 * 上城、上林、上高、下城 … are no counties there (以上海市企业为委托方 still names Shanghai).
 */
function aboveOrBelow(text: string, i: number, name: string): boolean {
  return /^[上下]/u.test(name) && !name.startsWith("上海") && i > 0 && /[以之]/u.test(text[i - 1]!);
}

/** A short name that runs into the next word (行政审批和政务服务局: 和政 + 务): not a place there. */
/** …and "here" words that are something else there: 本地部署 (on premises), XX县城关镇 (县 + 城关镇). */
/** …and a short name that ends a word begun before it (信息公开平台: 公 + 开平 + 台). */
const NOT_A_PLACE_AFTER: Record<string, RegExp> = {
  开平: /[公展召]$/u,
  // 坝上高寒区: 坝上 + 高寒, not 上高 (Shanggao county, round 24)
  上高: /坝$/u,
  合江: /[符结综配融联整]$/u,
  // 保护区内、矿区内、厂区内、施工区内: inside an area of the site, not "in this district"
  区内: /(?:保护|景|矿|厂|库|林|校|施工|作业|测|评价|调查|项目|场|灾|汇水|淹没|影响|开采|复垦|治理|扰动|防治|工)$/u,
};
const NOT_A_PLACE_BEFORE: Record<string, RegExp> = {
  和政: /^务/u,
  周至: /^少/u,
  项目地: /^(?:点|址|块|形|质|貌|下|上|面|基|区|铁|产)/u,
  // 区内重点工业项目: the project's standing (not 区内项目业绩)
  区内: /^(?:重点|重大)/u,
  本地: /^(?:\d+k|电网|(?:永久)?基本农田|耕地|林地|草原|水源地|块|区(?:抗震|地震|气象|气候|降雨|降水|水文|地质|土壤|植被)|乡土|树种|植物|物种|苗木|草种|水文|气象|终端|主机|机房|档案室|存放|保存|留存|统计|农产品|产量|(?:管理)?(?:规定|标准|政策|办法)|近[一二三两\d]+年|市场|房价|地价|成交|基准地价|部署|化部|存储|备份|服务器|磁盘|硬盘|缓存|数据库|网络|局域|调试|客户端|电脑|计算机|文件夹|软件|浏览器|安装|租车|用车|交通费|住宿|食宿|差旅|化(?:要求|说明|翻译|语言|处理|适配|改造|定制|开发|转换)|农户|居民|村民|牧民|渔民|住户|群众|百姓|老百姓)/u,
  当地: /^(?:\d+k|电网|(?:永久)?基本农田|耕地|林地|草原|水源地|乡镇政府|乡镇|政府|村委会?|居委会|社区|居民|村民|牧民|群众|风俗|习俗|民族|少数民族|宗教|民俗|生活习惯|饮食|气象|水文|地震|抗震|气候|降雨|降水|地质|乡土|树种|植物|物种)/u,
  // 本地区抗震设防烈度: the site's seismic and climate data
  本地区: /^(?:抗震|地震|气象|气候|降雨|降水|水文|地质|土壤|植被)/u,
  县城: /^关/u,
  // 3000米以上海拔: 以上 + 海拔, not Shanghai (round 137)
  上海: /^拔/u,
};

const NATIONWIDE = /^(?:中华人民共和国|中国|我国|全国)(?:大陆)?(?:境内|范围内|区域内|辖区内|内)/u;

let enSet: Set<string> | undefined;
const HAN = /[\u3400-\u9fff]/u;
/**
 * A place spelt in pinyin inside Chinese text (须在longgang区设有办公地址、在xiaoshan办理的居住证): the length of
 * the word at `i` when it is a known place name and touches a Chinese character on either side, else 0.
 */
function pinyinPlaceAt(text: string, i: number): number {
  if (!/[a-z]/u.test(text[i]!) || (i > 0 && /[a-z0-9'’-]/u.test(text[i - 1]!))) return 0;
  let j = i;
  while (j < text.length && /[a-z'’]/u.test(text[j]!)) j++;
  if (j - i < 4) return 0;
  const word = text.slice(i, j);
  const touches = (i > 0 && HAN.test(text[i - 1]!)) || (j < text.length && HAN.test(text[j]!));
  if (!touches) return 0;
  return (enSet ??= new Set(enNames())).has(word.replace(/['’]/gu, "")) || enSet.has(word) ? j - i : 0;
}

/** Single-character abbreviations of the provinces and large cities (沪、苏、浙、杭、穗 …). */
// (round 136) 疆 and 蒙 too (在疆缴纳社保、在蒙设有分公司)
export const PROVINCE_ABBREVIATIONS = "沪京津渝苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔滇藏陕甘陇冀晋辽吉黑疆蒙";
const SINGLE_ABBREVIATION = new RegExp(`^[${PROVINCE_ABBREVIATIONS}](?=内(?:注册|登记|设立|成立|依法|企业|机构|单位|公司))`, "u");

/**
 * (round 129) One abbreviation after 在/于 and before what an agency does or has there (注册地在沪的、须在浙设有分公司、
 * 在粤完成同类项目业绩、在京缴纳社保): a place. Before anything else (在黑名单、在京沪高铁) it is left alone.
 */
const SINGLE_ABBREVIATION_AFTER_IN = new RegExp(
  `^[${PROVINCE_ABBREVIATIONS}](?=设|注册|登记|完成|承接|实施|承担|缴|交纳|纳税|参保|有|的|[，,。；;]|$)`,
  "u",
);

const ABBREVIATION_RUN = new RegExp(`^[${PROVINCE_ABBREVIATIONS}杭甬穗港澳]{2,4}`, "u");

/** Abbreviations listed before 两地/三地/等地 (穗、深两地企业; normalised 、 is ，). */
/** City abbreviations that only mean a place in such a list (苏、锡、常三市; 嘉、湖两地). */
const LIST_ABBREVIATIONS = `${PROVINCE_ABBREVIATIONS}杭甬穗港澳深蓉榕宁锡常通扬镇泰盐徐连淮嘉湖绍温金衢舟厦汕佛莞珠青烟威潍`;
const ABBREVIATION_LIST = new RegExp(
  `^[${LIST_ABBREVIATIONS}](?:[，,和及与][${LIST_ABBREVIATIONS}]){1,5}(?=[两三四五六](?:地|市|省)|等地|等市|等省)`,
  "u",
);

/**
 * Two to four province abbreviations in a row (苏浙沪、沪苏浙皖、京津冀、川渝), not one character doubled (津津);
 * or a list of them before 两地/三地/等地 (穗、深两地).
 */
const ABBREVIATION_FIRST = new Set(LIST_ABBREVIATIONS);
function abbreviationRun(text: string, i: number): string | undefined {
  if (!ABBREVIATION_FIRST.has(text[i]!)) return undefined;
  const list = ABBREVIATION_LIST.exec(text.slice(i, i + 12));
  if (list) return list[0];
  const m = ABBREVIATION_RUN.exec(text.slice(i, i + 4));
  if (!m || new Set(m[0]).size < m[0].length) return undefined;
  return m[0];
}

let enCache: string | undefined;

/** Regex source matching an English place name (lower case, after normalisation). */
export function enPlaceSource(): string {
  // "Minle County", "Anning District": a short name that is an ordinary word or too short alone, before its suffix
  const suffixed = [...GAZETTEER_PINYIN_SUFFIXED].sort(byLength).join("|");
  return (enCache ??= `(?:${enNames()
    .map((n) => escape(n).replace(/\\? /g, "[\\s-]+"))
    .join("|")}|${ABROAD_EN.join("|")}|(?:${suffixed})(?=[\\s-]+(?:county|district|city|banner|prefecture)\\b))`);
}

export const enLocalSource = `(?:${[...LOCAL_EN].sort(byLength).map(escape).join("|")})`;
