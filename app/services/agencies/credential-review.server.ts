import type { Db, Tx } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";
import { lockAgency } from "~/services/agencies/data.server";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { notify } from "~/services/notifications/notify.server";

type Client = Db | Tx;

/**
 * Credential verification (docs/decisions/015-credential-verification.md).
 *
 * A credential is PENDING (verifiedAt and rejectedAt NULL), VERIFIED or REJECTED.
 * Only a verified, unexpired one counts: it covers items for bidding
 * (ineligibilityReasons), for the directory's item and credential-type filters,
 * and for the public profile. Approval of an agency verifies every unexpired,
 * unrejected credential it holds (approveAgency); one added while the agency is
 * LISTED or SUSPENDED waits in the regulator's queue below.
 */
export const REJECT_REASON_MAX = 500;

/** The credentials that count at `now`: verified, not rejected, unexpired. */
export function countingCredential(now: Date): Prisma.CredentialWhereInput {
  return { validUntil: { gt: now }, verifiedAt: { not: null }, rejectedAt: null };
}

/** countingCredential as an SQL condition on the Credential row `alias`, for raw statements (the bid's eligibility check). */
export function countingCredentialSql(alias: string, now: Date | Prisma.Sql): Prisma.Sql {
  const c = Prisma.raw(`"${alias}"`);
  return Prisma.sql`${c}."validUntil" > ${now} AND ${c}."verifiedAt" IS NOT NULL AND ${c}."rejectedAt" IS NULL`;
}

/** Statuses whose new credentials go to the regulator's queue (others are verified by the next approval). */
export const QUEUE_AGENCY_STATUSES = ["LISTED", "SUSPENDED"] as const;

/**
 * Undecided, unexpired credentials of listed or suspended agencies: the
 * (verifiedAt, rejectedAt, createdAt) index finds the few undecided rows and the
 * agency's status is read per row through its primary key. Prisma's relation
 * filter (`agency: { status: { in } }`) made PostgreSQL hash-join a sequential
 * scan of every listed agency instead — 40–95 ms against 4–10 ms at 100,000
 * agencies and 300,000 credentials (decision 015).
 */
function queueSql(now: Date): Prisma.Sql {
  return Prisma.sql`
    FROM "Credential" c
    WHERE c."verifiedAt" IS NULL AND c."rejectedAt" IS NULL AND c."validUntil" > ${now}
      AND (SELECT a.status FROM "Agency" a WHERE a.id = c."agencyId") IN ('LISTED', 'SUSPENDED')`; // = QUEUE_AGENCY_STATUSES
}

export const CREDENTIAL_QUEUE_LIMIT = 200;

/** The regulator's queue "资质变更待核验", oldest first (at most CREDENTIAL_QUEUE_LIMIT rows; `total` counts all). */
export async function credentialQueue(db: Db, now?: Date) {
  const at = now ?? (await dbNow(db));
  const [ids, total] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`SELECT c.id ${queueSql(at)} ORDER BY c."createdAt" ASC, c.id ASC LIMIT ${CREDENTIAL_QUEUE_LIMIT}`,
    pendingCredentialCount(db, at),
  ]);
  const found = await db.credential.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    select: {
      id: true,
      type: true,
      level: true,
      number: true,
      issuer: true,
      validUntil: true,
      createdAt: true,
      documentId: true,
      agency: { select: { id: true, status: true, organization: { select: { name: true, creditCode: true } } } },
      items: { select: { item: { select: { code: true, name: true, nameEn: true } } }, orderBy: { item: { code: "asc" } } },
    },
  });
  const byId = new Map(found.map((c) => [c.id, c]));
  // Oldest first, as the id query ordered them (a row removed in between is skipped).
  const rows = ids.flatMap((r) => (byId.has(r.id) ? [byId.get(r.id)!] : []));
  return { rows, total };
}

/** The count for the regulator dashboard's work queues. */
export async function pendingCredentialCount(db: Client, now?: Date): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n ${queueSql(now ?? (await dbNow(db)))}`;
  return rows[0]?.n ?? 0;
}

export type CredentialDecision = { credentialId: string; actorId: string };

const notFound = () => new DomainError("CREDENTIAL_NOT_FOUND", 404, "review.credentialQueue.errors.notFound");
const decided = () => new DomainError("CREDENTIAL_DECIDED", 409, "review.credentialQueue.errors.decided");

async function decide(db: Db, d: CredentialDecision, outcome: { verify: true } | { verify: false; reason: string }) {
  return db.$transaction(async (tx) => {
    const target = await tx.credential.findUnique({ where: { id: d.credentialId }, select: { agencyId: true } });
    if (!target) throw notFound();
    // The agency row is the aggregate (its audit chain): two regulators deciding
    // credentials of one agency queue here, and the second re-reads what the first left.
    const agency = await lockAgency(tx, target.agencyId);
    const row = await tx.credential.findUnique({
      where: { id: d.credentialId },
      select: {
        id: true,
        agencyId: true,
        type: true,
        level: true,
        number: true,
        issuer: true,
        validUntil: true,
        verifiedAt: true,
        rejectedAt: true,
        items: { select: { item: { select: { code: true } } } },
      },
    });
    if (!row || row.agencyId !== agency.id) throw notFound();
    if (row.verifiedAt || row.rejectedAt) throw decided();
    if (!(QUEUE_AGENCY_STATUSES as readonly string[]).includes(agency.status)) {
      throw new DomainError("AGENCY_NOT_LISTED", 409, "review.credentialQueue.errors.agencyStatus");
    }
    const now = await dbNow(tx);
    if (outcome.verify && row.validUntil <= now) throw new DomainError("CREDENTIAL_EXPIRED", 422, "review.credentialQueue.errors.expired");
    // Optimistic check in the statement itself: only an undecided row changes.
    const changed = await tx.credential.updateMany({
      where: { id: row.id, verifiedAt: null, rejectedAt: null },
      data: outcome.verify ? { verifiedAt: now, verifiedById: d.actorId } : { rejectedAt: now, rejectReason: outcome.reason },
    });
    if (changed.count !== 1) throw decided();
    const event = outcome.verify ? "CREDENTIAL_VERIFIED" : "CREDENTIAL_REJECTED";
    await appendAudit(tx, {
      aggregateType: "agency",
      aggregateId: agency.id,
      fromState: agency.status,
      event,
      toState: agency.status,
      actorId: d.actorId,
      payload: {
        credentialId: row.id,
        type: row.type,
        level: row.level,
        number: row.number,
        issuer: row.issuer,
        validUntil: row.validUntil.toISOString(),
        items: row.items.map((i) => i.item.code).sort(),
        reason: outcome.verify ? null : outcome.reason,
      },
    });
    await notify(tx, {
      orgId: agency.organizationId,
      kind: event,
      data: { type: row.type, level: row.level, number: row.number, reason: outcome.verify ? null : outcome.reason },
    });
    return { agencyId: agency.id, credentialId: row.id, outcome: outcome.verify ? ("VERIFIED" as const) : ("REJECTED" as const) };
  });
}

/** 核验通过: the credential counts from now on. 404 if gone, 409 if already decided or the agency left the directory. */
export async function verifyCredential(db: Db, d: CredentialDecision) {
  return decide(db, d, { verify: true });
}

/** 不予认可 with a reason the agency sees; the credential never counts. */
export async function rejectCredential(db: Db, d: CredentialDecision & { reason: string }) {
  const reason = d.reason.trim();
  if (!reason) throw new DomainError("REASON_REQUIRED", 400, "errors.required", "reason");
  if (reason.length > REJECT_REASON_MAX) throw new DomainError("REASON_TOO_LONG", 400, "errors.tooLong", "reason");
  return decide(db, d, { verify: false, reason });
}
