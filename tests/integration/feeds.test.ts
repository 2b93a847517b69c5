/**
 * Atom feeds of announcements (routes/announcements.atom.ts): all, one kind, one
 * catalogue item; in Chinese or English; ETag/304 until something is published;
 * bad parameters 400, an unknown item 404. Parsed as XML (xml-js), not matched as text.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { xml2js, type Element } from "xml-js";
import { getDb, type Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { loader as feedLoader } from "~/routes/announcements.atom";
import { seedCatalogue } from "../../seeds/seed";
import { getRequest, routeArgs } from "../support/http";
import { enterpriseUser, openRequest, SURVEY } from "../support/requests";

const OTHER_ITEM = "ZJ-PT-008"; // 环境影响评价
let db: Db;
let owner: SessionUser;

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  owner = await enterpriseUser(db);
});

async function fetchFeed(qs = "", headers: Record<string, string> = {}) {
  const request = new Request(getRequest(`/announcements.atom${qs}`).url, { headers });
  return (await feedLoader(routeArgs(request))) as Response;
}

type Entry = { title: string; id: string; link: string; category: string; updated: string; summary: string };

function parse(xml: string) {
  const doc = xml2js(xml, { compact: false }) as Element;
  const feed = doc.elements!.find((e) => e.name === "feed")!;
  expect(feed.attributes?.xmlns).toBe("http://www.w3.org/2005/Atom");
  const text = (el: Element | undefined) => (el?.elements ?? []).map((c) => c.text ?? c.cdata ?? "").join("");
  const child = (el: Element, name: string) => el.elements?.find((c) => c.name === name);
  const entries: Entry[] = (feed.elements ?? [])
    .filter((e) => e.name === "entry")
    .map((e) => ({
      title: text(child(e, "title")),
      id: text(child(e, "id")),
      link: String(child(e, "link")?.attributes?.href ?? ""),
      category: String(child(e, "category")?.attributes?.term ?? ""),
      updated: text(child(e, "updated")),
      summary: text(child(e, "summary")),
    }));
  return { title: text(child(feed, "title")), updated: text(child(feed, "updated")), entries };
}

describe("announcement feeds", () => {
  it("list the newest announcements, per kind and per item, in the reader's language, with links back", async () => {
    await openRequest(db, owner, { title: "桃浦地块土地勘测（订阅测试）" });
    await openRequest(db, owner, { title: "真如片区环境影响评价（订阅测试）", itemCode: OTHER_ITEM });

    const all = await fetchFeed();
    expect(all.status).toBe(200);
    expect(all.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    const feed = parse(await all.text());
    expect(feed.title).toContain("中介超市");
    const titles = feed.entries.map((e) => e.title);
    expect(titles).toContain("项目公告：桃浦地块土地勘测（订阅测试）");
    expect(titles).toContain("项目公告：真如片区环境影响评价（订阅测试）");
    const entry = feed.entries.find((e) => e.title === "项目公告：桃浦地块土地勘测（订阅测试）")!;
    expect(entry.link).toMatch(/^http:\/\/[^/]+\/announcements\/[0-9a-f-]+$/);
    expect(entry.category).toBe("REQUEST_OPEN");
    expect(entry.summary).toMatch(/报名截止：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/);
    expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/); // RFC 3339, as Atom wants
    // Newest first.
    const times = feed.entries.map((e) => new Date(e.updated).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    // One item: its requests only.
    const byItem = parse(await (await fetchFeed(`?item=${SURVEY}`)).text());
    expect(byItem.entries.map((e) => e.title)).toContain("项目公告：桃浦地块土地勘测（订阅测试）");
    expect(byItem.entries.map((e) => e.title)).not.toContain("项目公告：真如片区环境影响评价（订阅测试）");
    expect(byItem.title).toContain("土地勘测");

    // One kind only.
    const opened = parse(await (await fetchFeed("?kind=REQUEST_OPEN")).text());
    expect(opened.entries.length).toBeGreaterThanOrEqual(2);
    expect(new Set(opened.entries.map((e) => e.category))).toEqual(new Set(["REQUEST_OPEN"]));

    // English: the same entries worded from their facts.
    const en = parse(await (await fetchFeed(`?item=${OTHER_ITEM}&lang=en`)).text());
    const enEntry = en.entries.find((e) => e.title.includes("真如片区环境影响评价（订阅测试）"))!;
    expect(enEntry.title).toMatch(/^Request notice: /);
    expect(enEntry.summary).toMatch(/\(Beijing time\)/);
    expect(`${en.title} ${enEntry.title} ${enEntry.summary}`).not.toMatch(/项目公告|北京时间|报名截止/);
  });

  it("answer 304 to a reader that revalidates, until something new is published", async () => {
    const first = await fetchFeed("?kind=REQUEST_OPEN");
    const etag = first.headers.get("ETag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("Cache-Control")).toBe("public, max-age=60");
    const again = await fetchFeed("?kind=REQUEST_OPEN", { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    await openRequest(db, owner, { title: "新发布的项目（订阅测试）" });
    const changed = await fetchFeed("?kind=REQUEST_OPEN", { "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(parse(await changed.text()).entries[0]!.title).toBe("项目公告：新发布的项目（订阅测试）");
  });

  it("refuse bad parameters with a 400 and an unknown item with a 404, in words", async () => {
    for (const qs of ["?kind=<script>", "?kind=award", `?kind=${"A".repeat(41)}`, "?item=../etc", "?item=%00"]) {
      const res = await fetchFeed(qs);
      expect(res.status, qs).toBe(400);
      expect(await res.text(), qs).toMatch(/无效/);
    }
    const unknown = await fetchFeed("?item=ZJ-NO-999&lang=en");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe("There is no such catalogue item.");
    // A kind nothing was published under is an empty feed, not an error.
    const empty = parse(await (await fetchFeed("?kind=NOTHING_YET")).text());
    expect(empty.entries).toEqual([]);
  });
});
