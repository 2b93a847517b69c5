// Search finds what people type: short names (环评) as the catalogue admin keeps them, spaces as AND,
// suggestions when nothing matches — in the catalogue, the directory and the requests (issue #14).
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "~/db/client.server";
import { catalogueEditSchema } from "~/schemas/catalogue";
import { searchDirectory } from "~/services/agencies/directory.server";
import { editCatalogueItem } from "~/services/catalogue/catalogue.server";
import { getCatalogueItem, listCatalogue, suggestItems } from "~/services/catalogue/queries.server";
import { itemFormValues } from "~/components/catalogue-item-form";
import { listRequests } from "~/services/requests/public-view.server";
import { seedCatalogue } from "../../seeds/seed";
import { createUser } from "../support/factories";
import { enterpriseUser, listedAgencies, openRequest } from "../support/requests";

let db: Db;
const names = async (q: string) => (await listCatalogue(db, { q })).items.map((i) => i.name);

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
});

describe("catalogue search", () => {
  it("finds an item by its short name, and by words separated by spaces (AND)", async () => {
    expect(await names("环评")).toEqual(["环境影响评价"]);
    expect(await names("能评")).toEqual(["节能评估"]);
    expect(await names("环境 评价")).toEqual(["环境影响评价"]);
    expect(await names("环评 能评")).toEqual([]);
  });
  it("suggests items when nothing matches, by shared words", async () => {
    const none = await listCatalogue(db, { q: "环境评估报告" });
    expect(none.total).toBe(0);
    expect(none.suggestions.map((s) => s.name)).toContain("环境影响评价");
    expect(await suggestItems(db, "xyz")).toEqual([]);
    expect((await listCatalogue(db, { q: "环评" })).suggestions).toEqual([]);
  });
  it("short names are edited by the catalogue admin and versioned with the item", async () => {
    const admin = await createUser(db, "ADMIN");
    const item = (await getCatalogueItem(db, "ZJ-PT-008"))!;
    const values = itemFormValues(item);
    expect(values.aliases).toBe("环评、环评报告");
    const input = catalogueEditSchema.parse({
      ...values,
      aliases: "环评，环评报告\n建设项目环评、环评",
      reason: "补充简称",
      version: String(item.version),
    });
    expect(input.aliases).toEqual(["环评", "环评报告", "建设项目环评"]);
    const { changes } = await editCatalogueItem(db, "ZJ-PT-008", input, admin.id);
    expect(changes.map((c) => c.field)).toEqual(["aliases"]);
    const page = (await getCatalogueItem(db, "ZJ-PT-008"))!;
    expect(page.history[0]).toMatchObject({
      reason: "补充简称",
      changes: [{ field: "aliases", before: ["环评", "环评报告"], after: ["环评", "环评报告", "建设项目环评"] }],
    });
    expect(await names("建设项目环评")).toEqual(["环境影响评价"]);
    const tooMany = catalogueEditSchema.safeParse({
      ...values,
      aliases: Array.from({ length: 21 }, (_, i) => `简称${i}`).join("、"),
      reason: "r",
      version: "2",
    });
    expect(tooMany.success).toBe(false);
  });
});

describe("requests and directory search", () => {
  it("a request is found by its item's short name, with every word required", async () => {
    const enterprise = await enterpriseUser(db);
    const posted = await openRequest(db, enterprise, { itemCode: "ZJ-PT-008", title: "长风地块报告编制" });
    const ids = async (q: string) => (await listRequests(db, null, { q })).requests.map((r) => r.id);
    expect(await ids("环评")).toContain(posted.id);
    expect(await ids("环评 长风")).toContain(posted.id);
    expect(await ids("环境影响 长风")).toContain(posted.id);
    expect(await ids("环评 不存在的词")).not.toContain(posted.id);
    expect(await ids("能评")).not.toContain(posted.id);
  });
  it("searching the directory for an item's short name lists the agencies for that item", async () => {
    const [agency] = await listedAgencies(db, 1, "ZJ-PT-012");
    const result = await searchDirectory(db, { q: "测绘" });
    expect(result.itemFromQuery).toBe("ZJ-PT-012");
    expect(result.agencies.map((a) => a.id)).toContain(agency!.agencyId);
    const byName = await searchDirectory(db, { q: "测试测绘" });
    expect(byName.itemFromQuery).toBeNull();
  });
});
