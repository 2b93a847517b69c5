import type { Db } from "~/db/client.server";
import { DomainError } from "~/lib/errors";

/**
 * /dev/outbox. In the demo (no SMTP_URL, localOutboxIsOpen) the stored mail
 * with its text, newest first; for administrators anywhere, the mail that
 * needs a person: UNCERTAIN (maybe delivered, never resent by itself) and
 * FAILED rows, without their text.
 */
export function recentMail(db: Db, take = 50) {
  return db.mailOutbox.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, toAddress: true, subject: true, text: true, status: true, createdAt: true, kind: true },
  });
}

export function mailNeedingAttention(db: Db, take = 100) {
  return db.mailOutbox.findMany({
    where: { status: { in: ["UNCERTAIN", "FAILED"] } },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, toAddress: true, subject: true, status: true, attempts: true, lastError: true, createdAt: true },
  });
}

/** An administrator's decision to send an UNCERTAIN or FAILED mail again: back to PENDING, due now, attempts from zero. */
export async function requeueMail(db: Db, id: string): Promise<void> {
  const { count } = await db.mailOutbox.updateMany({
    where: { id, status: { in: ["UNCERTAIN", "FAILED"] } },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(0), claimedAt: null },
  });
  if (count !== 1) throw new DomainError("NOT_ATTENTION", 409, "mail.outbox.notAttention");
}
