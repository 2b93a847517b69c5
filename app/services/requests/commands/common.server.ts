import { decide } from "~/machines/apply";
import { bidMachine, type BidEvent } from "~/machines/bid.machine";
import { requestMachine, type RequestEvent } from "~/machines/request.machine";
import type { Db, Tx } from "~/db/client.server";
import type { BidStatus, RequestStatus } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";
import type { SessionUser } from "~/lib/session.server";
import { notify } from "~/services/notifications/notify.server";

/**
 * What the award commands (commands/*.server.ts) share: their errors, the
 * machines' verdicts typed to the Prisma enums, and the reads every one of
 * them makes inside its transaction (after lockRequest).
 */

export const DAY = 86_400_000;

export const forbidden = (key = "award.errors.forbidden") => new DomainError("FORBIDDEN", 403, key);
export const conflict = (key = "award.errors.conflict") => new DomainError("CONFLICT", 409, key);

/** The bid machine's target for an event; a refusal is a 409 (the bid moved on meanwhile). */
export function bidTo(status: string, event: BidEvent): BidStatus {
  const r = decide(bidMachine, status, event);
  if (!r.ok) throw conflict();
  return r.to;
}

/** The request machine's target for an event, or null when it refuses. */
export function requestTo(status: string, event: RequestEvent): RequestStatus | null {
  const r = decide(requestMachine, status, event);
  return r.ok ? r.to : null;
}

export async function fullRequest(tx: Tx, id: string) {
  return tx.serviceRequest.findUniqueOrThrow({ where: { id }, include: { item: { select: { name: true, nameEn: true } } } });
}

/** The winning bid of a request with its agency (for authorization and notices), or null. */
export async function winnerOf(tx: Tx | Db, awardedBidId: string | null) {
  if (!awardedBidId) return null;
  return tx.bid.findUnique({
    where: { id: awardedBidId },
    select: {
      id: true,
      status: true,
      agencyId: true,
      amountFen: true,
      serviceDays: true,
      agency: { select: { organizationId: true, organization: { select: { name: true } } } },
    },
  });
}

/** The agency of an AGENCY user, or null. */
export async function agencyOfUser(tx: Tx | Db, user: SessionUser) {
  if (user.role !== "AGENCY" || !user.organizationId) return null;
  return tx.agency.findUnique({ where: { organizationId: user.organizationId }, select: { id: true, organizationId: true } });
}

/** Every regulator hears of a new objection: one notice per regulator organization (or per user without one). */
export async function notifyRegulators(tx: Tx, kind: string, data: Record<string, string | number | null>) {
  const regulators = await tx.user.findMany({ where: { role: "REGULATOR" }, select: { id: true, organizationId: true } });
  const orgs = new Set<string>();
  for (const u of regulators) {
    if (u.organizationId) orgs.add(u.organizationId);
    else await notify(tx, { userId: u.id, kind, data });
  }
  for (const orgId of orgs) await notify(tx, { orgId, kind, data });
}

export async function latestOpenDelivery(tx: Tx, requestId: string) {
  return tx.delivery.findFirst({ where: { requestId, accepted: null }, orderBy: { createdAt: "desc" }, select: { id: true } });
}
