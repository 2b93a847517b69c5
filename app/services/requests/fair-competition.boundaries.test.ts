// Fair-competition review at the edges of wording: optional words left out
// (辖区 without 内, 应 without 当, no modal verb, a singular "firm"), and text
// pasted with several spaces, tabs or line breaks between words. Written for
// the first, regex-only check; the rule engine (app/services/fair-competition/)
// must still flag every one of them, under the expected kind of rule, with one
// message per restriction, naming words that stand in the text.
import { describe, expect, it } from "vitest";
import { fairCompetitionIssues } from "./fair-competition";

type Expected = [rule: "region" | "designation", match: string][];

const cases: [string, Expected][] = [
  ["辖区注册的单位可报名。", [["region", "辖区注册"]]],
  ["辖区企业优先。", [["region", "辖区企业优先"]]],
  ["面向本市中介机构。", [["region", "本市中介机构"]]],
  ["注册地在本市。", [["region", "注册地在"]]],
  ["注册地应在本市。", [["region", "注册地应在"]]],
  [
    "应在本市设立办事处。",
    [
      ["region", "本市设立"],
      ["region", "应在本市设立办事处"],
    ],
  ],
  ["需在本区设有服务网点。", [["region", "需在本区设有服务网点"]]],
  ["在上海市设有分公司方可报名。", [["region", "在上海市设有分公司方可"]]],
  ["在上海市设立办事处的企业优先。", [["region", "在上海市设立办事处的企业优先"]]],
  [
    "限本市企业参加。",
    [
      ["region", "本市企业参加"],
      ["region", "限本市企业"],
    ],
  ],
  ["应由某某事务所出具。", [["designation", "应由某某事务所出具"]]],
  ["Open to a local firm only.", [["region", "local firm"]]],
  ["Locally \n registered agencies only.", [["region", "Locally \n registered"]]],
  ["Bidders must  be\n  located  in Shanghai.", [["region", "must  be\n  located  in"]]],
  ["Firms registered in Shanghai only.", [["region", "registered in Shanghai only"]]],
  ["Agencies registered  in   Shanghai   only.", [["region", "registered  in   Shanghai   only"]]],
  ["A branch  office   in  the   district is required.", [["region", "branch  office   in  the   district is required"]]],
  ["A subsidiary in Putuo, with staff on site, is mandatory.", [["region", "subsidiary in Putuo, with staff on site, is mandatory"]]],
  ["Bidders are required  to  set  up  a  local  office.", [["region", "required  to  set  up  a  local  office"]]],
  ["Agencies must open branch offices in Putuo.", [["region", "must open branch"]]],
  ["Restricted  to  firms  registered  in Putuo.", [["region", "Restricted  to  firms  registered  in"]]],
  ["Preference  given  to  local suppliers.", [["region", "Preference  given  to  local"]]],
  ["Use the appointed  consultant.", [["designation", "appointed  consultant"]]],
  ["Only  Acme  Land  Survey  Ltd may bid.", [["designation", "Only  Acme  Land  Survey  Ltd"]]],
  ["only Beta Inc can bid.", [["designation", "only Beta Inc"]]],
  [
    "The survey shall  be  carried   out  by  Acme  Land  Survey  Co  this year.",
    [["designation", "shall  be  carried   out  by  Acme  Land  Survey  Co"]],
  ],
  ["The plan shall be prepared by Acme Land Survey Ltd within 20 days.", [["designation", "shall be prepared by Acme Land Survey Ltd"]]],
  ["The report must be done by Beta Inc next month.", [["designation", "must be done by Beta Inc"]]],
];

const squash = (t: string) => t.replace(/\s+/g, "").toLowerCase();

describe("fair-competition check: optional words and irregular spacing", () => {
  it.each(cases)("%j", (text, expected) => {
    const issues = fairCompetitionIssues(text);
    expect(issues.length).toBeGreaterThan(0);
    // The kind of rule the old check named is among those the engine names.
    expect(issues.map((i) => i.rule)).toContain(expected[0]![0]);
    // One message per restriction: never more than the old check gave.
    expect(issues.length).toBeLessThanOrEqual(expected.length);
    for (const i of issues) expect(squash(text)).toContain(squash(i.match));
  });
});
