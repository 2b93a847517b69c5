/**
 * Fair-competition review (公平竞争审查) of a request's text, Principles 3–4:
 * a request may not restrict bidders by region or name the agency to use.
 * Patterns target where the *agency* is registered or established — a
 * project's own location ("项目位于普陀区", "本地块") is ordinary text.
 */
export type FairnessIssue = { rule: "region" | "designation"; match: string };

const REGION = [
  // 本地/本市/本区/当地/辖区 + registered / established / agencies
  /(?:本地|本市|本区|本县|当地|辖区内?)(?:注册|登记|设立|成立)/,
  /(?:本地|本市|本区|当地|辖区内?)的?(?:中介)?(?:机构|企业|单位|公司)(?:优先|为主|参加|参与|报名|方可|才能)?/,
  /注册地(?:址)?(?:须|必须|应当?|需|要求)?(?:在|为|位于|属于)/,
  /(?:须|必须|应当?|需要?|要求)(?:在|于)[^，。；,.;]{1,12}(?:设立|设有|成立|开设)(?:分支机构|分公司|办事处|常驻机构|服务网点)/,
  /(?:在|于)[^，。；,.;]{1,12}(?:设立|设有)(?:分支机构|分公司|办事处)的?(?:机构|企业|单位)?(?:方可|才能|优先)/,
  /外地(?:机构|企业|单位|公司)(?:不得|不能|不予|除外|须|需)/,
  /(?:限|仅限|限于|只限)(?:本地|本市|本区|上海|[\u4e00-\u9fa5]{2,6}(?:省|市|区|县))(?:的)?(?:机构|企业|单位|公司|注册)/,
  /(?:具有|须有|需有)(?:本地|本市|本区)(?:业绩|项目经验|服务经历)/,
  /\blocal(?:ly)?[\s-]+(?:registered|based|firms?|agenc(?:y|ies)|companies)\b/i,
  /\b(?:must|shall|should)\s+be\s+(?:registered|located|based|established)\s+in\b/i,
  /\bregistered\s+in\s+[A-Z][a-z]+\s+only\b/i,
  /\b(?:branch|office|subsidiary)\s+(?:office\s+)?in\s+(?:the\s+)?(?:district|city|[A-Z][a-z]+)\b.*\b(?:required|must|mandatory)\b/i,
  /\b(?:must|required\s+to)\s+(?:have|set\s+up|establish|open)\s+(?:a\s+)?(?:branch|local\s+office|office)\b/i,
  /\b(?:restricted|limited)\s+to\s+(?:agencies|firms|companies)\s+(?:based|located|registered)\s+in\b/i,
  /\bpreference\s+(?:for|to|given\s+to)\s+local\b/i,
];

const DESIGNATION = [
  /(?:仅限|只限|限定|限于|只能由|仅能由)[^，。；,.;]{1,30}(?:公司|机构|事务所|研究院|设计院|中心)/,
  /(?:指定|委托指定|定向委托|点名)(?:由)?[^，。；,.;]{0,30}(?:公司|机构|事务所|研究院|设计院|中心|单位)/,
  /(?:须|必须|应当?)由[^，。；,.;]{2,30}(?:公司|事务所|研究院|设计院)(?:承担|承接|编制|出具|负责)/,
  /\b(?:designated|nominated|appointed)\s+(?:agency|firm|company|consultant)\b/i,
  /\b[Oo]nly\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*\s+(?:Co\.?|Company|Ltd\.?|Inc\.?|LLC|Institute|Consulting|Group)\b/,
  /\b(?:must|shall)\s+be\s+(?:performed|carried\s+out|done|delivered|prepared|conducted|provided|undertaken)\s+by\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*\s+(?:Co\.?|Company|Ltd\.?|Inc\.?|Institute|Consulting|Group)\b/,
];

export function fairCompetitionIssues(text: string): FairnessIssue[] {
  const issues: FairnessIssue[] = [];
  for (const re of REGION) {
    const m = text.match(re);
    if (m) issues.push({ rule: "region", match: m[0] });
  }
  for (const re of DESIGNATION) {
    const m = text.match(re);
    if (m) issues.push({ rule: "designation", match: m[0] });
  }
  return issues;
}
