// Filing a complaint, taking it into review and finalising cases whose appeal window is over, at their boundaries,
// calling the commands directly: the case code follows the Beijing calendar day (numbered per day), every field's
// problem is named at once, exactly the allowed number of evidence files is accepted, what each step writes — the
// case row, the audit event and its payload, who is told and with what — and the scheduler's limit and the instant the
// window ends, by the database clock. Mutation testing uses this file (docs/mutation-testing.md).
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

/** dbNow with a queue of instants to return first (then the real clock). */
const hook = vi.hoisted(() => ({ times: [] as Date[] }));
vi.mock("~/services/clock.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/services/clock.server")>();
  return { ...real, dbNow: async (client: never) => hook.times.shift() ?? real.dbNow(client) };
});

import { getDb, type Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { CASE_LIMITS } from "~/schemas/case";
import { MAX_UPLOAD_BYTES } from "~/services/documents/documents.server";
import { fileComplaint, finalizeDueCases, startReview } from "~/services/supervision/cases.server";
import { seedCatalogue } from "../../seeds/seed";
import { domainRefusal } from "../support/domain";
import { caseUnderReview, decideAs, pdf, regulatorUser, caseEvents as caseEventsOf, told as toldOf } from "../support/cases";
import { enterpriseUser, listedAgencies } from "../support/requests";

type Agency = { user: SessionUser; agencyId: string };
let db: Db;
let reg: SessionUser;
let agency: Agency;
let agencyName: string;

const complaint = (files: File[] = []) => ({
  agencyId: agency.agencyId,
  subject: "出具报告与实际不符",
  description: "该机构出具的勘测报告数据与现场明显不符，详见附件。",
  files,
});
const caseEvents = (id: string, event: string) => caseEventsOf(db, id, event);
const told = (where: { orgId?: string; userId?: string; kind: string }) => toldOf(db, where);

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  reg = await regulatorUser(db);
  [agency] = (await listedAgencies(db, 1)) as [Agency];
  const a = await db.agency.findUniqueOrThrow({ where: { id: agency.agencyId }, select: { organization: { select: { name: true } } } });
  agencyName = a.organization.name;
});

afterEach(() => {
  hook.times.length = 0;
});

describe("filing a complaint", () => {
  it("numbers cases by the Beijing calendar day: 00:30 in Beijing is the new day, and each day starts again at 0001", async () => {
    const who = await enterpriseUser(db);
    // 2031-03-01 16:30 UTC is 2 March 00:30 in Beijing
    hook.times.push(new Date("2031-03-01T16:30:00Z"));
    const first = await fileComplaint(db, who, complaint());
    expect(first.code).toBe("TS20310302-0001");
    hook.times.push(new Date("2031-03-02T03:00:00Z"));
    expect((await fileComplaint(db, who, complaint())).code).toBe("TS20310302-0002");
    // the next Beijing day starts at 0001 again (its numbering does not continue the day before)
    hook.times.push(new Date("2031-03-02T16:00:00Z"));
    expect((await fileComplaint(db, who, complaint())).code).toBe("TS20310303-0001");
  });

  it("names a blank subject and a blank description together, and stores both as written (trimmed)", async () => {
    const who = await enterpriseUser(db);
    const e = await domainRefusal(fileComplaint(db, who, { ...complaint(), subject: "  ", description: "" }));
    expect(e.status).toBe(400);
    expect((e as unknown as { fields: Record<string, string[]> }).fields).toEqual({
      subject: ["errors.required"],
      description: ["errors.required"],
    });
    const filed = await fileComplaint(db, who, { ...complaint(), subject: "  报告数据不实 ", description: " 现场实测与报告不符。 " });
    const row = await db.supervisionCase.findUniqueOrThrow({ where: { id: filed.id } });
    expect([row.subject, row.description, row.status, row.complainantUserId]).toEqual([
      "报告数据不实",
      "现场实测与报告不符。",
      "OPEN",
      who.id,
    ]);
  });

  it(`accepts exactly ${CASE_LIMITS.files} evidence files and refuses one more; a file over the size limit is 413`, async () => {
    const who = await enterpriseUser(db);
    const five = Array.from({ length: CASE_LIMITS.files }, (_, i) => pdf(`证据${i + 1}.pdf`));
    const filed = await fileComplaint(db, who, complaint(five));
    expect((await db.supervisionCase.findUniqueOrThrow({ where: { id: filed.id } })).evidenceDocIds).toHaveLength(CASE_LIMITS.files);
    const six = await domainRefusal(fileComplaint(db, who, complaint([...five, pdf("证据6.pdf")])));
    expect([six.status, (six as unknown as { fields: Record<string, string[]> }).fields.evidence]).toEqual([
      400,
      ["cases.errors.tooManyFiles"],
    ]);
    const big = new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], "大文件.pdf", { type: "application/pdf" });
    const tooLarge = await domainRefusal(fileComplaint(db, who, complaint([big])));
    expect(tooLarge.status).toBe(413);
  });

  it("names every bad evidence file at once, and needs an organization to attach any", async () => {
    const who = await enterpriseUser(db);
    const big = new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], "大文件.pdf", { type: "application/pdf" });
    const exe = new File([new TextEncoder().encode("MZ not a pdf")], "说明.pdf", { type: "application/pdf" });
    const both = await domainRefusal(fileComplaint(db, who, complaint([big, exe])));
    expect((both as unknown as { fields: Record<string, string[]> }).fields.evidence).toHaveLength(2);
    expect(await db.supervisionCase.count({ where: { complainantUserId: who.id } })).toBe(0);
    const loner = { ...who, organizationId: null } as unknown as SessionUser;
    const e = await domainRefusal(fileComplaint(db, loner, complaint([pdf()])));
    expect([e.status, (e as unknown as { fields: Record<string, string[]> }).fields.evidence]).toEqual([
      400,
      ["cases.errors.evidenceNeedsOrganization"],
    ]);
  });

  it("by the agency's own users is refused, by its message", async () => {
    const e = await domainRefusal(fileComplaint(db, agency.user, complaint()));
    expect([e.status, e.message]).toEqual([403, "cases.errors.ownAgency"]);
  });

  it("against an agency that does not exist is not found, by its message", async () => {
    const who = await enterpriseUser(db);
    const e = await domainRefusal(fileComplaint(db, who, { ...complaint(), agencyId: "no-such-agency" }));
    expect([e.status, e.message]).toEqual([404, "cases.errors.agencyNotFound"]);
  });

  it("writes a FILE event with the code, the agency and each evidence file's hash and size, and tells the agency and the regulators", async () => {
    const who = await enterpriseUser(db);
    const filed = await fileComplaint(db, who, complaint([pdf()]));
    const row = await db.supervisionCase.findUniqueOrThrow({ where: { id: filed.id } });
    const doc = await db.document.findUniqueOrThrow({
      where: { id: row.evidenceDocIds[0]! },
      select: { id: true, sha256: true, size: true },
    });
    expect(await caseEvents(filed.id, "FILE")).toEqual([
      {
        fromState: null,
        toState: "OPEN",
        actorId: who.id,
        payload: { code: filed.code, agencyId: agency.agencyId, evidence: [{ documentId: doc.id, sha256: doc.sha256, size: doc.size }] },
      },
    ]);
    const orgId = (await db.agency.findUniqueOrThrow({ where: { id: agency.agencyId } })).organizationId;
    expect(await told({ orgId, kind: "CASE_FILED_AGENCY" })).toContainEqual({ caseId: filed.id, code: filed.code });
    expect(await told({ userId: reg.id, kind: "CASE_FILED" })).toContainEqual({ caseId: filed.id, code: filed.code, agency: agencyName });
  });
});

describe("taking a case into review", () => {
  it("writes UNDER_REVIEW, a START_REVIEW event, tells the complainant, and is refused a second time", async () => {
    const who = await enterpriseUser(db);
    const filed = await fileComplaint(db, who, complaint());
    expect(await startReview(db, reg, filed.id, { expectedVersion: 0 })).toEqual({ status: "UNDER_REVIEW" });
    const row = await db.supervisionCase.findUniqueOrThrow({ where: { id: filed.id } });
    expect([row.status, row.version]).toEqual(["UNDER_REVIEW", 1]);
    expect(await caseEvents(filed.id, "START_REVIEW")).toEqual([
      { fromState: "OPEN", toState: "UNDER_REVIEW", actorId: reg.id, payload: {} },
    ]);
    expect(await told({ userId: who.id, kind: "CASE_REVIEW_STARTED" })).toEqual([{ caseId: filed.id, code: filed.code }]);
    const again = await domainRefusal(startReview(db, reg, filed.id, { expectedVersion: 1 }));
    expect(again.status).toBe(409);
    expect((await db.supervisionCase.findUniqueOrThrow({ where: { id: filed.id } })).version).toBe(1);
    expect(await caseEvents(filed.id, "START_REVIEW")).toHaveLength(1);
  });
});

describe("finalising cases whose appeal window is over", () => {
  async function warned() {
    const c = await caseUnderReview(db, reg, agency.agencyId);
    await decideAs(db, reg, c, "WARNING");
    return db.supervisionCase.findUniqueOrThrow({ where: { id: c.id }, select: { id: true, appealEndsAt: true } });
  }

  it("finalises a case at the very instant its window ends (not 1 ms before), with a FINALIZE event", async () => {
    const c = await warned();
    const end = c.appealEndsAt!;
    hook.times.push(new Date(end.getTime() - 1));
    await finalizeDueCases(db, 1);
    expect((await db.supervisionCase.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("DECIDED");
    // every case due by then is finalised (earlier ones too), each transaction reading the hooked clock
    hook.times.push(...Array.from({ length: 20 }, () => end));
    await finalizeDueCases(db, 20);
    const row = await db.supervisionCase.findUniqueOrThrow({ where: { id: c.id } });
    expect([row.status, row.finalizedAt?.getTime()]).toEqual(["FINAL", end.getTime()]);
    expect(await caseEvents(c.id, "FINALIZE")).toEqual([
      { fromState: "DECIDED", toState: "FINAL", actorId: null, payload: { appealEndsAt: end.toISOString() } },
    ]);
  });

  it("finalises no more cases than its limit in one run", async () => {
    const a = await warned();
    const b = await warned();
    const later = new Date(Math.max(a.appealEndsAt!.getTime(), b.appealEndsAt!.getTime()) + 1000);
    hook.times.push(...Array.from({ length: 20 }, () => later));
    expect(await finalizeDueCases(db, 1)).toBe(1);
    const statuses = await db.supervisionCase.findMany({ where: { id: { in: [a.id, b.id] } }, select: { status: true } });
    const due = await db.supervisionCase.count({ where: { status: "DECIDED", appealEndsAt: { lte: later } } });
    // exactly one case went FINAL in that run: the earliest due (which may be one left by another test), never two
    expect(due).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((s) => s.status === "DECIDED").length).toBeGreaterThanOrEqual(1);
    hook.times.splice(0, hook.times.length, ...Array.from({ length: 20 }, () => later));
    expect(await finalizeDueCases(db, 20)).toBe(due);
  });
});
