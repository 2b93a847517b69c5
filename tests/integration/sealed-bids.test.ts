import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { formatYuan } from "~/lib/money";
import type { SessionUser } from "~/lib/session.server";
import { loader as agencyLoader } from "~/routes/agencies.$id";
import { loader as announcementLoader } from "~/routes/announcements.$id";
import { loader as announcementsLoader } from "~/routes/announcements";
import { loader as dashboardLoader } from "~/routes/dashboard";
import { action as requestAction, loader as requestLoader } from "~/routes/requests.$id";
import { loader as requestsLoader } from "~/routes/requests";
import { loader as apiAgencyLoader } from "~/routes/api.v1.agencies.$id";
import { loader as apiAnnouncementLoader } from "~/routes/api.v1.announcements.$id";
import { loader as apiAnnouncementsLoader } from "~/routes/api.v1.announcements";
import { loader as apiRequestLoader } from "~/routes/api.v1.requests.$id";
import { loader as apiRequestsLoader } from "~/routes/api.v1.requests";
import { loader as ocdsBulkLoader } from "~/routes/ocds.bulk.json";
import { loader as ocdsRecordLoader } from "~/routes/ocds.records.$ocid";
import { loader as ocdsReleasesLoader } from "~/routes/ocds.releases.json";
import { ocidOf } from "~/services/ocds/config.server";
import { submitBid } from "~/services/requests/bids.server";
import { closeDueRequests } from "~/services/requests/close.server";
import { cancelRequest } from "~/services/requests/post.server";
import { seedCatalogue } from "../../seeds/seed";
import { createUser } from "../support/factories";
import { expectRefusal, getRequest, outcome, postRequest, responseOf, routeArgs, sessionCookie, type Outcome } from "../support/http";
import { enterpriseUser, expire, listedAgencies, openRequest } from "../support/requests";

/**
 * Principle 5 (sealed bids), checked where it matters: the data every route
 * loader hands to the browser (the same object `/<path>.data` serializes).
 * Before closing no viewer but the bidding agency itself may receive an amount
 * (as fen, as yuan with or without separators), a proposal, or any per-bid row.
 */

// Every call here comes from one (unknown) address: a budget the file never reaches.
process.env.API_RATE_LIMIT_BURST ??= "100000";

type Bidder = { user: SessionUser; agencyId: string; cookie: string; amounts: bigint[]; proposal: string };
type Viewer = { name: string; cookie?: string; bidder?: Bidder };

const replacer = (_k: string, v: unknown) => (typeof v === "bigint" ? `${v.toString()}n` : v);

/** What a loader/action produced, as the text a browser could receive. */
async function dump(value: unknown): Promise<string> {
  if (value instanceof Response) {
    return `${value.status} ${JSON.stringify([...value.headers])} ${await value.clone().text()}`;
  }
  return JSON.stringify(value, replacer);
}

/** Every spelling of an amount a page or payload could carry. */
function spellings(fen: bigint): string[] {
  const yuan = `${fen / 100n}.${(fen % 100n).toString().padStart(2, "0")}`;
  return [fen.toString(), yuan, formatYuan(fen, "zh").replace("¥", ""), formatYuan(fen, "en").replace("¥", ""), formatYuan(fen, "zh")];
}

function secretsOf(b: Bidder): string[] {
  return [...b.amounts.flatMap(spellings), b.proposal];
}

let db: Awaited<ReturnType<typeof getDb>>;
let owner: SessionUser;
let bidders: Bidder[];
let viewers: Viewer[];
const day = 20;

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  owner = await enterpriseUser(db);
  const agencies = await listedAgencies(db, 4);
  // Distinctive amounts (yuan): the first bidder revises, so its first amount must never show either.
  const plan: [number[], string][] = [
    [[91234.56, 87654.32], "甲方案：密封测试提案一号"],
    [[76543.21], "乙方案：密封测试提案二号"],
    [[65432.19], "丙方案：密封测试提案三号"],
  ];
  bidders = await Promise.all(
    plan.map(async ([amounts, proposal], i) => ({
      user: agencies[i]!.user,
      agencyId: agencies[i]!.agencyId,
      cookie: await sessionCookie(agencies[i]!.user.id),
      amounts: amounts.map((y) => BigInt(Math.round(y * 100))),
      proposal,
    })),
  );
  const [otherEnterprise, regulator, admin] = await Promise.all([
    createUser(db, "ENTERPRISE"),
    createUser(db, "REGULATOR"),
    createUser(db, "ADMIN"),
  ]);
  viewers = [
    { name: "anonymous" },
    { name: "another agency", cookie: await sessionCookie(agencies[3]!.user.id) },
    { name: "owning enterprise", cookie: await sessionCookie(owner.id) },
    { name: "another enterprise", cookie: await sessionCookie(otherEnterprise.id) },
    { name: "regulator", cookie: await sessionCookie(regulator.id) },
    { name: "admin", cookie: await sessionCookie(admin.id) },
    ...bidders.map((b, i) => ({ name: `bidder ${i + 1}`, cookie: b.cookie, bidder: b })),
  ];
});

async function bidAll(requestId: string) {
  for (const b of bidders) {
    for (const amountFen of b.amounts) await submitBid(db, b.user, requestId, { amountFen, serviceDays: day, proposal: b.proposal });
  }
}

/** Runs every loader that touches requests, bids or awards as this viewer and returns what each produced. */
async function everything(viewer: Viewer, requestId: string): Promise<Record<string, string>> {
  const c = viewer.cookie;
  const announcements = await db.announcement.findMany({ where: { entityId: requestId }, select: { id: true } });
  const out: Record<string, string> = {};
  const run = async (label: string, fn: () => Promise<unknown>) => {
    out[label] = await dump(await responseOf(fn));
  };
  await run("requests", () => requestsLoader(routeArgs(getRequest("/requests", c))));
  await run("requests?status=OPEN", () => requestsLoader(routeArgs(getRequest("/requests?status=OPEN&q=%E5%8B%98%E6%B5%8B", c))));
  await run("requests?mine=1", () => requestsLoader(routeArgs(getRequest("/requests?mine=1", c))));
  await run("request", () => requestLoader(routeArgs(getRequest(`/requests/${requestId}`, c), { id: requestId })));
  await run("request?bid=ok", () => requestLoader(routeArgs(getRequest(`/requests/${requestId}?bid=ok`, c), { id: requestId })));
  await run("dashboard", () => dashboardLoader(routeArgs(getRequest("/dashboard", c))));
  await run("announcements", () => announcementsLoader(routeArgs(getRequest("/announcements", c))));
  for (const a of announcements)
    await run(`announcement ${a.id}`, () => announcementLoader(routeArgs(getRequest(`/announcements/${a.id}`, c), { id: a.id })));
  for (const b of bidders)
    await run(`agency ${b.agencyId}`, () => agencyLoader(routeArgs(getRequest(`/agencies/${b.agencyId}`, c), { id: b.agencyId })));
  // The public API (decision 028): anonymous whoever asks, and the same rule.
  await run("api requests", () => apiRequestsLoader(routeArgs(getRequest("/api/v1/requests", c))));
  await run("api requests?status=OPEN", () => apiRequestsLoader(routeArgs(getRequest("/api/v1/requests?status=OPEN", c))));
  await run("api request", () => apiRequestLoader(routeArgs(getRequest(`/api/v1/requests/${requestId}`, c), { id: requestId })));
  await run("api announcements", () => apiAnnouncementsLoader(routeArgs(getRequest("/api/v1/announcements", c))));
  for (const a of announcements)
    await run(`api announcement ${a.id}`, () =>
      apiAnnouncementLoader(routeArgs(getRequest(`/api/v1/announcements/${a.id}`, c), { id: a.id })),
    );
  for (const b of bidders)
    await run(`api agency ${b.agencyId}`, () =>
      apiAgencyLoader(routeArgs(getRequest(`/api/v1/agencies/${b.agencyId}`, c), { id: b.agencyId })),
    );
  // OCDS open data (public, the same for every viewer): the release feed, the process's record, the bulk download.
  const ocid = ocidOf((await db.serviceRequest.findUniqueOrThrow({ where: { id: requestId }, select: { code: true } })).code);
  await run("ocds releases", () => ocdsReleasesLoader(routeArgs(getRequest("/ocds/releases.json?limit=500", c))));
  await run("ocds record", () => ocdsRecordLoader(routeArgs(getRequest(`/ocds/records/${ocid}.json`, c), { ocid: `${ocid}.json` })));
  await run("ocds bulk", () => ocdsBulkLoader(routeArgs(getRequest("/ocds/bulk.json", c))));
  out.ocid = ocid;
  return out;
}

function expectAbsent(outputs: Record<string, string>, secrets: string[], who: string) {
  for (const [route, text] of Object.entries(outputs)) {
    for (const s of secrets) expect(text.includes(s), `${who} received "${s}" from ${route}`).toBe(false);
  }
}

type RequestPage = {
  data: {
    request: { id: string; title: string; status: string; statusReason: string | null };
    bids: unknown[];
    bidCount: number;
    ownBid: { amountFen: string; proposal: string } | null;
  };
};

/**
 * The positive control for expectAbsent: the same outputs did render the request (its page,
 * its announcement, each bidder's profile), and a bidding viewer did receive its OWN amount and
 * proposal — so an absent secret is absent from a real page, not from an empty or failed one.
 */
function expectRendered(
  outputs: Record<string, string>,
  viewer: Viewer,
  req: { id: string; title: string; status: string; bidCount: number | null },
) {
  for (const route of ["request", "request?bid=ok"]) {
    const page = JSON.parse(outputs[route]!) as RequestPage;
    expect(page.data.request, `${viewer.name}: ${route}`).toMatchObject({ id: req.id, title: req.title, status: req.status });
    expect(page.data.bidCount, `${viewer.name}: ${route}`).toBe(req.bidCount);
    if (viewer.bidder)
      expect(page.data.ownBid, `${viewer.name}: own bid on ${route}`).toMatchObject({
        amountFen: viewer.bidder.amounts.at(-1)!.toString(),
        proposal: viewer.bidder.proposal,
      });
  }
  expect(outputs.announcements, `${viewer.name}: announcements`).toContain(`项目公告：${req.title}`);
  // The API's answers are JSON after the status and headers: the request, its announcement, each bidder.
  const apiBody = (label: string) =>
    JSON.parse(outputs[label]!.slice(outputs[label]!.indexOf("] ") + 2)) as { data: Record<string, unknown> };
  expect(apiBody("api request").data, `${viewer.name}: api request`).toMatchObject({
    id: req.id,
    title: req.title,
    status: req.status,
    bidCount: req.bidCount,
  });
  expect(outputs["api announcements"], `${viewer.name}: api announcements`).toContain(`项目公告：${req.title}`);
  for (const b of bidders) expect(apiBody(`api agency ${b.agencyId}`).data.id, `${viewer.name}: api agency`).toBe(b.agencyId);
  // The OCDS outputs did carry this process (its ocid, its title), so an absent amount is absent from real data.
  for (const route of ["ocds releases", "ocds record", "ocds bulk"]) {
    expect(outputs[route], `${viewer.name}: ${route}`).toMatch(/^200 /);
    expect(outputs[route], `${viewer.name}: ${route}`).toContain(`"ocid":"${outputs.ocid}"`);
    expect(outputs[route], `${viewer.name}: ${route}`).toContain(`"title":${JSON.stringify(req.title)}`);
  }
  for (const b of bidders)
    expect(outputs[`agency ${b.agencyId}`], `${viewer.name}: profile of ${b.agencyId}`).toContain(`"id":"${b.agencyId}"`);
}

describe("sealed bids before closing", () => {
  it("no viewer receives another agency's amount or proposal from any loader; the bidder sees only its own", async () => {
    const req = await openRequest(db, owner, { title: "长寿路地块土地勘测（密封测试）" });
    await bidAll(req.id);
    for (const viewer of viewers) {
      const outputs = await everything(viewer, req.id);
      const others = bidders.filter((b) => b !== viewer.bidder);
      expectAbsent(outputs, others.flatMap(secretsOf), viewer.name);
      expectRendered(outputs, viewer, { id: req.id, title: "长寿路地块土地勘测（密封测试）", status: "OPEN", bidCount: 3 });
      // Not even per-bid rows: only a count.
      const page = JSON.parse(outputs.request!) as { data: { bids: unknown[]; bidCount: number; ownBid: unknown } };
      expect(page.data.bids, viewer.name).toEqual([]);
      expect(page.data.bidCount, viewer.name).toBe(3);
      if (viewer.bidder) {
        // Its own current amount and proposal, nothing of the first revision's amount but through its own bid.
        expect(outputs.request).toContain(viewer.bidder.amounts.at(-1)!.toString());
        expect(outputs.request).toContain(viewer.bidder.proposal);
      } else {
        expect(page.data.ownBid, viewer.name).toBeNull();
        expect(outputs.request!.includes('"amountFen"'), `${viewer.name}: a bid row in the request page`).toBe(false);
        expect(outputs.request!.includes('"proposal"'), `${viewer.name}: a proposal field in the request page`).toBe(false);
        expect(outputs["api request"]!.includes('"amountFen"'), `${viewer.name}: a bid row in the API's request`).toBe(false);
      }
    }
  });

  it("refusals do not echo anyone else's bid either", async () => {
    const req = await openRequest(db, owner, { title: "密封测试：拒绝响应" });
    await bidAll(req.id);
    const outsider = viewers.find((v) => v.name === "another agency")!;
    const enterprise = viewers.find((v) => v.name === "owning enterprise")!;
    const post = (fields: Record<string, string>, cookie?: string) =>
      outcome(() => requestAction(routeArgs(postRequest(`/requests/${req.id}`, fields, cookie), { id: req.id })));
    // Each refusal is the one intended (not some other 4xx page), and it does echo the sender's OWN input
    // (the positive control: a response that carried bids would show them).
    const refusals: [Outcome, string[]][] = [
      [
        await expectRefusal(
          post({ intent: "bid", amount: "100000.01", serviceDays: "10", proposal: "超限价" }, outsider.cookie),
          422,
          "requests.errors.aboveCap",
          "amount",
        ),
        ["100000.01", "超限价"],
      ],
      [
        await expectRefusal(
          post({ intent: "bid", amount: "abc", serviceDays: "0", proposal: "" }, outsider.cookie),
          400,
          "errors.formInvalid",
        ),
        ['"amount":"abc"'],
      ],
      [
        await expectRefusal(
          post({ intent: "bid", amount: "1000", serviceDays: "10", proposal: "业主报价" }, enterprise.cookie),
          403,
          "requests.errors.agencyOnly",
        ),
        ["业主报价"],
      ],
      [await expectRefusal(post({ intent: "withdraw" }, outsider.cookie), 404, "requests.errors.noBid"), ['"intent":"withdraw"']],
    ];
    for (const [r, own] of refusals) {
      const text = JSON.stringify(r.data, replacer);
      for (const s of own) expect(text, "the refusal echoes the sender's own input").toContain(s);
      for (const s of bidders.flatMap(secretsOf)) expect(text.includes(s), text).toBe(false);
    }
    expect((refusals[1]![0].data!.fieldErrors as Record<string, string[]>).amount).toBeDefined();
  });

  it("a random draw publishes only the commitment while open; the seed appears nowhere", async () => {
    const req = await openRequest(db, owner, { selectionMethod: "RANDOM_DRAW", title: "密封测试：随机抽取" });
    await bidAll(req.id);
    const row = await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id }, select: { drawSeed: true, drawCommitment: true } });
    for (const viewer of viewers) {
      const outputs = await everything(viewer, req.id);
      expectAbsent(outputs, [row.drawSeed!], viewer.name);
      expectRendered(outputs, viewer, { id: req.id, title: "密封测试：随机抽取", status: "OPEN", bidCount: 3 });
      expect(outputs.request).toContain(row.drawCommitment!);
    }
  });

  it("a cancelled request never opens its bids", async () => {
    const req = await openRequest(db, owner, { title: "密封测试：取消" });
    await bidAll(req.id);
    await cancelRequest(db, owner, req.id, "项目计划调整");
    for (const viewer of viewers) {
      const outputs = await everything(viewer, req.id);
      const others = bidders.filter((b) => b !== viewer.bidder);
      expectAbsent(outputs, others.flatMap(secretsOf), viewer.name);
      expectRendered(outputs, viewer, { id: req.id, title: "密封测试：取消", status: "CANCELLED", bidCount: null });
      const page = JSON.parse(outputs.request!) as RequestPage;
      expect(page.data.request.statusReason, viewer.name).toBe("项目计划调整");
      expect(page.data.bids, viewer.name).toEqual([]);
    }
  });
});

describe("after closing", () => {
  it("the amounts and the ranking are public; proposals only for the owner and the regulator", async () => {
    const req = await openRequest(db, owner, { title: "密封测试：截止后公开" });
    await bidAll(req.id);
    await expire(db, req.id);
    await closeDueRequests(db);
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("AWARD_PUBLICITY");
    const current = bidders.map((b) => b.amounts.at(-1)!);

    const anonymous = await everything(viewers[0]!, req.id);
    for (const fen of current) expect(anonymous.request).toContain(`"${fen}"`);
    const page = JSON.parse(anonymous.request!) as { data: { bids: { rank: number; amountFen: string; proposal: string | null }[] } };
    expect(page.data.bids.map((b) => [b.rank, b.amountFen])).toEqual([
      [1, "6543219"],
      [2, "7654321"],
      [3, "8765432"],
    ]);
    expect(page.data.bids.every((b) => b.proposal === null)).toBe(true);
    // The first, revised-away amount of bidder 1 was never part of the competition.
    expect(anonymous.request!.includes(bidders[0]!.amounts[0]!.toString())).toBe(false);
    expect(anonymous.request).toContain(`"amountFen":"${current[0]}"`); // its final amount is
    // The API: the same opened amounts, never a proposal, never the revised-away amount.
    for (const fen of current) expect(anonymous["api request"]).toContain(`"amountFen":"${fen}"`);
    for (const b of bidders) expect(anonymous["api request"]).not.toContain(b.proposal);
    expect(anonymous["api request"]!.includes(bidders[0]!.amounts[0]!.toString())).toBe(false);
    // The award announcement (list and detail) carries the ranking with amounts.
    const award = await db.announcement.findFirstOrThrow({ where: { entityId: req.id, kind: "AWARD" } });
    expect(anonymous[`announcement ${award.id}`]).toContain('"amountFen":"6543219"');
    expect(anonymous.announcements).toContain(formatYuan(6_543_219n));
    // And in the OCDS record and feed (yuan, as OCDS amounts are), the revised-away amount still nowhere.
    for (const route of ["ocds record", "ocds releases", "ocds bulk"]) {
      for (const fen of current) expect(anonymous[route], route).toContain(`"amount":${Number(fen) / 100}`);
      expect(anonymous[route]!.includes(spellings(bidders[0]!.amounts[0]!)[1]!), route).toBe(false);
    }

    const ownerView = await everything(viewers.find((v) => v.name === "owning enterprise")!, req.id);
    for (const b of bidders) expect(ownerView.request).toContain(b.proposal);
    const regulatorView = await everything(viewers.find((v) => v.name === "regulator")!, req.id);
    for (const b of bidders) expect(regulatorView.request).toContain(b.proposal);
    const rival = await everything(viewers.find((v) => v.name === "bidder 1")!, req.id);
    expect(rival.request).not.toContain(bidders[1]!.proposal);
    expect(rival.request).toContain(bidders[0]!.proposal); // its own proposal is there: the page did render proposals it may see
    expect(rival.request).toContain(`"amountFen":"${current[1]}"`); // and the rival's public amount
  });

  it("a random draw publishes seed and entrants after the award, verified on the server", async () => {
    const req = await openRequest(db, owner, { selectionMethod: "RANDOM_DRAW", title: "密封测试：抽取公开" });
    await bidAll(req.id);
    await expire(db, req.id);
    await closeDueRequests(db);
    const row = await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id }, select: { drawSeed: true, status: true } });
    expect(row.status).toBe("AWARD_PUBLICITY");
    const anonymous = await everything(viewers[0]!, req.id);
    const page = JSON.parse(anonymous.request!) as { data: { draw: { seed: string; ok: boolean; entrants: string[] } } };
    expect(page.data.draw).toMatchObject({ seed: row.drawSeed, ok: true });
    expect(page.data.draw.entrants.sort()).toEqual(bidders.map((b) => b.agencyId).sort());
  });
});

// Keeps the helper honest: the needles really are what the UI would print.
it("spells amounts the way the UI formats them", () => {
  expect(spellings(8_765_432n)).toEqual(["8765432", "87654.32", "87,654.32", "87,654.32", "¥87,654.32"]);
});
