import { isIPv6 } from "node:net";
import type { Db } from "~/db/client.server";

/**
 * Login and registration throttling, after OWASP's "Slow down online guessing
 * attacks with device cookies" (docs/decisions/018-login-throttle-and-enumeration.md).
 *
 * A hard lock ("5 failures lock the account for 15 minutes, right password
 * included") lets anyone lock anyone out. Instead:
 * - A client that logged in to an account before holds a signed device cookie
 *   naming that account (app/lib/device.server.ts). On such a *known device*
 *   only that device's own failures count: an attacker elsewhere, however many
 *   failures they pile up, never slows the user down. After
 *   MAX_FAILURES_PER_DEVICE failures the cookie loses its trust (so a stolen
 *   cookie is not a free pass to guess).
 * - Everyone else (*unknown clients*) is counted per account-and-client
 *   (the email and the client's address) and per account across all unknown
 *   clients (a botnet). Past a threshold, each further try must wait a delay
 *   that doubles with every failure (BASE_DELAY_SECONDS … MAX_DELAY_SECONDS),
 *   counted from the last failure; a try inside the delay is refused with 429
 *   and Retry-After without checking the password, and is not itself counted.
 * - Per client address, a spray over many accounts is slowed the same way,
 *   with a threshold high enough for an office behind one NAT address; known
 *   devices are exempt from it.
 * Counts live in LoginAttempt so every instance agrees. Times are passed in
 * (the database clock in production, any instant in tests).
 */

/** Failures per account from one unknown client before delays start. */
export const FREE_FAILURES_PER_ACCOUNT_CLIENT = 5;
/** Failures per account from all unknown clients together before delays start. */
export const FREE_FAILURES_PER_ACCOUNT = 10;
/** Failures from one client address (any accounts) per hour before delays start: a NAT'd office mistypes, a spray does not stop. */
export const FREE_FAILURES_PER_CLIENT = 100;
/** Failures on a known device before it is treated as unknown again. */
export const MAX_FAILURES_PER_DEVICE = 10;

export const BASE_DELAY_SECONDS = 2;
export const MAX_DELAY_SECONDS = 15 * 60;

/** Account counts (per account, per account-and-client, per device) look back a day; the address count an hour. */
const ACCOUNT_WINDOW_MS = 24 * 3600_000;
const CLIENT_WINDOW_MS = 3600_000;
/** A count never needs more rows than the free ones plus this: the delay has long stopped growing (2 s · 2^9 > 15 min). */
const ROWS_PAST_FREE = 32;

/**
 * The throttling identity of a client address: an IPv4 address as is (an
 * IPv4-mapped IPv6 address unwrapped), an IPv6 address by its /64 prefix —
 * one subscriber usually holds a whole /64 and could rotate through it.
 */
export function clientId(ip: string): string {
  const v = ip
    .trim()
    .toLowerCase()
    .replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
  if (!isIPv6(v)) return v.slice(0, 64) || "unknown";
  const [head = "", tail = ""] = v.split("::");
  const h = head ? head.split(":") : [];
  const t = v.includes("::") && tail ? tail.split(":") : [];
  const groups = v.includes("::") ? [...h, ...Array<string>(8 - h.length - t.length).fill("0"), ...t] : h;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

const norm = (email: string) => email.trim().toLowerCase();
export const keys = {
  account: (email: string) => `account:${norm(email)}`,
  accountClient: (email: string, ip: string) => `account-client:${norm(email)}|${clientId(ip)}`,
  client: (ip: string) => `ip:${clientId(ip)}`,
  device: (nonce: string) => `device:${nonce}`,
  register: (ip: string) => `register:${clientId(ip)}`,
};

/** The delay (seconds) owed after `failures` failures when `free` are allowed: 0, then 2, 4, 8 … up to 15 minutes. */
export function delayAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(MAX_DELAY_SECONDS, BASE_DELAY_SECONDS * 2 ** Math.min(failures - free, 30));
}

/** Failures of a key since its last success within the window, newest first (at most `limit`). */
async function failuresOf(db: Db, key: string, windowMs: number, now: Date, limit: number): Promise<Date[]> {
  const since = new Date(now.getTime() - windowMs);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { key, success: true, at: { gte: since, lte: now } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const rows = await db.loginAttempt.findMany({
    where: { key, success: false, at: { gt: lastSuccess?.at ?? since, lte: now } },
    orderBy: { at: "desc" },
    take: limit,
    select: { at: true },
  });
  return rows.map((r) => r.at);
}

/** Seconds until `key` may try again (0 = now). */
async function waitFor(db: Db, key: string, free: number, windowMs: number, now: Date): Promise<number> {
  const failures = await failuresOf(db, key, windowMs, now, free + ROWS_PAST_FREE);
  const delay = delayAfter(failures.length, free);
  if (delay === 0) return 0;
  const until = failures[0]!.getTime() + delay * 1000;
  return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
}

export type LoginClient = {
  ip: string;
  /** The nonce of a device cookie naming this account, when the client presented one. */
  deviceNonce?: string | null;
};

export type ThrottleVerdict = { trusted: boolean; waitSeconds: number };

/** Whether the client is a trusted known device, and how long it must wait before the password is even checked. */
export async function loginVerdict(db: Db, email: string, client: LoginClient, now: Date): Promise<ThrottleVerdict> {
  if (client.deviceNonce) {
    const deviceFailures = await failuresOf(db, keys.device(client.deviceNonce), ACCOUNT_WINDOW_MS, now, MAX_FAILURES_PER_DEVICE);
    if (deviceFailures.length < MAX_FAILURES_PER_DEVICE) return { trusted: true, waitSeconds: 0 };
  }
  const waits = await Promise.all([
    waitFor(db, keys.accountClient(email, client.ip), FREE_FAILURES_PER_ACCOUNT_CLIENT, ACCOUNT_WINDOW_MS, now),
    waitFor(db, keys.account(email), FREE_FAILURES_PER_ACCOUNT, ACCOUNT_WINDOW_MS, now),
    waitFor(db, keys.client(client.ip), FREE_FAILURES_PER_CLIENT, CLIENT_WINDOW_MS, now),
  ]);
  return { trusted: false, waitSeconds: Math.max(...waits) };
}

/** Records a checked password: the keys that judged this client, failed or reset. */
export async function recordLogin(
  db: Db,
  email: string,
  client: LoginClient,
  verdict: ThrottleVerdict,
  success: boolean,
  now: Date,
): Promise<void> {
  const rows: { key: string; success: boolean; at: Date }[] = [];
  if (verdict.trusted) {
    // A known device's failures are its own; its success resets only itself.
    rows.push({ key: keys.device(client.deviceNonce!), success, at: now });
  } else {
    rows.push({ key: keys.accountClient(email, client.ip), success, at: now }, { key: keys.account(email), success, at: now });
    // A success does not clear the address's count: one valid account must not unlock spraying.
    if (!success) rows.push({ key: keys.client(client.ip), success, at: now });
  }
  await db.loginAttempt.createMany({ data: rows });
}

/** Registrations per client address per hour: more than an office sets up, far fewer than a script. */
export const MAX_REGISTRATIONS_PER_CLIENT = 10;
const REGISTRATION_WINDOW_MS = 3600_000;

/** Seconds until this client may register again (0 = now). Every attempt that reached the database counts, taken emails included. */
export async function registrationWait(db: Db, ip: string, now: Date): Promise<number> {
  const rows = await db.loginAttempt.findMany({
    where: { key: keys.register(ip), at: { gt: new Date(now.getTime() - REGISTRATION_WINDOW_MS), lte: now } },
    orderBy: { at: "desc" },
    take: MAX_REGISTRATIONS_PER_CLIENT,
    select: { at: true },
  });
  if (rows.length < MAX_REGISTRATIONS_PER_CLIENT) return 0;
  // The oldest of the last MAX attempts leaves the window first.
  const until = rows[rows.length - 1]!.at.getTime() + REGISTRATION_WINDOW_MS;
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

export async function recordRegistration(db: Db, ip: string, now: Date): Promise<void> {
  await db.loginAttempt.create({ data: { key: keys.register(ip), success: true, at: now } });
}

/**
 * A plain rate limit over LoginAttempt rows: at most `max` events of `key` in
 * the window. Returns the seconds until one more is allowed (0 = now).
 * Used for mailed links (password reset per address and per account,
 * verification resends per account), decision 029.
 */
export async function rateWait(db: Db, key: string, max: number, windowMs: number, now: Date): Promise<number> {
  const rows = await db.loginAttempt.findMany({
    where: { key, at: { gt: new Date(now.getTime() - windowMs), lte: now } },
    orderBy: { at: "desc" },
    take: max,
    select: { at: true },
  });
  if (rows.length < max) return 0;
  const until = rows[rows.length - 1]!.at.getTime() + windowMs;
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

export async function recordRateEvent(db: Db, key: string, now: Date): Promise<void> {
  await db.loginAttempt.create({ data: { key, success: true, at: now } });
}

export const mailKeys = {
  resetClient: (ip: string) => `reset:${clientId(ip)}`,
  resetAccount: (email: string) => `reset-account:${norm(email)}`,
  verifyResend: (userId: string) => `verify-resend:${userId}`,
};
