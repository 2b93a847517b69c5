import type { Tx } from "~/db/client.server";
import { uuid7 } from "~/lib/uuid7.server";
import { messageIdDomain } from "./config.server";
import { mailLanguage, renderNotificationMail, type MailContent } from "./render.server";
import { topicOf } from "./topics";

/**
 * Writing mail = inserting outbox rows in the caller's transaction (decision
 * 029): a mail exists exactly when the event it reports was committed, and the
 * scheduler's worker delivers it afterwards. Each row gets its Message-ID now,
 * so every attempt at sending it carries the same one.
 */
export type OutboxMail = MailContent & { userId: string | null; toAddress: string; kind: string; locale: string };

export async function enqueueMail(tx: Tx, mails: OutboxMail[]): Promise<void> {
  if (mails.length === 0) return;
  const domain = messageIdDomain();
  await tx.mailOutbox.createMany({
    data: mails.map((m) => {
      const id = uuid7();
      return { id, ...m, messageId: `<${id}@${domain}>` };
    }),
  });
}

/**
 * The mail for one notification: to the user it names, or to every user of the
 * organization it names — only addresses that were verified, and only users
 * who did not turn the notification's topic off.
 */
export async function enqueueNotificationMail(
  tx: Tx,
  n: { orgId?: string | null; userId?: string | null; kind: string; data: Record<string, string | number | null> },
): Promise<void> {
  const who = [...(n.userId ? [{ id: n.userId }] : []), ...(n.orgId ? [{ organizationId: n.orgId }] : [])];
  if (who.length === 0) return;
  const topic = topicOf(n.kind);
  const recipients = await tx.user.findMany({
    where: { OR: who, emailVerifiedAt: { not: null }, NOT: { mailOptOut: { has: topic } } },
    select: { id: true, email: true, name: true, locale: true },
  });
  await enqueueMail(
    tx,
    recipients.map((u) => {
      const lang = mailLanguage(u.locale);
      return { userId: u.id, toAddress: u.email, kind: n.kind, locale: lang, ...renderNotificationMail(lang, u.name, n.kind, n.data) };
    }),
  );
}
