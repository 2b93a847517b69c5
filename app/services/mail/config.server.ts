import { databaseUrl, isProduction } from "~/lib/env.server";

/**
 * Mail settings (decision 029). SMTP_URL (smtp://user:pass@host:587 or
 * smtps://…:465) sends real mail; without it nothing leaves the machine and
 * the outbox rows are the mail, readable at /dev/outbox. MAIL_FROM is the
 * sender; APP_URL the absolute origin of links in mail (else the first
 * APP_ORIGIN, else http://localhost:PORT).
 */
export function smtpUrl(): string | undefined {
  const url = process.env.SMTP_URL?.trim();
  return url ? url : undefined;
}

export function mailFrom(): string {
  return process.env.MAIL_FROM?.trim() || "中介超市 <no-reply@zjcs.localhost>";
}

export function appUrl(): string {
  const configured = process.env.APP_URL?.trim() || process.env.APP_ORIGIN?.split(",")[0]?.trim();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // Not a URL: fall through to the local default (origin-check.server.ts logs bad APP_ORIGIN entries).
    }
  }
  return `http://localhost:${process.env.PORT ?? 3000}`;
}

/** An absolute link into the site. */
export function absoluteUrl(pathAndQuery: string): string {
  return new URL(pathAndQuery, appUrl()).toString();
}

/** The domain part of Message-IDs: the sender's domain. */
export function messageIdDomain(): string {
  const m = /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom());
  return m?.[1] ?? "zjcs.localhost";
}

/**
 * Whether /dev/outbox may be read by anyone: only when no mail can go out
 * (SMTP_URL unset) and this is not a production deployment on a shared
 * PostgreSQL — the embedded demo of `npm start`. Otherwise administrators only,
 * and only the delivery state (reset links must not be readable by others).
 */
export function localOutboxIsOpen(): boolean {
  return !smtpUrl() && !(isProduction && databaseUrl());
}

/** Worker settings: attempts before FAILED, first retry delay (doubling), the lease after which a SENDING row is uncertain. */
export function mailWorkerSettings() {
  return {
    maxAttempts: Number(process.env.MAIL_MAX_ATTEMPTS ?? 8),
    baseBackoffMs: Number(process.env.MAIL_BACKOFF_MS ?? 60_000),
    maxBackoffMs: Number(process.env.MAIL_MAX_BACKOFF_MS ?? 6 * 3600_000),
    leaseMs: Number(process.env.MAIL_LEASE_MS ?? 10 * 60_000),
    batch: 20,
  };
}
