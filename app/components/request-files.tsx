import { useTranslation } from "~/i18n/use-translation";
import { useSearchParams } from "react-router";
import { FileField, TextArea, TextField } from "~/components/field";
import { AwardForm } from "~/components/request-award-panel";
import { formatDateTime } from "~/lib/format";
import { formatYuan } from "~/lib/money";
import type { RequestFilesPanel } from "~/services/requests/files-view.server";

const ACCEPT = "application/pdf,image/jpeg,image/png";
const DONE = ["attach", "unattach", "record", "amend"] as const;

function Done() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const done = search.get("files");
  if (!(DONE as readonly string[]).includes(done ?? "")) return null;
  return (
    <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
      {t(`contractFiles.done.${done as (typeof DONE)[number]}`)}
    </p>
  );
}

const kb = (size: number) => Math.max(1, Math.round(size / 1024));

/** 项目资料: the project documents for bidders, and the owner's draft-time upload form (decision 034). */
export function RequestAttachments({ data }: { data: RequestFilesPanel | null }) {
  const { t } = useTranslation();
  if (!data || (data.attachments.length === 0 && !data.can.attach)) return null;
  return (
    <section id="files" className="card space-y-3" aria-labelledby="files-title">
      <h2 id="files-title" className="h2">
        {t("contractFiles.attachments.heading")}
      </h2>
      <Done />
      <p className="text-sm text-slate-600">{t("contractFiles.attachments.intro")}</p>
      {data.attachments.length === 0 ? (
        <p className="text-sm text-slate-600">{t("contractFiles.attachments.empty")}</p>
      ) : (
        <ul className="space-y-2">
          {data.attachments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-start gap-x-3 gap-y-1 rounded-md border border-slate-200 p-3 text-sm">
              <div className="min-w-0 flex-1 space-y-1">
                <p className="whitespace-pre-wrap break-words">{a.description}</p>
                <p>
                  <a className="link break-all" href={a.url}>
                    {t("contractFiles.attachments.download", { name: a.name })}
                  </a>{" "}
                  <span className="text-slate-500">{t("contractFiles.attachments.size", { kb: kb(a.size) })}</span>
                </p>
              </div>
              {data.can.attach ? (
                <AwardForm requestId={data.requestId} intent="unattach">
                  {(f) => (
                    <>
                      <input type="hidden" name="attachmentId" value={a.id} />
                      <button
                        type="submit"
                        className="btn-secondary"
                        disabled={f.busy}
                        aria-label={t("contractFiles.attachments.removeLabel", { name: a.name })}
                      >
                        {t("contractFiles.attachments.remove")}
                      </button>
                    </>
                  )}
                </AwardForm>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {data.can.attach ? (
        <AwardForm
          requestId={data.requestId}
          intent="attach"
          fields={["files", "description"]}
          multipart
          className="space-y-3 rounded-md border border-slate-200 p-3"
        >
          {(f) => (
            <>
              <p className="hint">{t("contractFiles.attachments.draftOnly")}</p>
              <FileField
                label={t("contractFiles.attachments.filesLabel")}
                name="files"
                required
                multiple
                accept={ACCEPT}
                hint={t("contractFiles.attachments.filesHint", { mb: data.limits.uploadMb, max: data.limits.attachments })}
                errors={f.errors("files")}
                params={f.params}
              />
              <TextArea
                label={t("contractFiles.attachments.descriptionLabel")}
                name="description"
                required
                rows={2}
                maxLength={data.limits.description}
                hint={t("contractFiles.attachments.descriptionHint", { max: data.limits.description })}
                errors={f.errors("description")}
                params={f.params}
              />
              <button type="submit" className="btn-primary" disabled={f.busy}>
                {t("contractFiles.attachments.submit")}
              </button>
            </>
          )}
        </AwardForm>
      ) : null}
    </section>
  );
}

type FormHelpers = { errors: (field: string) => string[] | undefined; params?: Record<string, string | number> };

/** The amount and the three dates, as the record and amendment forms ask them (defaults: the facts now, when amending). */
function ContractFactsFields({
  f,
  defaults,
}: {
  f: FormHelpers;
  defaults?: { amount: string; signedOn: string; startsOn: string; endsOn: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t("contractFiles.record.amountLabel")}
        name="amount"
        required
        inputMode="text"
        defaultValue={defaults?.amount}
        hint={t("contractFiles.record.amountHint")}
        errors={f.errors("amount")}
        params={f.params}
      />
      <div className="grid gap-3 sm:grid-cols-3">
        {(["signedOn", "startsOn", "endsOn"] as const).map((name) => (
          <TextField
            key={name}
            label={t(`contractFiles.record.${name}Label`)}
            name={name}
            type="date"
            required
            defaultValue={defaults?.[name]}
            errors={f.errors(name)}
            params={f.params}
          />
        ))}
      </div>
    </>
  );
}

/** Fen as the yuan the amount field takes ("6800050" → "68000.50"). */
const yuanInput = (fen: string) => {
  const n = BigInt(fen);
  const cents = n % 100n;
  return cents === 0n ? (n / 100n).toString() : `${n / 100n}.${cents.toString().padStart(2, "0")}`;
};

/** 合同备案: the recorded contract's public facts, its history and files for the parties, and the owner's forms (decisions 034, 040). */
export function ContractRecord({ data }: { data: RequestFilesPanel | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  if (!data || (!data.contract && !data.can.record)) return null;
  const c = data.contract;
  return (
    <section id="contract-record" className="card space-y-3" aria-labelledby="contract-record-title">
      <h2 id="contract-record-title" className="h2">
        {t("contractFiles.record.heading")}
      </h2>
      <Done />
      {c ? (
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
          <dt className="text-slate-600">{t("contractFiles.record.amount")}</dt>
          <dd className="tabular-nums">{formatYuan(c.amountFen, lang)}</dd>
          <dt className="text-slate-600">{t("contractFiles.record.signedOn")}</dt>
          <dd>{c.signedOn}</dd>
          <dt className="text-slate-600">{t("contractFiles.record.period")}</dt>
          <dd>{t("contractFiles.record.periodValue", { from: c.startsOn, to: c.endsOn })}</dd>
          <dt className="text-slate-600">{t("contractFiles.record.recordedAt")}</dt>
          <dd>
            <time dateTime={c.recordedAt}>{t("announcementText.time", { time: formatDateTime(c.recordedAt, lang) })}</time>
          </dd>
          {c.amendedAt ? (
            <>
              <dt className="text-slate-600">{t("contractFiles.record.amendedAt")}</dt>
              <dd>
                <time dateTime={c.amendedAt}>{t("announcementText.time", { time: formatDateTime(c.amendedAt, lang) })}</time>
              </dd>
            </>
          ) : null}
          {c.file ? (
            <>
              <dt className="text-slate-600">{t("contractFiles.record.file")}</dt>
              <dd>
                <a className="link break-all" href={c.file.url}>
                  {t("contractFiles.record.download", { name: c.file.name })}
                </a>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {c && c.history.length > 1 ? (
        <div className="space-y-2">
          <h3 className="font-semibold">{t("contractFiles.amend.history")}</h3>
          <ol className="space-y-2 text-sm">
            {c.history.map((e) => (
              <li key={e.id} className="rounded-md border border-slate-200 p-3">
                <p className="font-medium">
                  {e.kind === "record" ? t("contractFiles.amend.original") : t("contractFiles.amend.amendment")} ·{" "}
                  <time dateTime={e.at}>{t("announcementText.time", { time: formatDateTime(e.at, lang) })}</time>
                </p>
                <p className="tabular-nums">
                  {formatYuan(e.amountFen, lang)} · {t("contractFiles.record.signedOn")} {e.signedOn} ·{" "}
                  {t("contractFiles.record.periodValue", { from: e.startsOn, to: e.endsOn })}
                </p>
                {e.reason ? (
                  <p className="whitespace-pre-wrap break-words">{t("contractFiles.amend.reason", { reason: e.reason })}</p>
                ) : null}
                {e.kind === "amendment" ? (
                  <p className="text-slate-600">{e.file ? t("contractFiles.amend.fileReplaced") : t("contractFiles.amend.fileKept")}</p>
                ) : null}
                {e.file ? (
                  <p>
                    <a className="link break-all" href={e.file.url}>
                      {t("contractFiles.record.download", { name: e.file.name })}
                    </a>
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {data.can.record ? (
        <AwardForm
          requestId={data.requestId}
          intent="record"
          fields={["document", "amount", "signedOn", "startsOn", "endsOn"]}
          multipart
          className="space-y-3 rounded-md border border-slate-200 p-3"
        >
          {(f) => (
            <>
              <p className="hint">{t("contractFiles.record.intro")}</p>
              <FileField
                label={t("contractFiles.record.fileLabel")}
                name="document"
                required
                accept={ACCEPT}
                hint={t("contractFiles.record.fileHint", { mb: data.limits.uploadMb })}
                errors={f.errors("document")}
                params={f.params}
              />
              <ContractFactsFields f={f} />
              <button type="submit" className="btn-primary" disabled={f.busy}>
                {t("contractFiles.record.submit")}
              </button>
            </>
          )}
        </AwardForm>
      ) : null}
      {data.can.amend && c ? (
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer font-semibold">{t("contractFiles.amend.heading")}</summary>
          <AwardForm
            requestId={data.requestId}
            intent="amend"
            fields={["document", "amount", "signedOn", "startsOn", "endsOn", "reason"]}
            multipart
            className="mt-3 space-y-3"
          >
            {(f) => (
              <>
                <p className="hint">{t("contractFiles.amend.intro")}</p>
                <ContractFactsFields
                  f={f}
                  defaults={{ amount: yuanInput(c.amountFen), signedOn: c.signedOn, startsOn: c.startsOn, endsOn: c.endsOn }}
                />
                <FileField
                  label={t("contractFiles.amend.fileLabel")}
                  name="document"
                  accept={ACCEPT}
                  hint={t("contractFiles.record.fileHint", { mb: data.limits.uploadMb })}
                  errors={f.errors("document")}
                  params={f.params}
                />
                <TextArea
                  label={t("contractFiles.amend.reasonLabel")}
                  name="reason"
                  required
                  rows={2}
                  maxLength={data.limits.amendmentReason}
                  hint={t("contractFiles.amend.reasonHint", { max: data.limits.amendmentReason })}
                  errors={f.errors("reason")}
                  params={f.params}
                />
                <button type="submit" className="btn-primary" disabled={f.busy}>
                  {t("contractFiles.amend.submit")}
                </button>
              </>
            )}
          </AwardForm>
        </details>
      ) : null}
    </section>
  );
}
