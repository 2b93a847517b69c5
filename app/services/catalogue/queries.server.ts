import type { Db } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { normalizeSnapshot, versionHistory } from "./diff";

export const PAGE_SIZE = 20;

export type CatalogueQuery = { q?: string; category?: string; department?: string; status?: "IN_FORCE" | "RETIRED"; page?: number };

/** Fields the public search looks in, Chinese and English. */
const SEARCH_FIELDS = ["name", "nameEn", "code", "category", "categoryEn", "department", "legalBasis"] as const;

/**
 * Every whitespace-separated term must match one of the fields (so "气象 评估"
 * narrows instead of widening). The catalogue is small (tens to a few hundred
 * rows), so case-insensitive substring matching is cheap and finds Chinese
 * words without a tokenizer.
 */
function searchWhere(q: string | undefined): Prisma.CatalogueItemWhereInput {
  const terms = (q ?? "")
    .trim()
    .split(/[\s\u3000]+/)
    .filter(Boolean)
    .slice(0, 5);
  if (terms.length === 0) return {};
  return {
    AND: terms.map((term) => ({
      // A short name is matched whole (环评), the other fields by substring.
      OR: [...SEARCH_FIELDS.map((f) => ({ [f]: { contains: term, mode: "insensitive" as const } })), { aliases: { has: term } }],
    })),
  };
}

export async function listCatalogue(db: Db, query: CatalogueQuery) {
  const page = Math.min(10_000, Math.max(1, Math.trunc(query.page ?? 1) || 1));
  const where: Prisma.CatalogueItemWhereInput = {
    ...(query.category ? { category: query.category } : {}),
    ...(query.department ? { department: query.department } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...searchWhere(query.q),
  };
  const [items, total, facets] = await Promise.all([
    db.catalogueItem.findMany({
      where,
      // In-force items first, retired ones after them (still listed, marked).
      orderBy: [{ status: "asc" }, { code: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        code: true,
        name: true,
        nameEn: true,
        category: true,
        categoryEn: true,
        department: true,
        status: true,
        retiredAt: true,
        timeLimitDays: true,
        version: true,
        aliases: true,
      },
    }),
    db.catalogueItem.count({ where }),
    db.catalogueItem.findMany({
      distinct: ["category", "categoryEn", "department"],
      select: { category: true, categoryEn: true, department: true },
    }),
  ]);
  const categories = new Map<string, string>();
  for (const f of facets) if (!categories.get(f.category)) categories.set(f.category, f.categoryEn);
  return {
    items,
    total,
    suggestions: total === 0 && query.q?.trim() ? await suggestItems(db, query.q) : [],
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    /** value = the Chinese category (the filter key); labelEn = its English name when known. */
    categories: [...categories]
      .map(([value, labelEn]) => ({ value, labelEn: labelEn || value }))
      .sort((a, b) => a.value.localeCompare(b.value, "zh")),
    departments: [...new Set(facets.map((f) => f.department))].sort((a, b) => a.localeCompare(b, "zh")),
  };
}

/**
 * Items to suggest when a search finds nothing: those sharing two consecutive characters (or, in
 * English, a word of 3+ letters) with the query in their name or a short name, best overlap first.
 */
export async function suggestItems(db: Db, q: string, limit = 5) {
  const text = q.toLowerCase().replace(/[\s\u3000]+/g, "");
  const grams = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) if (/[\u4e00-\u9fa5]{2}/.test(text.slice(i, i + 2))) grams.add(text.slice(i, i + 2));
  for (const w of q.toLowerCase().match(/[a-z]{3,}/g) ?? []) grams.add(w);
  if (grams.size === 0) return [];
  const items = await db.catalogueItem.findMany({
    where: { status: "IN_FORCE" },
    select: { code: true, name: true, nameEn: true, aliases: true },
  });
  return items
    .map((i) => {
      const hay = [i.name, i.nameEn.toLowerCase(), ...i.aliases].join(" ");
      return { item: i, score: [...grams].filter((g) => hay.includes(g)).length };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.item.code.localeCompare(b.item.code))
    .slice(0, limit)
    .map(({ item }) => ({ code: item.code, name: item.name, nameEn: item.nameEn }));
}

/** One item with its full version history (field-by-field changes, newest first). */
export async function getCatalogueItem(db: Db, code: string) {
  const item = await db.catalogueItem.findUnique({
    where: { code },
    include: { versions: { orderBy: { version: "asc" }, select: { version: true, reason: true, createdAt: true, snapshot: true } } },
  });
  if (!item) return null;
  const { versions, ...rest } = item;
  return { ...rest, history: versionHistory(versions) };
}

/**
 * Every version of an item, newest first: its published fields then
 * (normalized snapshot) and the changes against the previous version; null
 * when no item has the code. For the public API (decision 028).
 */
export async function catalogueVersions(db: Db, code: string) {
  const item = await db.catalogueItem.findUnique({
    where: { code },
    select: { versions: { orderBy: { version: "asc" }, select: { version: true, reason: true, createdAt: true, snapshot: true } } },
  });
  if (!item) return null;
  const snapshots = new Map(item.versions.map((v) => [v.version, normalizeSnapshot(v.snapshot)]));
  return versionHistory(item.versions).map((v) => ({ ...v, snapshot: snapshots.get(v.version)! }));
}

/** How many items are in force (the home page's figure). */
export function countInForceItems(db: Db): Promise<number> {
  return db.catalogueItem.count({ where: { status: "IN_FORCE" } });
}

/** Every item, in force or retired, for a filter's choices (code order). */
export function catalogueChoices(db: Db) {
  return db.catalogueItem.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true, nameEn: true } });
}

/** The public code of each item id (an item's URL is its code). */
export async function catalogueCodes(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const items = await db.catalogueItem.findMany({ where: { id: { in: ids } }, select: { id: true, code: true } });
  return new Map(items.map((i) => [i.id, i.code]));
}

/** One item's current fields, for the admin's edit form; null when no item has the code. */
export function catalogueItemForEdit(db: Db, code: string) {
  return db.catalogueItem.findUnique({ where: { code } });
}
