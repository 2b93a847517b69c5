import { useTranslation } from "~/i18n/use-translation";
import { Form, useNavigation } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/zones.$id";
import { FileField, FormError, SelectField, TextArea, TextField } from "~/components/field";
import { formatDate } from "~/lib/format";
import { isActionFailure } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { can } from "~/lib/permissions";
import { commandsFor, defineAction, visitor } from "~/lib/route.server";
import { ZONE_LIMITS, zoneResultSchema } from "~/schemas/zone";
import { chosenFile } from "~/services/documents/documents.server";
import { recordZoneResult } from "~/services/zones/register.server";
import { zoneDetail, zoneItemChoices } from "~/services/zones/queries.server";

/**
 * GET /zones/:id — one zone and its assessment results item by item, public, with
 * validity as Beijing dates; the regulator and the catalogue admin record a new result
 * here (POST, multipart: the report is optional, decision 036).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, db } = await visitor(request);
  const zone = await zoneDetail(db, params.id);
  if (!zone) throw new Response("Not Found", { status: 404, statusText: "Not Found" });
  const canManage = can(user, "zone:manage");
  const search = new URL(request.url).searchParams;
  const done = search.get("recorded") ? ("recorded" as const) : search.get("created") ? ("created" as const) : null;
  return { zone, canManage, done, items: canManage ? await zoneItemChoices(db) : [] };
}

const command = commandsFor<Route.ActionArgs["params"]>();

export const action = defineAction<Route.ActionArgs["params"]>({
  body: "upload",
  commands: {
    default: command({
      permission: "zone:manage",
      schema: zoneResultSchema,
      run: async (input, { db, user, params, form }) => {
        await recordZoneResult(db, user, params.id, { ...input, file: chosenFile(form.get("document")) });
        return `/zones/${params.id}?recorded=1`;
      },
    }),
  },
});

export function meta({ matches, data }: Route.MetaArgs) {
  return pageTitle(matches, data?.zone.name, { key: "titles.zones" });
}

export default function ZonePage({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const navigation = useNavigation();
  const failed = isActionFailure(actionData) ? actionData : undefined;
  const errors = failed?.fieldErrors ?? {};
  const z = d.zone;
  return (
    <div className="space-y-4">
      <section className="card space-y-2" aria-labelledby="zone-title">
        <p className="text-sm">
          <Link className="link" to="/zones">
            {t("zones.back")}
          </Link>
        </p>
        <h1 id="zone-title" className="h1">
          {z.name}
        </h1>
        {d.done ? (
          <p role="status" className="text-sm text-green-800">
            {t(`zones.done.${d.done}`)}
          </p>
        ) : null}
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">{t("zones.columns.code")}</dt>
          <dd className="tabular-nums">{z.code}</dd>
          <dt className="text-slate-600">{t("zones.columns.boundary")}</dt>
          <dd className="whitespace-pre-line">{z.boundary}</dd>
        </dl>
      </section>
      <section className="card overflow-x-auto" aria-labelledby="results-title">
        <h2 id="results-title" className="h2">
          {t("zones.resultsTitle")}
        </h2>
        <p className="hint">{t("zones.validityNote")}</p>
        {z.results.length === 0 ? (
          <p className="mt-2 text-slate-600">{t("zones.noResults")}</p>
        ) : (
          <table className="stack-table mt-2 w-full text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                <th scope="col" className="py-1 pr-3">
                  {t("zones.columns.item")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("zones.columns.issuer")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("zones.columns.validity")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("zones.columns.conditions")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("zones.columns.document")}
                </th>
              </tr>
            </thead>
            <tbody>
              {z.results.map((r) => (
                <tr
                  key={r.id}
                  id={`result-${r.id}`}
                  className="border-t border-slate-100"
                  data-item={r.item.code}
                  data-valid={r.valid ? "1" : "0"}
                >
                  <td data-label={t("zones.columns.item")} data-stack="title" className="py-1 pr-3">
                    {r.item.code} {lang === "en" ? r.item.nameEn : r.item.name}
                  </td>
                  <td data-label={t("zones.columns.issuer")} className="py-1 pr-3">
                    {r.issuer}
                  </td>
                  <td data-label={t("zones.columns.validity")} className="py-1 pr-3 tabular-nums">
                    {t("zones.validity", { from: formatDate(r.issuedOn), to: formatDate(r.validUntil) })}{" "}
                    <span className={r.valid ? "text-green-800" : "text-slate-600"}>
                      {r.valid ? t("zones.valid") : t("zones.notValid")}
                    </span>
                  </td>
                  <td data-label={t("zones.columns.conditions")} className="py-1 pr-3 whitespace-pre-line">
                    {r.conditions || "—"}
                  </td>
                  <td data-label={t("zones.columns.document")} className="py-1 pr-3">
                    {r.document ? (
                      <a className="link" href={`/zones/${z.id}/results/${r.id}/file`} download>
                        {t("zones.download", { name: r.document.originalName })}
                      </a>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {d.canManage ? (
        <section className="card" aria-labelledby="new-result-title">
          <h2 id="new-result-title" className="h2">
            {t("zones.newResultTitle")}
          </h2>
          <Form method="post" encType="multipart/form-data" className="mt-3 grid max-w-xl gap-3" noValidate>
            <FormError message={failed?.formError} params={failed?.params} />
            <SelectField
              label={t("zones.fields.item")}
              name="itemCode"
              required
              placeholder={t("zones.chooseItem")}
              defaultValue={failed?.values.itemCode}
              errors={errors.itemCode}
              options={d.items.map((i) => ({ value: i.code, label: `${i.code} ${lang === "en" ? i.nameEn : i.name}` }))}
            />
            <TextField
              label={t("zones.fields.issuer")}
              name="issuer"
              required
              defaultValue={failed?.values.issuer}
              errors={errors.issuer}
            />
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField
                label={t("zones.fields.issuedOn")}
                name="issuedOn"
                type="date"
                required
                defaultValue={failed?.values.issuedOn}
                errors={errors.issuedOn}
              />
              <TextField
                label={t("zones.fields.validUntil")}
                name="validUntil"
                type="date"
                required
                defaultValue={failed?.values.validUntil}
                errors={errors.validUntil}
                hint={t("zones.hints.validUntil")}
              />
            </div>
            <TextArea
              label={t("zones.fields.conditions")}
              name="conditions"
              rows={3}
              maxLength={ZONE_LIMITS.conditions}
              defaultValue={failed?.values.conditions}
              errors={errors.conditions}
              hint={t("zones.hints.conditions")}
            />
            <FileField
              label={t("zones.fields.document")}
              name="document"
              accept=".pdf,.jpg,.jpeg,.png"
              errors={errors.document}
              params={failed?.params}
              hint={t("zones.hints.document")}
            />
            <div>
              <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
                {t("zones.record")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
