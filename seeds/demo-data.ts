import type { AgencyEntityType, OrgKind, Role } from "~/generated/prisma/enums";
import { makeCreditCode } from "~/lib/credit-code";
import { makeResidentId } from "~/lib/resident-id";

/** A demo practitioner's resident ID number (fictitious): region, birth date, sequence, and the check character. */
const rid = (first17: string) => makeResidentId(first17);

/** One password for every demo account (listed in README.md). Never used outside the demo seed. */
export const DEMO_PASSWORD = "Demo@2026zj";

export type DemoUser = { email: string; name: string; role: Role };

export type DemoOrg = {
  kind: OrgKind;
  name: string;
  creditCode: string | null;
  regionCode: string | null;
  contactPhone: string;
  users: DemoUser[];
};

/**
 * When a demo credential ends, relative to the database clock at seeding, so the
 * demo looks the same whatever the date: `{ years: n }` ends on 31 December
 * (Beijing time) n years after the current Beijing year; `{ expiredDaysAgo: n }`
 * ended n days ago.
 */
export type DemoValidity = { years: number } | { expiredDaysAgo: number };

export type DemoAgency = DemoOrg & {
  entityType: AgencyEntityType;
  status: "LISTED" | "APPLIED";
  introduction: string;
  practitioners: { name: string; qualification: string; certificateNo: string; idNumber: string }[];
  credentials: { type: string; level: string; number: string; issuer: string; validUntil: DemoValidity; items: string[] }[];
};

const code = (region: string, org: string, kind = "91") => makeCreditCode(`${kind}${region}${org}`);

export const demoOrgs: DemoOrg[] = [
  {
    kind: "COMPANY",
    name: "上海普陀城市发展投资有限公司",
    creditCode: code("310107", "MA1G8K2Q3"),
    regionCode: "310107",
    contactPhone: "021-52560001",
    users: [{ email: "enterprise@demo.zjcs.cn", name: "陈晓华", role: "ENTERPRISE" }],
  },
  {
    kind: "NATURAL_PERSON",
    name: "李建国",
    creditCode: null,
    regionCode: null,
    contactPhone: "13800138000",
    users: [{ email: "person@demo.zjcs.cn", name: "李建国", role: "ENTERPRISE" }],
  },
  {
    kind: "GOVERNMENT",
    name: "上海市普陀区建设和管理委员会",
    creditCode: code("310107", "002424881", "11"),
    regionCode: "310107",
    contactPhone: "021-52564588",
    users: [{ email: "gov@demo.zjcs.cn", name: "王立新", role: "ENTERPRISE" }],
  },
  {
    kind: "GOVERNMENT",
    name: "上海市普陀区发展和改革委员会（行业主管部门）",
    creditCode: code("310107", "002424901", "11"),
    regionCode: "310107",
    contactPhone: "021-52564001",
    users: [
      { email: "regulator@demo.zjcs.cn", name: "赵敏", role: "REGULATOR" },
      // A second inspector: a random inspection draws two (双随机, decision 030).
      { email: "inspector@demo.zjcs.cn", name: "钱进", role: "REGULATOR" },
    ],
  },
  {
    kind: "GOVERNMENT",
    name: "上海市普陀区审改办",
    creditCode: code("310107", "002424928", "11"),
    regionCode: "310107",
    contactPhone: "021-52564002",
    users: [{ email: "admin@demo.zjcs.cn", name: "周文", role: "ADMIN" }],
  },
];

const future = (years: number): DemoValidity => ({ years });

export const demoAgencies: DemoAgency[] = [
  {
    kind: "AGENCY",
    entityType: "COMPANY",
    status: "LISTED",
    name: "上海华测勘察设计有限公司",
    creditCode: code("310107", "MA1FL4R5X"),
    regionCode: "310107",
    contactPhone: "021-62551234",
    introduction: "从事工程勘察、土地勘测与房产测绘二十余年。",
    users: [{ email: "agency@demo.zjcs.cn", name: "孙伟", role: "AGENCY" }],
    practitioners: [
      { name: "孙伟", qualification: "注册测绘师", certificateNo: "CH310001", idNumber: rid("31010719780312011") },
      { name: "刘洋", qualification: "注册土木工程师（岩土）", certificateNo: "AY310022", idNumber: rid("31010719850921018") },
    ],
    credentials: [
      {
        type: "测绘资质",
        level: "甲级",
        number: "甲测资字31100123",
        issuer: "自然资源部",
        validUntil: future(2),
        items: ["土地勘测", "房产测绘"],
      },
      {
        type: "施工图审查机构（一类/二类）",
        level: "一类",
        number: "沪审图认字第0123号",
        issuer: "上海市住房和城乡建设管理委员会",
        validUntil: future(1),
        items: ["建设工程施工图审查"],
      },
    ],
  },
  {
    kind: "AGENCY",
    entityType: "COMPANY",
    status: "LISTED",
    name: "浙江绿源环境科技有限公司",
    creditCode: code("330100", "MA2H1R7C4"),
    regionCode: "330100",
    contactPhone: "0571-86001234",
    introduction: "环境影响评价、水土保持方案编制、节能评估。",
    users: [{ email: "agency2@demo.zjcs.cn", name: "钱江", role: "AGENCY" }],
    practitioners: [{ name: "钱江", qualification: "环境影响评价工程师", certificateNo: "HP00012345", idNumber: rid("33010019820105025") }],
    credentials: [
      { type: "环评工程师", level: "—", number: "HP00012345", issuer: "生态环境部", validUntil: future(3), items: ["环境影响评价"] },
      {
        type: "水土保持方案编制能力评价",
        level: "三星",
        number: "水保方案(浙)字第0123号",
        issuer: "中国水土保持学会",
        validUntil: future(1),
        items: ["水土保持方案编制"],
      },
      {
        type: "工程咨询单位资信",
        level: "乙级",
        number: "乙142019010123",
        issuer: "浙江省工程咨询协会",
        validUntil: { expiredDaysAgo: 150 },
        items: ["节能评估"],
      },
    ],
  },
  {
    kind: "AGENCY",
    entityType: "COMPANY",
    status: "LISTED",
    name: "江苏苏地地质工程有限公司",
    creditCode: code("320100", "MA1MXW2P8"),
    regionCode: "320100",
    contactPhone: "025-83001234",
    introduction: "地质灾害危险性评估、地震安全性评价与土地勘测。",
    users: [{ email: "agency3@demo.zjcs.cn", name: "周宁", role: "AGENCY" }],
    practitioners: [
      { name: "周宁", qualification: "高级工程师（水工环地质）", certificateNo: "GJ320088", idNumber: rid("32010019900617032") },
    ],
    credentials: [
      {
        type: "地质灾害评估和治理工程勘查设计资质",
        level: "甲级",
        number: "320420230012",
        issuer: "江苏省自然资源厅",
        validUntil: future(2),
        items: ["地质灾害危险性评估", "土地勘测"],
      },
      {
        type: "地震安全性评价能力",
        level: "—",
        number: "苏震安评2023-08",
        issuer: "江苏省地震局",
        validUntil: future(2),
        items: ["地震安全性评价"],
      },
    ],
  },
  {
    kind: "AGENCY",
    entityType: "COMPANY",
    status: "LISTED",
    name: "广东粤安安全技术服务有限公司",
    creditCode: code("440300", "MA5DC7L2X"),
    regionCode: "440300",
    contactPhone: "0755-82001234",
    introduction: "安全评价、职业病危害评价。",
    users: [{ email: "agency4@demo.zjcs.cn", name: "黄志强", role: "AGENCY" }],
    practitioners: [
      { name: "黄志强", qualification: "安全评价师（一级）", certificateNo: "AQ44000321", idNumber: rid("44030019761130039") },
    ],
    credentials: [
      {
        type: "安全评价机构资质",
        level: "乙级",
        number: "APJ-（粤）-0123",
        issuer: "广东省应急管理厅",
        validUntil: future(2),
        items: ["安全评价"],
      },
      {
        type: "职业卫生技术服务机构资质",
        level: "乙级",
        number: "粤卫职技字（2024）第012号",
        issuer: "广东省卫生健康委员会",
        validUntil: future(1),
        items: ["职业病危害评价"],
      },
    ],
  },
  {
    kind: "AGENCY",
    entityType: "COMPANY",
    status: "LISTED",
    name: "北京京诚水务工程咨询有限公司",
    creditCode: code("110108", "MA01B2C3D"),
    regionCode: "110108",
    contactPhone: "010-62001234",
    introduction: "水资源论证、洪水影响评价、水土保持方案编制。",
    users: [{ email: "agency5@demo.zjcs.cn", name: "马骏", role: "AGENCY" }],
    practitioners: [
      { name: "马骏", qualification: "注册土木工程师（水利水电工程）", certificateNo: "SL110456", idNumber: rid("11010819880808046") },
    ],
    credentials: [
      {
        type: "水资源论证能力评价",
        level: "甲级",
        number: "水论证甲字第0456号",
        issuer: "中国水利企业协会",
        validUntil: future(2),
        items: ["水资源论证", "洪水影响评价", "水土保持方案编制"],
      },
    ],
  },
  {
    kind: "AGENCY",
    entityType: "COMPANY",
    status: "LISTED",
    name: "四川蜀天气象科技服务有限公司",
    creditCode: code("510100", "MA6CQ1T9Y"),
    regionCode: "510100",
    contactPhone: "028-85001234",
    introduction: "雷电灾害风险评估与气候可行性论证。",
    users: [{ email: "agency6@demo.zjcs.cn", name: "杨帆", role: "AGENCY" }],
    practitioners: [
      { name: "杨帆", qualification: "高级工程师（大气科学）", certificateNo: "QX510777", idNumber: rid("51010019830422053") },
    ],
    credentials: [
      {
        type: "雷电防护装置检测资质",
        level: "甲级",
        number: "川雷检甲字2023-01",
        issuer: "四川省气象局",
        validUntil: future(2),
        items: ["雷电灾害风险评估", "气候可行性论证"],
      },
    ],
  },
  {
    kind: "AGENCY",
    entityType: "INDIVIDUAL_BUSINESS",
    status: "LISTED",
    name: "上海市普陀区明远房产测绘服务部",
    creditCode: code("310107", "MA1N3P4Q5", "92"),
    regionCode: "310107",
    contactPhone: "13916001234",
    introduction: "个体工商户，专注住宅房产测绘。",
    users: [{ email: "agency7@demo.zjcs.cn", name: "吴明远", role: "AGENCY" }],
    practitioners: [{ name: "吴明远", qualification: "注册测绘师", certificateNo: "CH310777", idNumber: rid("31010719790715060") }],
    credentials: [
      {
        type: "测绘资质",
        level: "乙级",
        number: "乙测资字31500456",
        issuer: "上海市规划和自然资源局",
        validUntil: future(1),
        items: ["房产测绘", "土地勘测"],
      },
    ],
  },
  {
    kind: "AGENCY",
    entityType: "COMPANY",
    status: "LISTED",
    name: "陕西秦文文物保护工程有限公司",
    creditCode: code("610100", "MA6U2W3X4"),
    regionCode: "610100",
    contactPhone: "029-87001234",
    introduction: "文物影响评估、考古勘探配合。",
    users: [{ email: "agency8@demo.zjcs.cn", name: "秦岭", role: "AGENCY" }],
    practitioners: [
      { name: "秦岭", qualification: "文物保护工程责任设计师", certificateNo: "WW610012", idNumber: rid("61010019910203067") },
    ],
    credentials: [
      {
        type: "文物保护工程资质",
        level: "甲级",
        number: "文物保设甲字0123SJ0001",
        issuer: "国家文物局",
        validUntil: future(2),
        items: ["文物影响评估"],
      },
    ],
  },
  {
    kind: "AGENCY",
    entityType: "COMPANY",
    status: "APPLIED",
    name: "安徽皖江节能评估有限公司",
    creditCode: code("340100", "MA2T8Y9U0"),
    regionCode: "340100",
    contactPhone: "0551-65001234",
    introduction: "节能评估与能源审计（申请入驻中）。",
    users: [{ email: "pending@demo.zjcs.cn", name: "许安", role: "AGENCY" }],
    practitioners: [{ name: "许安", qualification: "注册节能评估师", certificateNo: "JN340123", idNumber: rid("34010019871019074") }],
    credentials: [
      {
        type: "工程咨询单位资信",
        level: "甲级",
        number: "甲142021010456",
        issuer: "中国工程咨询协会",
        validUntil: future(2),
        items: ["节能评估"],
      },
    ],
  },
];

const BEIJING_MS = 8 * 3_600_000;

/** The last instant (23:59:59 Beijing time) of a demo credential's validity, relative to `now`. */
export function demoValidUntil(v: DemoValidity, now: Date): Date {
  if ("expiredDaysAgo" in v) {
    const day = new Date(now.getTime() + BEIJING_MS - v.expiredDaysAgo * 86_400_000).toISOString().slice(0, 10);
    return new Date(`${day}T23:59:59+08:00`);
  }
  const year = new Date(now.getTime() + BEIJING_MS).getUTCFullYear() + v.years;
  return new Date(`${year}-12-31T23:59:59+08:00`);
}

/** How long before the database clock the demo agencies were listed: before the demo history starts. */
export const DEMO_LISTED_DAYS_AGO = 400;
