import { useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { Form, redirect } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/register";
import { pageTitle } from "~/lib/meta";
import { FormError, SelectField, TextField } from "~/components/field";
import { RegionSelect } from "~/components/region-select";
import { regionByCode, regionInProvince } from "~/data/regions";
import { FieldErrors } from "~/lib/errors";
import { isActionFailure } from "~/lib/forms";
import { clientIpContext } from "~/context";
import { definePublicAction, visitor } from "~/lib/route.server";
import { registerSchema } from "~/schemas/auth";
import { registerFromForm } from "~/services/accounts/accounts.server";
import { dbNow } from "~/services/clock.server";
import { getLocale } from "~/middleware/i18next";

export async function loader({ request }: Route.LoaderArgs) {
  if ((await visitor(request)).user) throw redirect("/dashboard");
  // ?type=AGENCY preselects the agency form (links work without JavaScript).
  return { type: new URL(request.url).searchParams.get("type") === "AGENCY" ? "AGENCY" : "ENTERPRISE" };
}

/** Anyone may register (definePublicAction); the per-client throttle is the accounts module's. Passwords are never echoed back. */
export const action = definePublicAction({
  commands: {
    default: {
      schema: registerSchema,
      run: async (input, { context, db }) => {
        if (input.accountType === "AGENCY" && !regionByCode(input.regionCode))
          throw new FieldErrors({ regionCode: ["errors.region"] }, 400);
        // Without JavaScript the city list shows every province's cities: the city must be in the province chosen.
        if (input.accountType === "AGENCY" && !regionInProvince(input.regionCode, input.regionCodeProvince || undefined))
          throw new FieldErrors({ regionCode: ["errors.regionNotInProvince"] }, 400);
        await registerFromForm(db, input, context.get(clientIpContext), await dbNow(db), getLocale(context));
        // The same answer whether the email was new or already had an account (docs/decisions/018):
        // the login page explains both cases, and only the right password opens the account.
        return "/login?registered=1";
      },
    },
  },
});

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.register" });
}

export default function Register({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const failed = isActionFailure(actionData) ? actionData : undefined;
  const values = failed?.values ?? {};
  const errors = failed?.fieldErrors ?? {};
  const [type, setType] = useState(values.accountType ?? loaderData.type);
  const [orgKind, setOrgKind] = useState(values.orgKind ?? "COMPANY");
  const agency = type === "AGENCY";
  return (
    <section className="card mx-auto max-w-2xl" aria-labelledby="register-title">
      <h1 id="register-title" className="h1">
        {t("auth.registerTitle")}
      </h1>
      <Form method="post" className="mt-6 space-y-5" noValidate>
        <FormError message={failed?.formError} params={failed?.params} />
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
          {errors.accountType ? (
            <p className="field-error" role="alert">
              {t("errors.invalidChoice")}
            </p>
          ) : null}
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          {agency ? (
            <SelectField
              label={t("auth.entityType")}
              name="entityType"
              required
              defaultValue={values.entityType ?? "COMPANY"}
              errors={errors.entityType}
              options={(["COMPANY", "PARTNERSHIP", "INDIVIDUAL_BUSINESS", "PUBLIC_INSTITUTION"] as const).map((v) => ({
                value: v,
                label: t(`entityTypes.${v}`),
              }))}
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
          <TextField
            label={t("auth.orgName")}
            name="orgName"
            required
            defaultValue={values.orgName}
            errors={errors.orgName}
            hint={!agency && orgKind === "NATURAL_PERSON" ? t("auth.orgNameHintPerson") : undefined}
          />
          {agency || orgKind !== "NATURAL_PERSON" ? (
            <TextField
              label={t("auth.creditCode")}
              name="creditCode"
              required
              defaultValue={values.creditCode}
              errors={errors.creditCode}
              hint={t("auth.creditCodeHint")}
            />
          ) : null}
          {agency ? (
            <RegionSelect
              name="regionCode"
              label={t("auth.region")}
              hint={t("auth.regionHint")}
              errors={errors.regionCode}
              defaultValue={values.regionCode}
              defaultProvince={values.regionCodeProvince}
            />
          ) : null}
          <TextField label={t("auth.name")} name="name" required autoComplete="name" defaultValue={values.name} errors={errors.name} />
          <TextField
            label={t("auth.contactPhone")}
            name="contactPhone"
            type="tel"
            inputMode="tel"
            required
            autoComplete="tel"
            defaultValue={values.contactPhone}
            errors={errors.contactPhone}
          />
          <TextField
            label={t("auth.email")}
            name="email"
            type="email"
            required
            autoComplete="email"
            defaultValue={values.email}
            errors={errors.email}
          />
          <div />
          <TextField
            label={t("auth.password")}
            name="password"
            type="password"
            required
            autoComplete="new-password"
            hint={t("auth.passwordHint")}
            errors={errors.password}
          />
          <TextField
            label={t("auth.confirmPassword")}
            name="confirmPassword"
            type="password"
            required
            autoComplete="new-password"
            errors={errors.confirmPassword}
          />
        </div>
        <button type="submit" className="btn-primary">
          {t("auth.submitRegister")}
        </button>
      </Form>
      <p className="mt-4 text-sm text-slate-600">
        {t("auth.haveAccount")}{" "}
        <Link className="link" to="/login">
          {t("nav.login")}
        </Link>
      </p>
    </section>
  );
}
