import type { Db } from "~/db/client.server";
import type { Prisma, SanctionKind } from "~/generated/prisma/client";
import { normalizeCreditCode } from "~/lib/credit-code";
import { queryGrams } from "~/lib/ngrams";

/**
 * Public credit disclosure (信用公示): every sanction and blacklist entry, active
 * or past, as the regulator's published decision states it. Read by /credit and
 * /credit.json (docs/open-data.md).
 *
 * Only what a published decision contains leaves this module: the agency's
 * public identity, kind, reason, legal basis, evidence summary, authority,
 * dates, the revocation on appeal and the case code. Never the complainant,
 * the case's uploaded evidence documents, the deciding official or any user.
 * The select below is the whitelist; nothing else is read.
 */

export {
  DISCLOSURE_PAGE_SIZE,
  DISCLOSURE_STATES,
  OPEN_DATA_MAX_PAGE_SIZE,
  OPEN_DATA_PAGE_SIZE,
  SANCTION_KINDS,
  type DisclosureState,
} from "./disclosure";
import { DISCLOSURE_STATES, SANCTION_KINDS, type DisclosureState } from "./disclosure";
import { practitionerSanctionRecord, searchPractitionerSanctions } from "~/services/practitioners/queries.server";
import { inForceWhere } from "./blacklist.server";

const MAX_PAGE = 10_000;

export type DisclosureQuery = {
  q?: string;
  kind?: SanctionKind;
  state?: DisclosureState;
  page: number;
  pageSize: number;
};

const CREDIT_CODE_FRAGMENT = /^[0-9A-HJ-NP-RTUW-Y]{6,18}$/;

function intParam(raw: string | null, fallback: number, min: number, max: number): number {
  if (raw === null || raw.trim() === "") return fallback;
  const n = Number.parseInt(raw, 10);
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, n));
}

/**
 * Query parameters as anyone may type them: unknown kinds or states are
 * ignored, page and pageSize are clamped, an over-long search is ignored.
 * Never throws. `kind`/`state` are case-insensitive.
 */
export function parseDisclosureQuery(params: URLSearchParams, opts: { defaultPageSize: number; maxPageSize: number }): DisclosureQuery {
  const q = params.get("q")?.trim();
  const kind = params.get("kind")?.trim().toUpperCase();
  const state = params.get("state")?.trim().toLowerCase();
  return {
    q: q && q.length <= 100 ? q : undefined,
    kind: (SANCTION_KINDS as readonly string[]).includes(kind ?? "") ? (kind as SanctionKind) : undefined,
    state: (DISCLOSURE_STATES as readonly string[]).includes(state ?? "") ? (state as DisclosureState) : undefined,
    page: intParam(params.get("page"), 1, 1, MAX_PAGE),
    pageSize: intParam(params.get("pageSize"), opts.defaultPageSize, 1, opts.maxPageSize),
  };
}

/** The state filter as a condition on the row, evaluated against `now` (the database clock). */
export function stateWhere(state: DisclosureState, now: Date): Prisma.SanctionWhereInput {
  switch (state) {
    case "revoked":
      return { revokedAt: { not: null } };
    case "pending":
      return { revokedAt: null, startsAt: { gt: now } };
    case "expired":
      return { revokedAt: null, endsAt: { lte: now } };
    case "active":
      return inForceWhere(now);
  }
}

export function stateOf(s: { startsAt: Date; endsAt: Date | null; revokedAt: Date | null }, now: Date): DisclosureState {
  if (s.revokedAt) return "revoked";
  if (s.startsAt > now) return "pending";
  if (s.endsAt && s.endsAt <= now) return "expired";
  return "active";
}

function searchWhere(q: string): Prisma.SanctionWhereInput {
  const code = normalizeCreditCode(q);
  if (CREDIT_CODE_FRAGMENT.test(code)) {
    // Whole code or its beginning, as a btree range (docs/decisions/007-chinese-search.md).
    return {
      agency: { organization: code.length === 18 ? { creditCode: code } : { creditCode: { gte: code, lt: `${code}Z`, startsWith: code } } },
    };
  }
  // Chinese name fragment: gram index for candidates, then a substring recheck.
  return { agency: { organization: { nameGrams: { hasEvery: queryGrams(q) }, name: { contains: q, mode: "insensitive" } } } };
}

export function disclosureWhere(query: Pick<DisclosureQuery, "q" | "kind" | "state">, now: Date): Prisma.SanctionWhereInput {
  const and: Prisma.SanctionWhereInput[] = [];
  if (query.q) and.push(searchWhere(query.q));
  if (query.kind) and.push({ kind: query.kind });
  if (query.state) and.push(stateWhere(query.state, now));
  return { AND: and };
}

/** Agencies whose profile page is public (same rule as agencyProfile in directory.server.ts). */
const PUBLIC_PROFILE = new Set(["LISTED", "SUSPENDED", "REMOVED", "EXITED"]);

// The whitelist of what is published. Do not add case fields beyond `code`.
const publicSelect = {
  id: true,
  kind: true,
  reason: true,
  legalBasis: true,
  evidence: true,
  authority: true,
  startsAt: true,
  endsAt: true,
  revokedAt: true,
  revokedReason: true,
  createdAt: true,
  agency: { select: { id: true, status: true, organization: { select: { name: true, creditCode: true } } } },
  case: { select: { code: true } },
} satisfies Prisma.SanctionSelect;

type Row = Prisma.SanctionGetPayload<{ select: typeof publicSelect }>;

export type DisclosureEntry = {
  id: string;
  kind: SanctionKind;
  state: DisclosureState;
  agency: { id: string; name: string; creditCode: string | null; profilePublic: boolean };
  reason: string;
  legalBasis: string;
  evidence: string;
  authority: string;
  startsAt: Date;
  endsAt: Date | null;
  revokedAt: Date | null;
  revokedReason: string | null;
  caseCode: string | null;
  publishedAt: Date;
};

function toEntry(row: Row, now: Date): DisclosureEntry {
  return {
    id: row.id,
    kind: row.kind,
    state: stateOf(row, now),
    agency: {
      id: row.agency.id,
      name: row.agency.organization.name,
      creditCode: row.agency.organization.creditCode,
      profilePublic: PUBLIC_PROFILE.has(row.agency.status),
    },
    reason: row.reason,
    legalBasis: row.legalBasis,
    evidence: row.evidence,
    authority: row.authority,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    revokedAt: row.revokedAt,
    revokedReason: row.revokedReason,
    caseCode: row.case?.code ?? null,
    publishedAt: row.createdAt,
  };
}

const newestFirst: Prisma.SanctionOrderByWithRelationInput[] = [{ startsAt: "desc" }, { id: "desc" }];

/** One page of the disclosure, newest first, with the exact total. `now` is dbNow(). */
export async function searchDisclosures(db: Db, query: DisclosureQuery, now: Date) {
  const where = disclosureWhere(query, now);
  const [rows, total] = await Promise.all([
    db.sanction.findMany({
      where,
      orderBy: newestFirst,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: publicSelect,
    }),
    db.sanction.count({ where }),
  ]);
  return {
    entries: rows.map((r) => toEntry(r, now)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    pages: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}

/** 严重失信名单: blacklist entries in force at `now`, newest first (at most `limit`), and how many there are. */
export async function blacklistInForceList(db: Db, now: Date, limit = 10) {
  const where: Prisma.SanctionWhereInput = { kind: "BLACKLIST", ...stateWhere("active", now) };
  const [rows, total] = await Promise.all([
    db.sanction.findMany({ where, orderBy: newestFirst, take: limit, select: publicSelect }),
    db.sanction.count({ where }),
  ]);
  return { entries: rows.map((r) => toEntry(r, now)), total };
}

export const OPEN_DATA_SCHEMA_VERSION = "1.1";
export const OPEN_DATA_LICENSE = { id: "CC-BY-4.0", url: "https://creativecommons.org/licenses/by/4.0/" } as const;

/** One entry as open data: English camelCase names, ISO 8601 UTC timestamps, absolute URLs (docs/open-data.md). */
export function openDataRecord(e: DisclosureEntry, origin: string) {
  return {
    id: e.id,
    kind: e.kind,
    state: e.state,
    agency: {
      id: e.agency.id,
      name: e.agency.name,
      creditCode: e.agency.creditCode,
      profileUrl: e.agency.profilePublic ? `${origin}/agencies/${e.agency.id}` : null,
    },
    reason: e.reason,
    legalBasis: e.legalBasis,
    evidence: e.evidence,
    authority: e.authority,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt?.toISOString() ?? null,
    revokedAt: e.revokedAt?.toISOString() ?? null,
    revokedReason: e.revokedReason,
    caseCode: e.caseCode,
    publishedAt: e.publishedAt.toISOString(),
  };
}

/** The whole /credit.json document for one query. */
export async function openDataDocument(db: Db, query: DisclosureQuery, now: Date, origin: string) {
  const [result, practitioners] = await Promise.all([searchDisclosures(db, query, now), searchPractitionerSanctions(db, query, now)]);
  return {
    schemaVersion: OPEN_DATA_SCHEMA_VERSION,
    source: { name: "中介超市 · 信用公示", url: `${origin}/credit`, documentation: `${origin}/credit#open-data` },
    license: OPEN_DATA_LICENSE,
    generatedAt: now.toISOString(),
    query: { q: query.q ?? null, kind: query.kind ?? null, state: query.state ?? null },
    page: result.page,
    pageSize: result.pageSize,
    total: result.total,
    pages: result.pages,
    items: result.entries.map((e) => openDataRecord(e, origin)),
    // Sanctions on practitioners (decisions 035, 040): the same filters and page, paged on their own.
    practitionerSanctions: {
      total: practitioners.total,
      pages: practitioners.pages,
      items: practitioners.entries.map((e) => practitionerSanctionRecord(e, origin)),
    },
  };
}
