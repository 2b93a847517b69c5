import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { action as caseAction, loader as caseLoader } from "~/routes/cases.$id";
import { verifyAuditLog } from "~/services/audit/audit.server";
import {
  caseDetail,
  decideCase,
  fileComplaint,
  issueNotice,
  recordHearing,
  rejectComplaint,
  requestHearing,
  scheduleHearing,
  startReview,
  submitStatement,
} from "~/services/supervision/cases.server";
import { seedCatalogue } from "../../seeds/seed";
import { caseUnderReview, DECISIONS, expireNotice, regulatorUser } from "../support/cases";
import { createUser } from "../support/factories";
import { expectRefusal, getRequest, outcome, postRequest, routeArgs, sessionCookie } from "../support/http";
import { enterpriseUser, listedAgencies, sessionUserOf } from "../support/requests";

/**
 * Due process before a sanction (行政处罚法, decision 033): 不予受理 at intake,
 * the prior notice (事先告知) of a heavy sanction, the agency's statement
 * (陈述、申辩) and hearing (听证), and a decision that waits for them, answers
 * them and is never heavier than the notice. Commands and the /cases/:id route.
 */

const DAY = 86_400_000;

let db: Db;
let reg: SessionUser;
let regCookie: string;
let agencyA: { user: SessionUser; agencyId: string; cookie: string };
let agencyB: { user: SessionUser; agencyId: string; cookie: string };
let complainant: SessionUser;
let complainantCookie: string;
let adminCookie: string;

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  reg = await regulatorUser(db);
  regCookie = await sessionCookie(reg.id);
  const [a, b] = await listedAgencies(db, 2);
  agencyA = { ...a!, cookie: await sessionCookie(a!.user.id) };
  agencyB = { ...b!, cookie: await sessionCookie(b!.user.id) };
  complainant = await enterpriseUser(db);
  complainantCookie = await sessionCookie(complainant.id);
  adminCookie = await sessionCookie(sessionUserOf(await createUser(db, "ADMIN")).id);
});

const row = (id: string) => db.supervisionCase.findUniqueOrThrow({ where: { id } });
const events = async (id: string) =>
  (await db.auditEvent.findMany({ where: { aggregateType: "case", aggregateId: id }, orderBy: { seq: "asc" } })).map((e) => e.event);
const notes = (where: { orgId?: string; userId?: string; kind: string }) => db.notification.findMany({ where });
const casePost = (id: string, fields: Record<string, string>, cookie?: string) =>
  outcome(() => caseAction(routeArgs(postRequest(`/cases/${id}`, fields, cookie), { id })));
const caseGet = (id: string, cookie?: string) => outcome(() => caseLoader(routeArgs(getRequest(`/cases/${id}`, cookie), { id })));
const notice = (kind: "SUSPENSION" | "REMOVAL" | "BLACKLIST", version: number) => ({ ...DECISIONS[kind]!, expectedVersion: version });
const dbClock = async () => (await db.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`)[0]!.now;
/** Beijing wall time of `at` as a datetime-local field shows it. */
const beijingLocal = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16);

describe("不予受理 at intake", () => {
  it("only a regulator refuses an open complaint, with a reason the complainant and the agency see; the case ends", async () => {
    const filed = await fileComplaint(db, complainant, {
      agencyId: agencyA.agencyId,
      subject: "价格过高",
      description: "收费高于同行",
      files: [],
    });
    for (const who of [complainant, agencyA.user])
      await expect(rejectComplaint(db, who, filed.id, { reason: "x", expectedVersion: 0 })).rejects.toMatchObject({
        status: 403,
        message: "cases.errors.regulatorOnly",
      });
    await expect(rejectComplaint(db, reg, filed.id, { reason: " ", expectedVersion: 0 })).rejects.toMatchObject({
      status: 400,
      field: "reason",
      message: "errors.required",
    });
    const reason = "收费标准属市场调节价，不属于本部门受理范围";
    await expect(rejectComplaint(db, reg, filed.id, { reason, expectedVersion: 0 })).resolves.toEqual({ status: "REJECTED" });
    expect(await row(filed.id)).toMatchObject({ status: "REJECTED", rejectionReason: reason, version: 1 });
    expect(await events(filed.id)).toEqual(["FILE", "REJECT"]);
    expect(await notes({ userId: complainant.id, kind: "CASE_REJECTED" })).toHaveLength(1);
    expect(await notes({ orgId: agencyA.user.organizationId!, kind: "CASE_REJECTED_AGENCY" })).toHaveLength(1);
    const seen = await caseDetail(db, complainant, filed.id);
    expect(seen).toMatchObject({ status: "REJECTED", rejection: { reason } });
    expect(Object.values(seen!.can).every((v) => v === false)).toBe(true);
    // Nothing else may happen to it; and a case under review can no longer be refused.
    await expect(startReview(db, reg, filed.id, { expectedVersion: 1 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.conflict",
    });
    const c = await caseUnderReview(db, reg, agencyA.agencyId, complainant);
    await expect(rejectComplaint(db, reg, c.id, { reason, expectedVersion: 1 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.conflict",
    });
  });
});

describe("prior notice, statement and decision", () => {
  it("a heavy sanction needs the notice; the agency states its case and waives a hearing; the decision answers it, no heavier", async () => {
    const c = await caseUnderReview(db, reg, agencyA.agencyId, complainant);
    await expect(decideCase(db, reg, c.id, { ...DECISIONS.SUSPENSION!, expectedVersion: 1 })).rejects.toMatchObject({
      status: 422,
      field: "decision",
      message: "cases.errors.noticeFirst",
    });
    await expect(issueNotice(db, reg, c.id, { ...DECISIONS.WARNING!, expectedVersion: 1 })).rejects.toMatchObject({
      status: 400,
      field: "decision",
    });
    await expect(issueNotice(db, agencyA.user, c.id, notice("SUSPENSION", 1))).rejects.toMatchObject({
      status: 403,
      message: "cases.errors.regulatorOnly",
    });
    const issued = await issueNotice(db, reg, c.id, notice("SUSPENSION", 1));
    expect(issued.status).toBe("NOTICE_ISSUED");
    const r = await row(c.id);
    expect(r).toMatchObject({ status: "NOTICE_ISSUED", noticeDecision: "SUSPENSION", noticeDays: 30, decision: null });
    expect(r.noticeEndsAt!.getTime() - r.noticeIssuedAt!.getTime()).toBe(5 * DAY);
    // Nothing is imposed by a notice: the agency stays listed, no sanction; it is told, with its period.
    expect((await db.agency.findUniqueOrThrow({ where: { id: agencyA.agencyId } })).status).toBe("LISTED");
    expect(await db.sanction.count({ where: { caseId: c.id } })).toBe(0);
    expect(await notes({ orgId: agencyA.user.organizationId!, kind: "CASE_NOTICE_ISSUED" })).toHaveLength(1);

    // The decision waits for the period.
    await expect(decideCase(db, reg, c.id, { ...DECISIONS.SUSPENSION!, expectedVersion: 2 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.noticePeriodRunning",
    });
    // Only the agency states its case: the complainant and a regulator are refused (403), another agency learns nothing (404).
    for (const who of [complainant, reg])
      await expect(submitStatement(db, who, c.id, { statement: "x", waiveHearing: false, expectedVersion: 2 })).rejects.toMatchObject({
        status: 403,
        message: "cases.errors.agencyOnlyDefence",
      });
    await expect(
      submitStatement(db, agencyB.user, c.id, { statement: "x", waiveHearing: false, expectedVersion: 2 }),
    ).rejects.toMatchObject({ status: 404, message: "cases.errors.notFound" });
    await expect(
      submitStatement(db, agencyA.user, c.id, { statement: " ", waiveHearing: false, expectedVersion: 2 }),
    ).rejects.toMatchObject({ status: 400, field: "statement" });
    const statement = "报告数据有原始记录为证，偏差系现场条件变化所致，请求从轻处理。";
    await submitStatement(db, agencyA.user, c.id, { statement, waiveHearing: true, expectedVersion: 2 });
    expect(await notes({ userId: reg.id, kind: "CASE_STATEMENT_SUBMITTED" })).toHaveLength(1);
    await expect(submitStatement(db, agencyA.user, c.id, { statement, waiveHearing: true, expectedVersion: 3 })).rejects.toMatchObject({
      status: 409,
    });
    await expect(requestHearing(db, agencyA.user, c.id, { expectedVersion: 3 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.hearingWaived",
    });

    // Waived: the regulator may decide now — never heavier than the notice, and answering the statement.
    await expect(decideCase(db, reg, c.id, { ...DECISIONS.REMOVAL!, answer: "不予采纳", expectedVersion: 3 })).rejects.toMatchObject({
      status: 422,
      field: "decision",
      message: "cases.errors.heavierThanNotice",
    });
    await expect(
      decideCase(db, reg, c.id, { ...DECISIONS.SUSPENSION!, days: 31, answer: "不予采纳", expectedVersion: 3 }),
    ).rejects.toMatchObject({ status: 422, message: "cases.errors.heavierThanNotice" });
    await expect(decideCase(db, reg, c.id, { ...DECISIONS.SUSPENSION!, expectedVersion: 3 })).rejects.toMatchObject({
      status: 400,
      field: "answer",
      message: "cases.errors.answerRequired",
    });
    const answer = "原始记录可证明部分数据，予以部分采纳，暂停期限由 30 日减为 15 日。";
    const decided = await decideCase(db, reg, c.id, { ...DECISIONS.SUSPENSION!, days: 15, answer, expectedVersion: 3 });
    expect(decided.status).toBe("DECIDED");
    expect(await row(c.id)).toMatchObject({ status: "DECIDED", decision: "SUSPENSION", suspensionDays: 15, statementAnswer: answer });
    expect((await db.agency.findUniqueOrThrow({ where: { id: agencyA.agencyId } })).status).toBe("SUSPENDED");
    expect(await events(c.id)).toEqual(["FILE", "START_REVIEW", "ISSUE_NOTICE", "SUBMIT_STATEMENT", "DECIDE"]);
    const seen = await caseDetail(db, complainant, c.id);
    expect(seen!.notice).toMatchObject({ kind: "SUSPENSION", statement, hearingWaived: true, answer });
  });

  it("after the period: statement and hearing request refused, the decision comes without an answer", async () => {
    const [c3] = await listedAgencies(db, 1);
    const c = await caseUnderReview(db, reg, c3!.agencyId);
    await issueNotice(db, reg, c.id, notice("REMOVAL", 1));
    await expireNotice(db, c.id);
    expect((await caseDetail(db, c3!.user, c.id))!.can).toMatchObject({ statement: false, requestHearing: false });
    await expect(submitStatement(db, c3!.user, c.id, { statement: "迟到", waiveHearing: false, expectedVersion: 2 })).rejects.toMatchObject(
      {
        status: 409,
        message: "cases.errors.noticePeriodOver",
      },
    );
    await expect(requestHearing(db, c3!.user, c.id, { expectedVersion: 2 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.noticePeriodOver",
    });
    expect((await caseDetail(db, reg, c.id))!.can.decide).toBe(true);
    await expect(decideCase(db, reg, c.id, { ...DECISIONS.WARNING!, expectedVersion: 2 })).resolves.toMatchObject({ status: "DECIDED" });
    expect(await row(c.id)).toMatchObject({ decision: "WARNING", statementAnswer: null });
  });
});

describe("hearing", () => {
  it("requested in the period, set at least 7 days ahead, recorded once held; the decision waits for it and answers it", async () => {
    const c = await caseUnderReview(db, reg, agencyB.agencyId, complainant);
    await issueNotice(db, reg, c.id, notice("BLACKLIST", 1));
    await expect(requestHearing(db, complainant, c.id, { expectedVersion: 2 })).rejects.toMatchObject({
      status: 403,
      message: "cases.errors.agencyOnlyDefence",
    });
    await requestHearing(db, agencyB.user, c.id, { expectedVersion: 2 });
    expect(await notes({ userId: reg.id, kind: "CASE_HEARING_REQUESTED" })).toHaveLength(1);
    // The decision waits for the hearing, whatever the period.
    await expireNotice(db, c.id);
    await expect(decideCase(db, reg, c.id, { ...DECISIONS.BLACKLIST!, expectedVersion: 3 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.hearingPending",
    });
    const now = await dbClock();
    const place = "普陀区行政服务中心三楼听证室";
    await expect(
      scheduleHearing(db, agencyB.user, c.id, { hearingAt: new Date(now.getTime() + 8 * DAY), place, expectedVersion: 3 }),
    ).rejects.toMatchObject({ status: 403, message: "cases.errors.regulatorOnly" });
    await expect(
      scheduleHearing(db, reg, c.id, { hearingAt: new Date(now.getTime() + 6 * DAY), place, expectedVersion: 3 }),
    ).rejects.toMatchObject({ status: 422, field: "hearingAt", message: "cases.errors.hearingTooSoon" });
    await scheduleHearing(db, reg, c.id, { hearingAt: new Date(now.getTime() + 8 * DAY), place, expectedVersion: 3 });
    expect(await notes({ orgId: agencyB.user.organizationId!, kind: "CASE_HEARING_SCHEDULED" })).toHaveLength(1);
    await expect(recordHearing(db, reg, c.id, { record: "笔录", expectedVersion: 4 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.hearingNotYet",
    });
    await db.$executeRaw`UPDATE "SupervisionCase" SET "hearingAt" = "hearingAt" - interval '9 days' WHERE id = ${c.id}`;
    await expect(recordHearing(db, reg, c.id, { record: " ", expectedVersion: 4 })).rejects.toMatchObject({ status: 400, field: "record" });
    const record = "机构出示了资质证书原件，发证机关当场确认证书系伪造后补办。";
    await recordHearing(db, reg, c.id, { record, expectedVersion: 4 });
    await expect(decideCase(db, reg, c.id, { ...DECISIONS.BLACKLIST!, years: 4, answer: "x", expectedVersion: 5 })).rejects.toMatchObject({
      status: 422,
      message: "cases.errors.heavierThanNotice",
    });
    await expect(decideCase(db, reg, c.id, { ...DECISIONS.REMOVAL!, expectedVersion: 5 })).rejects.toMatchObject({
      status: 400,
      field: "answer",
    });
    await decideCase(db, reg, c.id, { ...DECISIONS.REMOVAL!, answer: "证书已补办，不列入严重失信名单，予以清退。", expectedVersion: 5 });
    expect(await row(c.id)).toMatchObject({ status: "DECIDED", decision: "REMOVAL", hearingRecord: record, hearingPlace: place });
    expect(await events(c.id)).toEqual([
      "FILE",
      "START_REVIEW",
      "ISSUE_NOTICE",
      "REQUEST_HEARING",
      "SCHEDULE_HEARING",
      "RECORD_HEARING",
      "DECIDE",
    ]);
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });
});

describe("/cases/:id due-process forms", () => {
  it("each role gets its own refusal; bad input is a 4xx at the field; the agency's forms work without JavaScript", async () => {
    const [d] = await listedAgencies(db, 1);
    const dCookie = await sessionCookie(d!.user.id);
    const filed = await fileComplaint(db, complainant, {
      agencyId: d!.agencyId,
      subject: "资质挂靠",
      description: "现场人员非备案人员",
      files: [],
    });
    // 不予受理 through the route: the agency and the complainant may not; an admin does not even see the case.
    await expectRefusal(casePost(filed.id, { intent: "reject", version: "0", reason: "x" }, dCookie), 403, "errors.regulatorOnly");
    await expectRefusal(
      casePost(filed.id, { intent: "reject", version: "0", reason: "x" }, complainantCookie),
      403,
      "errors.regulatorOnly",
    );
    expect((await casePost(filed.id, { intent: "reject", version: "0", reason: "x" }, adminCookie)).status).toBe(404);
    expect((await casePost(filed.id, { intent: "reject", version: "0", reason: "x" })).status).toBe(302);
    await expectRefusal(casePost(filed.id, { intent: "reject", version: "0", reason: "" }, regCookie), 400, "errors.required", "reason");
    await startReview(db, reg, filed.id, { expectedVersion: 0 });

    const good = {
      intent: "notice",
      version: "1",
      decision: "SUSPENSION",
      reason: "挂靠资质",
      legalBasis: "《办法》第二十条",
      evidence: "核查记录",
      days: "30",
    };
    await expectRefusal(casePost(filed.id, { ...good, decision: "WARNING" }, regCookie), 400, "errors.invalidChoice", "decision");
    await expectRefusal(casePost(filed.id, { ...good, days: "0" }, regCookie), 400, "cases.errors.daysRange", "days");
    await expectRefusal(casePost(filed.id, good, dCookie), 403, "errors.regulatorOnly");
    expect((await casePost(filed.id, good, regCookie)).location).toBe(`/cases/${filed.id}?done=notice`);

    // The agency sees the notice and its two forms; the regulator sees neither form but waits.
    const agencyView = (await caseGet(filed.id, dCookie)).data!.c as { can: Record<string, boolean>; notice: { kind: string } };
    expect(agencyView.notice.kind).toBe("SUSPENSION");
    expect(agencyView.can).toMatchObject({ statement: true, requestHearing: true, decide: false });
    const regView = (await caseGet(filed.id, regCookie)).data!.c as { can: Record<string, boolean> };
    expect(regView.can).toMatchObject({ statement: false, requestHearing: false, decide: false });

    const st = { intent: "statement", version: "2", statement: "人员已于上月完成备案变更" };
    await expectRefusal(casePost(filed.id, st, regCookie), 403, "cases.errors.agencyOnlyDefence");
    await expectRefusal(casePost(filed.id, st, complainantCookie), 403, "cases.errors.agencyOnlyDefence");
    expect((await casePost(filed.id, st, adminCookie)).status).toBe(404);
    expect((await casePost(filed.id, st, await sessionCookie(agencyB.user.id))).status).toBe(404);
    await expectRefusal(casePost(filed.id, { ...st, statement: " " }, dCookie), 400, "errors.required", "statement");
    expect((await casePost(filed.id, st, dCookie)).location).toBe(`/cases/${filed.id}?done=statement`);
    await expectRefusal(casePost(filed.id, { intent: "hearing", version: "2" }, dCookie), 409, "cases.errors.conflict");
    expect((await casePost(filed.id, { intent: "hearing", version: "3" }, dCookie)).location).toBe(`/cases/${filed.id}?done=hearing`);

    const now = await dbClock();
    const sched = { intent: "schedule-hearing", version: "4", hearingAt: "2026-13-40T10:00", place: "听证室" };
    await expectRefusal(casePost(filed.id, sched, regCookie), 400, "requests.errors.dateTime", "hearingAt");
    await expectRefusal(
      casePost(filed.id, { ...sched, hearingAt: beijingLocal(now) }, regCookie),
      422,
      "cases.errors.hearingTooSoon",
      "hearingAt",
    );
    await expectRefusal(casePost(filed.id, { ...sched, place: "" }, regCookie), 400, "errors.required", "place");
    await expectRefusal(
      casePost(filed.id, { ...sched, hearingAt: beijingLocal(new Date(now.getTime() + 10 * DAY)) }, dCookie),
      403,
      "errors.regulatorOnly",
    );
    const ok = await casePost(filed.id, { ...sched, hearingAt: beijingLocal(new Date(now.getTime() + 10 * DAY)) }, regCookie);
    expect(ok.location).toBe(`/cases/${filed.id}?done=scheduleHearing`);
    await expectRefusal(
      casePost(filed.id, { intent: "record-hearing", version: "5", record: "笔录" }, regCookie),
      409,
      "cases.errors.hearingNotYet",
    );
  });
});
