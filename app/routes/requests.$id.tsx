import { useTranslation } from "~/i18n/use-translation";
import { data, Form, useNavigation, useSearchParams } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/requests.$id";
import { pageTitle } from "~/lib/meta";
import { DrawVerification } from "~/components/draw-verification";
import { RequestAwardPanel } from "~/components/request-award-panel";
import { RatingPanel } from "~/components/rating-panel";
import { ContractRecord, RequestAttachments } from "~/components/request-files";
import { FormError, TextArea, TextField, translateError } from "~/components/field";
import { formatDateTime } from "~/lib/format";
import { isActionFailure } from "~/lib/forms";
import { useAnnouncementText } from "~/lib/use-announcement-text";
import { formatYuan } from "~/lib/money";
import { can } from "~/lib/permissions";
import { commandsFor, defineAction, parseInput, visitor } from "~/lib/route.server";
import { bidSchema, cancelSchema } from "~/schemas/request";
import { loadAwardPanel, type AwardPanelData } from "~/services/requests/award-view.server";
import { ratingPanelData } from "~/services/ratings/view.server";
import { submitBid, withdrawBid } from "~/services/requests/bids.server";
import { cancelRequest, publishRequest } from "~/services/requests/post.server";
import { ocidOf } from "~/services/ocds/config.server";
import { requestPageData } from "~/services/requests/public-view.server";
import { assertOwnRequest } from "~/services/requests/queries.server";
import { latestFairnessReview } from "~/services/requests/fairness-queries.server";
import { objectionEvidenceLinks, requestFilesPanel } from "~/services/requests/files-view.server";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, db } = await visitor(request);
  // Sealed bids (Principle 5) are enforced in requestPageData: before closing,
  // nobody but the bidding agency itself receives any amount, days or proposal.
  const page = await requestPageData(db, user, params.id);
  if (!page) throw new Response("Not Found", { status: 404, statusText: "Not Found" });
  const awardPanel = await loadAwardPanel(db, user, params.id);
  const ratingPanel = await ratingPanelData(db, user, params.id);
  // Project documents, the contract record and objection evidence (decision 034).
  const files = await requestFilesPanel(db, user, params.id);
  const evidence = await objectionEvidenceLinks(db, user, params.id);
  // The fair-competition review's findings and outcome: for the owner and the regulator only.
  const fairness = page.viewer.isOwner || can(user, "supervision:act") ? await latestFairnessReview(db, params.id) : null;
  // The process's OCDS record, once it was published (a draft cancelled before publication never was).
  const ocdsRecord = page.request.opensAt ? `/ocds/records/${ocidOf(page.request.code)}.json` : null;
  // Per-viewer data (an agency's own bid): never stored by a shared cache. The
  // anonymous page has none and is left to the public-page cache (decision 032).
  return data(
    { ...page, awardPanel, ratingPanel, fairness, ocdsRecord, files, evidence },
    user ? { headers: { "Cache-Control": "private, no-store" } } : undefined,
  );
}

export function headers({ loaderHeaders }: Route.HeadersArgs): Record<string, string> {
  const cacheControl = loaderHeaders.get("Cache-Control");
  return cacheControl ? { "Cache-Control": cacheControl } : {};
}

type Params = Route.ActionArgs["params"];
const command = commandsFor<Params>();
const INTENTS = ["bid", "withdraw", "cancel", "publish"];

/**
 * POST /requests/:id — intent=bid | withdraw | cancel | publish. Success
 * redirects to the page with a flag (?bid=ok …); a refusal renders the page
 * with the error and its status (400 input, 403 not allowed / not eligible,
 * 404, 409 closed or changed, 422 above the cap). Load tests rely on this.
 * The owner's commands answer 404 / 403 before any input is read.
 */
export const action = defineAction<Params>({
  commands: {
    bid: command({
      permission: "bid:submit",
      schema: bidSchema,
      run: async (bid, { db, user, params }) => {
        await submitBid(db, user, params.id, { amountFen: bid.amount, serviceDays: bid.serviceDays, proposal: bid.proposal });
        return `/requests/${params.id}?bid=ok`;
      },
    }),
    withdraw: {
      permission: "bid:submit",
      run: async (_input, { db, user, params }) => {
        await withdrawBid(db, user, params.id);
        return `/requests/${params.id}?withdrawn=ok`;
      },
    },
    cancel: {
      permission: "request:manage",
      run: async (_input, { db, user, params, values }) => {
        await assertOwnRequest(db, user, params.id);
        const { reason } = parseInput(cancelSchema, values);
        await cancelRequest(db, user, params.id, reason);
        return `/requests/${params.id}?cancelled=ok`;
      },
    },
    publish: {
      permission: "request:manage",
      run: async (_input, { db, user, params }) => {
        await assertOwnRequest(db, user, params.id);
        const status = await publishRequest(db, user, params.id);
        return `/requests/${params.id}?published=${status === "FAIRNESS_REVIEW" ? "review" : "ok"}`;
      },
    },
  },
});

export function meta({ data: d, matches }: Route.MetaArgs) {
  return pageTitle(matches, d?.request.title || { key: "titles.requests" });
}

/** fen string → "12345.67" for an input. */
function plainYuan(fen: string): string {
  const v = BigInt(fen);
  return `${v / 100n}.${(v % 100n).toString().padStart(2, "0")}`;
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}

const INVALID_REASONS = ["ABOVE_CAP", "AGENCY_NOT_LISTED", "AGENCY_SUSPENDED", "AGENCY_REMOVED", "OBJECTION_UPHELD"] as const;
/** Why a bid is void, as stored on it; an unknown code reads as "no longer listed". */
function invalidReasonKey(code: string): (typeof INVALID_REASONS)[number] {
  return (INVALID_REASONS as readonly string[]).includes(code) ? (code as (typeof INVALID_REASONS)[number]) : "AGENCY_NOT_LISTED";
}

export default function RequestPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const words = useAnnouncementText();
  const lang = i18n.language === "en" ? "en" : "zh";
  const sep = lang === "en" ? ", " : "、";
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const [search] = useSearchParams();
  const r = d.request;
  const failed = isActionFailure(actionData) ? actionData : undefined;
  const failedIntent = failed?.intent && INTENTS.includes(failed.intent) ? failed.intent : null;
  const errorsFor = (intent: string) => (failedIntent === intent ? (failed?.fieldErrors ?? {}) : {});
  const reasons = failed?.params?.reasons ? String(failed.params.reasons).split("\n").filter(Boolean) : [];
  const isOpen = r.status === "OPEN";
  const money = (fen: string | null) => (fen ? formatYuan(fen, lang) : "—");
  const when = (v: Date | string | null) => (v ? <time dateTime={new Date(v).toISOString()}>{formatDateTime(v, lang)}</time> : "—");

  const flash =
    search.get("bid") === "ok"
      ? t("requests.flash.bid", { revision: d.ownBid?.revision ?? 1 })
      : search.get("withdrawn") === "ok"
        ? t("requests.flash.withdrawn")
        : search.get("cancelled") === "ok"
          ? t("requests.flash.cancelled")
          : search.get("published") === "ok"
            ? t("requests.flash.published")
            : search.get("published") === "review"
              ? t("fairness.owner.held")
              : search.get("saved") === "draft"
                ? t("requests.flash.draft")
                : null;

  const bidErrors = errorsFor("bid");
  const bidValues = failedIntent === "bid" ? failed!.values : {};
  const viewer = d.viewer.role ? { role: d.viewer.role } : null;
  const canBid =
    isOpen &&
    can(viewer, "bid:submit") &&
    d.eligibility !== null &&
    d.eligibility.length === 0 &&
    (!d.ownBid || d.ownBid.status === "SUBMITTED");

  return (
    <article className="space-y-4">
      <header className="card">
        <p className="font-mono text-xs text-slate-500">
          {r.code}
          {r.round > 1 ? ` · ${t("requests.detail.round", { round: r.round })}` : ""}
          {d.ocdsRecord ? (
            <>
              {" · "}
              <a className="link font-sans" href={d.ocdsRecord} type="application/json">
                {t("requests.detail.ocds")}
              </a>
            </>
          ) : null}
        </p>
        <h1 className="h1 mt-1">{r.title}</h1>
        <p className="mt-2 text-sm">
          <span className="rounded bg-red-50 px-2 py-0.5 font-medium text-red-800">{t(`requests.status.${r.status}`)}</span>
          {isOpen && d.bidCount !== null ? (
            <span className="ml-3 text-slate-700" data-testid="bid-count">
              {t("requests.detail.bidCount", { count: d.bidCount })}
            </span>
          ) : null}
        </p>
        {flash ? (
          <p role="status" className="mt-3 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
            {flash}
          </p>
        ) : null}
        {r.statusReason ? (
          <p className="mt-2 text-sm text-slate-700">{t("requests.detail.cancelReason", { reason: r.statusReason })}</p>
        ) : null}
        {d.failure ? (
          <p className="mt-2 text-sm text-slate-700">
            {t("requests.detail.failReason", { valid: d.failure.validBids, min: d.failure.minBidders })}
          </p>
        ) : null}
        <dl className="mt-4 grid gap-3 text-sm sm:grid-cols-3">
          <Row label={t("requests.fields.item")}>
            <Link className="link" to={`/catalogue/${encodeURIComponent(r.item.code)}`}>
              {r.item.code} {lang === "en" ? r.item.nameEn : r.item.name}
            </Link>
          </Row>
          <Row label={t("requests.fields.enterprise")}>{r.enterpriseName}</Row>
          <Row label={t("requests.fields.fundingSource")}>{t(`requests.funding.${r.fundingSource}`)}</Row>
          <Row label={t("requests.fields.priceCap")}>
            <span className="font-semibold">{money(r.priceCapFen)}</span>
          </Row>
          {r.priceMode === "DISCOUNT" ? (
            <>
              <Row label={t("requests.fields.basePrice")}>{money(r.basePriceFen)}</Row>
              <Row label={t("requests.fields.discountRate")}>{((r.discountRateBp ?? 0) / 100).toFixed(2)}%</Row>
            </>
          ) : null}
          <Row label={t("requests.fields.method")}>{t(`requests.methods.${r.selectionMethod}`)}</Row>
          <Row label={t("requests.fields.minBidders")}>{r.minBidders}</Row>
          <Row label={t("requests.fields.serviceDays")}>{t("requests.detail.days", { count: r.serviceDays })}</Row>
          <Row label={t("requests.fields.publicityDays")}>{t("requests.detail.days", { count: r.publicityDays })}</Row>
          <Row label={t("requests.fields.opensAt")}>{when(r.opensAt)}</Row>
          <Row label={t("requests.fields.closesAt")}>{when(r.closesAt)}</Row>
          {r.publicityEndsAt ? <Row label={t("requests.fields.publicityEndsAt")}>{when(r.publicityEndsAt)}</Row> : null}
          <Row label={t("requests.fields.qualifications")}>
            {r.qualificationReqs.length
              ? r.qualificationReqs.map((q) => `${q.type}${q.level ? ` ${q.level}` : ""}`).join(sep)
              : t("requests.detail.noQualifications")}
          </Row>
          <Row label={t("requests.fields.avoidances")}>
            {r.avoidanceCount ? t("requests.detail.avoidanceCount", { count: r.avoidanceCount }) : t("common.none")}
          </Row>
        </dl>
        <p className="hint mt-3">{t("requests.list.beijingTime")}</p>
        <p className="mt-3 text-sm text-slate-700">{t(`requests.methodHints.${r.selectionMethod}`)}</p>
        {r.scoringWeights ? (
          <p className="mt-1 text-sm text-slate-700">
            {t("requests.detail.weights", {
              price: r.scoringWeights.price,
              credit: r.scoringWeights.credit,
              days: r.scoringWeights.serviceDays,
            })}
          </p>
        ) : null}
      </header>

      <section className="card" aria-labelledby="desc-title">
        <h2 id="desc-title" className="h2">
          {t("requests.fields.description")}
        </h2>
        <p className="mt-2 whitespace-pre-line text-sm text-slate-800">{r.description}</p>
      </section>

      <RequestAttachments data={d.files} />

      {r.selectionMethod === "RANDOM_DRAW" && r.drawCommitment && !d.draw ? (
        <section className="card" aria-labelledby="commit-title">
          <h2 id="commit-title" className="h2">
            {t("requests.draw.title")}
          </h2>
          <p className="mt-2 text-sm">{t("requests.draw.commitmentIntro")}</p>
          <p className="mt-1 break-all font-mono text-xs" data-testid="draw-commitment">
            {r.drawCommitment}
          </p>
        </section>
      ) : null}

      {can(viewer, "bid:submit") ? (
        <section className="card space-y-3" aria-labelledby="bid-title">
          <h2 id="bid-title" className="h2">
            {t("requests.bid.title")}
          </h2>
          {d.eligibility !== null ? (
            d.eligibility.length === 0 ? (
              <p className="text-sm text-green-800">{t("requests.bid.eligible")}</p>
            ) : (
              <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
                <p className="font-medium">{t("requests.bid.notEligible")}</p>
                <ul className="mt-1 list-disc pl-5">
                  {d.eligibility.map((e) => (
                    <li key={e}>{translateError(t, e)}</li>
                  ))}
                </ul>
              </div>
            )
          ) : !isOpen ? (
            <p className="text-sm text-slate-600">{t("requests.bid.notOpen")}</p>
          ) : null}
          {d.ownBid ? (
            <div>
              <h3 className="text-sm font-semibold">{t("requests.bid.yours")}</h3>
              <dl className="mt-1 grid gap-2 text-sm sm:grid-cols-4">
                <Row label={t("requests.bid.amount")}>
                  <span data-testid="own-amount">{money(d.ownBid.amountFen)}</span>
                </Row>
                <Row label={t("requests.bid.serviceDays")}>{t("requests.detail.days", { count: d.ownBid.serviceDays })}</Row>
                <Row label={t("requests.bid.revision")}>{t("requests.bid.revisionValue", { revision: d.ownBid.revision })}</Row>
                <Row label={t("requests.bid.status")}>
                  {t(`requests.bidStatus.${d.ownBid.status}`)}
                  {d.ownBid.rank ? ` · ${t("requests.bid.rank", { rank: d.ownBid.rank })}` : ""}
                </Row>
              </dl>
              {d.ownBid.invalidReason ? (
                <p className="text-sm text-red-800">{t(`requests.invalidReasons.${invalidReasonKey(d.ownBid.invalidReason)}`)}</p>
              ) : null}
              <p className="mt-1 text-xs text-slate-500">
                {t("requests.bid.submittedAt")} {when(d.ownBid.submittedAt)}
              </p>
              <p className="mt-1 whitespace-pre-line text-sm">{d.ownBid.proposal}</p>
            </div>
          ) : null}
          {failedIntent === "bid" || failedIntent === "withdraw" ? <FormError message={failed?.formError} /> : null}
          {reasons.length ? (
            <ul className="list-disc pl-5 text-sm text-red-800" aria-label={t("requests.bid.notEligible")}>
              {reasons.map((e) => (
                <li key={e}>{translateError(t, e)}</li>
              ))}
            </ul>
          ) : null}
          {canBid ? (
            <Form method="post" className="space-y-3" noValidate>
              <input type="hidden" name="intent" value="bid" />
              <p className="text-sm text-slate-600">{t("requests.bid.sealedNote", { cap: money(r.priceCapFen) })}</p>
              <div className="grid gap-3 sm:grid-cols-2">
                <TextField
                  label={t("requests.bid.amountYuan")}
                  name="amount"
                  inputMode="numeric"
                  required
                  defaultValue={bidValues.amount ?? (d.ownBid ? plainYuan(d.ownBid.amountFen) : "")}
                  errors={bidErrors.amount}
                  hint={t("requests.bid.amountHint", { cap: money(r.priceCapFen) })}
                />
                <TextField
                  label={t("requests.bid.serviceDays")}
                  name="serviceDays"
                  inputMode="numeric"
                  required
                  defaultValue={bidValues.serviceDays ?? (d.ownBid ? String(d.ownBid.serviceDays) : String(r.serviceDays))}
                  errors={bidErrors.serviceDays}
                  hint={t("requests.bid.serviceDaysHint", { days: r.serviceDays })}
                />
              </div>
              <TextArea
                label={t("requests.bid.proposal")}
                name="proposal"
                required
                rows={4}
                maxLength={5000}
                defaultValue={bidValues.proposal ?? d.ownBid?.proposal ?? ""}
                errors={bidErrors.proposal}
              />
              <button type="submit" className="btn-primary" disabled={busy}>
                {d.ownBid ? t("requests.bid.revise") : t("requests.bid.submit")}
              </button>
            </Form>
          ) : null}
          {isOpen && d.ownBid?.status === "SUBMITTED" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="withdraw" />
              <button type="submit" className="btn-secondary" disabled={busy}>
                {t("requests.bid.withdraw")}
              </button>
              <p className="hint">{t("requests.bid.withdrawHint")}</p>
            </Form>
          ) : null}
        </section>
      ) : null}

      {d.viewer.isOwner && (r.status === "DRAFT" || r.status === "FAIRNESS_REVIEW" || isOpen || d.avoidances?.length) ? (
        <section className="card space-y-3" aria-labelledby="owner-title">
          <h2 id="owner-title" className="h2">
            {t("requests.owner.title")}
          </h2>
          {isOpen ? <p className="text-sm">{t("requests.owner.sealed", { count: d.bidCount ?? 0 })}</p> : null}
          {r.status === "FAIRNESS_REVIEW" ? (
            <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="fairness-held">
              <p>{t("fairness.owner.held")}</p>
              {d.fairness?.hits.length ? (
                <p className="mt-1">
                  {t("fairness.owner.flagged")}：{d.fairness.hits.map((h) => `“${h.matched}”`).join(lang === "en" ? ", " : "、")}
                </p>
              ) : null}
            </div>
          ) : null}
          {r.status === "DRAFT" && d.fairness?.outcome === "RETURNED" ? (
            <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="fairness-returned">
              {t("fairness.owner.returned", { reason: d.fairness.reason ?? "" })}
            </p>
          ) : null}
          {r.status === "DRAFT" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              {failedIntent === "publish" ? <FormError message={failed?.formError} /> : null}
              {errorsFor("publish").closesAt ? (
                <p className="field-error" role="alert">
                  {errorsFor("publish")
                    .closesAt!.map((e) => translateError(t, e))
                    .join("；")}
                </p>
              ) : null}
              <div className="mt-2 flex flex-wrap items-center gap-3">
                <button type="submit" className="btn-primary" disabled={busy}>
                  {t("requests.owner.publish")}
                </button>
                <Link className="btn-secondary" to={`/requests/new?draft=${r.id}`}>
                  {t("requests.owner.edit")}
                </Link>
              </div>
              <p className="hint">{t("requests.owner.publishHint")}</p>
            </Form>
          ) : null}
          {r.status === "DRAFT" || r.status === "FAIRNESS_REVIEW" || isOpen ? (
            <Form method="post" className="space-y-2" noValidate>
              <input type="hidden" name="intent" value="cancel" />
              {failedIntent === "cancel" && !errorsFor("cancel").reason ? <FormError message={failed?.formError} /> : null}
              <TextField
                label={t("requests.owner.cancelReason")}
                name="reason"
                required
                defaultValue={failedIntent === "cancel" ? failed?.values.reason : undefined}
                errors={errorsFor("cancel").reason}
                hint={t("requests.owner.cancelHint")}
              />
              <button type="submit" className="btn-secondary" disabled={busy}>
                {t("requests.owner.cancel")}
              </button>
            </Form>
          ) : null}
          {d.avoidances?.length ? (
            <div>
              <h3 className="text-sm font-semibold">{t("requests.owner.avoidances")}</h3>
              <ul className="mt-1 list-disc pl-5 text-sm">
                {d.avoidances.map((a) => (
                  <li key={`${a.creditCode}-${a.name}`}>
                    {a.name}
                    {a.creditCode ? `（${a.creditCode}）` : ""}：{a.reason}
                  </li>
                ))}
              </ul>
              <p className="hint">{t("requests.owner.avoidancesPrivate")}</p>
            </div>
          ) : null}
        </section>
      ) : null}

      {(failedIntent === "cancel" || failedIntent === "publish") && !d.viewer.isOwner ? <FormError message={failed?.formError} /> : null}
      {failed && !failedIntent ? <FormError message={failed.formError} /> : null}

      {d.unsealed ? (
        <section className="card" aria-labelledby="result-title">
          <h2 id="result-title" className="h2">
            {t("requests.result.title")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("requests.result.intro")}</p>
          {d.bids.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t("requests.result.none")}</p>
          ) : (
            <div className="mt-2 overflow-x-auto">
              <table className="stack-table w-full text-left text-sm">
                <thead className="text-slate-600">
                  <tr>
                    <th scope="col" className="py-1 pr-3">
                      {t("requests.result.rank")}
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      {t("requests.result.agency")}
                    </th>
                    <th scope="col" className="py-1 pr-3 text-right">
                      {t("requests.bid.amount")}
                    </th>
                    <th scope="col" className="py-1 pr-3 text-right">
                      {t("requests.bid.serviceDays")}
                    </th>
                    {r.selectionMethod === "SCORED" ? (
                      <th scope="col" className="py-1 pr-3 text-right">
                        {t("requests.result.score")}
                      </th>
                    ) : null}
                    <th scope="col" className="py-1 pr-3">
                      {t("requests.bid.status")}
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      {t("requests.bid.submittedAt")}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {d.bids.map((b) => (
                    <tr key={b.id}>
                      <td data-label={t("requests.result.rank")} className="py-1 pr-3">
                        {b.rank ?? "—"}
                      </td>
                      <td data-label={t("requests.result.agency")} data-stack="title" className="py-1 pr-3">
                        <Link className="link" to={`/agencies/${b.agencyId}`}>
                          {b.agencyName}
                        </Link>
                        {b.proposal ? (
                          <details className="mt-1 text-xs text-slate-700">
                            <summary className="cursor-pointer">{t("requests.bid.proposal")}</summary>
                            <p className="whitespace-pre-line">{b.proposal}</p>
                          </details>
                        ) : null}
                      </td>
                      <td data-label={t("requests.bid.amount")} className="py-1 pr-3 text-right tabular-nums">
                        {money(b.amountFen)}
                      </td>
                      <td data-label={t("requests.bid.serviceDays")} className="py-1 pr-3 text-right tabular-nums">
                        {b.serviceDays}
                      </td>
                      {r.selectionMethod === "SCORED" ? (
                        <td data-label={t("requests.result.score")} className="py-1 pr-3 text-right tabular-nums">
                          {b.score ?? "—"}
                        </td>
                      ) : null}
                      <td data-label={t("requests.bid.status")} className="py-1 pr-3">
                        {t(`requests.bidStatus.${b.status}`)}
                        {b.invalidReason ? ` · ${t(`requests.invalidReasons.${invalidReasonKey(b.invalidReason)}`)}` : ""}
                      </td>
                      <td data-label={t("requests.bid.submittedAt")} className="py-1 pr-3">
                        {when(b.submittedAt)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {d.award ? (
            <p className="mt-2 text-sm">
              <Link className="link" to={`/announcements/${d.award.announcementId}`}>
                {t("requests.result.announcement")}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}

      {d.draw ? (
        <section className="card space-y-2" aria-labelledby="draw-title">
          <h2 id="draw-title" className="h2">
            {t("requests.draw.title")}
          </h2>
          <DrawVerification draw={d.draw} />
        </section>
      ) : null}

      <RequestAwardPanel data={d.awardPanel as AwardPanelData | null} evidence={d.evidence} />
      <ContractRecord data={d.files} />

      <RatingPanel data={d.ratingPanel} />

      {d.announcements.length ? (
        <section className="card" aria-labelledby="ann-title">
          <h2 id="ann-title" className="h2">
            {t("requests.detail.announcements")}
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {d.announcements.map((a) => (
              <li key={a.id}>
                {when(a.publishedAt)} ·{" "}
                <Link className="link" to={`/announcements/${a.id}`}>
                  {words.text(a).title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
