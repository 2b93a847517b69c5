import { useTranslation } from "react-i18next";
import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/login";
import { FormError, TextField } from "~/components/field";
import { clientIpContext } from "~/context";
import { getDb } from "~/db/client.server";
import { formValues, parseForm } from "~/lib/forms";
import { badForm, formErrorResponse } from "~/lib/http.server";
import { createUserSession, getUser, safeRedirect } from "~/lib/session.server";
import { loginSchema } from "~/schemas/auth";
import { authenticate } from "~/services/accounts/accounts.server";

export async function loader({ request }: Route.LoaderArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (await getUser(request)) throw redirect(redirectTo);
  // Only a checked target reaches the form: a phishing link cannot plant an off-site one.
  return { redirectTo };
}

export async function action({ request, context }: Route.ActionArgs) {
  const formData = await request.formData();
  const parsed = parseForm(loginSchema, formData);
  if (!parsed.ok) return badForm(parsed.result);
  const { email, password, redirectTo } = parsed.data;
  try {
    const user = await authenticate(await getDb(), email, password, context.get(clientIpContext));
    return createUserSession(user.id, safeRedirect(redirectTo));
  } catch (error) {
    return formErrorResponse(error, formValues(formData));
  }
}

export function meta() {
  return [{ title: "登录 · 中介超市" }];
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.fieldErrors ?? {};
  const errorParams = actionData && "params" in actionData ? (actionData.params as Record<string, string | number> | undefined) : undefined;
  return (
    <section className="card mx-auto max-w-md" aria-labelledby="login-title">
      <h1 id="login-title" className="h1">{t("auth.loginTitle")}</h1>
      <Form method="post" className="mt-6 space-y-4" noValidate>
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <FormError message={actionData?.formError} />
        <TextField label={t("auth.email")} name="email" type="email" autoComplete="username" required defaultValue={actionData?.values.email} errors={errors.email} params={errorParams} />
        <TextField label={t("auth.password")} name="password" type="password" autoComplete="current-password" required errors={errors.password} params={errorParams} />
        <button type="submit" className="btn-primary w-full">{t("auth.submitLogin")}</button>
      </Form>
      <p className="mt-4 text-sm text-slate-600">
        {t("auth.noAccount")} <Link className="link" to="/register">{t("nav.register")}</Link>
      </p>
    </section>
  );
}
