import { useTranslation } from "~/i18n/use-translation";
import { Form, redirect } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/login";
import { pageTitle } from "~/lib/meta";
import { FormError, TextField } from "~/components/field";
import { clientIpContext } from "~/context";
import { isActionFailure } from "~/lib/forms";
import { readDevice, rememberDevice } from "~/lib/device.server";
import { definePublicAction, visitor } from "~/lib/route.server";
import { createUserSession, safeRedirect } from "~/lib/session.server";
import { loginSchema } from "~/schemas/auth";
import { authenticate } from "~/services/accounts/accounts.server";
import { dbNow } from "~/services/clock.server";
import { localOutboxIsOpen } from "~/services/mail/config.server";
import { DemoOutboxHint } from "~/components/demo-outbox-hint";

export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"));
  if ((await visitor(request)).user) throw redirect(redirectTo);
  // Only a checked target reaches the form: a phishing link cannot plant an off-site one.
  return {
    redirectTo,
    registered: url.searchParams.get("registered") === "1",
    reset: url.searchParams.get("reset") === "1",
    demoOutbox: localOutboxIsOpen(),
  };
}

/**
 * Anyone may try (definePublicAction): the throttle (429 + Retry-After) and the
 * one message for a wrong email or password are the accounts module's. The
 * password is never echoed back.
 */
export const action = definePublicAction({
  commands: {
    default: {
      schema: loginSchema,
      run: async ({ email, password, redirectTo }, { request, context, db }) => {
        const device = await readDevice(request);
        const user = await authenticate(db, email, password, { ip: context.get(clientIpContext), device }, await dbNow(db));
        // The device cookie makes this browser a known device for this account (throttle.server.ts).
        return createUserSession(user.id, safeRedirect(redirectTo), [await rememberDevice(device, user.id)]);
      },
    },
  },
});

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.login" });
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const failed = isActionFailure(actionData) ? actionData : undefined;
  const errors = failed?.fieldErrors ?? {};
  const errorParams = failed?.params;
  return (
    <section className="card mx-auto max-w-md" aria-labelledby="login-title">
      <h1 id="login-title" className="h1">
        {t("auth.loginTitle")}
      </h1>
      {loaderData.registered ? (
        <p role="status" className="mt-4 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {t("auth.registered")}
        </p>
      ) : null}
      <DemoOutboxHint show={loaderData.registered && loaderData.demoOutbox} />
      {loaderData.reset ? (
        <p role="status" className="mt-4 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {t("mail.resetPage.done")}
        </p>
      ) : null}
      <Form method="post" className="mt-6 space-y-4" noValidate>
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <FormError message={failed?.formError} params={errorParams} />
        <TextField
          label={t("auth.email")}
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={failed?.values.email}
          errors={errors.email}
          params={errorParams}
        />
        <TextField
          label={t("auth.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          errors={errors.password}
          params={errorParams}
        />
        <button type="submit" className="btn-primary w-full">
          {t("auth.submitLogin")}
        </button>
      </Form>
      <p className="mt-4 text-sm">
        <Link className="link" to="/forgot-password">
          {t("mail.forgot.link")}
        </Link>
      </p>
      <p className="mt-2 text-sm text-slate-600">
        {t("auth.noAccount")}{" "}
        <Link className="link" to="/register">
          {t("nav.register")}
        </Link>
      </p>
    </section>
  );
}
