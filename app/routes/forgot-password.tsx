import { useTranslation } from "~/i18n/use-translation";
import { Form } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/forgot-password";
import { FormError, TextField } from "~/components/field";
import { clientIpContext } from "~/context";
import { isActionFailure } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { definePublicAction } from "~/lib/route.server";
import { forgotPasswordSchema } from "~/schemas/mail";
import { requestPasswordReset, RESET_TTL_MINUTES } from "~/services/accounts/email.server";
import { dbNow } from "~/services/clock.server";
import { localOutboxIsOpen } from "~/services/mail/config.server";
import { DemoOutboxHint } from "~/components/demo-outbox-hint";

export function loader({ request }: Route.LoaderArgs) {
  return { sent: new URL(request.url).searchParams.get("sent") === "1", minutes: RESET_TTL_MINUTES, demoOutbox: localOutboxIsOpen() };
}

/**
 * Anyone may ask (definePublicAction). The answer is the same whether the
 * address has an account or not (decision 018); the per-address throttle is a
 * 429 like registration's (decision 029).
 */
export const action = definePublicAction({
  commands: {
    default: {
      schema: forgotPasswordSchema,
      run: async ({ email }, { db, context }) => {
        await requestPasswordReset(db, email, context.get(clientIpContext), await dbNow(db));
        return "/forgot-password?sent=1";
      },
    },
  },
});

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "mail.forgot.title" });
}

export default function ForgotPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const failed = isActionFailure(actionData) ? actionData : undefined;
  return (
    <section className="card mx-auto max-w-md" aria-labelledby="forgot-title">
      <h1 id="forgot-title" className="h1">
        {t("mail.forgot.title")}
      </h1>
      {loaderData.sent ? (
        <p
          role="status"
          className="mt-4 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900"
          data-testid="reset-sent"
        >
          {t("mail.forgot.sent", { minutes: loaderData.minutes })}
        </p>
      ) : null}
      {loaderData.sent ? (
        <DemoOutboxHint show={loaderData.demoOutbox} />
      ) : (
        <p className="mt-2 text-sm text-slate-700">{t("mail.forgot.intro")}</p>
      )}
      <Form method="post" className="mt-6 space-y-4" noValidate>
        <FormError message={failed?.formError} params={failed?.params} />
        <TextField
          label={t("auth.email")}
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={failed?.values.email}
          errors={failed?.fieldErrors.email}
        />
        <button type="submit" className="btn-primary w-full">
          {t("mail.forgot.submit")}
        </button>
      </Form>
      <p className="mt-4 text-sm">
        <Link className="link" to="/login">
          {t("nav.login")}
        </Link>
      </p>
    </section>
  );
}
