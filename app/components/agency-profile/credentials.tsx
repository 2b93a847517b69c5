import { useTranslation } from "~/i18n/use-translation";
import { Form, useLocation } from "react-router";
import { CheckboxGroup, FileField, FormError, TextField } from "~/components/field";
import { echoedAll, type ActionFailure } from "~/lib/forms";
import type { Item, Profile } from "./types";

const VERIFICATION_STYLE: Record<"VERIFIED" | "PENDING" | "REJECTED", string> = {
  VERIFIED: "border-green-300 bg-green-50 text-green-900",
  PENDING: "border-amber-300 bg-amber-50 text-amber-900",
  REJECTED: "border-red-300 bg-red-50 text-red-800",
};

/**
 * The credentials (资质): each with its review state, validity, items and
 * document, and the form to add one (multipart, with an optional scan).
 */
export function Credentials({
  profile,
  items,
  maxMb,
  failed: credentialResult,
}: {
  profile: Profile;
  items: Item[];
  maxMb: number;
  failed?: ActionFailure;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const location = useLocation();
  const itemName = (i: { name: string; nameEn: string }) => (lang === "en" && i.nameEn ? i.nameEn : i.name);
  // Every chosen item comes back after a refusal (the echo keeps all values of a repeated name).
  const chosenItems = echoedAll(credentialResult, "itemIds");
  return (
    <section className="card" aria-labelledby="credentials-title">
      <h2 id="credentials-title" className="h2">
        {t("agencyProfile.credentials.heading")}
      </h2>
      {profile.credentials.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("agencyProfile.credentials.empty")}</p>
      ) : (
        <ul className="mt-3 space-y-3" aria-label={t("agencyProfile.credentials.heading")}>
          {profile.credentials.map((c) => (
            <li key={c.id} className="rounded-md border border-slate-200 p-4" data-testid="credential">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <p className="font-medium">
                    {c.type} · {c.level}
                  </p>
                  <p className="text-sm text-slate-600">
                    {t("agencyProfile.credentials.number")}：<span className="font-mono">{c.number}</span> ·{" "}
                    {t("agencyProfile.credentials.issuer")}：{c.issuer}
                  </p>
                </div>
                <div className="flex flex-wrap gap-2">
                  <span
                    className={`rounded-full border px-2 py-0.5 text-xs font-medium ${VERIFICATION_STYLE[c.verification]}`}
                    data-testid="verification"
                  >
                    {t(`agencyProfile.credentials.verification.${c.verification}`)}
                  </span>
                  {c.expired ? (
                    <span
                      className="rounded-full border border-red-300 bg-red-50 px-2 py-0.5 text-xs font-medium text-red-800"
                      data-testid="validity"
                    >
                      {t("agencyProfile.credentials.expired")}
                    </span>
                  ) : (
                    <span
                      className="rounded-full border border-green-300 bg-green-50 px-2 py-0.5 text-xs font-medium text-green-900"
                      data-testid="validity"
                    >
                      {t("agencyProfile.credentials.validFor", { date: c.validUntilDate })}
                    </span>
                  )}
                </div>
              </div>
              {c.expired ? (
                <p className="mt-1 text-xs text-red-800">{t("agencyProfile.credentials.expiredOn", { date: c.validUntilDate })}</p>
              ) : null}
              {c.verification === "REJECTED" ? (
                <div className="mt-1 text-sm text-red-800">
                  <p className="whitespace-pre-line break-words" data-testid="reject-reason">
                    {t("agencyProfile.credentials.rejectedReason", { reason: c.rejectReason ?? "" })}
                  </p>
                  <p>{t("agencyProfile.credentials.rejectedHint")}</p>
                </div>
              ) : c.verification === "PENDING" && !c.expired ? (
                <p className="mt-1 text-sm text-amber-900">
                  {profile.status === "LISTED" || profile.status === "SUSPENDED"
                    ? t("agencyProfile.credentials.pendingListed")
                    : t("agencyProfile.credentials.pendingReview")}
                </p>
              ) : null}
              <p className="mt-2 text-sm">
                <span className="text-slate-500">{t("agencyProfile.credentials.items")}：</span>
                {c.items
                  .map((i) => `${itemName(i)}${i.status === "RETIRED" ? `（${t("agencyProfile.credentials.retired")}）` : ""}`)
                  .join("、")}
              </p>
              <div className="mt-2 flex flex-wrap items-center justify-between gap-3 text-sm">
                {c.document ? (
                  <a className="link" href={`/documents/${c.document.id}`} target="_blank" rel="noopener noreferrer">
                    {t("agencyProfile.credentials.viewDocument", { name: c.document.originalName })}
                  </a>
                ) : (
                  <span className="text-slate-500">{t("agencyProfile.credentials.noDocument")}</span>
                )}
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-credential" />
                  <input type="hidden" name="id" value={c.id} />
                  <button
                    type="submit"
                    className="btn-secondary"
                    aria-label={t("agencyProfile.credentials.removeLabel", { type: c.type, number: c.number })}
                  >
                    {t("agencyProfile.credentials.remove")}
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      )}

      <h3 className="mt-6 font-medium">{t("agencyProfile.credentials.newHeading")}</h3>
      <p className="hint mt-1">{t("agencyProfile.credentials.addHint")}</p>
      <Form method="post" encType="multipart/form-data" className="mt-3 space-y-4" noValidate key={`credential-${location.key}`}>
        <input type="hidden" name="intent" value="add-credential" />
        <FormError message={credentialResult?.formError} params={credentialResult?.params} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t("agencyProfile.credentials.type")}
            name="type"
            required
            hint={t("agencyProfile.credentials.typeHint")}
            defaultValue={credentialResult?.values.type}
            errors={credentialResult?.fieldErrors.type}
          />
          <TextField
            label={t("agencyProfile.credentials.level")}
            name="level"
            required
            hint={t("agencyProfile.credentials.levelHint")}
            defaultValue={credentialResult?.values.level}
            errors={credentialResult?.fieldErrors.level}
          />
          <TextField
            label={t("agencyProfile.credentials.number")}
            name="number"
            required
            defaultValue={credentialResult?.values.number}
            errors={credentialResult?.fieldErrors.number}
          />
          <TextField
            label={t("agencyProfile.credentials.issuer")}
            name="issuer"
            required
            defaultValue={credentialResult?.values.issuer}
            errors={credentialResult?.fieldErrors.issuer}
          />
          <TextField
            label={t("agencyProfile.credentials.validUntil")}
            name="validUntil"
            type="date"
            required
            defaultValue={credentialResult?.values.validUntil}
            errors={credentialResult?.fieldErrors.validUntil}
          />
        </div>
        {items.length === 0 ? (
          <p className="text-sm text-slate-600">{t("agencyProfile.credentials.noItems")}</p>
        ) : (
          <CheckboxGroup
            legend={t("agencyProfile.credentials.items")}
            name="itemIds"
            required
            hint={t("agencyProfile.credentials.itemsHint")}
            options={items.map((i) => ({ value: i.id, label: `${i.code} ${itemName(i)}` }))}
            defaultValues={chosenItems}
            errors={credentialResult?.fieldErrors.itemIds}
          />
        )}
        <FileField
          label={t("agencyProfile.credentials.document")}
          name="document"
          accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
          hint={t("agencyProfile.credentials.documentHint", { mb: maxMb })}
          errors={credentialResult?.fieldErrors.document}
          params={{ mb: maxMb, ...credentialResult?.params }}
        />
        <button type="submit" className="btn-primary">
          {t("agencyProfile.credentials.add")}
        </button>
      </Form>
    </section>
  );
}
