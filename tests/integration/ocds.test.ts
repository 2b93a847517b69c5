import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A private uploads directory for this file (deliveries store a file), set before any module reads it.
const { uploads } = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const dir = mkdtempSync(path.join(tmpdir(), "zj-ocds-uploads-"));
  process.env.UPLOADS_DIR = dir;
  return { uploads: dir };
});

import { rmSync } from "node:fs";
import { getDb, type Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { loader as bulkLoader } from "~/routes/ocds.bulk.json";
import { loader as recordLoader } from "~/routes/ocds.records.$ocid";
import { loader as releasesLoader } from "~/routes/ocds.releases.json";
import { loader as requestPageLoader } from "~/routes/requests.$id";
import { notifyOverdueRequests, notifyPublicityEnded } from "~/services/requests/award-scheduler.server";
import {
  acceptDelivery,
  confirmContract,
  decideObjection,
  deliverResult,
  fileObjection,
  pickBid,
  republishRequest,
  returnDelivery,
} from "~/services/requests/award.server";
import { submitBid } from "~/services/requests/bids.server";
import { closeDueRequests } from "~/services/requests/close.server";
import { cancelRequest } from "~/services/requests/post.server";
import { DEFAULT_OCID_PREFIX } from "~/services/ocds/config.server";
import { seedCatalogue } from "../../seeds/seed";
import { createUser } from "../support/factories";
import { getRequest, responseOf, routeArgs, sessionCookie } from "../support/http";
import { codesSeen, ocdsErrors, type Pkg } from "../support/ocds";
import { enterpriseUser, expire, listedAgencies, openRequest, requestForm, sessionUserOf } from "../support/requests";
import { postRequest } from "~/services/requests/post.server";

const GROUNDS = { legalBasis: "《普陀区行政审批中介服务网上交易平台管理规定》第十八条", evidence: "报价文件、资质证书核验记录" };
const PDF = new TextEncoder().encode("%PDF-1.4\n% 成果报告\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const pdf = () => new File([PDF], "成果报告.pdf", { type: "application/pdf" });
const bid = (yuan: number, days = 20) => ({
  amountFen: BigInt(Math.round(yuan * 100)),
  serviceDays: days,
  proposal: "按规范完成并出具报告",
});

type Release = {
  ocid: string;
  id: string;
  date: string;
  tag: string[];
  tender: {
    status: string;
    procurementMethod: string;
    awardCriteria?: string;
    value: { amount: number };
    randomDraw?: { commitment: string };
  };
  bids?: { details: { id: string; status: string; value: { amount: number } }[] };
  awards?: {
    id: string;
    status: string;
    value: { amount: number };
    randomDraw?: { seed: string; commitment: string; entrants: string[] };
  }[];
  contracts?: { status: string; implementation?: { milestones: { id: string; status: string }[] } }[];
  relatedProcesses?: { relationship: string[]; identifier: string }[];
};
type ReleasePackage = { releases: Release[]; links?: { next: string }; version: string; publishedDate: string };
type RecordPackage = { records: { ocid: string; releases: Release[]; compiledRelease: Release }[] };

let db: Db;
let owner: SessionUser;
let reg: SessionUser;
let agencies: Awaited<ReturnType<typeof listedAgencies>>;
const ids: Record<string, string> = {};
const codes: Record<string, string> = {};

async function get(path: string, headers: Record<string, string> = {}) {
  const request = getRequest(path);
  for (const [k, v] of Object.entries(headers)) request.headers.set(k, v);
  const route = path.startsWith("/ocds/records/") ? recordLoader : path.startsWith("/ocds/bulk") ? bulkLoader : releasesLoader;
  const params: Record<string, string> = path.startsWith("/ocds/records/")
    ? { ocid: decodeURIComponent(path.split("/")[3]!.split("?")[0]!) }
    : {};
  const res = (await responseOf(() => route(routeArgs(request, params)))) as Response;
  expect(res).toBeInstanceOf(Response);
  return res;
}

async function json<T>(path: string): Promise<T> {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

/** Every release of the feed, following links.next, each page validated. */
async function allReleases(limit = 7): Promise<Release[]> {
  const out: Release[] = [];
  let path: string | null = `/ocds/releases.json?limit=${limit}`;
  let pages = 0;
  while (path) {
    const pkg: ReleasePackage = await json<ReleasePackage>(path);
    expect(ocdsErrors(pkg as Pkg, "release"), path).toEqual([]);
    out.push(...pkg.releases);
    path = pkg.links ? pkg.links.next.replace(/^https?:\/\/[^/]+/, "") : null;
    if (++pages > 200) throw new Error("pagination does not end");
  }
  return out;
}

const ocid = (key: string) => `${DEFAULT_OCID_PREFIX}-${codes[key]}`;

async function record(key: string): Promise<RecordPackage["records"][number]> {
  const pkg = await json<RecordPackage>(`/ocds/records/${ocid(key)}.json`);
  expect(ocdsErrors(pkg as Pkg, "record"), key).toEqual([]);
  expect(pkg.records).toHaveLength(1);
  return pkg.records[0]!;
}

async function remember(key: string, id: string) {
  ids[key] = id;
  codes[key] = (await db.serviceRequest.findUniqueOrThrow({ where: { id }, select: { code: true } })).code;
}

const pastPublicity = (id: string) => db.serviceRequest.update({ where: { id }, data: { publicityEndsAt: new Date(Date.now() - 1000) } });

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  owner = await enterpriseUser(db);
  reg = sessionUserOf(await createUser(db, "REGULATOR"));
  agencies = await listedAgencies(db, 3);

  // A: lowest price, through contract, an overdue delivery, a return, a second delivery and acceptance.
  const a = await openRequest(db, owner, { title: "OCDS 全流程：竞价选取" });
  await remember("full", a.id);
  for (const [i, y] of [71234.56, 72345.67, 73456.78].entries()) await submitBid(db, agencies[i]!.user, a.id, bid(y, 10 + i));
  await expire(db, a.id);
  await closeDueRequests(db);
  await pastPublicity(a.id);
  await notifyPublicityEnded(db);
  await confirmContract(db, owner, a.id);
  await confirmContract(db, agencies[0]!.user, a.id);
  await db.serviceRequest.update({ where: { id: a.id }, data: { dueAt: new Date(Date.now() - 1000) } });
  await notifyOverdueRequests(db);
  await deliverResult(db, agencies[0]!.user, a.id, { file: pdf(), note: "初稿" });
  await returnDelivery(db, owner, a.id, "缺少界址点坐标表");
  await deliverResult(db, agencies[0]!.user, a.id, { file: pdf(), note: "正式版" });
  await acceptDelivery(db, owner, a.id);

  // B: random draw; an upheld objection moves the award to the next in the draw.
  const b = await openRequest(db, owner, { title: "OCDS：随机抽取", selectionMethod: "RANDOM_DRAW" });
  await remember("draw", b.id);
  for (const [i, y] of [61111.11, 62222.22, 63333.33].entries()) await submitBid(db, agencies[i]!.user, b.id, bid(y));
  await expire(db, b.id);
  await closeDueRequests(db);
  const drawn = await db.serviceRequest.findUniqueOrThrow({ where: { id: b.id }, include: { bids: true } });
  const loser = drawn.bids.find((x) => x.id !== drawn.awardedBidId)!;
  const objector = agencies.find((x) => x.agencyId === loser.agencyId)!;
  const objection = await fileObjection(db, objector.user, b.id, "中选机构资质存疑");
  await decideObjection(db, reg, objection.id, "UPHOLD", "经核查异议成立", GROUNDS);

  // C: cancelled while open, with bids that must stay sealed.
  const c = await openRequest(db, owner, { title: "OCDS：取消" });
  await remember("cancelled", c.id);
  await submitBid(db, agencies[0]!.user, c.id, bid(55555.55));
  await cancelRequest(db, owner, c.id, "项目计划调整");

  // D: a failed round (one bid, three needed), re-published as round 2.
  const d = await openRequest(db, owner, { title: "OCDS：流标" });
  await remember("failed", d.id);
  await submitBid(db, agencies[1]!.user, d.id, bid(44444.44));
  await expire(db, d.id);
  await closeDueRequests(db);
  const next = await republishRequest(db, owner, d.id, new Date(Date.now() + 86_400_000));
  await remember("round2", next.id);

  // E: direct pick by the enterprise.
  const e = await openRequest(db, owner, { title: "OCDS：直接选取", selectionMethod: "DIRECT" });
  await remember("direct", e.id);
  for (const [i, y] of [33333.33, 34444.44].entries()) await submitBid(db, agencies[i]!.user, e.id, bid(y));
  await db.serviceRequest.update({ where: { id: e.id }, data: { minBidders: 2 } });
  await expire(db, e.id);
  await closeDueRequests(db);
  const eBids = await db.bid.findMany({ where: { requestId: e.id }, orderBy: { amountFen: "desc" } });
  await pickBid(db, owner, e.id, eBids[0]!.id);

  // F: a draft cancelled before publication: never a contracting process.
  const f = await postRequest(db, owner, requestForm({ title: "OCDS：草稿", intent: "draft" }));
  expect(f.status).toBe("DRAFT");
  await remember("draft", f.id);
  await cancelRequest(db, owner, f.id, "不再需要");
});

afterAll(() => {
  rmSync(uploads, { recursive: true, force: true });
});

describe("release packages", () => {
  it("every release of every process, paginated in a stable order, valid OCDS 1.1 with codelist values", async () => {
    const first = await allReleases(7);
    const again = await allReleases(7);
    expect(again.map((r) => r.id)).toEqual(first.map((r) => r.id));
    // Another page size gives the same sequence.
    expect((await allReleases(500)).map((r) => r.id)).toEqual(first.map((r) => r.id));
    expect(new Set(first.map((r) => r.id)).size).toBe(first.length);
    for (const key of ["full", "draw", "cancelled", "failed", "round2", "direct"])
      expect(
        first.some((r) => r.ocid === ocid(key)),
        key,
      ).toBe(true);
    expect(first.some((r) => r.ocid === ocid("draft"))).toBe(false);
    for (const r of first) expect(r.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}(Z|[+-]\d\d:\d\d)$/);
  });

  it("since= keeps releases dated from then on; bad parameters are a 400 with a message", async () => {
    const all = await allReleases(500);
    const middle = [...all].sort((a, b) => a.date.localeCompare(b.date))[Math.floor(all.length / 2)]!.date;
    const later = await json<ReleasePackage>(`/ocds/releases.json?limit=500&since=${encodeURIComponent(middle)}`);
    expect(later.releases.length).toBeGreaterThan(0);
    expect(later.releases.length).toBeLessThan(all.length);
    expect(later.releases.every((r) => r.date >= middle)).toBe(true);
    for (const [q, word] of [
      ["since=yesterday", "since"],
      ["since=1899-01-01T00:00:00Z", "since"],
      ["limit=0", "limit"],
      ["limit=501", "limit"],
      ["limit=abc", "limit"],
      ["after=-1", "after"],
      ["after=1e9", "after"],
    ] as const) {
      const res = await get(`/ocds/releases.json?${q}`);
      expect(res.status, q).toBe(400);
      const body = (await res.json()) as { error: string; message: string };
      expect(body.error).toBe("bad_parameter");
      expect(body.message, q).toContain(word);
    }
  });

  it("answers 304 to a client that has the same page (ETag)", async () => {
    const res = await get("/ocds/releases.json?limit=3");
    const etag = res.headers.get("ETag")!;
    expect(etag).toMatch(/^"/);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect((await get("/ocds/releases.json?limit=3", { "If-None-Match": etag })).status).toBe(304);
    // A page past the end: no releases, no next link, and still cacheable.
    const empty = await get("/ocds/releases.json?since=2099-01-01T00:00:00%2B08:00");
    expect(((await empty.clone().json()) as ReleasePackage).releases).toEqual([]);
    expect(((await empty.json()) as ReleasePackage).links).toBeUndefined();
    const emptyTag = (await get("/ocds/releases.json?since=2099-01-01T00:00:00%2B08:00")).headers.get("ETag")!;
    expect((await get("/ocds/releases.json?since=2099-01-01T00:00:00%2B08:00", { "If-None-Match": emptyTag })).status).toBe(304);
  });
});

describe("record packages", () => {
  it("the full process: tender, close with bids, award, contract, implementation, completion", async () => {
    const rec = await record("full");
    expect(rec.releases.map((r) => r.tag)).toEqual([
      ["planning", "tender"],
      ["tenderUpdate"],
      ["award"],
      ["awardUpdate"],
      ["contract"],
      ["implementation"],
      ["implementationUpdate"], // overdue
      ["implementationUpdate"], // first delivery
      ["implementationUpdate"], // returned
      ["implementationUpdate"], // second delivery
      ["implementationUpdate", "contractTermination"], // accepted: completed
    ]);
    // No amount but the cap before closing; the amounts from the close on.
    expect(rec.releases[0]!.bids).toBeUndefined();
    expect(rec.releases[0]!.tender.value.amount).toBe(100000);
    expect(rec.releases[1]!.bids!.details.map((d) => d.value.amount).sort()).toEqual([71234.56, 72345.67, 73456.78]);
    const c = rec.compiledRelease;
    expect(c.tag).toEqual(["compiled"]);
    expect(c.tender).toMatchObject({ status: "complete", procurementMethod: "open", awardCriteria: "priceOnly" });
    expect(c.awards).toHaveLength(1);
    expect(c.awards![0]).toMatchObject({ status: "active", value: { amount: 71234.56 } });
    expect(c.contracts![0]!.status).toBe("terminated");
    expect(c.contracts![0]!.implementation!.milestones.map((m) => [m.id.split("-")[0], m.status])).toEqual([
      ["delivery", "met"],
      ["acceptance", "notMet"],
      ["acceptance", "met"],
    ]);
    // Record releases are the feed's releases.
    const feed = (await allReleases(500)).filter((r) => r.ocid === ocid("full"));
    expect(feed).toEqual(rec.releases);
  });

  it("a random draw: the commitment at opening, the draw record with the award; an upheld objection moves the award", async () => {
    const rec = await record("draw");
    const row = await db.serviceRequest.findUniqueOrThrow({ where: { id: ids.draw }, select: { drawSeed: true, drawCommitment: true } });
    expect(rec.releases[0]!.tender.randomDraw).toMatchObject({ commitment: row.drawCommitment });
    expect(JSON.stringify(rec.releases[0])).not.toContain(row.drawSeed!);
    expect(JSON.stringify(rec.releases[1])).not.toContain(row.drawSeed!);
    expect(rec.releases.map((r) => r.tag)).toEqual([["planning", "tender"], ["tenderUpdate"], ["award"], ["awardCancellation", "award"]]);
    const award = rec.releases[2]!.awards![0]!;
    expect(award.randomDraw).toMatchObject({ seed: row.drawSeed, commitment: row.drawCommitment });
    expect(award.randomDraw!.entrants).toHaveLength(3);
    const c = rec.compiledRelease;
    expect(c.tender.awardCriteria).toBeUndefined();
    expect(c.awards!.map((a) => a.status)).toEqual(["cancelled", "pending"]);
    expect(c.awards![1]!.id).not.toBe(c.awards![0]!.id);
  });

  it("a cancellation: tender cancelled, and no bid in any release", async () => {
    const rec = await record("cancelled");
    expect(rec.releases.map((r) => r.tag)).toEqual([["planning", "tender"], ["tenderCancellation"]]);
    expect(rec.compiledRelease.tender.status).toBe("cancelled");
    expect(JSON.stringify(rec)).not.toContain("55555.55");
    expect(JSON.stringify(rec)).not.toContain("5555555");
    expect(rec.compiledRelease.bids).toBeUndefined();
  });

  it("a failed round is unsuccessful, and the next round names it as the process it repeats", async () => {
    const failed = await record("failed");
    expect(failed.releases.map((r) => r.tag)).toEqual([["planning", "tender"], ["tenderUpdate"], ["tenderUpdate"]]);
    expect(failed.compiledRelease.tender.status).toBe("unsuccessful");
    expect(failed.compiledRelease.awards).toBeUndefined();
    const round2 = await record("round2");
    expect(round2.compiledRelease.relatedProcesses).toEqual([
      expect.objectContaining({ relationship: ["unsuccessfulProcess"], identifier: ocid("failed") }),
    ]);
    expect(round2.compiledRelease.tender.status).toBe("active");
  });

  it("a direct pick is an open procedure without award criteria, the picked bid the award", async () => {
    const rec = await record("direct");
    expect(rec.releases.map((r) => r.tag)).toEqual([["planning", "tender"], ["tenderUpdate"], ["award"]]);
    expect(rec.compiledRelease.awards![0]!.value.amount).toBe(34444.44);
    expect(rec.compiledRelease.tender.procurementMethod).toBe("open");
  });

  it("unknown or malformed ocids: 404 and 400 with a message, never a 500", async () => {
    const res404 = await get(`/ocds/records/${DEFAULT_OCID_PREFIX}-ZJ20990101-ABCDEF.json`);
    expect(res404.status).toBe(404);
    expect(((await res404.json()) as { error: string }).error).toBe("not_found");
    expect((await get(`/ocds/records/ocds-zzzzzz-${codes.full}.json`)).status).toBe(404);
    expect((await get(`/ocds/records/${ocid("draft")}.json`)).status).toBe(404);
    for (const bad of ["x", `${ocid("full")}`, "ocds-xxxxxx-zj.json", "%00.json", `${"A".repeat(200)}.json`]) {
      const res = await get(`/ocds/records/${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as { message: string }).message, bad).toContain("ocid");
    }
  });
});

describe("the request page", () => {
  it("links a published process to its OCDS record; a draft cancelled before publication has none", async () => {
    const page = async (key: string, cookie?: string) => {
      const r = (await responseOf(() => requestPageLoader(routeArgs(getRequest(`/requests/${ids[key]}`, cookie), { id: ids[key]! })))) as {
        data: { ocdsRecord: string | null; request: { id: string } };
      };
      expect(r.data.request.id).toBe(ids[key]);
      return r.data.ocdsRecord;
    };
    for (const key of ["full", "cancelled", "round2"]) {
      const link = await page(key);
      expect(link, key).toBe(`/ocds/records/${ocid(key)}.json`);
      expect((await get(link!)).status, key).toBe(200);
    }
    expect(await page("draft", await sessionCookie(owner.id))).toBeNull();
  });
});

describe("bulk download", () => {
  it("one record package with every published process, valid", async () => {
    const res = await get("/ocds/bulk.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toContain("attachment");
    const pkg = JSON.parse(await res.text()) as RecordPackage;
    expect(ocdsErrors(pkg as Pkg, "record")).toEqual([]);
    const ocids = pkg.records.map((r) => r.ocid);
    for (const key of ["full", "draw", "cancelled", "failed", "round2", "direct"]) expect(ocids, key).toContain(ocid(key));
    expect(new Set(ocids).size).toBe(ocids.length);
  });
});

it("exercised the codelists that matter", () => {
  const seen = new Set(codesSeen);
  for (const code of [
    "releaseTag.csv:planning",
    "releaseTag.csv:tender",
    "releaseTag.csv:tenderUpdate",
    "releaseTag.csv:tenderCancellation",
    "releaseTag.csv:award",
    "releaseTag.csv:awardUpdate",
    "releaseTag.csv:awardCancellation",
    "releaseTag.csv:contract",
    "releaseTag.csv:implementation",
    "releaseTag.csv:implementationUpdate",
    "releaseTag.csv:contractTermination",
    "releaseTag.csv:compiled",
    "tenderStatus.csv:active",
    "tenderStatus.csv:complete",
    "tenderStatus.csv:cancelled",
    "tenderStatus.csv:unsuccessful",
    "awardStatus.csv:pending",
    "awardStatus.csv:active",
    "awardStatus.csv:cancelled",
    "contractStatus.csv:terminated",
    "method.csv:open",
    "awardCriteria.csv:priceOnly",
    "milestoneStatus.csv:met",
    "milestoneStatus.csv:notMet",
    "partyRole.csv:buyer",
    "partyRole.csv:supplier",
    "partyRole.csv:tenderer",
    "bidStatus.csv:valid",
    "relatedProcess.csv:unsuccessfulProcess",
    "currency.csv:CNY",
  ])
    expect(seen.has(code), code).toBe(true);
});

it("the validator itself rejects what OCDS forbids (negative controls)", async () => {
  const pkg = await json<ReleasePackage>("/ocds/releases.json?limit=1");
  expect(ocdsErrors(pkg as Pkg, "release")).toEqual([]);
  const broken = (mutate: (r: Record<string, unknown>) => void) => {
    const copy = structuredClone(pkg) as unknown as { releases: Record<string, unknown>[] };
    mutate(copy.releases[0]!);
    return ocdsErrors(copy as Pkg, "release");
  };
  expect(broken((r) => delete r.ocid).join("\n")).toContain("ocid");
  expect(broken((r) => ((r.tender as Record<string, unknown>).status = "open")).join("\n")).toContain("status");
  expect(broken((r) => (r.date = "yesterday")).join("\n")).toContain("date");
  expect(broken((r) => (r.tag = ["tender", "opening"])).join("\n")).toContain('"opening" is not in releaseTag.csv');
  expect(broken((r) => ((r.tender as Record<string, unknown>).awardCriteria = "cheapest")).join("\n")).toContain("awardCriteria.csv");
  expect(broken((r) => (r.tendr = {})).join("\n")).toContain("/tendr: not a field");
  const rec = await json<RecordPackage>(`/ocds/records/${ocid("full")}.json`);
  const badRecord = structuredClone(rec);
  (badRecord.records[0]!.compiledRelease as unknown as Record<string, unknown>).initiationType = "auction";
  expect(ocdsErrors(badRecord as Pkg, "record").join("\n")).toContain("initiationType");
});

describe("imported history", () => {
  it("requests imported with one IMPORT_HISTORY event are restated stage by stage, valid, amounts only once closed", async () => {
    const { seedDemo } = await import("../../seeds/seed");
    const { seedHistory } = await import("../../seeds/history");
    await seedDemo(db);
    const seeded = await seedHistory(db, { requests: 22, seed: 15 });
    expect(seeded.created).toBe(true);
    const res = await get("/ocds/bulk.json");
    const pkg = JSON.parse(await res.text()) as RecordPackage;
    expect(ocdsErrors(pkg as Pkg, "record")).toEqual([]);
    const imported = await db.serviceRequest.findMany({
      where: { code: { contains: "-H" } },
      select: { code: true, status: true, bids: { select: { amountFen: true } } },
    });
    expect(imported.length).toBe(22);
    const byOcid = new Map(pkg.records.map((r) => [r.ocid, r]));
    const tagsOf = (status: string) =>
      imported
        .filter((r) => r.status === status)
        .map((r) => byOcid.get(`${DEFAULT_OCID_PREFIX}-${r.code}`)!.releases.map((x) => x.tag.join("+")));
    for (const status of ["COMPLETED", "FAILED", "IN_SERVICE", "OPEN"]) expect(tagsOf(status).length, status).toBeGreaterThan(0);
    // A closed one does carry its amounts (the check above would see them).
    const closed = imported.find((x) => x.status === "COMPLETED")!;
    expect(JSON.stringify(byOcid.get(`${DEFAULT_OCID_PREFIX}-${closed.code}`))).toContain(
      `"amount":${Number(closed.bids[0]!.amountFen) / 100}`,
    );
    for (const tags of tagsOf("COMPLETED")) {
      expect(tags.slice(0, 5)).toEqual(["planning+tender", "tenderUpdate", "award", "awardUpdate", "contract"]);
      expect(tags.at(-1)).toBe("implementationUpdate+contractTermination");
    }
    for (const tags of tagsOf("FAILED")) expect(tags).toEqual(["planning+tender", "tenderUpdate", "tenderUpdate"]);
    for (const tags of tagsOf("IN_SERVICE")) expect(tags.at(-1)).toBe("implementation");
    for (const r of imported.filter((x) => x.status === "OPEN")) {
      const text = JSON.stringify(byOcid.get(`${DEFAULT_OCID_PREFIX}-${r.code}`));
      expect(text).toContain(r.code); // the process is there (positive control)…
      for (const b of r.bids) expect(text).not.toContain(`"amount":${Number(b.amountFen) / 100}`); // …its sealed amounts are not
    }
    // The feed carries the same releases, at the import event's position.
    const feed = await allReleases(500);
    for (const rec of pkg.records) expect(feed.filter((r) => r.ocid === rec.ocid)).toEqual(rec.releases);
  });
});
