import { useTranslation } from "~/i18n/use-translation";
import { Form, useNavigation } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/regulator.inspections.$id";
import { FileField, FormError, SelectField, TextArea } from "~/components/field";
import { Outcome, PlanPublic } from "~/components/inspections";
import { formatDateTime } from "~/lib/format";
import { isActionFailure, type ActionFailure } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { commandsFor, defineAction, guard } from "~/lib/route.server";
import { INSPECTION_LIMITS, INSPECTION_OUTCOMES, openCaseSchema, planVersionSchema, recordResultSchema } from "~/schemas/inspection";
import { chosenFile } from "~/services/documents/documents.server";
import { drawPlan, openCaseFromInspection, publishResults, recordResult } from "~/services/inspections/plans.server";
import { planDetail, planDrawRecord, type PlanDetail } from "~/services/inspections/queries.server";

/**
 * GET /regulator/inspections/:id — a plan as its regulators work it: draw,
 * record each result (the drawn inspectors), publish the results, open a case
 * from a failing one. The public facts are the same component as /inspections/:id.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, db } = await guard(request, "inspection:manage");
  const plan = await planDetail(db, params.id, user);
  if (!plan) throw new Response("Not Found", { status: 404 });
  const record = plan.seed ? await planDrawRecord(db, params.id) : null;
  const search = new URL(request.url).searchParams;
  const done = search.get("done") ?? (search.get("created") ? "created" : null);
  return { plan, verified: record?.verified ?? null, done, limits: INSPECTION_LIMITS };
}

const command = commandsFor<Route.ActionArgs["params"]>();

export const action = defineAction<Route.ActionArgs["params"]>({
  body: "upload",
  commands: {
    draw: command({
      permission: "inspection:manage",
      schema: planVersionSchema,
      run: async (input, { db, user, params }) => {
        await drawPlan(db, user, params.id, input.version);
        return `/regulator/inspections/${params.id}?done=drawn`;
      },
    }),
    record: command({
      permission: "inspection:manage",
      schema: recordResultSchema,
      run: async (input, { db, user, params, form }) => {
        await recordResult(db, user, { ...input, planId: params.id, file: chosenFile(form.get("evidence")) });
        return `/regulator/inspections/${params.id}?done=recorded#inspection-${input.inspectionId}`;
      },
    }),
    publish: command({
      permission: "inspection:manage",
      schema: planVersionSchema,
      run: async (input, { db, user, params }) => {
        await publishResults(db, user, params.id, input.version);
        return `/regulator/inspections/${params.id}?done=published`;
      },
    }),
    "open-case": command({
      permission: "inspection:manage",
      schema: openCaseSchema,
      run: async (input, { db, user, params }) => {
        const c = await openCaseFromInspection(db, user, params.id, input.inspectionId);
        return `/cases/${c.id}`;
      },
    }),
  },
});

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, data?.plan.name, { key: "titles.regulatorInspections" });
}

const DONE: Record<string, string> = {
  created: "inspections.regulator.created",
  drawn: "inspections.regulator.drawn",
  recorded: "inspections.regulator.recorded",
  published: "inspections.regulator.published",
};

function RecordForm({ i, failed }: { i: PlanDetail["inspections"][number]; failed?: ActionFailure }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const mine = failed && failed.intent === "record" && failed.values.inspectionId === i.id ? failed : undefined;
  const err = (name: string) => mine?.fieldErrors[name];
  return (
    <Form method="post" encType="multipart/form-data" className="grid max-w-xl gap-3" noValidate>
      <input type="hidden" name="intent" value="record" />
      <input type="hidden" name="inspectionId" value={i.id} />
      {mine?.formError ? <FormError message={mine.formError} params={mine.params} /> : null}
      <SelectField
        label={t("inspections.regulator.outcomeLabel")}
        name="outcome"
        required
        placeholder="—"
        defaultValue={mine?.values.outcome ?? i.outcome ?? ""}
        options={INSPECTION_OUTCOMES.map((o) => ({ value: o, label: t(`inspections.outcome.${o}`) }))}
        errors={err("outcome")}
      />
      <TextArea
        label={t("inspections.regulator.findingsLabel")}
        name="findings"
        required
        rows={4}
        maxLength={INSPECTION_LIMITS.findings}
        defaultValue={mine?.values.findings ?? i.findings ?? ""}
        errors={err("findings")}
      />
      <FileField
        label={t("inspections.regulator.evidenceLabel")}
        name="evidence"
        accept=".pdf,.jpg,.jpeg,.png"
        errors={err("evidence")}
        params={mine?.params}
      />
      <div>
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          {t("inspections.regulator.recordSubmit")}
        </button>
      </div>
    </Form>
  );
}

export default function RegulatorInspectionPlan({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const navigation = useNavigation();
  const failed = isActionFailure(actionData) ? actionData : undefined;
  const p = d.plan;
  const planFailure =
    failed && (failed.intent === "draw" || failed.intent === "publish" || failed.intent === "open-case" || !failed.intent)
      ? failed
      : undefined;
  const recordFailureElsewhere = failed?.intent === "record" && !p.inspections.some((i) => i.id === failed.values.inspectionId);
  return (
    <div className="space-y-4">
      {d.done && DONE[d.done] ? (
        <p className="card border-green-200 bg-green-50 text-sm text-green-900" role="status" data-testid="done">
          {t(DONE[d.done] as never) as string}
        </p>
      ) : null}
      {planFailure?.formError || recordFailureElsewhere ? (
        <div className="card">
          <FormError message={failed?.formError ?? "inspections.errors.notFound"} params={failed?.params} />
        </div>
      ) : null}
      <p className="text-sm">
        <Link className="link" to="/regulator/inspections">
          {t("inspections.regulator.title")}
        </Link>{" "}
        ·{" "}
        <Link className="link" to={`/inspections/${p.id}`}>
          {t("inspections.plan.publicPage")}
        </Link>
      </p>

      {p.status === "COMMITTED" ? (
        <section className="card space-y-2" aria-labelledby="draw-now-title">
          <h2 id="draw-now-title" className="h2">
            {t("inspections.regulator.drawTitle")}
          </h2>
          <p className="text-sm text-slate-700">{t("inspections.regulator.drawHint")}</p>
          <Form method="post" encType="multipart/form-data">
            <input type="hidden" name="intent" value="draw" />
            <input type="hidden" name="version" value={p.version ?? 0} />
            <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
              {t("inspections.regulator.draw")}
            </button>
          </Form>
        </section>
      ) : null}

      {p.inspections.length > 0 ? (
        <section className="card space-y-4" aria-labelledby="record-title">
          <h2 id="record-title" className="h2">
            {t("inspections.regulator.recordTitle")}
          </h2>
          <ol className="space-y-4">
            {p.inspections.map((i) => (
              <li
                key={i.id}
                id={`inspection-${i.id}`}
                className="space-y-2 rounded-md border border-slate-200 p-3"
                data-testid="inspection"
              >
                <h3 className="font-medium">
                  {i.position}. {i.agencyName}（{i.grade}）· {t(`inspections.inspectionStatus.${i.status}`)} <Outcome outcome={i.outcome} />
                </h3>
                <p className="text-sm text-slate-600">
                  {t("inspections.plan.inspectors")}：{i.inspectors.map((x) => x.name).join("、")}
                  {i.recordedAt ? ` · ${t("inspections.regulator.recordedAt", { at: formatDateTime(i.recordedAt, lang) })}` : ""}
                </p>
                {i.findings ? <p className="whitespace-pre-line break-words text-sm">{i.findings}</p> : null}
                {i.evidenceDocId ? (
                  <p className="text-sm">
                    <a className="link" href={`/documents/${i.evidenceDocId}`}>
                      {t("inspections.regulator.downloadEvidence")}
                    </a>
                  </p>
                ) : null}
                {i.status !== "PUBLISHED" ? (
                  i.mine ? (
                    <RecordForm i={i} failed={failed} />
                  ) : (
                    <p className="hint">{t("inspections.regulator.notMine")}</p>
                  )
                ) : null}
                {i.status === "PUBLISHED" && i.outcome === "FAIL" ? (
                  i.caseId ? (
                    <p className="text-sm">
                      <Link className="link" to={`/cases/${i.caseId}`}>
                        {t("inspections.regulator.caseLink", { code: i.caseCode ?? "" })}
                      </Link>
                    </p>
                  ) : (
                    <Form method="post" encType="multipart/form-data" className="space-y-1">
                      <p className="hint">{t("inspections.regulator.openCaseHint")}</p>
                      <input type="hidden" name="intent" value="open-case" />
                      <input type="hidden" name="inspectionId" value={i.id} />
                      <button type="submit" className="btn-secondary" disabled={navigation.state === "submitting"}>
                        {t("inspections.regulator.openCase")}
                      </button>
                    </Form>
                  )
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {p.status === "DRAWN" ? (
        <section className="card space-y-2" aria-labelledby="publish-title">
          <h2 id="publish-title" className="h2">
            {t("inspections.regulator.publishTitle")}
          </h2>
          <p className="text-sm text-slate-700">{t("inspections.regulator.publishHint")}</p>
          <Form method="post" encType="multipart/form-data">
            <input type="hidden" name="intent" value="publish" />
            <input type="hidden" name="version" value={p.version ?? 0} />
            <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
              {t("inspections.regulator.publish")}
            </button>
          </Form>
        </section>
      ) : null}

      <PlanPublic plan={p} verified={d.verified} />
    </div>
  );
}
