import type { Db } from "~/db/client.server";
import { Prisma, type RequestStatus, type SelectionMethod } from "~/generated/prisma/client";
import { announcementFacts } from "~/lib/announcement-facts";
import type { SessionUser } from "~/lib/session.server";
import { eligibilityFor, ownBid } from "./bids.server";
import { drawKey, verifyDraw } from "./selection";
import { dbNow } from "~/services/clock.server";
import { isOverdue } from "./overdue";
import { isUnpublishedState } from "./enums";

/**
 * What the request pages may show to whom. Principle 5 (sealed bids) lives
 * here: before a request has closed, nothing that leaves this module carries
 * another agency's amount, service days or proposal — not even a per-bid row,
 * only a count. The bidding agency gets its own bid (via ownBid).
 *
 * Money leaves as fen strings (BigInt-free loader data); the UI formats yuan.
 */

/** States in which the bids have been opened (the closing transaction froze them). */
const UNSEALED: ReadonlySet<RequestStatus> = new Set([
  "CLOSED",
  "AWARD_PUBLICITY",
  "CONTRACTED",
  "IN_SERVICE",
  "DELIVERED",
  "COMPLETED",
  "FAILED",
]);

/**
 * CANCELLED is deliberately not here: a request can only be cancelled before
 * closing, so its bids were never opened and stay sealed for good. An OPEN
 * request whose deadline has passed stays sealed until the scheduler closes it.
 */
export function bidsUnsealed(status: RequestStatus): boolean {
  return UNSEALED.has(status);
}

// ───────────────────────── list ─────────────────────────

export const PAGE_SIZE = 20;

export type RequestListQuery = {
  status?: RequestStatus;
  item?: string;
  method?: SelectionMethod;
  q?: string;
  mine?: boolean;
  page?: number;
};

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Public list: every request but drafts, OPEN first (closing soonest first),
 * then the rest (latest closing first). `mine` narrows to the enterprise's
 * own requests, drafts included, or to the requests an agency has bid on.
 * For OPEN requests only the number of active bids is returned.
 */
export async function listRequests(db: Db, user: SessionUser | null, query: RequestListQuery, pageSize = PAGE_SIZE) {
  const conds: Prisma.Sql[] = [];
  const mineEnterprise = query.mine && user?.role === "ENTERPRISE" && user.organizationId;
  const mineAgency = query.mine && user?.role === "AGENCY" && user.organizationId;
  if (mineEnterprise) conds.push(Prisma.sql`r."enterpriseOrgId" = ${user.organizationId}`);
  else conds.push(Prisma.sql`r.status::text NOT IN ('DRAFT', 'FAIRNESS_REVIEW')`);
  if (mineAgency) {
    conds.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Bid" b JOIN "Agency" a ON a.id = b."agencyId" WHERE b."requestId" = r.id AND a."organizationId" = ${user.organizationId})`,
    );
  }
  if (query.status) conds.push(Prisma.sql`r.status::text = ${query.status}`);
  if (query.method) conds.push(Prisma.sql`r."selectionMethod"::text = ${query.method}`);
  if (query.item) conds.push(Prisma.sql`r."itemId" IN (SELECT id FROM "CatalogueItem" WHERE code = ${query.item})`);
  // Every space-separated term must match (AND): the title, the code, or the item's name or one of its short names (环评).
  for (const term of (query.q ?? "")
    .trim()
    .split(/[\s\u3000]+/)
    .filter(Boolean)
    .slice(0, 5)) {
    const like = `%${likeEscape(term)}%`;
    conds.push(
      Prisma.sql`(r.title ILIKE ${like} OR r.code ILIKE ${like} OR r."itemId" IN (SELECT id FROM "CatalogueItem" WHERE name ILIKE ${like} OR ${term} = ANY(aliases)))`,
    );
  }

  const where = Prisma.join(conds, " AND ");
  const page = Math.max(1, query.page ?? 1);
  const [ids, counted] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`
      SELECT r.id FROM "ServiceRequest" r WHERE ${where}
      ORDER BY CASE WHEN r.status::text = 'OPEN' THEN 0 ELSE 1 END,
               CASE WHEN r.status::text = 'OPEN' THEN r."closesAt" END ASC,
               r."closesAt" DESC, r.id DESC
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "ServiceRequest" r WHERE ${where}`,
  ]);
  const total = Number(counted[0]?.n ?? 0);
  const rows = ids.length
    ? await db.serviceRequest.findMany({
        where: { id: { in: ids.map((r) => r.id) } },
        select: {
          id: true,
          code: true,
          title: true,
          status: true,
          selectionMethod: true,
          fundingSource: true,
          priceCapFen: true,
          closesAt: true,
          dueAt: true,
          item: { select: { code: true, name: true, nameEn: true } },
        },
      })
    : [];
  // Overdue service is flagged against the database clock, at read time.
  const now = await dbNow(db);
  const openIds = rows.filter((r) => r.status === "OPEN").map((r) => r.id);
  const counts = openIds.length
    ? await db.bid.groupBy({ by: ["requestId"], where: { requestId: { in: openIds }, status: "SUBMITTED" }, _count: { _all: true } })
    : [];
  const countOf = new Map(counts.map((c) => [c.requestId, c._count._all]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const requests = ids
    .map(({ id }) => byId.get(id))
    .filter((r): r is NonNullable<typeof r> => Boolean(r))
    .map(({ priceCapFen, dueAt, ...r }) => ({
      ...r,
      priceCapFen: priceCapFen.toString(),
      overdue: isOverdue({ status: r.status, dueAt }, now),
      // The number of bids, never their amounts; only while bidding is open.
      bidCount: r.status === "OPEN" ? (countOf.get(r.id) ?? 0) : null,
    }));
  return { requests, total, page, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

// ───────────────────────── award announcement ─────────────────────────

export type PublicRankingEntry = {
  rank: number;
  agencyId: string;
  agencyName: string;
  amountFen: string;
  serviceDays: number;
  score: number | null;
  key: string | null;
};
export type PublicDraw = {
  commitment: string;
  seed: string;
  entrants: string[];
  keys: { agencyId: string; key: string }[];
  ok: boolean;
  problems: string[];
};
export type AwardView = {
  ranking: PublicRankingEntry[];
  draw: PublicDraw | null;
  publicityEndsAt: string | null;
  priceCapFen: string | null;
  requestId: string | null;
};

/** verifyDraw's findings as i18n keys. */
const problemKey = (p: string) => (p.includes("commitment") ? "requests.draw.problemCommitment" : "requests.draw.problemRanking");

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

/**
 * Reads an AWARD announcement's data (written by awardInTx once bidding has
 * closed) into a typed view, and for a random draw re-verifies it on the server.
 */
export function awardView(data: unknown): AwardView {
  const d = (data && typeof data === "object" ? data : {}) as Record<string, unknown>;
  const ranking: PublicRankingEntry[] = (Array.isArray(d.ranking) ? d.ranking : [])
    .filter((e): e is Record<string, unknown> => Boolean(e) && typeof e === "object")
    .map((e) => ({
      rank: Number(e.rank),
      agencyId: str(e.agencyId) ?? "",
      agencyName: str(e.agencyName) ?? "",
      amountFen: str(e.amountFen) ?? (typeof e.amountFen === "number" ? String(e.amountFen) : "0"),
      serviceDays: Number(e.serviceDays ?? 0),
      score: typeof e.score === "number" ? e.score : null,
      key: str(e.key),
    }))
    .sort((a, b) => a.rank - b.rank);
  const raw = d.draw && typeof d.draw === "object" ? (d.draw as Record<string, unknown>) : null;
  let draw: PublicDraw | null = null;
  if (raw && str(raw.seed) && str(raw.commitment)) {
    const entrants = Array.isArray(raw.entrants) ? raw.entrants.filter((x): x is string => typeof x === "string") : [];
    const seed = str(raw.seed)!;
    const result = verifyDraw({ commitment: str(raw.commitment)!, seed, entrants, ranking: ranking.map((r) => r.agencyId) });
    draw = {
      commitment: str(raw.commitment)!,
      seed,
      entrants,
      keys: entrants.map((agencyId) => ({ agencyId, key: drawKey(seed, agencyId) })),
      ok: result.ok,
      problems: result.problems.map(problemKey),
    };
  }
  return { ranking, draw, publicityEndsAt: str(d.publicityEndsAt), priceCapFen: str(d.priceCapFen), requestId: str(d.requestId) };
}

// ───────────────────────── request page ─────────────────────────

const qualificationList = (v: unknown) =>
  (Array.isArray(v) ? v : [])
    .filter(
      (q): q is { type: string; level?: string } =>
        Boolean(q) && typeof q === "object" && typeof (q as { type?: unknown }).type === "string",
    )
    .map((q) => ({ type: q.type, level: q.level ?? "" }));

const weightsOf = (v: unknown) => {
  if (!v || typeof v !== "object") return null;
  const w = v as Record<string, unknown>;
  return { price: Number(w.price ?? 0), credit: Number(w.credit ?? 0), serviceDays: Number(w.serviceDays ?? 0) };
};

/**
 * Everything the request page shows, shaped for the viewer. Returns null when
 * the viewer may not see the request at all (a draft of someone else).
 */
export async function requestPageData(db: Db, user: SessionUser | null, id: string) {
  const r = await db.serviceRequest.findUnique({
    where: { id },
    // An explicit select: the draw seed and frozen entrants are read only from the published award announcement.
    select: {
      id: true,
      code: true,
      title: true,
      description: true,
      status: true,
      statusReason: true,
      fundingSource: true,
      priceMode: true,
      basePriceFen: true,
      discountRateBp: true,
      priceCapFen: true,
      selectionMethod: true,
      scoringWeights: true,
      qualificationReqs: true,
      minBidders: true,
      serviceDays: true,
      publicityDays: true,
      opensAt: true,
      closesAt: true,
      publicityEndsAt: true,
      round: true,
      drawCommitment: true,
      itemId: true,
      enterpriseOrgId: true,
      createdAt: true,
      item: { select: { code: true, name: true, nameEn: true, status: true } },
      enterprise: { select: { name: true, kind: true } },
      _count: { select: { avoidances: true } },
    },
  });
  if (!r) return null;
  const isOwner = user?.role === "ENTERPRISE" && !!user.organizationId && user.organizationId === r.enterpriseOrgId;
  // Unpublished requests: only the owner, and the regulator reviewing a held one.
  if (isUnpublishedState(r.status) && !isOwner && !(r.status === "FAIRNESS_REVIEW" && user?.role === "REGULATOR")) return null;
  const unsealed = bidsUnsealed(r.status);
  // Proposals are business documents: after closing, only the owner and the regulator read them.
  const seesProposals = unsealed && (isOwner || user?.role === "REGULATOR");

  const [bidCount, bids, mine, eligibility, avoidances, announcements] = await Promise.all([
    r.status === "OPEN" ? db.bid.count({ where: { requestId: id, status: "SUBMITTED" } }) : Promise.resolve(null),
    unsealed
      ? db.bid.findMany({
          where: { requestId: id, status: { not: "WITHDRAWN" } },
          orderBy: [{ rank: { sort: "asc", nulls: "last" } }, { amountFen: "asc" }, { submittedAt: "asc" }, { id: "asc" }],
          select: {
            id: true,
            agencyId: true,
            amountFen: true,
            serviceDays: true,
            status: true,
            rank: true,
            score: true,
            invalidReason: true,
            submittedAt: true,
            proposal: seesProposals,
            agency: { select: { organization: { select: { name: true } } } },
          },
        })
      : Promise.resolve([]),
    user ? ownBid(db, user, id) : Promise.resolve(null),
    user && r.status === "OPEN"
      ? eligibilityFor(db, user, { id: r.id, itemId: r.itemId, qualificationReqs: r.qualificationReqs })
      : Promise.resolve(null),
    // 回避 list: the public sees only how many agencies are excluded (names and reasons may be sensitive); the owner sees its own list.
    isOwner ? db.requestAvoidance.findMany({ where: { requestId: id }, select: { reason: true, agencyId: true } }) : Promise.resolve(null),
    db.announcement.findMany({
      where: { entityType: "request", entityId: id },
      orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, title: true, publishedAt: true, data: true },
    }),
  ]);

  const avoidanceNames = avoidances?.length
    ? new Map(
        (
          await db.agency.findMany({
            where: { id: { in: avoidances.map((a) => a.agencyId) } },
            select: { id: true, organization: { select: { name: true, creditCode: true } } },
          })
        ).map((a) => [a.id, a.organization]),
      )
    : new Map<string, { name: string; creditCode: string | null }>();

  // The award announcement is published by the closing transaction, so it is public whenever it exists.
  const awards = announcements.filter((a) => a.kind === "AWARD");
  const latestAward = awards.at(-1);
  const drawAward = awards.find((a) => awardView(a.data).draw);
  const award = latestAward ? { announcementId: latestAward.id, ...awardView(latestAward.data) } : null;
  const draw = drawAward ? { announcementId: drawAward.id, ...awardView(drawAward.data).draw! } : null;

  const failedData = announcements.filter((a) => a.kind === "FAILED").at(-1)?.data as
    | { validBids?: unknown; minBidders?: unknown }
    | undefined;
  const failure =
    r.status === "FAILED" && typeof failedData?.validBids === "number" && typeof failedData.minBidders === "number"
      ? { validBids: failedData.validBids, minBidders: failedData.minBidders }
      : null;

  return {
    failure,
    request: {
      id: r.id,
      code: r.code,
      title: r.title,
      description: r.description,
      status: r.status,
      // The enterprise's own words for a cancellation; a failed round is explained from its announcement (below).
      statusReason: r.status === "CANCELLED" ? r.statusReason : null,
      fundingSource: r.fundingSource,
      priceMode: r.priceMode,
      basePriceFen: r.basePriceFen?.toString() ?? null,
      discountRateBp: r.discountRateBp,
      priceCapFen: r.priceCapFen.toString(),
      selectionMethod: r.selectionMethod,
      scoringWeights: weightsOf(r.scoringWeights),
      qualificationReqs: qualificationList(r.qualificationReqs),
      minBidders: r.minBidders,
      serviceDays: r.serviceDays,
      publicityDays: r.publicityDays,
      opensAt: r.opensAt,
      closesAt: r.closesAt,
      publicityEndsAt: r.publicityEndsAt,
      round: r.round,
      // The commitment is published at opening; the seed only in the award announcement.
      drawCommitment: isUnpublishedState(r.status) ? null : r.drawCommitment,
      createdAt: r.createdAt,
      item: r.item,
      enterpriseName: r.enterprise.name,
      avoidanceCount: r._count.avoidances,
    },
    viewer: {
      role: user?.role ?? null,
      isOwner,
      loggedIn: !!user,
    },
    unsealed,
    bidCount,
    bids: bids.map((b) => ({
      id: b.id,
      agencyId: b.agencyId,
      agencyName: b.agency.organization.name,
      amountFen: b.amountFen.toString(),
      serviceDays: b.serviceDays,
      status: b.status,
      rank: b.rank,
      score: b.score,
      invalidReason: b.invalidReason,
      submittedAt: b.submittedAt,
      proposal: seesProposals ? ((b as { proposal?: string }).proposal ?? null) : null,
    })),
    ownBid: mine
      ? {
          amountFen: mine.amountFen.toString(),
          serviceDays: mine.serviceDays,
          proposal: mine.proposal,
          status: mine.status,
          revision: mine.revision,
          submittedAt: mine.submittedAt,
          rank: mine.rank,
          invalidReason: mine.invalidReason,
        }
      : null,
    eligibility,
    avoidances:
      avoidances?.map((a) => ({
        reason: a.reason,
        name: avoidanceNames.get(a.agencyId)?.name ?? a.agencyId,
        creditCode: avoidanceNames.get(a.agencyId)?.creditCode ?? null,
      })) ?? null,
    announcements: announcements.map(({ data, ...a }) => ({ ...a, facts: announcementFacts(a.kind, data) })),
    award,
    draw,
  };
}

export type RequestPageData = NonNullable<Awaited<ReturnType<typeof requestPageData>>>;
