import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A private uploads directory for this file, set before any module reads it.
const { uploads } = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const dir = mkdtempSync(path.join(tmpdir(), "zj-cases-uploads-"));
  process.env.UPLOADS_DIR = dir;
  return { uploads: dir };
});

import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { getDb, type Db } from "~/db/client.server";
import { approveAgency, reapplyAgency } from "~/services/agencies/review.server";
import { searchDirectory, agencyProfile } from "~/services/agencies/directory.server";
import { verifyAuditLog } from "~/services/audit/audit.server";
import { storagePath } from "~/services/documents/documents.server";
import { submitBid } from "~/services/requests/bids.server";
import { runDueWork } from "~/services/scheduler.server";
import {
  appealCase,
  APPEAL_WINDOW_DAYS,
  decideAppeal,
  fileComplaint,
  finalizeDueCases,
  startReview,
} from "~/services/supervision/cases.server";
import { reinstateDueSuspensions } from "~/services/supervision/effects.server";
import { seedCatalogue } from "../../seeds/seed";
import { ageCase, ageSanctions, agencyWithWork, bid, caseUnderReview, decideAs, pdf, PDF_BYTES, regulatorUser } from "../support/cases";
import { createUser, registerAgency } from "../support/factories";
import { enterpriseUser, listedAgencies, openRequest, sessionUserOf } from "../support/requests";

const DAY = 86_400_000;

beforeAll(async () => {
  await seedCatalogue(await getDb());
});

afterAll(() => {
  rmSync(uploads, { recursive: true, force: true });
});

const agencyRow = (db: Db, id: string) => db.agency.findUniqueOrThrow({ where: { id } });
/** Whether the directory lists this agency, searched by its credit code (the unfiltered first page holds only 20 of many). */
const inDirectory = async (db: Db, agencyId: string) => {
  const org = await db.organization.findFirstOrThrow({ where: { agency: { id: agencyId } }, select: { creditCode: true } });
  return (await searchDirectory(db, { q: org.creditCode! })).agencies.some((x) => x.id === agencyId);
};
const bidOf = (db: Db, requestId: string, agencyId: string) =>
  db.bid.findUniqueOrThrow({ where: { requestId_agencyId: { requestId, agencyId } } });
const notes = (db: Db, where: { orgId?: string; userId?: string; kind: string }) =>
  db.notification.findMany({ where, orderBy: { createdAt: "asc" } });
const storedFiles = () => (existsSync(uploads) ? readdirSync(uploads).flatMap((d) => readdirSync(path.join(uploads, d))) : []);

describe("filing a complaint", () => {
  it("anyone logged in files one with evidence; the agency learns of it without the complainant, every regulator is told", async () => {
    const db = await getDb();
    const [a] = await listedAgencies(db, 1);
    const reg1 = await regulatorUser(db);
    const reg2 = await regulatorUser(db, "上海市普陀区建设管理委员会");
    const complainant = await enterpriseUser(db);
    const filed = await fileComplaint(db, complainant, {
      agencyId: a!.agencyId,
      subject: "报告造假",
      description: "报告中的测量数据与现场不符。",
      files: [pdf("张三的现场照片.pdf"), pdf()],
    });
    expect(filed.code).toMatch(/^TS\d{8}-\d{4}$/);
    const c = await db.supervisionCase.findUniqueOrThrow({ where: { id: filed.id } });
    expect(c).toMatchObject({ status: "OPEN", agencyId: a!.agencyId, complainantUserId: complainant.id, version: 0 });
    expect(c.evidenceDocIds).toHaveLength(2);
    const docs = await db.document.findMany({ where: { id: { in: c.evidenceDocIds } } });
    expect(docs.every((d) => d.kind === "CASE_EVIDENCE" && d.ownerOrgId === complainant.organizationId)).toBe(true);
    for (const d of docs) expect(existsSync(storagePath(d.storageKey))).toBe(true);

    // Codes number the day's cases in order.
    const second = await fileComplaint(db, complainant, { agencyId: a!.agencyId, subject: "第二件", description: "另一事项", files: [] });
    expect(Number(second.code.slice(-4))).toBe(Number(filed.code.slice(-4)) + 1);

    const agencyOrg = a!.user.organizationId!;
    const [toAgency] = await notes(db, { orgId: agencyOrg, kind: "CASE_FILED_AGENCY" });
    expect(toAgency!.data).toEqual({ caseId: filed.id, code: filed.code });
    expect(JSON.stringify(toAgency)).not.toContain(complainant.id);
    for (const r of [reg1, reg2]) expect(await notes(db, { userId: r.id, kind: "CASE_FILED" })).toHaveLength(2);

    const audit = await db.auditEvent.findMany({ where: { aggregateType: "case", aggregateId: filed.id } });
    expect(audit.map((e) => [e.event, e.toState, e.actorId])).toEqual([["FILE", "OPEN", complainant.id]]);
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });

  it("refuses the agency's own users, unknown and never-listed agencies, bad files (removing what was stored) and more than five files", async () => {
    const db = await getDb();
    const [a] = await listedAgencies(db, 1);
    const someone = await enterpriseUser(db);
    const ok = { subject: "事项", description: "经过", files: [] as File[] };
    await expect(fileComplaint(db, a!.user, { agencyId: a!.agencyId, ...ok })).rejects.toMatchObject({
      status: 403,
      message: "cases.errors.ownAgency",
    });
    await expect(fileComplaint(db, someone, { agencyId: "no-such-agency", ...ok })).rejects.toMatchObject({
      status: 404,
      message: "cases.errors.agencyNotFound",
    });
    const { agency: applied } = await registerAgency(db, { name: "尚未入驻的测绘公司" });
    await expect(fileComplaint(db, someone, { agencyId: applied.id, ...ok })).rejects.toMatchObject({
      status: 404,
      message: "cases.errors.agencyNotFound",
    });
    await expect(fileComplaint(db, someone, { agencyId: a!.agencyId, ...ok, subject: "  " })).rejects.toMatchObject({
      status: 400,
      fields: { subject: ["errors.required"] },
    });

    const before = storedFiles().length;
    const exe = new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00])], "evidence.pdf", { type: "application/pdf" });
    await expect(fileComplaint(db, someone, { agencyId: a!.agencyId, ...ok, files: [pdf(), exe] })).rejects.toMatchObject({
      fields: { evidence: ["agencyProfile.errors.fileType"] },
    });
    await expect(
      fileComplaint(db, someone, { agencyId: a!.agencyId, ...ok, files: Array.from({ length: 6 }, () => pdf()) }),
    ).rejects.toMatchObject({ status: 400, fields: { evidence: ["cases.errors.tooManyFiles"] } });
    // The transaction fails after storing (the agency vanished meanwhile is hard to stage; an unknown agency with files is refused before storing).
    await expect(fileComplaint(db, someone, { agencyId: "no-such-agency", ...ok, files: [pdf()] })).rejects.toMatchObject({
      status: 404,
      message: "cases.errors.agencyNotFound",
    });
    expect(storedFiles().length).toBe(before);
    // A failure inside the transaction after a file was stored (the second file cannot be read again)
    // rolls everything back and removes the stored file.
    class FlakyFile extends File {
      reads = 0;
      override async arrayBuffer() {
        if (++this.reads > 1) throw new Error("connection reset while reading the upload");
        return super.arrayBuffer();
      }
    }
    await expect(
      fileComplaint(db, someone, { agencyId: a!.agencyId, ...ok, files: [pdf(), new FlakyFile([PDF_BYTES], "b.pdf")] }),
    ).rejects.toThrow("connection reset");
    expect(storedFiles().length).toBe(before);
    expect(await db.document.count({ where: { kind: "CASE_EVIDENCE", ownerOrgId: someone.organizationId! } })).toBe(0);
    expect(await db.supervisionCase.count({ where: { agencyId: a!.agencyId } })).toBe(0);
  });
});

describe("regulator commands", () => {
  it("only regulators review and decide; a stale version is a 409 and nothing is applied twice", async () => {
    const db = await getDb();
    const [a] = await listedAgencies(db, 1);
    const reg = await regulatorUser(db);
    const complainant = await enterpriseUser(db);
    const filed = await fileComplaint(db, complainant, { agencyId: a!.agencyId, subject: "事项", description: "经过", files: [] });
    await expect(startReview(db, complainant, filed.id, { expectedVersion: 0 })).rejects.toMatchObject({
      status: 403,
      message: "cases.errors.regulatorOnly",
    });
    await expect(startReview(db, a!.user, filed.id, { expectedVersion: 0 })).rejects.toMatchObject({
      status: 403,
      message: "cases.errors.regulatorOnly",
    });
    // Deciding before accepting: refused.
    await expect(decideAs(db, reg, { id: filed.id, version: 0 }, "WARNING")).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.reviewFirst",
    });
    await startReview(db, reg, filed.id, { expectedVersion: 0 });
    await expect(startReview(db, reg, filed.id, { expectedVersion: 0 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.conflict",
    });
    expect(await notes(db, { userId: complainant.id, kind: "CASE_REVIEW_STARTED" })).toHaveLength(1);

    const c = { id: filed.id, version: 1 };
    await expect(decideAs(db, complainant, c, "SUSPENSION")).rejects.toMatchObject({ status: 403, message: "cases.errors.regulatorOnly" });
    await expect(decideAs(db, a!.user, c, "SUSPENSION")).rejects.toMatchObject({ status: 403, message: "cases.errors.regulatorOnly" });
    await expect(decideAs(db, reg, c, "SUSPENSION", { days: 0 })).rejects.toMatchObject({
      status: 422,
      field: "days",
      message: "cases.errors.daysRange",
    });
    await expect(decideAs(db, reg, c, "SUSPENSION", { days: 400 })).rejects.toMatchObject({ status: 422, field: "days" });
    await expect(decideAs(db, reg, c, "SUSPENSION", { legalBasis: " " })).rejects.toMatchObject({ status: 400, field: "legalBasis" });
    await expect(decideAs(db, reg, c, "SUSPENSION", { decision: "FINE" as never })).rejects.toMatchObject({
      status: 400,
      field: "decision",
    });
    await decideAs(db, reg, c, "SUSPENSION");
    // A second regulator on the page rendered before: 409, and still one sanction.
    const other = await regulatorUser(db);
    await expect(decideAs(db, other, c, "REMOVAL")).rejects.toMatchObject({ status: 409, message: "cases.errors.conflict" });
    expect(await db.sanction.count({ where: { caseId: c.id } })).toBe(1);
    expect((await agencyRow(db, a!.agencyId)).status).toBe("SUSPENDED");
  });
});

describe("effects of a decision", () => {
  it("suspension: open bids withdrawn, enterprises and the agency told, running contracts flagged, credit lowered, bidding refused; the scheduler reinstates after the end", async () => {
    const db = await getDb();
    const reg = await regulatorUser(db);
    const w = await agencyWithWork(db);
    const before = await agencyRow(db, w.a.agencyId);
    expect(before.creditScore).toBe(80);
    const c = await caseUnderReview(db, reg, w.a.agencyId);

    const result = await decideAs(db, reg, c, "SUSPENSION");
    expect(result.status).toBe("DECIDED");
    const agency = await agencyRow(db, w.a.agencyId);
    expect(agency.status).toBe("SUSPENDED");
    const sanction = await db.sanction.findFirstOrThrow({ where: { caseId: c.id } });
    expect(sanction).toMatchObject({
      kind: "SUSPENSION",
      authority: "上海市普陀区审改办",
      reason: "出具虚假勘测报告",
      legalBasis: "《行政审批中介服务管理办法》第二十条",
      evidence: "现场复核记录、报告原件",
      revokedAt: null,
    });
    expect(sanction.endsAt!.getTime() - sanction.startsAt.getTime()).toBe(30 * DAY);
    expect(agency.suspendedUntil!.getTime()).toBe(sanction.endsAt!.getTime());
    expect(agency.creditScore).toBe(65);
    expect(agency.creditBreakdown).toMatchObject({ sanctions: -15 });

    // The open bid is withdrawn with its reason and an event on the request's chain; the other agency's bid is untouched.
    expect(await bidOf(db, w.open.id, w.a.agencyId)).toMatchObject({ status: "INVALIDATED", invalidReason: "AGENCY_SUSPENDED" });
    expect((await bidOf(db, w.open.id, w.b.agencyId)).status).toBe("SUBMITTED");
    const invalidated = await db.auditEvent.findMany({
      where: { aggregateType: "request", aggregateId: w.open.id, event: "BID_INVALIDATED" },
    });
    expect(invalidated).toHaveLength(1);
    expect(invalidated[0]).toMatchObject({ fromState: "SUBMITTED", toState: "INVALIDATED", actorId: reg.id });
    // The won award is not an open bid: it stays WON, and its enterprise may terminate.
    expect((await bidOf(db, w.awarded.id, w.a.agencyId)).status).toBe("WON");

    const openOrg = w.open.owner.organizationId!;
    const awardOrg = w.awarded.owner.organizationId!;
    const req = await db.serviceRequest.findUniqueOrThrow({ where: { id: w.awarded.id } });
    expect((await notes(db, { orgId: openOrg, kind: "CASE_BID_INVALIDATED" })).map((n) => n.data)).toEqual([
      { requestId: w.open.id, title: "曹杨路地块土地勘测", code: expect.any(String) },
    ]);
    expect((await notes(db, { orgId: awardOrg, kind: "CASE_CONTRACT_AT_RISK" })).map((n) => n.data)).toEqual([
      { requestId: w.awarded.id, title: req.title, code: req.code },
    ]);
    expect(await notes(db, { orgId: openOrg, kind: "CASE_CONTRACT_AT_RISK" })).toHaveLength(0);
    const [toAgency] = await notes(db, { orgId: w.a.user.organizationId!, kind: "CASE_DECIDED_AGENCY" });
    expect(toAgency!.data).toMatchObject({ caseId: c.id, code: c.code, decision: "SUSPENSION" });
    expect(await notes(db, { userId: c.complainant.id, kind: "CASE_DECIDED" })).toHaveLength(1);

    // The agency chain records it and the public profile lists it.
    const events = await db.auditEvent.findMany({ where: { aggregateType: "agency", aggregateId: w.a.agencyId }, orderBy: { seq: "asc" } });
    expect(events.at(-1)).toMatchObject({ event: "SUSPEND", fromState: "LISTED", toState: "SUSPENDED" });
    expect((await agencyProfile(db, w.a.agencyId))!.actions.map((x) => x.event)).toContain("SUSPEND");

    // Suspended: cannot bid, not in the directory.
    const fresh = await openRequest(db, await enterpriseUser(db));
    await expect(submitBid(db, w.a.user, fresh.id, bid(50000))).rejects.toMatchObject({
      status: 403,
      message: "requests.errors.notEligible",
      params: { reasons: expect.stringContaining("notListed::SUSPENDED") },
    });
    expect(await inDirectory(db, w.a.agencyId)).toBe(false);
    expect(await inDirectory(db, w.b.agencyId)).toBe(true); // the same search does find a listed agency

    // A second, shorter suspension while suspended keeps the later end.
    const c2 = await caseUnderReview(db, reg, w.a.agencyId);
    await decideAs(db, reg, c2, "SUSPENSION", { days: 5 });
    expect((await agencyRow(db, w.a.agencyId)).suspendedUntil!.getTime()).toBe(sanction.endsAt!.getTime());

    // Not due yet: the scheduler leaves it.
    expect(await reinstateDueSuspensions(db)).toBe(0);
    // 31 days later the scheduler lists it again, once.
    await ageSanctions(db, w.a.agencyId, 31);
    const work = await runDueWork();
    expect(work.reinstated).toBe(1);
    expect(await reinstateDueSuspensions(db)).toBe(0);
    const back = await agencyRow(db, w.a.agencyId);
    expect(back).toMatchObject({ status: "LISTED", suspendedUntil: null });
    const last = await db.auditEvent.findFirstOrThrow({
      where: { aggregateType: "agency", aggregateId: w.a.agencyId },
      orderBy: { seq: "desc" },
    });
    expect(last).toMatchObject({ event: "REINSTATE", fromState: "SUSPENDED", toState: "LISTED", actorId: null });
    expect(await notes(db, { orgId: w.a.user.organizationId!, kind: "CASE_SUSPENSION_ENDED" })).toHaveLength(1);
    await expect(submitBid(db, w.a.user, fresh.id, bid(50000))).resolves.toMatchObject({ revision: 1 });
    expect(await inDirectory(db, w.a.agencyId)).toBe(true);
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });

  it("removal: out of the directory, cannot bid, credit 0, still on its public profile", async () => {
    const db = await getDb();
    const reg = await regulatorUser(db);
    const w = await agencyWithWork(db);
    const c = await caseUnderReview(db, reg, w.a.agencyId);
    await decideAs(db, reg, c, "REMOVAL");
    const agency = await agencyRow(db, w.a.agencyId);
    expect(agency).toMatchObject({ status: "REMOVED", creditScore: 0 });
    expect(await bidOf(db, w.open.id, w.a.agencyId)).toMatchObject({ status: "INVALIDATED", invalidReason: "AGENCY_REMOVED" });
    expect(await db.sanction.findFirstOrThrow({ where: { caseId: c.id } })).toMatchObject({ kind: "REMOVAL", endsAt: null });
    expect(await inDirectory(db, w.a.agencyId)).toBe(false);
    expect(await inDirectory(db, w.b.agencyId)).toBe(true); // the same search does find a listed agency
    const profile = await agencyProfile(db, w.a.agencyId);
    expect(profile!.status).toBe("REMOVED");
    expect(profile!.actions.map((x) => x.event)).toContain("REMOVE");
    const fresh = await openRequest(db, await enterpriseUser(db));
    await expect(submitBid(db, w.a.user, fresh.id, bid(50000))).rejects.toMatchObject({
      status: 403,
      message: "requests.errors.notEligible",
    });
    expect(await notes(db, { orgId: w.awarded.owner.organizationId!, kind: "CASE_CONTRACT_AT_RISK" })).toHaveLength(1);
  });

  it("blacklist: removed, cannot re-apply or be approved or bid until it ends; afterwards it may re-apply and be listed", async () => {
    const db = await getDb();
    const reg = await regulatorUser(db);
    const w = await agencyWithWork(db);
    const c = await caseUnderReview(db, reg, w.a.agencyId);
    await decideAs(db, reg, c, "BLACKLIST");
    const sanction = await db.sanction.findFirstOrThrow({ where: { caseId: c.id } });
    expect(sanction.kind).toBe("BLACKLIST");
    const end = new Date(sanction.startsAt);
    end.setUTCFullYear(end.getUTCFullYear() + 3);
    expect(sanction.endsAt!.getTime()).toBe(end.getTime());
    expect(await agencyRow(db, w.a.agencyId)).toMatchObject({ status: "REMOVED", creditScore: 0 });
    expect(
      (await db.auditEvent.findFirstOrThrow({ where: { aggregateType: "agency", aggregateId: w.a.agencyId }, orderBy: { seq: "desc" } }))
        .event,
    ).toBe("BLACKLIST");
    expect((await bidOf(db, w.open.id, w.a.agencyId)).status).toBe("INVALIDATED");

    await expect(reapplyAgency(db, { agencyId: w.a.agencyId, actorId: w.a.user.id })).rejects.toMatchObject({
      status: 422,
      message: "review.errors.blacklisted",
    });
    await expect(approveAgency(db, { agencyId: w.a.agencyId, actorId: reg.id })).rejects.toMatchObject({
      status: 409,
      message: "review.errors.conflict",
    });
    const fresh = await openRequest(db, await enterpriseUser(db));
    await expect(submitBid(db, w.a.user, fresh.id, bid(50000))).rejects.toMatchObject({
      status: 403,
      message: "requests.errors.notEligible",
    });

    // Three years and a day later it is over.
    await ageSanctions(db, w.a.agencyId, 3 * 366 + 1);
    await reapplyAgency(db, { agencyId: w.a.agencyId, actorId: w.a.user.id });
    await approveAgency(db, { agencyId: w.a.agencyId, actorId: reg.id });
    expect((await agencyRow(db, w.a.agencyId)).status).toBe("LISTED");
    await expect(submitBid(db, w.a.user, fresh.id, bid(50000))).resolves.toBeTruthy();
  });

  it("warning and credit deduction lower the score and change nothing else", async () => {
    const db = await getDb();
    const reg = await regulatorUser(db);
    const w = await agencyWithWork(db);
    const c1 = await caseUnderReview(db, reg, w.a.agencyId);
    await decideAs(db, reg, c1, "WARNING");
    expect(await agencyRow(db, w.a.agencyId)).toMatchObject({ status: "LISTED", creditScore: 77 });
    const c2 = await caseUnderReview(db, reg, w.a.agencyId);
    await decideAs(db, reg, c2, "CREDIT_DEDUCTION", { points: 12 });
    expect(await agencyRow(db, w.a.agencyId)).toMatchObject({ status: "LISTED", creditScore: 65 });
    expect((await bidOf(db, w.open.id, w.a.agencyId)).status).toBe("SUBMITTED");
    expect(
      await db.sanction.findMany({
        where: { agencyId: w.a.agencyId },
        select: { kind: true, endsAt: true },
        orderBy: { createdAt: "asc" },
      }),
    ).toEqual([
      { kind: "WARNING", endsAt: null },
      { kind: "CREDIT_DEDUCTION", endsAt: null },
    ]);
    expect(
      await db.auditEvent.findMany({
        where: { aggregateType: "agency", aggregateId: w.a.agencyId, event: { in: ["WARN", "CREDIT_DEDUCTION"] } },
        select: { event: true, fromState: true, toState: true },
      }),
    ).toEqual([
      { event: "WARN", fromState: "LISTED", toState: "LISTED" },
      { event: "CREDIT_DEDUCTION", fromState: "LISTED", toState: "LISTED" },
    ]);
    expect(await notes(db, { orgId: w.open.owner.organizationId!, kind: "CASE_BID_INVALIDATED" })).toHaveLength(0);
    expect(await notes(db, { orgId: w.awarded.owner.organizationId!, kind: "CASE_CONTRACT_AT_RISK" })).toHaveLength(0);
  });

  it("no action: no sanction, no effect, final at once and not appealable", async () => {
    const db = await getDb();
    const reg = await regulatorUser(db);
    const w = await agencyWithWork(db);
    const c = await caseUnderReview(db, reg, w.a.agencyId);
    const before = await agencyRow(db, w.a.agencyId);
    const result = await decideAs(db, reg, c, "NO_ACTION");
    expect(result.status).toBe("FINAL");
    expect(await db.sanction.count({ where: { agencyId: w.a.agencyId } })).toBe(0);
    const after = await agencyRow(db, w.a.agencyId);
    expect(after).toMatchObject({ status: "LISTED", creditScore: before.creditScore, version: before.version });
    expect((await bidOf(db, w.open.id, w.a.agencyId)).status).toBe("SUBMITTED");
    expect(await db.supervisionCase.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      status: "FINAL",
      decision: "NO_ACTION",
      decisionReason: "经核查，投诉事项不成立",
    });
    expect(await notes(db, { orgId: w.a.user.organizationId!, kind: "CASE_DECIDED_AGENCY_NO_ACTION" })).toHaveLength(1);
    await expect(appealCase(db, w.a.user, c.id, { reason: "x", expectedVersion: 2 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.notAppealable",
    });
  });
});

describe("appeals", () => {
  it("the agency appeals within the window (the sanction stays in force); only its users may; after the window it is refused and the case becomes final", async () => {
    const db = await getDb();
    const reg = await regulatorUser(db);
    const [a, b] = await listedAgencies(db, 2);
    const c = await caseUnderReview(db, reg, a!.agencyId);
    await decideAs(db, reg, c, "SUSPENSION");
    const decided = await db.supervisionCase.findUniqueOrThrow({ where: { id: c.id } });
    expect(decided.appealEndsAt!.getTime() - decided.decidedAt!.getTime()).toBe(APPEAL_WINDOW_DAYS * DAY);

    await expect(appealCase(db, b!.user, c.id, { reason: "x", expectedVersion: 3 })).rejects.toMatchObject({
      status: 404,
      message: "cases.errors.notFound",
    });
    await expect(appealCase(db, c.complainant, c.id, { reason: "x", expectedVersion: 3 })).rejects.toMatchObject({
      status: 403,
      message: "cases.errors.agencyOnly",
    });
    await expect(appealCase(db, a!.user, c.id, { reason: " ", expectedVersion: 3 })).rejects.toMatchObject({
      status: 400,
      field: "reason",
    });
    await expect(appealCase(db, a!.user, c.id, { reason: "事实认定有误", expectedVersion: 2 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.conflict",
    });
    await appealCase(db, a!.user, c.id, { reason: "事实认定有误，报告数据有原始记录为证", expectedVersion: 3 });
    expect(await db.supervisionCase.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      status: "APPEAL",
      appealReason: "事实认定有误，报告数据有原始记录为证",
    });
    expect((await agencyRow(db, a!.agencyId)).status).toBe("SUSPENDED");
    expect(await notes(db, { userId: reg.id, kind: "CASE_APPEALED" })).toHaveLength(1);

    // Upheld: final, nothing changes.
    await expect(decideAppeal(db, a!.user, c.id, { outcome: "REVOKED", reason: "x", expectedVersion: 4 })).rejects.toMatchObject({
      status: 403,
      message: "cases.errors.regulatorOnly",
    });
    await decideAppeal(db, reg, c.id, { outcome: "UPHELD", reason: "原始记录不能推翻现场复核结论", expectedVersion: 4 });
    expect(await db.supervisionCase.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "FINAL", appealOutcome: "UPHELD" });
    expect((await agencyRow(db, a!.agencyId)).status).toBe("SUSPENDED");
    expect((await db.sanction.findFirstOrThrow({ where: { caseId: c.id } })).revokedAt).toBeNull();
    await expect(decideAppeal(db, reg, c.id, { outcome: "REVOKED", reason: "再议", expectedVersion: 5 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.conflict",
    });

    // Another case: the window passes without an appeal.
    const late = await caseUnderReview(db, reg, a!.agencyId);
    await decideAs(db, reg, late, "WARNING");
    expect(await finalizeDueCases(db)).toBe(0);
    await ageCase(db, late.id, APPEAL_WINDOW_DAYS + 1);
    await expect(appealCase(db, a!.user, late.id, { reason: "迟到的复核", expectedVersion: 2 })).rejects.toMatchObject({
      status: 409,
      message: "cases.errors.appealWindowOver",
    });
    expect((await runDueWork()).casesFinalized).toBe(1);
    expect(await db.supervisionCase.findUniqueOrThrow({ where: { id: late.id } })).toMatchObject({ status: "FINAL", appealOutcome: null });
    expect(await finalizeDueCases(db)).toBe(0);
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });

  it("a revoked removal restores the listing and the score; the sanction stays public, marked revoked; withdrawn bids stay withdrawn", async () => {
    const db = await getDb();
    const reg = await regulatorUser(db);
    const w = await agencyWithWork(db);
    const c = await caseUnderReview(db, reg, w.a.agencyId);
    await decideAs(db, reg, c, "REMOVAL");
    expect((await agencyRow(db, w.a.agencyId)).status).toBe("REMOVED");
    await appealCase(db, w.a.user, c.id, { reason: "报告真实，有第三方复测", expectedVersion: 3 });
    await decideAppeal(db, reg, c.id, { outcome: "REVOKED", reason: "第三方复测证明报告真实", expectedVersion: 4 });
    const agency = await agencyRow(db, w.a.agencyId);
    expect(agency).toMatchObject({ status: "LISTED", creditScore: 80 });
    expect(await db.sanction.findFirstOrThrow({ where: { caseId: c.id } })).toMatchObject({
      revokedReason: "第三方复测证明报告真实",
      revokedAt: expect.any(Date),
    });
    expect(await inDirectory(db, w.a.agencyId)).toBe(true);
    expect((await bidOf(db, w.open.id, w.a.agencyId)).status).toBe("INVALIDATED");
    const events = await db.auditEvent.findMany({
      where: { aggregateType: "agency", aggregateId: w.a.agencyId },
      orderBy: { seq: "asc" },
      select: { event: true, toState: true },
    });
    expect(events.slice(-3)).toEqual([
      { event: "REMOVE", toState: "REMOVED" },
      { event: "SANCTION_REVOKED", toState: "REMOVED" },
      { event: "REINSTATE", toState: "LISTED" },
    ]);
    expect(await notes(db, { orgId: w.a.user.organizationId!, kind: "CASE_APPEAL_DECIDED" })).toHaveLength(1);
    expect(await notes(db, { userId: c.complainant.id, kind: "CASE_APPEAL_DECIDED" })).toHaveLength(1);
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });

  it("revoking one suspension while another is in force keeps the agency suspended until the remaining one ends", async () => {
    const db = await getDb();
    const reg = await regulatorUser(db);
    const [a] = await listedAgencies(db, 1);
    const long = await caseUnderReview(db, reg, a!.agencyId);
    await decideAs(db, reg, long, "SUSPENSION", { days: 90 });
    const short = await caseUnderReview(db, reg, a!.agencyId);
    await decideAs(db, reg, short, "SUSPENSION", { days: 10 });
    const longEnd = (await db.sanction.findFirstOrThrow({ where: { caseId: long.id } })).endsAt!;
    const shortEnd = (await db.sanction.findFirstOrThrow({ where: { caseId: short.id } })).endsAt!;
    await appealCase(db, a!.user, long.id, { reason: "处罚过重", expectedVersion: 3 });
    await decideAppeal(db, reg, long.id, { outcome: "REVOKED", reason: "处罚明显过重，予以撤销", expectedVersion: 4 });
    const agency = await agencyRow(db, a!.agencyId);
    expect(agency.status).toBe("SUSPENDED");
    expect(agency.suspendedUntil!.getTime()).toBe(shortEnd.getTime());
    expect(shortEnd.getTime()).toBeLessThan(longEnd.getTime());
    // The remaining suspension was 10 days; the score still counts it, not the revoked one.
    expect(agency.creditScore).toBe(65);
  });

  it("a revoked removal of an agency that had exited does not list it again", async () => {
    const db = await getDb();
    const reg = await regulatorUser(db);
    const [a] = await listedAgencies(db, 1);
    await db.agency.update({ where: { id: a!.agencyId }, data: { status: "EXITED" } });
    const c = await caseUnderReview(db, reg, a!.agencyId);
    await decideAs(db, reg, c, "REMOVAL");
    expect((await agencyRow(db, a!.agencyId)).status).toBe("REMOVED");
    await appealCase(db, a!.user, c.id, { reason: "已自愿退出", expectedVersion: 3 });
    await decideAppeal(db, reg, c.id, { outcome: "REVOKED", reason: "撤销", expectedVersion: 4 });
    expect((await agencyRow(db, a!.agencyId)).status).toBe("REMOVED");
  });
});

describe("who may file", () => {
  it("a regulator or another agency may file too, and files need an organization", async () => {
    const db = await getDb();
    const [a, b] = await listedAgencies(db, 2);
    const reg = await regulatorUser(db);
    await expect(
      fileComplaint(db, reg, { agencyId: a!.agencyId, subject: "依职权立案", description: "日常检查发现问题", files: [] }),
    ).resolves.toBeTruthy();
    await expect(
      fileComplaint(db, b!.user, { agencyId: a!.agencyId, subject: "同行投诉", description: "低价倾销", files: [] }),
    ).resolves.toBeTruthy();
    const orphan = await createUser(db, "ENTERPRISE");
    await db.user.update({ where: { id: orphan.id }, data: { organizationId: null } });
    const noOrg = { ...sessionUserOf(orphan), organizationId: null };
    await expect(
      fileComplaint(db, noOrg, { agencyId: a!.agencyId, subject: "个人投诉", description: "经过", files: [pdf()] }),
    ).rejects.toMatchObject({ fields: { evidence: ["cases.errors.evidenceNeedsOrganization"] } });
    await expect(
      fileComplaint(db, noOrg, { agencyId: a!.agencyId, subject: "个人投诉", description: "经过", files: [] }),
    ).resolves.toBeTruthy();
  });
});
