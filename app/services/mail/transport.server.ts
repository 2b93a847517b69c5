import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { mailFrom, smtpUrl } from "./config.server";

export type MailMessage = { to: string; subject: string; text: string; html: string; messageId: string };

/** What delivers one message: SMTP (nodemailer), or nothing at all in the demo (the outbox row is the mail). */
export type MailTransport = { kind: "smtp" | "local"; send(message: MailMessage): Promise<void> };

/** One SMTP connection per message (no pool): an error then belongs to one message, and its stage says whether it was sent. */
export function smtpTransport(url: string, from = mailFrom()): MailTransport {
  const options: SMTPTransport.Options & { url: string } = {
    url,
    // Far below the worker's lease (MAIL_LEASE_MS, 10 minutes): an attempt ends long before its row could look abandoned.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
  const transporter = nodemailer.createTransport(options);
  return {
    kind: "smtp",
    async send(m) {
      // The outbox's Message-ID on every attempt: a receiver that deduplicates by it sees one message.
      await transporter.sendMail({ from, to: m.to, subject: m.subject, text: m.text, html: m.html, messageId: m.messageId });
    },
  };
}

const local: MailTransport = { kind: "local", send: async () => {} };

/** The configured transport: SMTP when SMTP_URL is set, else the local outbox. */
export function configuredTransport(): MailTransport {
  const url = smtpUrl();
  return url ? smtpTransport(url) : local;
}

/**
 * Whether a failed attempt certainly did not deliver the message (decision
 * 029). The server answered with an error code (4xx or 5xx: it refused, so it
 * did not accept the message), or the session broke before the message was
 * handed over (connecting, greeting, TLS, authentication, envelope). A failure
 * without an answer while or after the message was sent (a timeout or a
 * dropped connection at DATA) may have delivered it.
 */
export function failureStage(error: unknown): { delivered: "no"; permanent: boolean } | { delivered: "maybe" } {
  const e = (error ?? {}) as { code?: unknown; command?: unknown; responseCode?: unknown };
  if (typeof e.responseCode === "number") return { delivered: "no", permanent: e.responseCode >= 500 };
  const command = typeof e.command === "string" ? e.command.toUpperCase() : "";
  if (/^(CONN|GREETING|EHLO|HELO|LHLO|STARTTLS|AUTH|MAIL|RCPT)/.test(command)) return { delivered: "no", permanent: false };
  if (!command && ["ECONNECTION", "EDNS", "ETLS", "EAUTH", "EENVELOPE"].includes(String(e.code)))
    return { delivered: "no", permanent: false };
  return { delivered: "maybe" };
}
