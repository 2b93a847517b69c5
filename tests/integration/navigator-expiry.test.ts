// The end of a regional-assessment result tells the followed projects it exempted (decision 041), once, by the
// database clock, in-app and by mail through the outbox; navigator notices are a mail topic of their own.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, type Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { action as navigatorAction } from "~/routes/navigator";
import { action as settingsAction, loader as settingsLoader } from "~/routes/settings.notifications";
import { dbNow } from "~/services/clock.server";
import { MAIL_TOPICS } from "~/services/mail/topics";
import { runDueWork } from "~/services/scheduler.server";
import { beijingToday } from "~/services/zones/data.server";
import { notifyExpiredZoneResults } from "~/services/zones/expiry.server";
import { recordZoneResult } from "~/services/zones/register.server";
import { seedCatalogue } from "../../seeds/seed";
import { regulatorUser } from "../support/cases";
import { expectRefusal, getRequest, outcome, routeArgs, sessionCookie } from "../support/http";
import { enterpriseUser } from "../support/requests";

const DAY = 86_400_000;
const ITEM = "ZJ-PT-008"; // an item the navigator lists for a small industrial project (decision 036's table)
let db: Db;
let regulator: SessionUser;
const ent: Record<"A" | "B" | "C" | "D", SessionUser> = {} as never;
const cookie: Record<string, string> = {};
let z1: string;
let z2: string;

const post = (action: (a: never) => Promise<unknown>, path: string, fields: [string, string][], who: keyof typeof ent) =>
  outcome(() =>
    action(
      routeArgs(
        new Request(`http://localhost:3000${path}`, {
          method: "POST",
          headers: { Origin: "http://localhost:3000", "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie[who]! },
          body: new URLSearchParams(fields),
        }),
      ),
    ),
  );
const follow = (who: keyof typeof ent, name: string, zone: string) =>
  post(
    navigatorAction,
    "/navigator",
    [
      ["intent", "follow"],
      ["name", name],
      ["industry", "INDUSTRIAL"],
      ["scale", "SMALL"],
      ["govFunded", "NO"],
      ["zone", zone],
    ],
    who,
  );

/** Puts the database clock (the test clock's offset) at `target`, rounded up to the next whole second. */
async function clockAt(target: Date) {
  process.env.ZJ_TEST_CLOCK = "1";
  await db.testClock.upsert({ where: { id: 1 }, create: { id: 1, offsetSeconds: 0 }, update: { offsetSeconds: 0 } });
  const rows = await db.$queryRaw<{ offset: number }[]>`
    SELECT ceil(extract(epoch FROM ${target}::timestamptz - clock_timestamp()))::int AS offset`;
  await db.testClock.update({ where: { id: 1 }, data: { offsetSeconds: rows[0]!.offset } });
}

const orgOf = (orgId: string | null) => (Object.entries(ent).find(([, u]) => u.organizationId === orgId)?.[0] ?? "?") as string;
async function told() {
  const rows = await db.notification.findMany({ where: { kind: "NAVIGATOR_EXEMPTION_EXPIRED" }, select: { orgId: true, data: true } });
  return rows.map((r) => `${orgOf(r.orgId)}:${(r.data as { project: string }).project}`).sort();
}
const mailed = () =>
  db.mailOutbox.findMany({
    where: { kind: "NAVIGATOR_EXEMPTION_EXPIRED" },
    select: { userId: true, locale: true, subject: true, text: true },
  });

/** A result of `itemCode` for zone `zoneId`, valid from `from` through `until` (Beijing dates). */
const record = (zoneId: string, from: Date, until: Date, issuer = "上海市环境科学研究院", itemCode = ITEM) =>
  recordZoneResult(db, regulator, zoneId, { itemCode, issuer, issuedOn: from, validUntil: until, conditions: "", file: null });

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  regulator = await regulatorUser(db);
  for (const k of ["A", "B", "C", "D"] as const) {
    ent[k] = await enterpriseUser(db);
    cookie[k] = await sessionCookie(ent[k].id);
  }
  const now = await dbNow(db);
  // Verified addresses (no mail goes to an unverified one); C reads English.
  await db.user.updateMany({ where: { id: { in: Object.values(ent).map((u) => u.id) } }, data: { emailVerifiedAt: now } });
  await db.user.update({ where: { id: ent.C.id }, data: { locale: "en" } });
  const zone = (code: string, name: string) =>
    db.zone.create({ data: { code, name, boundary: "东至…", createdById: regulator.id, createdAt: now } }).then((z) => z.id);
  z1 = await zone("310107-EX01", "桃浦智创城");
  z2 = await zone("310107-EX02", "中环商务区");
  // A, B and C follow an industrial project in zone 1; D one in zone 2.
  for (const [who, name, z] of [
    ["A", "A 厂房", z1],
    ["B", "B 厂房", z1],
    ["C", "C plant", z1],
    ["D", "D 厂房", z2],
  ] as const)
    expect((await follow(who, name, z)).status).toBe(302);
});

beforeEach(async () => {
  await db.notification.deleteMany();
  await db.mailOutbox.deleteMany();
});

afterEach(async () => {
  await db.testClock.updateMany({ data: { offsetSeconds: 0 } });
  delete process.env.ZJ_TEST_CLOCK;
});

describe("the navigator notices are a mail topic of their own", () => {
  it("B turns them off without JavaScript (one checkbox per topic); an unknown topic is a 400 at the field", async () => {
    const page = await outcome(() => settingsLoader(routeArgs(getRequest("/settings/notifications", cookie.B))));
    expect(page.status).toBe(200);
    expect(MAIL_TOPICS).toContain("NAVIGATOR");
    const keep = MAIL_TOPICS.filter((t) => t !== "NAVIGATOR").map((t) => ["topic", t] as [string, string]);
    await expectRefusal(
      post(settingsAction, "/settings/notifications", [["intent", "save"], ...keep, ["topic", "NAVIGATORS"]], "B"),
      400,
      "errors.invalidChoice",
      `topic.${keep.length}`,
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: ent.B.id } })).mailOptOut).toEqual([]);
    const saved = await post(settingsAction, "/settings/notifications", [["intent", "save"], ...keep], "B");
    expect(saved.location).toBe("/settings/notifications?saved=1");
    expect((await db.user.findUniqueOrThrow({ where: { id: ent.B.id } })).mailOptOut).toEqual(["NAVIGATOR"]);
  });
});

describe("a result's end of validity, at the boundary instant", () => {
  it("just before 00:00 Beijing time after its last date nobody is told; at it, each follower in the zone once", async () => {
    const today = beijingToday(await dbNow(db));
    await record(z1, new Date(today.getTime() - 30 * DAY), today);
    expect((await db.notification.findMany({ where: { kind: "NAVIGATOR_EXEMPTION_ADDED" } })).length).toBe(3);
    await db.notification.deleteMany();
    await db.mailOutbox.deleteMany();
    // The result covers `today` through its end: the next Beijing midnight is `today` 16:00 UTC.
    const boundary = new Date(today.getTime() + 16 * 3600_000);

    await clockAt(new Date(boundary.getTime() - 2000));
    expect((await dbNow(db)).getTime()).toBeLessThan(boundary.getTime());
    expect(await notifyExpiredZoneResults(db)).toBe(0);
    expect((await runDueWork()).exemptionsEnded).toBe(0);
    expect((await dbNow(db)).getTime()).toBeLessThan(boundary.getTime());
    expect(await told()).toEqual([]);

    await clockAt(boundary);
    expect((await dbNow(db)).getTime()).toBeGreaterThanOrEqual(boundary.getTime());
    // Several passes at once, as several instances would run them: one notice per project in all.
    const passes = await Promise.all([
      notifyExpiredZoneResults(db),
      notifyExpiredZoneResults(db),
      runDueWork().then((w) => w.exemptionsEnded),
    ]);
    expect(passes.reduce((a, b) => a + b, 0)).toBe(3);
    expect(await notifyExpiredZoneResults(db)).toBe(0);
    expect((await runDueWork()).exemptionsEnded).toBe(0);
    expect(await told()).toEqual(["A:A 厂房", "B:B 厂房", "C:C plant"]); // not D's project, in zone 2
    const note = await db.notification.findFirstOrThrow({ where: { kind: "NAVIGATOR_EXEMPTION_EXPIRED", orgId: ent.A.organizationId } });
    expect(note.data).toMatchObject({
      code: ITEM,
      zone: "310107-EX01 桃浦智创城",
      until: today.toISOString().slice(0, 10),
      project: "A 厂房",
    });

    // Mail through the outbox in each reader's language; B turned the topic off and has the in-app notice only.
    const mail = await mailed();
    expect(mail.map((m) => m.userId).sort()).toEqual([ent.A.id, ent.C.id].sort());
    const zh = mail.find((m) => m.userId === ent.A.id)!;
    expect(zh.locale).toBe("zh");
    expect(zh.text).toContain("区域评估结果已过有效期");
    expect(zh.text).toContain("/navigator/projects");
    const en = mail.find((m) => m.userId === ent.C.id)!;
    expect(en.locale).toBe("en");
    expect(en.subject).toContain("The regional assessment of zone 310107-EX01");
    expect(en.text).toContain("is no longer exempt");
  });

  it("another result still covering the item tells nobody; two results ending together tell once", async () => {
    const today = beijingToday(await dbNow(db));
    const from = new Date(today.getTime() - 30 * DAY);
    await record(z1, from, new Date(today.getTime() + DAY), "甲评估院");
    await record(z1, from, new Date(today.getTime() + 200 * DAY), "乙评估院"); // still valid after the first ends
    await record(z2, from, new Date(today.getTime() + DAY), "丙评估院");
    await record(z2, from, new Date(today.getTime() + DAY), "丁评估院"); // the same end, the same item, zone 2
    await db.notification.deleteMany();
    await db.mailOutbox.deleteMany();
    await clockAt(new Date(today.getTime() + DAY + 16 * 3600_000));
    expect(await notifyExpiredZoneResults(db)).toBe(1);
    expect(await told()).toEqual(["D:D 厂房"]);
    // Both ended results are handled; the one still valid is not.
    const open = await db.zoneAssessment.findMany({ where: { expiryHandledAt: null }, select: { issuer: true } });
    expect(open.map((r) => r.issuer)).toEqual(["乙评估院"]);
  });

  it("a result recorded after its end never exempted anyone: its end tells nobody", async () => {
    const today = beijingToday(await dbNow(db));
    const late = await record(z1, new Date(today.getTime() - 20 * DAY), new Date(today.getTime() - DAY), "迟到的评估院");
    expect(late.expiryHandledAt).not.toBeNull();
    expect(await notifyExpiredZoneResults(db)).toBe(0);
    expect(await db.notification.count()).toBe(0);
  });
});
