import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A private uploads directory for this file (deliveries), set before any module reads it.
const { uploads } = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const dir = mkdtempSync(path.join(tmpdir(), "zj-ratings-uploads-"));
  process.env.UPLOADS_DIR = dir;
  return { uploads: dir };
});

import { rmSync } from "node:fs";
import i18next from "i18next";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { createRoutesStub } from "react-router";
import { RatingPanel } from "~/components/rating-panel";
import { getDb, type Db } from "~/db/client.server";
import resources from "~/i18n";
import type { SessionUser } from "~/lib/session.server";
import AgencyProfilePage, { loader as agencyLoader } from "~/routes/agencies.$id";
import { loader as requestLoader } from "~/routes/requests.$id";
import RatingPage, { action as ratingAction, loader as ratingLoader } from "~/routes/requests.$id.rating";
import { verifyAuditLog } from "~/services/audit/audit.server";
import { hideRatingText, rateRequest, replyToRating } from "~/services/ratings/ratings.server";
import { acceptDelivery, deliverResult } from "~/services/requests/award.server";
import { ratingPanelData, type RatingPanelData } from "~/services/ratings/view.server";
import { seedCatalogue } from "../../seeds/seed";
import { createUser } from "../support/factories";
import { expectRefusal, getRequest, outcome, postRequest, routeArgs, sessionCookie } from "../support/http";
import { badScores, completedRequest, goodScores, inServiceRequest, pdf } from "../support/ratings";
import { enterpriseUser, sessionUserOf } from "../support/requests";

let db: Db;
let regulator: SessionUser;

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  regulator = sessionUserOf(await createUser(db, "REGULATOR"));
});

afterAll(() => {
  rmSync(uploads, { recursive: true, force: true });
});

const rateForm = (overrides: Record<string, string> = {}) => ({
  intent: "rate",
  quality: "5",
  timeliness: "4",
  attitude: "5",
  fee: "4",
  standards: "5",
  text: "勘测及时，报告规范，沟通顺畅。",
  ...overrides,
});
const post = (id: string, fields: Record<string, string>, cookie?: string) =>
  outcome(() => ratingAction(routeArgs(postRequest(`/requests/${id}/rating`, fields, cookie), { id })));
const agencyRow = (id: string) => db.agency.findUniqueOrThrow({ where: { id } });

// ───────────────────────── HTML rendering (XSS check) ─────────────────────────

async function i18n() {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({ lng: "zh", resources, fallbackLng: "zh", interpolation: { escapeValue: false } });
  return instance;
}

/** Server-renders the request page's rating panel as a browser would receive it. */
async function panelHtml(panel: RatingPanelData | null): Promise<string> {
  const Stub = createRoutesStub([{ id: "panel", path: "/requests/:id", Component: () => createElement(RatingPanel, { data: panel }) }]);
  return renderToString(createElement(I18nextProvider, { i18n: await i18n() }, createElement(Stub, { initialEntries: ["/requests/x"] })));
}

/** Server-renders the public agency profile with the data its loader returned. */
async function profileHtml(loaderData: unknown): Promise<string> {
  const Stub = createRoutesStub([{ id: "agency", path: "/agencies/:id", Component: AgencyProfilePage as never, loader: () => loaderData }]);
  return renderToString(
    createElement(
      I18nextProvider,
      { i18n: await i18n() },
      createElement(Stub, { initialEntries: ["/agencies/x"], hydrationData: { loaderData: { agency: loaderData } } }),
    ),
  );
}

// ───────────────────────── Service ─────────────────────────

describe("rating a completed request", () => {
  it("only after COMPLETED, only by the owning enterprise, exactly once; updates the average and the credit score", async () => {
    const r = await inServiceRequest(db);
    const agencyId = r.winner.agencyId;
    // Not completed yet → 409.
    await expect(rateRequest(db, r.owner, r.id, { ...goodScores, text: "服务很好，按时交付。" })).rejects.toMatchObject({
      status: 409,
      message: "ratings.errors.notCompleted",
    });

    await deliverResult(db, r.winner.user, r.id, { file: pdf(), note: "" });
    await expect(rateRequest(db, r.owner, r.id, { ...goodScores, text: "服务很好，按时交付。" })).rejects.toMatchObject({
      status: 409,
      message: "ratings.errors.notCompleted",
    });
    await acceptDelivery(db, r.owner, r.id);

    // Nobody but the owner.
    const input = { quality: 5, timeliness: 4, attitude: 5, fee: 3, standards: 4, text: "报告质量高，沟通及时。" };
    await expect(rateRequest(db, await enterpriseUser(db), r.id, input)).rejects.toMatchObject({
      status: 403,
      message: "ratings.errors.ownerOnly",
    });
    await expect(rateRequest(db, r.winner.user, r.id, input)).rejects.toMatchObject({ status: 403, message: "ratings.errors.ownerOnly" });
    await expect(rateRequest(db, r.agencies[1]!.user, r.id, input)).rejects.toMatchObject({
      status: 403,
      message: "ratings.errors.ownerOnly",
    });
    await expect(rateRequest(db, regulator, r.id, input)).rejects.toMatchObject({ status: 403, message: "ratings.errors.ownerOnly" });
    // Bad input → 400 with field errors, before anything is written.
    await expect(rateRequest(db, r.owner, r.id, { ...input, quality: 0, fee: 6, text: "好" })).rejects.toMatchObject({
      status: 400,
      fields: { quality: ["ratings.errors.score"], fee: ["ratings.errors.score"], text: ["ratings.errors.textShort"] },
    });
    await expect(rateRequest(db, r.owner, r.id, { ...input, attitude: 4.5 })).rejects.toMatchObject({
      status: 400,
      fields: { attitude: ["ratings.errors.score"] },
    });

    const before = await agencyRow(agencyId);
    expect(before.ratingCount).toBe(0);
    const result = await rateRequest(db, r.owner, r.id, input);
    expect(result.rating).toMatchObject({
      agencyId,
      quality: 5,
      timeliness: 4,
      attitude: 5,
      feeCompliance: 3,
      standards: 4,
      text: "报告质量高，沟通及时。",
    });

    const after = await agencyRow(agencyId);
    expect(after.ratingCount).toBe(1);
    expect(after.ratingAvg).toBeCloseTo(4.2, 5);
    // Formula 1.0: 80 + (4.2 − 3) / 2 × 15 = +9 ratings, +5 on-time delivery → 94.
    expect(after.creditBreakdown).toMatchObject({
      base: 80,
      ratings: 9,
      delivery: 5,
      objections: 0,
      sanctions: 0,
      total: 94,
      version: "1.1",
    });
    expect(after.creditScore).toBe(94);
    expect(after.creditVersion).toBe("1.1");

    // The audit chain records it; the agency is told.
    const audit = await db.auditEvent.findFirst({ where: { aggregateType: "request", aggregateId: r.id, event: "RATED" } });
    expect(audit).toMatchObject({ actorId: r.owner.id, fromState: "COMPLETED", toState: "COMPLETED" });
    expect(audit!.payload).toMatchObject({ ratingId: result.rating.id, agencyId, creditScore: 94 });
    expect(await db.notification.count({ where: { orgId: r.winner.user.organizationId, kind: "RATING_RECEIVED" } })).toBe(1);
    expect((await verifyAuditLog(db)).ok).toBe(true);

    // Once.
    await expect(rateRequest(db, r.owner, r.id, input)).rejects.toMatchObject({ status: 409, message: "ratings.errors.alreadyRated" });
    expect(await db.rating.count({ where: { requestId: r.id } })).toBe(1);
  });

  it("a double submit creates one rating: the other gets 409", async () => {
    const r = await completedRequest(db);
    const input = { ...goodScores, text: "双击提交也只算一次评价。" };
    const results = await Promise.allSettled([rateRequest(db, r.owner, r.id, input), rateRequest(db, r.owner, r.id, input)]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((x) => x.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ status: 409, message: "ratings.errors.alreadyRated" });
    expect(await db.rating.count({ where: { requestId: r.id } })).toBe(1);
    expect((await agencyRow(r.winner.agencyId)).ratingCount).toBe(1);
  });

  it("the average covers every rating of the agency; two owners rating one agency at once both count", async () => {
    const first = await completedRequest(db);
    const second = await completedRequest(db, { agencies: first.agencies });
    await Promise.all([
      rateRequest(db, first.owner, first.id, { ...goodScores, text: "第一家业主的评价。" }),
      rateRequest(db, second.owner, second.id, { ...badScores, text: "第二家业主的评价。" }),
    ]);
    const a = await agencyRow(first.winner.agencyId);
    expect(a.ratingCount).toBe(2);
    expect(a.ratingAvg).toBe(3);
    // Mean 3 is neutral; two on-time deliveries → 85.
    expect(a.creditScore).toBe(85);
  });
});

describe("the agency's reply", () => {
  it("only the rated agency replies, once; the enterprise is told", async () => {
    const r = await completedRequest(db);
    const { rating } = await rateRequest(db, r.owner, r.id, { ...goodScores, text: "整体满意，期待再次合作。" });
    await expect(replyToRating(db, r.agencies[1]!.user, rating.id, "谢谢")).rejects.toMatchObject({
      status: 403,
      message: "ratings.errors.agencyOnly",
    });
    await expect(replyToRating(db, r.owner, rating.id, "谢谢")).rejects.toMatchObject({
      status: 403,
      message: "ratings.errors.agencyOnly",
    });
    await expect(replyToRating(db, regulator, rating.id, "谢谢")).rejects.toMatchObject({
      status: 403,
      message: "ratings.errors.agencyOnly",
    });
    await expect(replyToRating(db, r.winner.user, rating.id, "   ")).rejects.toMatchObject({
      status: 400,
      fields: { text: ["errors.required"] },
    });
    await expect(replyToRating(db, r.winner.user, rating.id, "长".repeat(1001))).rejects.toMatchObject({
      status: 400,
      fields: { text: ["errors.tooLong"] },
    });
    await expect(replyToRating(db, r.winner.user, "no-such-rating", "谢谢")).rejects.toMatchObject({
      status: 404,
      message: "ratings.errors.notFound",
    });

    await replyToRating(db, r.winner.user, rating.id, "感谢评价，我们会继续努力。");
    expect(await db.rating.findUniqueOrThrow({ where: { id: rating.id } })).toMatchObject({ reply: "感谢评价，我们会继续努力。" });
    await expect(replyToRating(db, r.winner.user, rating.id, "第二次回复")).rejects.toMatchObject({
      status: 409,
      message: "ratings.errors.alreadyReplied",
    });
    expect((await db.rating.findUniqueOrThrow({ where: { id: rating.id } })).reply).toBe("感谢评价，我们会继续努力。");
    expect(await db.notification.count({ where: { orgId: r.owner.organizationId, kind: "RATING_REPLIED" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { aggregateId: r.id, event: "RATING_REPLIED" } })).toBe(1);
  });
});

describe("hiding abusive text", () => {
  it("only a regulator, with a published reason; the scores stay and keep counting", async () => {
    const r = await completedRequest(db);
    const { rating } = await rateRequest(db, r.owner, r.id, { ...badScores, text: "这家机构的人都是骗子！！！（辱骂内容）" });
    await replyToRating(db, r.winner.user, rating.id, "我们对评价有不同意见，已提出申诉。");
    const scored = await agencyRow(r.winner.agencyId);

    await expect(hideRatingText(db, r.owner, rating.id, "含有侮辱性内容")).rejects.toMatchObject({
      status: 403,
      message: "ratings.errors.regulatorOnly",
    });
    await expect(hideRatingText(db, r.winner.user, rating.id, "含有侮辱性内容")).rejects.toMatchObject({
      status: 403,
      message: "ratings.errors.regulatorOnly",
    });
    await expect(hideRatingText(db, regulator, rating.id, "  ")).rejects.toMatchObject({
      status: 400,
      fields: { reason: ["errors.required"] },
    });
    await hideRatingText(db, regulator, rating.id, "含有侮辱性语言，依据平台评价规则隐藏");
    await expect(hideRatingText(db, regulator, rating.id, "再次隐藏")).rejects.toMatchObject({
      status: 409,
      message: "ratings.errors.alreadyHidden",
    });

    // Scores, average and credit score unchanged.
    const after = await agencyRow(r.winner.agencyId);
    expect([after.ratingAvg, after.ratingCount, after.creditScore]).toEqual([scored.ratingAvg, scored.ratingCount, scored.creditScore]);
    expect(after.creditScore).toBe(70); // 80 − 15 (all ones) + 5 (on time)

    // The request page: the reason in place of the text, for everyone but regulators who also see the original.
    const publicPanel = await ratingPanelData(db, null, r.id);
    expect(publicPanel!.rating).toMatchObject({
      text: null,
      hidden: { reason: "含有侮辱性语言，依据平台评价规则隐藏" },
      hiddenOriginal: null,
      scores: badScores,
      reply: "我们对评价有不同意见，已提出申诉。",
    });
    expect(JSON.stringify(publicPanel)).not.toContain("骗子");
    expect((await ratingPanelData(db, regulator, r.id))!.rating!.hiddenOriginal).toContain("骗子");
    const page = await outcome(() => requestLoader(routeArgs(getRequest(`/requests/${r.id}`), { id: r.id })));
    expect(JSON.stringify(page.data)).not.toContain("骗子");
    expect(JSON.stringify(page.data)).toContain("含有侮辱性语言，依据平台评价规则隐藏"); // the page did carry the rating, with the reason
    const html = await panelHtml(publicPanel);
    expect(html).toContain("评价内容已被主管部门隐藏：含有侮辱性语言，依据平台评价规则隐藏");
    expect(html).not.toContain("骗子");
    expect(html).toContain("我们对评价有不同意见");

    // The public agency profile: same, scores still listed.
    const profile = await outcome(() => agencyLoader(routeArgs(getRequest(`/agencies/${r.winner.agencyId}`), { id: r.winner.agencyId })));
    const agency = (
      profile.data as { agency: { ratings: { items: { text: string | null; hidden: { reason: string } | null; scores: object }[] } } }
    ).agency;
    expect(agency.ratings.items[0]).toMatchObject({
      text: null,
      hidden: { reason: "含有侮辱性语言，依据平台评价规则隐藏" },
      scores: badScores,
    });
    expect(JSON.stringify(profile.data)).not.toContain("骗子");
    const profileHtmlText = await profileHtml(profile.data);
    expect(profileHtmlText).toContain("评价内容已被主管部门隐藏：含有侮辱性语言");
    expect(profileHtmlText).not.toContain("骗子");

    expect(
      await db.notification.count({
        where: { kind: "RATING_TEXT_HIDDEN", orgId: { in: [r.owner.organizationId!, r.winner.user.organizationId!] } },
      }),
    ).toBe(2);
    const audit = await db.auditEvent.findFirst({ where: { aggregateId: r.id, event: "RATING_TEXT_HIDDEN" } });
    expect(audit).toMatchObject({ actorId: regulator.id });
    expect(audit!.payload).toMatchObject({ reason: "含有侮辱性语言，依据平台评价规则隐藏" });
  });
});

describe("the agency profile's ratings", () => {
  it("lists ratings newest first, ten per page, with per-dimension averages over all of them", async () => {
    const r = await completedRequest(db);
    await rateRequest(db, r.owner, r.id, { quality: 5, timeliness: 5, attitude: 5, fee: 5, standards: 5, text: "最新的一条评价。" });
    // Eleven older ratings of earlier requests of the same agency (rows copied from the completed request).
    const base = await db.serviceRequest.findUniqueOrThrow({ where: { id: r.id } });
    for (let i = 1; i <= 11; i++) {
      const copy = await db.serviceRequest.create({
        data: {
          code: `${base.code}-H${i}`,
          itemId: base.itemId,
          enterpriseOrgId: base.enterpriseOrgId,
          createdById: base.createdById,
          title: `历史项目 ${i}`,
          description: base.description,
          fundingSource: base.fundingSource,
          priceCapFen: base.priceCapFen,
          selectionMethod: base.selectionMethod,
          serviceDays: base.serviceDays,
          closesAt: base.closesAt,
          status: "COMPLETED",
        },
      });
      await db.rating.create({
        data: {
          requestId: copy.id,
          agencyId: r.winner.agencyId,
          enterpriseOrgId: base.enterpriseOrgId,
          quality: 3,
          timeliness: 1,
          attitude: 3,
          feeCompliance: 3,
          standards: 3,
          text: `第 ${i} 条较早的评价`,
          createdAt: new Date(Date.now() - i * 86_400_000),
        },
      });
    }
    const page = async (p: string) =>
      (
        (await outcome(() => agencyLoader(routeArgs(getRequest(`/agencies/${r.winner.agencyId}?page=${p}`), { id: r.winner.agencyId }))))
          .data as {
          agency: {
            ratings: {
              total: number;
              page: number;
              pages: number;
              averages: Record<string, number>;
              items: { text: string; requestTitle: string }[];
            };
          };
        }
      ).agency.ratings;
    const first = await page("1");
    expect(first).toMatchObject({ total: 12, page: 1, pages: 2 });
    expect(first.items).toHaveLength(10);
    expect(first.items[0]!.text).toBe("最新的一条评价。");
    expect(first.items.slice(1).map((x) => x.text)).toEqual(Array.from({ length: 9 }, (_, i) => `第 ${i + 1} 条较早的评价`));
    // (5 + 11 × 3) / 12 = 3.17 → 3.2; timeliness (5 + 11) / 12 = 1.33 → 1.3.
    expect(first.averages).toEqual({ quality: 3.2, timeliness: 1.3, attitude: 3.2, fee: 3.2, standards: 3.2, overall: 2.8 });
    const second = await page("2");
    expect(second.items.map((x) => x.text)).toEqual(["第 10 条较早的评价", "第 11 条较早的评价"]);
    // Outcome-of-range or junk page numbers are clamped, not errors.
    expect((await page("99")).page).toBe(2);
    expect((await page("abc")).page).toBe(1);
  });
});

// ───────────────────────── Route: POST /requests/:id/rating ─────────────────────────

describe("POST /requests/:id/rating", () => {
  it("refuses the wrong people and the wrong time with a 4xx, never a 500", async () => {
    const early = await inServiceRequest(db);
    const ownerCookie = await sessionCookie(early.owner.id);
    expect(await post(early.id, rateForm())).toMatchObject({ status: 302, location: expect.stringContaining("/login") });
    expect(await post(early.id, rateForm(), ownerCookie)).toMatchObject({
      status: 409,
      data: { intent: "rate", formError: "ratings.errors.notCompleted" },
    });

    const r = await completedRequest(db);
    const cookie = await sessionCookie(r.owner.id);
    const otherEnterprise = await sessionCookie((await createUser(db, "ENTERPRISE")).id);
    const agencyCookie = await sessionCookie(r.winner.user.id);
    const regulatorCookie = await sessionCookie(regulator.id);
    expect(await post(r.id, rateForm(), otherEnterprise)).toMatchObject({ status: 403, data: { formError: "ratings.errors.ownerOnly" } });
    await expectRefusal(post(r.id, rateForm(), agencyCookie), 403, "ratings.errors.ownerOnly");
    await expectRefusal(post(r.id, rateForm(), regulatorCookie), 403, "ratings.errors.ownerOnly");
    await expectRefusal(post("no-such-request", rateForm(), cookie), 404, "requests.errors.notFound");
    await expectRefusal(post(r.id, { intent: "frobnicate" }, cookie), 400, "errors.unknownIntent");
    expect(await db.rating.count({ where: { requestId: r.id } })).toBe(0);
  });

  it('bad scores (0, 6, "x", missing) and short text → 400 with an error next to each field and the input kept', async () => {
    const r = await completedRequest(db);
    const cookie = await sessionCookie(r.owner.id);
    const bad = await post(r.id, { intent: "rate", quality: "0", timeliness: "6", attitude: "x", fee: "4", text: "差" }, cookie);
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({
      intent: "rate",
      fieldErrors: {
        quality: ["ratings.errors.score"],
        timeliness: ["ratings.errors.score"],
        attitude: ["ratings.errors.score"],
        standards: ["ratings.errors.score"],
        text: ["ratings.errors.textShort"],
      },
      values: { quality: "0", timeliness: "6", attitude: "x", fee: "4", text: "差" },
    });
    expect((bad.data!.fieldErrors as Record<string, unknown>).fee).toBeUndefined();
    expect(await post(r.id, rateForm({ text: "" }), cookie)).toMatchObject({
      status: 400,
      data: { fieldErrors: { text: ["errors.required"] } },
    });
    expect(await post(r.id, rateForm({ text: "长".repeat(1001) }), cookie)).toMatchObject({
      status: 400,
      data: { fieldErrors: { text: ["errors.tooLong"] } },
    });
    expect(await db.rating.count({ where: { requestId: r.id } })).toBe(0);

    // The errors render next to their fields, with the input still in the form.
    const panel = await ratingPanelData(db, r.owner, r.id);
    const Stub = createRoutesStub([
      {
        id: "panel",
        path: "/requests/:id/rating",
        Component: () => createElement(RatingPanel, { data: panel, failure: bad.data as never }),
      },
    ]);
    const html = renderToString(
      createElement(I18nextProvider, { i18n: await i18n() }, createElement(Stub, { initialEntries: [`/requests/${r.id}/rating`] })),
    );
    expect(html.match(/请选择 1–5 分/g)).toHaveLength(4);
    expect(html).toContain("评价内容至少 5 个字");
    expect(html).toContain('name="fee" checked="" value="4"');
    expect(html).toContain(">差</textarea>");

    // Without JavaScript the browser lands on the action route's own page: the same form, errors and input.
    const loaded = await outcome(() => ratingLoader(routeArgs(getRequest(`/requests/${r.id}/rating`, cookie), { id: r.id })));
    const PageStub = createRoutesStub([
      { id: "page", path: "/requests/:id/rating", Component: RatingPage as never, loader: () => loaded.data, action: () => bad.data },
    ]);
    const page = renderToString(
      createElement(
        I18nextProvider,
        { i18n: await i18n() },
        createElement(PageStub, {
          initialEntries: [`/requests/${r.id}/rating`],
          hydrationData: { loaderData: { page: loaded.data }, actionData: { page: bad.data } },
        }),
      ),
    );
    expect(page.match(/请选择 1–5 分/g)).toHaveLength(4);
    expect(page).toContain(">差</textarea>");
    expect(page).toContain(`href="/requests/${r.id}"`);
  });

  it("rates, replies and hides through the route; the second rating is a 409", async () => {
    const r = await completedRequest(db);
    const cookie = await sessionCookie(r.owner.id);
    expect(await post(r.id, rateForm(), cookie)).toMatchObject({ status: 302, location: `/requests/${r.id}?rating=rate#rating` });
    expect(await post(r.id, rateForm(), cookie)).toMatchObject({ status: 409, data: { formError: "ratings.errors.alreadyRated" } });
    const rating = await db.rating.findUniqueOrThrow({ where: { requestId: r.id } });

    // Reply: only the rated agency, with a rating of this request.
    const agencyCookie = await sessionCookie(r.winner.user.id);
    await expectRefusal(
      post(r.id, { intent: "reply", ratingId: rating.id, text: "谢谢" }, await sessionCookie(r.agencies[1]!.user.id)),
      403,
      "ratings.errors.agencyOnly",
    );
    await expectRefusal(post(r.id, { intent: "reply", ratingId: rating.id, text: "谢谢" }, cookie), 403, "ratings.errors.agencyOnly");
    await expectRefusal(post(r.id, { intent: "reply", ratingId: "other", text: "谢谢" }, agencyCookie), 404, "ratings.errors.notFound");
    expect(await post(r.id, { intent: "reply", ratingId: rating.id, text: "" }, agencyCookie)).toMatchObject({
      status: 400,
      data: { fieldErrors: { text: ["errors.required"] } },
    });
    expect(await post(r.id, { intent: "reply", ratingId: rating.id, text: "感谢认可" }, agencyCookie)).toMatchObject({ status: 302 });
    expect(await post(r.id, { intent: "reply", ratingId: rating.id, text: "再回复一次" }, agencyCookie)).toMatchObject({
      status: 409,
      data: { formError: "ratings.errors.alreadyReplied" },
    });

    // Hide: regulators only, reason required.
    const regulatorCookie = await sessionCookie(regulator.id);
    await expectRefusal(post(r.id, { intent: "hide", ratingId: rating.id, reason: "辱骂" }, cookie), 403, "ratings.errors.regulatorOnly");
    expect(await post(r.id, { intent: "hide", ratingId: rating.id, reason: "" }, regulatorCookie)).toMatchObject({
      status: 400,
      data: { fieldErrors: { reason: ["errors.required"] } },
    });
    expect(await post(r.id, { intent: "hide", ratingId: rating.id, reason: "含有个人信息" }, regulatorCookie)).toMatchObject({
      status: 302,
    });
    expect(await db.rating.findUniqueOrThrow({ where: { id: rating.id } })).toMatchObject({
      hiddenReason: "含有个人信息",
      hiddenById: regulator.id,
      quality: 5,
    });

    // The fallback page (no JavaScript) and the request page carry the panel.
    const page = await outcome(() => ratingLoader(routeArgs(getRequest(`/requests/${r.id}/rating`), { id: r.id })));
    expect(page.data).toMatchObject({ panel: { rating: { hidden: { reason: "含有个人信息" }, reply: "感谢认可" } } });
    const requestPage = await outcome(() => requestLoader(routeArgs(getRequest(`/requests/${r.id}`, cookie), { id: r.id })));
    expect(requestPage.data).toMatchObject({ ratingPanel: { can: { rate: false, reply: false, hide: false }, rating: { text: null } } });
  });

  it("the request page offers each form to the right viewer only", async () => {
    const r = await completedRequest(db);
    const panelFor = async (user: SessionUser | null) => (await ratingPanelData(db, user, r.id))!.can;
    expect(await panelFor(r.owner)).toEqual({ rate: true, reply: false, hide: false });
    expect(await panelFor(await enterpriseUser(db))).toEqual({ rate: false, reply: false, hide: false });
    expect(await panelFor(null)).toEqual({ rate: false, reply: false, hide: false });
    await rateRequest(db, r.owner, r.id, { ...goodScores, text: "非常满意的一次合作。" });
    expect(await panelFor(r.owner)).toEqual({ rate: false, reply: false, hide: false });
    expect(await panelFor(r.winner.user)).toEqual({ rate: false, reply: true, hide: false });
    expect(await panelFor(r.agencies[1]!.user)).toEqual({ rate: false, reply: false, hide: false });
    expect(await panelFor(regulator)).toEqual({ rate: false, reply: false, hide: true });
    // Before completion there is no panel at all.
    const early = await inServiceRequest(db);
    expect(await ratingPanelData(db, early.owner, early.id)).toBeNull();
    const html = await panelHtml(await ratingPanelData(db, r.owner, r.id));
    expect(html).toContain("非常满意的一次合作。");
    expect(html).not.toContain('name="quality"');
  });
});

// ───────────────────────── XSS ─────────────────────────

describe("user text is escaped", () => {
  it("a rating and a reply containing <script> are data in the loader and escaped text in the HTML", async () => {
    const r = await completedRequest(db);
    const evil = `<script>alert("评价")</script><img src=x onerror=alert(1)>`;
    await rateRequest(db, r.owner, r.id, { ...goodScores, text: evil });
    const rating = await db.rating.findUniqueOrThrow({ where: { requestId: r.id } });
    await replyToRating(db, r.winner.user, rating.id, `<script>document.cookie</script>`);

    // Stored and returned as plain text…
    const panel = await ratingPanelData(db, null, r.id);
    expect(panel!.rating!.text).toBe(evil);
    // …and rendered escaped, on the request page and on the agency profile.
    const html = await panelHtml(panel);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(&quot;评价&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;script&gt;document.cookie&lt;/script&gt;");

    const profile = await outcome(() => agencyLoader(routeArgs(getRequest(`/agencies/${r.winner.agencyId}`), { id: r.winner.agencyId })));
    const page = await profileHtml(profile.data);
    expect(page).not.toContain("<script>");
    expect(page).toContain("&lt;script&gt;alert(");
    // A hide reason is user text too.
    await hideRatingText(db, regulator, rating.id, `<b onclick="x()">隐藏</b>`);
    const hidden = await panelHtml(await ratingPanelData(db, null, r.id));
    expect(hidden).not.toContain("<b onclick");
    expect(hidden).toContain("&lt;b onclick=&quot;x()&quot;&gt;隐藏&lt;/b&gt;");
  });
});
