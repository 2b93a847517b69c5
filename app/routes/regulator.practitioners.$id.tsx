import { useTranslation } from "~/i18n/use-translation";
import { Form, useNavigation } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/regulator.practitioners.$id";
import { FormError, SelectField, TextArea, TextField } from "~/components/field";
import { PractitionerSanctionItem, RevokeForm } from "~/components/practitioner-sanctions";
import { isActionFailure } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { commandsFor, defineAction, guard } from "~/lib/route.server";
import {
  PRACTITIONER_LIMITS,
  PRACTITIONER_SANCTION_KINDS,
  practitionerSanctionSchema,
  revokePractitionerSanctionSchema,
} from "~/schemas/practitioner";
import { dbNow } from "~/services/clock.server";
import { practitionerForRegulator } from "~/services/practitioners/queries.server";
import { revokePractitionerSanction, sanctionPractitioner } from "~/services/practitioners/sanction.server";

/**
 * GET/POST /regulator/practitioners/:id — one practitioner for the regulator: the person's
 * sanctions in any agency, the form to impose one, a revoke form on each in force.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { db } = await guard(request, "practitioner:sanction");
  const practitioner = await practitionerForRegulator(db, params.id, await dbNow(db));
  if (!practitioner) throw new Response("Not Found", { status: 404 });
  const done = new URL(request.url).searchParams.get("done");
  const shown: "sanctioned" | "revoked" | null = done === "sanctioned" ? "sanctioned" : done === "revoked" ? "revoked" : null;
  return { practitioner, done: shown };
}

const command = commandsFor<Route.ActionArgs["params"]>();

export const action = defineAction<Route.ActionArgs["params"]>({
  commands: {
    sanction: command({
      permission: "practitioner:sanction",
      schema: practitionerSanctionSchema,
      run: async (input, { db, user, params }) => {
        await sanctionPractitioner(db, user, params.id, input);
        return `/regulator/practitioners/${params.id}?done=sanctioned`;
      },
    }),
    revoke: command({
      permission: "practitioner:sanction",
      schema: revokePractitionerSanctionSchema,
      run: async (input, { db, user, params }) => {
        await revokePractitionerSanction(db, user, input.sanctionId, input.revokeReason, { practitionerId: params.id });
        return `/regulator/practitioners/${params.id}?done=revoked`;
      },
    }),
  },
});

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, data?.practitioner.name, { key: "practitioners.title" });
}

export default function RegulatorPractitioner({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const failed = isActionFailure(actionData) ? actionData : undefined;
  const sanctionFailed = failed && failed.intent !== "revoke" ? failed : undefined;
  const err = (name: string) => sanctionFailed?.fieldErrors[name];
  const p = d.practitioner;
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link className="link" to="/regulator/practitioners">
          {t("practitioners.back")}
        </Link>
      </p>
      {d.done ? (
        <p className="card border-green-200 bg-green-50 text-sm text-green-900" role="status" data-testid="done">
          {t(`practitioners.done.${d.done}`)}
        </p>
      ) : null}
      <section className="card" aria-labelledby="practitioner-title">
        <h1 id="practitioner-title" className="h1">
          {p.name}
        </h1>
        <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-[9rem_1fr]">
          <dt className="text-slate-500">{t("practitioners.columns.idMasked")}</dt>
          <dd className="font-mono">{p.idMasked ?? "—"}</dd>
          <dt className="text-slate-500">{t("practitioners.columns.qualification")}</dt>
          <dd>{p.qualification}</dd>
          <dt className="text-slate-500">{t("practitioners.columns.certificateNo")}</dt>
          <dd className="font-mono">{p.certificateNo ?? "—"}</dd>
          <dt className="text-slate-500">{t("practitioners.detail.agency")}</dt>
          <dd>
            <Link className="link" to={`/agencies/${p.agency.id}`}>
              {p.agency.name}
            </Link>
          </dd>
        </dl>
      </section>

      <section aria-labelledby="sanctions-title" className="space-y-3">
        <h2 id="sanctions-title" className="h2">
          {t("practitioners.detail.sanctions")}
        </h2>
        {p.sanctions.length === 0 ? (
          <p className="card text-sm text-slate-600">{t("practitioners.detail.sanctionsEmpty")}</p>
        ) : (
          <ul className="space-y-3">
            {p.sanctions.map((s) => (
              <PractitionerSanctionItem key={s.id} s={s}>
                {s.state !== "revoked" ? <RevokeForm sanctionId={s.id} failed={failed} /> : null}
              </PractitionerSanctionItem>
            ))}
          </ul>
        )}
      </section>

      <section className="card space-y-3" aria-labelledby="sanction-form-title">
        <h2 id="sanction-form-title" className="h2">
          {t("practitioners.form.heading")}
        </h2>
        {!p.hasIdentity ? (
          <p className="text-sm text-amber-900">{t("practitioners.detail.noIdentity")}</p>
        ) : (
          <Form method="post" className="grid max-w-xl gap-3" noValidate>
            <input type="hidden" name="intent" value="sanction" />
            {sanctionFailed?.formError ? <FormError message={sanctionFailed.formError} params={sanctionFailed.params} /> : null}
            <SelectField
              label={t("practitioners.form.kind")}
              name="kind"
              required
              placeholder="—"
              defaultValue={sanctionFailed?.values.kind ?? ""}
              options={PRACTITIONER_SANCTION_KINDS.map((k) => ({ value: k, label: t(`practitioners.form.kinds.${k}`) }))}
              errors={err("kind")}
            />
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField
                label={t("practitioners.form.days")}
                name="days"
                inputMode="numeric"
                hint={t("practitioners.form.daysHint")}
                defaultValue={sanctionFailed?.values.days ?? ""}
                errors={err("days")}
              />
              <TextField
                label={t("practitioners.form.years")}
                name="years"
                inputMode="numeric"
                hint={t("practitioners.form.yearsHint")}
                defaultValue={sanctionFailed?.values.years ?? ""}
                errors={err("years")}
              />
            </div>
            <TextArea
              label={t("practitioners.form.reason")}
              name="reason"
              required
              rows={3}
              maxLength={PRACTITIONER_LIMITS.reason}
              defaultValue={sanctionFailed?.values.reason ?? ""}
              errors={err("reason")}
            />
            <TextArea
              label={t("practitioners.form.legalBasis")}
              name="legalBasis"
              required
              rows={2}
              maxLength={PRACTITIONER_LIMITS.legalBasis}
              defaultValue={sanctionFailed?.values.legalBasis ?? ""}
              errors={err("legalBasis")}
            />
            <TextArea
              label={t("practitioners.form.evidence")}
              name="evidence"
              required
              rows={3}
              maxLength={PRACTITIONER_LIMITS.evidence}
              defaultValue={sanctionFailed?.values.evidence ?? ""}
              errors={err("evidence")}
            />
            <div>
              <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
                {t("practitioners.form.submit")}
              </button>
            </div>
          </Form>
        )}
      </section>
    </div>
  );
}
