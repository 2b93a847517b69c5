import type { Db } from "~/db/client.server";
import { rawQuery } from "~/db/raw-tx.server";
import { dbNow, dbNowSql } from "~/services/clock.server";
import { Prisma, type AgencyEntityType } from "~/generated/prisma/client";
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

export function directoryOrderBy(sort: DirectoryQuery["sort"]): Prisma.AgencyOrderByWithRelationInput[] {
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
 * The item in force whose code (`byCode`), name or short name is exactly `text`, the first by code: each
 * way by its own index, then sorted (decision 046). Written as one condition with OR, PostgreSQL read the
 * catalogue in code order and tested each item's aliases until one matched (0.8 ms for the 1,000th item).
 */
function itemLookupSql(text: string, byCode: boolean): Prisma.Sql {
  const cols = Prisma.sql`SELECT id, code, name, "nameEn", status FROM "CatalogueItem"`;
  return Prisma.sql`SELECT i.id, i.code, i.name, i."nameEn" FROM (
      ${byCode ? Prisma.sql`${cols} WHERE code = ${text.toUpperCase()} UNION ALL` : Prisma.empty}
      ${cols} WHERE name = ${text}
      UNION ALL ${cols} WHERE aliases @> ARRAY[${text}]::text[]
    ) i
    WHERE i.status = 'IN_FORCE'::"CatalogueStatus"
    ORDER BY i.code LIMIT 1`;
}

/** The item in force named by `text` (itemLookupSql): one prepared statement (decision 045). */
async function itemInForce(db: Db, text: string, byCode: boolean): Promise<(ItemRef & { id: string }) | null> {
  const [found] = await rawQuery<ItemRef & { id: string }>(db, itemLookupSql(text, byCode));
  return found ?? null;
}

/**
 * The item field is text (a code, a name, a short name or a fragment of a name), resolved here
 * rather than offered as a list of every item in force (issue #13: the page shipped all 1,000).
 * Exact code, name or short name → that item; a fragment → the items it matches, to choose from.
 */
async function resolveItem(db: Db, text: string): Promise<{ item: (ItemRef & { id: string }) | null; choices: ItemRef[] }> {
  const exact = await itemInForce(db, text, true);
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

/** The name fragment a query searches by, when it is one (not a credit code or its beginning). */
function nameFragment(query: DirectoryQuery): string | undefined {
  const q = query.q?.trim();
  if (!q || CREDIT_CODE_FRAGMENT.test(normalizeCreditCode(q))) return undefined;
  return q;
}

/**
 * How many listed agencies a search by name fragment matches, up to COUNT_CAP + 1 (with the rating and
 * credit filters, without credential filters), and the page's ids among them in page order when there
 * are at most COUNT_CAP — one statement for both (decision 044). The same conditions as directoryWhere,
 * on the agency's own copy of its organisation's name and grams (decision 045): `orgNameGrams @>` the
 * query's grams (the listed agencies' partial GIN index) and the `ILIKE ('%' || q || '%')` Prisma itself
 * sends for `contains` with `mode: "insensitive"`. No ORDER BY before the cap: Prisma's `count({ take })`
 * sorted every match by id first (科技: 8,064 organisations, decision 043); here a common fragment is read
 * only until its 1,001st listed agency.
 */
async function nameMatches(
  db: Db,
  q: string,
  query: DirectoryQuery,
  skip: number,
  at: Date | null,
): Promise<{ now: Date; count: number; page: string[] }> {
  // The database clock is read here too, for the page's rows (decision 046). The rows are not read here:
  // this statement is planned with its values every time, and planning theirs too cost more than their
  // own statement, which is prepared once.
  const [row] = await rawQuery<{ now: Date; count: number; page: string[] | null }>(
    db,
    Prisma.sql`
    WITH clock AS MATERIALIZED (SELECT ${clockSql(at)} AS now),
    matched AS MATERIALIZED (
      SELECT a.id, a."creditScore", a."ratingAvg", a."awardsCount" FROM "Agency" a
      WHERE ${agencyFilterSql(query)} AND ${nameSql(q)}
      LIMIT ${COUNT_CAP + 1}
    )
    SELECT (SELECT now FROM clock) AS now, (SELECT count(*) FROM matched)::int AS count,
      CASE WHEN (SELECT count(*) FROM matched) <= ${COUNT_CAP}
        THEN ARRAY(SELECT a.id FROM matched a ORDER BY ${orderSql(query.sort)} OFFSET ${skip} LIMIT ${DIRECTORY_PAGE_SIZE}) END AS page`,
    { plan: "each" },
  );
  return { now: row!.now, count: row?.count ?? 0, page: row?.page ?? [] };
}

/** The clock a statement reads: the given instant, or the database clock (dbNowSql); read it once, in a CTE. */
function clockSql(at: Date | null): Prisma.Sql {
  return at ? Prisma.sql`${at}::timestamp` : dbNowSql();
}

/** The name test on an Agency row `a`: its copy of the organisation's grams and name (decision 045). */
function nameSql(q: string): Prisma.Sql {
  return Prisma.sql`a."orgNameGrams" @> ${queryGrams(q)}::text[] AND a."orgName" ILIKE ('%' || ${q} || '%')`;
}

/**
 * A page of a search by a common name fragment (more than COUNT_CAP listed matches), with the rating
 * and credit filters and no credential filters: a walk of the listed agencies in page order (the
 * order's index, decision 042) that tests each agency's name, stopping at the page's last row. The
 * name test is a subquery so the planner cannot use the name index for it: with the index it
 * estimates a few matches (the grams look independent), fetches every agency whose name holds the
 * fragment and sorts them all — 13,419 for 有限责任, 60 ms — where the walk meets 20 within ~180
 * agencies. A rare fragment would make the walk read every listed agency, so this is only used
 * when the count says the matches are many (decision 044). Same conditions as directoryWhere.
 */
export async function nameWalkPage(db: Db, q: string, query: DirectoryQuery, skip: number): Promise<string[]> {
  const rows = await rawQuery<{ id: string }>(
    db,
    Prisma.sql`
    SELECT a.id FROM "Agency" a
    WHERE ${agencyFilterSql(query)} AND (SELECT ${nameSql(q)})
    ORDER BY ${orderSql(query.sort)}
    OFFSET ${skip} LIMIT ${DIRECTORY_PAGE_SIZE}`,
    { plan: "each" },
  );
  return rows.map((r) => r.id);
}

/** orderBy(sort) as SQL over an Agency row `a`: the page order of a search by item (decision 042). */
function orderSql(sort: DirectoryQuery["sort"]): Prisma.Sql {
  switch (sort) {
    case "rating":
      return Prisma.sql`a."ratingAvg" DESC NULLS LAST, a."creditScore" DESC, a.id ASC`;
    case "awards":
      return Prisma.sql`a."awardsCount" DESC, a."creditScore" DESC, a.id ASC`;
    default:
      return Prisma.sql`a."creditScore" DESC, a.id ASC`;
  }
}

/** How many counting credentials of the item a search by item reads first: 2 × (COUNT_CAP + 1). */
const ITEM_SAMPLE = 2 * (COUNT_CAP + 1);

/**
 * A search by item without a name or code starts from the item: its counting credentials (their
 * copies on CredentialItem, one index range, decision 044), then each holder's agency by primary key
 * (LISTED, rating and credit filters), in page order. Prisma's relation filter let PostgreSQL walk
 * listed agencies and probe their credentials instead, or guess wrong between the two (decision 038:
 * 650–860 ms for the most-held item's count; decision 042: 800 ms for a page of the 30th).
 *
 * With `sample`, only the item's first `sample` credentials are read. When that is every one the item
 * has (`sampled < sample`), `count` is every matching agency and `page` the page's ids among them in
 * page order, so one statement gives the count and the page. Otherwise the agencies stop after
 * COUNT_CAP + 1 (enough to say "1000+"). Only the page's ids come back: parsing an array of a
 * thousand ids cost the server more than the statement (decision 044).
 *
 * The item is either known (`{ id }`) or looked up in the same statement by its exact code, name or
 * short name (`{ text }`: the first in force by code, as itemInForce); the clock is either given or read
 * in the statement (null), and returned as `now` for the page's other statements — one statement where
 * the item lookup, dbNow and this were three (decision 046). `item` is null when the text names none.
 */
async function itemAgencies(
  db: Db,
  query: DirectoryQuery,
  at: Date | null,
  key: { id: string } | { text: string },
  sample: number | null,
  skip: number,
): Promise<{
  now: Date;
  item: (ItemRef & { id: string }) | null;
  sampled: number;
  count: number;
  page: string[];
  rows: DirectoryRow[] | null;
}> {
  const agency = agencyFilterSql(query);
  const limit = sample === null ? Prisma.empty : Prisma.sql`LIMIT ${sample}`;
  // The agencies stop at COUNT_CAP + 1 unless every credential was read (then all are needed for paging).
  const cap =
    sample === null
      ? Prisma.sql`${COUNT_CAP + 1}::bigint`
      : Prisma.sql`CASE WHEN (SELECT count(*) FROM held) < ${sample}::bigint THEN NULL::bigint ELSE ${COUNT_CAP + 1}::bigint END`;
  const item =
    "id" in key
      ? Prisma.sql`SELECT ${key.id}::text AS id, NULL::text AS code, NULL::text AS name, NULL::text AS "nameEn"`
      : itemLookupSql(key.text, true);
  // The page is final — and its agencies' rows are read in the same statement — when every credential of
  // the item was read from the sample, or when reading them all found at most COUNT_CAP agencies (itemMatches).
  const final =
    sample === null
      ? Prisma.sql`(SELECT count(*) FROM listed) <= ${COUNT_CAP}::bigint`
      : Prisma.sql`(SELECT count(*) FROM held) < ${sample}::bigint`;
  const [row] = await rawQuery<{
    now: Date;
    item: (ItemRef & { id: string }) | null;
    sampled: number;
    count: number;
    page: string[] | null;
    rows: DirectoryRow[] | null;
  }>(
    db,
    Prisma.sql`
    WITH clock AS MATERIALIZED (SELECT ${clockSql(at)} AS now),
    item AS MATERIALIZED (${item}),
    held AS MATERIALIZED (
      SELECT ci."agencyId" AS id
      FROM "CredentialItem" ci ${holderJoin(query)}
      WHERE ${holderSql(query, Prisma.sql`(SELECT id FROM item)`, Prisma.sql`(SELECT now FROM clock)`)}
      ${limit}
    ), listed AS MATERIALIZED (
      SELECT a.id, a."creditScore", a."ratingAvg", a."awardsCount"
      FROM (SELECT DISTINCT id FROM held) h JOIN "Agency" a ON a.id = h.id
      WHERE ${agency}
      LIMIT ${cap}
    ), paged AS MATERIALIZED (
      SELECT ARRAY(SELECT a.id FROM listed a ORDER BY ${orderSql(query.sort)} OFFSET ${skip} LIMIT ${DIRECTORY_PAGE_SIZE}) AS page
    )
    SELECT (SELECT now FROM clock) AS now, (SELECT json_build_object('id', id, 'code', code, 'name', name, 'nameEn', "nameEn") FROM item) AS item,
      (SELECT count(*) FROM held)::int AS sampled, (SELECT count(*) FROM listed)::int AS count, (SELECT page FROM paged) AS page,
      CASE WHEN ${final} THEN (${directoryRowsSql(Prisma.sql`(SELECT page FROM paged)::text[]`, Prisma.sql`(SELECT now FROM clock)`)}) END AS rows`,
    // Prepared once: the item and the clock reach the plan as the results of subqueries, never as values
    // it could be planned with, so planning it anew each time (0.6 ms) would buy nothing.
    { plan: "once" },
  );
  return {
    now: row!.now,
    item: row?.item?.id ? row.item : null,
    sampled: row?.sampled ?? 0,
    count: row?.count ?? 0,
    page: row?.page ?? [],
    rows: row?.rows ? inPageOrder(row.page ?? [], row.rows) : null,
  };
}

/**
 * The item's counting credentials as conditions on a CredentialItem row `ci` (its copy of the
 * credential's agency, expiry and verification, decision 044), with the credential type and level
 * filters on the credential itself when given (`holderJoin`).
 */
function holderSql(query: DirectoryQuery, itemId: Prisma.Sql, now: Prisma.Sql): Prisma.Sql {
  return Prisma.join(
    [
      Prisma.sql`ci."itemId" = ${itemId} AND ci."counted" AND ci."validUntil" > ${now}`,
      ...(query.credentialType ? [Prisma.sql`c."type" = ${query.credentialType}`] : []),
      ...(query.level ? [Prisma.sql`c."level" = ${query.level}`] : []),
    ],
    " AND ",
  );
}

function holderJoin(query: DirectoryQuery): Prisma.Sql {
  return query.credentialType || query.level ? Prisma.sql`JOIN "Credential" c ON c.id = ci."credentialId"` : Prisma.empty;
}

/** The directory's conditions on the Agency row `a`: listed, and the rating and credit filters. */
function agencyFilterSql(query: DirectoryQuery): Prisma.Sql {
  return Prisma.join(
    [
      Prisma.sql`a."status" = 'LISTED'::"AgencyStatus"`,
      ...(query.minRating !== undefined ? [Prisma.sql`a."ratingAvg" >= ${query.minRating}`] : []),
      ...(query.minCredit !== undefined ? [Prisma.sql`a."creditScore" >= ${query.minCredit}`] : []),
    ],
    " AND ",
  );
}

/**
 * A page of a search by an item with more than COUNT_CAP holders: a walk of the listed agencies in
 * page order (the order's index) that asks for each one whether it holds the item — one probe of
 * "CredentialItem_holder_idx" — and stops at the page's last row. A correlated subquery, so the
 * planner cannot turn it into a join over all the holders (decision 044).
 */
export async function itemWalkPage(db: Db, query: DirectoryQuery, now: Date, skip: number): Promise<string[]> {
  const rows = await rawQuery<{ id: string }>(
    db,
    Prisma.sql`
    SELECT a.id FROM "Agency" a
    WHERE ${agencyFilterSql(query)}
      AND (SELECT true FROM "CredentialItem" ci ${holderJoin(query)}
           WHERE ${holderSql(query, Prisma.sql`${query.itemId}`, Prisma.sql`${now}`)} AND ci."agencyId" = a.id LIMIT 1)
    ORDER BY ${orderSql(query.sort)}
    OFFSET ${skip} LIMIT ${DIRECTORY_PAGE_SIZE}`,
    { plan: "each" },
  );
  return rows.map((r) => r.id);
}

/**
 * How many agencies a search by item matches and the page's ids, when there are at most COUNT_CAP of
 * them or every credential of the item was read; null when there are more (the count is then "1000+").
 * `first` is the item's first ITEM_SAMPLE credentials: when they are all the item has, they name every
 * match; when they name more than COUNT_CAP listed agencies, the count is capped. Only otherwise
 * (many credentials, few of them of listed agencies) are all of them read.
 */
async function itemMatches(
  db: Db,
  query: DirectoryQuery,
  first: { now: Date; sampled: number; count: number; page: string[]; rows: DirectoryRow[] | null },
  itemId: string,
  skip: number,
): Promise<{ count: number; page: string[]; rows: DirectoryRow[] | null } | null> {
  if (first.sampled < ITEM_SAMPLE) return first;
  if (first.count > COUNT_CAP) return null;
  const all = await itemAgencies(db, query, first.now, { id: itemId }, null, skip);
  return all.count > COUNT_CAP ? null : all;
}

export type DirectoryRow = {
  id: string;
  entityType: AgencyEntityType;
  creditScore: number;
  ratingAvg: number | null;
  ratingCount: number;
  awardsCount: number;
  organization: { name: string; creditCode: string | null; regionCode: string | null };
  credentials: { type: string; level: string; items: { item: ItemRef }[] }[];
};

/**
 * One page's agencies (LISTED ones among `ids`, in the order of `ids`) with their organization and
 * counting credentials and each credential's items, in one statement. Prisma's nested select sent four
 * more, one after another (organizations, credentials, their items, the catalogue items); on a busy
 * machine each round trip waits for the CPU (decision 042). Credentials in id order, items in item-id
 * order: the order Prisma's separate statements returned them in.
 */
async function directoryRows(db: Db, ids: string[], at: Date | null): Promise<DirectoryRow[]> {
  if (!ids.length) return [];
  const [row] = await rawQuery<{ rows: DirectoryRow[] }>(
    db,
    Prisma.sql`WITH clock AS MATERIALIZED (SELECT ${clockSql(at)} AS now)
    SELECT (${directoryRowsSql(Prisma.sql`${ids}::text[]`, Prisma.sql`(SELECT now FROM clock)`)}) AS rows`,
  );
  return inPageOrder(ids, row?.rows ?? []);
}

/** directoryRows' rows as one JSON array, in no order, for the ids `ids` (an array expression); `[]` when none. */
function directoryRowsSql(ids: Prisma.Sql, now: Date | Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT COALESCE(json_agg(json_build_object('id', a.id, 'entityType', a."entityType", 'creditScore', a."creditScore",
      'ratingAvg', a."ratingAvg", 'ratingCount', a."ratingCount", 'awardsCount', a."awardsCount",
      'organization', json_build_object('name', o.name, 'creditCode', o."creditCode", 'regionCode', o."regionCode"),
      'credentials', COALESCE((
        SELECT json_agg(json_build_object('type', c.type, 'level', c.level, 'items', COALESCE((
            SELECT json_agg(json_build_object('item', json_build_object('code', i.code, 'name', i.name, 'nameEn', i."nameEn")) ORDER BY ci."itemId")
            FROM "CredentialItem" ci JOIN "CatalogueItem" i ON i.id = ci."itemId"
            WHERE ci."credentialId" = c.id
          ), '[]'::json)) ORDER BY c.id)
        FROM "Credential" c
        WHERE c."agencyId" = a.id AND ${countingCredentialSql("c", now)}
      ), '[]'::json))), '[]'::json)
    FROM "Agency" a JOIN "Organization" o ON o.id = a."organizationId"
    WHERE a.id = ANY(${ids}) AND a.status = 'LISTED'`;
}

/** The rows of `ids` that were found, in the order of `ids`. */
function inPageOrder(ids: string[], rows: DirectoryRow[]): DirectoryRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function searchDirectory(db: Db, query: DirectoryQuery, at?: Date) {
  const page = Math.max(1, Math.min(query.page ?? 1, 10_000));
  const skip = (page - 1) * DIRECTORY_PAGE_SIZE;
  const q = query.q?.trim();
  const itemText = query.item?.trim();
  // Credential validity is judged by the database clock (decision 010), like every deadline. The statements
  // that count and page read it themselves and hand it on to the page's next statements (decision 046); a
  // separate dbNow is sent only for a search Prisma writes (a credit code with an item or credential filter).
  let readAt: Date | null = at ?? null;
  let itemFromQuery: string | null = null;
  let item: ItemRef | null = null;
  let itemChoices: ItemRef[] = [];
  let first: Awaited<ReturnType<typeof itemAgencies>> | null = null;
  // A search for an item's name or short name (环评, 测绘 …) rather than an agency's: the agencies for that item.
  // Not for a credit code or its beginning: no item is named so.
  if (q && !query.item && !CREDIT_CODE_FRAGMENT.test(normalizeCreditCode(q))) {
    const byName = await itemInForce(db, q, false);
    if (byName) {
      query = { ...query, q: undefined, item: byName.code, itemId: byName.id };
      itemFromQuery = byName.code;
      item = byName;
    }
  }
  if (itemText && !query.itemId && !q) {
    // An item by its exact code, name or short name: looked up with the clock and the first page, one statement.
    first = await itemAgencies(db, query, readAt, { text: itemText }, ITEM_SAMPLE, skip);
    readAt = first.now;
    if (first.item) {
      item = first.item;
      query = { ...query, item: first.item.code, itemId: first.item.id };
    }
  }
  if (itemText && !query.itemId) {
    // Not an exact code, name or short name: the items the text matches, to choose from.
    const resolved = await resolveItem(db, itemText);
    item = resolved.item;
    itemChoices = resolved.choices;
    // Not one item: nothing is listed until one is chosen (an unknown item has no agencies).
    query = { ...query, item: resolved.item?.code ?? itemText, itemId: resolved.item?.id ?? "-" };
  }
  // A search by item alone: the matches come from the item's side when there are few (one statement
  // for the count, the page and its rows); past COUNT_CAP the page is a walk of the listed agencies in
  // page order (an index, decision 042), which soon meets 20 holders.
  const byItemOnly = Boolean(query.itemId) && !query.q?.trim();
  const fragment = nameFragment(query);
  let rows: DirectoryRow[] | null = null;
  let pageIds: string[];
  let total: number;
  if (byItemOnly) {
    const itemId = query.itemId!;
    const sampled =
      itemId === "-" ? null : first?.item?.id === itemId ? first : await itemAgencies(db, query, readAt, { id: itemId }, ITEM_SAMPLE, skip);
    readAt = sampled?.now ?? readAt;
    const matches = sampled ? await itemMatches(db, query, sampled, itemId, skip) : { count: 0, page: [], rows: [] };
    rows = matches?.rows ?? null;
    [pageIds, total] = matches
      ? [matches.page, Math.min(matches.count, COUNT_CAP + 1)]
      : [await itemWalkPage(db, query, (readAt ??= await dbNow(db)), skip), COUNT_CAP + 1];
  } else if (fragment && !query.itemId && !query.credentialType && !query.level) {
    // A name fragment: the count and, when the matches are few, the page in one statement; when
    // they are many, the page is a walk in page order (nameWalkPage).
    const found = await nameMatches(db, fragment, query, skip, readAt);
    readAt = found.now;
    [pageIds, total] = [found.count > COUNT_CAP ? await nameWalkPage(db, fragment, query, skip) : found.page, found.count];
  } else {
    // Prisma's conditions need the clock as a value only when a credential is part of them.
    const now = query.item || query.credentialType || query.level ? (readAt ??= await dbNow(db)) : (readAt ?? new Date(0));
    const where = directoryWhere(query, now);
    [pageIds, total] = await Promise.all([
      db.agency
        .findMany({ where, orderBy: directoryOrderBy(query.sort), skip, take: DIRECTORY_PAGE_SIZE, select: { id: true } })
        .then((found) => found.map((r) => r.id)),
      db.agency.count({ where, take: COUNT_CAP + 1 }),
    ]);
  }
  const agencies = rows ?? (await directoryRows(db, pageIds, readAt));
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
