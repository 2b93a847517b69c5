import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { useFetcher, useSearchParams } from "react-router";
import { Link } from "~/components/link";
import { CheckboxGroup, FileField, FormError, TextArea, TextField, translateError } from "~/components/field";
import { formatDateTime } from "~/lib/format";
import { useHydrated } from "~/lib/use-hydrated";
import { formatYuan } from "~/lib/money";
import { isActionFailure, type ActionFailure } from "~/lib/forms";
import type { AwardPanelData, PanelBid, PanelObjection } from "~/services/requests/award-view.server";
import type { RequestStatus } from "~/generated/prisma/enums";
import type { FileLink } from "~/services/requests/files-view.server";
import { MAX_EVIDENCE_FILES } from "~/services/requests/contract-files";

const DONE = ["pick", "object", "decide", "confirm", "deliver", "accept", "return", "republish", "terminate"] as const;

type FormState = { busy: boolean; errors: (field: string) => string[] | undefined; params: Record<string, string | number> | undefined };

/**
 * One command form posting to /requests/:id/award. With JavaScript it posts
 * through a fetcher (marked `_js`), so a refusal (4xx) comes back as data and
 * is shown next to its field; without JavaScript the browser posts the form
 * and a refusal renders the action route's translated error page.
 */
export function AwardForm({
  requestId,
  intent,
  fields = [],
  multipart,
  className,
  children,
}: {
  requestId: string;
  intent: string;
  fields?: string[];
  multipart?: boolean;
  className?: string;
  children: (s: FormState) => ReactNode;
}) {
  const fetcher = useFetcher<ActionFailure>();
  const hydrated = useHydrated();
  const failed = fetcher.state === "idle" && isActionFailure(fetcher.data) ? fetcher.data : null;
  const state: FormState = {
    busy: fetcher.state !== "idle",
    errors: (field) => (fields.includes(field) ? failed?.fieldErrors[field] : undefined),
    params: failed?.params,
  };
  // Above the form: a message for a field this form does not show, else the form's own message
  // (not the generic "check the fields" when the fields already say what is wrong).
  const stray = failed ? Object.entries(failed.fieldErrors).find(([k, v]) => !fields.includes(k) && v.length)?.[1][0] : undefined;
  const shown = failed ? Object.keys(failed.fieldErrors).some((k) => fields.includes(k)) : false;
  const formLevel = stray ?? (shown ? undefined : failed?.formError);
  return (
    <fetcher.Form
      method="post"
      action={`/requests/${requestId}/award`}
      encType={multipart ? "multipart/form-data" : undefined}
      className={className}
    >
      <input type="hidden" name="intent" value={intent} />
      {hydrated ? <input type="hidden" name="_js" value="1" /> : null}
      {formLevel ? <FormError message={formLevel} params={failed?.params} /> : null}
      {children(state)}
    </fetcher.Form>
  );
}

function When({ value, lang }: { value: string | null; lang: string }) {
  if (!value) return <>—</>;
  return <time dateTime={value}>{formatDateTime(value, lang)}</time>;
}

/** The owner's choice among the valid bids (DIRECT, after closing: amounts are public by now). */
function PickTable({ bids, lang, requestId }: { bids: PanelBid[]; lang: string; requestId: string }) {
  const { t } = useTranslation();
  const valid = bids.filter((b) => b.status === "SUBMITTED");
  if (valid.length === 0) return <p className="text-sm text-slate-600">{t("award.bids.empty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="stack-table w-full text-left text-sm">
        <caption className="sr-only">{t("award.pick.heading")}</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3">
              {t("award.bids.agency")}
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              {t("award.bids.amount")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("award.bids.days")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("award.bids.submittedAt")}
            </th>
            <th scope="col" className="py-2">
              <span className="sr-only">{t("award.pick.action")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {valid.map((b) => (
            <tr key={b.bidId} className="border-b border-slate-100">
              <td data-label={t("award.bids.agency")} data-stack="title" className="py-2 pr-3">
                <Link className="link" to={`/agencies/${b.agencyId}`}>
                  {b.agencyName}
                </Link>
              </td>
              <td data-label={t("award.bids.amount")} className="py-2 pr-3 text-right tabular-nums">
                {formatYuan(b.amountFen, lang)}
              </td>
              <td data-label={t("award.bids.days")} className="py-2 pr-3">
                {t("award.bids.daysValue", { count: b.serviceDays })}
              </td>
              <td data-label={t("award.bids.submittedAt")} className="py-2 pr-3">
                <When value={b.submittedAt} lang={lang} />
              </td>
              <td className="py-2">
                <AwardForm requestId={requestId} intent="pick" fields={["bidId"]}>
                  {(s) => (
                    <>
                      <input type="hidden" name="bidId" value={b.bidId} />
                      {s.errors("bidId") ? (
                        <p role="alert" className="field-error">
                          {s
                            .errors("bidId")!
                            .map((e) => translateError(t, e))
                            .join("；")}
                        </p>
                      ) : null}
                      <button
                        type="submit"
                        className="btn-primary"
                        disabled={s.busy}
                        aria-label={t("award.pick.actionLabel", { agency: b.agencyName })}
                      >
                        {t("award.pick.action")}
                      </button>
                    </>
                  )}
                </AwardForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ObjectionItem({ o, data, lang, evidence }: { o: PanelObjection; data: AwardPanelData; lang: string; evidence?: FileLink[] }) {
  const { t } = useTranslation();
  const tone =
    o.status === "PENDING"
      ? "bg-amber-100 text-amber-900"
      : o.status === "UPHELD"
        ? "bg-red-100 text-red-900"
        : "bg-slate-100 text-slate-800";
  return (
    <li className="rounded-md border border-slate-200 p-3">
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="text-slate-600">{t("award.objections.filedBy")}</dt>
        <dd>
          {o.agencyName}
          {o.mine ? <span className="text-slate-500">{t("award.objections.mine")}</span> : null}
        </dd>
        <dt className="text-slate-600">{t("award.objections.filedAt")}</dt>
        <dd>
          <When value={o.createdAt} lang={lang} />
        </dd>
        <dt className="text-slate-600">{t("award.objections.reason")}</dt>
        <dd className="whitespace-pre-wrap break-words">{o.reason}</dd>
        {evidence?.length ? (
          <>
            <dt className="text-slate-600">{t("contractFiles.evidence.files")}</dt>
            <dd>
              <ul>
                {evidence.map((file) => (
                  <li key={file.url}>
                    <a className="link" href={file.url}>
                      {t("contractFiles.attachments.download", { name: file.name })}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt className="text-slate-600">{t("award.objections.decision")}</dt>
        <dd>
          <span className={`rounded px-2 py-0.5 text-xs font-medium ${tone}`}>{t(`award.objections.status.${o.status}`)}</span>
        </dd>
        {o.status !== "PENDING" ? (
          <>
            <dt className="text-slate-600">{t("award.objections.decisionReason")}</dt>
            <dd className="whitespace-pre-wrap break-words">{o.superseded ? t("award.objections.superseded") : o.decisionReason}</dd>
            {o.legalBasis ? (
              <>
                <dt className="text-slate-600">{t("award.objections.legalBasis")}</dt>
                <dd className="whitespace-pre-wrap break-words">{o.legalBasis}</dd>
              </>
            ) : null}
            {o.evidence ? (
              <>
                <dt className="text-slate-600">{t("award.objections.evidence")}</dt>
                <dd className="whitespace-pre-wrap break-words">{o.evidence}</dd>
              </>
            ) : null}
            <dt className="text-slate-600">{t("award.objections.decidedAt")}</dt>
            <dd>
              <When value={o.decidedAt} lang={lang} />
            </dd>
          </>
        ) : null}
      </dl>
      {o.status === "PENDING" && data.can.decide ? (
        <AwardForm
          requestId={data.requestId}
          intent="decide"
          fields={["reason", "legalBasis", "evidence"]}
          className="mt-3 space-y-2 border-t border-slate-200 pt-3"
        >
          {(s) => (
            <>
              <input type="hidden" name="objectionId" value={o.id} />
              <TextArea
                label={t("award.objections.decisionReasonLabel")}
                name="reason"
                required
                rows={3}
                maxLength={data.limits.reason}
                hint={t("award.objections.decisionReasonHint")}
                errors={s.errors("reason")}
                params={s.params}
              />
              <TextField
                label={t("award.objections.legalBasisLabel")}
                name="legalBasis"
                required
                hint={t("award.objections.legalBasisHint")}
                errors={s.errors("legalBasis")}
                params={s.params}
              />
              <TextArea
                label={t("award.objections.evidenceLabel")}
                name="evidence"
                required
                rows={2}
                maxLength={data.limits.reason}
                hint={t("award.objections.evidenceHint")}
                errors={s.errors("evidence")}
                params={s.params}
              />
              <p className="hint">{t("award.objections.upholdHint")}</p>
              <div className="flex flex-wrap gap-2">
                <button type="submit" name="decision" value="UPHOLD" className="btn-primary" disabled={s.busy}>
                  {t("award.objections.uphold")}
                </button>
                <button type="submit" name="decision" value="DISMISS" className="btn-secondary" disabled={s.busy}>
                  {t("award.objections.dismiss")}
                </button>
              </div>
            </>
          )}
        </AwardForm>
      ) : null}
    </li>
  );
}

/** The award / publicity / contract / delivery panel on a request page. */
export function RequestAwardPanel({ data, evidence }: { data: AwardPanelData | null; evidence?: Record<string, FileLink[]> }) {
  const { t, i18n } = useTranslation();
  const [search] = useSearchParams();
  if (!data) return null;
  const lang = i18n.language === "en" ? "en" : "zh";
  const done = search.get("award");
  const doneKey = (DONE as readonly string[]).includes(done ?? "") ? (done as (typeof DONE)[number]) : null;
  const s = data.status;
  const directPick = s === "CLOSED" && data.method === "DIRECT";
  const awardedOnce = data.publicityEndsAt !== null || data.bids.some((b) => b.rank !== null);
  const pendingObjections = data.objections.filter((o) => o.status === "PENDING").length;
  const inService = data.serviceStartedAt !== null;

  return (
    <section id="award" aria-labelledby="award-heading" className="card space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="award-heading" className="h2">
          {t("award.heading")}
        </h2>
        <span className="rounded bg-slate-100 px-2 py-0.5 text-sm">{t(`requests.status.${s as RequestStatus}`)}</span>
        {data.overdue ? (
          <span className="rounded bg-red-700 px-2 py-0.5 text-sm font-semibold text-white">{t("award.service.overdue")}</span>
        ) : null}
      </div>

      {doneKey ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {t(`award.done.${doneKey}`)}
        </p>
      ) : null}

      {data.previousRound ? (
        <p className="text-sm text-slate-700">
          {t("award.rounds.previous", { round: data.round })}
          <Link className="link" to={`/requests/${data.previousRound.id}`}>
            {data.previousRound.code}
          </Link>
        </p>
      ) : null}

      {directPick && data.can.pick ? (
        <section aria-labelledby="award-pick" className="space-y-2">
          <h3 id="award-pick" className="font-semibold">
            {t("award.pick.heading")}
          </h3>
          <p className="text-sm text-slate-600">{t("award.pick.hint")}</p>
          <PickTable bids={data.bids} lang={lang} requestId={data.requestId} />
        </section>
      ) : directPick ? (
        <p className="text-sm text-slate-600">{t("award.pick.waiting")}</p>
      ) : null}

      {!directPick && (awardedOnce || s === "FAILED") ? (
        <section aria-labelledby="award-result" className="space-y-3">
          <h3 id="award-result" className="font-semibold">
            {t("award.winner.heading")}
          </h3>
          {data.winner ? (
            <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
              <dt className="text-slate-600">{t("award.winner.agency")}</dt>
              <dd>
                <Link className="link font-medium" to={`/agencies/${data.winner.agencyId}`}>
                  {data.winner.agencyName}
                </Link>
              </dd>
              <dt className="text-slate-600">{t("award.winner.amount")}</dt>
              <dd className="tabular-nums">{formatYuan(data.winner.amountFen, lang)}</dd>
            </dl>
          ) : (
            <p className="text-sm text-slate-600">{t("award.winner.none")}</p>
          )}
        </section>
      ) : null}

      {data.publicityEndsAt && (s === "AWARD_PUBLICITY" || data.objections.length > 0) ? (
        <section aria-labelledby="award-publicity" className="space-y-3">
          <h3 id="award-publicity" className="font-semibold">
            {t("award.publicity.heading")}
          </h3>
          {s === "AWARD_PUBLICITY" ? (
            <p className="text-sm">
              {data.publicityOver
                ? t("award.publicity.over", { date: formatDateTime(data.publicityEndsAt, lang) })
                : t("award.publicity.open", { date: formatDateTime(data.publicityEndsAt, lang) })}
            </p>
          ) : null}
          <h4 className="text-sm font-semibold">{t("award.objections.heading")}</h4>
          {data.objections.length === 0 ? (
            <p className="text-sm text-slate-600">{t("award.objections.empty")}</p>
          ) : (
            <ul className="space-y-3">
              {data.objections.map((o) => (
                <ObjectionItem key={o.id} o={o} data={data} lang={lang} evidence={evidence?.[o.id]} />
              ))}
            </ul>
          )}
          {data.can.object ? (
            <AwardForm
              requestId={data.requestId}
              intent="object"
              fields={["reason", "evidence"]}
              multipart
              className="space-y-2 rounded-md border border-slate-200 p-3"
            >
              {(f) => (
                <>
                  <h4 className="text-sm font-semibold">{t("award.objections.formHeading")}</h4>
                  <TextArea
                    label={t("award.objections.reasonLabel")}
                    name="reason"
                    required
                    rows={5}
                    maxLength={data.limits.reason}
                    hint={t("award.objections.reasonHint", { max: data.limits.reason })}
                    errors={f.errors("reason")}
                    params={f.params}
                  />
                  <FileField
                    label={t("contractFiles.evidence.label")}
                    name="evidence"
                    multiple
                    accept="application/pdf,image/jpeg,image/png"
                    hint={t("contractFiles.evidence.hint", { mb: data.limits.uploadMb, max: MAX_EVIDENCE_FILES })}
                    errors={f.errors("evidence")}
                    params={f.params}
                  />
                  <button type="submit" className="btn-primary" disabled={f.busy}>
                    {t("award.objections.submit")}
                  </button>
                </>
              )}
            </AwardForm>
          ) : null}
        </section>
      ) : null}

      {(s === "AWARD_PUBLICITY" && data.publicityOver) || data.contractedAt ? (
        <section aria-labelledby="award-contract" className="space-y-2">
          <h3 id="award-contract" className="font-semibold">
            {t("award.contract.heading")}
          </h3>
          {s === "AWARD_PUBLICITY" && pendingObjections > 0 ? (
            <p className="text-sm text-amber-900">{t("award.contract.blocked")}</p>
          ) : data.contract ? (
            <>
              {s === "AWARD_PUBLICITY" ? <p className="text-sm text-slate-600">{t("award.contract.waiting")}</p> : null}
              <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
                <dt className="text-slate-600">{t("award.contract.enterprise")}</dt>
                <dd>{data.contract.enterprise ? t("award.contract.confirmed") : t("award.contract.notConfirmed")}</dd>
                <dt className="text-slate-600">{t("award.contract.agency")}</dt>
                <dd>{data.contract.agency ? t("award.contract.confirmed") : t("award.contract.notConfirmed")}</dd>
                {data.contractedAt ? (
                  <>
                    <dt className="text-slate-600">{t("award.contract.contractedAt")}</dt>
                    <dd>
                      <When value={data.contractedAt} lang={lang} />
                    </dd>
                  </>
                ) : null}
              </dl>
            </>
          ) : null}
          {data.can.confirm ? (
            <AwardForm requestId={data.requestId} intent="confirm" className="space-y-1">
              {(f) => (
                <>
                  <button type="submit" className="btn-primary" disabled={f.busy}>
                    {t("award.contract.confirm")}
                  </button>
                  <p className="hint">{t("award.contract.confirmHint")}</p>
                </>
              )}
            </AwardForm>
          ) : null}
        </section>
      ) : null}

      {inService ? (
        <section aria-labelledby="award-service" className="space-y-3">
          <h3 id="award-service" className="font-semibold">
            {t("award.service.heading")}
          </h3>
          {data.overdue && data.dueAt ? (
            <p className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
              <strong>{t("award.service.overdue")}</strong>：{t("award.service.overdueText", { date: formatDateTime(data.dueAt, lang) })}
            </p>
          ) : null}
          {s === "COMPLETED" && data.completedAt ? (
            <p className="text-sm text-green-900">{t("award.service.completed", { date: formatDateTime(data.completedAt, lang) })}</p>
          ) : null}
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
            <dt className="text-slate-600">{t("award.service.startedAt")}</dt>
            <dd>
              <When value={data.serviceStartedAt} lang={lang} />
            </dd>
            <dt className="text-slate-600">{t("award.service.dueAt")}</dt>
            <dd>
              <When value={data.dueAt} lang={lang} />
            </dd>
            {data.deliveredAt ? (
              <>
                <dt className="text-slate-600">{t("award.service.deliveredAt")}</dt>
                <dd>
                  <When value={data.deliveredAt} lang={lang} />
                </dd>
              </>
            ) : null}
            {data.completedAt ? (
              <>
                <dt className="text-slate-600">{t("award.service.completedAt")}</dt>
                <dd>
                  <When value={data.completedAt} lang={lang} />
                </dd>
              </>
            ) : null}
          </dl>

          <h4 className="text-sm font-semibold">{t("award.delivery.heading")}</h4>
          {data.deliveries.length === 0 ? (
            <p className="text-sm text-slate-600">{t("award.delivery.empty")}</p>
          ) : (
            <ul className="space-y-2">
              {data.deliveries.map((d) => (
                <li key={d.id} className="rounded-md border border-slate-200 p-3 text-sm">
                  <p>
                    {t("award.delivery.submittedAt")}：<When value={d.createdAt} lang={lang} /> ·{" "}
                    {d.accepted === null
                      ? t("award.delivery.awaiting")
                      : d.accepted
                        ? t("award.delivery.accepted")
                        : t("award.delivery.returned")}
                  </p>
                  {d.accepted === false && d.decisionReason ? (
                    <p className="whitespace-pre-wrap break-words">{t("award.delivery.returnedReason", { reason: d.decisionReason })}</p>
                  ) : null}
                  {d.signers.length ? (
                    <p>
                      {t("practitioners.signers.signedBy")}：{d.signers.map((p) => `${p.name}（${p.qualification}）`).join("、")}
                    </p>
                  ) : null}
                  {d.note ? (
                    <p className="whitespace-pre-wrap break-words">
                      {t("award.delivery.note")}：{d.note}
                    </p>
                  ) : null}
                  {d.file ? (
                    <p>
                      <a className="link" href={d.file.url} target="_blank" rel="noreferrer">
                        {t("award.delivery.download", { name: d.file.name })}
                      </a>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}

          {data.can.deliver ? (
            <AwardForm
              requestId={data.requestId}
              intent="deliver"
              fields={["document", "note", "signerIds"]}
              multipart
              className="space-y-3 rounded-md border border-slate-200 p-3"
            >
              {(f) => (
                <>
                  <h4 className="text-sm font-semibold">{t("award.delivery.formHeading")}</h4>
                  <FileField
                    label={t("award.delivery.fileLabel")}
                    name="document"
                    required
                    accept="application/pdf,image/jpeg,image/png"
                    hint={t("award.delivery.fileHint", { mb: data.limits.uploadMb })}
                    errors={f.errors("document")}
                    params={f.params}
                  />
                  {data.signerRoster.length ? (
                    <CheckboxGroup
                      legend={t("practitioners.signers.legend")}
                      name="signerIds"
                      required
                      hint={t("practitioners.signers.hint")}
                      options={data.signerRoster.map((p) => ({
                        value: p.id,
                        label: p.barred
                          ? `${p.name}（${p.qualification}）— ${t(`practitioners.signers.barred.${p.barred}`)}`
                          : `${p.name}（${p.qualification}）`,
                      }))}
                      // The only practitioner who may sign is ticked already.
                      defaultValues={
                        data.signerRoster.length === 1 && !data.signerRoster[0]!.barred ? [data.signerRoster[0]!.id] : undefined
                      }
                      errors={f.errors("signerIds")}
                      params={f.params}
                    />
                  ) : null}
                  <TextArea
                    label={t("award.delivery.noteLabel")}
                    name="note"
                    rows={3}
                    maxLength={data.limits.note}
                    hint={t("award.delivery.noteHint", { max: data.limits.note })}
                    errors={f.errors("note")}
                    params={f.params}
                  />
                  <button type="submit" className="btn-primary" disabled={f.busy}>
                    {t("award.delivery.submit")}
                  </button>
                </>
              )}
            </AwardForm>
          ) : null}

          {data.can.accept || data.can.return ? (
            <div className="space-y-3 rounded-md border border-slate-200 p-3">
              <h4 className="text-sm font-semibold">{t("award.delivery.acceptHeading")}</h4>
              {data.can.accept ? (
                <AwardForm requestId={data.requestId} intent="accept" className="space-y-1">
                  {(f) => (
                    <>
                      <button type="submit" className="btn-primary" disabled={f.busy}>
                        {t("award.delivery.accept")}
                      </button>
                      <p className="hint">{t("award.delivery.acceptHint")}</p>
                    </>
                  )}
                </AwardForm>
              ) : null}
              {data.can.return ? (
                <AwardForm requestId={data.requestId} intent="return" fields={["reason"]} className="space-y-2">
                  {(f) => (
                    <>
                      <TextArea
                        label={t("award.delivery.returnReasonLabel")}
                        name="reason"
                        required
                        rows={3}
                        maxLength={data.limits.reason}
                        hint={t("award.delivery.returnReasonHint")}
                        errors={f.errors("reason")}
                        params={f.params}
                      />
                      <button type="submit" className="btn-secondary" disabled={f.busy}>
                        {t("award.delivery.return")}
                      </button>
                    </>
                  )}
                </AwardForm>
              ) : null}
            </div>
          ) : null}
        </section>
      ) : null}

      {data.can.terminate ? (
        <AwardForm
          requestId={data.requestId}
          intent="terminate"
          fields={["reason"]}
          className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3"
        >
          {(f) => (
            <>
              <h3 className="font-semibold text-red-900">{t("exit.terminate.heading")}</h3>
              <p className="text-sm text-red-900">{t("exit.terminate.hint")}</p>
              <TextArea
                label={t("exit.terminate.reason")}
                name="reason"
                rows={3}
                required
                maxLength={data.limits.reason}
                errors={f.errors("reason")}
                params={f.params}
              />
              <button type="submit" className="btn-primary" disabled={f.busy}>
                {t("exit.terminate.submit")}
              </button>
            </>
          )}
        </AwardForm>
      ) : null}

      {s === "FAILED" || s === "TERMINATED" ? (
        <section aria-labelledby="award-failed" className="space-y-2">
          <h3 id="award-failed" className="font-semibold">
            {s === "TERMINATED" ? t("requests.status.TERMINATED") : t("award.failed.heading")}
          </h3>
          {s === "TERMINATED" ? (
            <p className="text-sm" data-testid="terminated">
              {t("award.terminated", { reason: data.statusReason ?? "—" })} <When value={data.terminatedAt} lang={lang} />
            </p>
          ) : (
            <p className="text-sm">
              {data.objections.some((o) => o.status === "UPHELD") ? t("award.failed.objection") : t("award.failed.tooFewBids")}
            </p>
          )}
          {data.nextRound ? (
            <p className="text-sm">
              {t("award.rounds.next", { round: data.round + 1 })}
              <Link className="link" to={`/requests/${data.nextRound.id}`}>
                {data.nextRound.code}
              </Link>
            </p>
          ) : null}
          {data.can.republish ? (
            <AwardForm
              requestId={data.requestId}
              intent="republish"
              fields={["closesAt"]}
              className="space-y-2 rounded-md border border-slate-200 p-3"
            >
              {(f) => (
                <>
                  <h4 className="text-sm font-semibold">{t("award.republish.heading")}</h4>
                  <p className="hint">{t("award.republish.hint", { round: data.round + 1 })}</p>
                  <TextField
                    label={t("award.republish.closesAt")}
                    name="closesAt"
                    type="datetime-local"
                    required
                    errors={f.errors("closesAt")}
                    params={f.params}
                  />
                  <button type="submit" className="btn-primary" disabled={f.busy}>
                    {t("award.republish.submit")}
                  </button>
                </>
              )}
            </AwardForm>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
