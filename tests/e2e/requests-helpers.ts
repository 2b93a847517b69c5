import { createHash } from "node:crypto";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { demoAgencies } from "../../seeds/demo-data";
import { login } from "./helpers";

// Shared pieces for browser tests that walk a request through its lifecycle:
// the test clock, Beijing-time form values, signed-in contexts, and the
// expected outcome of each selection method recomputed independently of the app.

export type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** Signs each account in once and keeps its cookies, so a test opens a signed-in context without the login form. */
export async function signIn(browser: Browser, emails: string[]): Promise<Record<string, StorageState>> {
  const states: Record<string, StorageState> = {};
  for (const email of emails) {
    const context = await browser.newContext();
    await login(await context.newPage(), email);
    states[email] = await context.storageState();
    await context.close();
  }
  return states;
}

export async function openAs(browser: Browser, state: StorageState): Promise<Page> {
  const context = await browser.newContext({ storageState: state });
  return context.newPage();
}

/** The organization name of a demo agency account, from the seed. */
export function agencyName(email: string): string {
  const agency = demoAgencies.find((a) => a.users.some((u) => u.email === email));
  if (!agency) throw new Error(`not a demo agency: ${email}`);
  return agency.name;
}

/**
 * POST /__test/clock (seconds=N) from the page's request context, same-origin:
 * moves the database clock forward and runs due work (closing, publicity end).
 * Returns the database clock afterwards; seconds=0 only reads it.
 */
export async function advanceClock(page: Page, seconds: number): Promise<Date> {
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const response = await page.request.post("/__test/clock", { form: { seconds: String(Math.ceil(seconds)) }, headers: { Origin: origin } });
  expect(response.status(), "POST /__test/clock (is ZJ_TEST_CLOCK=1 set for the e2e server?)").toBe(200);
  const body = (await response.json()) as { now: string };
  return new Date(body.now);
}

/** "YYYY-MM-DDTHH:mm" in Beijing time (UTC+8), the value of a datetime-local input. */
export function beijingLocal(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}

/** A deadline at least `seconds` after `now`, on a whole minute (datetime-local has minute precision). */
export function deadlineAfter(now: Date, seconds: number): Date {
  return new Date(Math.ceil((now.getTime() + seconds * 1000) / 60_000) * 60_000);
}

/** "¥72,000.50" → 7200050n. */
export function fenOf(text: string): bigint {
  const m = text.replace(/[,\s]/g, "").match(/¥?(\d+)\.(\d{2})/);
  if (!m) throw new Error(`not an amount: ${text}`);
  return BigInt(m[1]!) * 100n + BigInt(m[2]!);
}

/** 7200050n → "¥72,000.50", as the Chinese UI formats it. */
export function yuan(fen: bigint): string {
  return `¥${(fen / 100n).toLocaleString("zh-CN")}.${(fen % 100n).toString().padStart(2, "0")}`;
}

// ───────────── expected rankings, recomputed from the bids the test placed ─────────────

/** A bid as placed by the test, in submission order (the earlier bid wins a tie). */
export type PlacedBid = { name: string; amountFen: bigint; days: number; credit?: number };

/** LOWEST_PRICE: lowest amount first; ties to the earlier bid. */
export function expectLowestPrice(bids: PlacedBid[]): string[] {
  return bids
    .map((b, i) => ({ b, i }))
    .sort((x, y) => (x.b.amountFen < y.b.amountFen ? -1 : x.b.amountFen > y.b.amountFen ? 1 : x.i - y.i))
    .map((x) => x.b.name);
}

/**
 * AVERAGE_PRICE: the bid closest to and not above the mean wins; then the rest
 * at or below the mean by distance, then those above it by distance. Exact in
 * integers: compare amount × n with the total.
 */
export function expectAveragePrice(bids: PlacedBid[]): string[] {
  const n = BigInt(bids.length);
  const total = bids.reduce((s, b) => s + b.amountFen, 0n);
  const key = (b: PlacedBid) => {
    const scaled = b.amountFen * n;
    return { above: scaled > total, distance: scaled > total ? scaled - total : total - scaled };
  };
  return bids
    .map((b, i) => ({ b, i, k: key(b) }))
    .sort((x, y) =>
      x.k.above !== y.k.above ? (x.k.above ? 1 : -1) : x.k.distance < y.k.distance ? -1 : x.k.distance > y.k.distance ? 1 : x.i - y.i,
    )
    .map((x) => x.b.name);
}

export type Weights = { price: number; credit: number; days: number };

/**
 * SCORED with the published weights: price = lowest valid price / this price ×
 * weight; credit = credit score / 100 × weight; service time = shortest days /
 * these days × weight; total rounded to 0.01, highest first.
 */
export function expectScored(bids: PlacedBid[], w: Weights): { name: string; score: number }[] {
  const lowest = bids.reduce((m, b) => (b.amountFen < m ? b.amountFen : m), bids[0]!.amountFen);
  const fastest = Math.min(...bids.map((b) => b.days));
  return bids
    .map((b, i) => {
      const credit = Math.min(100, Math.max(0, b.credit ?? NaN)) / 100;
      const raw = (Number(lowest) / Number(b.amountFen)) * w.price + credit * w.credit + (fastest / b.days) * w.days;
      return { name: b.name, i, score: Math.round(raw * 100) / 100 };
    })
    .sort((x, y) => y.score - x.score || x.i - y.i)
    .map(({ name, score }) => ({ name, score }));
}

/** RANDOM_DRAW: the public recomputation, SHA-256(seed ‖ agencyId) in hex, ascending. */
export function drawKey(seed: string, agencyId: string): string {
  return createHash("sha256")
    .update(seed + agencyId, "utf8")
    .digest("hex");
}

export function expectDraw(seed: string, agencyIds: string[]): string[] {
  return [...agencyIds].sort((a, b) => (drawKey(seed, a) < drawKey(seed, b) ? -1 : drawKey(seed, a) > drawKey(seed, b) ? 1 : 0));
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
