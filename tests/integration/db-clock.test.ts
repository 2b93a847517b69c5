/**
 * The directory, the agency's own profile and the listing date take "now" from the
 * database clock (decision 010), not from the app server's clock: with the test clock
 * moved 40 days on, a credential valid for 20 more days by the server's clock is
 * already expired, and an agency approved now is listed 40 days on.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "~/db/client.server";
import { agencyProfile, searchDirectory } from "~/services/agencies/directory.server";
import { getAgencyProfile } from "~/services/agencies/profile.server";
import { approveAgency } from "~/services/agencies/review.server";
import { dbNow } from "~/services/clock.server";
import { seedCatalogue } from "../../seeds/seed";
import { addCredential, createUser, registerAgency } from "../support/factories";
import { SURVEY } from "../support/requests";

const DAY = 86_400_000;
let db: Db;

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
});

async function moveClock(days: number) {
  process.env.ZJ_TEST_CLOCK = "1";
  await db.testClock.upsert({
    where: { id: 1 },
    create: { id: 1, offsetSeconds: days * 86_400 },
    update: { offsetSeconds: days * 86_400 },
  });
}

afterEach(async () => {
  await db.testClock.updateMany({ data: { offsetSeconds: 0 } });
  delete process.env.ZJ_TEST_CLOCK;
});

describe("time from the database clock", () => {
  it("an agency approved is listed at the database's now; a credential expired by that clock no longer counts", async () => {
    const { agency, user } = await registerAgency(db, { name: `时钟测绘${Date.now()}有限公司` });
    const credential = await addCredential(db, agency.id, [SURVEY], new Date(Date.now() + 60 * DAY));
    const regulator = await createUser(db, "REGULATOR");
    await moveClock(40);
    await approveAgency(db, { agencyId: agency.id, actorId: regulator.id });
    const listed = await db.agency.findUniqueOrThrow({ where: { id: agency.id } });
    const now = await dbNow(db);
    expect(Math.abs(listed.listedAt!.getTime() - now.getTime())).toBeLessThan(60_000);
    expect(listed.listedAt!.getTime()).toBeGreaterThan(Date.now() + 39 * DAY);

    // Valid for 20 more days by the server's clock, expired 20 days ago by the database's.
    await db.credential.update({ where: { id: credential.id }, data: { validUntil: new Date(Date.now() + 20 * DAY) } });
    const found = await searchDirectory(db, { item: SURVEY, page: 1 });
    expect(found.agencies.map((a) => a.id)).not.toContain(agency.id);
    const profile = await getAgencyProfile(db, user.organizationId!);
    expect(profile!.credentials.find((c) => c.id === credential.id)!.expired).toBe(true);
    const publicView = await agencyProfile(db, agency.id);
    expect(publicView!.credentials.find((c) => c.id === credential.id)!.valid).toBe(false);

    // Back to the real clock: the same credential counts again.
    await db.testClock.updateMany({ data: { offsetSeconds: 0 } });
    expect((await searchDirectory(db, { item: SURVEY, page: 1 })).agencies.map((a) => a.id)).toContain(agency.id);
  });
});
