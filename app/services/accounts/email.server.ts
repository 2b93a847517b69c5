import { createHash, randomBytes } from "node:crypto";
import type { Db, Tx } from "~/db/client.server";
import type { EmailTokenPurpose } from "~/generated/prisma/enums";
import { DomainError } from "~/lib/errors";
import { hashPassword } from "~/lib/password.server";
import type { SessionUser } from "~/lib/session.server";
import { absoluteUrl } from "~/services/mail/config.server";
import { enqueueMail } from "~/services/mail/outbox.server";
import { mailLanguage, renderTokenMail } from "~/services/mail/render.server";
import { MAIL_TOPICS, type MailTopic } from "~/services/mail/topics";
import { mailKeys, rateWait, recordRateEvent } from "./throttle.server";

/**
 * Mailed links: email verification at registration and password reset
 * (decision 029). A token is 32 random bytes (base64url) that exists only in
 * the mail; the database keeps its SHA-256, its expiry and when it was used.
 * Issuing a new token of a purpose deletes the user's unused older ones.
 */
export const VERIFY_TTL_HOURS = 48;
export const RESET_TTL_MINUTES = 30;
/** Password resets asked from one address per hour, and mails sent to one account per hour. */
export const MAX_RESETS_PER_CLIENT = 10;
export const MAX_RESETS_PER_ACCOUNT = 3;
export const MAX_VERIFY_RESENDS = 5;
const HOUR_MS = 3600_000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

async function issueToken(tx: Tx, userId: string, purpose: EmailTokenPurpose, expiresAt: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.emailToken.deleteMany({ where: { userId, purpose, usedAt: null } });
  await tx.emailToken.create({ data: { userId, purpose, tokenHash: hashToken(token), expiresAt } });
  return token;
}

type Recipient = { id: string; email: string; name: string; locale: string };

/** Queues the verification mail (a new link) in the caller's transaction. Sent whatever the user's topics: it is not a notification. */
export async function queueVerificationMail(tx: Tx, user: Recipient, now: Date): Promise<void> {
  const token = await issueToken(tx, user.id, "VERIFY_EMAIL", new Date(now.getTime() + VERIFY_TTL_HOURS * HOUR_MS));
  const lang = mailLanguage(user.locale);
  const link = absoluteUrl(`/verify-email?token=${token}`);
  await enqueueMail(tx, [
    {
      userId: user.id,
      toAddress: user.email,
      kind: "VERIFY_EMAIL",
      locale: lang,
      ...renderTokenMail(lang, "verify", user.name, link, { email: user.email, hours: VERIFY_TTL_HOURS }),
    },
  ]);
}

/**
 * Finds a usable token: a malformed or unknown one is 400 "invalid", a used
 * one 410 "used", an expired one 410 "expired" — a clear message, never a 500.
 */
async function usableToken(db: Db | Tx, token: string, purpose: EmailTokenPurpose, now: Date) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw new DomainError("TOKEN_INVALID", 400, "mail.tokens.invalid", "token");
  const row = await db.emailToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!row || row.purpose !== purpose) throw new DomainError("TOKEN_INVALID", 400, "mail.tokens.invalid", "token");
  if (row.usedAt) throw new DomainError("TOKEN_USED", 410, "mail.tokens.used", "token");
  if (row.expiresAt <= now) throw new DomainError("TOKEN_EXPIRED", 410, "mail.tokens.expired", "token");
  return row;
}

/**
 * Uses a token once: the conditional update is the single-use check (two
 * clicks at once: one wins, the other finds it used).
 */
async function consume(tx: Tx, id: string, now: Date): Promise<void> {
  const { count } = await tx.emailToken.updateMany({ where: { id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (count !== 1) throw new DomainError("TOKEN_USED", 410, "mail.tokens.used", "token");
}

/** Follows a verification link: the address is verified from now on. */
export async function verifyEmail(db: Db, token: string, now: Date): Promise<{ email: string }> {
  return db.$transaction(async (tx) => {
    const row = await usableToken(tx, token, "VERIFY_EMAIL", now);
    await consume(tx, row.id, now);
    await tx.user.update({ where: { id: row.userId }, data: { emailVerifiedAt: now } });
    return { email: row.user.email };
  });
}

/** A new verification mail for a signed-in user whose address is not verified yet (rate-limited per account). */
export async function resendVerification(db: Db, sessionUser: SessionUser, now: Date): Promise<"sent" | "already"> {
  const user = await db.user.findUniqueOrThrow({ where: { id: sessionUser.id } });
  if (user.emailVerifiedAt) return "already";
  const key = mailKeys.verifyResend(user.id);
  const wait = await rateWait(db, key, MAX_VERIFY_RESENDS, HOUR_MS, now);
  if (wait > 0) throw throttled("VERIFY_THROTTLED", "mail.settings.resendThrottled", wait);
  await recordRateEvent(db, key, now);
  await db.$transaction((tx) => queueVerificationMail(tx, user, now));
  return "sent";
}

function throttled(code: string, key: string, seconds: number): DomainError {
  const minutes = Math.ceil(seconds / 60);
  return new DomainError(code, 429, seconds < 120 ? `${key}Seconds` : key, undefined, { seconds, minutes, retryAfter: seconds });
}

/**
 * "Forgot password": the same answer whether or not the address has an
 * account (decision 018). Throttled per client address (429, like
 * registration); per account, mails beyond MAX_RESETS_PER_ACCOUNT an hour are
 * silently not sent (saying so would reveal the account).
 */
export async function requestPasswordReset(db: Db, email: string, ip: string, now: Date): Promise<void> {
  const clientKey = mailKeys.resetClient(ip);
  const wait = await rateWait(db, clientKey, MAX_RESETS_PER_CLIENT, HOUR_MS, now);
  if (wait > 0) throw throttled("RESET_THROTTLED", "mail.forgot.throttled", wait);
  await recordRateEvent(db, clientKey, now);
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) return;
  const accountKey = mailKeys.resetAccount(user.email);
  if ((await rateWait(db, accountKey, MAX_RESETS_PER_ACCOUNT, HOUR_MS, now)) > 0) return;
  await recordRateEvent(db, accountKey, now);
  await db.$transaction(async (tx) => {
    const token = await issueToken(tx, user.id, "RESET_PASSWORD", new Date(now.getTime() + RESET_TTL_MINUTES * 60_000));
    const lang = mailLanguage(user.locale);
    const link = absoluteUrl(`/reset-password?token=${token}`);
    await enqueueMail(tx, [
      {
        userId: user.id,
        toAddress: user.email,
        kind: "RESET_PASSWORD",
        locale: lang,
        ...renderTokenMail(lang, "reset", user.name, link, { email: user.email, minutes: RESET_TTL_MINUTES }),
      },
    ]);
  });
}

/** Whether a reset link can still be used (the page shows the form, or why not). */
export async function checkResetToken(db: Db, token: string, now: Date): Promise<void> {
  await usableToken(db, token, "RESET_PASSWORD", now);
}

/**
 * Sets a new password with a reset link, once. Every session of the account
 * ends (whoever knew the old password is signed out everywhere), the other
 * reset links die, and the address counts as verified (the mail reached it).
 */
export async function resetPassword(db: Db, token: string, password: string, now: Date): Promise<void> {
  await usableToken(db, token, "RESET_PASSWORD", now);
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const row = await usableToken(tx, token, "RESET_PASSWORD", now);
    await consume(tx, row.id, now);
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash, emailVerifiedAt: row.user.emailVerifiedAt ?? now } });
    await tx.emailToken.deleteMany({ where: { userId: row.userId, purpose: "RESET_PASSWORD", usedAt: null } });
    await tx.session.deleteMany({ where: { userId: row.userId } });
  });
}

export type MailSettings = { email: string; verified: boolean; topics: { topic: MailTopic; on: boolean }[] };

/** The settings page: the address, whether it is verified, each topic on or off. */
export async function mailSettings(db: Db, sessionUser: SessionUser): Promise<MailSettings> {
  const u = await db.user.findUniqueOrThrow({
    where: { id: sessionUser.id },
    select: { email: true, emailVerifiedAt: true, mailOptOut: true },
  });
  return {
    email: u.email,
    verified: u.emailVerifiedAt !== null,
    topics: MAIL_TOPICS.map((topic) => ({ topic, on: !u.mailOptOut.includes(topic) })),
  };
}

/** Saves the topics the user wants: every other topic is stored as turned off. */
export async function saveMailPreferences(db: Db, sessionUser: SessionUser, wanted: readonly MailTopic[]): Promise<void> {
  await db.user.update({ where: { id: sessionUser.id }, data: { mailOptOut: MAIL_TOPICS.filter((t) => !wanted.includes(t)) } });
}

/** Whether the signed-in user's address still needs verifying (the banner). */
export async function needsVerification(db: Db, userId: string): Promise<boolean> {
  const u = await db.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } });
  return !!u && u.emailVerifiedAt === null;
}
