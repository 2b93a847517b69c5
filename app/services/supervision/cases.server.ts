import { decide } from "~/machines/apply";
import { caseMachine, type AppealOutcomeKind, type CaseDecisionKind, type CaseEvent } from "~/machines/case.machine";
import type { Db, Tx } from "~/db/client.server";
import type { CaseStatus, Prisma } from "~/generated/prisma/client";
import { DomainError, FieldErrors } from "~/lib/errors";
import { formatDate } from "~/lib/format";
import type { SessionUser } from "~/lib/session.server";
import { CASE_DECISIONS, CASE_LIMITS } from "~/schemas/case";
import { lockAgency } from "~/services/agencies/data.server";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { inspectUpload, removeStoredFile, storeUpload } from "~/services/documents/documents.server";
import { notify } from "~/services/notifications/notify.server";
import { applySanction, revokeCaseSanctions } from "./effects.server";

/**
 * Complaints and regulator cases (投诉/监管案件, docs/principles.md "Regulator case"):
 * anyone logged in files a complaint with evidence; the regulator reviews and
 * decides with reason, evidence and legal basis; the decision's effects apply
 * in the same transaction (effects.server.ts); the agency may appeal within
 * APPEAL_WINDOW_DAYS; the regulator's appeal decision is final.
 *
 * Lock order, everywhere: the agency row first (lockAgency), then the case row
 * FOR UPDATE. Two regulators deciding two cases of one agency queue on the
 * agency; two deciding one case queue too, and the second finds the version it
 * rendered is stale (409) — nothing is applied twice.
 */

const DAY = 86_400_000;

/** Days after the decision during which the agency may appeal (申请复核). */
export const APPEAL_WINDOW_DAYS = 15;

/** Agencies a complaint may be filed against: every one that has been public (never listed = not public). */
const PUBLIC_AGENCY_STATES = ["LISTED", "SUSPENDED", "REMOVED", "EXITED"] as const;

/** Document.kind of complaint evidence (readable by the case's readers, see canReadCaseEvidence). */
export const CASE_EVIDENCE_KIND = "CASE_EVIDENCE";

const forbidden = (key = "cases.errors.forbidden") => new DomainError("FORBIDDEN", 403, key);
const notFound = () => new DomainError("NOT_FOUND", 404, "cases.errors.notFound");
const conflict = (key = "cases.errors.conflict") => new DomainError("CONFLICT", 409, key);

function requireRegulator(user: SessionUser) {
  if (user.role !== "REGULATOR") throw forbidden("cases.errors.regulatorOnly");
}

function text(value: string | null | undefined, field: string, max: number, required = true): string {
  const v = (value ?? "").trim();
  if (required && !v) throw new DomainError("REQUIRED", 400, "errors.required", field);
  if (Array.from(v).length > max) throw new DomainError("TOO_LONG", 400, "errors.tooLong", field);
  return v;
}

// ───────────────────────── Locking and retries ─────────────────────────

type LockedCase = {
  id: string;
  code: string;
  agencyId: string;
  complainantUserId: string;
  status: CaseStatus;
  decision: CaseDecisionKind | null;
  appealEndsAt: Date | null;
  version: number;
};

/** Agency row, then case row, both FOR UPDATE (the one lock order of this module). */
async function lockCaseAndAgency(tx: Tx, caseId: string) {
  const peek = await tx.supervisionCase.findUnique({ where: { id: caseId }, select: { agencyId: true } });
  if (!peek) throw notFound();
  const agency = await lockAgency(tx, peek.agencyId);
  const rows = await tx.$queryRaw<LockedCase[]>`
    SELECT id, code, "agencyId", "complainantUserId", status, decision, "appealEndsAt", version
    FROM "SupervisionCase" WHERE id = ${caseId} FOR UPDATE`;
  const c = rows[0];
  if (!c) throw notFound();
  return { agency, c };
}

/** The form carries the version it was rendered with: a stale page is refused, never re-applied. */
function checkVersion(c: LockedCase, expectedVersion: number) {
  if (c.version !== expectedVersion) throw conflict();
}

/** PostgreSQL error code inside a Prisma / driver-adapter error, if any. */
export function pgErrorCode(error: unknown): string | null {
  if (!error || typeof error !== "object") return null;
  const e = error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string; code?: string } } }; cause?: unknown; message?: unknown };
  const cause = e.meta?.driverAdapterError?.cause;
  if (cause?.originalCode) return cause.originalCode;
  if (typeof e.message === "string") {
    const m = /Code: `([0-9A-Z]{5})`/.exec(e.message);
    if (m) return m[1]!;
  }
  return e.cause ? pgErrorCode(e.cause) : null;
}

/** Lock timeout (our bounded wait in the effects) or a deadlock victim: roll back and run the decision again. */
const RETRYABLE = new Set(["55P03", "40P01", "40001"]);
const MAX_ATTEMPTS = 20;

/** How often decisions were rolled back and run again, by PostgreSQL error code (for the load tests' report). */
export const decisionRetries: Record<string, number> = {};

async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = pgErrorCode(error);
      if (!code || !RETRYABLE.has(code)) throw error;
      decisionRetries[code] = (decisionRetries[code] ?? 0) + 1;
      if (attempt >= MAX_ATTEMPTS) throw new DomainError("BUSY", 503, "errors.busy");
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * Math.min(attempt, 5)));
    }
  }
}

async function regulatorUserIds(tx: Tx): Promise<string[]> {
  const users = await tx.user.findMany({ where: { role: "REGULATOR" }, select: { id: true }, orderBy: { id: "asc" } });
  return users.map((u) => u.id);
}

async function notifyRegulators(tx: Tx, kind: string, data: Record<string, string | number | null>) {
  for (const userId of await regulatorUserIds(tx)) await notify(tx, { userId, kind, data });
}

/** TS20261126-0001: per Beijing calendar day, numbered in order (an advisory lock serializes numbering). */
async function nextCaseCode(tx: Tx, now: Date): Promise<string> {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, "");
  const prefix = `TS${day}-`;
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`case-code:${day}`}))) AS l`;
  const last = await tx.supervisionCase.findFirst({ where: { code: { startsWith: prefix } }, orderBy: { code: "desc" }, select: { code: true } });
  const n = last ? Number(last.code.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(4, "0")}`;
}

// ───────────────────────── 1. Filing a complaint ─────────────────────────

export type ComplaintFiling = { agencyId: string; subject: string; description: string; files: File[] };

/**
 * Anyone logged in files a complaint against an agency that has been public
 * (not its own). Evidence: 0–5 PDF/JPEG/PNG files, each checked like
 * credentials; the stored files are removed again if the transaction fails.
 * The agency learns that a complaint was filed, never by whom.
 */
export async function fileComplaint(db: Db, user: SessionUser, input: ComplaintFiling) {
  const fields: Record<string, string[]> = {};
  let subject = "";
  let description = "";
  try {
    subject = text(input.subject, "subject", CASE_LIMITS.subject);
  } catch (e) {
    fields.subject = [(e as Error).message];
  }
  try {
    description = text(input.description, "description", CASE_LIMITS.description);
  } catch (e) {
    fields.description = [(e as Error).message];
  }
  const files = input.files;
  if (files.length > CASE_LIMITS.files) fields.evidence = ["cases.errors.tooManyFiles"];
  else if (files.length && !user.organizationId) fields.evidence = ["cases.errors.evidenceNeedsOrganization"];
  else {
    // Every file is checked before anything is stored, so the form shows all problems at once.
    for (const f of files) {
      try {
        await inspectUpload(f);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        (fields.evidence ??= []).push(e.message);
      }
    }
  }
  if (Object.keys(fields).length) throw new FieldErrors(fields, fields.evidence?.includes("agencyProfile.errors.fileTooLarge") ? 413 : 400);

  const agency = await db.agency.findUnique({ where: { id: input.agencyId }, select: { id: true, status: true, organizationId: true, organization: { select: { name: true } } } });
  if (!agency || !(PUBLIC_AGENCY_STATES as readonly string[]).includes(agency.status)) throw new DomainError("NOT_FOUND", 404, "cases.errors.agencyNotFound");
  if (user.organizationId && user.organizationId === agency.organizationId) throw forbidden("cases.errors.ownAgency");

  const stored: string[] = [];
  try {
    return await db.$transaction(
      async (tx) => {
        const now = await dbNow(tx);
        const docs = [];
        for (const file of files) {
          const doc = await storeUpload(tx, { file, ownerOrgId: user.organizationId!, kind: CASE_EVIDENCE_KIND, uploadedById: user.id });
          stored.push(doc.storageKey);
          docs.push(doc);
        }
        const code = await nextCaseCode(tx, now);
        const c = await tx.supervisionCase.create({
          data: { code, agencyId: agency.id, complainantUserId: user.id, subject, description, evidenceDocIds: docs.map((d) => d.id), createdAt: now },
          select: { id: true, code: true },
        });
        await appendAudit(tx, {
          aggregateType: "case",
          aggregateId: c.id,
          fromState: null,
          event: "FILE",
          toState: "OPEN",
          actorId: user.id,
          payload: { code, agencyId: agency.id, evidence: docs.map((d) => ({ documentId: d.id, sha256: d.sha256, size: d.size })) },
        });
        await notify(tx, { orgId: agency.organizationId, kind: "CASE_FILED_AGENCY", data: { caseId: c.id, code } });
        await notifyRegulators(tx, "CASE_FILED", { caseId: c.id, code, agency: agency.organization.name });
        return c;
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    for (const key of stored) await removeStoredFile(key).catch(() => undefined);
    throw error;
  }
}

// ───────────────────────── 2. Regulator: review and decision ─────────────────────────

export async function startReview(db: Db, user: SessionUser, caseId: string, input: { expectedVersion: number }) {
  requireRegulator(user);
  return db.$transaction(async (tx) => {
    const { c } = await lockCaseAndAgency(tx, caseId);
    checkVersion(c, input.expectedVersion);
    const r = decide(caseMachine, c.status, { type: "START_REVIEW" });
    if (!r.ok) throw conflict();
    const to: CaseStatus = r.to;
    await tx.supervisionCase.update({ where: { id: c.id }, data: { status: to, version: { increment: 1 } } });
    await appendAudit(tx, { aggregateType: "case", aggregateId: c.id, fromState: c.status, event: "START_REVIEW", toState: to, actorId: user.id, payload: {} });
    await notify(tx, { userId: c.complainantUserId, kind: "CASE_REVIEW_STARTED", data: { caseId: c.id, code: c.code } });
    return { status: to };
  });
}

export type CaseDecisionInput = {
  decision: CaseDecisionKind;
  reason: string;
  legalBasis: string;
  evidence: string;
  days?: number;
  years?: number;
  points?: number;
  expectedVersion: number;
};

/**
 * The regulator's decision. Everything it causes — the sanction entry, the
 * agency's status, its open bids, notices, the credit score — commits with it
 * or not at all. "No action" has nothing to appeal and is final at once.
 */
export async function decideCase(db: Db, user: SessionUser, caseId: string, input: CaseDecisionInput) {
  requireRegulator(user);
  if (!(CASE_DECISIONS as readonly string[]).includes(input.decision)) throw new DomainError("BAD_DECISION", 400, "errors.invalidChoice", "decision");
  const reason = text(input.reason, "reason", CASE_LIMITS.reason);
  const legalBasis = text(input.legalBasis, "legalBasis", CASE_LIMITS.legalBasis, input.decision !== "NO_ACTION");
  const evidence = text(input.evidence, "evidence", CASE_LIMITS.evidence, input.decision !== "NO_ACTION");
  const event: CaseEvent = {
    type: "DECIDE",
    decision: input.decision,
    reason,
    legalBasis,
    evidence,
    days: input.decision === "SUSPENSION" ? input.days : undefined,
    years: input.decision === "BLACKLIST" ? input.years : undefined,
    points: input.decision === "CREDIT_DEDUCTION" ? input.points : undefined,
  };
  return withRetry(() =>
    db.$transaction(
      async (tx) => {
        const { c } = await lockCaseAndAgency(tx, caseId);
        checkVersion(c, input.expectedVersion);
        const r = decide(caseMachine, c.status, event);
        if (!r.ok) {
          if (c.status !== "UNDER_REVIEW") throw conflict(c.status === "OPEN" ? "cases.errors.reviewFirst" : "cases.errors.conflict");
          throw new DomainError("DUE_PROCESS", 422, durationError(event) ?? "cases.errors.dueProcess", durationField(event));
        }
        const now = await dbNow(tx);
        const noAction = input.decision === "NO_ACTION";
        const appealEndsAt = noAction ? now : new Date(now.getTime() + APPEAL_WINDOW_DAYS * DAY);
        await tx.supervisionCase.update({
          where: { id: c.id },
          data: {
            status: r.to,
            decision: input.decision,
            decisionReason: reason,
            legalBasis: legalBasis || null,
            decisionEvidence: evidence || null,
            suspensionDays: event.days ?? null,
            blacklistYears: event.years ?? null,
            creditDeduction: event.points ?? null,
            decidedById: user.id,
            decidedAt: now,
            appealEndsAt,
            version: { increment: 1 },
          },
        });
        await appendAudit(tx, {
          aggregateType: "case",
          aggregateId: c.id,
          fromState: c.status,
          event: "DECIDE",
          toState: r.to,
          actorId: user.id,
          payload: { decision: input.decision, reason, legalBasis, evidence, days: event.days ?? null, years: event.years ?? null, points: event.points ?? null, appealEndsAt: appealEndsAt.toISOString() },
        });
        let effects = null;
        let status: CaseStatus = r.to;
        if (!noAction) {
          const org = await tx.user.findUnique({ where: { id: user.id }, select: { organization: { select: { name: true } } } });
          effects = await applySanction(tx, {
            agencyId: c.agencyId,
            caseId: c.id,
            caseCode: c.code,
            kind: input.decision as Exclude<CaseDecisionKind, "NO_ACTION">,
            reason,
            legalBasis,
            evidence,
            days: event.days,
            years: event.years,
            points: event.points,
            authority: org?.organization?.name ?? user.organizationName ?? "行业主管部门",
            actorId: user.id,
            now,
          });
        } else {
          // "No action" has nothing to appeal: its window is over at once.
          const fin = decide(caseMachine, r.to, { type: "FINALIZE", isWindowOver: true });
          if (fin.ok) {
            status = fin.to;
            await tx.supervisionCase.update({ where: { id: c.id }, data: { status: fin.to, finalizedAt: now } });
            await appendAudit(tx, { aggregateType: "case", aggregateId: c.id, fromState: r.to, event: "FINALIZE", toState: fin.to, actorId: user.id, payload: { reason: "NO_ACTION" } });
          }
        }
        const agency = await tx.agency.findUniqueOrThrow({ where: { id: c.agencyId }, select: { organizationId: true } });
        const data = { caseId: c.id, code: c.code, decision: input.decision };
        await notify(tx, { orgId: agency.organizationId, kind: noAction ? "CASE_DECIDED_AGENCY_NO_ACTION" : "CASE_DECIDED_AGENCY", data: { ...data, appealEndsAt: formatDate(appealEndsAt) } });
        await notify(tx, { userId: c.complainantUserId, kind: "CASE_DECIDED", data });
        return { status, effects };
      },
      { timeout: 30_000 },
    ),
  );
}

function durationField(e: CaseEvent): string | undefined {
  if (e.type !== "DECIDE") return undefined;
  if (e.decision === "SUSPENSION") return "days";
  if (e.decision === "BLACKLIST") return "years";
  if (e.decision === "CREDIT_DEDUCTION") return "points";
  return undefined;
}

function durationError(e: CaseEvent): string | undefined {
  const field = durationField(e);
  return field ? `cases.errors.${field}Range` : undefined;
}

// ───────────────────────── 3. Appeal ─────────────────────────

/** The agency's users appeal (申请复核) within the window; the sanction stays in force meanwhile. */
export async function appealCase(db: Db, user: SessionUser, caseId: string, input: { reason: string; expectedVersion: number }) {
  const reason = text(input.reason, "reason", CASE_LIMITS.reason);
  const peek = await db.supervisionCase.findUnique({ where: { id: caseId }, select: { agencyId: true, complainantUserId: true } });
  if (!peek) throw notFound();
  if (!(await isCaseAgencyUser(db, user, peek.agencyId))) {
    // Nobody else may even learn the case exists.
    if (!(await canSeeCase(db, user, peek))) throw notFound();
    throw forbidden("cases.errors.agencyOnly");
  }
  return db.$transaction(async (tx) => {
    const { c } = await lockCaseAndAgency(tx, caseId);
    checkVersion(c, input.expectedVersion);
    const now = await dbNow(tx);
    const isWithinWindow = !!c.appealEndsAt && now < c.appealEndsAt;
    const r = decide(caseMachine, c.status, { type: "APPEAL", reason, isWithinWindow, decision: c.decision ?? "NO_ACTION" });
    if (!r.ok) {
      if (c.status === "DECIDED" && c.decision === "NO_ACTION") throw conflict("cases.errors.notAppealable");
      if (c.status === "DECIDED" && !isWithinWindow) throw conflict("cases.errors.appealWindowOver");
      throw conflict();
    }
    await tx.supervisionCase.update({ where: { id: c.id }, data: { status: r.to, appealReason: reason, appealedAt: now, version: { increment: 1 } } });
    await appendAudit(tx, { aggregateType: "case", aggregateId: c.id, fromState: c.status, event: "APPEAL", toState: r.to, actorId: user.id, payload: { reason } });
    await notifyRegulators(tx, "CASE_APPEALED", { caseId: c.id, code: c.code });
    await notify(tx, { userId: c.complainantUserId, kind: "CASE_APPEALED_COMPLAINANT", data: { caseId: c.id, code: c.code } });
    return { status: r.to satisfies CaseStatus };
  });
}

/** The regulator's appeal decision is final: UPHELD changes nothing; REVOKED undoes the sanctions. */
export async function decideAppeal(db: Db, user: SessionUser, caseId: string, input: { outcome: AppealOutcomeKind; reason: string; expectedVersion: number }) {
  requireRegulator(user);
  const reason = text(input.reason, "reason", CASE_LIMITS.reason);
  if (input.outcome !== "UPHELD" && input.outcome !== "REVOKED") throw new DomainError("BAD_OUTCOME", 400, "errors.invalidChoice", "outcome");
  return withRetry(() =>
    db.$transaction(
      async (tx) => {
        const { agency, c } = await lockCaseAndAgency(tx, caseId);
        checkVersion(c, input.expectedVersion);
        const r = decide(caseMachine, c.status, { type: "DECIDE_APPEAL", outcome: input.outcome, reason });
        if (!r.ok) throw conflict();
        const now = await dbNow(tx);
        await tx.supervisionCase.update({ where: { id: c.id }, data: { status: r.to, appealOutcome: input.outcome, finalReason: reason, finalizedAt: now, version: { increment: 1 } } });
        await appendAudit(tx, { aggregateType: "case", aggregateId: c.id, fromState: c.status, event: "DECIDE_APPEAL", toState: r.to, actorId: user.id, payload: { outcome: input.outcome, reason } });
        const revoked = input.outcome === "REVOKED" ? await revokeCaseSanctions(tx, { agencyId: c.agencyId, caseId: c.id, caseCode: c.code, reason, actorId: user.id, now }) : null;
        const data = { caseId: c.id, code: c.code, outcome: input.outcome };
        await notify(tx, { orgId: agency.organizationId, kind: "CASE_APPEAL_DECIDED", data });
        await notify(tx, { userId: c.complainantUserId, kind: "CASE_APPEAL_DECIDED", data });
        return { status: r.to satisfies CaseStatus, revoked };
      },
      { timeout: 30_000 },
    ),
  );
}

/**
 * Scheduler step: DECIDED cases whose appeal window is over (database clock)
 * become FINAL. Claimed FOR UPDATE SKIP LOCKED one at a time; the case row is
 * the only lock taken (no effects), so the agency-first order is not at stake.
 */
export async function finalizeDueCases(db: Db, limit = 100): Promise<number> {
  let done = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await db.$transaction(async (tx) => {
      const now = await dbNow(tx);
      const rows = await tx.$queryRaw<{ id: string; code: string; status: CaseStatus; appealEndsAt: Date }[]>`
        SELECT id, code, status, "appealEndsAt" FROM "SupervisionCase"
        WHERE status = 'DECIDED' AND "appealEndsAt" <= ${now}
        ORDER BY "appealEndsAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
      const c = rows[0];
      if (!c) return "none" as const;
      const r = decide(caseMachine, c.status, { type: "FINALIZE", isWindowOver: now >= c.appealEndsAt });
      if (!r.ok) return "none" as const;
      await tx.supervisionCase.update({ where: { id: c.id }, data: { status: r.to, finalizedAt: now, version: { increment: 1 } } });
      await appendAudit(tx, { aggregateType: "case", aggregateId: c.id, fromState: c.status, event: "FINALIZE", toState: r.to, actorId: null, payload: { appealEndsAt: c.appealEndsAt.toISOString() } });
      return "done" as const;
    }, { timeout: 30_000 });
    if (outcome === "none") break;
    done++;
  }
  return done;
}

// ───────────────────────── 4. Reading ─────────────────────────

/** Regulators, the complainant and the agency's users may see a case; anyone else gets a 404. */
async function canSeeCase(client: Tx | Db, user: SessionUser, c: { agencyId: string; complainantUserId: string }): Promise<boolean> {
  if (user.role === "REGULATOR" || c.complainantUserId === user.id) return true;
  return isCaseAgencyUser(client, user, c.agencyId);
}

async function isCaseAgencyUser(client: Tx | Db, user: SessionUser, agencyId: string): Promise<boolean> {
  if (user.role !== "AGENCY" || !user.organizationId) return false;
  const agency = await client.agency.findUnique({ where: { id: agencyId }, select: { organizationId: true } });
  return agency?.organizationId === user.organizationId;
}

export const CASE_PAGE_SIZE = 20;

/**
 * /cases: a regulator sees every case (the work queue, filtered by status);
 * everyone else sees the cases they filed and, for an agency's users, the
 * cases against their agency (without the complainant).
 */
export async function listCases(db: Db, user: SessionUser, query: { status?: CaseStatus; page?: number }) {
  const page = Math.max(1, Math.min(query.page ?? 1, 10_000));
  const own = user.role === "AGENCY" && user.organizationId ? await db.agency.findUnique({ where: { organizationId: user.organizationId }, select: { id: true } }) : null;
  const scope: Prisma.SupervisionCaseWhereInput =
    user.role === "REGULATOR" ? {} : { OR: [{ complainantUserId: user.id }, ...(own ? [{ agencyId: own.id }] : [])] };
  const where: Prisma.SupervisionCaseWhereInput = { ...scope, ...(query.status ? { status: query.status } : {}) };
  const [rows, total, counts] = await Promise.all([
    db.supervisionCase.findMany({
      where,
      // The work queue is first come, first served; elsewhere the newest first.
      orderBy: user.role === "REGULATOR" && query.status && query.status !== "FINAL" ? [{ createdAt: "asc" }, { id: "asc" }] : [{ createdAt: "desc" }, { id: "desc" }],
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
      relation: r.complainantUserId === user.id ? ("filed" as const) : own?.id === r.agencyId ? ("against" as const) : ("supervised" as const),
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
      agency: { select: { id: true, status: true, suspendedUntil: true, organizationId: true, organization: { select: { name: true, creditCode: true } } } },
      sanctions: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, startsAt: true, endsAt: true, authority: true, revokedAt: true, revokedReason: true } },
    },
  });
  if (!c) return null;
  const isRegulator = user.role === "REGULATOR";
  const isComplainant = c.complainantUserId === user.id;
  const isAgency = user.role === "AGENCY" && !!user.organizationId && user.organizationId === c.agency.organizationId;
  if (!isRegulator && !isComplainant && !isAgency) return null;

  const now = await dbNow(db);
  const docs = c.evidenceDocIds.length
    ? await db.document.findMany({ where: { id: { in: c.evidenceDocIds } }, select: { id: true, originalName: true, mime: true, size: true } })
    : [];
  const byId = new Map(docs.map((d) => [d.id, d]));
  const showNames = isRegulator || isComplainant;
  const evidence = c.evidenceDocIds
    .map((id) => byId.get(id))
    .filter((d): d is NonNullable<typeof d> => !!d)
    .map((d, i) => ({ id: d.id, name: showNames ? d.originalName : null, index: i + 1, mime: d.mime, size: d.size }));
  const complainant = isRegulator
    ? await db.user.findUnique({ where: { id: c.complainantUserId }, select: { name: true, email: true, role: true, organization: { select: { name: true } } } })
    : null;
  const within = !!c.appealEndsAt && now < c.appealEndsAt;
  return {
    id: c.id,
    code: c.code,
    status: c.status,
    version: c.version,
    subject: c.subject,
    description: c.description,
    createdAt: c.createdAt,
    agency: { id: c.agency.id, name: c.agency.organization.name, creditCode: c.agency.organization.creditCode, status: c.agency.status, suspendedUntil: c.agency.suspendedUntil },
    complainant: complainant ? { name: complainant.name, email: complainant.email, role: complainant.role, organization: complainant.organization?.name ?? null } : null,
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
    appeal: c.appealedAt ? { reason: c.appealReason, appealedAt: c.appealedAt, outcome: c.appealOutcome, finalReason: c.finalReason, decidedAt: c.appealOutcome ? c.finalizedAt : null } : null,
    finalizedAt: c.finalizedAt,
    sanctions: c.sanctions,
    viewer: isRegulator ? ("regulator" as const) : isAgency ? ("agency" as const) : ("complainant" as const),
    can: {
      startReview: isRegulator && c.status === "OPEN",
      decide: isRegulator && c.status === "UNDER_REVIEW",
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
export async function canReadCaseEvidence(db: Db, user: SessionUser | { id: string; role: string; organizationId: string | null }, documentId: string): Promise<boolean> {
  const cases = await db.supervisionCase.findMany({ where: { evidenceDocIds: { has: documentId } }, select: { agencyId: true, complainantUserId: true }, take: 5 });
  for (const c of cases) if (await canSeeCase(db, user as SessionUser, c)) return true;
  return false;
}
