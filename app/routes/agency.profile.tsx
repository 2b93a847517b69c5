import { useTranslation } from "~/i18n/use-translation";
import type { z } from "zod";
import type { Route } from "./+types/agency.profile";
import { pageTitle } from "~/lib/meta";
import { ContactForm } from "~/components/agency-profile/contact-form";
import { Credentials } from "~/components/agency-profile/credentials";
import { Practitioners } from "~/components/agency-profile/practitioners";
import { StatusAndBasics } from "~/components/agency-profile/status";
import { FormError } from "~/components/field";
import { DomainError, FieldErrors, isDomainError } from "~/lib/errors";
import { isActionFailure, issueFieldErrors } from "~/lib/forms";
import { defineAction, guard, type CommandContext } from "~/lib/route.server";
import { credentialFormInput, credentialSchema, practitionerSchema, profileSchema, removeSchema } from "~/schemas/agency";
import {
  addCredential,
  addPractitioner,
  getAgencyProfile,
  listInForceItems,
  removeCredential,
  removePractitioner,
  updateProfile,
} from "~/services/agencies/profile.server";
import { chosenFile, inspectUpload, MAX_UPLOAD_BYTES } from "~/services/documents/documents.server";

/** GET/POST /agency/profile — the agency's own profile: contact details, practitioners, credentials. */
const DONE = {
  "update-profile": "updateProfile",
  "add-practitioner": "addPractitioner",
  "remove-practitioner": "removePractitioner",
  "add-credential": "addCredential",
  "remove-credential": "removeCredential",
} as const;
type Intent = keyof typeof DONE;
type Done = (typeof DONE)[Intent];

const MAX_MB = MAX_UPLOAD_BYTES / 1024 / 1024;

export async function loader({ request }: Route.LoaderArgs) {
  const { user, db } = await guard(request, "agency:self");
  const profile = user.organizationId ? await getAgencyProfile(db, user.organizationId) : null;
  if (!profile) throw new Response("Not Found", { status: 404, statusText: "Not Found" });
  const items = await listInForceItems(db);
  const doneParam = new URL(request.url).searchParams.get("done");
  const done = (Object.values(DONE) as string[]).includes(doneParam ?? "") ? (doneParam as Done) : null;
  return { profile, items, done, maxMb: MAX_MB };
}

/** The acting agency: always the user's own organization, never taken from the form. */
function actorOf({ user }: CommandContext<unknown>) {
  if (!user.organizationId) throw new DomainError("FORBIDDEN", 403, "errors.forbiddenBody");
  return { userId: user.id, orgId: user.organizationId };
}

/** Zod issues → messages keyed by the top-level field (itemIds.3 → itemIds), as the form shows them. */
function fieldErrorsOf<S extends z.ZodType>(
  schema: S,
  raw: unknown,
): { ok: true; data: z.infer<S> } | { ok: false; fields: Record<string, string[]> } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, fields: issueFieldErrors(parsed.error.issues, (path) => String(path[0])) };
}

function parseFields<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = fieldErrorsOf(schema, raw);
  if (!parsed.ok) throw new FieldErrors(parsed.fields, 400);
  return parsed.data;
}

/** A removal names a row by id; a malformed id is no row of this agency. */
function rowId(values: Record<string, string>): string {
  const parsed = removeSchema.safeParse(values);
  if (!parsed.success) throw new DomainError("NOT_FOUND", 400, "agencyProfile.errors.notFound");
  return parsed.data.id;
}

const done = (intent: Intent) => `/agency/profile?done=${DONE[intent]}`;

/**
 * One command per form. The body may carry a file (the credential form), so it
 * is read as an upload: an oversized body is a 413 on the document field.
 */
export const action = defineAction({
  body: "upload",
  commands: {
    "update-profile": {
      permission: "agency:self",
      run: async (_input, ctx) => {
        await updateProfile(ctx.db, actorOf(ctx), parseFields(profileSchema, ctx.values));
        return done("update-profile");
      },
    },
    "add-practitioner": {
      permission: "agency:self",
      run: async (_input, ctx) => {
        await addPractitioner(ctx.db, actorOf(ctx), parseFields(practitionerSchema, ctx.values));
        return done("add-practitioner");
      },
    },
    "add-credential": {
      permission: "agency:self",
      run: async (_input, ctx) => {
        const actor = actorOf(ctx);
        const raw = credentialFormInput(ctx.form);
        const parsed = fieldErrorsOf(credentialSchema, raw);
        const file = chosenFile(ctx.form.get("document"));
        // The file is checked with the fields, so every error shows at once (the file's status wins).
        const fields = parsed.ok ? {} : { ...parsed.fields };
        let status = 400;
        if (file) {
          try {
            await inspectUpload(file);
          } catch (error) {
            if (!isDomainError(error)) throw error;
            fields.document = [error.message];
            status = error.status;
          }
        }
        if (!parsed.ok || Object.keys(fields).length > 0) throw new FieldErrors(fields, status);
        await addCredential(ctx.db, actor, parsed.data, file);
        return done("add-credential");
      },
    },
    "remove-practitioner": {
      permission: "agency:self",
      run: async (_input, ctx) => {
        await removePractitioner(ctx.db, actorOf(ctx), rowId(ctx.values));
        return done("remove-practitioner");
      },
    },
    "remove-credential": {
      permission: "agency:self",
      run: async (_input, ctx) => {
        await removeCredential(ctx.db, actorOf(ctx), rowId(ctx.values));
        return done("remove-credential");
      },
    },
  },
});

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.profile" });
}

export default function AgencyProfile({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { profile, items, done: doneKey, maxMb } = loaderData;
  const failed = isActionFailure(actionData) ? actionData : undefined;
  // A body refused before it was read (too large) has no intent: only the credential form carries a file.
  const intent = failed && failed.intent === null && failed.fieldErrors.document ? "add-credential" : failed?.intent;
  const forIntent = (name: Intent) => (intent === name ? failed : undefined);
  const elsewhere = failed && !["update-profile", "add-practitioner", "add-credential"].includes(intent ?? "") ? failed : undefined;
  return (
    <div className="space-y-6">
      <section className="card" aria-labelledby="profile-title">
        <h1 id="profile-title" className="h1">
          {t("agencyProfile.title")}
        </h1>
        <p className="mt-2 text-sm text-slate-600">{t("agencyProfile.intro")}</p>
        {/* The last success stays in the URL (?done=…); once a later submission failed it would contradict the error. */}
        {doneKey && !failed ? (
          <p role="status" className="mt-4 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
            {t(`agencyProfile.done.${doneKey}`)}
          </p>
        ) : null}
        {elsewhere ? (
          <div className="mt-4">
            <FormError message={elsewhere.formError} params={elsewhere.params} />
          </div>
        ) : null}
      </section>
      <StatusAndBasics profile={profile} />
      <ContactForm profile={profile} failed={forIntent("update-profile")} />
      <Practitioners profile={profile} failed={forIntent("add-practitioner")} />
      <Credentials profile={profile} items={items} maxMb={maxMb} failed={forIntent("add-credential")} />
    </div>
  );
}
