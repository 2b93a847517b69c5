/**
 * The agency module's row locks and shared queries. Lock ordering across the
 * application: request row before agency row, agency row before its credentials
 * (see docs/principles.md, "Locks"). Every function here takes the caller's
 * transaction client so the lock lasts until that transaction ends.
 */
import type { Tx } from "~/db/client.server";
import type { AgencyStatus } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";
import { dbNow } from "~/services/clock.server";

/**
 * Locks the agency row for the rest of the transaction. Two regulators acting
 * on one agency at once queue here; the second then sees the state the first
 * left and the machine refuses a transition that no longer applies.
 */
export async function lockAgency(tx: Tx, agencyId: string) {
  const rows = await tx.$queryRaw<{ id: string; status: AgencyStatus; organizationId: string; version: number }[]>`
    SELECT id, status, "organizationId", version FROM "Agency" WHERE id = ${agencyId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new DomainError("NOT_FOUND", 404, "review.errors.notFound");
  return row;
}

/**
 * Marks every unexpired, undecided credential of the agency verified, inside the
 * approval's transaction (the reviewer has just seen them). Rejected ones stay
 * rejected: the agency replaces them with a new submission. Returns their ids.
 */
export async function verifyOnApproval(tx: Tx, agencyId: string, actorId: string): Promise<string[]> {
  const now = await dbNow(tx);
  const pending = await tx.credential.findMany({
    where: { agencyId, verifiedAt: null, rejectedAt: null, validUntil: { gt: now } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  if (pending.length === 0) return [];
  const ids = pending.map((c) => c.id);
  await tx.credential.updateMany({
    where: { id: { in: ids }, verifiedAt: null, rejectedAt: null },
    data: { verifiedAt: now, verifiedById: actorId },
  });
  return ids;
}
