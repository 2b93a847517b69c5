import type { Db } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";

export const PAGE_SIZE = 20;

export type CatalogueQuery = { q?: string; category?: string; department?: string; page?: number };

export async function listCatalogue(db: Db, query: CatalogueQuery) {
  const page = Math.max(1, query.page ?? 1);
  const q = query.q?.trim();
  const where: Prisma.CatalogueItemWhereInput = {
    ...(query.category ? { category: query.category } : {}),
    ...(query.department ? { department: query.department } : {}),
    ...(q
      ? {
          OR: (["name", "nameEn", "code", "category", "department", "legalBasis"] as const).map((f) => ({
            [f]: { contains: q, mode: "insensitive" as const },
          })),
        }
      : {}),
  };
  const [items, total, facets] = await Promise.all([
    db.catalogueItem.findMany({
      where,
      orderBy: [{ status: "asc" }, { code: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { code: true, name: true, nameEn: true, category: true, department: true, status: true, timeLimitDays: true },
    }),
    db.catalogueItem.count({ where }),
    db.catalogueItem.findMany({ distinct: ["category", "department"], select: { category: true, department: true } }),
  ]);
  return {
    items,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    categories: [...new Set(facets.map((f) => f.category))].sort(),
    departments: [...new Set(facets.map((f) => f.department))].sort(),
  };
}

export function getCatalogueItem(db: Db, code: string) {
  return db.catalogueItem.findUnique({
    where: { code },
    include: { versions: { orderBy: { version: "desc" }, select: { version: true, reason: true, createdAt: true } } },
  });
}
