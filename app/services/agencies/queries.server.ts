import type { Db } from "~/db/client.server";

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
