import { decide } from "~/machines/apply";
import { bidMachine } from "~/machines/bid.machine";
import { requestMachine } from "~/machines/request.machine";
import type { Db, Tx } from "~/db/client.server";
import type { RequestStatus } from "~/generated/prisma/client";
import { formatYuan } from "~/lib/money";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { notify } from "~/services/notifications/notify.server";
import { rankAveragePrice, rankLowestPrice, rankRandomDraw, rankScored, type RankableBid, type Ranked, type ScoringWeights } from "./selection";

const DAY = 86_400_000;

export type RankingEntry = { rank: number; bidId: string; agencyId: string; agencyName: string; amountFen: string; serviceDays: number; submittedAt: string; score?: number; key?: string };

function transitionBid(status: string, event: "WIN" | "LOSE"): "WON" | "LOST" {
  const r = decide(bidMachine, status, { type: event });
  if (!r.ok) throw new Error(`bid ${status} cannot ${event}`);
  return r.to as "WON" | "LOST";
}

/**
 * Closes one request whose deadline has passed and, for competitive methods,
 * selects at once. Runs inside the scheduler's transaction, which holds the
 * request row FOR UPDATE (taken with SKIP LOCKED), so with several app
 * instances each request is closed exactly once; the machine re-checks the
 * state so a repeated run is a no-op.
 */
export async function closeRequestInTx(tx: Tx, id: string, now: Date): Promise<RequestStatus | null> {
  const r = await tx.serviceRequest.findUniqueOrThrow({ where: { id }, include: { item: { select: { name: true } } } });
  const close = decide(requestMachine, r.status, { type: "CLOSE", isPastDeadline: now >= r.closesAt });
  if (!close.ok) return null;

  // Freeze the entrants: submitted bids within the cap from agencies still listed.
  const bids = await tx.bid.findMany({
    where: { requestId: id, status: "SUBMITTED" },
    select: { id: true, agencyId: true, amountFen: true, serviceDays: true, submittedAt: true, status: true, agency: { select: { status: true, creditScore: true, organizationId: true, organization: { select: { name: true } } } } },
  });
  const valid = bids.filter((b) => b.amountFen <= r.priceCapFen && b.agency.status === "LISTED");
  for (const b of bids.filter((x) => !valid.includes(x))) {
    await tx.bid.update({ where: { id: b.id }, data: { status: "INVALIDATED", invalidReason: b.amountFen > r.priceCapFen ? "ABOVE_CAP" : "AGENCY_NOT_LISTED" } });
  }
  await tx.serviceRequest.update({ where: { id }, data: { status: "CLOSED", version: { increment: 1 } } });
  await appendAudit(tx, {
    aggregateType: "request",
    aggregateId: id,
    fromState: r.status,
    event: "CLOSE",
    toState: "CLOSED",
    actorId: null,
    // Now that bidding is closed the sealed amounts become part of the record.
    payload: { entrants: valid.map((b) => ({ bidId: b.id, agencyId: b.agencyId, amountFen: b.amountFen.toString(), serviceDays: b.serviceDays, submittedAt: b.submittedAt.toISOString() })) },
  });

  if (r.selectionMethod === "DIRECT") {
    if (valid.length >= Math.max(1, r.minBidders)) {
      await notify(tx, { orgId: r.enterpriseOrgId, kind: "REQUEST_CLOSED_PICK", data: { requestId: id, title: r.title, count: valid.length } });
      return "CLOSED";
    }
    return failInTx(tx, r, valid.map((b) => b.id), now, valid.length);
  }

  const rankable: RankableBid[] = valid.map((b) => ({ id: b.id, agencyId: b.agencyId, amountFen: b.amountFen, serviceDays: b.serviceDays, submittedAt: b.submittedAt, creditScore: b.agency.creditScore }));
  const select = decide(requestMachine, "CLOSED", { type: "SELECT", validBids: valid.length, minBidders: r.minBidders });
  if (!select.ok || select.to === "FAILED") return failInTx(tx, r, valid.map((b) => b.id), now, valid.length);

  let ranking: Ranked[];
  switch (r.selectionMethod) {
    case "LOWEST_PRICE":
      ranking = rankLowestPrice(rankable);
      break;
    case "AVERAGE_PRICE":
      ranking = rankAveragePrice(rankable);
      break;
    case "SCORED":
      ranking = rankScored(rankable, (r.scoringWeights ?? { price: 60, credit: 30, serviceDays: 10 }) as ScoringWeights);
      break;
    case "RANDOM_DRAW":
      ranking = rankRandomDraw(rankable, r.drawSeed!);
      break;
  }
  const byId = new Map(valid.map((b) => [b.id, b]));
  const entries: RankingEntry[] = ranking.map((x) => {
    const b = byId.get(x.id)!;
    return { rank: x.rank, bidId: b.id, agencyId: b.agencyId, agencyName: b.agency.organization.name, amountFen: b.amountFen.toString(), serviceDays: b.serviceDays, submittedAt: b.submittedAt.toISOString(), ...(x.score !== undefined ? { score: x.score } : {}), ...(x.key ? { key: x.key } : {}) };
  });
  await awardInTx(tx, r, entries, now, "SELECT");
  return "AWARD_PUBLICITY";
}

/** Records the ranking, makes rank 1 the winner, opens publicity and publishes the award announcement. */
export async function awardInTx(
  tx: Tx,
  r: { id: string; title: string; code: string; status: RequestStatus; selectionMethod: string; publicityDays: number; priceCapFen: bigint; enterpriseOrgId: string; drawSeed: string | null; drawCommitment: string | null; item: { name: string } },
  entries: RankingEntry[],
  now: Date,
  event: "SELECT" | "PICK",
) {
  const winner = entries[0]!;
  for (const e of entries) {
    const current = await tx.bid.findUniqueOrThrow({ where: { id: e.bidId }, select: { status: true } });
    const to = transitionBid(current.status, e.rank === 1 ? "WIN" : "LOSE");
    await tx.bid.update({ where: { id: e.bidId }, data: { status: to, rank: e.rank, score: e.score ?? null } });
  }
  await tx.agency.update({ where: { id: winner.agencyId }, data: { awardsCount: { increment: 1 } } });
  const publicityEndsAt = new Date(now.getTime() + r.publicityDays * DAY);
  await tx.serviceRequest.update({ where: { id: r.id }, data: { status: "AWARD_PUBLICITY", awardedBidId: winner.bidId, publicityEndsAt, version: { increment: 1 } } });
  const draw = r.selectionMethod === "RANDOM_DRAW" ? { commitment: r.drawCommitment, seed: r.drawSeed, entrants: entries.map((e) => e.agencyId).sort() } : null;
  await appendAudit(tx, { aggregateType: "request", aggregateId: r.id, fromState: r.status === "AWARD_PUBLICITY" ? "AWARD_PUBLICITY" : "CLOSED", event, toState: "AWARD_PUBLICITY", actorId: null, payload: { winnerBidId: winner.bidId, ranking: entries.map((e) => ({ rank: e.rank, bidId: e.bidId, agencyId: e.agencyId })), draw } });
  await tx.announcement.create({
    data: {
      kind: "AWARD",
      title: `中选公示：${r.title}`,
      body: [
        `项目编号：${r.code}`,
        `服务事项：${r.item.name}`,
        `中选机构：${winner.agencyName}，中选价 ${formatYuan(winner.amountFen)}（最高限价 ${formatYuan(r.priceCapFen)}）`,
        `公示期至：${publicityEndsAt.toISOString()}，期间参与竞价的机构可提出异议。`,
      ].join("\n"),
      entityType: "request",
      entityId: r.id,
      data: { requestId: r.id, code: r.code, method: r.selectionMethod, priceCapFen: r.priceCapFen.toString(), publicityEndsAt: publicityEndsAt.toISOString(), ranking: entries, ...(draw ? { draw } : {}) },
    },
  });
  await notify(tx, { orgId: r.enterpriseOrgId, kind: "REQUEST_AWARDED", data: { requestId: r.id, title: r.title, agency: winner.agencyName } });
  const orgs = await tx.agency.findMany({ where: { id: { in: entries.map((e) => e.agencyId) } }, select: { id: true, organizationId: true } });
  for (const o of orgs) {
    await notify(tx, { orgId: o.organizationId, kind: o.id === winner.agencyId ? "BID_WON" : "BID_LOST", data: { requestId: r.id, title: r.title } });
  }
}

/** 流标: too few valid bids. The enterprise may re-publish the request as a new round. */
async function failInTx(tx: Tx, r: { id: string; title: string; code: string; enterpriseOrgId: string; minBidders: number }, bidIds: string[], _now: Date, validCount: number): Promise<RequestStatus> {
  for (const id of bidIds) await tx.bid.update({ where: { id }, data: { status: "LOST" } });
  await tx.serviceRequest.update({ where: { id: r.id }, data: { status: "FAILED", statusReason: `valid bids ${validCount} < minimum ${r.minBidders}`, version: { increment: 1 } } });
  await appendAudit(tx, { aggregateType: "request", aggregateId: r.id, fromState: "CLOSED", event: "SELECT", toState: "FAILED", actorId: null, payload: { validBids: validCount, minBidders: r.minBidders } });
  await tx.announcement.create({
    data: {
      kind: "FAILED",
      title: `流标公告：${r.title}`,
      body: `项目编号：${r.code}\n有效报价 ${validCount} 家，少于最低要求 ${r.minBidders} 家，本轮流标。`,
      entityType: "request",
      entityId: r.id,
      data: { requestId: r.id, validBids: validCount, minBidders: r.minBidders },
    },
  });
  await notify(tx, { orgId: r.enterpriseOrgId, kind: "REQUEST_FAILED", data: { requestId: r.id, title: r.title } });
  return "FAILED";
}

/**
 * Closes every request past its deadline. Safe to run from any number of app
 * instances at once: each request is claimed with FOR UPDATE SKIP LOCKED and
 * closed in its own transaction. Returns how many were closed.
 */
export async function closeDueRequests(db: Db, limit = 100): Promise<number> {
  let done = 0;
  while (done < limit) {
    const closed = await db.$transaction(async (tx) => {
      const now = await dbNow(tx);
      const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "ServiceRequest" WHERE status = 'OPEN' AND "closesAt" <= ${now}
        ORDER BY "closesAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (!rows[0]) return false;
      await closeRequestInTx(tx, rows[0].id, now);
      return true;
    }, { timeout: 30_000 });
    if (!closed) break;
    done++;
  }
  return done;
}
