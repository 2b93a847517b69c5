import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { Form } from "react-router";
import { FormError, TextArea } from "~/components/field";
import type { ActionFailure } from "~/lib/forms";
import { PRACTITIONER_LIMITS } from "~/schemas/practitioner-limits";
import { formatDate } from "~/lib/format";

/** A practitioner sanction as published (decision 035): name, masked ID, the decision. No other identity. */
export type PractitionerSanctionView = {
  id: string;
  name: string;
  idMasked: string;
  agencyName: string | null;
  kind: "WARNING" | "SUSPENSION" | "BLACKLIST";
  state: "active" | "expired" | "revoked";
  reason: string;
  legalBasis: string;
  evidence: string;
  authority: string;
  startsAt: Date | string;
  endsAt: Date | string | null;
  revokedAt: Date | string | null;
  revokedReason: string | null;
  /** 申诉/复核 (decision 040). */
  review?: {
    objectedAt: Date | string;
    outcome: "UPHELD" | "REVOKED" | null;
    decidedAt: Date | string | null;
    decisionReason: string | null;
  } | null;
};

const badge: Record<PractitionerSanctionView["state"], string> = {
  active: "border-red-300 bg-red-50 text-red-800",
  expired: "border-slate-300 bg-slate-50 text-slate-700",
  revoked: "border-green-300 bg-green-50 text-green-900",
};

export function PractitionerSanctionItem({ s, children }: { s: PractitionerSanctionView; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <li className="card" data-testid="practitioner-sanction">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium text-red-800">{t(`practitioners.form.kinds.${s.kind}`)}</span>
        <span className={`rounded-full border px-2 py-0.5 text-xs font-medium ${badge[s.state]}`}>
          {t(`practitioners.states.${s.state}`)}
        </span>
      </div>
      <p className="mt-1 font-medium">{s.name}</p>
      <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-[9rem_1fr]">
        <dt className="text-slate-500">{t("practitioners.entry.idMasked")}</dt>
        <dd className="font-mono" data-testid="id-masked">
          {s.idMasked}
        </dd>
        {s.agencyName ? (
          <>
            <dt className="text-slate-500">{t("practitioners.entry.agencyAtTime")}</dt>
            <dd>{s.agencyName}</dd>
          </>
        ) : null}
        <dt className="text-slate-500">{t("practitioners.entry.period")}</dt>
        <dd>{`${formatDate(s.startsAt)} — ${s.endsAt ? formatDate(s.endsAt) : t("practitioners.entry.indefinite")}`}</dd>
        <dt className="text-slate-500">{t("practitioners.entry.reason")}</dt>
        <dd className="whitespace-pre-wrap break-words">{s.reason}</dd>
        <dt className="text-slate-500">{t("practitioners.entry.legalBasis")}</dt>
        <dd className="whitespace-pre-wrap break-words">{s.legalBasis}</dd>
        <dt className="text-slate-500">{t("practitioners.entry.evidence")}</dt>
        <dd className="whitespace-pre-wrap break-words">{s.evidence}</dd>
        <dt className="text-slate-500">{t("practitioners.entry.authority")}</dt>
        <dd>{s.authority}</dd>
      </dl>
      {s.state === "revoked" && s.revokedAt ? (
        <p className="mt-3 rounded-md bg-green-50 p-2 text-sm text-green-900">
          {t("practitioners.entry.revoked", { date: formatDate(s.revokedAt), reason: s.revokedReason ?? "—" })}
        </p>
      ) : null}
      {s.review ? (
        <p className="mt-3 rounded-md bg-amber-50 p-2 text-sm text-amber-900" data-testid="sanction-review">
          {s.review.outcome && s.review.decidedAt
            ? t(`practitioners.objection.${s.review.outcome === "UPHELD" ? "upheld" : "revoked"}`, {
                date: formatDate(s.review.decidedAt),
                reason: s.review.decisionReason ?? "—",
              })
            : t("practitioners.objection.underReview", { date: formatDate(s.review.objectedAt) })}
        </p>
      ) : null}
      {children}
    </li>
  );
}

/**
 * One form on a sanction: a hidden intent and sanction id, optional choices before it, one required reason, a
 * submit button; posts to the page it is on and shows its own refusal (only when that refusal is for this form).
 */
function SanctionReasonForm({
  sanctionId,
  failed,
  intent,
  field,
  label,
  submit,
  rows,
  extraErrors = [],
  children,
}: {
  sanctionId: string;
  failed?: ActionFailure;
  intent: string;
  field: string;
  label: string;
  submit: string;
  rows: number;
  extraErrors?: string[];
  children?: ReactNode;
}) {
  const mine = failed?.intent === intent && failed.values.sanctionId === sanctionId ? failed : undefined;
  const errors = [field, "sanctionId", ...extraErrors].map((f) => mine?.fieldErrors[f]).find(Boolean);
  return (
    <Form method="post" className="mt-3 grid max-w-xl gap-2" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="sanctionId" value={sanctionId} />
      {mine?.formError ? <FormError message={mine.formError} params={mine.params} /> : null}
      {children}
      <TextArea
        label={label}
        name={field}
        required
        rows={rows}
        maxLength={PRACTITIONER_LIMITS.reason}
        defaultValue={mine?.values[field] ?? ""}
        errors={errors}
        params={mine?.params}
      />
      <div>
        <button type="submit" className="btn-secondary">
          {submit}
        </button>
      </div>
    </Form>
  );
}

/** The regulator's revoke form under a sanction in force; posts intent=revoke to the page it is on. */
export function RevokeForm({ sanctionId, failed }: { sanctionId: string; failed?: ActionFailure }) {
  const { t } = useTranslation();
  return (
    <SanctionReasonForm
      sanctionId={sanctionId}
      failed={failed}
      intent="revoke"
      field="revokeReason"
      label={t("practitioners.revoke.label")}
      submit={t("practitioners.revoke.submit")}
      rows={2}
    />
  );
}

/** The agency's objection form (申诉, decision 040); posts intent=object to the page it is on. */
export function ObjectionForm({ sanctionId, failed }: { sanctionId: string; failed?: ActionFailure }) {
  const { t } = useTranslation();
  return (
    <SanctionReasonForm
      sanctionId={sanctionId}
      failed={failed}
      intent="object"
      field="objectionReason"
      label={t("practitioners.objection.label")}
      submit={t("practitioners.objection.submit")}
      rows={3}
    />
  );
}

/** The regulator's review of an objection (复核, decision 040): uphold or revoke, with a reason; posts intent=review. */
export function ReviewForm({ sanctionId, failed }: { sanctionId: string; failed?: ActionFailure }) {
  const { t } = useTranslation();
  return (
    <SanctionReasonForm
      sanctionId={sanctionId}
      failed={failed}
      intent="review"
      field="decisionReason"
      label={t("practitioners.objection.decisionLabel")}
      submit={t("practitioners.objection.decide")}
      rows={2}
      extraErrors={["outcome"]}
    >
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="mb-1 font-medium">{t("practitioners.objection.outcome")}</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="outcome" value="UPHELD" defaultChecked /> {t("practitioners.objection.uphold")}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="outcome" value="REVOKED" /> {t("practitioners.objection.revoke")}
        </label>
      </fieldset>
    </SanctionReasonForm>
  );
}
