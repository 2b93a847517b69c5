import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { verifyPassword } from "~/lib/password.server";
import { verifyAuditLog } from "~/services/audit/audit.server";
import { catalogueItems } from "../../seeds/catalogue-data";
import { DEMO_PASSWORD } from "../../seeds/demo-data";
import { seedAll } from "../../seeds/seed";

describe("seeds", () => {
  it("create the catalogue and an account for every role, and are idempotent", async () => {
    const db = await getDb();
    await seedAll(db);
    const counts = async () => ({
      items: await db.catalogueItem.count(),
      users: await db.user.count(),
      agencies: await db.agency.count(),
      announcements: await db.announcement.count(),
    });
    const first = await counts();
    await seedAll(db);
    expect(await counts()).toEqual(first);
    expect(first.items).toBe(catalogueItems.length);
    const roles = await db.user.groupBy({ by: ["role"], _count: true });
    expect(roles.map((r) => r.role).sort()).toEqual(["ADMIN", "AGENCY", "ENTERPRISE", "REGULATOR"]);
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@demo.zjcs.cn" } });
    expect(await verifyPassword(admin.passwordHash, DEMO_PASSWORD)).toBe(true);
    const regions = await db.organization.findMany({ where: { kind: "AGENCY" }, distinct: ["regionCode"], select: { regionCode: true } });
    expect(new Set(regions.map((r) => r.regionCode!.slice(0, 2))).size).toBeGreaterThanOrEqual(5);
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });
});
