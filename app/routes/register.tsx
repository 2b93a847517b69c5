import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/register";
import { FormError, SelectField, TextField } from "~/components/field";
import { RegionSelect } from "~/components/region-select";
import { getDb } from "~/db/client.server";
import { regionByCode } from "~/data/regions";
import { formValues, parseForm } from "~/lib/forms";
import { badForm, formErrorResponse } from "~/lib/http.server";
import { clientIpContext } from "~/context";
import { getUser } from "~/lib/session.server";
import { registerSchema } from "~/schemas/auth";
import { registerFromForm } from "~/services/accounts/accounts.server";
import { dbNow } from "~/services/clock.server";

export async function loader({ request }: Route.LoaderArgs) {
  if (await getUser(request)) throw redirect("/dashboard");
  // ?type=AGENCY preselects the agency form (links work without JavaScript).
  return { type: new URL(request.url).searchParams.get("type") === "AGENCY" ? "AGENCY" : "ENTERPRISE" };
}

export async function action({ request, context }: Route.ActionArgs) {
  const formData = await request.formData();
  const parsed = parseForm(registerSchema, formData);
  if (!parsed.ok) return badForm(parsed.result);
  if (parsed.data.accountType === "AGENCY" && !regionByCode(parsed.data.regionCode)) {
    return badForm({ fieldErrors: { regionCode: ["errors.region"] }, formError: "errors.formInvalid", values: formValues(formData) });
  }
  try {
    const db = await getDb();
    await registerFromForm(db, parsed.data, context.get(clientIpContext), await dbNow(db));
  } catch (error) {
    return formErrorResponse(error, formValues(formData));
  }
  // The same answer whether the email was new or already had an account (docs/decisions/018):
  // the login page explains both cases, and only the right password opens the account.
  return redirect("/login?registered=1");
}

export function meta() {
  return [{ title: "注册 · 中介超市" }];
}

export default function Register({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const values = actionData?.values ?? {};
  const errors = actionData?.fieldErrors ?? {};
  const [type, setType] = useState(values.accountType ?? loaderData.type);
  const [orgKind, setOrgKind] = useState(values.orgKind ?? "COMPANY");
  const agency = type === "AGENCY";
  return (
    <section className="card mx-auto max-w-2xl" aria-labelledby="register-title">
      <h1 id="register-title" className="h1">{t("auth.registerTitle")}</h1>
      <Form method="post" className="mt-6 space-y-5" noValidate>
        <FormError message={actionData?.formError} params={actionData && "params" in actionData ? (actionData.params as Record<string, string | number> | undefined) : undefined} />
        <fieldset>
          <legend className="label">{t("auth.accountType")}</legend>
          <div className="mt-2 flex flex-wrap gap-4">
            {(["ENTERPRISE", "AGENCY"] as const).map((v) => (
              <label key={v} className="flex items-center gap-2 text-sm">
                <input type="radio" name="accountType" value={v} checked={type === v} onChange={() => setType(v)} />
                {v === "ENTERPRISE" ? t("auth.asEnterprise") : t("auth.asAgency")}
              </label>
            ))}
          </div>
          {errors.accountType ? <p className="field-error" role="alert">{t("errors.invalidChoice")}</p> : null}
        </fieldset>
                <div className="grid gap-4 sm:grid-cols-2">
          {agency ? (
            <SelectField
              label={t("auth.entityType")}
              name="entityType"
              required
              defaultValue={values.entityType ?? "COMPANY"}
              errors={errors.entityType}
              options={(["COMPANY", "PARTNERSHIP", "INDIVIDUAL_BUSINESS", "PUBLIC_INSTITUTION"] as const).map((v) => ({ value: v, label: t(`entityTypes.${v}`) }))}
            />
          ) : (
            <SelectField
              label={t("auth.orgKind")}
              name="orgKind"
              required
              defaultValue={orgKind}
              onChange={setOrgKind}
              errors={errors.orgKind}
              options={(["COMPANY", "NATURAL_PERSON", "GOVERNMENT"] as const).map((v) => ({ value: v, label: t(`orgKinds.${v}`) }))}
            />
          )}
          <TextField label={t("auth.orgName")} name="orgName" required defaultValue={values.orgName} errors={errors.orgName} hint={!agency && orgKind === "NATURAL_PERSON" ? t("auth.orgNameHintPerson") : undefined} />
          {agency || orgKind !== "NATURAL_PERSON" ? (
            <TextField label={t("auth.creditCode")} name="creditCode" required defaultValue={values.creditCode} errors={errors.creditCode} hint={t("auth.creditCodeHint")} />
          ) : null}
          {agency ? <RegionSelect name="regionCode" label={t("auth.region")} hint={t("auth.regionHint")} errors={errors.regionCode} defaultValue={values.regionCode} /> : null}
          <TextField label={t("auth.name")} name="name" required autoComplete="name" defaultValue={values.name} errors={errors.name} />
          <TextField label={t("auth.contactPhone")} name="contactPhone" type="tel" inputMode="tel" required autoComplete="tel" defaultValue={values.contactPhone} errors={errors.contactPhone} />
          <TextField label={t("auth.email")} name="email" type="email" required autoComplete="email" defaultValue={values.email} errors={errors.email} />
          <div />
          <TextField label={t("auth.password")} name="password" type="password" required autoComplete="new-password" hint={t("auth.passwordHint")} errors={errors.password} />
          <TextField label={t("auth.confirmPassword")} name="confirmPassword" type="password" required autoComplete="new-password" errors={errors.confirmPassword} />
        </div>
        <button type="submit" className="btn-primary">{t("auth.submitRegister")}</button>
      </Form>
      <p className="mt-4 text-sm text-slate-600">
        {t("auth.haveAccount")} <Link className="link" to="/login">{t("nav.login")}</Link>
      </p>
    </section>
  );
}
