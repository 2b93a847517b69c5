/**
 * Helpers for the complaint / case tests (tests/integration/cases*.test.ts,
 * tests/load/case-race.test.ts).
 */
import type { Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { submitBid } from "~/services/requests/bids.server";
import { closeDueRequests } from "~/services/requests/close.server";
import { isHeavy } from "~/machines/case.machine";
import { decideCase, fileComplaint, issueNotice, startReview, type CaseDecisionInput } from "~/services/supervision/cases.server";
import { createUser } from "./factories";
import { enterpriseUser, expire, listedAgencies, openRequest, sessionUserOf } from "./requests";

export const PDF_BYTES = new TextEncoder().encode("%PDF-1.4\n% 投诉证据\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
export const pdf = (name = "现场照片说明.pdf") => new File([PDF_BYTES], name, { type: "application/pdf" });

/** A regulator user whose organization has a real department name (the sanction's authority). */
export async function regulatorUser(db: Db, name = "上海市普陀区审改办"): Promise<SessionUser> {
  const u = await createUser(db, "REGULATOR");
  await db.organization.update({ where: { id: u.organizationId! }, data: { name } });
  return { ...sessionUserOf(u), organizationName: name };
}

export const bid = (yuan: number, days = 20) => ({
  amountFen: BigInt(yuan * 100),
  serviceDays: days,
  proposal: "按规范完成勘测并出具报告",
});

/** A case against `agencyId`, filed by a fresh enterprise user and accepted for review. */
export async function caseUnderReview(db: Db, regulator: SessionUser, agencyId: string, complainant?: SessionUser) {
  const who = complainant ?? (await enterpriseUser(db));
  const filed = await fileComplaint(db, who, {
    agencyId,
    subject: "出具报告与实际不符",
    description: "该机构出具的勘测报告数据与现场明显不符，详见附件。",
    files: [],
  });
  await startReview(db, regulator, filed.id, { expectedVersion: 0 });
  return { id: filed.id, code: filed.code, complainant: who, version: 1 };
}

export const DECISIONS: Record<string, Omit<CaseDecisionInput, "expectedVersion">> = {
  SUSPENSION: {
    decision: "SUSPENSION",
    reason: "出具虚假勘测报告",
    legalBasis: "《行政审批中介服务管理办法》第二十条",
    evidence: "现场复核记录、报告原件",
    days: 30,
  },
  REMOVAL: {
    decision: "REMOVAL",
    reason: "多次出具虚假报告",
    legalBasis: "《行政审批中介服务管理办法》第二十二条",
    evidence: "三份复核记录",
  },
  BLACKLIST: {
    decision: "BLACKLIST",
    reason: "伪造资质证书",
    legalBasis: "《行政审批中介服务管理办法》第二十三条",
    evidence: "发证机关核查函",
    years: 3,
  },
  WARNING: { decision: "WARNING", reason: "报告格式不规范", legalBasis: "《行政审批中介服务管理办法》第十八条", evidence: "报告复印件" },
  CREDIT_DEDUCTION: {
    decision: "CREDIT_DEDUCTION",
    reason: "超期交付",
    legalBasis: "《行政审批中介服务管理办法》第十九条",
    evidence: "交付记录",
    points: 10,
  },
  NO_ACTION: { decision: "NO_ACTION", reason: "经核查，投诉事项不成立", legalBasis: "", evidence: "" },
};

/**
 * The regulator decides a case under review. A heavy decision (suspension,
 * removal, blacklist) goes through its due process first: the prior notice of
 * the same decision, whose period then runs out without a statement (decision
 * 033) — so the decision comes at version + 2 (the returned `version`).
 */
export async function decideAs(
  db: Db,
  regulator: SessionUser,
  c: { id: string; version: number },
  kind: keyof typeof DECISIONS,
  extra: Partial<CaseDecisionInput> = {},
) {
  const input = { ...DECISIONS[kind]!, expectedVersion: c.version, ...extra };
  if (!isHeavy(input.decision)) return { ...(await decideCase(db, regulator, c.id, input)), version: c.version + 1 };
  await issueNotice(db, regulator, c.id, input);
  await expireNotice(db, c.id);
  return { ...(await decideCase(db, regulator, c.id, { ...input, expectedVersion: c.version + 1 })), version: c.version + 2 };
}

/** As if the prior notice's period (陈述申辩、申请听证) had run out without the agency acting. */
export async function expireNotice(db: Db, caseId: string) {
  await db.$executeRaw`UPDATE "SupervisionCase" SET "noticeIssuedAt" = "noticeIssuedAt" - interval '6 days', "noticeEndsAt" = "noticeEndsAt" - interval '6 days' WHERE id = ${caseId}`;
}

/**
 * A world around one listed agency A: an OPEN request on which A (and two
 * others) bid, and an awarded request A won (AWARD_PUBLICITY: a running
 * engagement), each from its own enterprise.
 */
export async function agencyWithWork(db: Db) {
  const agencies = await listedAgencies(db, 3);
  const [a, b, c] = agencies as [(typeof agencies)[0], (typeof agencies)[0], (typeof agencies)[0]];
  const openOwner = await enterpriseUser(db);
  const open = await openRequest(db, openOwner, { title: "曹杨路地块土地勘测" });
  await submitBid(db, a.user, open.id, bid(70000));
  await submitBid(db, b.user, open.id, bid(80000));
  const awardOwner = await enterpriseUser(db);
  const awarded = await openRequest(db, awardOwner, { title: "桃浦地块土地勘测" });
  await submitBid(db, a.user, awarded.id, bid(60000));
  await submitBid(db, b.user, awarded.id, bid(65000));
  await submitBid(db, c.user, awarded.id, bid(68000));
  await expire(db, awarded.id);
  await closeDueRequests(db);
  return { a, b, c, agencies, open: { id: open.id, owner: openOwner }, awarded: { id: awarded.id, owner: awardOwner } };
}

/** As if `days` had passed for an agency's sanctions and suspension (they started and end that much earlier). */
export async function ageSanctions(db: Db, agencyId: string, days: number) {
  await db.$executeRaw`UPDATE "Sanction" SET "startsAt" = "startsAt" - make_interval(days => ${days}), "endsAt" = "endsAt" - make_interval(days => ${days}) WHERE "agencyId" = ${agencyId}`;
  await db.$executeRaw`UPDATE "Agency" SET "suspendedUntil" = "suspendedUntil" - make_interval(days => ${days}) WHERE id = ${agencyId} AND "suspendedUntil" IS NOT NULL`;
}

/** As if `days` had passed since a case was decided (its appeal window moves back too). */
export async function ageCase(db: Db, caseId: string, days: number) {
  await db.$executeRaw`UPDATE "SupervisionCase" SET "decidedAt" = "decidedAt" - make_interval(days => ${days}), "appealEndsAt" = "appealEndsAt" - make_interval(days => ${days}) WHERE id = ${caseId}`;
}

/** A case's audit events of one kind, as the rules tests compare them. */
export const caseEvents = (db: Db, id: string, event: string) =>
  db.auditEvent.findMany({
    where: { aggregateType: "case", aggregateId: id, event },
    select: { fromState: true, toState: true, actorId: true, payload: true },
  });

/** The data of the notifications of one kind sent to a user or an organization. */
export const told = (db: Db, where: { orgId?: string; userId?: string; kind: string }) =>
  db.notification.findMany({ where, select: { data: true } }).then((ns) => ns.map((n) => n.data));
