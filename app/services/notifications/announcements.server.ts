import type { Db } from "~/db/client.server";
import { announcementFacts } from "~/lib/announcement-facts";
import { catalogueCodes } from "~/services/catalogue/queries.server";
import { awardView } from "~/services/requests/public-view.server";

/**
 * 公告: the public announcements the modules publish (catalogue changes,
 * requests opened, awards, terminations), read by anyone. Only fields chosen
 * here leave the server, never the raw data column: its facts (for the page to
 * word in the reader's language, app/lib/announcement-text.ts) are picked from
 * it field by field.
 */

export const ANNOUNCEMENT_PAGE_SIZE = 20;

/** What leaves the server of an announcement: its texts, time and facts (never the raw data column). */
function publicFields(a: { id: string; kind: string; title: string; body: string; publishedAt: Date; data: unknown }) {
  return { id: a.id, kind: a.kind, title: a.title, body: a.body, publishedAt: a.publishedAt, facts: announcementFacts(a.kind, a.data) };
}

/** What an announcement is about, for open data: a request (by id) or a catalogue item (by code), or nothing. */
export type AnnouncementSubject = { type: "request"; id: string } | { type: "catalogueItem"; code: string } | null;

function subjectOf(entityType: string | null, entityId: string | null, code: string | undefined): AnnouncementSubject {
  if (entityType === "request" && entityId) return { type: "request", id: entityId };
  if (entityType === "catalogue" && code) return { type: "catalogueItem", code };
  return null;
}

/** Where an announcement leads: its catalogue item (by code, the item's URL), the catalogue, or its request. */
type ListLink = { to: string; item: boolean; request?: true } | null;

/**
 * One page of announcements, newest first, optionally of one kind; with the kinds to filter by (unless
 * `withKinds` is false: the home page shows the latest few and the total, not the filter).
 */
export async function listAnnouncements(
  db: Db,
  query: { kind: string; page: number },
  { pageSize = ANNOUNCEMENT_PAGE_SIZE, withKinds = true }: { pageSize?: number; withKinds?: boolean } = {},
) {
  const { kind, page } = query;
  const where = kind ? { kind } : {};
  const [rows, total, kinds] = await Promise.all([
    db.announcement.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, kind: true, title: true, body: true, publishedAt: true, entityType: true, entityId: true, data: true },
    }),
    db.announcement.count({ where }),
    withKinds ? db.announcement.groupBy({ by: ["kind"], orderBy: { kind: "asc" } }) : [],
  ]);
  const codes = await catalogueCodes(db, [
    ...new Set(rows.filter((a) => a.entityType === "catalogue" && a.entityId).map((a) => a.entityId!)),
  ]);
  const announcements = rows.map(({ entityType, entityId, data, ...a }) => {
    const code = entityType === "catalogue" && entityId ? codes.get(entityId) : undefined;
    const link: ListLink = code
      ? { to: `/catalogue/${encodeURIComponent(code)}`, item: true }
      : entityType === "catalogue"
        ? { to: "/catalogue", item: false }
        : entityType === "request" && entityId
          ? { to: `/requests/${entityId}`, item: false, request: true }
          : null;
    return { ...a, facts: announcementFacts(a.kind, data), link, subject: subjectOf(entityType, entityId, code) };
  });
  return { announcements, kinds: kinds.map((k) => k.kind), total, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** One announcement with its link and, for awards and openings, the public ranking and draw; null when unknown. */
export async function announcementDetail(db: Db, id: string) {
  const a = await db.announcement.findUnique({
    where: { id },
    select: { id: true, kind: true, title: true, body: true, publishedAt: true, entityType: true, entityId: true, data: true },
  });
  if (!a) return null;
  const award = a.kind === "AWARD" ? awardView(a.data) : null;
  const commitment =
    a.kind === "REQUEST_OPEN" && a.data && typeof a.data === "object" ? ((a.data as { commitment?: unknown }).commitment ?? null) : null;
  let link: { to: string; kind: "request" | "item" | "catalogue" } | null = null;
  let code: string | undefined;
  if (a.entityType === "request" && a.entityId) link = { to: `/requests/${a.entityId}`, kind: "request" };
  else if (a.entityType === "catalogue" && a.entityId) {
    code = (await catalogueCodes(db, [a.entityId])).get(a.entityId);
    link = code ? { to: `/catalogue/${encodeURIComponent(code)}`, kind: "item" } : { to: "/catalogue", kind: "catalogue" };
  }
  return {
    announcement: publicFields(a),
    link,
    subject: subjectOf(a.entityType, a.entityId, code),
    commitment: typeof commitment === "string" ? commitment : null,
    ranking: award?.ranking ?? null,
    publicityEndsAt: award?.publicityEndsAt ?? null,
    draw: award?.draw ? { announcementId: a.id, ...award.draw } : null,
  };
}

/** How a draw is computed, in words an outside checker can implement (decision 009). */
export const DRAW_ALGORITHM = {
  seed: "64 lowercase hexadecimal characters (256 bits from the operating system's CSPRNG), used as TEXT, not as 32 raw bytes",
  commitment: "SHA-256 over the UTF-8 bytes of the 64-character seed text, lowercase hex; published when the request opened",
  key: "SHA-256 over the UTF-8 bytes of the seed text immediately followed by the agencyId text (no separator), lowercase hex",
  order: "entrants sorted by key, ascending (byte order of the hex text); rank 1 is the smallest key",
} as const;

/**
 * The machine-readable record of a random draw (随机抽取), for anyone to verify
 * without scraping the page or running our code: the commitment and when (which
 * opening announcement) it was published, the seed
 * revealed at closing, the frozen entrants, each key and the ranking, the
 * algorithm in words, and our own verdict. Null unless the announcement is an
 * award by random draw (a draw is only published after bidding has closed).
 */
export async function drawRecord(db: Db, id: string) {
  const a = await db.announcement.findUnique({
    where: { id },
    select: { id: true, kind: true, publishedAt: true, entityId: true, data: true },
  });
  if (!a || a.kind !== "AWARD") return null;
  const award = awardView(a.data);
  if (!award.draw) return null;
  const requestId = award.requestId ?? a.entityId;
  // Where the commitment was published (the opening of this round, before any bid): the
  // opening announcement of the request that carries this very commitment.
  const openings = requestId
    ? await db.announcement.findMany({
        where: { entityType: "request", entityId: requestId, kind: "REQUEST_OPEN" },
        orderBy: { publishedAt: "asc" },
        select: { id: true, publishedAt: true, data: true },
      })
    : [];
  const opening = openings.find((o) => (o.data as { commitment?: unknown } | null)?.commitment === award.draw!.commitment);
  return {
    announcementId: a.id,
    requestId,
    publishedAt: a.publishedAt.toISOString(),
    method: "RANDOM_DRAW" as const,
    commitmentAnnouncementId: opening?.id ?? null,
    commitmentPublishedAt: opening?.publishedAt.toISOString() ?? null,
    commitment: award.draw.commitment,
    seed: award.draw.seed,
    entrants: award.draw.entrants,
    ranking: award.ranking.map((r) => ({ rank: r.rank, agencyId: r.agencyId, agencyName: r.agencyName, key: r.key })),
    algorithm: DRAW_ALGORITHM,
    verifiedByPlatform: award.draw.ok,
  };
}

export const FEED_SIZE = 50;

/**
 * The newest announcements for an Atom feed: all of them, one kind, or those about one
 * catalogue item (its own changes and every request posted for it). `item` is a
 * catalogue code; null when no item has it (the feed answers 404).
 */
export async function feedAnnouncements(db: Db, query: { kind?: string; item?: string }) {
  let itemFilter: { id: string; code: string; name: string; nameEn: string } | null = null;
  if (query.item) {
    itemFilter = await db.catalogueItem.findUnique({
      where: { code: query.item },
      select: { id: true, code: true, name: true, nameEn: true },
    });
    if (!itemFilter) return null;
  }
  const rows = await db.$queryRaw<
    {
      id: string;
      kind: string;
      title: string;
      body: string;
      publishedAt: Date;
      data: unknown;
      entityType: string | null;
      entityId: string | null;
    }[]
  >`
    SELECT a.id, a.kind, a.title, a.body, a."publishedAt", a.data, a."entityType", a."entityId"
    FROM "Announcement" a
    WHERE (${query.kind ?? null}::text IS NULL OR a.kind = ${query.kind ?? null})
      AND (${itemFilter?.id ?? null}::text IS NULL
           OR (a."entityType" = 'catalogue' AND a."entityId" = ${itemFilter?.id ?? null})
           OR (a."entityType" = 'request' AND EXISTS (
                 SELECT 1 FROM "ServiceRequest" r WHERE r.id = a."entityId" AND r."itemId" = ${itemFilter?.id ?? null})))
    ORDER BY a."publishedAt" DESC, a.id DESC
    LIMIT ${FEED_SIZE}`;
  return {
    item: itemFilter,
    entries: rows.map(publicFields),
  };
}
