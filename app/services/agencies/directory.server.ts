import type { Db } from "~/db/client.server";
import { dbNow } from "~/services/clock.server";
import { Prisma } from "~/generated/prisma/client";
import { normalizeCreditCode } from "~/lib/credit-code";
import { queryGrams } from "~/lib/ngrams";
import type { SessionUser } from "~/lib/session.server";
import { countingCredential, countingCredentialSql } from "~/services/agencies/credential-review.server";
import { agencyRatings, agencySanctions, creditView } from "~/services/ratings/view.server";
import { credentialTypesInUse } from "~/services/agencies/credential-types.server";

export const DIRECTORY_PAGE_SIZE = 20;

export type DirectoryQuery = {
  q?: string;
  item?: string; // catalogue item code
  itemId?: string; // resolved from `item` by searchDirectory, so the planner sees a constant
  credentialType?: string;
  level?: string;
  minRating?: number;
  minCredit?: number;
  sort?: "credit" | "rating" | "awards";
  page?: number;
};

const CREDIT_CODE_FRAGMENT = /^[0-9A-HJ-NP-RTUW-Y]{6,18}$/;

/**
 * The public directory: LISTED agencies only, with no limit on how many.
 * Region is returned for display but is never a filter (no area restrictions,
 * docs/decisions/006-no-region-filter.md). Credentials count only while
 * unexpired, evaluated against the clock at read time, not by a nightly job,
 * and only once a regulator verified them (decision 015).
 */
export function directoryWhere(query: DirectoryQuery, now: Date): Prisma.AgencyWhereInput {
  const and: Prisma.AgencyWhereInput[] = [{ status: "LISTED" }];
  const q = query.q?.trim();
  if (q) {
    const code = normalizeCreditCode(q);
    if (CREDIT_CODE_FRAGMENT.test(code)) {
      // A credit code or its beginning: the unique btree index answers.
      // A prefix is a btree range: "Z" is outside the GB 32100 charset and sorts after
      // all of it, so the range is exact; LIKE 'prefix%' cannot use the index
      // under a non-C collation (docs/decisions/007).
      and.push({
        organization: code.length === 18 ? { creditCode: code } : { creditCode: { gte: code, lt: `${code}Z`, startsWith: code } },
      });
    } else {
      // Chinese name fragment: every bigram must be in the GIN-indexed gram
      // array (fast candidate set), then LIKE rechecks adjacency.
      and.push({ organization: { nameGrams: { hasEvery: queryGrams(q) }, name: { contains: q, mode: "insensitive" } } });
    }
  }
  if (query.item || query.credentialType || query.level) {
    and.push({
      credentials: {
        some: {
          ...countingCredential(now),
          ...(query.credentialType ? { type: query.credentialType } : {}),
          ...(query.level ? { level: query.level } : {}),
          ...(query.item ? { items: { some: { itemId: query.itemId ?? "" } } } : {}),
        },
      },
    });
  }
  if (query.minRating !== undefined) and.push({ ratingAvg: { gte: query.minRating } });
  if (query.minCredit !== undefined) and.push({ creditScore: { gte: query.minCredit } });
  return { AND: and };
}

function orderBy(sort: DirectoryQuery["sort"]): Prisma.AgencyOrderByWithRelationInput[] {
  switch (sort) {
    case "rating":
      return [{ ratingAvg: { sort: "desc", nulls: "last" } }, { creditScore: "desc" }, { id: "asc" }];
    case "awards":
      return [{ awardsCount: "desc" }, { creditScore: "desc" }, { id: "asc" }];
    default:
      return [{ creditScore: "desc" }, { id: "asc" }];
  }
}

/** Counting stops here: "1000+" is shown, and the plan may stop early instead of visiting every match. */
export const COUNT_CAP = 1000;

/** How many catalogue items are offered when the item field matches several. */
export const ITEM_CHOICES = 10;

type ItemRef = { code: string; name: string; nameEn: string };

/**
 * The item field is text (a code, a name, a short name or a fragment of a name), resolved here
 * rather than offered as a list of every item in force (issue #13: the page shipped all 1,000).
 * Exact code, name or short name → that item; a fragment → the items it matches, to choose from.
 */
async function resolveItem(db: Db, text: string): Promise<{ item: (ItemRef & { id: string }) | null; choices: ItemRef[] }> {
  const select = { id: true, code: true, name: true, nameEn: true } as const;
  const exact = await db.catalogueItem.findFirst({
    where: { status: "IN_FORCE", OR: [{ code: text.toUpperCase() }, { name: text }, { aliases: { has: text } }] },
    orderBy: { code: "asc" },
    select,
  });
  if (exact) return { item: exact, choices: [] };
  const choices = await db.catalogueItem.findMany({
    where: {
      status: "IN_FORCE",
      OR: [
        { name: { contains: text, mode: "insensitive" } },
        { nameEn: { contains: text, mode: "insensitive" } },
        { code: { startsWith: text.toUpperCase() } },
      ],
    },
    orderBy: { code: "asc" },
    take: ITEM_CHOICES + 1,
    select: { code: true, name: true, nameEn: true },
  });
  if (choices.length === 1) return resolveItem(db, choices[0]!.code);
  return { item: null, choices };
}

/**
 * How many agencies match, up to COUNT_CAP + 1. A search by item without a name or code starts
 * from the item: its credentials (CredentialItem by itemId → Credential by primary key), then each
 * holder's agency. Prisma's relation filter let PostgreSQL walk every listed agency in id order and
 * probe its credentials instead — 650–860 ms for the most-held item at 100,000 agencies (decision 038).
 * First a sample of the item's first 2 × (COUNT_CAP + 1) credentials: when they already name more than
 * COUNT_CAP listed agencies the count is capped, and when they are all the item has, the count is exact.
 * Only otherwise (many credentials, few of them of listed agencies) are all of them read.
 * Every other search is a count Prisma writes well (the name grams, the credit code, no filter).
 */
async function countDirectory(db: Db, query: DirectoryQuery, where: Prisma.AgencyWhereInput, now: Date): Promise<number> {
  if (!query.itemId || query.q?.trim()) return db.agency.count({ where, take: COUNT_CAP + 1 });
  const credential = Prisma.join(
    [
      Prisma.sql`ci."itemId" = ${query.itemId}`,
      countingCredentialSql("c", now),
      ...(query.credentialType ? [Prisma.sql`c."type" = ${query.credentialType}`] : []),
      ...(query.level ? [Prisma.sql`c."level" = ${query.level}`] : []),
    ],
    " AND ",
  );
  const agency = Prisma.join(
    [
      Prisma.sql`a."status" = 'LISTED'`,
      ...(query.minRating !== undefined ? [Prisma.sql`a."ratingAvg" >= ${query.minRating}`] : []),
      ...(query.minCredit !== undefined ? [Prisma.sql`a."creditScore" >= ${query.minCredit}`] : []),
    ],
    " AND ",
  );
  const count = async (limit: Prisma.Sql) => {
    const [row] = await db.$queryRaw<{ sampled: number; n: number }[]>`
      WITH held AS MATERIALIZED (
        SELECT c."agencyId" AS id
        FROM "CredentialItem" ci JOIN "Credential" c ON c.id = ci."credentialId"
        WHERE ${credential}
        ${limit}
      )
      SELECT (SELECT count(*) FROM held)::int AS sampled,
        (SELECT count(*) FROM (
          SELECT 1 FROM (SELECT DISTINCT id FROM held) h JOIN "Agency" a ON a.id = h.id
          WHERE ${agency}
          LIMIT ${COUNT_CAP + 1}
        ) AS capped)::int AS n`;
    return row ?? { sampled: 0, n: 0 };
  };
  const sample = 2 * (COUNT_CAP + 1);
  const first = await count(Prisma.sql`LIMIT ${sample}`);
  if (first.n > COUNT_CAP || first.sampled < sample) return first.n;
  return (await count(Prisma.empty)).n;
}

export async function searchDirectory(db: Db, query: DirectoryQuery, at?: Date) {
  // Credential validity is judged by the database clock (decision 010), like every deadline.
  const now = at ?? (await dbNow(db));
  const page = Math.max(1, Math.min(query.page ?? 1, 10_000));
  // A search for an item's name or short name (环评, 测绘 …) rather than an agency's: the agencies for that item.
  const q = query.q?.trim();
  let itemFromQuery: string | null = null;
  let item: ItemRef | null = null;
  let itemChoices: ItemRef[] = [];
  if (q && !query.item) {
    const byName = await db.catalogueItem.findFirst({
      where: { status: "IN_FORCE", OR: [{ name: q }, { aliases: { has: q } }] },
      orderBy: { code: "asc" },
      select: { code: true, id: true, name: true, nameEn: true },
    });
    if (byName) {
      query = { ...query, q: undefined, item: byName.code, itemId: byName.id };
      itemFromQuery = byName.code;
      item = byName;
    }
  }
  const itemText = query.item?.trim();
  if (itemText && !query.itemId) {
    const resolved = await resolveItem(db, itemText);
    item = resolved.item;
    itemChoices = resolved.choices;
    // Not one item: nothing is listed until one is chosen (an unknown item has no agencies).
    query = { ...query, item: resolved.item?.code ?? itemText, itemId: resolved.item?.id ?? "-" };
  }
  const where = directoryWhere(query, now);
  const [agencies, total] = await Promise.all([
    db.agency.findMany({
      where,
      orderBy: orderBy(query.sort),
      skip: (page - 1) * DIRECTORY_PAGE_SIZE,
      take: DIRECTORY_PAGE_SIZE,
      select: {
        id: true,
        entityType: true,
        creditScore: true,
        ratingAvg: true,
        ratingCount: true,
        awardsCount: true,
        organization: { select: { name: true, creditCode: true, regionCode: true } },
        credentials: {
          where: countingCredential(now),
          select: { type: true, level: true, items: { select: { item: { select: { code: true, name: true, nameEn: true } } } } },
        },
      },
    }),
    countDirectory(db, query, where, now),
  ]);
  const capped = total > COUNT_CAP;
  const counted = Math.min(total, COUNT_CAP);
  // Past the cap the pager keeps offering a next page while the page is full.
  const pages = capped
    ? Math.max(page + (agencies.length === DIRECTORY_PAGE_SIZE ? 1 : 0), Math.ceil(counted / DIRECTORY_PAGE_SIZE))
    : Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE));
  return {
    agencies,
    total: counted,
    capped,
    page,
    pages,
    itemFromQuery,
    item,
    itemChoices: itemChoices.slice(0, ITEM_CHOICES),
    moreItemChoices: itemChoices.length > ITEM_CHOICES,
  };
}

/**
 * Filter options: the credential types and levels in use, grouped in SQL (Prisma's `distinct` is
 * done in memory and loaded every credential: seconds at 300,000 rows) and cached per process for a
 * minute — filter options may lag a new type briefly. Items are not a list: the item field is text
 * (`resolveItem`).
 */
export async function directoryFacets(db: Db) {
  const types = await credentialTypesInUse(db);
  return {
    types: [...new Set(types.map((t) => t.type))],
    levels: [...new Set(types.map((t) => t.level))].filter((l) => l && l !== "—"),
  };
}

/**
 * Public profile. Agencies that were never listed (APPLIED, REJECTED) are not public.
 * Credentials are shown once verified (expired ones marked): a claim no regulator
 * has checked, or one it refused, is not published as the agency's (decision 015).
 * With the stored credit score and its breakdown, the ratings (newest first, one
 * page of `ratingsPage`, with per-dimension averages) and every sanction, in force
 * or past, revoked ones marked (Principle 6).
 */
export async function agencyProfile(db: Db, id: string, at?: Date, opts: { ratingsPage?: number; viewer?: SessionUser | null } = {}) {
  const now = at ?? (await dbNow(db));
  const agency = await db.agency.findFirst({
    where: { id, status: { in: ["LISTED", "SUSPENDED", "REMOVED", "EXITED"] } },
    select: {
      id: true,
      status: true,
      statusReason: true,
      suspendedUntil: true,
      entityType: true,
      introduction: true,
      creditScore: true,
      creditBreakdown: true,
      creditVersion: true,
      creditUpdatedAt: true,
      ratingAvg: true,
      ratingCount: true,
      awardsCount: true,
      listedAt: true,
      organization: { select: { name: true, creditCode: true, regionCode: true, contactPhone: true } },
      practitioners: { select: { name: true, qualification: true } },
      credentials: {
        where: { verifiedAt: { not: null }, rejectedAt: null },
        orderBy: { validUntil: "desc" },
        select: {
          id: true,
          type: true,
          level: true,
          number: true,
          issuer: true,
          validUntil: true,
          items: { select: { item: { select: { code: true, name: true, nameEn: true } } } },
        },
      },
    },
  });
  if (!agency) return null;
  const actions = await db.auditEvent.findMany({
    where: { aggregateType: "agency", aggregateId: id, event: { in: ["SUSPEND", "REINSTATE", "REMOVE", "WARN", "BLACKLIST"] } },
    orderBy: { seq: "desc" },
    select: { event: true, at: true, payload: true, toState: true },
  });
  const [ratings, sanctions] = await Promise.all([
    agencyRatings(db, id, opts.ratingsPage ?? 1, opts.viewer ?? null),
    agencySanctions(db, id, now),
  ]);
  const { creditBreakdown: _breakdown, creditVersion: _version, creditUpdatedAt: _updated, ...rest } = agency;
  return {
    ...rest,
    credentials: agency.credentials.map((c) => ({ ...c, valid: c.validUntil > now })),
    actions,
    credit: creditView(agency),
    ratings,
    sanctions,
  };
}

/** The public agency (one that is or was listed) with this unified social credit code, as its id; null when none. */
export async function publicAgencyIdByCreditCode(db: Db, creditCode: string): Promise<string | null> {
  const agency = await db.agency.findFirst({
    where: { organization: { creditCode: normalizeCreditCode(creditCode) }, status: { in: ["LISTED", "SUSPENDED", "REMOVED", "EXITED"] } },
    select: { id: true },
  });
  return agency?.id ?? null;
}
