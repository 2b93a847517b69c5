import type { Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";

/** The user's latest notifications: their own and their organization's, newest first. */
export function recentNotifications(db: Db, user: SessionUser, take = 20) {
  return db.notification.findMany({
    where: { OR: [{ userId: user.id }, ...(user.organizationId ? [{ orgId: user.organizationId }] : [])] },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, kind: true, data: true, createdAt: true, readAt: true },
  });
}
