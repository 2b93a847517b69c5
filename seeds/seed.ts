import type { Db } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { factsData } from "~/lib/announcement-facts";
import { hashPassword } from "~/lib/password.server";
import { appendAudit } from "~/services/audit/audit.server";
import { identityOf } from "~/services/practitioners/identity.server";
import { catalogueItems, type CatalogueSeed } from "./catalogue-data";
import { DEMO_LISTED_DAYS_AGO, DEMO_PASSWORD, demoAgencies, demoOrgs, demoValidUntil, type DemoOrg } from "./demo-data";
import { dbNow } from "~/services/clock.server";
import { seedHistory } from "./history";
import { seedZones } from "./zones";
import { seedNavigatorRules } from "./navigator-rules";
import { seedRequestFiles } from "./request-files";

type Tx = Prisma.TransactionClient;

const SEED_ACTOR = null; // system

/** The stored row and the version-1 snapshot: every field of the service guide plus its status (as the catalogue service snapshots). */
function itemData(item: CatalogueSeed) {
  return { ...item, qualificationTypes: [...item.qualificationTypes], aliases: [...item.aliases], status: "IN_FORCE" as const };
}

/** The reference catalogue (version 1 of each item), published as one announcement. Idempotent. */
export async function seedCatalogue(db: Db): Promise<number> {
  let created = 0;
  for (const item of catalogueItems) {
    await db.$transaction(async (tx) => {
      const existing = await tx.catalogueItem.findUnique({ where: { code: item.code }, select: { id: true } });
      if (existing) return;
      const row = await tx.catalogueItem.create({ data: itemData(item) });
      await tx.catalogueItemVersion.create({
        data: {
          itemId: row.id,
          version: 1,
          snapshot: itemData(item),
          reason: "初始目录（依据《普陀区深化行政审批制度改革工作方案》）",
          actorId: SEED_ACTOR,
        },
      });
      await appendAudit(tx, {
        aggregateType: "catalogue",
        aggregateId: row.id,
        fromState: null,
        event: "CREATE_ITEM",
        toState: "IN_FORCE",
        actorId: SEED_ACTOR,
        payload: { code: item.code, version: 1 },
      });
      created++;
    });
  }
  if (created > 0) {
    await db.announcement.create({
      data: {
        kind: "CATALOGUE_CHANGE",
        title: "中介服务事项目录（第 1 版）发布公告",
        body: `本平台中介服务事项目录首次发布，共 ${catalogueItems.length} 项：${catalogueItems.map((i) => i.name).join("、")}。目录外事项不得发布中介服务需求。`,
        entityType: "catalogue",
        data: factsData("CATALOGUE_CHANGE", {
          event: "INITIAL_CATALOGUE",
          items: catalogueItems.map((i) => ({ code: i.code, name: i.name, nameEn: i.nameEn })),
        }),
      },
    });
  }
  await seedNavigatorRules(db);
  return created;
}

async function upsertOrg(tx: Tx, org: DemoOrg, passwordHash: string) {
  const existing = org.creditCode
    ? await tx.organization.findUnique({ where: { creditCode: org.creditCode } })
    : await tx.organization.findFirst({ where: { name: org.name, kind: org.kind } });
  const row =
    existing ??
    (await tx.organization.create({
      data: {
        kind: org.kind,
        name: org.name,
        creditCode: org.creditCode,
        regionCode: org.regionCode,
        contactName: org.users[0]?.name,
        contactPhone: org.contactPhone,
        contactEmail: org.users[0]?.email,
      },
    }));
  for (const u of org.users) {
    await tx.user.upsert({
      where: { email: u.email },
      update: {},
      // Demo addresses count as verified (decision 029): the demo accounts receive their notification mail.
      create: { email: u.email, name: u.name, role: u.role, passwordHash, organizationId: row.id, emailVerifiedAt: new Date() },
    });
  }
  return { org: row, created: !existing };
}

/** Demo organizations, users and agencies (several provinces, one individual business, one pending). */
export async function seedDemo(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // Every demo date is relative to the database clock, so the demo reads the same on any day.
  const now = await dbNow(db);
  const listedAt = new Date(now.getTime() - DEMO_LISTED_DAYS_AGO * 86_400_000);
  const items = new Map((await db.catalogueItem.findMany({ select: { id: true, name: true } })).map((i) => [i.name, i.id]));
  for (const org of demoOrgs) {
    await db.$transaction((tx) => upsertOrg(tx, org, passwordHash));
  }
  for (const a of demoAgencies) {
    await db.$transaction(async (tx) => {
      const { org, created } = await upsertOrg(tx, a, passwordHash);
      if (!created) return;
      const agency = await tx.agency.create({
        data: {
          organizationId: org.id,
          entityType: a.entityType,
          status: a.status,
          introduction: a.introduction,
          listedAt: a.status === "LISTED" ? listedAt : null,
          // Only the identity's HMAC and masked form are stored (decision 035).
          practitioners: {
            create: a.practitioners.map(({ idNumber, ...p }) => ({ ...p, ...identityOf(idNumber) })),
          },
        },
      });
      for (const c of a.credentials) {
        await tx.credential.create({
          data: {
            agencyId: agency.id,
            type: c.type,
            level: c.level,
            number: c.number,
            issuer: c.issuer,
            validUntil: demoValidUntil(c.validUntil, now),
            // A listed demo agency was approved, and approval verifies its credentials (decision 015).
            verifiedAt: a.status === "LISTED" ? listedAt : null,
            items: {
              create: c.items.map((name) => {
                const itemId = items.get(name);
                if (!itemId) throw new Error(`Seed credential names unknown catalogue item ${name}`);
                return { itemId };
              }),
            },
          },
        });
      }
      await appendAudit(tx, {
        aggregateType: "agency",
        aggregateId: agency.id,
        fromState: null,
        event: "REGISTER",
        toState: "APPLIED",
        actorId: null,
        payload: { name: org.name },
      });
      if (a.status === "LISTED") {
        await appendAudit(tx, {
          aggregateType: "agency",
          aggregateId: agency.id,
          fromState: "APPLIED",
          event: "APPROVE",
          toState: "LISTED",
          actorId: null,
          payload: { reason: "演示数据：资质审核通过" },
        });
      }
    });
  }
}

export async function seedAll(db: Db): Promise<void> {
  await seedCatalogue(db);
  await seedDemo(db);
  await seedHistory(db);
  await seedRequestFiles(db);
  await seedZones(db);
  // The demo's bids are history: they are not acknowledged by mail after the fact (decision 029).
  await db.$executeRaw`UPDATE "Bid" SET "ackedRevision" = revision`;
}
