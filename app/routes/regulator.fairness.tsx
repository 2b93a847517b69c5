import { Fragment } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { Form, useNavigation } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/regulator.fairness";
import { pageTitle } from "~/lib/meta";
import { FormError, TextArea } from "~/components/field";
import { formatDateTime } from "~/lib/format";
import { isActionFailure } from "~/lib/forms";
import { commandsFor, defineAction, guard } from "~/lib/route.server";
import { z } from "~/lib/zod";
import { ARTICLES, ruleById } from "~/services/fair-competition/engine";
import { approveFairnessReview } from "~/services/requests/commands/approve-fairness.server";
import { returnFairnessReview } from "~/services/requests/commands/return-fairness.server";
import { fairnessQueue } from "~/services/requests/fairness-queries.server";

/**
 * /regulator/fairness — 公平竞争审查: requests whose texts the rule engine found doubtful wait here
 * before publication. Each shows its texts with the flagged words marked, the rule and the
 * provision; the regulator publishes it or returns it to the enterprise with a reason.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const { db } = await guard(request, "supervision:act");
  const queue = await fairnessQueue(db);
  return {
    queue: queue.map((e) => ({
      ...e,
      hits: e.hits.map((h) => ({ ...h, explain: ruleById(h.ruleId)?.explain ?? null, articleText: ARTICLES[h.article] ?? null })),
    })),
  };
}

const command = commandsFor<unknown>();
const target = z.object({ requestId: z.string().trim().min(1, "errors.required") });
const returnSchema = target.extend({ reason: z.string().trim().min(1, "errors.required").max(2000, "errors.tooLong") });

type Done = { ok: true; done: "approved" | "returned"; requestId: string };

export const action = defineAction({
  commands: {
    approve: command({
      permission: "supervision:act",
      schema: target,
      run: async (input, { db, user }): Promise<Done> => {
        await approveFairnessReview(db, user, input.requestId);
        return { ok: true, done: "approved", requestId: input.requestId };
      },
    }),
    return: command({
      permission: "supervision:act",
      schema: returnSchema,
      run: async (input, { db, user }): Promise<Done> => {
        await returnFairnessReview(db, user, input.requestId, input.reason);
        return { ok: true, done: "returned", requestId: input.requestId };
      },
    }),
  },
});

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.fairness" });
}

/** The text with each flagged span in <mark>, spans as the engine reported them (offsets into the text). */
function Marked({ text, spans }: { text: string; spans: { start: number; end: number }[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [i, s] of [...spans].sort((a, b) => a.start - b.start).entries()) {
    if (s.start < at || s.end > text.length) continue;
    parts.push(<Fragment key={`t${i}`}>{text.slice(at, s.start)}</Fragment>);
    parts.push(
      <mark key={`m${i}`} className="rounded bg-amber-200 px-0.5 text-slate-900">
        {text.slice(s.start, s.end)}
      </mark>,
    );
    at = s.end;
  }
  parts.push(<Fragment key="rest">{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}

const FIELDS = ["title", "description", "qualifications", "avoidances", "attachments"] as const;

export default function FairnessQueue({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const navigation = useNavigation();
  const done = actionData && "ok" in actionData ? (actionData as unknown as Done) : undefined;
  const failed = isActionFailure(actionData) ? actionData : null;
  const failedId = failed?.values.requestId;
  return (
    <div className="space-y-4">
      <h1 className="h1">{t("fairness.title")}</h1>
      <p className="text-sm text-slate-600">{t("fairness.intro")}</p>
      {done ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {t(`fairness.done.${done.done}`)}
        </p>
      ) : null}
      {failed && !loaderData.queue.some((e) => e.request.id === failedId) ? <FormError message={failed.formError} /> : null}
      {loaderData.queue.length === 0 ? (
        <p className="card text-slate-600">{t("fairness.empty")}</p>
      ) : (
        <ul className="space-y-4">
          {loaderData.queue.map((e) => {
            const mine = failed && failedId === e.request.id ? failed : null;
            return (
              <li key={e.id} className="card space-y-3" aria-labelledby={`review-${e.id}`}>
                <h2 id={`review-${e.id}`} className="h2 break-words">
                  <Marked text={e.texts.title ?? ""} spans={e.hits.filter((h) => h.field === "title")} />{" "}
                  <span className="font-mono text-sm text-slate-500">{e.request.code}</span>
                </h2>
                <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
                  <dt className="text-slate-600">{t("fairness.enterprise")}</dt>
                  <dd>{e.request.enterprise}</dd>
                  <dt className="text-slate-600">{t("fairness.item")}</dt>
                  <dd>{lang === "en" ? e.request.item.nameEn : e.request.item.name}</dd>
                  <dt className="text-slate-600">{t("fairness.submittedAt")}</dt>
                  <dd>{formatDateTime(e.createdAt, lang)}</dd>
                  <dt className="text-slate-600">{t("fairness.closesAt")}</dt>
                  <dd>{formatDateTime(e.request.closesAt, lang)}</dd>
                  {FIELDS.filter((f) => f !== "title" && e.texts[f]).map((f) => (
                    <Fragment key={f}>
                      <dt className="text-slate-600">{t(`fairness.fields.${f}`)}</dt>
                      <dd className="whitespace-pre-wrap break-words">
                        <Marked text={e.texts[f]!} spans={e.hits.filter((h) => h.field === f)} />
                      </dd>
                    </Fragment>
                  ))}
                </dl>
                <section aria-label={t("fairness.flagged")}>
                  <h3 className="text-sm font-semibold">{t("fairness.flagged")}</h3>
                  <ul className="mt-1 space-y-2 text-sm">
                    {e.hits.map((h) => (
                      <li key={`${h.field}-${h.start}`} className="rounded-md border border-amber-200 bg-amber-50 p-2" data-rule={h.ruleId}>
                        <p>
                          <mark className="rounded bg-amber-200 px-0.5">{h.matched}</mark> ·{" "}
                          {t(`fairness.fields.${h.field as (typeof FIELDS)[number]}`)} · {t(`fairness.categories.${h.category}`)}
                        </p>
                        {h.explain ? (
                          <p className="text-slate-700">
                            {t("fairness.rule")}：{h.explain[lang]}
                          </p>
                        ) : null}
                        {h.articleText ? (
                          <p className="text-slate-600">
                            {t("fairness.article")}：{h.articleText[lang]}
                          </p>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </section>
                <p>
                  <Link className="link text-sm" to={`/requests/${e.request.id}`}>
                    {t("award.queue.openRequest")}
                  </Link>
                </p>
                {mine && !mine.fieldErrors.reason ? <FormError message={mine.formError} /> : null}
                <div className="grid gap-4 md:grid-cols-2">
                  <Form method="post" className="space-y-2">
                    <input type="hidden" name="intent" value="approve" />
                    <input type="hidden" name="requestId" value={e.request.id} />
                    <button type="submit" className="btn-primary" disabled={navigation.state !== "idle"}>
                      {t("fairness.approve")}
                    </button>
                    <p className="hint">{t("fairness.approveHint")}</p>
                  </Form>
                  <Form method="post" className="space-y-2" noValidate>
                    <input type="hidden" name="intent" value="return" />
                    <input type="hidden" name="requestId" value={e.request.id} />
                    <TextArea
                      label={t("fairness.returnReason")}
                      name="reason"
                      required
                      rows={3}
                      maxLength={2000}
                      hint={t("fairness.returnHint")}
                      defaultValue={mine?.values.reason}
                      errors={mine?.fieldErrors.reason}
                    />
                    <button type="submit" className="btn-secondary" disabled={navigation.state !== "idle"}>
                      {t("fairness.return")}
                    </button>
                  </Form>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
