import type { Db } from "~/db/client.server";

/** Credential types and levels in use, cached for a minute (filter options and request validation). */
let typeCache: { at: number; value: Promise<{ type: string; level: string }[]> } | undefined;
export function credentialTypesInUse(db: Db): Promise<{ type: string; level: string }[]> {
  if (!typeCache || Date.now() - typeCache.at > 60_000) {
    // Verified credentials only: a type nobody has had verified is neither a useful
    // filter nor a requirement any agency could meet (decision 015).
    const value = db.credential
      .groupBy({
        by: ["type", "level"],
        where: { verifiedAt: { not: null }, rejectedAt: null },
        orderBy: [{ type: "asc" }, { level: "asc" }],
        take: 500,
      })
      .then((rows) => rows.map((r) => ({ type: r.type, level: r.level })));
    typeCache = { at: Date.now(), value };
    value.catch(() => (typeCache = undefined));
  }
  return typeCache.value;
}
