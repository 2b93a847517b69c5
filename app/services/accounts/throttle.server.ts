import type { Db } from "~/db/client.server";

// Login throttling: after too many failures in the window, refuse further tries
// until the window passes. Counted per account (guessing one password) and per
// IP (spraying many accounts). Stored in the database so all instances agree.
export const WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export const accountKey = (email: string) => `account:${email.toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** Minutes to wait, or 0 when the key may try again. */
async function waitFor(db: Db, key: string, max: number, now: Date): Promise<number> {
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  // Failures since the last success in the window count; a success resets the account.
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { key, success: true, at: { gte: since } },
    orderBy: { at: "desc" },
  });
  const from = lastSuccess && lastSuccess.at > since ? lastSuccess.at : since;
  const failures = await db.loginAttempt.findMany({
    where: { key, success: false, at: { gt: from } },
    orderBy: { at: "asc" },
    select: { at: true },
  });
  if (failures.length < max) return 0;
  const oldestCounted = failures[failures.length - max]!.at;
  const until = oldestCounted.getTime() + WINDOW_MINUTES * 60_000;
  return Math.max(1, Math.ceil((until - now.getTime()) / 60_000));
}

export async function throttleWait(db: Db, email: string, ip: string, now = new Date()): Promise<number> {
  const [account, address] = await Promise.all([
    waitFor(db, accountKey(email), MAX_FAILURES_PER_ACCOUNT, now),
    waitFor(db, ipKey(ip), MAX_FAILURES_PER_IP, now),
  ]);
  return Math.max(account, address);
}

export async function recordAttempt(db: Db, email: string, ip: string, success: boolean): Promise<void> {
  await db.loginAttempt.createMany({
    data: [
      { key: accountKey(email), success },
      // A success does not clear the IP's count: one valid account must not unlock spraying.
      ...(success ? [] : [{ key: ipKey(ip), success }]),
    ],
  });
}
