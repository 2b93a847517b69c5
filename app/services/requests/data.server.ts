/**
 * The request module's row lock. A command that changes a request locks its
 * row first (before any agency or bid row), so concurrent commands on one
 * request queue here and each is judged by the machine against the state the
 * previous one left.
 */
import type { Tx } from "~/db/client.server";
import type { RequestStatus } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";

/** Locks a request row for a state change: two concurrent events queue here and the machine judges the second against the first's result. */
export async function lockRequest(tx: Tx, id: string) {
  const rows = await tx.$queryRaw<{ id: string; status: RequestStatus; enterpriseOrgId: string; closesAt: Date; version: number }[]>`
    SELECT id, status, "enterpriseOrgId", "closesAt", version FROM "ServiceRequest" WHERE id = ${id} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new DomainError("NOT_FOUND", 404, "requests.errors.notFound");
  return row;
}
