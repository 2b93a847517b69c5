import type { Tx } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";

/**
 * In-app notification, written in the caller's transaction (outbox): it exists
 * exactly when the event it reports was committed. `kind` names a translation
 * under notifications.* and `data` fills its placeholders.
 */
export async function notify(
  tx: Tx,
  n: { orgId?: string | null; userId?: string | null; kind: string; data: Record<string, string | number | null> },
) {
  await tx.notification.create({
    data: { orgId: n.orgId ?? null, userId: n.userId ?? null, kind: n.kind, data: n.data as Prisma.InputJsonValue },
  });
}
