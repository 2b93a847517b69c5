import { useTranslation } from "react-i18next";
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/request.rating";
import { RatingPanel, type RatingActionResult } from "~/components/rating-panel";
import { getDb } from "~/db/client.server";
import { DomainError, FieldErrors, isDomainError } from "~/lib/errors";
import { formValues } from "~/lib/forms";
import { isBusy } from "~/lib/http.server";
import { getUser, requireUser, type SessionUser } from "~/lib/session.server";
import { hideSchema, parseWith, ratingSchema, replySchema } from "~/schemas/rating";
import { hideRatingText, rateRequest, replyToRating } from "~/services/ratings/ratings.server";
import { ratingPanelData } from "~/services/ratings/view.server";

/**
 * POST /requests/:id/rating — intent=rate | reply | hide (网上评价).
 * Success redirects to the request page (?rating=<intent>#rating). A refusal
 * is a 4xx with i18n keys per field and the input echoed back: a fetcher on
 * the request page shows it in place; a browser without JavaScript lands on
 * this route's page, which renders the same panel with the errors next to
 * their fields. GET shows that page (the panel alone) for the request.
 *
 * 400 bad input · 403 not the owner / the rated agency / a regulator ·
 * 404 no such request or rating · 409 not completed, already rated / replied /
 * hidden. Anonymous posts are redirected to the login page.
 */
const INTENTS = ["rate", "reply", "hide"] as const;
type Intent = (typeof INTENTS)[number];
const isIntent = (v: unknown): v is Intent => typeof v === "string" && (INTENTS as readonly string[]).includes(v);

export async function loader({ request, params }: Route.LoaderArgs) {
  const db = await getDb();
  const r = await db.serviceRequest.findUnique({ where: { id: params.id }, select: { id: true, code: true, title: true, status: true } });
  if (!r || r.status === "DRAFT") throw new Response("Not Found", { status: 404, statusText: "Not Found" });
  const user = await getUser(request);
  const panel = await ratingPanelData(db, user, params.id);
  return data({ request: { id: r.id, code: r.code, title: r.title }, panel }, { headers: { "Cache-Control": "private, no-store" } });
}

function refusal(intent: Intent | null, values: Record<string, string>, status: number, fieldErrors: Record<string, string[]>, formError?: string, params?: Record<string, string | number>) {
  const body: RatingActionResult = { intent, fieldErrors, values, ...(formError ? { formError } : {}), ...(params ? { params } : {}) };
  return data(body, { status });
}

/** Who may send this intent at all, checked before any input is read (the service checks again inside its transaction). */
async function authorize(user: SessionUser, requestId: string, intent: Intent, ratingId: string) {
  const db = await getDb();
  const r = await db.serviceRequest.findUnique({ where: { id: requestId }, select: { enterpriseOrgId: true, status: true } });
  if (!r || (r.status === "DRAFT" && r.enterpriseOrgId !== user.organizationId)) throw new DomainError("NOT_FOUND", 404, "requests.errors.notFound");
  if (intent === "rate") {
    if (user.role !== "ENTERPRISE" || !user.organizationId || r.enterpriseOrgId !== user.organizationId) throw new DomainError("FORBIDDEN", 403, "ratings.errors.ownerOnly");
    return;
  }
  if (intent === "hide" && user.role !== "REGULATOR") throw new DomainError("FORBIDDEN", 403, "ratings.errors.regulatorOnly");
  if (intent === "reply" && user.role !== "AGENCY") throw new DomainError("FORBIDDEN", 403, "ratings.errors.agencyOnly");
  // The rating must belong to the request in the URL.
  const rating = ratingId ? await db.rating.findUnique({ where: { id: ratingId }, select: { requestId: true, agency: { select: { organizationId: true } } } }) : null;
  if (!rating || rating.requestId !== requestId) throw new DomainError("NOT_FOUND", 404, "ratings.errors.notFound");
  if (intent === "reply" && rating.agency.organizationId !== user.organizationId) throw new DomainError("FORBIDDEN", 403, "ratings.errors.agencyOnly");
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  const values = formValues(form);
  const requestId = params.id;
  const intent = isIntent(values.intent) ? values.intent : null;
  const db = await getDb();
  try {
    if (!intent) return refusal(null, values, 400, {}, "ratings.errors.unknownIntent");
    const ratingId = values.ratingId ?? "";
    await authorize(user, requestId, intent, ratingId);
    switch (intent) {
      case "rate": {
        const parsed = parseWith(ratingSchema, values);
        if (!parsed.ok) return refusal(intent, values, 400, parsed.errors, "errors.formInvalid");
        await rateRequest(db, user, requestId, parsed.data);
        break;
      }
      case "reply": {
        const parsed = parseWith(replySchema, values);
        if (!parsed.ok) return refusal(intent, values, 400, parsed.errors, "errors.formInvalid");
        await replyToRating(db, user, ratingId, parsed.data.text);
        break;
      }
      case "hide": {
        const parsed = parseWith(hideSchema, values);
        if (!parsed.ok) return refusal(intent, values, 400, parsed.errors, "errors.formInvalid");
        await hideRatingText(db, user, ratingId, parsed.data.reason);
        break;
      }
    }
  } catch (error) {
    if (isBusy(error)) return refusal(intent, values, 503, {}, "errors.busy");
    if (!isDomainError(error)) throw error;
    if (error instanceof FieldErrors) return refusal(intent, values, error.status, error.fields, error.message);
    return error.field ? refusal(intent, values, error.status, { [error.field]: [error.message] }, undefined, error.params) : refusal(intent, values, error.status, {}, error.message, error.params);
  }
  return redirect(`/requests/${requestId}?rating=${intent}#rating`);
}

export function meta({ data: d }: Route.MetaArgs) {
  return [{ title: `${d?.request.title ?? "评价"} · 中介超市` }];
}

export default function RatingPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const failure = (actionData as RatingActionResult | undefined) ?? null;
  const { request: r, panel } = loaderData;
  return (
    <article className="space-y-4">
      <header className="card">
        <p className="font-mono text-xs text-slate-500">{r.code}</p>
        <h1 className="h1 mt-1">{r.title}</h1>
        <p className="mt-2">
          <Link className="link" to={`/requests/${r.id}`}>{t("ratings.errorPage.back")}</Link>
        </p>
      </header>
      {panel ? (
        <RatingPanel data={panel} failure={failure} />
      ) : failure ? (
        <section className="card space-y-2" aria-labelledby="rating-error-title">
          <h2 id="rating-error-title" className="h2">{t("ratings.errorPage.title")}</h2>
          <RefusalText failure={failure} />
        </section>
      ) : (
        <p className="card text-sm text-slate-600">{t("ratings.errors.notCompleted")}</p>
      )}
    </article>
  );
}

function RefusalText({ failure }: { failure: RatingActionResult }) {
  const { t } = useTranslation();
  const key = failure.formError ?? Object.values(failure.fieldErrors)[0]?.[0] ?? "errors.badRequestTitle";
  return <p role="alert" className="text-sm text-red-800">{t(key as never, failure.params ?? {}) as string}</p>;
}
