import { useTranslation } from "~/i18n/use-translation";
import { Form, useNavigation } from "react-router";
import type { Route } from "./+types/regulator.reviews";
import { pageTitle } from "~/lib/meta";
import { FormError } from "~/components/field";
import { regionLabel } from "~/data/regions";
import { formatDate } from "~/lib/format";
import { isActionFailure, type ActionFailure } from "~/lib/forms";
import { commandsFor, defineAction, guard } from "~/lib/route.server";
import {
  approveSchema,
  rejectCredentialSchema,
  rejectSchema,
  REVIEW_REASON_MAX as REASON_MAX,
  verifyCredentialSchema,
} from "~/schemas/review";
import { credentialQueue, rejectCredential, verifyCredential } from "~/services/agencies/credential-review.server";
import { credentialLabel } from "~/services/agencies/queries.server";
import { approveAgency, rejectAgency, reviewQueue } from "~/services/agencies/review.server";

export async function loader({ request }: Route.LoaderArgs) {
  const { db } = await guard(request, "supervision:act");
  const [pending, credentials] = await Promise.all([reviewQueue(db), credentialQueue(db)]);
  return { pending, credentials, now: Date.now() };
}

type Done =
  | { kind: "agency"; agencyId: string; to: string }
  | { kind: "credential"; credentialId: string; outcome: "VERIFIED" | "REJECTED"; agency: string; type: string; number: string };

const command = commandsFor<unknown>();

/** A decision stays on the queue page with a notice of what was decided (200). */
export const action = defineAction({
  commands: {
    approve: command({
      permission: "supervision:act",
      schema: approveSchema,
      run: async (d, { db, user }) => {
        const result = await approveAgency(db, { agencyId: d.agencyId, actorId: user.id, reason: d.reason, expectedVersion: d.version });
        const done: Done = { kind: "agency", agencyId: d.agencyId, to: result.to };
        return { done };
      },
    }),
    reject: command({
      permission: "supervision:act",
      schema: rejectSchema,
      run: async (d, { db, user }) => {
        const result = await rejectAgency(db, { agencyId: d.agencyId, actorId: user.id, reason: d.reason, expectedVersion: d.version });
        const done: Done = { kind: "agency", agencyId: d.agencyId, to: result.to };
        return { done };
      },
    }),
    "verify-credential": command({
      permission: "supervision:act",
      schema: verifyCredentialSchema,
      run: async (d, { db, user }) => {
        const result = await verifyCredential(db, { credentialId: d.credentialId, actorId: user.id });
        const done: Done = {
          kind: "credential",
          credentialId: d.credentialId,
          outcome: result.outcome,
          ...(await credentialLabel(db, d.credentialId)),
        };
        return { done };
      },
    }),
    "reject-credential": command({
      permission: "supervision:act",
      schema: rejectCredentialSchema,
      run: async (d, { db, user }) => {
        const result = await rejectCredential(db, { credentialId: d.credentialId, actorId: user.id, reason: d.reason });
        const done: Done = {
          kind: "credential",
          credentialId: d.credentialId,
          outcome: result.outcome,
          ...(await credentialLabel(db, d.credentialId)),
        };
        return { done };
      },
    }),
  },
});

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.reviews" });
}

export default function Reviews({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const navigation = useNavigation();
  const failed = isActionFailure(actionData) ? actionData : undefined;
  const failedFor = failed?.values.agencyId;
  const failedCredential = failed?.values.credentialId;
  const done = actionData && "done" in actionData ? (actionData.done as unknown as Done) : undefined;
  return (
    <div className="space-y-4">
      <h1 className="h1">{t("review.title")}</h1>
      {done ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {done.kind === "credential"
            ? t(done.outcome === "VERIFIED" ? "review.credentialQueue.verified" : "review.credentialQueue.rejected", {
                agency: done.agency,
                type: done.type,
                number: done.number,
              })
            : done.to === "LISTED"
              ? t("agencyStatus.LISTED")
              : t("agencyStatus.REJECTED")}
        </p>
      ) : null}
      {failed && !failedFor && !failedCredential ? <FormError message={failed.formError} /> : null}
      {loaderData.pending.length === 0 ? (
        <p className="card text-slate-600">{t("review.empty")}</p>
      ) : (
        <ul className="space-y-4">
          {loaderData.pending.map((a) => {
            const errors = failedFor === a.id ? (failed?.fieldErrors ?? {}) : {};
            return (
              <li key={a.id} className="card space-y-3" aria-labelledby={`agency-${a.id}`}>
                <div>
                  <h2 id={`agency-${a.id}`} className="h2">
                    {a.organization.name}
                  </h2>
                  <p className="font-mono text-xs text-slate-500">{a.organization.creditCode}</p>
                  <p className="text-sm text-slate-600">
                    {t(`entityTypes.${a.entityType}`)} · {a.organization.regionCode ? regionLabel(a.organization.regionCode, lang) : "—"} ·{" "}
                    {t("review.submittedAt")} {formatDate(a.updatedAt, lang)}
                  </p>
                  <p className="text-sm text-slate-600">
                    {t("review.contact")}：{a.organization.contactName} {a.organization.contactPhone} {a.organization.contactEmail}
                  </p>
                  {a.introduction ? <p className="mt-1 text-sm">{a.introduction}</p> : null}
                </div>
                <div>
                  <h3 className="text-sm font-semibold">{t("review.credentials")}</h3>
                  {a.credentials.length === 0 ? (
                    <p className="text-sm text-slate-600">{t("review.noCredentials")}</p>
                  ) : (
                    <ul className="mt-1 space-y-1 text-sm">
                      {a.credentials.map((c) => {
                        const expired = new Date(c.validUntil).getTime() <= loaderData.now;
                        return (
                          <li key={c.id}>
                            {c.type} · {c.level} · {c.number} · {c.issuer} ·{" "}
                            <span className={expired ? "text-red-700" : "text-green-700"}>
                              {expired
                                ? t("review.expired", { date: formatDate(c.validUntil, lang) })
                                : t("review.validUntil", { date: formatDate(c.validUntil, lang) })}
                            </span>
                            {" · "}
                            {t("review.covers")}：{c.items.map((i) => i.item.name).join("、")}
                            {c.documentId ? (
                              <>
                                {" "}
                                ·{" "}
                                <a className="link" href={`/documents/${c.documentId}`} target="_blank" rel="noreferrer">
                                  {t("review.document")}
                                </a>
                              </>
                            ) : null}
                            {c.rejectedAt ? (
                              <p className="text-amber-900">{t("review.previouslyRejected", { reason: c.rejectReason ?? "" })}</p>
                            ) : null}
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
                    <label htmlFor={`reason-${a.id}`} className="label">
                      {t("review.reason")}
                    </label>
                    <input
                      id={`reason-${a.id}`}
                      name="reason"
                      className="input mt-1"
                      aria-describedby={errors.reason ? `reason-error-${a.id} reason-hint-${a.id}` : `reason-hint-${a.id}`}
                      aria-invalid={errors.reason ? true : undefined}
                      defaultValue={failedFor === a.id ? failed?.values.reason : undefined}
                    />
                    {errors.reason ? (
                      <p id={`reason-error-${a.id}`} role="alert" className="field-error">
                        {errors.reason.map((e) => t(e as never) as string).join("；")}
                      </p>
                    ) : null}
                    <p id={`reason-hint-${a.id}`} className="hint">
                      {t("review.reasonHint")}
                    </p>
                  </div>
                  <button type="submit" name="intent" value="approve" className="btn-primary" disabled={navigation.state !== "idle"}>
                    {t("review.approve")}
                  </button>
                  <button type="submit" name="intent" value="reject" className="btn-secondary" disabled={navigation.state !== "idle"}>
                    {t("review.reject")}
                  </button>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
      <CredentialQueue queue={loaderData.credentials} failed={failed} failedFor={failedCredential} busy={navigation.state !== "idle"} />
    </div>
  );
}

type Queue = Route.ComponentProps["loaderData"]["credentials"];

/** 资质变更待核验: credentials added by listed or suspended agencies, oldest first. */
function CredentialQueue({ queue, failed, failedFor, busy }: { queue: Queue; failed?: ActionFailure; failedFor?: string; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const sep = lang === "en" ? ", " : "、";
  return (
    <section id="credentials" className="space-y-3" aria-labelledby="credentials-title">
      <h2 id="credentials-title" className="h2">
        {t("review.credentialQueue.title")}
      </h2>
      <p className="text-sm text-slate-600">{t("review.credentialQueue.intro")}</p>
      {queue.rows.length === 0 ? (
        <p className="card text-slate-600">{t("review.credentialQueue.empty")}</p>
      ) : (
        <ul className="space-y-3">
          {queue.rows.map((c) => {
            const mine = failedFor === c.id;
            const errors = mine ? (failed?.fieldErrors ?? {}) : {};
            return (
              <li key={c.id} className="card space-y-2" aria-labelledby={`cred-${c.id}`} data-testid="pending-credential">
                <h3 id={`cred-${c.id}`} className="font-semibold">
                  <a className="link" href={`/agencies/${c.agency.id}`}>
                    {c.agency.organization.name}
                  </a>
                  {c.agency.status !== "LISTED" ? (
                    <span className="ml-2 text-sm font-normal text-orange-800">{t(`agencyStatus.${c.agency.status}`)}</span>
                  ) : null}
                </h3>
                <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                  <dt className="text-slate-500">{t("review.credentialQueue.type")}</dt>
                  <dd>
                    {c.type} · {c.level}
                  </dd>
                  <dt className="text-slate-500">{t("review.credentialQueue.number")}</dt>
                  <dd className="font-mono">{c.number}</dd>
                  <dt className="text-slate-500">{t("review.credentialQueue.issuer")}</dt>
                  <dd>{c.issuer}</dd>
                  <dt className="text-slate-500">{t("review.credentialQueue.validUntil")}</dt>
                  <dd>{formatDate(c.validUntil, lang)}</dd>
                  <dt className="text-slate-500">{t("review.credentialQueue.items")}</dt>
                  <dd>{c.items.map((i) => `${i.item.code} ${lang === "en" && i.item.nameEn ? i.item.nameEn : i.item.name}`).join(sep)}</dd>
                  <dt className="text-slate-500">{t("review.credentialQueue.submittedAt")}</dt>
                  <dd>{formatDate(c.createdAt, lang)}</dd>
                  <dt className="text-slate-500">{t("review.credentialQueue.document")}</dt>
                  <dd>
                    {c.documentId ? (
                      <a className="link" href={`/documents/${c.documentId}`} target="_blank" rel="noreferrer">
                        {t("review.credentialQueue.viewDocument")}
                      </a>
                    ) : (
                      t("review.credentialQueue.noDocument")
                    )}
                  </dd>
                </dl>
                {mine ? <FormError message={failed?.formError} /> : null}
                <Form method="post" className="flex flex-wrap items-end gap-3">
                  <input type="hidden" name="credentialId" value={c.id} />
                  <div className="min-w-64 flex-1">
                    <label htmlFor={`cred-reason-${c.id}`} className="label">
                      {t("review.credentialQueue.reason")}
                    </label>
                    <input
                      id={`cred-reason-${c.id}`}
                      name="reason"
                      className="input mt-1"
                      maxLength={REASON_MAX}
                      aria-describedby={errors.reason ? `cred-reason-error-${c.id} cred-reason-hint-${c.id}` : `cred-reason-hint-${c.id}`}
                      aria-invalid={errors.reason ? true : undefined}
                      defaultValue={mine ? failed?.values.reason : undefined}
                    />
                    {errors.reason ? (
                      <p id={`cred-reason-error-${c.id}`} role="alert" className="field-error">
                        {errors.reason.map((e) => t(e as never) as string).join("；")}
                      </p>
                    ) : null}
                    <p id={`cred-reason-hint-${c.id}`} className="hint">
                      {t("review.credentialQueue.reasonHint")}
                    </p>
                  </div>
                  <button type="submit" name="intent" value="verify-credential" className="btn-primary" disabled={busy}>
                    {t("review.credentialQueue.verify")}
                  </button>
                  <button type="submit" name="intent" value="reject-credential" className="btn-secondary" disabled={busy}>
                    {t("review.credentialQueue.reject")}
                  </button>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
      {queue.total > queue.rows.length ? (
        <p className="text-sm text-slate-600">{t("review.credentialQueue.more", { count: queue.total - queue.rows.length })}</p>
      ) : null}
    </section>
  );
}
