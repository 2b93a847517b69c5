import { useTranslation } from "~/i18n/use-translation";
import { data, Form } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/reset-password";
import { FormError, TextField } from "~/components/field";
import { isDomainError } from "~/lib/errors";
import { isActionFailure } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { definePublicAction, visitor } from "~/lib/route.server";
import { resetPasswordSchema, tokenSchema } from "~/schemas/mail";
import { checkResetToken, resetPassword } from "~/services/accounts/email.server";
import { dbNow } from "~/services/clock.server";

/**
 * The link in the reset mail: shows the new-password form while the token can
 * be used, else why not (4xx). Looking does not use the token up; setting the
 * password does, once, and signs the account out everywhere.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const { db } = await visitor(request);
  const parsed = tokenSchema.safeParse(new URL(request.url).searchParams.get("token") ?? "");
  if (!parsed.success) return data({ token: null, error: parsed.error.issues[0]!.message }, { status: 400 });
  try {
    await checkResetToken(db, parsed.data, await dbNow(db));
    return { token: parsed.data, error: null };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return data({ token: null, error: error.message }, { status: error.status });
  }
}

export const action = definePublicAction({
  commands: {
    default: {
      schema: resetPasswordSchema,
      run: async ({ token, password }, { db }) => {
        await resetPassword(db, token, password, await dbNow(db));
        return "/login?reset=1";
      },
    },
  },
});

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "mail.resetPage.title" });
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const failed = isActionFailure(actionData) ? actionData : undefined;
  const error = loaderData.error ?? failed?.fieldErrors.token?.[0] ?? null;
  const token = loaderData.token ?? failed?.values.token ?? null;
  return (
    <section className="card mx-auto max-w-md space-y-4" aria-labelledby="reset-title">
      <h1 id="reset-title" className="h1">
        {t("mail.resetPage.title")}
      </h1>
      {error ? (
        <>
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="token-error">
            {t(error as never) as string}
          </p>
          <p className="text-sm">
            <Link className="link" to="/forgot-password">
              {t("mail.resetPage.again")}
            </Link>
          </p>
        </>
      ) : null}
      {token && !error ? (
        <Form method="post" className="space-y-4" noValidate>
          <input type="hidden" name="token" value={token} />
          <FormError message={failed?.formError} params={failed?.params} />
          <TextField
            label={t("auth.password")}
            name="password"
            type="password"
            required
            autoComplete="new-password"
            hint={t("auth.passwordHint")}
            errors={failed?.fieldErrors.password}
          />
          <TextField
            label={t("auth.confirmPassword")}
            name="confirmPassword"
            type="password"
            required
            autoComplete="new-password"
            errors={failed?.fieldErrors.confirmPassword}
          />
          <button type="submit" className="btn-primary w-full">
            {t("mail.resetPage.submit")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
