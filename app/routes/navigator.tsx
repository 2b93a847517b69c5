import { useTranslation } from "~/i18n/use-translation";
import { data, Form } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/navigator";
import { FormError, TextField } from "~/components/field";
import { isActionFailure } from "~/lib/forms";
import { formatDate, formatDateTime } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { formatYuan } from "~/lib/money";
import { can } from "~/lib/permissions";
import { defineAction, visitor } from "~/lib/route.server";
import { followSchema, INDUSTRIES, SCALES, type Industry, type Scale } from "~/schemas/navigator";
import { followProject } from "~/services/navigator/follow.server";
import { rulesUpdatedAt } from "~/services/navigator/queries.server";
import { projectNavigator } from "~/services/zones/navigator.server";
import { zoneChoices } from "~/services/zones/queries.server";

/**
 * GET /navigator — 项目导航 (rows 51, 73; decision 036): a project's industry, scale and
 * zone (a GET form, no JavaScript needed) → the intermediary items it needs in process
 * order, with guide, typical time, past award prices, listed agencies and exemptions.
 * A value outside the choices answers 400 with the message next to its field. The rules
 * are data (decision 039): the page says when they last changed. A signed-in enterprise
 * may follow the project it described (POST, intent "follow").
 */
export async function loader({ request }: Route.LoaderArgs) {
  const { user, db } = await visitor(request);
  const params = new URL(request.url).searchParams;
  const values = {
    industry: params.get("industry") ?? "",
    scale: params.get("scale") ?? "SMALL",
    govFunded: params.get("govFunded") ?? "NO",
    zone: params.get("zone") ?? "",
  };
  const zones = await zoneChoices(db);
  const fieldErrors: Record<string, string[]> = {};
  if (values.industry && !INDUSTRIES.includes(values.industry as Industry)) fieldErrors.industry = ["errors.invalidChoice"];
  if (!SCALES.includes(values.scale as Scale)) fieldErrors.scale = ["errors.invalidChoice"];
  if (values.govFunded !== "YES" && values.govFunded !== "NO") fieldErrors.govFunded = ["errors.invalidChoice"];
  if (values.zone && !zones.some((z) => z.id === values.zone)) fieldErrors.zone = ["zones.errors.zoneUnknown"];
  const invalid = Object.keys(fieldErrors).length > 0;
  const steps =
    values.industry && !invalid
      ? await projectNavigator(db, {
          industry: values.industry as Industry,
          scale: values.scale as Scale,
          govFunded: values.govFunded === "YES",
          zoneId: values.zone || null,
        })
      : null;
  const follow = !user ? "signIn" : can(user, "project:follow") ? "form" : null;
  return data({ zones, values, fieldErrors, steps, updatedAt: await rulesUpdatedAt(db), follow }, { status: invalid ? 400 : 200 });
}

export const action = defineAction({
  commands: {
    follow: {
      permission: "project:follow",
      schema: followSchema,
      run: async (input, { db, user }) => {
        await followProject(db, user, input);
        return "/navigator/projects?followed=1";
      },
    },
  },
});

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.navigator" });
}

function Choice(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  errors?: string[];
}) {
  const { t } = useTranslation();
  return (
    <div>
      <label htmlFor={props.id} className="label">
        {props.label}
      </label>
      <select
        id={props.id}
        name={props.name}
        defaultValue={props.value}
        className="input mt-1"
        aria-invalid={props.errors?.length ? true : undefined}
        aria-describedby={props.errors?.length ? `${props.id}-error` : undefined}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.errors?.length ? (
        <p id={`${props.id}-error`} role="alert" className="field-error">
          {props.errors.map((e) => t(e as never) as string).join("；")}
        </p>
      ) : null}
    </div>
  );
}

export default function Navigator({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const failed = isActionFailure(actionData) ? actionData : undefined;
  const lang = i18n.language === "en" ? "en" : "zh";
  const col = (k: string) => t(`zones.navigator.columns.${k}` as never) as string;
  return (
    <div className="space-y-4">
      <section className="card space-y-2" aria-labelledby="navigator-title">
        <h1 id="navigator-title" className="h1">
          {t("zones.navigator.title")}
        </h1>
        <p className="text-sm text-slate-700">{t("zones.navigator.intro")}</p>
        <p className="text-sm">
          {d.updatedAt ? (
            <span className="text-slate-700" data-testid="rules-updated">
              {t("navigator.updatedAt", { at: formatDateTime(d.updatedAt) })}
            </span>
          ) : null}{" "}
          <Link className="link" to="/navigator/rules">
            {t("navigator.rulesLink")}
          </Link>
        </p>
        <Form method="get" className="grid gap-3 sm:grid-cols-5" aria-label={t("zones.navigator.title")}>
          <Choice
            id="nav-industry"
            name="industry"
            label={t("zones.navigator.industry")}
            value={d.values.industry}
            errors={d.fieldErrors.industry}
            options={[
              { value: "", label: t("zones.navigator.chooseIndustry") },
              ...INDUSTRIES.map((i) => ({ value: i, label: t(`zones.navigator.industries.${i}`) })),
            ]}
          />
          <Choice
            id="nav-scale"
            name="scale"
            label={t("zones.navigator.scale")}
            value={d.values.scale}
            errors={d.fieldErrors.scale}
            options={SCALES.map((s) => ({ value: s, label: t(`zones.navigator.scales.${s}`) }))}
          />
          <Choice
            id="nav-gov"
            name="govFunded"
            label={t("navigator.govFunded")}
            value={d.values.govFunded}
            errors={d.fieldErrors.govFunded}
            options={(["NO", "YES"] as const).map((v) => ({ value: v, label: t(`navigator.govFundedChoices.${v}`) }))}
          />
          <Choice
            id="nav-zone"
            name="zone"
            label={t("zones.posting.zone")}
            value={d.values.zone}
            errors={d.fieldErrors.zone}
            options={[
              { value: "", label: t("zones.posting.noZone") },
              ...d.zones.map((z) => ({ value: z.id, label: `${z.code} ${z.name}` })),
            ]}
          />
          <div className="flex items-end">
            <button type="submit" className="btn-primary">
              {t("zones.navigator.show")}
            </button>
          </div>
        </Form>
      </section>
      {d.steps === null ? null : d.steps.length === 0 ? (
        <p className="card text-slate-600">{t("zones.navigator.none")}</p>
      ) : (
        <section className="card overflow-x-auto" aria-labelledby="steps-title">
          <h2 id="steps-title" className="h2">
            {t("zones.navigator.stepsTitle", { count: d.steps.length })}
          </h2>
          <p className="hint">{t("zones.navigator.pricesNote")}</p>
          <table className="stack-table mt-2 w-full text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                {["order", "item", "stage", "time", "prices", "agencies", "exemption", "next"].map((k) => (
                  <th key={k} scope="col" className="py-1 pr-3">
                    {col(k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.steps.map((s, i) => (
                <tr key={s.code} className="border-t border-slate-100" data-item={s.code} data-exempt={s.exemption ? "1" : "0"}>
                  <td data-label={col("order")} className="py-1 pr-3 tabular-nums">
                    {i + 1}
                  </td>
                  <td data-label={col("item")} data-stack="title" className="py-1 pr-3">
                    <Link className="link" to={`/catalogue/${s.code}`}>
                      {s.code} {lang === "en" ? s.nameEn : s.name}
                    </Link>
                    {(lang === "en" ? s.noteEn : s.note) ? (
                      <span className="hint block">{t("navigator.note", { note: lang === "en" ? s.noteEn : s.note })}</span>
                    ) : null}
                  </td>
                  <td data-label={col("stage")} className="py-1 pr-3">
                    {t(`zones.navigator.stages.${s.stage}`)}
                  </td>
                  <td data-label={col("time")} className="py-1 pr-3 tabular-nums">
                    {t("zones.navigator.days", { count: s.timeLimitDays })}
                  </td>
                  <td data-label={col("prices")} className="py-1 pr-3 tabular-nums">
                    {s.minFen === null || s.maxFen === null
                      ? t("zones.dashboard.noMedian")
                      : t("zones.navigator.range", { min: formatYuan(s.minFen, lang), max: formatYuan(s.maxFen, lang), count: s.awards })}
                  </td>
                  <td data-label={col("agencies")} className="py-1 pr-3 tabular-nums">
                    <Link className="link" to={`/agencies?item=${s.code}`}>
                      {s.agencies}
                    </Link>
                  </td>
                  <td data-label={col("exemption")} className="py-1 pr-3">
                    {s.exemption ? (
                      <Link className="link" to={`/zones/${s.exemption.zoneId}#result-${s.exemption.resultId}`}>
                        {t("zones.navigator.exempt", { issuer: s.exemption.issuer, until: formatDate(s.exemption.validUntil) })}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td data-label={col("next")} className="py-1 pr-3">
                    {/* One step to the posting form with the item and the zone chosen (sign-in first if needed). */}
                    {s.exemption ? (
                      "—"
                    ) : (
                      <Link
                        className="link whitespace-nowrap"
                        to={`/requests/new?${new URLSearchParams({ item: s.code, ...(d.values.zone ? { zone: d.values.zone } : {}) })}`}
                        aria-label={t("zones.navigator.postLabel", { item: lang === "en" ? s.nameEn : s.name })}
                      >
                        {t("zones.navigator.post")}
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {d.steps !== null && d.follow ? (
        <section className="card space-y-2" aria-labelledby="follow-title">
          <h2 id="follow-title" className="h2">
            {t("navigator.follow.title")}
          </h2>
          {d.follow === "signIn" ? (
            <p className="text-sm">
              <Link className="link" to={`/login?redirectTo=${encodeURIComponent(`/navigator?${new URLSearchParams(d.values)}`)}`}>
                {t("navigator.follow.signIn")}
              </Link>
            </p>
          ) : (
            <Form method="post" className="grid max-w-xl gap-3" noValidate>
              <p className="text-sm text-slate-700">{t("navigator.follow.intro")}</p>
              <FormError message={failed?.formError} params={failed?.params} />
              <input type="hidden" name="intent" value="follow" />
              {(["industry", "scale", "govFunded", "zone"] as const).map((k) => (
                <input key={k} type="hidden" name={k} value={d.values[k]} />
              ))}
              <TextField
                label={t("navigator.follow.name")}
                name="name"
                required
                defaultValue={failed?.values.name}
                errors={failed?.fieldErrors.name ?? failed?.fieldErrors.zone ?? failed?.fieldErrors.industry}
              />
              <div>
                <button type="submit" className="btn-primary">
                  {t("navigator.follow.submit")}
                </button>
              </div>
            </Form>
          )}
        </section>
      ) : null}
    </div>
  );
}
