import { describe, expect, it } from "vitest";
import { reviewFairCompetition } from "~/services/fair-competition/engine";
import { fairCompetitionIssues, qualificationsOf, refusalFieldErrors, requestTexts } from "./fair-competition";

const refused: [string, "region" | "designation"][] = [
  ["投标机构须本地注册。", "region"],
  ["注册地须在上海。", "region"],
  ["注册地址必须位于普陀区。", "region"],
  ["须在本区设立分支机构。", "region"],
  ["必须在上海市设有分公司。", "region"],
  ["本地机构优先。", "region"],
  ["同等条件下本市企业优先。", "region"],
  ["限本市注册的中介机构参加。", "region"],
  ["仅限上海市的机构报名。", "region"],
  ["外地机构不得参与。", "region"],
  ["须具有本区业绩。", "region"],
  ["辖区内注册的单位方可报名。", "region"],
  ["仅限某某测绘公司。", "designation"],
  ["指定上海某某勘察设计院承担。", "designation"],
  ["定向委托华测公司编制报告。", "designation"],
  ["必须由某某环境科技有限公司编制。", "designation"],
  ["Bidders must be registered in Shanghai.", "region"],
  ["Locally registered firms only.", "region"],
  ["Preference given to local agencies.", "region"],
  ["Restricted to agencies based in Putuo district.", "region"],
  ["The agency must have a branch office in the district.", "region"],
  ["Only Acme Survey Co. may bid.", "designation"],
  ["This work is reserved for the designated agency.", "designation"],
  ["The report must be prepared by Huace Consulting Group.", "designation"],
];

const ordinary = [
  "项目位于普陀区长寿路 123 号，本地块用地面积约 1.2 公顷。",
  "服务内容：编制建设项目环境影响报告表，并配合上海市普陀区生态环境局审批。",
  "服务期间须到项目现场踏勘不少于两次。",
  "要求具备测绘资质乙级及以上。",
  "报告须符合 HJ 2.1-2016 的要求，并提交电子版和纸质版各一份。",
  "本项目为企业自有资金，采用竞价选取。",
  "中介机构应指派注册测绘师担任项目负责人。",
  "The project site is in Putuo District, Shanghai; a site visit is required.",
  "Deliver the report within 20 working days of the contract.",
  "The agency shall designate a qualified project leader.",
];

describe("fair-competition check", () => {
  it.each(refused)("refuses %s", (text, rule) => {
    const issues = fairCompetitionIssues(text);
    expect(issues.length, text).toBeGreaterThan(0);
    expect(issues.map((i) => i.rule)).toContain(rule);
  });
  it.each(ordinary)("accepts ordinary text: %s", (text) => {
    expect(fairCompetitionIssues(text)).toEqual([]);
  });
});

describe("field errors for the posting form", () => {
  const errors = (texts: Record<string, string>) => refusalFieldErrors(reviewFairCompetition(texts));
  it("gives one message per phrase, keyed by category, naming the words", () => {
    expect(errors({ description: "报价机构须为上海市企业。" })).toEqual({
      description: ["requests.errors.unfairRegion::须为上海市企业"],
    });
    expect(errors({ title: "测绘", description: "报名先到先得。须在本区设立办事处。" })).toEqual({
      description: ["requests.errors.unfairQuota::先到先得", expect.stringMatching(/^requests\.errors\.unfairPresence::.*办事处$/)],
    });
  });
  it("doubtful wording is no error: the request goes to the regulator's review queue instead", () => {
    const review = reviewFairCompetition({ qualifications: "须持有上海市住建委颁发的资质证书" });
    expect(review.outcome).toBe("review");
    expect(refusalFieldErrors(review)).toEqual({});
    expect(errors({ description: "项目位于普陀区，需到现场踏勘。" })).toEqual({});
  });
  it("reads every free-text field an enterprise controls, avoidance reasons included", () => {
    const texts = requestTexts({
      title: "t",
      description: "d",
      qualificationReqs: qualificationsOf([{ type: "测绘资质", level: "乙级" }, { type: 1 }, null]),
      avoidances: [{ reason: "r1" }, { reason: "r2" }],
    });
    expect(texts).toEqual({ title: "t", description: "d", qualifications: "测绘资质 乙级", avoidances: "r1\nr2" });
    expect(qualificationsOf("not a list")).toEqual([]);
  });
});
