import type { Db } from "~/db/client.server";

/** The catalogue items the regulator's indicators can be filtered by (every item, retired ones too: history counts). */
export function indicatorItemChoices(db: Db) {
  return db.catalogueItem.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true, nameEn: true } });
}
