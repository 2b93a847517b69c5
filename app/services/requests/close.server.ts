import { decide } from "~/machines/apply";
import { bidMachine, isWithinCap } from "~/machines/bid.machine";
import { requestMachine } from "~/machines/request.machine";
import type { Db, Tx } from "~/db/client.server";
import type { BidStatus, RequestStatus, SelectionMethod } from "~/generated/prisma/client";
import { formatYuan } from "~/lib/money";
import { appendAudit } from "~/services/audit/audit.server";
import { dbNow } from "~/services/clock.server";
import { notify } from "~/services/notifications/notify.server";
import {
  rankAveragePrice,
  rankLowestPrice,
  rankRandomDraw,
  rankScored,
  type RankableBid,
  type Ranked,
  type ScoringWeights,
} from "./selection";
import { formatBeijingMinute } from "~/lib/format";
import { factsData } from "~/lib/announcement-facts";

const DAY = 86_400_000;

export type RankingEntry = {
  rank: number;
  bidId: string;
  agencyId: string;
  agencyName: string;
  amountFen: string;
  serviceDays: number;
  submittedAt: string;
  score?: number;
  key?: string;
};

function transitionBid(status: string, event: "WIN" | "LOSE"): BidStatus {
  const r = decide(bidMachine, status, { type: event });
  if (!r.ok) throw new Error(`bid ${status} cannot ${event}`);
  return r.to;
}

/** A request's transition as the request machine decided it: the audit event, the state left and the state entered. */
export type RequestTransition = { event: "SELECT" | "PICK"; from: RequestStatus; to: RequestStatus };

/**
 * Closes one request whose deadline has passed and, for competitive methods,
 * selects at once. Runs inside the scheduler's transaction, which holds the
 * request row FOR UPDATE (taken with SKIP LOCKED), so with several app
 * instances each request is closed exactly once; the machine re-checks the
 * state so a repeated run is a no-op.
 */
export async function closeRequestInTx(tx: Tx, id: string, now: Date): Promise<RequestStatus | null> {
  const r = await tx.serviceRequest.findUniqueOrThrow({ where: { id }, include: { item: { select: { name: true, nameEn: true } } } });
  const close = decide(requestMachine, r.status, { type: "CLOSE", isPastDeadline: now >= r.closesAt });
  if (!close.ok) return null;

  // Freeze the entrants: the bid machine admits each submitted bid (within the
  // cap, agency still listed) or invalidates it.
  const bids = await tx.bid.findMany({
    where: { requestId: id, status: "SUBMITTED" },
    select: {
      id: true,
      agencyId: true,
      amountFen: true,
      serviceDays: true,
      submittedAt: true,
      status: true,
      agency: { select: { status: true, creditScore: true, organizationId: true, organization: { select: { name: true } } } },
    },
  });
  const valid: typeof bids = [];
  for (const b of bids) {
    const admitted = admitBid(b, r.priceCapFen);
    if (admitted.to === b.status) valid.push(b);
    else await tx.bid.update({ where: { id: b.id }, data: { status: admitted.to, invalidReason: admitted.invalidReason } });
  }
  await tx.serviceRequest.update({ where: { id }, data: { status: close.to, version: { increment: 1 } } });
  await appendAudit(tx, {
    aggregateType: "request",
    aggregateId: id,
    fromState: r.status,
    event: "CLOSE",
    toState: close.to,
    actorId: null,
    // Now that bidding is closed the sealed amounts become part of the record.
    payload: {
      entrants: valid.map((b) => ({
        bidId: b.id,
        agencyId: b.agencyId,
        amountFen: b.amountFen.toString(),
        serviceDays: b.serviceDays,
        submittedAt: b.submittedAt.toISOString(),
      })),
    },
  });

  // Enough valid bids (流标 otherwise) is the machine's SELECT guard, for every method.
  const select = decide(requestMachine, close.to, { type: "SELECT", validBids: valid.length, minBidders: r.minBidders });
  if (!select.ok) throw new Error(`request ${close.to} cannot SELECT`);
  if (select.to === "FAILED") return failInTx(tx, r, valid, { event: "SELECT", from: close.to, to: select.to }, valid.length);

  if (r.selectionMethod === "DIRECT") {
    // The enterprise picks (PICK) among the valid bids; the request waits CLOSED.
    await notify(tx, {
      orgId: r.enterpriseOrgId,
      kind: "REQUEST_CLOSED_PICK",
      data: { requestId: id, title: r.title, count: valid.length },
    });
    return close.to;
  }

  const rankable: RankableBid[] = valid.map((b) => ({
    id: b.id,
    agencyId: b.agencyId,
    amountFen: b.amountFen,
    serviceDays: b.serviceDays,
    submittedAt: b.submittedAt,
    creditScore: b.agency.creditScore,
  }));

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
    return {
      rank: x.rank,
      bidId: b.id,
      agencyId: b.agencyId,
      agencyName: b.agency.organization.name,
      amountFen: b.amountFen.toString(),
      serviceDays: b.serviceDays,
      submittedAt: b.submittedAt.toISOString(),
      ...(x.score !== undefined ? { score: x.score } : {}),
      ...(x.key ? { key: x.key } : {}),
    };
  });
  await awardInTx(tx, r, entries, now, { event: "SELECT", from: close.to, to: select.to });
  return select.to;
}

/**
 * The bid machine's ADMIT verdict for a submitted bid at closing (or at a
 * direct pick): it stays SUBMITTED, or becomes INVALIDATED with the reason
 * that failed it.
 */
export function admitBid(b: { status: string; amountFen: bigint; agency: { status: string } }, priceCapFen: bigint) {
  const facts = { amountFen: b.amountFen, priceCapFen, isAgencyListed: b.agency.status === "LISTED" };
  const verdict = decide(bidMachine, b.status, { type: "ADMIT", ...facts });
  if (!verdict.ok) throw new Error(`bid ${b.status} cannot be admitted`);
  return { to: verdict.to, invalidReason: isWithinCap(facts) ? "AGENCY_NOT_LISTED" : "ABOVE_CAP" };
}

/**
 * Records the ranking, makes rank 1 the winner, opens publicity and publishes
 * the award announcement. `transition` is the request machine's verdict the
 * caller obtained (SELECT or PICK): its target is the state written. A new
 * award starts without contract confirmations.
 */
export async function awardInTx(
  tx: Tx,
  r: {
    id: string;
    title: string;
    code: string;
    selectionMethod: SelectionMethod;
    publicityDays: number;
    priceCapFen: bigint;
    enterpriseOrgId: string;
    drawSeed: string | null;
    drawCommitment: string | null;
    item: { name: string; nameEn: string };
  },
  entries: RankingEntry[],
  now: Date,
  transition: RequestTransition,
) {
  const winner = entries[0]!;
  for (const e of entries) {
    const current = await tx.bid.findUniqueOrThrow({ where: { id: e.bidId }, select: { status: true } });
    const to = transitionBid(current.status, e.rank === 1 ? "WIN" : "LOSE");
    await tx.bid.update({ where: { id: e.bidId }, data: { status: to, rank: e.rank, score: e.score ?? null } });
  }
  await tx.agency.update({ where: { id: winner.agencyId }, data: { awardsCount: { increment: 1 } } });
  const publicityEndsAt = new Date(now.getTime() + r.publicityDays * DAY);
  await tx.serviceRequest.update({
    where: { id: r.id },
    data: {
      status: transition.to,
      awardedBidId: winner.bidId,
      publicityEndsAt,
      enterpriseConfirmedAt: null,
      agencyConfirmedAt: null,
      version: { increment: 1 },
    },
  });
  const draw =
    r.selectionMethod === "RANDOM_DRAW"
      ? { commitment: r.drawCommitment, seed: r.drawSeed, entrants: entries.map((e) => e.agencyId).sort() }
      : null;
  await appendAudit(tx, {
    aggregateType: "request",
    aggregateId: r.id,
    fromState: transition.from,
    event: transition.event,
    toState: transition.to,
    actorId: null,
    payload: { winnerBidId: winner.bidId, ranking: entries.map((e) => ({ rank: e.rank, bidId: e.bidId, agencyId: e.agencyId })), draw },
  });
  await tx.announcement.create({
    data: {
      kind: "AWARD",
      title: `中选公示：${r.title}`,
      body: [
        `项目编号：${r.code}`,
        `服务事项：${r.item.name}`,
        `中选机构：${winner.agencyName}，中选价 ${formatYuan(winner.amountFen)}（最高限价 ${formatYuan(r.priceCapFen)}）`,
        `公示期至：${formatBeijingMinute(publicityEndsAt)}（北京时间），期间参与竞价的机构可提出异议。`,
      ].join("\n"),
      entityType: "request",
      entityId: r.id,
      data: factsData(
        "AWARD",
        {
          title: r.title,
          code: r.code,
          itemName: r.item.name,
          itemNameEn: r.item.nameEn,
          method: r.selectionMethod,
          priceCapFen: r.priceCapFen.toString(),
          winnerName: winner.agencyName,
          amountFen: winner.amountFen,
          publicityEndsAt: publicityEndsAt.toISOString(),
        },
        { requestId: r.id, ranking: entries, ...(draw ? { draw } : {}) },
      ),
    },
  });
  await notify(tx, {
    orgId: r.enterpriseOrgId,
    kind: "REQUEST_AWARDED",
    data: { requestId: r.id, title: r.title, agency: winner.agencyName },
  });
  const orgs = await tx.agency.findMany({
    where: { id: { in: entries.map((e) => e.agencyId) } },
    select: { id: true, organizationId: true },
  });
  for (const o of orgs) {
    await notify(tx, {
      orgId: o.organizationId,
      kind: o.id === winner.agencyId ? "BID_WON" : "BID_LOST",
      data: { requestId: r.id, title: r.title },
    });
  }
}

/** 流标: too few valid bids (the machine's SELECT verdict). The enterprise may re-publish the request as a new round. */
async function failInTx(
  tx: Tx,
  r: { id: string; title: string; code: string; enterpriseOrgId: string; minBidders: number },
  bids: { id: string; status: string }[],
  transition: RequestTransition,
  validCount: number,
): Promise<RequestStatus> {
  for (const b of bids) await tx.bid.update({ where: { id: b.id }, data: { status: transitionBid(b.status, "LOSE") } });
  await tx.serviceRequest.update({
    where: { id: r.id },
    data: { status: transition.to, statusReason: `valid bids ${validCount} < minimum ${r.minBidders}`, version: { increment: 1 } },
  });
  await appendAudit(tx, {
    aggregateType: "request",
    aggregateId: r.id,
    fromState: transition.from,
    event: transition.event,
    toState: transition.to,
    actorId: null,
    payload: { validBids: validCount, minBidders: r.minBidders },
  });
  await tx.announcement.create({
    data: {
      kind: "FAILED",
      title: `流标公告：${r.title}`,
      body: `项目编号：${r.code}\n有效报价 ${validCount} 家，少于最低要求 ${r.minBidders} 家，本轮流标。`,
      entityType: "request",
      entityId: r.id,
      data: factsData(
        "FAILED",
        { title: r.title, code: r.code, reason: "TOO_FEW_BIDS", validBids: validCount, minBidders: r.minBidders },
        { requestId: r.id },
      ),
    },
  });
  await notify(tx, { orgId: r.enterpriseOrgId, kind: "REQUEST_FAILED", data: { requestId: r.id, title: r.title } });
  return transition.to;
}

/**
 * Closes every request past its deadline. Safe to run from any number of app
 * instances at once: each request is claimed with FOR UPDATE SKIP LOCKED and
 * closed in its own transaction. Returns how many were closed.
 */
export async function closeDueRequests(db: Db, limit = 100): Promise<number> {
  let done = 0;
  while (done < limit) {
    const closed = await db.$transaction(
      async (tx) => {
        const now = await dbNow(tx);
        const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "ServiceRequest" WHERE status = 'OPEN' AND "closesAt" <= ${now}
        ORDER BY "closesAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
        if (!rows[0]) return false;
        await closeRequestInTx(tx, rows[0].id, now);
        return true;
      },
      { timeout: 30_000 },
    );
    if (!closed) break;
    done++;
  }
  return done;
}
