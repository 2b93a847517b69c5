/**
 * Complaints and regulator cases (投诉/监管案件, docs/principles.md "Regulator case"):
 * anyone logged in files a complaint with evidence; the regulator reviews and
 * decides with reason, evidence and legal basis; the decision's effects apply
 * in the same transaction (effects.server.ts); the agency may appeal within
 * APPEAL_WINDOW_DAYS; the regulator's appeal decision is final.
 *
 * One use case per file in ./commands (lock order: agency row, then case row —
 * see commands/common.server.ts), the retry policy in ./retry.server.ts, the
 * read models in ./case-queries.server.ts. This module only re-exports them,
 * so every import of "~/services/supervision/cases.server" keeps working.
 */
export { APPEAL_WINDOW_DAYS, CASE_EVIDENCE_KIND } from "./commands/common.server";
export { decisionRetryCounts, pgErrorCode } from "./retry.server";
export { fileComplaint, type ComplaintFiling } from "./commands/file-complaint.server";
export { startReview } from "./commands/start-review.server";
export { decideCase, type CaseDecisionInput } from "./commands/decide-case.server";
export { rejectComplaint } from "./commands/reject-complaint.server";
export { issueNotice, type NoticeInput } from "./commands/issue-notice.server";
export { submitStatement } from "./commands/submit-statement.server";
export { requestHearing } from "./commands/request-hearing.server";
export { scheduleHearing } from "./commands/schedule-hearing.server";
export { recordHearing } from "./commands/record-hearing.server";
export { appealCase } from "./commands/appeal-case.server";
export { decideAppeal } from "./commands/decide-appeal.server";
export { finalizeDueCases } from "./commands/finalize-due-cases.server";
export { CASE_PAGE_SIZE, canReadCaseEvidence, caseDetail, complaintTarget, listCases, type CaseDetail } from "./case-queries.server";
