import { useId } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { useFetcher, useSearchParams } from "react-router";
import { Link } from "~/components/link";
import { FormError, TextArea, translateError } from "~/components/field";
import { formatDateTime } from "~/lib/format";
import type { ActionFailure } from "~/lib/forms";
import { HIDE_REASON_MAX, RATING_DIMENSIONS, RATING_TEXT_MAX, REPLY_MAX, type RatingDimension } from "~/schemas/rating";
import type { PublicRating, RatingPanelData } from "~/services/ratings/view.server";

const SCALE = ["1", "2", "3", "4", "5"] as const;

function When({ value, lang }: { value: string | null; lang: string }) {
  if (!value) return <>—</>;
  return <time dateTime={value}>{formatDateTime(value, lang)}</time>;
}

/** One rating as published: five scores, the text (or the regulator's reason in its place) and the agency's reply. */
export function RatingView({ rating: r, showRequest = false }: { rating: PublicRating; showRequest?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  return (
    <article className="space-y-2" data-testid="rating">
      {showRequest ? (
        <p className="text-sm">
          <span className="text-slate-500">{t("ratings.profile.request")}：</span>
          <Link className="link" to={`/requests/${r.requestId}`}>
            {r.requestTitle}
          </Link>{" "}
          <span className="font-mono text-xs text-slate-500">{r.requestCode}</span>
        </p>
      ) : null}
      <p className="text-sm">
        <span className="font-semibold">{t("ratings.average", { value: r.average.toFixed(1) })}</span>
        <span className="ml-3 text-slate-500">
          {t("ratings.panel.ratedAt")} <When value={r.createdAt} lang={lang} />
        </span>
      </p>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-5">
        {RATING_DIMENSIONS.map((d) => (
          <div key={d}>
            <dt className="text-slate-500">{t(`ratings.dimensions.${d}`)}</dt>
            <dd className="tabular-nums">{t("ratings.score", { value: r.scores[d] })}</dd>
          </div>
        ))}
      </dl>
      {r.hidden ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="rating-hidden">
          {t("ratings.hidden", { reason: r.hidden.reason })}
        </p>
      ) : (
        <p className="whitespace-pre-line break-words text-sm text-slate-800" data-testid="rating-text">
          {r.text}
        </p>
      )}
      {r.hiddenOriginal !== null ? (
        <details className="text-xs text-slate-600">
          <summary className="cursor-pointer">{t("ratings.hide.original")}</summary>
          <p className="whitespace-pre-line break-words">{r.hiddenOriginal}</p>
        </details>
      ) : null}
      {r.reply !== null ? (
        <div className="ml-4 border-l-2 border-slate-200 pl-3 text-sm" data-testid="rating-reply">
          <p className="font-medium">
            {t("ratings.reply.title")}{" "}
            <span className="ml-2 font-normal text-slate-500">
              {t("ratings.panel.repliedAt")} <When value={r.repliedAt} lang={lang} />
            </span>
          </p>
          <p className="whitespace-pre-line break-words text-slate-800">{r.reply}</p>
        </div>
      ) : null}
    </article>
  );
}

/** Five radio buttons for one dimension, with its error announced with the group. */
function ScoreGroup({
  name,
  label,
  defaultValue,
  errors,
}: {
  name: RatingDimension;
  label: string;
  defaultValue?: string;
  errors?: string[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-${name}-error`;
  return (
    <fieldset aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="label">
        {label}
        <span className="ml-1 text-red-700" aria-hidden="true">
          *
        </span>
      </legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {SCALE.map((v) => (
          <label key={v} className="flex items-center gap-1 text-sm">
            <input type="radio" name={name} value={v} defaultChecked={defaultValue === v} required />
            <span>{t(`ratings.scale.${v}`)}</span>
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p id={errorId} className="field-error" role="alert">
          {errors.map((e) => translateError(t, e)).join("；")}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The refusal for this form, from the fetcher (with JavaScript) or from the action route's page (without). */
function useFailure(intent: ActionFailure["intent"], fetched: ActionFailure | undefined, failure: ActionFailure | null | undefined) {
  const own = fetched && fetched.intent === intent ? fetched : null;
  if (own) return own;
  return failure && failure.intent === intent ? failure : null;
}

function FormLevelError({ failed, fields }: { failed: ActionFailure | null; fields: string[] }) {
  if (!failed) return null;
  const stray = Object.entries(failed.fieldErrors).filter(([k]) => !fields.includes(k));
  if (failed.formError) return <FormError message={failed.formError} params={failed.params} />;
  if (stray.length) return <FormError message={stray[0]![1][0]} params={failed.params} />;
  return null;
}

function RateForm({ requestId, failure }: { requestId: string; failure?: ActionFailure | null }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<ActionFailure>();
  const failed = useFailure("rate", fetcher.data, failure);
  const v = failed?.values ?? {};
  return (
    <fetcher.Form method="post" action={`/requests/${requestId}/rating`} className="space-y-3" noValidate aria-labelledby="rate-title">
      <h3 id="rate-title" className="font-semibold">
        {t("ratings.form.title")}
      </h3>
      <p className="text-sm text-slate-600">{t("ratings.form.intro")}</p>
      <input type="hidden" name="intent" value="rate" />
      <FormLevelError failed={failed} fields={[...RATING_DIMENSIONS, "text"]} />
      {RATING_DIMENSIONS.map((d) => (
        <ScoreGroup key={d} name={d} label={t(`ratings.dimensions.${d}`)} defaultValue={v[d]} errors={failed?.fieldErrors[d]} />
      ))}
      <TextArea
        label={t("ratings.form.text")}
        name="text"
        required
        rows={4}
        maxLength={RATING_TEXT_MAX}
        hint={t("ratings.form.textHint")}
        defaultValue={v.text}
        errors={failed?.fieldErrors.text}
      />
      <button type="submit" className="btn-primary" disabled={fetcher.state !== "idle"}>
        {t("ratings.form.submit")}
      </button>
    </fetcher.Form>
  );
}

function ReplyForm({ requestId, ratingId, failure }: { requestId: string; ratingId: string; failure?: ActionFailure | null }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<ActionFailure>();
  const failed = useFailure("reply", fetcher.data, failure);
  return (
    <fetcher.Form method="post" action={`/requests/${requestId}/rating`} className="space-y-2" noValidate aria-labelledby="reply-title">
      <h3 id="reply-title" className="font-semibold">
        {t("ratings.reply.title")}
      </h3>
      <input type="hidden" name="intent" value="reply" />
      <input type="hidden" name="ratingId" value={ratingId} />
      <FormLevelError failed={failed} fields={["text"]} />
      <TextArea
        label={t("ratings.reply.label")}
        name="text"
        required
        rows={3}
        maxLength={REPLY_MAX}
        hint={t("ratings.reply.hint")}
        defaultValue={failed?.values.text}
        errors={failed?.fieldErrors.text}
      />
      <button type="submit" className="btn-primary" disabled={fetcher.state !== "idle"}>
        {t("ratings.reply.submit")}
      </button>
    </fetcher.Form>
  );
}

function HideForm({ requestId, ratingId, failure }: { requestId: string; ratingId: string; failure?: ActionFailure | null }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<ActionFailure>();
  const failed = useFailure("hide", fetcher.data, failure);
  return (
    <fetcher.Form method="post" action={`/requests/${requestId}/rating`} className="space-y-2" noValidate aria-labelledby="hide-title">
      <h3 id="hide-title" className="font-semibold">
        {t("ratings.hide.title")}
      </h3>
      <input type="hidden" name="intent" value="hide" />
      <input type="hidden" name="ratingId" value={ratingId} />
      <FormLevelError failed={failed} fields={["reason"]} />
      <TextArea
        label={t("ratings.hide.label")}
        name="reason"
        required
        rows={2}
        maxLength={HIDE_REASON_MAX}
        hint={t("ratings.hide.hint")}
        defaultValue={failed?.values.reason}
        errors={failed?.fieldErrors.reason}
      />
      <button type="submit" className="btn-secondary" disabled={fetcher.state !== "idle"}>
        {t("ratings.hide.submit")}
      </button>
    </fetcher.Form>
  );
}

/**
 * The rating section of a request page (once COMPLETED). Forms post to
 * /requests/:id/rating: with JavaScript through a fetcher, so a refusal is
 * shown next to its field in place; without JavaScript the browser posts and
 * the action route renders this panel again with the errors and the input.
 */
export function RatingPanel({ data, failure }: { data: RatingPanelData | null; failure?: ActionFailure | null }) {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  if (!data) return null;
  const done = search.get("rating");
  const flash = done === "rate" || done === "reply" || done === "hide" ? t(`ratings.done.${done}`) : null;
  const r = data.rating;
  return (
    <section id="rating" className="card space-y-4" aria-labelledby="rating-heading">
      <header>
        <h2 id="rating-heading" className="h2">
          {t("ratings.panel.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("ratings.panel.intro")}</p>
        {data.agency ? (
          <p className="mt-1 text-sm">
            <Link className="link" to={`/agencies/${data.agency.id}`}>
              {t("ratings.panel.agency", { name: data.agency.name })}
            </Link>
          </p>
        ) : null}
      </header>
      {flash ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {flash}
        </p>
      ) : null}
      {r ? <RatingView rating={r} /> : <p className="text-sm text-slate-600">{t("ratings.panel.notYet")}</p>}
      {r && r.reply === null && !data.can.reply ? <p className="text-sm text-slate-500">{t("ratings.reply.none")}</p> : null}
      {data.can.rate ? <RateForm requestId={data.requestId} failure={failure} /> : null}
      {data.can.reply && r ? <ReplyForm requestId={data.requestId} ratingId={r.id} failure={failure} /> : null}
      {data.can.hide && r ? <HideForm requestId={data.requestId} ratingId={r.id} failure={failure} /> : null}
      {failure && !formShown(failure.intent, data) ? (
        <FormError message={failure.formError ?? Object.values(failure.fieldErrors)[0]?.[0]} params={failure.params} />
      ) : null}
    </section>
  );
}

/** A refusal whose form is no longer offered (e.g. "already rated") is shown above the panel instead. */
function formShown(intent: ActionFailure["intent"], data: RatingPanelData): boolean {
  return (intent === "rate" && data.can.rate) || (intent === "reply" && data.can.reply) || (intent === "hide" && data.can.hide);
}
