import type { Tx } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { enqueueNotificationMail } from "~/services/mail/outbox.server";

/**
 * In-app notification, written in the caller's transaction (outbox): it exists
 * exactly when the event it reports was committed. `kind` names a translation
 * under notifications.* and `data` fills its placeholders. The same
 * transaction queues its email to each recipient whose address is verified
 * and who wants the kind's topic (decision 029).
 */
export async function notify(
  tx: Tx,
  n: { orgId?: string | null; userId?: string | null; kind: string; data: Record<string, string | number | null> },
) {
  await tx.notification.create({
    data: { orgId: n.orgId ?? null, userId: n.userId ?? null, kind: n.kind, data: n.data as Prisma.InputJsonValue },
  });
  await enqueueNotificationMail(tx, n);
}
