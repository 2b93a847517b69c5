import { useTranslation } from "~/i18n/use-translation";
import { Form } from "react-router";
import type { Route } from "./+types/settings.notifications";
import { FormError } from "~/components/field";
import { isActionFailure } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { defineAction, parseInput, signedIn } from "~/lib/route.server";
import { mailPreferencesSchema } from "~/schemas/mail";
import { mailSettings, resendVerification, saveMailPreferences, VERIFY_TTL_HOURS } from "~/services/accounts/email.server";
import { dbNow } from "~/services/clock.server";
import { localOutboxIsOpen } from "~/services/mail/config.server";
import { DemoOutboxHint } from "~/components/demo-outbox-hint";

/** Which notifications also go out by email (one checkbox per topic), and the address's verification. Any signed-in user, for themselves. */
export async function loader({ request }: Route.LoaderArgs) {
  const { user, db } = await signedIn(request);
  const url = new URL(request.url);
  return {
    settings: await mailSettings(db, user),
    saved: url.searchParams.get("saved") === "1",
    hours: VERIFY_TTL_HOURS,
    demoOutbox: localOutboxIsOpen(),
  };
}

export const action = defineAction({
  commands: {
    save: {
      permission: "signed-in",
      run: async (_input, { db, user, form }) => {
        // Checkboxes: each checked one sends `topic`; the schema refuses unknown topics.
        const { topic } = parseInput(mailPreferencesSchema, { topic: form.getAll("topic").filter((v) => typeof v === "string") });
        await saveMailPreferences(db, user, topic);
        return "/settings/notifications?saved=1";
      },
    },
    resend: {
      permission: "signed-in",
      run: async (_input, { db, user }) => ({ resent: (await resendVerification(db, user, await dbNow(db))) === "sent" }),
    },
  },
});

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "mail.settings.title" });
}

export default function NotificationSettings({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { settings } = loaderData;
  const failed = isActionFailure(actionData) ? actionData : undefined;
  const resent = !failed && actionData && "resent" in actionData && actionData.resent;
  return (
    <section className="card mx-auto max-w-2xl space-y-5" aria-labelledby="mail-settings-title">
      <h1 id="mail-settings-title" className="h1">
        {t("mail.settings.title")}
      </h1>
      <div className="space-y-2 text-sm" data-testid="mail-verification">
        {settings.verified ? (
          <p className="text-green-800">{t("mail.settings.verified")}</p>
        ) : (
          <>
            <p className="text-amber-900">{t("mail.settings.unverified")}</p>
            {resent ? (
              <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
                {t("mail.settings.resent", { hours: loaderData.hours })}
              </p>
            ) : null}
            <DemoOutboxHint show={loaderData.demoOutbox} />
            {failed?.intent === "resend" ? <FormError message={failed.formError} params={failed.params} /> : null}
            <Form method="post">
              <button type="submit" name="intent" value="resend" className="btn-secondary">
                {t("mail.settings.resend")}
              </button>
            </Form>
          </>
        )}
      </div>
      {loaderData.saved ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {t("mail.settings.saved")}
        </p>
      ) : null}
      <Form method="post" className="space-y-4">
        {failed?.intent === "save" ? (
          <FormError message={failed.formError ?? failed.fieldErrors.topic?.[0]} params={failed.params} />
        ) : null}
        <fieldset>
          <legend className="text-sm text-slate-700">{t("mail.settings.intro", { email: settings.email })}</legend>
          <div className="mt-3 space-y-2">
            {settings.topics.map((o) => (
              <label key={o.topic} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="topic" value={o.topic} defaultChecked={o.on} className="mt-0.5" />
                <span>{t(`mail.topics.${o.topic}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" name="intent" value="save" className="btn-primary">
          {t("mail.settings.save")}
        </button>
      </Form>
    </section>
  );
}
