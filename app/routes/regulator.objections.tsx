import { useTranslation } from "react-i18next";
import { data, Form, Link, useNavigation } from "react-router";
import type { Route } from "./+types/regulator.objections";
import { FormError, TextArea, TextField } from "~/components/field";
import { getDb } from "~/db/client.server";
import { DomainError, isDomainError } from "~/lib/errors";
import { formatDateTime } from "~/lib/format";
import { formatYuan } from "~/lib/money";
import { requireRole } from "~/lib/session.server";
import { decideObjection } from "~/services/requests/award.server";
import { objectionQueue } from "~/services/requests/award-view.server";

/** The regulator's work queue: pending objections across requests, each with a decide form. */
export async function loader({ request }: Route.LoaderArgs) {
  await requireRole(request, "REGULATOR");
  return { objections: await objectionQueue(await getDb()) };
}

type ActionResult =
  | { ok: true; objectionId: string; decision: "UPHOLD" | "DISMISS" }
  | { ok: false; objectionId: string; error: string; field: string | null; params: Record<string, string | number> | null; reason: string; legalBasis: string; evidence: string };

export async function action({ request }: Route.ActionArgs) {
  const user = await requireRole(request, "REGULATOR");
  const form = await request.formData();
  const str = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : "";
  };
  const objectionId = str("objectionId");
  const decision = str("decision");
  try {
    if (!objectionId) throw new DomainError("NOT_FOUND", 404, "award.errors.objectionNotFound");
    if (decision !== "UPHOLD" && decision !== "DISMISS") throw new DomainError("BAD_DECISION", 400, "errors.invalidChoice", "decision");
    await decideObjection(await getDb(), user, objectionId, decision, str("reason"), { legalBasis: str("legalBasis"), evidence: str("evidence") });
    const ok: ActionResult = { ok: true, objectionId, decision };
    return ok;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const failed: ActionResult = { ok: false, objectionId, error: error.message, field: error.field ?? null, params: error.params ?? null, reason: str("reason"), legalBasis: str("legalBasis"), evidence: str("evidence") };
    return data(failed, { status: error.status });
  }
}

export function meta() {
  return [{ title: "异议处理 · 中介超市" }];
}

export default function ObjectionQueue({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const navigation = useNavigation();
  const result = actionData as ActionResult | undefined;
  const failed = result && !result.ok ? result : null;
  return (
    <div className="space-y-4">
      <h1 className="h1">{t("award.queue.title")}</h1>
      <p className="text-sm text-slate-600">{t("award.queue.intro")}</p>
      {result?.ok ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {t("award.done.decide")} {result.decision === "UPHOLD" ? t("award.objections.uphold") : t("award.objections.dismiss")}
        </p>
      ) : null}
      {failed && !loaderData.objections.some((o) => o.id === failed.objectionId) ? <FormError message={failed.error} params={failed.params ?? undefined} /> : null}
      {loaderData.objections.length === 0 ? (
        <p className="card text-slate-600">{t("award.queue.empty")}</p>
      ) : (
        <ul className="space-y-4">
          {loaderData.objections.map((o) => {
            const mine = failed?.objectionId === o.id ? failed : null;
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
                  <Link className="link text-sm" to={`/requests/${o.request.id}`}>{t("award.queue.openRequest")}</Link>
                </p>
                {mine && !["reason", "legalBasis", "evidence"].includes(mine.field ?? "") ? <FormError message={mine.error} params={mine.params ?? undefined} /> : null}
                <Form method="post" className="space-y-2">
                  <input type="hidden" name="objectionId" value={o.id} />
                  <TextArea
                    label={t("award.objections.decisionReasonLabel")}
                    name="reason"
                    required
                    rows={3}
                    maxLength={2000}
                    hint={t("award.objections.decisionReasonHint")}
                    defaultValue={mine?.reason}
                    errors={mine?.field === "reason" ? [mine.error] : undefined}
                    params={mine?.params ?? undefined}
                  />
                  <TextField
                    label={t("award.objections.legalBasisLabel")}
                    name="legalBasis"
                    required
                    hint={t("award.objections.legalBasisHint")}
                    defaultValue={mine?.legalBasis}
                    errors={mine?.field === "legalBasis" ? [mine.error] : undefined}
                    params={mine?.params ?? undefined}
                  />
                  <TextArea
                    label={t("award.objections.evidenceLabel")}
                    name="evidence"
                    required
                    rows={2}
                    maxLength={2000}
                    hint={t("award.objections.evidenceHint")}
                    defaultValue={mine?.evidence}
                    errors={mine?.field === "evidence" ? [mine.error] : undefined}
                    params={mine?.params ?? undefined}
                  />
                  <p className="hint">{t("award.objections.upholdHint")}</p>
                  <div className="flex flex-wrap gap-2">
                    <button type="submit" name="decision" value="UPHOLD" className="btn-primary" disabled={navigation.state !== "idle"}>{t("award.objections.uphold")}</button>
                    <button type="submit" name="decision" value="DISMISS" className="btn-secondary" disabled={navigation.state !== "idle"}>{t("award.objections.dismiss")}</button>
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
