import type { Db } from "~/db/client.server";
import { can } from "~/lib/permissions";
import type { SessionUser } from "~/lib/session.server";

/** The regulator's work on the dashboard: registrations to review, objections to decide (zero for anyone else). */
export async function dashboardCounts(db: Db, user: SessionUser): Promise<{ pendingReviews: number; pendingObjections: number }> {
  if (!can(user, "supervision:act")) return { pendingReviews: 0, pendingObjections: 0 };
  const [pendingReviews, pendingObjections] = await Promise.all([
    db.agency.count({ where: { status: "APPLIED" } }),
    db.objection.count({ where: { status: "PENDING" } }),
  ]);
  return { pendingReviews, pendingObjections };
}
