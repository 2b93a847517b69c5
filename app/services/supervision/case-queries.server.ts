import type { Db } from "~/db/client.server";
import type { CaseStatus, Prisma } from "~/generated/prisma/client";
import type { SessionUser } from "~/lib/session.server";
import { dbNow } from "~/services/clock.server";
import { canSeeCase, PUBLIC_AGENCY_STATES } from "./commands/common.server";

/** The case read models: the /cases list, one case for one viewer, the complaint form's target, evidence access. */

export const CASE_PAGE_SIZE = 20;

/**
 * /cases: a regulator sees every case (the work queue, filtered by status);
 * everyone else sees the cases they filed and, for an agency's users, the
 * cases against their agency (without the complainant).
 */
export async function listCases(db: Db, user: SessionUser, query: { status?: CaseStatus; page?: number }) {
  const page = Math.max(1, Math.min(query.page ?? 1, 10_000));
  const own =
    user.role === "AGENCY" && user.organizationId
      ? await db.agency.findUnique({ where: { organizationId: user.organizationId }, select: { id: true } })
      : null;
  const scope: Prisma.SupervisionCaseWhereInput =
    user.role === "REGULATOR" ? {} : { OR: [{ complainantUserId: user.id }, ...(own ? [{ agencyId: own.id }] : [])] };
  const where: Prisma.SupervisionCaseWhereInput = { ...scope, ...(query.status ? { status: query.status } : {}) };
  const [rows, total, counts] = await Promise.all([
    db.supervisionCase.findMany({
      where,
      // The work queue is first come, first served; elsewhere the newest first.
      orderBy:
        user.role === "REGULATOR" && query.status && query.status !== "FINAL"
          ? [{ createdAt: "asc" }, { id: "asc" }]
          : [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * CASE_PAGE_SIZE,
      take: CASE_PAGE_SIZE,
      select: {
        id: true,
        code: true,
        status: true,
        subject: true,
        decision: true,
        createdAt: true,
        appealEndsAt: true,
        complainantUserId: true,
        agencyId: true,
        agency: { select: { organization: { select: { name: true } } } },
      },
    }),
    db.supervisionCase.count({ where }),
    db.supervisionCase.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
  ]);
  return {
    page,
    pages: Math.max(1, Math.ceil(total / CASE_PAGE_SIZE)),
    total,
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<CaseStatus, number>>,
    cases: rows.map((r) => ({
      id: r.id,
      code: r.code,
      status: r.status,
      subject: r.subject,
      decision: r.decision,
      createdAt: r.createdAt,
      appealEndsAt: r.appealEndsAt,
      agencyId: r.agencyId,
      agencyName: r.agency.organization.name,
      // Whose case it is for this viewer (never who filed it).
      relation:
        r.complainantUserId === user.id ? ("filed" as const) : own?.id === r.agencyId ? ("against" as const) : ("supervised" as const),
    })),
  };
}

/**
 * One case for one viewer, or null (404) when the viewer may not see it.
 * The agency's users never receive the complainant's identity, not even
 * the names of the evidence files (they may carry it).
 */
export async function caseDetail(db: Db, user: SessionUser, caseId: string) {
  const c = await db.supervisionCase.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      code: true,
      status: true,
      version: true,
      agencyId: true,
      complainantUserId: true,
      subject: true,
      description: true,
      evidenceDocIds: true,
      decision: true,
      decisionReason: true,
      legalBasis: true,
      decisionEvidence: true,
      suspensionDays: true,
      blacklistYears: true,
      creditDeduction: true,
      decidedAt: true,
      appealEndsAt: true,
      appealReason: true,
      appealedAt: true,
      appealOutcome: true,
      finalReason: true,
      finalizedAt: true,
      createdAt: true,
      rejectionReason: true,
      rejectedAt: true,
      noticeDecision: true,
      noticeFacts: true,
      noticeLegalBasis: true,
      noticeEvidence: true,
      noticeDays: true,
      noticeYears: true,
      noticeIssuedAt: true,
      noticeEndsAt: true,
      statement: true,
      statementAt: true,
      hearingWaived: true,
      hearingAskedAt: true,
      hearingAt: true,
      hearingPlace: true,
      hearingRecord: true,
      hearingHeldAt: true,
      statementAnswer: true,
      agency: {
        select: {
          id: true,
          status: true,
          suspendedUntil: true,
          organizationId: true,
          organization: { select: { name: true, creditCode: true } },
        },
      },
      sanctions: {
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, startsAt: true, endsAt: true, authority: true, revokedAt: true, revokedReason: true },
      },
    },
  });
  if (!c) return null;
  const isRegulator = user.role === "REGULATOR";
  const isComplainant = c.complainantUserId === user.id;
  const isAgency = user.role === "AGENCY" && !!user.organizationId && user.organizationId === c.agency.organizationId;
  if (!isRegulator && !isComplainant && !isAgency) return null;

  const now = await dbNow(db);
  const docs = c.evidenceDocIds.length
    ? await db.document.findMany({
        where: { id: { in: c.evidenceDocIds } },
        select: { id: true, originalName: true, mime: true, size: true },
      })
    : [];
  const byId = new Map(docs.map((d) => [d.id, d]));
  const showNames = isRegulator || isComplainant;
  const evidence = c.evidenceDocIds
    .map((id) => byId.get(id))
    .filter((d): d is NonNullable<typeof d> => !!d)
    .map((d, i) => ({ id: d.id, name: showNames ? d.originalName : null, index: i + 1, mime: d.mime, size: d.size }));
  const complainant = isRegulator
    ? await db.user.findUnique({
        where: { id: c.complainantUserId },
        select: { name: true, email: true, role: true, organization: { select: { name: true } } },
      })
    : null;
  const within = !!c.appealEndsAt && now < c.appealEndsAt;
  const noticeRunning = !!c.noticeEndsAt && now < c.noticeEndsAt;
  const noticeOpen = c.status === "NOTICE_ISSUED";
  return {
    id: c.id,
    code: c.code,
    status: c.status,
    version: c.version,
    subject: c.subject,
    description: c.description,
    createdAt: c.createdAt,
    agency: {
      id: c.agency.id,
      name: c.agency.organization.name,
      creditCode: c.agency.organization.creditCode,
      status: c.agency.status,
      suspendedUntil: c.agency.suspendedUntil,
    },
    complainant: complainant
      ? { name: complainant.name, email: complainant.email, role: complainant.role, organization: complainant.organization?.name ?? null }
      : null,
    evidence,
    decision: c.decision
      ? {
          kind: c.decision,
          reason: c.decisionReason,
          legalBasis: c.legalBasis,
          evidence: c.decisionEvidence,
          days: c.suspensionDays,
          years: c.blacklistYears,
          points: c.creditDeduction,
          decidedAt: c.decidedAt,
          appealEndsAt: c.decision === "NO_ACTION" ? null : c.appealEndsAt,
        }
      : null,
    appeal: c.appealedAt
      ? {
          reason: c.appealReason,
          appealedAt: c.appealedAt,
          outcome: c.appealOutcome,
          finalReason: c.finalReason,
          decidedAt: c.appealOutcome ? c.finalizedAt : null,
        }
      : null,
    finalizedAt: c.finalizedAt,
    rejection: c.rejectedAt ? { reason: c.rejectionReason, at: c.rejectedAt } : null,
    /** 事先告知 and what followed: the agency's statement, the hearing, the decision's answer. */
    notice: c.noticeIssuedAt
      ? {
          kind: c.noticeDecision!,
          facts: c.noticeFacts,
          legalBasis: c.noticeLegalBasis,
          evidence: c.noticeEvidence,
          days: c.noticeDays,
          years: c.noticeYears,
          issuedAt: c.noticeIssuedAt,
          endsAt: c.noticeEndsAt!,
          statement: c.statement,
          statementAt: c.statementAt,
          hearingWaived: c.hearingWaived,
          hearingAskedAt: c.hearingAskedAt,
          hearingAt: c.hearingAt,
          hearingPlace: c.hearingPlace,
          hearingRecord: c.hearingRecord,
          hearingHeldAt: c.hearingHeldAt,
          answer: c.statementAnswer,
        }
      : null,
    sanctions: c.sanctions,
    viewer: isRegulator ? ("regulator" as const) : isAgency ? ("agency" as const) : ("complainant" as const),
    can: {
      startReview: isRegulator && c.status === "OPEN",
      reject: isRegulator && c.status === "OPEN",
      // Light decisions at review; after the notice once its period is over (or a hearing waived), or after the hearing.
      decide:
        isRegulator && (c.status === "UNDER_REVIEW" || c.status === "HEARING_HELD" || (noticeOpen && (!noticeRunning || c.hearingWaived))),
      issueNotice: isRegulator && c.status === "UNDER_REVIEW",
      scheduleHearing: isRegulator && c.status === "HEARING_REQUESTED",
      recordHearing: isRegulator && c.status === "HEARING_SCHEDULED" && !!c.hearingAt && now >= c.hearingAt,
      statement: isAgency && noticeOpen && noticeRunning && !c.statement,
      requestHearing: isAgency && noticeOpen && noticeRunning && !c.hearingWaived,
      decideAppeal: isRegulator && c.status === "APPEAL",
      appeal: isAgency && c.status === "DECIDED" && c.decision !== "NO_ACTION" && within,
    },
  };
}

export type CaseDetail = NonNullable<Awaited<ReturnType<typeof caseDetail>>>;

/** For the complaint form: the agency complained about, if it may receive complaints from this user. */
export async function complaintTarget(db: Db, user: SessionUser, agencyId: string) {
  const agency = await db.agency.findUnique({
    where: { id: agencyId },
    select: { id: true, status: true, organizationId: true, organization: { select: { name: true, creditCode: true } } },
  });
  if (!agency || !(PUBLIC_AGENCY_STATES as readonly string[]).includes(agency.status)) return { error: "notFound" as const };
  if (user.organizationId && user.organizationId === agency.organizationId) return { error: "ownAgency" as const };
  return { agency: { id: agency.id, name: agency.organization.name, creditCode: agency.organization.creditCode, status: agency.status } };
}

/** Evidence documents: readable by the case's readers (regulators, the complainant, the agency's users). */
export async function canReadCaseEvidence(
  db: Db,
  user: SessionUser | { id: string; role: string; organizationId: string | null },
  documentId: string,
): Promise<boolean> {
  const cases = await db.supervisionCase.findMany({
    where: { evidenceDocIds: { has: documentId } },
    select: { agencyId: true, complainantUserId: true },
    take: 5,
  });
  for (const c of cases) if (await canSeeCase(db, user as SessionUser, c)) return true;
  return false;
}
