import type { Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { CREDIT_FORMULA_VERSION, type CreditBreakdown } from "~/services/credit/score";
import { ratingAverage } from "./ratings.server";

/**
 * Read models of ratings (public, Principle 6) and of an agency's credit
 * score, for the request page's rating panel and the public agency profile.
 * Everything here is public except a hidden text's original wording, which
 * only regulators receive (it stays in the row for appeals and the record).
 */

export type PublicRating = {
  id: string;
  requestId: string;
  requestCode: string;
  requestTitle: string;
  scores: { quality: number; timeliness: number; attitude: number; fee: number; standards: number };
  average: number;
  /** null when a regulator hid it: `hidden` then carries the published reason. */
  text: string | null;
  hidden: { reason: string; at: string } | null;
  /** Regulators only: the hidden wording. */
  hiddenOriginal: string | null;
  reply: string | null;
  repliedAt: string | null;
  createdAt: string;
};

export type RatingPanelData = {
  requestId: string;
  agency: { id: string; name: string } | null;
  rating: PublicRating | null;
  can: { rate: boolean; reply: boolean; hide: boolean };
};

type RatingRow = {
  id: string;
  requestId: string;
  quality: number;
  timeliness: number;
  attitude: number;
  feeCompliance: number;
  standards: number;
  text: string;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  reply: string | null;
  repliedAt: Date | null;
  createdAt: Date;
  request: { code: string; title: string };
};

const ratingSelect = {
  id: true,
  requestId: true,
  quality: true,
  timeliness: true,
  attitude: true,
  feeCompliance: true,
  standards: true,
  text: true,
  hiddenAt: true,
  hiddenReason: true,
  reply: true,
  repliedAt: true,
  createdAt: true,
  request: { select: { code: true, title: true } },
} as const;

export function publicRating(r: RatingRow, viewer: SessionUser | null): PublicRating {
  const hidden = r.hiddenAt !== null;
  return {
    id: r.id,
    requestId: r.requestId,
    requestCode: r.request.code,
    requestTitle: r.request.title,
    scores: { quality: r.quality, timeliness: r.timeliness, attitude: r.attitude, fee: r.feeCompliance, standards: r.standards },
    average: Math.round(ratingAverage(r) * 10) / 10,
    text: hidden ? null : r.text,
    hidden: hidden ? { reason: r.hiddenReason ?? "", at: r.hiddenAt!.toISOString() } : null,
    hiddenOriginal: hidden && viewer?.role === "REGULATOR" ? r.text : null,
    reply: r.reply,
    repliedAt: r.repliedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

/**
 * The rating panel of a request page, shaped for the viewer: null until the
 * request is COMPLETED (nothing to rate or show before). The owner may rate
 * until it has; the awarded agency may reply until it has; a regulator may
 * hide the text until it is hidden.
 */
export async function ratingPanelData(db: Db, user: SessionUser | null, requestId: string): Promise<RatingPanelData | null> {
  const r = await db.serviceRequest.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      status: true,
      enterpriseOrgId: true,
      awardedBidId: true,
      rating: { select: ratingSelect },
    },
  });
  if (!r || r.status !== "COMPLETED") return null;
  const bid = r.awardedBidId
    ? await db.bid.findUnique({
        where: { id: r.awardedBidId },
        select: { agencyId: true, agency: { select: { organizationId: true, organization: { select: { name: true } } } } },
      })
    : null;
  const agency = bid ? { id: bid.agencyId, name: bid.agency.organization.name } : null;
  const rating = r.rating ? publicRating(r.rating, user) : null;
  const isOwner = user?.role === "ENTERPRISE" && !!user.organizationId && user.organizationId === r.enterpriseOrgId;
  const isAgency = user?.role === "AGENCY" && !!user.organizationId && user.organizationId === bid?.agency.organizationId;
  return {
    requestId,
    agency,
    rating,
    can: {
      rate: isOwner && !!agency && !rating,
      reply: isAgency && !!rating && rating.reply === null,
      hide: user?.role === "REGULATOR" && !!rating && rating.hidden === null,
    },
  };
}

export const RATINGS_PAGE_SIZE = 10;

export type DimensionAverages = {
  quality: number;
  timeliness: number;
  attitude: number;
  fee: number;
  standards: number;
  overall: number;
} | null;

/** An agency's ratings, newest first, one page, with the per-dimension averages over all of them. */
export async function agencyRatings(db: Db, agencyId: string, pageInput: number, viewer: SessionUser | null = null) {
  const agg = await db.rating.aggregate({
    where: { agencyId },
    _count: { _all: true },
    _avg: { quality: true, timeliness: true, attitude: true, feeCompliance: true, standards: true },
  });
  const total = agg._count._all;
  const pages = Math.max(1, Math.ceil(total / RATINGS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Number.isFinite(pageInput) ? Math.floor(pageInput) : 1), pages);
  const rows = total
    ? await db.rating.findMany({
        where: { agencyId },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: (page - 1) * RATINGS_PAGE_SIZE,
        take: RATINGS_PAGE_SIZE,
        select: ratingSelect,
      })
    : [];
  const r1 = (n: number | null) => Math.round((n ?? 0) * 10) / 10;
  const a = agg._avg;
  const averages: DimensionAverages = total
    ? {
        quality: r1(a.quality),
        timeliness: r1(a.timeliness),
        attitude: r1(a.attitude),
        fee: r1(a.feeCompliance),
        standards: r1(a.standards),
        overall: r1(((a.quality ?? 0) + (a.timeliness ?? 0) + (a.attitude ?? 0) + (a.feeCompliance ?? 0) + (a.standards ?? 0)) / 5),
      }
    : null;
  return { items: rows.map((r) => publicRating(r, viewer)), total, page, pages, averages };
}

export type PublicSanction = {
  id: string;
  kind: "WARNING" | "CREDIT_DEDUCTION" | "SUSPENSION" | "REMOVAL" | "BLACKLIST";
  reason: string;
  legalBasis: string;
  authority: string;
  startsAt: string;
  endsAt: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
  creditDeduction: number | null;
  caseCode: string | null;
  /** In force at read time (not revoked, started, not ended). */
  inForce: boolean;
  state: "inForce" | "ended" | "notStarted" | "revoked";
};

/** Every sanction of an agency, in force or past, revoked ones included and marked (信用公示). */
export async function agencySanctions(db: Db, agencyId: string, now: Date): Promise<PublicSanction[]> {
  const rows = await db.sanction.findMany({
    where: { agencyId },
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      kind: true,
      reason: true,
      legalBasis: true,
      authority: true,
      startsAt: true,
      endsAt: true,
      revokedAt: true,
      revokedReason: true,
      case: { select: { code: true, creditDeduction: true } },
    },
  });
  return rows.map((s) => ({
    id: s.id,
    kind: s.kind,
    reason: s.reason,
    legalBasis: s.legalBasis,
    authority: s.authority,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt?.toISOString() ?? null,
    revokedAt: s.revokedAt?.toISOString() ?? null,
    revokedReason: s.revokedReason,
    creditDeduction: s.kind === "CREDIT_DEDUCTION" ? (s.case?.creditDeduction ?? null) : null,
    caseCode: s.case?.code ?? null,
    inForce: s.revokedAt === null && s.startsAt <= now && (s.endsAt === null || s.endsAt > now),
    state: s.revokedAt !== null ? "revoked" : s.startsAt > now ? "notStarted" : s.endsAt !== null && s.endsAt <= now ? "ended" : "inForce",
  }));
}

export type CreditView = {
  score: number;
  /** null until the first event that changes an input (the registration default is shown). */
  breakdown: Omit<CreditBreakdown, "version"> | null;
  /** A removal or blacklist entry was in force when it was computed: the total is 0 whatever the components. */
  zeroed: boolean;
  version: string | null;
  currentVersion: string;
  updatedAt: string | null;
};

/** The stored score with the breakdown and formula version it was computed with. */
export function creditView(a: {
  creditScore: number;
  creditBreakdown: unknown;
  creditVersion: string | null;
  creditUpdatedAt: Date | null;
}): CreditView {
  const b = a.creditBreakdown as Partial<CreditBreakdown> | null;
  const ok =
    !!b &&
    typeof b === "object" &&
    ["base", "ratings", "delivery", "objections", "sanctions", "total"].every((k) => typeof (b as Record<string, unknown>)[k] === "number");
  // Scores computed with 1.0 have no inspections component: 0.
  const inspections = ok && typeof b!.inspections === "number" ? b!.inspections : 0;
  const sum = ok ? b!.base! + b!.ratings! + b!.delivery! + b!.objections! + b!.sanctions! + inspections : 0;
  return {
    score: a.creditScore,
    zeroed: ok && b!.total === 0 && Math.round(sum) > 0,
    breakdown: ok
      ? {
          base: b!.base!,
          ratings: b!.ratings!,
          delivery: b!.delivery!,
          objections: b!.objections!,
          sanctions: b!.sanctions!,
          inspections,
          total: b!.total!,
        }
      : null,
    version: a.creditVersion,
    currentVersion: CREDIT_FORMULA_VERSION,
    updatedAt: a.creditUpdatedAt?.toISOString() ?? null,
  };
}
