import type { Db } from "~/db/client.server";
import { DomainError } from "~/lib/errors";
import type { SessionUser } from "~/lib/session.server";
import { assertVisibleRequest } from "~/services/requests/queries.server";

/** The rating if it was given on this request (the one in the URL), with the rated agency's organization. */
export async function findRatingOfRequest(db: Db, requestId: string, ratingId: string) {
  if (!ratingId) return null;
  const r = await db.rating.findFirst({
    where: { id: ratingId, requestId },
    select: { id: true, agency: { select: { organizationId: true } } },
  });
  return r ? { id: r.id, agencyOrganizationId: r.agency.organizationId } : null;
}

/** The rating of the user's own agency on this request (ownership in the where), else null. */
export async function findOwnAgencyRating(db: Db, user: SessionUser, requestId: string, ratingId: string) {
  if (!ratingId || !user.organizationId) return null;
  return db.rating.findFirst({ where: { id: ratingId, requestId, agency: { organizationId: user.organizationId } }, select: { id: true } });
}

/**
 * Before a reply or a hide reads any input: 404 when the request is unknown to
 * this user or the rating is not one of its ratings; for a reply, 403 unless
 * the rating is of the user's own agency. The ratings module checks again
 * inside its transaction.
 */
export async function assertRatingTarget(
  db: Db,
  user: SessionUser,
  requestId: string,
  ratingId: string,
  intent: "reply" | "hide",
): Promise<void> {
  await assertVisibleRequest(db, user, requestId);
  if (!(await findRatingOfRequest(db, requestId, ratingId))) throw new DomainError("NOT_FOUND", 404, "ratings.errors.notFound");
  if (intent === "reply" && !(await findOwnAgencyRating(db, user, requestId, ratingId)))
    throw new DomainError("FORBIDDEN", 403, "ratings.errors.agencyOnly");
}
