import { randomBytes } from "node:crypto";
import { lazySignedCookie } from "~/lib/signed-cookie.server";

/**
 * The device cookie (OWASP "device cookies"): issued on every successful login,
 * it names the accounts this browser has logged in to, each with a random
 * nonce. It is signed with SESSION_SECRET, so it cannot be forged; it grants
 * nothing but exemption from the throttle that unknown clients face
 * (app/services/accounts/throttle.server.ts). Sent only to /login.
 */
const DEVICE_DAYS = 365;
/** A shared office computer may hold a few accounts; the oldest drop out. */
export const MAX_DEVICE_ACCOUNTS = 5;

export type DeviceEntry = { u: string; n: string };

const deviceCookie = lazySignedCookie("__device", { path: "/login", days: DEVICE_DAYS });

const isEntry = (e: unknown): e is DeviceEntry =>
  typeof e === "object" &&
  e !== null &&
  typeof (e as DeviceEntry).u === "string" &&
  typeof (e as DeviceEntry).n === "string" &&
  /^[0-9a-f]{32}$/.test((e as DeviceEntry).n);

/** The entries of a valid device cookie ([] when absent, unsigned, tampered with or malformed). */
export async function readDevice(request: Request): Promise<DeviceEntry[]> {
  let value: unknown;
  try {
    value = await deviceCookie().parse(request.headers.get("Cookie"));
  } catch {
    return [];
  }
  return Array.isArray(value) ? value.filter(isEntry).slice(0, MAX_DEVICE_ACCOUNTS) : [];
}

/** The nonce this device holds for the account, if any. */
export function deviceNonceFor(entries: DeviceEntry[], userId: string | null | undefined): string | null {
  return (userId && entries.find((e) => e.u === userId)?.n) || null;
}

/** Set-Cookie after a successful login: a fresh nonce for this account, first in the list. */
export async function rememberDevice(entries: DeviceEntry[], userId: string): Promise<string> {
  const next = [{ u: userId, n: randomBytes(16).toString("hex") }, ...entries.filter((e) => e.u !== userId)].slice(0, MAX_DEVICE_ACCOUNTS);
  return deviceCookie().serialize(next);
}
