import type { Db } from "~/db/client.server";
import { logger } from "~/lib/logger.server";
import { dbNow } from "~/services/clock.server";
import { localOutboxIsOpen, mailWorkerSettings } from "./config.server";
import { configuredTransport, failureStage, type MailTransport } from "./transport.server";

/** Kinds whose text holds a one-time link: once SMTP accepted them, the stored copy is blanked. */
export const TOKEN_MAIL_KINDS = ["VERIFY_EMAIL", "RESET_PASSWORD"];
const REDACTED = "(sent; the one-time link is not kept)";

export type MailWorkerOptions = Partial<ReturnType<typeof mailWorkerSettings>> & { transport?: MailTransport };
export type MailRun = { sent: number; retrying: number; failed: number; uncertain: number };

type Claimed = {
  id: string;
  toAddress: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  kind: string;
  attempts: number;
};

/** The wait before attempt n+1 after n failed attempts: base·2ⁿ⁻¹, capped. */
export function retryDelayMs(attempts: number, baseMs: number, capMs: number): number {
  return Math.min(capMs, baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
}

/**
 * Delivers due outbox mail, at most once per row even with several instances
 * (decision 029):
 * 1. A row still SENDING after the lease belongs to an attempt that never
 *    finished (the process died between handing the message to SMTP and
 *    recording it): it may have been delivered, so it becomes UNCERTAIN and is
 *    never sent again automatically; an administrator decides (/dev/outbox).
 * 2. A batch of due PENDING rows is claimed with FOR UPDATE SKIP LOCKED and
 *    marked SENDING (attempt counted, claim time stored) in a transaction that
 *    commits BEFORE any SMTP connection: another instance never sees them due.
 * 3. Each is sent with its stable Message-ID, then marked SENT. A failure that
 *    certainly did not deliver (refused connection, an SMTP error answer) goes
 *    back to PENDING after an exponential backoff, or to FAILED after the last
 *    attempt or a permanent (5xx) refusal; a failure that might have delivered
 *    is UNCERTAIN.
 */
export async function deliverDueMail(db: Db, options: MailWorkerOptions = {}): Promise<MailRun> {
  const s = { ...mailWorkerSettings(), ...options };
  const transport = options.transport ?? configuredTransport();
  const run: MailRun = { sent: 0, retrying: 0, failed: 0, uncertain: 0 };
  // A production deployment without SMTP_URL keeps its mail PENDING (nothing is marked sent that nobody can read).
  if (transport.kind === "local" && !localOutboxIsOpen()) return run;

  const now = await dbNow(db);
  run.uncertain += await db.mailOutbox
    .updateMany({
      where: { status: "SENDING", claimedAt: { lt: new Date(now.getTime() - s.leaseMs) } },
      data: {
        status: "UNCERTAIN",
        lastError: "lease expired while sending: the attempt never finished, the message may have been delivered",
      },
    })
    .then((r) => r.count);

  const claimed = await db.$transaction(async (tx) => {
    const at = await dbNow(tx);
    const rows = await tx.$queryRaw<Claimed[]>`
      SELECT id, "toAddress", subject, text, html, "messageId", kind, attempts FROM "MailOutbox"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${at}
      ORDER BY "nextAttemptAt", id LIMIT ${s.batch} FOR UPDATE SKIP LOCKED`;
    if (rows.length > 0)
      await tx.mailOutbox.updateMany({
        where: { id: { in: rows.map((r) => r.id) } },
        data: { status: "SENDING", claimedAt: at, attempts: { increment: 1 } },
      });
    return rows.map((r) => ({ ...r, attempts: r.attempts + 1 }));
  });

  for (const m of claimed) {
    try {
      await transport.send({ to: m.toAddress, subject: m.subject, text: m.text, html: m.html, messageId: m.messageId });
    } catch (error) {
      const stage = failureStage(error);
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const at = await dbNow(db);
      if (stage.delivered === "maybe") {
        await db.mailOutbox.updateMany({ where: { id: m.id, status: "SENDING" }, data: { status: "UNCERTAIN", lastError } });
        run.uncertain++;
        logger.warn({ event: "mail_uncertain", mailId: m.id, err: lastError }, "mail: sending broke off; maybe delivered, not retried");
      } else if (stage.permanent || m.attempts >= s.maxAttempts) {
        await db.mailOutbox.updateMany({ where: { id: m.id, status: "SENDING" }, data: { status: "FAILED", lastError } });
        run.failed++;
        logger.warn({ event: "mail_failed", mailId: m.id, attempts: m.attempts, err: lastError }, "mail: given up");
      } else {
        const nextAttemptAt = new Date(at.getTime() + retryDelayMs(m.attempts, s.baseBackoffMs, s.maxBackoffMs));
        await db.mailOutbox.updateMany({ where: { id: m.id, status: "SENDING" }, data: { status: "PENDING", nextAttemptAt, lastError } });
        run.retrying++;
      }
      continue;
    }
    const redact = transport.kind === "smtp" && TOKEN_MAIL_KINDS.includes(m.kind);
    await db.mailOutbox.updateMany({
      where: { id: m.id, status: "SENDING" },
      data: { status: "SENT", sentAt: await dbNow(db), lastError: null, ...(redact ? { text: REDACTED, html: REDACTED } : {}) },
    });
    run.sent++;
  }
  return run;
}
