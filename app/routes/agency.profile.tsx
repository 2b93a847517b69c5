import { useTranslation } from "react-i18next";
import { data, Form, redirect, useLocation } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/agency.profile";
import { CheckboxGroup, FileField, FormError, TextArea, TextField } from "~/components/field";
import { regionLabel } from "~/data/regions";
import { getDb } from "~/db/client.server";
import { isDomainError } from "~/lib/errors";
import { formValues, type FieldErrors } from "~/lib/forms";
import { requireRole } from "~/lib/session.server";
import { credentialFormInput, credentialSchema, LIMITS, practitionerSchema, profileSchema, removeSchema } from "~/schemas/agency";
import {
  addCredential,
  addPractitioner,
  getAgencyProfile,
  listInForceItems,
  removeCredential,
  removePractitioner,
  updateProfile,
} from "~/services/agencies/profile.server";
import { chosenFile, inspectUpload, MAX_UPLOAD_BYTES, readUploadForm } from "~/services/documents/documents.server";

const INTENTS = ["update-profile", "add-practitioner", "remove-practitioner", "add-credential", "remove-credential"] as const;
type Intent = (typeof INTENTS)[number];

const DONE = {
  "update-profile": "updateProfile",
  "add-practitioner": "addPractitioner",
  "remove-practitioner": "removePractitioner",
  "add-credential": "addCredential",
  "remove-credential": "removeCredential",
} as const satisfies Record<Intent, string>;
type Done = (typeof DONE)[Intent];

const MAX_MB = MAX_UPLOAD_BYTES / 1024 / 1024;

type ActionResult = {
  intent: Intent | null;
  fieldErrors: FieldErrors;
  formError?: string;
  values: Record<string, string>;
  itemIds?: string[];
  params?: Record<string, string | number>;
};

function isIntent(value: unknown): value is Intent {
  return typeof value === "string" && (INTENTS as readonly string[]).includes(value);
}

function reply(result: ActionResult, status: number) {
  return data(result, { status });
}

/** Zod issues → field errors keyed by the top-level field (itemIds.3 → itemIds). */
function validate<S extends z.ZodType>(schema: S, raw: unknown): { ok: true; data: z.infer<S> } | { ok: false; fieldErrors: FieldErrors } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "form";
    const list = (fieldErrors[key] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return { ok: false, fieldErrors };
}

/** A domain error becomes a 4xx next to its field; anything else is a real bug and rethrown. */
function domainFailure(intent: Intent | null, error: unknown, values: Record<string, string>, itemIds?: string[]) {
  if (!isDomainError(error)) throw error;
  return reply(
    {
      intent,
      fieldErrors: error.field ? { [error.field]: [error.message] } : {},
      formError: error.field ? "errors.formInvalid" : error.message,
      values,
      itemIds,
      params: error.params,
    },
    error.status,
  );
}

function strings(formData: FormData): Record<string, unknown> {
  return Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string"));
}

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireRole(request, "AGENCY");
  const db = await getDb();
  const profile = user.organizationId ? await getAgencyProfile(db, user.organizationId) : null;
  if (!profile) throw new Response("Not Found", { status: 404, statusText: "Not Found" });
  const items = await listInForceItems(db);
  const doneParam = new URL(request.url).searchParams.get("done");
  const done = (Object.values(DONE) as string[]).includes(doneParam ?? "") ? (doneParam as Done) : null;
  return { profile, items, done, maxMb: MAX_MB };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireRole(request, "AGENCY");
  if (!user.organizationId) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  const actor = { userId: user.id, orgId: user.organizationId };

  let formData: FormData;
  try {
    formData = await readUploadForm(request);
  } catch (error) {
    // Only the credential form carries a file, so an oversized body belongs to it.
    return domainFailure("add-credential", error, {});
  }
  const intent = formData.get("intent");
  if (!isIntent(intent)) {
    return reply({ intent: null, fieldErrors: {}, formError: "agencyProfile.errors.unknownIntent", values: {} }, 400);
  }
  const values = formValues(formData);
  const db = await getDb();
  const done = () => redirect(`/agency/profile?done=${DONE[intent]}`);

  switch (intent) {
    case "update-profile": {
      const parsed = validate(profileSchema, strings(formData));
      if (!parsed.ok) return reply({ intent, fieldErrors: parsed.fieldErrors, formError: "errors.formInvalid", values }, 400);
      try {
        await updateProfile(db, actor, parsed.data);
      } catch (error) {
        return domainFailure(intent, error, values);
      }
      return done();
    }
    case "add-practitioner": {
      const parsed = validate(practitionerSchema, strings(formData));
      if (!parsed.ok) return reply({ intent, fieldErrors: parsed.fieldErrors, formError: "errors.formInvalid", values }, 400);
      try {
        await addPractitioner(db, actor, parsed.data);
      } catch (error) {
        return domainFailure(intent, error, values);
      }
      return done();
    }
    case "add-credential": {
      const raw = credentialFormInput(formData);
      const itemIds = raw.itemIds as string[];
      const parsed = validate(credentialSchema, raw);
      const file = chosenFile(formData.get("document"));
      // The file is checked with the fields, so every error shows at once.
      const fieldErrors: FieldErrors = parsed.ok ? {} : { ...parsed.fieldErrors };
      let status = 400;
      let params: Record<string, string | number> | undefined;
      if (file) {
        try {
          await inspectUpload(file);
        } catch (error) {
          if (!isDomainError(error)) throw error;
          fieldErrors.document = [error.message];
          status = error.status;
          params = error.params;
        }
      }
      if (!parsed.ok || Object.keys(fieldErrors).length > 0) {
        return reply({ intent, fieldErrors, formError: "errors.formInvalid", values, itemIds, params }, status);
      }
      try {
        await addCredential(db, actor, parsed.data, file);
      } catch (error) {
        return domainFailure(intent, error, values, itemIds);
      }
      return done();
    }
    case "remove-practitioner":
    case "remove-credential": {
      const parsed = validate(removeSchema, strings(formData));
      if (!parsed.ok) return reply({ intent, fieldErrors: {}, formError: "agencyProfile.errors.notFound", values: {} }, 400);
      try {
        if (intent === "remove-practitioner") await removePractitioner(db, actor, parsed.data.id);
        else await removeCredential(db, actor, parsed.data.id);
      } catch (error) {
        return domainFailure(intent, error, {});
      }
      return done();
    }
  }
}

export function meta() {
  return [{ title: "机构资料 · 中介超市" }];
}

const STATUS_STYLE: Record<string, string> = {
  APPLIED: "bg-amber-50 text-amber-900 border-amber-300",
  LISTED: "bg-green-50 text-green-900 border-green-300",
  REJECTED: "bg-red-50 text-red-900 border-red-300",
  SUSPENDED: "bg-orange-50 text-orange-900 border-orange-300",
  REMOVED: "bg-slate-100 text-slate-800 border-slate-300",
};

const VERIFICATION_STYLE: Record<"VERIFIED" | "PENDING" | "REJECTED", string> = {
  VERIFIED: "border-green-300 bg-green-50 text-green-900",
  PENDING: "border-amber-300 bg-amber-50 text-amber-900",
  REJECTED: "border-red-300 bg-red-50 text-red-800",
};

export default function AgencyProfile({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const location = useLocation();
  const { profile, items, done, maxMb } = loaderData;
  const org = profile.organization;
  const result = actionData as ActionResult | undefined;
  const forIntent = (intent: Intent) => (result?.intent === intent ? result : undefined);
  const profileResult = forIntent("update-profile");
  const practitionerResult = forIntent("add-practitioner");
  const credentialResult = forIntent("add-credential");
  const removeResult = result?.intent === "remove-practitioner" || result?.intent === "remove-credential" || result?.intent === null ? result : undefined;
  const itemName = (i: { name: string; nameEn: string }) => (lang === "en" && i.nameEn ? i.nameEn : i.name);

  return (
    <div className="space-y-6">
      <section className="card" aria-labelledby="profile-title">
        <h1 id="profile-title" className="h1">{t("agencyProfile.title")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("agencyProfile.intro")}</p>
        {done ? (
          <p role="status" className="mt-4 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
            {t(`agencyProfile.done.${done}`)}
          </p>
        ) : null}
        {removeResult ? <div className="mt-4"><FormError message={removeResult.formError} params={removeResult.params} /></div> : null}
      </section>

      <section className="card" aria-labelledby="status-title">
        <h2 id="status-title" className="h2">{t("agencyProfile.status.heading")}</h2>
        <div className={`mt-3 rounded-md border p-3 text-sm ${STATUS_STYLE[profile.status] ?? ""}`} data-testid="agency-status">
          <p className="font-medium">{t("agencyProfile.status.current", { status: t(`agencyStatus.${profile.status}`) })}</p>
          <p className="mt-1">{t(`agencyProfile.status.hints.${profile.status}`)}</p>
          {profile.status === "REJECTED" && profile.statusReason ? (
            <p className="mt-1" data-testid="status-reason">{t("agencyProfile.status.reason", { reason: profile.statusReason })}</p>
          ) : null}
          {profile.status === "SUSPENDED" && profile.suspendedUntilDate ? (
            <p className="mt-1">{t("agencyProfile.status.suspendedUntil", { date: profile.suspendedUntilDate })}</p>
          ) : null}
        </div>
      </section>

      <section className="card" aria-labelledby="basic-title">
        <h2 id="basic-title" className="h2">{t("agencyProfile.basic.heading")}</h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-500">{t("agencyProfile.basic.name")}</dt>
          <dd>{org.name}</dd>
          <dt className="text-slate-500">{t("agencyProfile.basic.creditCode")}</dt>
          <dd className="font-mono">{org.creditCode ?? "—"}</dd>
          <dt className="text-slate-500">{t("agencyProfile.basic.region")}</dt>
          <dd>{org.regionCode ? regionLabel(org.regionCode, lang) : "—"}</dd>
          <dt className="text-slate-500">{t("agencyProfile.basic.entityType")}</dt>
          <dd>{t(`entityTypes.${profile.entityType}`)}</dd>
        </dl>
        <p className="hint mt-3">{t("agencyProfile.basic.fixedNote")}</p>
      </section>

      <section className="card" aria-labelledby="contact-title">
        <h2 id="contact-title" className="h2">{t("agencyProfile.profile.heading")}</h2>
        <Form method="post" className="mt-4 space-y-4" noValidate key={`profile-${location.key}`}>
          <input type="hidden" name="intent" value="update-profile" />
          <FormError message={profileResult?.formError} params={profileResult?.params} />
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField label={t("agencyProfile.profile.contactName")} name="contactName" required autoComplete="name"
              defaultValue={profileResult?.values.contactName ?? org.contactName ?? ""} errors={profileResult?.fieldErrors.contactName} />
            <TextField label={t("agencyProfile.profile.contactPhone")} name="contactPhone" type="tel" inputMode="tel" required autoComplete="tel"
              defaultValue={profileResult?.values.contactPhone ?? org.contactPhone ?? ""} errors={profileResult?.fieldErrors.contactPhone} />
            <TextField label={t("agencyProfile.profile.contactEmail")} name="contactEmail" type="email" required autoComplete="email"
              defaultValue={profileResult?.values.contactEmail ?? org.contactEmail ?? ""} errors={profileResult?.fieldErrors.contactEmail} />
          </div>
          <TextArea label={t("agencyProfile.profile.introduction")} name="introduction" rows={6}
            hint={t("agencyProfile.profile.introductionHint", { max: LIMITS.introduction })}
            defaultValue={profileResult?.values.introduction ?? profile.introduction} errors={profileResult?.fieldErrors.introduction} />
          <button type="submit" className="btn-primary">{t("agencyProfile.profile.submit")}</button>
        </Form>
      </section>

      <section className="card" aria-labelledby="practitioners-title">
        <h2 id="practitioners-title" className="h2">{t("agencyProfile.practitioners.heading")}</h2>
        {profile.practitioners.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("agencyProfile.practitioners.empty")}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("agencyProfile.practitioners.name")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("agencyProfile.practitioners.qualification")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("agencyProfile.practitioners.certificateNo")}</th>
                  <th scope="col" className="py-2 font-medium"><span className="sr-only">{t("agencyProfile.practitioners.actions")}</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {profile.practitioners.map((p) => (
                  <tr key={p.id}>
                    <td className="py-2 pr-4">{p.name}</td>
                    <td className="py-2 pr-4">{p.qualification}</td>
                    <td className="py-2 pr-4 font-mono text-xs">{p.certificateNo ?? "—"}</td>
                    <td className="py-2 text-right">
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove-practitioner" />
                        <input type="hidden" name="id" value={p.id} />
                        <button type="submit" className="btn-secondary" aria-label={t("agencyProfile.practitioners.removeLabel", { name: p.name })}>
                          {t("agencyProfile.practitioners.remove")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3 className="mt-6 font-medium">{t("agencyProfile.practitioners.newHeading")}</h3>
        <Form method="post" className="mt-3 space-y-4" noValidate key={`practitioner-${location.key}`}>
          <input type="hidden" name="intent" value="add-practitioner" />
          <FormError message={practitionerResult?.formError} params={practitionerResult?.params} />
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField label={t("agencyProfile.practitioners.name")} name="name" required
              defaultValue={practitionerResult?.values.name} errors={practitionerResult?.fieldErrors.name} />
            <TextField label={t("agencyProfile.practitioners.qualification")} name="qualification" required
              defaultValue={practitionerResult?.values.qualification} errors={practitionerResult?.fieldErrors.qualification} />
            <TextField label={t("agencyProfile.practitioners.certificateNo")} name="certificateNo" hint={t("agencyProfile.practitioners.optional")}
              defaultValue={practitionerResult?.values.certificateNo} errors={practitionerResult?.fieldErrors.certificateNo} />
          </div>
          <button type="submit" className="btn-primary">{t("agencyProfile.practitioners.add")}</button>
        </Form>
      </section>

      <section className="card" aria-labelledby="credentials-title">
        <h2 id="credentials-title" className="h2">{t("agencyProfile.credentials.heading")}</h2>
        {profile.credentials.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("agencyProfile.credentials.empty")}</p>
        ) : (
          <ul className="mt-3 space-y-3" aria-label={t("agencyProfile.credentials.heading")}>
            {profile.credentials.map((c) => (
              <li key={c.id} className="rounded-md border border-slate-200 p-4" data-testid="credential">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <p className="font-medium">{c.type} · {c.level}</p>
                    <p className="text-sm text-slate-600">
                      {t("agencyProfile.credentials.number")}：<span className="font-mono">{c.number}</span> · {t("agencyProfile.credentials.issuer")}：{c.issuer}
                    </p>
                  </div>
                  <div className="flex flex-wrap gap-2">
                    <span className={`rounded-full border px-2 py-0.5 text-xs font-medium ${VERIFICATION_STYLE[c.verification]}`} data-testid="verification">
                      {t(`agencyProfile.credentials.verification.${c.verification}`)}
                    </span>
                    {c.expired ? (
                      <span className="rounded-full border border-red-300 bg-red-50 px-2 py-0.5 text-xs font-medium text-red-800" data-testid="validity">
                        {t("agencyProfile.credentials.expired")}
                      </span>
                    ) : (
                      <span className="rounded-full border border-green-300 bg-green-50 px-2 py-0.5 text-xs font-medium text-green-900" data-testid="validity">
                        {t("agencyProfile.credentials.validFor", { date: c.validUntilDate })}
                      </span>
                    )}
                  </div>
                </div>
                {c.expired ? <p className="mt-1 text-xs text-red-800">{t("agencyProfile.credentials.expiredOn", { date: c.validUntilDate })}</p> : null}
                {c.verification === "REJECTED" ? (
                  <div className="mt-1 text-sm text-red-800">
                    <p className="whitespace-pre-line break-words" data-testid="reject-reason">{t("agencyProfile.credentials.rejectedReason", { reason: c.rejectReason ?? "" })}</p>
                    <p>{t("agencyProfile.credentials.rejectedHint")}</p>
                  </div>
                ) : c.verification === "PENDING" && !c.expired ? (
                  <p className="mt-1 text-sm text-amber-900">
                    {profile.status === "LISTED" || profile.status === "SUSPENDED" ? t("agencyProfile.credentials.pendingListed") : t("agencyProfile.credentials.pendingReview")}
                  </p>
                ) : null}
                <p className="mt-2 text-sm">
                  <span className="text-slate-500">{t("agencyProfile.credentials.items")}：</span>
                  {c.items.map((i) => `${itemName(i)}${i.status === "RETIRED" ? `（${t("agencyProfile.credentials.retired")}）` : ""}`).join("、")}
                </p>
                <div className="mt-2 flex flex-wrap items-center justify-between gap-3 text-sm">
                  {c.document ? (
                    <a className="link" href={`/documents/${c.document.id}`} target="_blank" rel="noopener noreferrer">
                      {t("agencyProfile.credentials.viewDocument", { name: c.document.originalName })}
                    </a>
                  ) : (
                    <span className="text-slate-500">{t("agencyProfile.credentials.noDocument")}</span>
                  )}
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove-credential" />
                    <input type="hidden" name="id" value={c.id} />
                    <button type="submit" className="btn-secondary" aria-label={t("agencyProfile.credentials.removeLabel", { type: c.type, number: c.number })}>
                      {t("agencyProfile.credentials.remove")}
                    </button>
                  </Form>
                </div>
              </li>
            ))}
          </ul>
        )}

        <h3 className="mt-6 font-medium">{t("agencyProfile.credentials.newHeading")}</h3>
        <p className="hint mt-1">{t("agencyProfile.credentials.addHint")}</p>
        <Form method="post" encType="multipart/form-data" className="mt-3 space-y-4" noValidate key={`credential-${location.key}`}>
          <input type="hidden" name="intent" value="add-credential" />
          <FormError message={credentialResult?.formError} params={credentialResult?.params} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label={t("agencyProfile.credentials.type")} name="type" required hint={t("agencyProfile.credentials.typeHint")}
              defaultValue={credentialResult?.values.type} errors={credentialResult?.fieldErrors.type} />
            <TextField label={t("agencyProfile.credentials.level")} name="level" required hint={t("agencyProfile.credentials.levelHint")}
              defaultValue={credentialResult?.values.level} errors={credentialResult?.fieldErrors.level} />
            <TextField label={t("agencyProfile.credentials.number")} name="number" required
              defaultValue={credentialResult?.values.number} errors={credentialResult?.fieldErrors.number} />
            <TextField label={t("agencyProfile.credentials.issuer")} name="issuer" required
              defaultValue={credentialResult?.values.issuer} errors={credentialResult?.fieldErrors.issuer} />
            <TextField label={t("agencyProfile.credentials.validUntil")} name="validUntil" type="date" required
              defaultValue={credentialResult?.values.validUntil} errors={credentialResult?.fieldErrors.validUntil} />
          </div>
          {items.length === 0 ? (
            <p className="text-sm text-slate-600">{t("agencyProfile.credentials.noItems")}</p>
          ) : (
            <CheckboxGroup legend={t("agencyProfile.credentials.items")} name="itemIds" required hint={t("agencyProfile.credentials.itemsHint")}
              options={items.map((i) => ({ value: i.id, label: `${i.code} ${itemName(i)}` }))}
              defaultValues={credentialResult?.itemIds} errors={credentialResult?.fieldErrors.itemIds} />
          )}
          <FileField label={t("agencyProfile.credentials.document")} name="document" accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
            hint={t("agencyProfile.credentials.documentHint", { mb: maxMb })} errors={credentialResult?.fieldErrors.document} params={credentialResult?.params} />
          <button type="submit" className="btn-primary">{t("agencyProfile.credentials.add")}</button>
        </Form>
      </section>
    </div>
  );
}
