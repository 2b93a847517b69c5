import type { Db } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";
import { can } from "~/lib/permissions";
import type { SessionUser } from "~/lib/session.server";

/** The public directory: LISTED agencies only. Region is shown, never filtered on (no area restrictions). */
export function listListedAgencies(db: Db, take = 50) {
  return db.agency.findMany({
    where: { status: "LISTED" },
    orderBy: [{ creditScore: "desc" }, { listedAt: "asc" }],
    take,
    select: {
      id: true,
      creditScore: true,
      entityType: true,
      organization: { select: { name: true, creditCode: true, regionCode: true } },
    },
  });
}

export function listPendingAgencies(db: Db) {
  return db.agency.findMany({
    where: { status: "APPLIED" },
    orderBy: { createdAt: "asc" },
    select: { id: true, createdAt: true, entityType: true, organization: { select: { name: true, creditCode: true, regionCode: true } } },
  });
}

/** The agency of the signed-in agency user (never taken from a form), or 403. */
export async function ownAgency(client: Db | Prisma.TransactionClient, user: SessionUser) {
  if (user.role !== "AGENCY" || !user.organizationId) throw new DomainError("FORBIDDEN", 403, "errors.forbiddenBody");
  const agency = await client.agency.findUnique({ where: { organizationId: user.organizationId }, select: { id: true, status: true } });
  if (!agency) throw new DomainError("FORBIDDEN", 403, "errors.forbiddenBody");
  return agency;
}

/** How many agencies are listed (the home page's figure). */
export function countListedAgencies(db: Db): Promise<number> {
  return db.agency.count({ where: { status: "LISTED" } });
}

/** The signed-in agency user's own agency status (the dashboard), or null for anyone else. */
export async function ownAgencyStatus(db: Db, user: SessionUser) {
  if (!can(user, "agency:self") || !user.organizationId) return null;
  return db.agency.findUnique({ where: { organizationId: user.organizationId }, select: { status: true, statusReason: true } });
}

/** The agency of the user's own organization (ownership in the where), or null. */
export async function findOwnAgency(db: Db, user: SessionUser) {
  if (!user.organizationId) return null;
  return db.agency.findUnique({ where: { organizationId: user.organizationId }, select: { id: true, status: true } });
}

/** What the regulator's notice names after deciding a credential: the agency, the type and the number. */
export async function credentialLabel(db: Db, credentialId: string) {
  const c = await db.credential.findUnique({
    where: { id: credentialId },
    select: { type: true, number: true, agency: { select: { organization: { select: { name: true } } } } },
  });
  return { agency: c?.agency.organization.name ?? "", type: c?.type ?? "", number: c?.number ?? "" };
}
