import { useTranslation } from "~/i18n/use-translation";
import { Form, useNavigation } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/regulator.objections";
import { pageTitle } from "~/lib/meta";
import { FormError, TextArea, TextField } from "~/components/field";
import { DomainError } from "~/lib/errors";
import { formatDateTime } from "~/lib/format";
import { isActionFailure } from "~/lib/forms";
import { formatYuan } from "~/lib/money";
import { commandsFor, defineAction, guard } from "~/lib/route.server";
import { decideSchema } from "~/schemas/award";
import { decideObjection } from "~/services/requests/award.server";
import { objectionQueue } from "~/services/requests/award-view.server";

/** The regulator's work queue: pending objections across requests, each with a decide form. */
export async function loader({ request }: Route.LoaderArgs) {
  const { db } = await guard(request, "supervision:act");
  return { objections: await objectionQueue(db) };
}

const command = commandsFor<unknown>();

/** Decided: the page stays on the queue and says so (the decided objection leaves it). */
type Decided = { ok: true; objectionId: string; decision: "UPHOLD" | "DISMISS" };

export const action = defineAction({
  commands: {
    default: command({
      permission: "supervision:act",
      schema: decideSchema,
      run: async (input, { db, user }) => {
        if (!input.objectionId) throw new DomainError("NOT_FOUND", 404, "award.errors.objectionNotFound");
        await decideObjection(db, user, input.objectionId, input.decision, input.reason, {
          legalBasis: input.legalBasis,
          evidence: input.evidence,
        });
        const decided: Decided = { ok: true, objectionId: input.objectionId, decision: input.decision };
        return decided;
      },
    }),
  },
});

const FIELDS = ["reason", "legalBasis", "evidence"];

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.objections" });
}

export default function ObjectionQueue({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const navigation = useNavigation();
  const result = actionData && "ok" in actionData ? (actionData as unknown as Decided) : undefined;
  const failed = isActionFailure(actionData) ? actionData : null;
  const failedId = failed?.values.objectionId;
  /** The message above a form: the form's own, or a field's that has no input here (the choice of decision). */
  const formLevel = failed
    ? (Object.entries(failed.fieldErrors).find(([k]) => !FIELDS.includes(k))?.[1][0] ??
      (Object.keys(failed.fieldErrors).length ? undefined : failed.formError))
    : undefined;
  return (
    <div className="space-y-4">
      <h1 className="h1">{t("award.queue.title")}</h1>
      <p className="text-sm text-slate-600">{t("award.queue.intro")}</p>
      {result?.ok ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {t("award.done.decide")} {result.decision === "UPHOLD" ? t("award.objections.uphold") : t("award.objections.dismiss")}
        </p>
      ) : null}
      {failed && !loaderData.objections.some((o) => o.id === failedId) ? (
        <FormError message={formLevel ?? failed.formError} params={failed.params} />
      ) : null}
      {loaderData.objections.length === 0 ? (
        <p className="card text-slate-600">{t("award.queue.empty")}</p>
      ) : (
        <ul className="space-y-4">
          {loaderData.objections.map((o) => {
            const mine = failed && failedId === o.id ? failed : null;
            return (
              <li key={o.id} className="card space-y-3" aria-labelledby={`objection-${o.id}`}>
                <h2 id={`objection-${o.id}`} className="h2">
                  {o.request.title} <span className="font-mono text-sm text-slate-500">{o.request.code}</span>
                </h2>
                <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
                  <dt className="text-slate-600">{t("award.objections.filedBy")}</dt>
                  <dd>{o.agencyName}</dd>
                  <dt className="text-slate-600">{t("award.objections.filedAt")}</dt>
                  <dd>{formatDateTime(o.createdAt, lang)}</dd>
                  <dt className="text-slate-600">{t("award.queue.winner")}</dt>
                  <dd>{o.winner ? `${o.winner.agencyName} · ${formatYuan(o.winner.amountFen, lang)}` : "—"}</dd>
                  <dt className="text-slate-600">{t("award.queue.publicityEndsAt")}</dt>
                  <dd>{o.request.publicityEndsAt ? formatDateTime(o.request.publicityEndsAt, lang) : "—"}</dd>
                  <dt className="text-slate-600">{t("award.objections.reason")}</dt>
                  <dd className="whitespace-pre-wrap break-words">{o.reason}</dd>
                </dl>
                <p>
                  <Link className="link text-sm" to={`/requests/${o.request.id}`}>
                    {t("award.queue.openRequest")}
                  </Link>
                </p>
                {mine && formLevel ? <FormError message={formLevel} params={mine.params} /> : null}
                <Form method="post" className="space-y-2">
                  <input type="hidden" name="objectionId" value={o.id} />
                  <TextArea
                    label={t("award.objections.decisionReasonLabel")}
                    name="reason"
                    required
                    rows={3}
                    maxLength={2000}
                    hint={t("award.objections.decisionReasonHint")}
                    defaultValue={mine?.values.reason}
                    errors={mine?.fieldErrors.reason}
                    params={mine?.params}
                  />
                  <TextField
                    label={t("award.objections.legalBasisLabel")}
                    name="legalBasis"
                    required
                    hint={t("award.objections.legalBasisHint")}
                    defaultValue={mine?.values.legalBasis}
                    errors={mine?.fieldErrors.legalBasis}
                    params={mine?.params}
                  />
                  <TextArea
                    label={t("award.objections.evidenceLabel")}
                    name="evidence"
                    required
                    rows={2}
                    maxLength={2000}
                    hint={t("award.objections.evidenceHint")}
                    defaultValue={mine?.values.evidence}
                    errors={mine?.fieldErrors.evidence}
                    params={mine?.params}
                  />
                  <p className="hint">{t("award.objections.upholdHint")}</p>
                  <div className="flex flex-wrap gap-2">
                    <button type="submit" name="decision" value="UPHOLD" className="btn-primary" disabled={navigation.state !== "idle"}>
                      {t("award.objections.uphold")}
                    </button>
                    <button type="submit" name="decision" value="DISMISS" className="btn-secondary" disabled={navigation.state !== "idle"}>
                      {t("award.objections.dismiss")}
                    </button>
                  </div>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
