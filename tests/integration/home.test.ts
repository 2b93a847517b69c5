// The home page shows what a visitor comes for: the requests open for bids and the latest
// announcements; a catalogue item leads to posting a request for it (issue #14).
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "~/db/client.server";
import { loader as homeLoader } from "~/routes/_index";
import { loader as newRequestLoader } from "~/routes/requests.new";
import { loader as announcementsLoader } from "~/routes/announcements";
import { seedCatalogue } from "../../seeds/seed";
import { getRequest, outcome, routeArgs, sessionCookie } from "../support/http";
import { enterpriseUser, openRequest, requestForm } from "../support/requests";
import { postRequest } from "~/services/requests/post.server";

let db: Db;
let cookie: string;
let otherCookie: string;
let openId: string;
let draftId: string;

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  const enterprise = await enterpriseUser(db);
  const other = await enterpriseUser(db);
  cookie = await sessionCookie(enterprise.id);
  otherCookie = await sessionCookie(other.id);
  openId = (await openRequest(db, enterprise, { title: "首页可见的勘测项目" })).id;
  draftId = (await postRequest(db, enterprise, requestForm({ title: "首页不可见的草稿", intent: "draft" }))).id;
});

describe("home page", () => {
  it("lists the requests open for bids and the latest announcements, never a draft", async () => {
    const home = (await homeLoader(routeArgs(getRequest("/")))) as Awaited<ReturnType<typeof homeLoader>>;
    expect(home.open.map((r) => r.id)).toContain(openId);
    expect(home.open.map((r) => r.id)).not.toContain(draftId);
    expect(home.open.every((r) => r.status === "OPEN")).toBe(true);
    expect(home.openTotal).toBeGreaterThanOrEqual(1);
    expect(home.latest.length).toBeGreaterThan(0);
    expect(home.latest.length).toBeLessThanOrEqual(5);
    expect(home.latest.some((a) => a.kind === "REQUEST_OPEN" && a.title.includes("首页可见的勘测项目"))).toBe(true);
  });

  it("shows the five newest announcements and the figures of the lists they come from", async () => {
    for (let i = 0; i < 6; i++) await openRequest(db, await enterpriseUser(db), { title: `首页公告顺序${i}` });
    const home = (await homeLoader(routeArgs(getRequest("/")))) as Awaited<ReturnType<typeof homeLoader>>;
    const list = (await announcementsLoader(routeArgs(getRequest("/announcements")))) as Awaited<ReturnType<typeof announcementsLoader>>;
    expect(home.latest.map((a) => a.id)).toEqual(list.announcements.slice(0, 5).map((a) => a.id));
    expect(home.latest[0]!.title).toContain("首页公告顺序5");
    expect(home.announcements).toBe(await db.announcement.count());
    expect(home.openTotal).toBe(await db.serviceRequest.count({ where: { status: "OPEN" } }));
    expect(home.open).toHaveLength(5);
  });
});

describe("posting form", () => {
  it("?item= chooses an item in force; an unknown code chooses nothing", async () => {
    const pick = async (q: string) =>
      ((await newRequestLoader(routeArgs(getRequest(`/requests/new${q}`, cookie)))) as Awaited<ReturnType<typeof newRequestLoader>>)
        .defaults.itemCode;
    expect(await pick("?item=ZJ-PT-001")).toBe("ZJ-PT-001");
    expect(await pick("?item=NOPE")).toBeUndefined();
    expect(await pick("")).toBeUndefined();
  });
  it("?draft= fills the form with the organization's own draft; another's is not found", async () => {
    const own = (await newRequestLoader(routeArgs(getRequest(`/requests/new?draft=${draftId}`, cookie)))) as Awaited<
      ReturnType<typeof newRequestLoader>
    >;
    expect(own.draft).toMatchObject({ draftId, title: "首页不可见的草稿" });
    expect((await outcome(() => newRequestLoader(routeArgs(getRequest(`/requests/new?draft=${draftId}`, otherCookie))))).status).toBe(404);
    expect((await outcome(() => newRequestLoader(routeArgs(getRequest(`/requests/new?draft=${openId}`, cookie))))).status).toBe(404);
  });
});
