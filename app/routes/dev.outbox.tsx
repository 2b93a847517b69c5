import { useTranslation } from "~/i18n/use-translation";
import { Form } from "react-router";
import type { Route } from "./+types/dev.outbox";
import { FormError } from "~/components/field";
import { formatDateTime } from "~/lib/format";
import { isActionFailure } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { can } from "~/lib/permissions";
import { defineAction, guard, visitor } from "~/lib/route.server";
import { z } from "~/lib/zod";
import { appUrl, localOutboxIsOpen } from "~/services/mail/config.server";
import { mailNeedingAttention, recentMail, requeueMail } from "~/services/mail/outbox-page.server";

/**
 * The mail outbox (decision 029). With no SMTP_URL on the embedded demo, the
 * stored mail itself, readable by anyone — that is how the demo completes an
 * email verification or a password reset. Otherwise administrators only, and
 * only the mail that needs a person (uncertain or failed), without its text.
 */
export async function loader({ request }: Route.LoaderArgs) {
  if (localOutboxIsOpen()) {
    const { user, db } = await visitor(request);
    const admin = can(user, "mail:admin");
    return { open: true, mail: await recentMail(db), attention: admin ? await mailNeedingAttention(db) : [], admin, origin: appUrl() };
  }
  const { db } = await guard(request, "mail:admin");
  return { open: false, mail: [], attention: await mailNeedingAttention(db), admin: true, origin: appUrl() };
}

const requeueSchema = z.object({ id: z.uuid({ error: "errors.invalidChoice" }) });

export const action = defineAction({
  commands: {
    default: {
      permission: "mail:admin",
      schema: requeueSchema,
      run: async ({ id }, { db }) => {
        await requeueMail(db, id);
        return { requeued: true };
      },
    },
  },
});

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "mail.outbox.title" });
}

export default function DevOutbox({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const failed = isActionFailure(actionData) ? actionData : undefined;
  const requeued = !failed && actionData && "requeued" in actionData;
  return (
    <div className="space-y-4">
      <section className="card" aria-labelledby="outbox-title">
        <h1 id="outbox-title" className="h1">
          {t("mail.outbox.title")}
        </h1>
        {loaderData.open ? <p className="mt-2 text-sm text-amber-900">{t("mail.outbox.intro")}</p> : null}
      </section>
      {loaderData.admin ? (
        <section className="card space-y-3" aria-labelledby="outbox-attention">
          <h2 id="outbox-attention" className="h2">
            {t("mail.outbox.attention")}
          </h2>
          <p className="text-sm text-slate-700">{t("mail.outbox.attentionIntro")}</p>
          <FormError message={failed?.formError ?? failed?.fieldErrors.id?.[0]} params={failed?.params} />
          {requeued ? (
            <p role="status" className="text-sm text-green-800">
              {t("mail.outbox.requeued")}
            </p>
          ) : null}
          {loaderData.attention.length === 0 ? (
            <p className="text-sm text-slate-600">{t("mail.outbox.empty")}</p>
          ) : (
            <table className="stack-table w-full text-sm">
              <thead>
                <tr>
                  <th scope="col">{t("mail.outbox.to")}</th>
                  <th scope="col">{t("mail.outbox.subject")}</th>
                  <th scope="col">{t("mail.outbox.status")}</th>
                  <th scope="col">{t("mail.outbox.attempts")}</th>
                  <th scope="col">{t("mail.outbox.error")}</th>
                  <th scope="col">
                    <span className="sr-only">{t("mail.outbox.resend")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {loaderData.attention.map((m) => (
                  <tr key={m.id}>
                    <td data-label={t("mail.outbox.to")}>{m.toAddress}</td>
                    <td data-label={t("mail.outbox.subject")} data-stack="title">
                      {m.subject}
                    </td>
                    <td data-label={t("mail.outbox.status")}>{t(`mail.outbox.delivery.${m.status}`)}</td>
                    <td data-label={t("mail.outbox.attempts")}>{m.attempts}</td>
                    <td data-label={t("mail.outbox.error")}>{m.lastError}</td>
                    <td data-label={t("mail.outbox.resend")}>
                      <Form method="post">
                        <input type="hidden" name="id" value={m.id} />
                        <button type="submit" className="btn-secondary">
                          {t("mail.outbox.resend")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
      {loaderData.open ? (
        <section className="space-y-3" aria-label={t("mail.outbox.title")}>
          {loaderData.mail.length === 0 ? <p className="card text-sm text-slate-600">{t("mail.outbox.empty")}</p> : null}
          {loaderData.mail.map((m) => (
            <article key={m.id} className="card space-y-2" data-testid="outbox-mail">
              <h2 className="h2 break-words">{m.subject}</h2>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                <dt className="text-slate-600">{t("mail.outbox.to")}</dt>
                <dd className="break-all">{m.toAddress}</dd>
                <dt className="text-slate-600">{t("mail.outbox.createdAt")}</dt>
                <dd>{formatDateTime(m.createdAt)}</dd>
                <dt className="text-slate-600">{t("mail.outbox.status")}</dt>
                <dd>{t(`mail.outbox.delivery.${m.status}`)}</dd>
              </dl>
              {/* The plain text, never the HTML; only links into this site are made clickable (a reason typed by a user may hold any URL). */}
              <pre className="text-sm break-words whitespace-pre-wrap">
                {m.text.split(/(https?:\/\/\S+)/).map((part, i) =>
                  part.startsWith(`${loaderData.origin}/`) ? (
                    <a key={i} className="link" href={part}>
                      {part}
                    </a>
                  ) : (
                    part
                  ),
                )}
              </pre>
            </article>
          ))}
        </section>
      ) : null}
    </div>
  );
}
