import { afterAll, describe, expect, it, vi } from "vitest";

// The demo's request files are real uploads: a private directory for this file, set before any module reads it.
const { uploads } = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const dir = mkdtempSync(path.join(tmpdir(), "zj-seed-"));
  process.env.UPLOADS_DIR = dir;
  return { uploads: dir };
});

import { rmSync } from "node:fs";
import { getDb } from "~/db/client.server";
import { verifyPassword } from "~/lib/password.server";
import { verifyAuditLog } from "~/services/audit/audit.server";
import { catalogueItems } from "../../seeds/catalogue-data";
import { DEMO_PASSWORD } from "../../seeds/demo-data";
import { seedAll } from "../../seeds/seed";
import { beijingMonth, districtIndicators, defaultPeriod, rangeOf } from "~/services/supervision/indicators.server";
import { dbNow } from "~/services/clock.server";
import { formatDate } from "~/lib/format";

afterAll(() => rmSync(uploads, { recursive: true, force: true }));

describe("seeds", () => {
  it("create the catalogue and an account for every role, and are idempotent", async () => {
    const db = await getDb();
    await seedAll(db);
    const counts = async () => ({
      items: await db.catalogueItem.count(),
      users: await db.user.count(),
      agencies: await db.agency.count(),
      announcements: await db.announcement.count(),
      requests: await db.serviceRequest.count(),
      ratings: await db.rating.count(),
      sanctions: await db.sanction.count(),
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
  }, 180_000);

  it("leave a year of history: requests in several states, ratings, two sanctions, credit scores and indicators to show", async () => {
    const db = await getDb();
    await seedAll(db);
    const now = await dbNow(db);
    const byStatus = Object.fromEntries(
      (await db.serviceRequest.groupBy({ by: ["status"], _count: true })).map((g) => [g.status, g._count]),
    );
    const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(60);
    expect(total).toBeLessThanOrEqual(120);
    expect(byStatus.COMPLETED).toBeGreaterThan(total / 2);
    expect(byStatus.FAILED).toBeGreaterThan(0);
    expect(byStatus.OPEN).toBeGreaterThan(0);
    expect(byStatus.IN_SERVICE).toBeGreaterThan(0);
    // Over the last year, across many items and every listed agency, most of them registered outside Shanghai.
    const yearAgo = new Date(now.getTime() - 366 * 86_400_000);
    expect(await db.serviceRequest.count({ where: { opensAt: { lt: yearAgo } } })).toBe(0);
    expect((await db.serviceRequest.groupBy({ by: ["itemId"], _count: true })).length).toBeGreaterThanOrEqual(8);
    const listed = await db.agency.findMany({
      where: { status: "LISTED" },
      select: { id: true, awardsCount: true, creditVersion: true, creditScore: true, organization: { select: { regionCode: true } } },
    });
    for (const a of listed) {
      expect(a.awardsCount, a.id).toBeGreaterThan(0);
      expect(a.creditVersion).toBe("1.1");
    }
    // The demo agencies were listed before their history began, with credentials valid for a year at least.
    const firstOpened = await db.serviceRequest.aggregate({ _min: { opensAt: true } });
    const listedAts = await db.agency.findMany({
      where: { status: "LISTED" },
      select: { listedAt: true, credentials: { select: { validUntil: true } } },
    });
    for (const a of listedAts) {
      expect(a.listedAt! < firstOpened._min.opensAt!).toBe(true);
      expect(a.credentials.some((c) => c.validUntil.getTime() > now.getTime() + 365 * 86_400_000)).toBe(true);
    }
    // Completed work is on time or late, amounts are under the caps, and many engagements are rated.
    const completed = await db.serviceRequest.findMany({
      where: { status: "COMPLETED" },
      select: {
        priceCapFen: true,
        dueAt: true,
        deliveredAt: true,
        completedAt: true,
        rating: { select: { reply: true, text: true } },
        bids: { where: { status: "WON" }, select: { amountFen: true } },
      },
    });
    expect(completed.some((r) => r.deliveredAt! <= r.dueAt!)).toBe(true);
    expect(completed.some((r) => r.deliveredAt! > r.dueAt!)).toBe(true);
    for (const r of completed) {
      expect(r.bids[0]!.amountFen <= r.priceCapFen).toBe(true);
      expect(r.completedAt! <= now).toBe(true);
    }
    const rated = completed.filter((r) => r.rating);
    expect(rated.length).toBeGreaterThan(completed.length / 2);
    expect(rated.some((r) => r.rating!.reply)).toBe(true);
    // Two regulator decisions, neither on the main demo agencies, with legal basis and dates.
    const sanctions = await db.sanction.findMany({ include: { agency: { include: { organization: { include: { users: true } } } } } });
    expect(sanctions.map((s) => s.kind).sort()).toEqual(["SUSPENSION", "WARNING"]);
    for (const s of sanctions) {
      expect(s.agency.organization.users.map((u) => u.email)).not.toContain("agency@demo.zjcs.cn");
      expect(s.agency.organization.users.map((u) => u.email)).not.toContain("agency2@demo.zjcs.cn");
      expect(s.legalBasis).toContain("《");
      expect(s.endsAt).not.toBeNull();
    }
    const suspension = sanctions.find((s) => s.kind === "SUSPENSION")!;
    expect(suspension.endsAt! < now).toBe(true);
    expect(suspension.agency.status).toBe("LISTED");
    expect(suspension.agency.creditScore).toBeLessThan(80);
    // The dashboard's default period has every indicator filled.
    const ind = await districtIndicators(db, rangeOf(defaultPeriod(now)));
    expect(ind.volume.totalRequests).toBe(total);
    expect(ind.volume.totalAwards).toBeGreaterThan(50);
    expect(ind.outside.total.share).toBeGreaterThan(0.5);
    expect(ind.outside.total.share).toBeLessThan(1);
    expect(ind.priceRatio.overallMedian).toBeGreaterThan(0.55);
    expect(ind.priceRatio.overallMedian).toBeLessThan(0.98);
    expect(ind.onTime.total.rate).toBeGreaterThan(0.6);
    expect(ind.onTime.total.rate).toBeLessThan(1);
    expect(ind.daysToAward.overall.median).toBeGreaterThan(4);
    expect(ind.volume.requests.filter((n) => n > 0).length).toBeGreaterThanOrEqual(10);
    expect(ind.range.to).toBe(beijingMonth(now));
    expect((await verifyAuditLog(db)).ok).toBe(true);
  }, 180_000);

  it("show an open request with project documents and a completed one with its recorded contract, dated by its own history", async () => {
    const db = await getDb();
    await seedAll(db);
    const now = await dbNow(db);
    const attachments = await db.requestAttachment.findMany({ select: { requestId: true, description: true } });
    expect(attachments.length).toBeGreaterThanOrEqual(2);
    const open = await db.serviceRequest.findUniqueOrThrow({ where: { id: attachments[0]!.requestId }, select: { status: true } });
    expect(open.status).toBe("OPEN");
    const records = await db.contractRecord.findMany();
    expect(records).toHaveLength(1);
    const c = records[0]!;
    const r = await db.serviceRequest.findUniqueOrThrow({
      where: { id: c.requestId },
      select: { status: true, publicityEndsAt: true, contractedAt: true, completedAt: true, awardedBidId: true },
    });
    expect(r.status).toBe("COMPLETED");
    const won = await db.bid.findUniqueOrThrow({ where: { id: r.awardedBidId! } });
    expect(c.amountFen <= won.amountFen).toBe(true);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    // Signed after the award's publicity, not after today (Beijing days), recorded before completion; the term is in order.
    expect(day(c.signedOn) >= formatDate(r.publicityEndsAt!)).toBe(true);
    expect(day(c.signedOn) <= formatDate(now)).toBe(true);
    expect(c.startsOn <= c.endsOn).toBe(true);
    expect(c.recordedAt <= r.completedAt!).toBe(true);
    const ann = await db.announcement.findFirstOrThrow({ where: { kind: "CONTRACT_RECORD", entityId: c.requestId } });
    expect(ann.data).toMatchObject({ amountFen: c.amountFen.toString(), signedOn: day(c.signedOn), endsOn: day(c.endsOn) });
    expect(ann.publishedAt.getTime()).toBe(c.recordedAt.getTime());
    expect(await db.document.count({ where: { id: c.documentId, kind: "CONTRACT" } })).toBe(1);
  }, 180_000);
});
