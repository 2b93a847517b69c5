import { useTranslation } from "~/i18n/use-translation";
import { Form } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/admin.navigator-rules";
import { FormError, TextArea } from "~/components/field";
import { RuleFields } from "~/components/navigator-rule-form";
import { useConditions } from "~/components/rule-conditions";
import { echoedAll, isActionFailure } from "~/lib/forms";
import { formatDateTime } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { defineAction, guard } from "~/lib/route.server";
import { postedIndustries, RULE_LIMITS, ruleSchema } from "~/schemas/navigator";
import { createRule } from "~/services/navigator/rules.server";
import { listRules, rulesUpdatedAt } from "~/services/navigator/queries.server";
import { zoneChoices } from "~/services/zones/queries.server";

/**
 * GET/POST /admin/navigator-rules — the catalogue admin's list of the navigator's rules
 * (in force and retired) and the form for a new one (decision 039).
 */
export async function loader({ request }: Route.LoaderArgs) {
  const { db } = await guard(request, "catalogue:edit");
  const url = new URL(request.url);
  return {
    rules: await listRules(db, { includeRetired: true }),
    zones: await zoneChoices(db),
    updatedAt: await rulesUpdatedAt(db),
    notice: url.searchParams.has("created")
      ? "created"
      : url.searchParams.has("saved")
        ? "saved"
        : url.searchParams.has("retired")
          ? "retired"
          : null,
  };
}

export const action = defineAction({
  commands: {
    default: {
      permission: "catalogue:edit",
      schema: ruleSchema,
      run: async (input, { db, user, form }) => {
        await createRule(db, { ...input, industries: postedIndustries(form) }, user.id);
        return "/admin/navigator-rules?created=1";
      },
    },
  },
});

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "navigator.admin.title" });
}

export default function AdminNavigatorRules({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const failed = isActionFailure(actionData) ? actionData : undefined;
  const conditions = useConditions();
  const col = (k: string) => t(`navigator.admin.columns.${k}` as never) as string;
  return (
    <div className="space-y-4">
      <section className="card space-y-2" aria-labelledby="admin-rules-title">
        <h1 id="admin-rules-title" className="h1">
          {t("navigator.admin.title")}
        </h1>
        <p className="text-sm text-slate-700">{t("navigator.admin.intro")}</p>
        {d.updatedAt ? <p className="text-sm text-slate-700">{t("navigator.updatedAt", { at: formatDateTime(d.updatedAt) })}</p> : null}
        {d.notice ? (
          <p role="status" className="text-sm text-emerald-800">
            {t(`navigator.admin.${d.notice as "created" | "saved" | "retired"}`)}
          </p>
        ) : null}
        <p className="text-sm">
          <Link className="link" to="/navigator/rules">
            {t("navigator.admin.publicLink")}
          </Link>
        </p>
      </section>
      <section className="card overflow-x-auto" aria-labelledby="admin-rules-list">
        <h2 id="admin-rules-list" className="sr-only">
          {t("navigator.admin.title")}
        </h2>
        <table className="stack-table w-full text-sm">
          <thead>
            <tr className="text-left text-slate-600">
              {["item", "block", "stage", "order", "conditions", "status", "actions"].map((k) => (
                <th key={k} scope="col" className="py-1 pr-3">
                  {col(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.rules.map((r) => {
              const c = conditions(r);
              return (
                <tr key={r.id} className="border-t border-slate-100" data-rule={r.id} data-item={r.item.code}>
                  <td data-label={col("item")} data-stack="title" className="py-1 pr-3">
                    {r.item.code} {lang === "en" ? r.item.nameEn : r.item.name}
                  </td>
                  <td data-label={col("block")} className="py-1 pr-3">
                    {r.zone ? `${r.zone.code} ${r.zone.name}` : t("navigator.rules.allBlocks")}
                  </td>
                  <td data-label={col("stage")} className="py-1 pr-3">
                    {t(`zones.navigator.stages.${r.stage}`)}
                  </td>
                  <td data-label={col("order")} className="py-1 pr-3 tabular-nums">
                    {r.position}
                  </td>
                  <td data-label={col("conditions")} className="py-1 pr-3">
                    {[c.industries, c.scale, c.gov].join(" · ")}
                  </td>
                  <td data-label={col("status")} className="py-1 pr-3">
                    {t(`navigator.admin.status.${r.status}`)}
                  </td>
                  <td data-label={col("actions")} className="py-1 pr-3">
                    {r.status === "IN_FORCE" ? (
                      <Link
                        className="link"
                        to={`/admin/navigator-rules/${r.id}`}
                        aria-label={t("navigator.admin.editLabel", {
                          code: r.item.code,
                          block: r.zone ? `${r.zone.code} ${r.zone.name}` : t("navigator.rules.allBlocks"),
                        })}
                      >
                        {t("navigator.admin.edit")}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="new-rule-title">
        <h2 id="new-rule-title" className="h2">
          {t("navigator.admin.newTitle")}
        </h2>
        <Form method="post" className="mt-3 grid max-w-xl gap-3" noValidate>
          <FormError message={failed?.formError} params={failed?.params} />
          <RuleFields
            values={failed?.values ?? {}}
            industries={echoedAll(failed, "industries") ?? []}
            errors={failed?.fieldErrors ?? {}}
            zones={d.zones}
          />
          <TextArea
            label={t("navigator.admin.fields.reason")}
            name="reason"
            required
            rows={2}
            maxLength={RULE_LIMITS.reason}
            defaultValue={failed?.values.reason}
            errors={failed?.fieldErrors.reason}
          />
          <div>
            <button type="submit" className="btn-primary">
              {t("navigator.admin.create")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}
