import { useId } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { data, Form, useNavigation } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/cases.new";
import { pageTitle } from "~/lib/meta";
import { FormError, TextArea, TextField, translateError } from "~/components/field";
import { FieldErrors } from "~/lib/errors";
import { isActionFailure } from "~/lib/forms";
import { defineAction, parseInput, signedIn } from "~/lib/route.server";
import { CASE_LIMITS, complaintSchema } from "~/schemas/case";
import { chosenFile, MAX_FORM_OVERHEAD_BYTES, MAX_UPLOAD_BYTES } from "~/services/documents/documents.server";
import { complaintTarget, fileComplaint } from "~/services/supervision/cases.server";

/**
 * GET/POST /cases/new?agency=<agencyId> — anyone logged in files a complaint
 * against an agency (not their own), with up to five evidence files.
 */
const MAX_MB = MAX_UPLOAD_BYTES / 1024 / 1024;

function agencyParam(request: Request): string {
  return new URL(request.url).searchParams.get("agency")?.trim() ?? "";
}

export async function loader({ request }: Route.LoaderArgs) {
  const { user, db } = await signedIn(request);
  const target = await complaintTarget(db, user, agencyParam(request));
  if ("error" in target) {
    if (target.error === "notFound") throw new Response("Not Found", { status: 404, statusText: "Not Found" });
    return data({ agency: null, ownAgency: true, maxMb: MAX_MB }, { status: 403 });
  }
  return { agency: target.agency, ownAgency: false, maxMb: MAX_MB };
}

export const action = defineAction({
  body: "upload",
  // Five files of at most 5 MiB each, plus the text fields.
  maxBytes: CASE_LIMITS.files * MAX_UPLOAD_BYTES + MAX_FORM_OVERHEAD_BYTES,
  commands: {
    default: {
      permission: "case:complain",
      run: async (_input, { db, user, request, form, values }) => {
        const agencyId = values.agencyId || agencyParam(request);
        const files = form
          .getAll("evidence")
          .map((v) => chosenFile(v))
          .filter((f): f is File => f !== null);
        let input;
        try {
          input = parseInput(complaintSchema, values);
        } catch (error) {
          // Too many files is said beside the text fields' errors, not after they are fixed.
          if (error instanceof FieldErrors && files.length > CASE_LIMITS.files) error.fields.evidence = ["cases.errors.tooManyFiles"];
          throw error;
        }
        const filed = await fileComplaint(db, user, { agencyId, subject: input.subject, description: input.description, files });
        return `/cases/${filed.id}?done=filed`;
      },
    },
  },
});

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.newCase" });
}

export default function NewComplaint({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const fileId = useId();
  const result = isActionFailure(actionData) ? actionData : undefined;
  const errors = result?.fieldErrors ?? {};
  const values = result?.values ?? {};
  if (!d.agency) {
    return (
      <section className="card mx-auto max-w-xl space-y-3" aria-labelledby="complaint-title">
        <h1 id="complaint-title" className="h1">
          {t("cases.new.title")}
        </h1>
        <p role="alert" className="text-red-800">
          {t("cases.new.ownAgency")}
        </p>
        <Link className="link" to="/cases">
          {t("cases.detail.back")}
        </Link>
      </section>
    );
  }
  // A body refused as a whole (over the cap) is refused as an upload ("document"): here that is the evidence.
  const evidenceErrors = errors.evidence ?? errors.document;
  return (
    <section className="card mx-auto max-w-3xl space-y-4" aria-labelledby="complaint-title">
      <h1 id="complaint-title" className="h1">
        {t("cases.new.title")}
      </h1>
      <p className="text-sm text-slate-600">{t("cases.new.intro")}</p>
      <p className="text-sm text-slate-600">{t("cases.new.privacy")}</p>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="text-slate-600">{t("cases.new.agency")}</dt>
        <dd>
          <Link className="link" to={`/agencies/${d.agency.id}`}>
            {d.agency.name}
          </Link>
          {d.agency.creditCode ? <span className="ml-2 font-mono text-xs text-slate-500">{d.agency.creditCode}</span> : null}
          <span className="ml-2 text-slate-500">{t(`agencyStatus.${d.agency.status}`)}</span>
        </dd>
      </dl>
      <Form method="post" encType="multipart/form-data" className="space-y-4" noValidate>
        <FormError message={result?.formError} params={result?.params} />
        <input type="hidden" name="agencyId" value={d.agency.id} />
        <TextField
          label={t("cases.new.subject")}
          name="subject"
          required
          defaultValue={values.subject}
          errors={errors.subject}
          hint={t("cases.new.subjectHint", { max: CASE_LIMITS.subject })}
        />
        <TextArea
          label={t("cases.new.description")}
          name="description"
          required
          rows={8}
          maxLength={CASE_LIMITS.description}
          defaultValue={values.description}
          errors={errors.description}
          hint={t("cases.new.descriptionHint", { max: CASE_LIMITS.description })}
        />
        <div>
          <label htmlFor={fileId} className="label">
            {t("cases.new.evidence")}
          </label>
          <input
            id={fileId}
            name="evidence"
            type="file"
            multiple
            accept="application/pdf,image/jpeg,image/png"
            aria-invalid={evidenceErrors?.length ? true : undefined}
            aria-describedby={`${fileId}-hint${evidenceErrors?.length ? ` ${fileId}-error` : ""}`}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
          />
          <p id={`${fileId}-hint`} className="hint">
            {t("cases.new.evidenceHint", { count: CASE_LIMITS.files, mb: d.maxMb })}
          </p>
          {evidenceErrors?.length ? (
            <p id={`${fileId}-error`} className="field-error" role="alert">
              {[...new Set(evidenceErrors)].map((e) => translateError(t, e, { mb: d.maxMb, ...(result?.params ?? {}) })).join("；")}
            </p>
          ) : null}
        </div>
        <button type="submit" className="btn-primary" disabled={navigation.state !== "idle"}>
          {t("cases.new.submit")}
        </button>
      </Form>
    </section>
  );
}
