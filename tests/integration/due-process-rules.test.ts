// Due process before a sanction (decision 033) at its boundaries, calling the
// case commands directly with small fixtures: the notice period ends exactly
// at noticeEndsAt (a statement or a hearing request at that instant is late,
// one millisecond before is in time), a hearing exactly HEARING_LEAD_DAYS
// ahead is far enough, a hearing is recorded from its instant on; which
// refusal each wrong step gets; and what each step writes (the case row, its
// audit event, who is told and what). Mutation testing uses this file
// (docs/mutation-testing.md, stryker.commands.config.json).
import { CASE_LIMITS } from "~/schemas/case";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

/** dbNow with a queue of instants to return first (then the real clock). */
const hook = vi.hoisted(() => ({ times: [] as Date[] }));
vi.mock("~/services/clock.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/services/clock.server")>();
  return { ...real, dbNow: async (client: never) => hook.times.shift() ?? real.dbNow(client) };
});

import { getDb, type Db } from "~/db/client.server";
import { formatDate, formatDateTime } from "~/lib/format";
import type { SessionUser } from "~/lib/session.server";
import {
  decideCase,
  fileComplaint,
  issueNotice,
  recordHearing,
  rejectComplaint,
  requestHearing,
  scheduleHearing,
  submitStatement,
} from "~/services/supervision/cases.server";
import { seedCatalogue } from "../../seeds/seed";
import { caseUnderReview, DECISIONS, regulatorUser } from "../support/cases";
import { enterpriseUser, listedAgencies } from "../support/requests";

const DAY = 86_400_000;
const ms = (d: Date, n: number) => new Date(d.getTime() + n);
/** The instant the next command reads as "now" (replacing one a refused command left unread). */
const at = (...instants: Date[]) => hook.times.splice(0, hook.times.length, ...instants);

let db: Db;
let reg: SessionUser;
let agency: { user: SessionUser; agencyId: string };
let other: { user: SessionUser; agencyId: string };
let complainant: SessionUser;
let regulatorIds: string[];

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  reg = await regulatorUser(db);
  [agency, other] = (await listedAgencies(db, 2)) as [typeof agency, typeof other];
  complainant = await enterpriseUser(db);
  regulatorIds = (await db.user.findMany({ where: { role: "REGULATOR" }, select: { id: true } })).map((u) => u.id).sort();
});

afterEach(() => {
  hook.times.length = 0;
});

const row = (id: string) => db.supervisionCase.findUniqueOrThrow({ where: { id } });
const lastEvent = async (id: string) =>
  db.auditEvent.findFirstOrThrow({
    where: { aggregateType: "case", aggregateId: id },
    orderBy: { seq: "desc" },
    select: { fromState: true, event: true, toState: true, actorId: true, payload: true },
  });
const told = async (kind: string, caseId: string) =>
  (await db.notification.findMany({ where: { kind }, select: { userId: true, orgId: true, data: true } }))
    .filter((n) => (n.data as { caseId?: string }).caseId === caseId)
    .sort((x, y) => ((x.userId ?? x.orgId ?? "") < (y.userId ?? y.orgId ?? "") ? -1 : 1));
const orgOf = (a: { user: SessionUser }) => a.user.organizationId!;
const notice = (kind: "SUSPENSION" | "REMOVAL" | "BLACKLIST", expectedVersion: number) => ({ ...DECISIONS[kind]!, expectedVersion });

/** A case whose notice was issued at `issuedAt` (period ends 5 days later); version 2. */
async function noticed(issuedAt: Date, kind: "SUSPENSION" | "REMOVAL" | "BLACKLIST" = "SUSPENSION") {
  const c = await caseUnderReview(db, reg, agency.agencyId, complainant);
  at(issuedAt);
  const r = await issueNotice(db, reg, c.id, notice(kind, 1));
  return { ...c, noticeEndsAt: r.noticeEndsAt };
}

/** A case with a hearing requested (version 3). */
async function hearingRequested(issuedAt: Date) {
  const c = await noticed(issuedAt);
  at(ms(issuedAt, DAY));
  await requestHearing(db, agency.user, c.id, { expectedVersion: 2 });
  return c;
}

describe("不予受理", () => {
  it("writes who refused, when and why; the audit event carries the reason; complainant and agency are told which case", async () => {
    const filed = await fileComplaint(db, complainant, { agencyId: agency.agencyId, subject: "收费", description: "收费过高", files: [] });
    await expect(rejectComplaint(db, reg, filed.id, { reason: "不予受理", expectedVersion: 1 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.conflict",
    });
    const now = new Date("2026-03-02T01:00:00.000Z");
    at(now);
    await expect(rejectComplaint(db, reg, filed.id, { reason: "  不属于本部门受理范围 ", expectedVersion: 0 })).resolves.toEqual({
      status: "REJECTED",
    });
    expect(await row(filed.id)).toMatchObject({
      status: "REJECTED",
      rejectionReason: "不属于本部门受理范围",
      rejectedAt: now,
      decidedById: reg.id,
      version: 1,
    });
    expect(await lastEvent(filed.id)).toEqual({
      fromState: "OPEN",
      event: "REJECT",
      toState: "REJECTED",
      actorId: reg.id,
      payload: { reason: "不属于本部门受理范围" },
    });
    const data = { caseId: filed.id, code: filed.code };
    expect(await told("CASE_REJECTED", filed.id)).toEqual([{ userId: complainant.id, orgId: null, data }]);
    expect(await told("CASE_REJECTED_AGENCY", filed.id)).toEqual([{ userId: null, orgId: orgOf(agency), data }]);
    // A refused case is refused again as a conflict, not re-applied.
    await expect(rejectComplaint(db, reg, filed.id, { reason: "再次", expectedVersion: 1 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.conflict",
    });
  });
});

describe("事先告知", () => {
  it("the period ends exactly NOTICE_PERIOD_DAYS after the notice; the row, audit event and the agency's notice say what is proposed", async () => {
    const c = await caseUnderReview(db, reg, agency.agencyId, complainant);
    const now = new Date("2026-03-02T02:30:00.000Z");
    const ends = ms(now, 5 * DAY);
    at(now);
    // days only go with a suspension: a removal's notice stores none even if the form sent some.
    const r = await issueNotice(db, reg, c.id, { ...DECISIONS.REMOVAL!, days: 30, years: 2, expectedVersion: 1 });
    expect(r).toEqual({ status: "NOTICE_ISSUED", noticeEndsAt: ends });
    expect(await row(c.id)).toMatchObject({
      status: "NOTICE_ISSUED",
      noticeDecision: "REMOVAL",
      noticeFacts: DECISIONS.REMOVAL!.reason,
      noticeLegalBasis: DECISIONS.REMOVAL!.legalBasis,
      noticeEvidence: DECISIONS.REMOVAL!.evidence,
      noticeDays: null,
      noticeYears: null,
      noticeIssuedAt: now,
      noticeEndsAt: ends,
      decision: null,
      version: 2,
    });
    expect(await lastEvent(c.id)).toEqual({
      fromState: "UNDER_REVIEW",
      event: "ISSUE_NOTICE",
      toState: "NOTICE_ISSUED",
      actorId: reg.id,
      payload: {
        decision: "REMOVAL",
        reason: DECISIONS.REMOVAL!.reason,
        legalBasis: DECISIONS.REMOVAL!.legalBasis,
        evidence: DECISIONS.REMOVAL!.evidence,
        days: null,
        years: null,
        noticeEndsAt: ends.toISOString(),
      },
    });
    expect(await told("CASE_NOTICE_ISSUED", c.id)).toEqual([
      {
        userId: null,
        orgId: orgOf(agency),
        data: { caseId: c.id, code: c.code, decision: "REMOVAL", noticeEndsAt: formatDateTime(ends) },
      },
    ]);
    expect(formatDateTime(ends)).toBe("2026-03-07 10:30");
  });

  it("a suspension keeps its days and a blacklist its years, each without the other's", async () => {
    const s = await caseUnderReview(db, reg, agency.agencyId, complainant);
    await issueNotice(db, reg, s.id, { ...DECISIONS.SUSPENSION!, days: 20, years: 2, expectedVersion: 1 });
    expect(await row(s.id)).toMatchObject({ noticeDecision: "SUSPENSION", noticeDays: 20, noticeYears: null });
    expect((await lastEvent(s.id)).payload).toMatchObject({ days: 20, years: null });
    const b = await caseUnderReview(db, reg, agency.agencyId, complainant);
    await issueNotice(db, reg, b.id, { ...DECISIONS.BLACKLIST!, days: 20, years: 2, expectedVersion: 1 });
    expect(await row(b.id)).toMatchObject({ noticeDecision: "BLACKLIST", noticeDays: null, noticeYears: 2 });
    expect((await lastEvent(b.id)).payload).toMatchObject({ days: null, years: 2 });
  });

  it("which refusal: every text is required, out-of-range terms name their field, an open case needs review first", async () => {
    const c = await caseUnderReview(db, reg, agency.agencyId, complainant);
    for (const field of ["reason", "legalBasis", "evidence"] as const)
      await expect(issueNotice(db, reg, c.id, { ...notice("SUSPENSION", 1), [field]: " " })).rejects.toMatchObject({
        status: 400,
        field,
        message: "errors.required",
      });
    await expect(issueNotice(db, reg, c.id, { ...DECISIONS.WARNING!, expectedVersion: 1 })).rejects.toMatchObject({
      status: 400,
      field: "decision",
      message: "errors.invalidChoice",
    });
    await expect(issueNotice(db, reg, c.id, { ...notice("SUSPENSION", 1), days: 0 })).rejects.toMatchObject({
      status: 422,
      field: "days",
      message: "cases.errors.daysRange",
    });
    await expect(issueNotice(db, reg, c.id, { ...notice("BLACKLIST", 1), years: 0 })).rejects.toMatchObject({
      status: 422,
      field: "years",
      message: "cases.errors.yearsRange",
    });
    await expect(issueNotice(db, reg, c.id, notice("SUSPENSION", 0))).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.conflict",
    });
    expect(await row(c.id)).toMatchObject({ status: "UNDER_REVIEW", version: 1, noticeDecision: null });
    const open = await fileComplaint(db, complainant, { agencyId: agency.agencyId, subject: "资质", description: "挂靠", files: [] });
    await expect(issueNotice(db, reg, open.id, notice("SUSPENSION", 0))).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.reviewFirst",
    });
    // After a notice, a second notice is a plain conflict (not a range error).
    await issueNotice(db, reg, c.id, notice("SUSPENSION", 1));
    await expect(issueNotice(db, reg, c.id, notice("SUSPENSION", 2))).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.conflict",
    });
  });
});

describe("陈述、申辩", () => {
  it("is late exactly at noticeEndsAt and in time one millisecond before; the statement, its time and the waiver are kept", async () => {
    const c = await noticed(new Date("2026-03-02T02:00:00.000Z"));
    at(c.noticeEndsAt);
    await expect(
      submitStatement(db, agency.user, c.id, { statement: "迟到", waiveHearing: false, expectedVersion: 2 }),
    ).rejects.toMatchObject({ status: 409, message: "cases.errors.noticePeriodOver" });
    const now = ms(c.noticeEndsAt, -1);
    at(now);
    await expect(
      submitStatement(db, agency.user, c.id, { statement: " 数据有原始记录 ", waiveHearing: true, expectedVersion: 1 }),
    ).rejects.toMatchObject({ status: 409, message: "cases.errors.conflict" });
    at(now);
    await expect(
      submitStatement(db, agency.user, c.id, { statement: " 数据有原始记录 ", waiveHearing: true, expectedVersion: 2 }),
    ).resolves.toEqual({ status: "NOTICE_ISSUED" });
    expect(await row(c.id)).toMatchObject({
      status: "NOTICE_ISSUED",
      statement: "数据有原始记录",
      statementAt: now,
      hearingWaived: true,
      version: 3,
    });
    expect(await lastEvent(c.id)).toEqual({
      fromState: "NOTICE_ISSUED",
      event: "SUBMIT_STATEMENT",
      toState: "NOTICE_ISSUED",
      actorId: agency.user.id,
      payload: { statement: "数据有原始记录", waivesHearing: true },
    });
    // Every regulator is told.
    const notes = await told("CASE_STATEMENT_SUBMITTED", c.id);
    expect(notes.map((n) => n.userId)).toEqual(regulatorIds);
    for (const n of notes) expect(n).toMatchObject({ orgId: null, data: { caseId: c.id, code: c.code } });
    // Once only, even within the period.
    at(now);
    await expect(
      submitStatement(db, agency.user, c.id, { statement: "补充", waiveHearing: false, expectedVersion: 3 }),
    ).rejects.toMatchObject({ status: 409, message: "cases.errors.conflict" });
  });

  it("a statement without waiving keeps the hearing open; before any notice a statement is a plain conflict", async () => {
    const c = await noticed(new Date("2026-03-03T02:00:00.000Z"));
    at(ms(c.noticeEndsAt, -DAY));
    await submitStatement(db, agency.user, c.id, { statement: "请求从轻", waiveHearing: false, expectedVersion: 2 });
    expect(await row(c.id)).toMatchObject({ hearingWaived: false });
    expect((await lastEvent(c.id)).payload).toEqual({ statement: "请求从轻", waivesHearing: false });
    at(ms(c.noticeEndsAt, -DAY));
    await expect(requestHearing(db, agency.user, c.id, { expectedVersion: 3 })).resolves.toEqual({ status: "HEARING_REQUESTED" });

    const review = await caseUnderReview(db, reg, agency.agencyId, complainant);
    await expect(
      submitStatement(db, agency.user, review.id, { statement: "x", waiveHearing: false, expectedVersion: 1 }),
    ).rejects.toMatchObject({ status: 409, message: "cases.errors.conflict" });
    await expect(
      submitStatement(db, other.user, review.id, { statement: "x", waiveHearing: false, expectedVersion: 1 }),
    ).rejects.toMatchObject({ status: 404, message: "cases.errors.notFound" });
  });
});

describe("听证", () => {
  it("a request is late exactly at noticeEndsAt; in time it is recorded with its time and every regulator is told", async () => {
    const c = await noticed(new Date("2026-03-04T02:00:00.000Z"), "BLACKLIST");
    at(c.noticeEndsAt);
    await expect(requestHearing(db, agency.user, c.id, { expectedVersion: 2 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.noticePeriodOver",
    });
    const now = ms(c.noticeEndsAt, -1);
    at(now);
    await expect(requestHearing(db, agency.user, c.id, { expectedVersion: 1 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.conflict",
    });
    at(now);
    await expect(requestHearing(db, agency.user, c.id, { expectedVersion: 2 })).resolves.toEqual({ status: "HEARING_REQUESTED" });
    expect(await row(c.id)).toMatchObject({ status: "HEARING_REQUESTED", hearingAskedAt: now, version: 3 });
    expect(await lastEvent(c.id)).toEqual({
      fromState: "NOTICE_ISSUED",
      event: "REQUEST_HEARING",
      toState: "HEARING_REQUESTED",
      actorId: agency.user.id,
      payload: {},
    });
    const notes = await told("CASE_HEARING_REQUESTED", c.id);
    expect(notes.map((n) => n.userId)).toEqual(regulatorIds);
    expect(notes[0]!.data).toEqual({ caseId: c.id, code: c.code });
    // Asked twice: a conflict, not a period error.
    await expect(requestHearing(db, agency.user, c.id, { expectedVersion: 3 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.conflict",
    });
    // Under review (no notice yet): a conflict too.
    const review = await caseUnderReview(db, reg, agency.agencyId, complainant);
    await expect(requestHearing(db, agency.user, review.id, { expectedVersion: 1 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.conflict",
    });
  });

  it("is scheduled exactly HEARING_LEAD_DAYS ahead but not one millisecond sooner; date and place are kept, audited and sent", async () => {
    const issued = new Date("2026-03-05T02:00:00.000Z");
    const c = await hearingRequested(issued);
    const now = ms(issued, 2 * DAY);
    const place = "普陀区行政服务中心三楼听证室";
    at(now);
    await expect(scheduleHearing(db, reg, c.id, { hearingAt: ms(now, 7 * DAY - 1), place, expectedVersion: 3 })).rejects.toMatchObject({
      status: 422,
      field: "hearingAt",
      message: "cases.errors.hearingTooSoon",
      params: { days: 7 },
    });
    at(now);
    await expect(scheduleHearing(db, reg, c.id, { hearingAt: ms(now, 7 * DAY), place: " ", expectedVersion: 3 })).rejects.toMatchObject({
      status: 400,
      field: "place",
      message: "errors.required",
    });
    at(now);
    await expect(scheduleHearing(db, reg, c.id, { hearingAt: ms(now, 7 * DAY), place, expectedVersion: 2 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.conflict",
    });
    const hearingAt = ms(now, 7 * DAY);
    at(now);
    await expect(scheduleHearing(db, reg, c.id, { hearingAt, place: ` ${place} `, expectedVersion: 3 })).resolves.toEqual({
      status: "HEARING_SCHEDULED",
    });
    expect(await row(c.id)).toMatchObject({ status: "HEARING_SCHEDULED", hearingAt, hearingPlace: place, version: 4 });
    expect(await lastEvent(c.id)).toEqual({
      fromState: "HEARING_REQUESTED",
      event: "SCHEDULE_HEARING",
      toState: "HEARING_SCHEDULED",
      actorId: reg.id,
      payload: { hearingAt: hearingAt.toISOString(), place },
    });
    expect(await told("CASE_HEARING_SCHEDULED", c.id)).toEqual([
      { userId: null, orgId: orgOf(agency), data: { caseId: c.id, code: c.code, hearingAt: formatDateTime(hearingAt), place } },
    ]);
    // Scheduled already: a second schedule is a conflict, not "too soon".
    at(now);
    await expect(scheduleHearing(db, reg, c.id, { hearingAt: ms(now, DAY), place, expectedVersion: 4 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.conflict",
    });

    // Recorded from the hearing's instant on, not a millisecond before.
    at(ms(hearingAt, -1));
    await expect(recordHearing(db, reg, c.id, { record: "笔录", expectedVersion: 4 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.hearingNotYet",
    });
    at(hearingAt);
    await expect(recordHearing(db, agency.user, c.id, { record: "笔录", expectedVersion: 4 })).rejects.toMatchObject({
      status: 403,
      message: "cases.errors.regulatorOnly",
    });
    at(hearingAt);
    await expect(recordHearing(db, reg, c.id, { record: "笔录", expectedVersion: 3 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.conflict",
    });
    const record = "机构出示了原始记录，委托方当场确认。";
    at(hearingAt);
    await expect(recordHearing(db, reg, c.id, { record: ` ${record} `, expectedVersion: 4 })).resolves.toEqual({ status: "HEARING_HELD" });
    expect(await row(c.id)).toMatchObject({ status: "HEARING_HELD", hearingRecord: record, hearingHeldAt: hearingAt, version: 5 });
    expect(await lastEvent(c.id)).toEqual({
      fromState: "HEARING_SCHEDULED",
      event: "RECORD_HEARING",
      toState: "HEARING_HELD",
      actorId: reg.id,
      payload: { record },
    });
    expect(await told("CASE_HEARING_HELD", c.id)).toEqual([{ userId: null, orgId: orgOf(agency), data: { caseId: c.id, code: c.code } }]);
    // Held already: recording again is a conflict, not "not yet".
    at(ms(hearingAt, -DAY));
    await expect(recordHearing(db, reg, c.id, { record, expectedVersion: 5 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.conflict",
    });
  });

  it("scheduling or recording before a hearing is asked for is a conflict", async () => {
    const c = await noticed(new Date("2026-03-06T02:00:00.000Z"));
    const now = ms(c.noticeEndsAt, -DAY);
    at(now);
    await expect(
      scheduleHearing(db, reg, c.id, { hearingAt: ms(now, 30 * DAY), place: "听证室", expectedVersion: 2 }),
    ).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.conflict",
    });
    at(now);
    await expect(recordHearing(db, reg, c.id, { record: "笔录", expectedVersion: 2 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.conflict",
    });
    expect(await row(c.id)).toMatchObject({ status: "NOTICE_ISSUED", version: 2 });
  });
});

describe("the decision", () => {
  it("after a notice, once its period is over exactly at noticeEndsAt: written with its appeal window, audited, sanction applied, both sides told", async () => {
    const [d] = (await listedAgencies(db, 1)) as [typeof agency];
    const c0 = await caseUnderReview(db, reg, d.agencyId, complainant);
    const issuedAt = new Date("2026-03-10T02:00:00.000Z");
    at(issuedAt);
    const { noticeEndsAt } = await issueNotice(db, reg, c0.id, notice("SUSPENSION", 1));
    const input = { ...DECISIONS.SUSPENSION!, days: 20, years: 3, points: 5, answer: "无陈述，无需答复", expectedVersion: 2 };
    at(ms(noticeEndsAt, -1));
    await expect(decideCase(db, reg, c0.id, input)).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.noticePeriodRunning",
      params: { date: formatDateTime(noticeEndsAt) },
    });
    at(noticeEndsAt);
    await expect(decideCase(db, reg, c0.id, { ...input, days: 31 })).rejects.toMatchObject({
      status: 422,
      field: "decision",
      message: "cases.errors.heavierThanNotice",
    });
    at(noticeEndsAt);
    await expect(decideCase(db, reg, c0.id, { ...input, days: 0 })).rejects.toMatchObject({
      status: 422,
      field: "days",
      message: "cases.errors.daysRange",
    });
    at(noticeEndsAt);
    const decided = await decideCase(db, reg, c0.id, input);
    expect(decided).toMatchObject({ status: "DECIDED", effects: { agencyTo: "SUSPENDED", endsAt: ms(noticeEndsAt, 20 * DAY) } });
    const appealEndsAt = ms(noticeEndsAt, 15 * DAY);
    expect(await row(c0.id)).toMatchObject({
      status: "DECIDED",
      decision: "SUSPENSION",
      decisionReason: DECISIONS.SUSPENSION!.reason,
      legalBasis: DECISIONS.SUSPENSION!.legalBasis,
      decisionEvidence: DECISIONS.SUSPENSION!.evidence,
      suspensionDays: 20,
      blacklistYears: null,
      creditDeduction: null,
      decidedById: reg.id,
      decidedAt: noticeEndsAt,
      appealEndsAt,
      statementAnswer: "无陈述，无需答复",
      version: 3,
    });
    expect(await lastEvent(c0.id)).toEqual({
      fromState: "NOTICE_ISSUED",
      event: "DECIDE",
      toState: "DECIDED",
      actorId: reg.id,
      payload: {
        decision: "SUSPENSION",
        reason: DECISIONS.SUSPENSION!.reason,
        legalBasis: DECISIONS.SUSPENSION!.legalBasis,
        evidence: DECISIONS.SUSPENSION!.evidence,
        days: 20,
        years: null,
        points: null,
        appealEndsAt: appealEndsAt.toISOString(),
        answer: "无陈述，无需答复",
      },
    });
    // The sanction names the deciding regulator's department as its authority.
    expect(await db.sanction.findFirstOrThrow({ where: { caseId: c0.id } })).toMatchObject({
      kind: "SUSPENSION",
      authority: reg.organizationName,
      startsAt: noticeEndsAt,
    });
    const data = { caseId: c0.id, code: c0.code, decision: "SUSPENSION" };
    expect(await told("CASE_DECIDED_AGENCY", c0.id)).toEqual([
      { userId: null, orgId: orgOf(d), data: { ...data, appealEndsAt: formatDate(appealEndsAt) } },
    ]);
    expect(await told("CASE_DECIDED", c0.id)).toEqual([{ userId: complainant.id, orgId: null, data }]);
    at(noticeEndsAt);
    await expect(decideCase(db, reg, c0.id, { ...input, expectedVersion: 3 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.conflict",
    });
  });

  it("a light decision at review: only its own measure kept, no answer recorded; which refusal before and after", async () => {
    const c = await caseUnderReview(db, reg, agency.agencyId, complainant);
    const open = await fileComplaint(db, complainant, { agencyId: agency.agencyId, subject: "资质", description: "挂靠", files: [] });
    await expect(decideCase(db, reg, open.id, { ...DECISIONS.WARNING!, expectedVersion: 0 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.reviewFirst",
    });
    await expect(
      decideCase(db, reg, c.id, { ...DECISIONS.WARNING!, decision: "FINE" as "WARNING", expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: "BAD_DECISION", status: 400, field: "decision", message: "errors.invalidChoice" });
    // The answer is optional but bounded, and a refusal names it.
    await expect(
      decideCase(db, reg, c.id, { ...DECISIONS.WARNING!, answer: "答".repeat(CASE_LIMITS.reason + 1), expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: "TOO_LONG", status: 400, field: "answer", message: "errors.tooLong" });
    for (const field of ["reason", "legalBasis", "evidence"] as const)
      await expect(decideCase(db, reg, c.id, { ...DECISIONS.WARNING!, [field]: " ", expectedVersion: 1 })).rejects.toMatchObject({
        status: 400,
        field,
        message: "errors.required",
      });
    await expect(decideCase(db, reg, c.id, { ...DECISIONS.CREDIT_DEDUCTION!, points: 0, expectedVersion: 1 })).rejects.toMatchObject({
      status: 422,
      field: "points",
      message: "cases.errors.pointsRange",
    });
    await expect(decideCase(db, reg, c.id, { ...DECISIONS.BLACKLIST!, expectedVersion: 1 })).rejects.toMatchObject({
      status: 422,
      field: "decision",
      message: "cases.errors.noticeFirst",
    });
    const now = new Date("2026-03-11T02:00:00.000Z");
    at(now);
    await decideCase(db, reg, c.id, {
      ...DECISIONS.CREDIT_DEDUCTION!,
      points: 10,
      days: 5,
      years: 2,
      answer: "不适用",
      expectedVersion: 1,
    });
    expect(await row(c.id)).toMatchObject({
      status: "DECIDED",
      creditDeduction: 10,
      suspensionDays: null,
      blacklistYears: null,
      statementAnswer: null,
      appealEndsAt: ms(now, 15 * DAY),
    });
    const payload = (await lastEvent(c.id)).payload as Record<string, unknown>;
    expect(payload).toMatchObject({ decision: "CREDIT_DEDUCTION", points: 10, days: null, years: null });
    expect(payload).not.toHaveProperty("answer");
  });

  it("no action: grounds optional, final at once with nothing to appeal; the agency gets the no-action notice", async () => {
    const c = await caseUnderReview(db, reg, agency.agencyId, complainant);
    const now = new Date("2026-03-12T02:00:00.000Z");
    at(now);
    await expect(decideCase(db, reg, c.id, { ...DECISIONS.NO_ACTION!, expectedVersion: 1 })).resolves.toEqual({
      status: "FINAL",
      effects: null,
    });
    expect(await row(c.id)).toMatchObject({
      status: "FINAL",
      decision: "NO_ACTION",
      legalBasis: null,
      decisionEvidence: null,
      appealEndsAt: now,
      finalizedAt: now,
      version: 2,
    });
    expect(await lastEvent(c.id)).toEqual({
      fromState: "DECIDED",
      event: "FINALIZE",
      toState: "FINAL",
      actorId: reg.id,
      payload: { reason: "NO_ACTION" },
    });
    expect(await db.sanction.count({ where: { caseId: c.id } })).toBe(0);
    expect(await told("CASE_DECIDED_AGENCY_NO_ACTION", c.id)).toEqual([
      { userId: null, orgId: orgOf(agency), data: { caseId: c.id, code: c.code, decision: "NO_ACTION", appealEndsAt: formatDate(now) } },
    ]);
    expect(await told("CASE_DECIDED_AGENCY", c.id)).toEqual([]);
  });

  it("after a statement or a hearing the decision must answer it; after a hearing request it waits", async () => {
    const c = await noticed(new Date("2026-03-13T02:00:00.000Z"));
    at(ms(c.noticeEndsAt, -DAY));
    await submitStatement(db, agency.user, c.id, { statement: "请求从轻", waiveHearing: true, expectedVersion: 2 });
    // Waived: no need to wait for the period; but the answer is required.
    at(ms(c.noticeEndsAt, -DAY));
    await expect(decideCase(db, reg, c.id, { ...notice("SUSPENSION", 3), answer: " " })).rejects.toMatchObject({
      status: 400,
      field: "answer",
      message: "cases.errors.answerRequired",
    });
    at(ms(c.noticeEndsAt, -DAY));
    await expect(decideCase(db, reg, c.id, { ...notice("REMOVAL", 3), answer: "不予采纳" })).rejects.toMatchObject({
      status: 422,
      message: "cases.errors.heavierThanNotice",
    });
    // Answered, but the term is out of range: the refusal names the term, not the answer.
    at(ms(c.noticeEndsAt, -DAY));
    await expect(decideCase(db, reg, c.id, { ...notice("SUSPENSION", 3), days: 0, answer: "部分采纳" })).rejects.toMatchObject({
      status: 422,
      field: "days",
      message: "cases.errors.daysRange",
    });
    at(ms(c.noticeEndsAt, -DAY));
    await decideCase(db, reg, c.id, { ...DECISIONS.WARNING!, answer: " 予以采纳，改为警告 ", expectedVersion: 3 });
    expect(await row(c.id)).toMatchObject({ status: "DECIDED", decision: "WARNING", statementAnswer: "予以采纳，改为警告" });
    // Decided after a waiver: a hearing request now is a plain conflict, not "waived".
    await expect(requestHearing(db, agency.user, c.id, { expectedVersion: 4 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.conflict",
    });

    const h = await hearingRequested(new Date("2026-03-14T02:00:00.000Z"));
    await expect(decideCase(db, reg, h.id, { ...notice("SUSPENSION", 3), answer: "x" })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.hearingPending",
    });
  });

  it("after a hearing without a statement: it waits while scheduled, then must answer the record, then is decided from HEARING_HELD", async () => {
    const issuedAt = new Date("2026-03-15T02:00:00.000Z");
    const c = await hearingRequested(issuedAt);
    const hearingAt = ms(issuedAt, 9 * DAY);
    at(ms(issuedAt, 2 * DAY));
    await scheduleHearing(db, reg, c.id, { hearingAt, place: "听证室", expectedVersion: 3 });
    at(ms(hearingAt, -1));
    await expect(decideCase(db, reg, c.id, { ...notice("SUSPENSION", 4), answer: "x" })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.hearingPending",
    });
    at(hearingAt);
    await recordHearing(db, reg, c.id, { record: "机构陈述了报告的出具经过。", expectedVersion: 4 });
    // No answer given at all (not even blank): the record still has to be answered.
    const now = ms(hearingAt, DAY);
    at(now);
    await expect(decideCase(db, reg, c.id, notice("SUSPENSION", 5))).rejects.toMatchObject({
      status: 400,
      field: "answer",
      message: "cases.errors.answerRequired",
    });
    at(now);
    await expect(decideCase(db, reg, c.id, { ...notice("SUSPENSION", 5), answer: " 听证意见不予采纳 " })).resolves.toMatchObject({
      status: "DECIDED",
    });
    expect(await row(c.id)).toMatchObject({ status: "DECIDED", statementAnswer: "听证意见不予采纳", decidedAt: now, version: 6 });
    expect(await lastEvent(c.id)).toMatchObject({
      fromState: "HEARING_HELD",
      toState: "DECIDED",
      payload: { decision: "SUSPENSION", answer: "听证意见不予采纳" },
    });
  });

  it("a blacklist after its notice: years out of range name the years field", async () => {
    const c = await noticed(new Date("2026-03-16T02:00:00.000Z"), "BLACKLIST");
    at(c.noticeEndsAt);
    await expect(decideCase(db, reg, c.id, { ...notice("BLACKLIST", 2), years: 0 })).rejects.toMatchObject({
      status: 422,
      field: "years",
      message: "cases.errors.yearsRange",
    });
    expect(await row(c.id)).toMatchObject({ status: "NOTICE_ISSUED", version: 2 });
    // In range: the case keeps its years and no days; the blacklist ends that many years on.
    at(c.noticeEndsAt);
    await decideCase(db, reg, c.id, { ...notice("BLACKLIST", 2), years: 2, days: 9 });
    expect(await row(c.id)).toMatchObject({ status: "DECIDED", blacklistYears: 2, suspensionDays: null, creditDeduction: null });
    const sanction = await db.sanction.findFirstOrThrow({ where: { caseId: c.id } });
    expect([sanction.kind, sanction.startsAt, sanction.endsAt]).toEqual([
      "BLACKLIST",
      c.noticeEndsAt,
      new Date(
        Date.UTC(
          c.noticeEndsAt.getUTCFullYear() + 2,
          c.noticeEndsAt.getUTCMonth(),
          c.noticeEndsAt.getUTCDate(),
          c.noticeEndsAt.getUTCHours(),
        ),
      ),
    ]);
  });

  it("the sanction names the deciding regulator's department as it is named now, or 行业主管部门 when there is none", async () => {
    // Renamed after the regulator signed in: the department's name now, not the session's.
    const renamed = await regulatorUser(db, "普陀区审改办（旧称）");
    await db.organization.update({ where: { id: renamed.organizationId! }, data: { name: "普陀区行政审批制度改革办公室" } });
    const c1 = await caseUnderReview(db, reg, agency.agencyId, complainant);
    await decideCase(db, renamed, c1.id, { ...DECISIONS.WARNING!, expectedVersion: 1 });
    expect((await db.sanction.findFirstOrThrow({ where: { caseId: c1.id } })).authority).toBe("普陀区行政审批制度改革办公室");
    // A regulator account with no organisation: the session's name, else the generic authority.
    const loose = await regulatorUser(db, "无组织审改办");
    await db.user.update({ where: { id: loose.id }, data: { organizationId: null } });
    const c2 = await caseUnderReview(db, reg, agency.agencyId, complainant);
    await decideCase(db, loose, c2.id, { ...DECISIONS.WARNING!, expectedVersion: 1 });
    expect((await db.sanction.findFirstOrThrow({ where: { caseId: c2.id } })).authority).toBe("无组织审改办");
    const c3 = await caseUnderReview(db, reg, agency.agencyId, complainant);
    await decideCase(db, { ...loose, organizationId: null, organizationName: null }, c3.id, { ...DECISIONS.WARNING!, expectedVersion: 1 });
    expect((await db.sanction.findFirstOrThrow({ where: { caseId: c3.id } })).authority).toBe("行业主管部门");
  });
});
