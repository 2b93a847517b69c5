import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import resources from "~/i18n";
import { announcementFacts, factsData } from "./announcement-facts";
import { announcementText, type Translate } from "./announcement-text";
import { metaTranslate } from "./meta";

const t: Record<"zh" | "en", Translate> = {} as never;

beforeAll(async () => {
  for (const lng of ["zh", "en"] as const) {
    const instance = i18next.createInstance();
    await instance.init({ resources, lng, fallbackLng: false, interpolation: { escapeValue: false } });
    t[lng] = (key, options) => instance.t(key as never, options as never) as unknown as string;
  }
});

const render = (kind: string, data: unknown, lang: "zh" | "en", stored = { title: "旧标题", body: "旧正文\n第二行" }) =>
  announcementText({ ...stored, facts: announcementFacts(kind, data) }, t[lang], lang);

const item = { itemName: "土地勘测定界", itemNameEn: "Land Survey and Boundary Demarcation" };
// 07:17 UTC is 15:17 in Beijing; 16:30 UTC on 31 December is already New Year in Beijing.
const samples: Record<string, unknown> = {
  REQUEST_OPEN: factsData(
    "REQUEST_OPEN",
    {
      title: "桃浦地块土地勘测",
      code: "ZJ20261201-001",
      ...item,
      method: "RANDOM_DRAW",
      priceCapFen: "12345600",
      closesAt: "2026-12-05T07:17:00.000Z",
      commitment: "ab".repeat(32),
    },
    { requestId: "r1" },
  ),
  AWARD: factsData(
    "AWARD",
    {
      title: "桃浦地块土地勘测",
      code: "ZJ20261201-001",
      ...item,
      method: "LOWEST_PRICE",
      priceCapFen: "12345600",
      winnerName: "北辰测绘有限公司",
      amountFen: "10000000",
      publicityEndsAt: "2026-12-31T16:30:00.000Z",
    },
    { requestId: "r1", ranking: [] },
  ),
  FAILED: factsData("FAILED", { title: "桃浦地块土地勘测", code: "ZJ20261201-001", reason: "TOO_FEW_BIDS", validBids: 1, minBidders: 3 }),
  CONTRACT: factsData("CONTRACT", {
    title: "桃浦地块土地勘测",
    code: "ZJ20261201-001",
    ...item,
    agencyName: "北辰测绘有限公司",
    amountFen: "10000000",
    contractedAt: "2026-12-05T07:17:00.000Z",
    serviceDays: 20,
    dueAt: "2026-12-25T07:17:00.000Z",
  }),
  TERMINATED: factsData("TERMINATED", {
    title: "桃浦地块土地勘测",
    code: "ZJ20261201-001",
    agencyName: "北辰测绘有限公司",
    reason: "机构被暂停",
  }),
  OBJECTION_DECISION: factsData("OBJECTION_DECISION", {
    title: "桃浦地块土地勘测",
    code: "ZJ20261201-001",
    objectorName: "南湖环评咨询有限公司",
    decision: "DISMISSED",
    reason: "报价有效",
    legalBasis: "《办法》第十条",
    evidence: "报价记录",
  }),
  CONTRACT_AMENDMENT: factsData("CONTRACT_AMENDMENT", {
    title: "桃浦地块土地勘测",
    code: "ZJ20261201-001",
    ...item,
    enterpriseName: "上海桃浦置业有限公司",
    agencyName: "北辰测绘有限公司",
    amountFen: "9500000",
    signedOn: "2026-12-05",
    startsOn: "2026-12-06",
    endsOn: "2027-01-20",
    previousAmountFen: "10000000",
    previousSignedOn: "2026-12-05",
    previousStartsOn: "2026-12-06",
    previousEndsOn: "2026-12-31",
    newFile: true,
    reason: "补充协议延长履行期限",
    amendedAt: "2026-12-31T16:30:00.000Z",
  }),
  CATALOGUE_CHANGE: factsData("CATALOGUE_CHANGE", {
    event: "EDIT_ITEM",
    code: "ZJ-T-001",
    version: 2,
    name: "日照分析",
    nameEn: "Sunlight Analysis",
    department: "规划资源局",
    reason: "依据新规",
    changedFields: ["fees", "timeLimitDays"],
  }),
};

describe("announcement text from stored facts", () => {
  it("reads the same through the page title's translator (meta runs without i18next)", () => {
    for (const [kind, data] of Object.entries(samples))
      for (const lang of ["zh", "en"] as const) {
        const stored = { title: "旧标题", body: "旧正文", facts: announcementFacts(kind, data) };
        expect(announcementText(stored, metaTranslate(lang), lang), `${kind} ${lang}`).toEqual(render(kind, data, lang));
      }
  });
  it("words every kind in both languages, with no raw codes, ISO instants or missing keys", () => {
    for (const [kind, data] of Object.entries(samples)) {
      for (const lang of ["zh", "en"] as const) {
        const out = render(kind, data, lang);
        const all = [out.title, ...out.lines].join("\n");
        expect(out.title, `${kind} ${lang}`).not.toBe("旧标题");
        expect(all, `${kind} ${lang}`).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
        expect(all, `${kind} ${lang}`).not.toMatch(/\b[A-Z]{2,}(_[A-Z]+)+\b/);
        expect(all, `${kind} ${lang}`).not.toMatch(/announcementText\.|requests\.methods|catalogueAdmin\./);
        if (lang === "en") expect(all, `${kind} en`).not.toMatch(/[：，（]|北京时间|项目编号/);
      }
    }
  });

  it("states instants in Beijing time and says so", () => {
    expect(render("REQUEST_OPEN", samples.REQUEST_OPEN, "zh").lines).toContain("报名截止：2026-12-05 15:17（北京时间）");
    expect(render("REQUEST_OPEN", samples.REQUEST_OPEN, "en").lines).toContain("Bidding closes: 2026-12-05 15:17 (Beijing time)");
    expect(render("AWARD", samples.AWARD, "zh").lines).toContain("公示期至：2027-01-01 00:30（北京时间），期间参与竞价的机构可提出异议。");
    expect(render("CONTRACT", samples.CONTRACT, "en").lines).toContain("Service period: 20 days, until 2026-12-25 15:17 (Beijing time)");
  });

  it("names codes, items and amounts in the reader's language", () => {
    const zh = render("REQUEST_OPEN", samples.REQUEST_OPEN, "zh");
    expect(zh.title).toBe("项目公告：桃浦地块土地勘测");
    expect(zh.lines).toEqual([
      "项目编号：ZJ20261201-001",
      "服务事项：土地勘测定界",
      "选取方式：随机抽取",
      "最高限价：¥123,456.00",
      "报名截止：2026-12-05 15:17（北京时间）",
      `随机抽取种子承诺值（SHA-256）：${"ab".repeat(32)}`,
    ]);
    const en = render("REQUEST_OPEN", samples.REQUEST_OPEN, "en");
    expect(en.lines).toContain("Service item: Land Survey and Boundary Demarcation");
    expect(en.lines).toContain("Selection method: Random draw");
    expect(render("OBJECTION_DECISION", samples.OBJECTION_DECISION, "en").lines).toContain("Decision: Objection dismissed");
    expect(render("OBJECTION_DECISION", samples.OBJECTION_DECISION, "zh").lines).toContain("处理结果：异议不成立");
    expect(render("CATALOGUE_CHANGE", samples.CATALOGUE_CHANGE, "zh").lines[0]).toContain("调整内容：收费标准、办理时限（工作日）。");
    expect(render("CATALOGUE_CHANGE", samples.CATALOGUE_CHANGE, "en").title).toBe("Catalogue change: Sunlight Analysis (version 2)");
  });

  it("words a re-award and a round failed by an upheld objection", () => {
    const reaward = { ...(samples.AWARD as object), reawarded: true, revokedAgencyName: "北辰测绘有限公司" };
    expect(render("AWARD", reaward, "zh").title).toBe("中选公示（重新确定）：桃浦地块土地勘测");
    expect(render("AWARD", reaward, "zh").lines).toContain("原中选机构 北辰测绘有限公司 的中选结果因异议成立被撤销。");
    const failed = factsData("FAILED", { title: "X", code: "C", reason: "OBJECTION_UPHELD" });
    expect(render("FAILED", failed, "en").lines[1]).toMatch(/objection was upheld/);
  });

  it("falls back to the stored text without facts, with an unknown version or kind, or with malformed facts", () => {
    const stored = { title: "旧标题", lines: ["旧正文", "第二行"] };
    expect(render("REQUEST_OPEN", null, "en")).toEqual(stored);
    expect(render("REQUEST_OPEN", { code: "ZJ1", method: "DIRECT", commitment: null }, "en")).toEqual(stored); // a row from before facts
    expect(render("REQUEST_OPEN", { ...(samples.REQUEST_OPEN as object), v: 2 }, "en")).toEqual(stored);
    expect(render("SOMETHING_NEW", samples.REQUEST_OPEN, "en")).toEqual(stored);
    expect(render("REQUEST_OPEN", { ...(samples.REQUEST_OPEN as object), closesAt: "tomorrow" }, "en")).toEqual(stored);
    expect(render("REQUEST_OPEN", { ...(samples.REQUEST_OPEN as object), method: "LOTTERY" }, "en")).toEqual(stored);
  });

  it("falls back to the stored text when the facts name something without a translation", () => {
    const unknownField = { ...(samples.CATALOGUE_CHANGE as object), changedFields: ["noSuchField"] };
    expect(render("CATALOGUE_CHANGE", unknownField, "en")).toEqual({ title: "旧标题", lines: ["旧正文", "第二行"] });
  });

  it("keeps only the facts, never the rest of the data column", () => {
    const facts = announcementFacts("AWARD", { ...(samples.AWARD as object), draw: { seed: "s" }, ranking: [{ rank: 1 }] });
    expect(facts).not.toBeNull();
    expect(facts).not.toHaveProperty("draw");
    expect(facts).not.toHaveProperty("ranking");
    expect(facts).not.toHaveProperty("requestId");
  });
});
