import { useTranslation } from "react-i18next";
import { Form, useNavigation } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/regulator.reviews";
import { FormError } from "~/components/field";
import { getDb } from "~/db/client.server";
import { regionLabel } from "~/data/regions";
import { formatDate } from "~/lib/format";
import { formValues, parseForm, type FormResult } from "~/lib/forms";
import { badForm, formErrorResponse } from "~/lib/http.server";
import { requireRole } from "~/lib/session.server";
import { approveAgency, rejectAgency, reviewQueue } from "~/services/agencies/review.server";

export async function loader({ request }: Route.LoaderArgs) {
  await requireRole(request, "REGULATOR");
  return { pending: await reviewQueue(await getDb()), now: Date.now() };
}

const decisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), agencyId: z.string().min(1), version: z.coerce.number().int(), reason: z.string().max(500, "errors.tooLong").optional() }),
  z.object({ intent: z.literal("reject"), agencyId: z.string().min(1), version: z.coerce.number().int(), reason: z.string().trim().min(1, "errors.required").max(500, "errors.tooLong") }),
], { error: "errors.invalidChoice" });

export async function action({ request }: Route.ActionArgs) {
  const user = await requireRole(request, "REGULATOR");
  const formData = await request.formData();
  const parsed = parseForm(decisionSchema, formData);
  if (!parsed.ok) return badForm({ ...parsed.result, values: { ...parsed.result.values } });
  const d = parsed.data;
  const db = await getDb();
  try {
    const decision = { agencyId: d.agencyId, actorId: user.id, reason: d.reason, expectedVersion: d.version };
    const result = d.intent === "approve" ? await approveAgency(db, decision) : await rejectAgency(db, { ...decision, reason: d.reason });
    const ok: FormResult & { done: { agencyId: string; to: string } } = { done: { agencyId: d.agencyId, to: result.to }, fieldErrors: {}, values: {} };
    return ok;
  } catch (error) {
    return formErrorResponse(error, formValues(formData));
  }
}

export function meta() {
  return [{ title: "入驻审核 · 中介超市" }];
}

export default function Reviews({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const navigation = useNavigation();
  const failed: FormResult | undefined = actionData && !("done" in actionData) ? actionData : undefined;
  const failedFor = failed?.values.agencyId;
  return (
    <div className="space-y-4">
      <h1 className="h1">{t("review.title")}</h1>
      {actionData && "done" in actionData && actionData.done ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {actionData.done.to === "LISTED" ? t("agencyStatus.LISTED") : t("agencyStatus.REJECTED")}
        </p>
      ) : null}
      {loaderData.pending.length === 0 ? (
        <p className="card text-slate-600">{t("review.empty")}</p>
      ) : (
        <ul className="space-y-4">
          {loaderData.pending.map((a) => {
            const errors = failedFor === a.id ? failed?.fieldErrors ?? {} : {};
            return (
              <li key={a.id} className="card space-y-3" aria-labelledby={`agency-${a.id}`}>
                <div>
                  <h2 id={`agency-${a.id}`} className="h2">{a.organization.name}</h2>
                  <p className="font-mono text-xs text-slate-500">{a.organization.creditCode}</p>
                  <p className="text-sm text-slate-600">
                    {t(`entityTypes.${a.entityType}`)} · {a.organization.regionCode ? regionLabel(a.organization.regionCode, lang) : "—"} · {t("review.submittedAt")} {formatDate(a.updatedAt, lang)}
                  </p>
                  <p className="text-sm text-slate-600">
                    {t("review.contact")}：{a.organization.contactName} {a.organization.contactPhone} {a.organization.contactEmail}
                  </p>
                  {a.introduction ? <p className="mt-1 text-sm">{a.introduction}</p> : null}
                </div>
                <div>
                  <h3 className="text-sm font-semibold">{t("review.credentials")}</h3>
                  {a.credentials.length === 0 ? <p className="text-sm text-slate-600">{t("review.noCredentials")}</p> : (
                    <ul className="mt-1 space-y-1 text-sm">
                      {a.credentials.map((c) => {
                        const expired = new Date(c.validUntil).getTime() <= loaderData.now;
                        return (
                          <li key={c.id}>
                            {c.type} · {c.level} · {c.number} · {c.issuer} ·{" "}
                            <span className={expired ? "text-red-700" : "text-green-700"}>
                              {expired ? t("review.expired", { date: formatDate(c.validUntil, lang) }) : t("review.validUntil", { date: formatDate(c.validUntil, lang) })}
                            </span>
                            {" · "}{t("review.covers")}：{c.items.map((i) => i.item.name).join("、")}
                            {c.documentId ? <> · <a className="link" href={`/documents/${c.documentId}`} target="_blank" rel="noreferrer">{t("review.document")}</a></> : null}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </div>
                {a.practitioners.length ? (
                  <div>
                    <h3 className="text-sm font-semibold">{t("review.practitioners")}</h3>
                    <p className="text-sm">{a.practitioners.map((p) => `${p.name}（${p.qualification}）`).join("、")}</p>
                  </div>
                ) : null}
                {failedFor === a.id ? <FormError message={failed?.formError} /> : null}
                <Form method="post" className="flex flex-wrap items-end gap-3">
                  <input type="hidden" name="agencyId" value={a.id} />
                  <input type="hidden" name="version" value={a.version} />
                  <div className="min-w-64 flex-1">
                    <label htmlFor={`reason-${a.id}`} className="label">{t("review.reason")}</label>
                    <input
                      id={`reason-${a.id}`}
                      name="reason"
                      className="input mt-1"
                      aria-describedby={errors.reason ? `reason-error-${a.id} reason-hint-${a.id}` : `reason-hint-${a.id}`}
                      aria-invalid={errors.reason ? true : undefined}
                      defaultValue={failedFor === a.id ? failed?.values.reason : undefined}
                    />
                    {errors.reason ? (
                      <p id={`reason-error-${a.id}`} role="alert" className="field-error">{errors.reason.map((e) => t(e as never) as string).join("；")}</p>
                    ) : null}
                    <p id={`reason-hint-${a.id}`} className="hint">{t("review.reasonHintApprove")}；{t("review.reasonHintReject")}</p>
                  </div>
                  <button type="submit" name="intent" value="approve" className="btn-primary" disabled={navigation.state !== "idle"}>{t("review.approve")}</button>
                  <button type="submit" name="intent" value="reject" className="btn-secondary" disabled={navigation.state !== "idle"}>{t("review.reject")}</button>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
