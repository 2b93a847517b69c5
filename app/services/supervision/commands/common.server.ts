import type { CaseDecisionKind } from "~/machines/case.machine";
import type { Db, Tx } from "~/db/client.server";
import type { CaseStatus } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";
import type { SessionUser } from "~/lib/session.server";
import { lockAgency } from "~/services/agencies/data.server";
import { notify } from "~/services/notifications/notify.server";

/**
 * What the case commands (commands/*.server.ts) and read models share.
 *
 * Lock order, everywhere: the agency row first (lockAgency), then the case row
 * FOR UPDATE. Two regulators deciding two cases of one agency queue on the
 * agency; two deciding one case queue too, and the second finds the version it
 * rendered is stale (409) — nothing is applied twice.
 */

export const DAY = 86_400_000;

/** Days after the decision during which the agency may appeal (申请复核). */
export const APPEAL_WINDOW_DAYS = 15;

/** The prior notice's period and a hearing's least notice, in calendar days (decision 033). */
export { HEARING_LEAD_DAYS, NOTICE_PERIOD_DAYS } from "~/schemas/case";

/** Agencies a complaint may be filed against: every one that has been public (never listed = not public). */
export const PUBLIC_AGENCY_STATES = ["LISTED", "SUSPENDED", "REMOVED", "EXITED"] as const;

/** Document.kind of complaint evidence (readable by the case's readers, see canReadCaseEvidence). */
export const CASE_EVIDENCE_KIND = "CASE_EVIDENCE";

export const forbidden = (key = "cases.errors.forbidden") => new DomainError("FORBIDDEN", 403, key);
export const notFound = () => new DomainError("NOT_FOUND", 404, "cases.errors.notFound");
export const conflict = (key = "cases.errors.conflict") => new DomainError("CONFLICT", 409, key);

export function requireRegulator(user: SessionUser) {
  if (user.role !== "REGULATOR") throw forbidden("cases.errors.regulatorOnly");
}

/** A free-text field: trimmed, at most `max` characters, required unless told otherwise. */
export function text(value: string | null | undefined, field: string, max: number, required = true): string {
  const v = (value ?? "").trim();
  if (required && !v) throw new DomainError("REQUIRED", 400, "errors.required", field);
  if (Array.from(v).length > max) throw new DomainError("TOO_LONG", 400, "errors.tooLong", field);
  return v;
}

// ───────────────────────── Locking ─────────────────────────

export type LockedCase = {
  id: string;
  code: string;
  agencyId: string;
  complainantUserId: string;
  status: CaseStatus;
  decision: CaseDecisionKind | null;
  appealEndsAt: Date | null;
  appealedAt: Date | null;
  version: number;
  noticeDecision: CaseDecisionKind | null;
  noticeDays: number | null;
  noticeYears: number | null;
  noticeEndsAt: Date | null;
  statement: string | null;
  hearingWaived: boolean;
  hearingAt: Date | null;
  hearingRecord: string | null;
};

/** Agency row, then case row, both FOR UPDATE (the one lock order of this module). */
export async function lockCaseAndAgency(tx: Tx, caseId: string) {
  const peek = await tx.supervisionCase.findUnique({ where: { id: caseId }, select: { agencyId: true } });
  if (!peek) throw notFound();
  const agency = await lockAgency(tx, peek.agencyId);
  const rows = await tx.$queryRaw<LockedCase[]>`
    SELECT id, code, "agencyId", "complainantUserId", status, decision, "appealEndsAt", "appealedAt", version,
      "noticeDecision", "noticeDays", "noticeYears", "noticeEndsAt", statement, "hearingWaived", "hearingAt", "hearingRecord"
    FROM "SupervisionCase" WHERE id = ${caseId} FOR UPDATE`;
  const c = rows[0];
  if (!c) throw notFound();
  return { agency, c };
}

/** The form carries the version it was rendered with: a stale page is refused, never re-applied. */
export function checkVersion(c: LockedCase, expectedVersion: number) {
  if (c.version !== expectedVersion) throw conflict();
}

async function regulatorUserIds(tx: Tx): Promise<string[]> {
  const users = await tx.user.findMany({ where: { role: "REGULATOR" }, select: { id: true }, orderBy: { id: "asc" } });
  return users.map((u) => u.id);
}

export async function notifyRegulators(tx: Tx, kind: string, data: Record<string, string | number | null>) {
  for (const userId of await regulatorUserIds(tx)) await notify(tx, { userId, kind, data });
}

// ───────────────────────── Who may see a case ─────────────────────────

/** Regulators, the complainant and the agency's users may see a case; anyone else gets a 404. */
export async function canSeeCase(client: Tx | Db, user: SessionUser, c: { agencyId: string; complainantUserId: string }): Promise<boolean> {
  if (user.role === "REGULATOR" || c.complainantUserId === user.id) return true;
  return isCaseAgencyUser(client, user, c.agencyId);
}

export async function isCaseAgencyUser(client: Tx | Db, user: SessionUser, agencyId: string): Promise<boolean> {
  if (user.role !== "AGENCY" || !user.organizationId) return false;
  const agency = await client.agency.findUnique({ where: { id: agencyId }, select: { organizationId: true } });
  return agency?.organizationId === user.organizationId;
}

/**
 * The agency's own commands on a case (statement, hearing request): anyone who
 * may not see the case gets a 404; a reader who is not the agency, a 403.
 */
export async function requireCaseAgency(db: Db, user: SessionUser, caseId: string, key = "cases.errors.agencyOnly") {
  const peek = await db.supervisionCase.findUnique({ where: { id: caseId }, select: { agencyId: true, complainantUserId: true } });
  if (!peek) throw notFound();
  if (!(await isCaseAgencyUser(db, user, peek.agencyId))) {
    if (!(await canSeeCase(db, user, peek))) throw notFound();
    throw forbidden(key);
  }
}
