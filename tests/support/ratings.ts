import type { Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { acceptDelivery, confirmContract, deliverResult } from "~/services/requests/award.server";
import { submitBid } from "~/services/requests/bids.server";
import { closeDueRequests } from "~/services/requests/close.server";
import { enterpriseUser, expire, listedAgencies, openRequest } from "./requests";

/**
 * Helpers for the rating and credit tests: a request walked through the real
 * services from posting to an accepted delivery. Uploads go to UPLOADS_DIR,
 * which the calling test file sets before importing anything.
 */

const PDF = new TextEncoder().encode("%PDF-1.4\n% 成果报告\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
export const pdf = (name = "成果报告.pdf") => new File([PDF], name, { type: "application/pdf" });

export type Agencies = Awaited<ReturnType<typeof listedAgencies>>;

const bid = (yuan: number, days = 20) => ({ amountFen: BigInt(yuan * 100), serviceDays: days, proposal: "按规范完成勘测并出具报告" });

/**
 * LOWEST_PRICE, one bid per amount (agency i bids amounts[i], agency 0 lowest
 * by default); awarded at closing. `agencies` may be passed to reuse listed
 * agencies across requests.
 */
export async function awardedRequest(
  db: Db,
  opts: { owner?: SessionUser; agencies?: Agencies; amounts?: number[]; overrides?: Record<string, string> } = {},
) {
  const owner = opts.owner ?? (await enterpriseUser(db));
  const amounts = opts.amounts ?? [70000, 80000, 90000];
  const agencies = opts.agencies ?? (await listedAgencies(db, amounts.length));
  const req = await openRequest(db, owner, opts.overrides ?? {});
  for (const [i, amount] of amounts.entries()) await submitBid(db, agencies[i]!.user, req.id, bid(amount, 15 + i));
  await expire(db, req.id);
  await closeDueRequests(db);
  return { owner, id: req.id, agencies };
}

/** Awarded, publicity over, both sides confirmed: IN_SERVICE with agency 0 (the lowest bid) serving. */
export async function inServiceRequest(db: Db, opts: Parameters<typeof awardedRequest>[1] = {}) {
  const r = await awardedRequest(db, opts);
  await db.serviceRequest.update({ where: { id: r.id }, data: { publicityEndsAt: new Date(Date.now() - 1000) } });
  await confirmContract(db, r.owner, r.id);
  await confirmContract(db, r.agencies[0]!.user, r.id);
  return { ...r, winner: r.agencies[0]! };
}

/**
 * Delivered by agency 0 and accepted by the owner: COMPLETED. `late` moves the
 * due date into the past before delivery, as if the service period had run out.
 */
export async function completedRequest(db: Db, opts: Parameters<typeof awardedRequest>[1] & { late?: boolean } = {}) {
  const r = await inServiceRequest(db, opts);
  if (opts.late) await db.serviceRequest.update({ where: { id: r.id }, data: { dueAt: new Date(Date.now() - 60_000) } });
  await deliverResult(db, r.winner.user, r.id, { file: pdf(), note: "成果报告" });
  await acceptDelivery(db, r.owner, r.id);
  return r;
}

export const goodScores = { quality: 5, timeliness: 5, attitude: 5, fee: 5, standards: 5 };
export const badScores = { quality: 1, timeliness: 1, attitude: 1, fee: 1, standards: 1 };
