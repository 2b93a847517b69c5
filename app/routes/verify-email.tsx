import { useTranslation } from "~/i18n/use-translation";
import { data } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/verify-email";
import { isDomainError } from "~/lib/errors";
import { pageTitle } from "~/lib/meta";
import { visitor } from "~/lib/route.server";
import { tokenSchema } from "~/schemas/mail";
import { verifyEmail } from "~/services/accounts/email.server";
import { dbNow } from "~/services/clock.server";

/**
 * The link in the verification mail. Anyone holding the link may follow it
 * (the token is the proof; no session needed). A missing, unknown, used or
 * expired token is answered with its own message and a 4xx (decision 029).
 */
export async function loader({ request }: Route.LoaderArgs) {
  const { user, db } = await visitor(request);
  const parsed = tokenSchema.safeParse(new URL(request.url).searchParams.get("token") ?? "");
  if (!parsed.success) return data({ email: null, error: parsed.error.issues[0]!.message, signedIn: !!user }, { status: 400 });
  try {
    const { email } = await verifyEmail(db, parsed.data, await dbNow(db));
    return { email, error: null, signedIn: !!user };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return data({ email: null, error: error.message, signedIn: !!user }, { status: error.status });
  }
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "mail.verifyPage.title" });
}

export default function VerifyEmail({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <section className="card mx-auto max-w-xl space-y-4" aria-labelledby="verify-title">
      <h1 id="verify-title" className="h1">
        {t("mail.verifyPage.title")}
      </h1>
      {loaderData.error ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="token-error">
          {t(loaderData.error as never) as string}
        </p>
      ) : (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900" data-testid="verified">
          {t("mail.verifyPage.done", { email: loaderData.email })}
        </p>
      )}
      <p className="text-sm">
        <Link className="link" to={loaderData.signedIn ? "/settings/notifications" : "/login"}>
          {loaderData.signedIn ? t("mail.verifyPage.toSettings") : t("nav.login")}
        </Link>
      </p>
    </section>
  );
}
