import { useTranslation } from "~/i18n/use-translation";
import { Form, useLocation } from "react-router";
import { Link } from "~/components/link";
import { FormError, TextField } from "~/components/field";
import type { ActionFailure } from "~/lib/forms";
import type { Profile } from "./types";

/** The practitioners (从业人员): the list with a remove button each, and the form to add one. */
export function Practitioners({ profile, failed: practitionerResult }: { profile: Profile; failed?: ActionFailure }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <section className="card" aria-labelledby="practitioners-title">
      <h2 id="practitioners-title" className="h2">
        {t("agencyProfile.practitioners.heading")}
      </h2>
      <p className="mt-1 text-sm">
        <Link className="link" to="/agency/practitioner-sanctions">
          {t("practitioners.objection.title")}
        </Link>
      </p>
      {profile.practitioners.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("agencyProfile.practitioners.empty")}</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="stack-table w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("agencyProfile.practitioners.name")}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("practitioners.profile.idMasked")}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("agencyProfile.practitioners.qualification")}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("agencyProfile.practitioners.certificateNo")}
                </th>
                <th scope="col" className="py-2 font-medium">
                  <span className="sr-only">{t("agencyProfile.practitioners.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {profile.practitioners.map((p) => (
                <tr key={p.id}>
                  <td data-label={t("agencyProfile.practitioners.name")} data-stack="title" className="py-2 pr-4">
                    {p.name}
                  </td>
                  <td data-label={t("practitioners.profile.idMasked")} className="py-2 pr-4 font-mono text-xs">
                    {p.idMasked ?? "—"}
                  </td>
                  <td data-label={t("agencyProfile.practitioners.qualification")} className="py-2 pr-4">
                    {p.qualification}
                  </td>
                  <td data-label={t("agencyProfile.practitioners.certificateNo")} className="py-2 pr-4 font-mono text-xs">
                    {p.certificateNo ?? "—"}
                  </td>
                  <td className="py-2 text-right">
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove-practitioner" />
                      <input type="hidden" name="id" value={p.id} />
                      <button
                        type="submit"
                        className="btn-secondary"
                        aria-label={t("agencyProfile.practitioners.removeLabel", { name: p.name })}
                      >
                        {t("agencyProfile.practitioners.remove")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 className="mt-6 font-medium">{t("agencyProfile.practitioners.newHeading")}</h3>
      <Form method="post" className="mt-3 space-y-4" noValidate key={`practitioner-${location.key}`}>
        <input type="hidden" name="intent" value="add-practitioner" />
        <FormError message={practitionerResult?.formError} params={practitionerResult?.params} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t("agencyProfile.practitioners.name")}
            name="name"
            required
            defaultValue={practitionerResult?.values.name}
            errors={practitionerResult?.fieldErrors.name}
          />
          <TextField
            label={t("practitioners.profile.idNumber")}
            name="idNumber"
            required
            autoComplete="off"
            hint={t("practitioners.profile.idNumberHint")}
            errors={practitionerResult?.fieldErrors.idNumber}
          />
          <TextField
            label={t("agencyProfile.practitioners.qualification")}
            name="qualification"
            required
            defaultValue={practitionerResult?.values.qualification}
            errors={practitionerResult?.fieldErrors.qualification}
          />
          <TextField
            label={t("agencyProfile.practitioners.certificateNo")}
            name="certificateNo"
            hint={t("agencyProfile.practitioners.optional")}
            defaultValue={practitionerResult?.values.certificateNo}
            errors={practitionerResult?.fieldErrors.certificateNo}
          />
        </div>
        <button type="submit" className="btn-primary">
          {t("agencyProfile.practitioners.add")}
        </button>
      </Form>
    </section>
  );
}
