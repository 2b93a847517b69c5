import { useTranslation } from "~/i18n/use-translation";
import { Form, useNavigation } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/regulator.inspections";
import { FormError, SelectField, TextField } from "~/components/field";
import { PlanTable, WeightTable } from "~/components/inspections";
import { Pager } from "~/components/pager";
import { isActionFailure } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { defineAction, guard } from "~/lib/route.server";
import { INSPECTION_LIMITS, newPlanSchema } from "~/schemas/inspection";
import { listInForceItems } from "~/services/agencies/profile.server";
import { GRADE_WEIGHTS } from "~/services/inspections/draw";
import { createPlan } from "~/services/inspections/plans.server";
import { listPlans } from "~/services/inspections/queries.server";

/** GET /regulator/inspections — the regulator's plans and the form for a new one (创建即公布承诺值). */
export async function loader({ request }: Route.LoaderArgs) {
  const { db } = await guard(request, "inspection:manage");
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const [list, items] = await Promise.all([listPlans(db, page), listInForceItems(db)]);
  return { ...list, items, weights: { ...GRADE_WEIGHTS }, limits: INSPECTION_LIMITS };
}

export const action = defineAction({
  commands: {
    default: {
      permission: "inspection:manage",
      schema: newPlanSchema,
      run: async (input, { db, user }) => {
        const plan = await createPlan(db, user, input);
        return `/regulator/inspections/${plan.id}?created=1`;
      },
    },
  },
});

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.regulatorInspections" });
}

export default function RegulatorInspections({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const navigation = useNavigation();
  const failed = isActionFailure(actionData) ? actionData : undefined;
  const err = (name: string) => failed?.fieldErrors[name];
  return (
    <div className="space-y-4">
      <section className="card space-y-2" aria-labelledby="reg-inspections-title">
        <h1 id="reg-inspections-title" className="h1">
          {t("inspections.regulator.title")}
        </h1>
        <p className="text-sm text-slate-700">{t("inspections.regulator.intro")}</p>
        <p className="text-sm">
          <Link className="link" to="/inspections">
            {t("inspections.allPlans")}
          </Link>
        </p>
      </section>

      <section className="card space-y-3" aria-labelledby="new-plan-title">
        <h2 id="new-plan-title" className="h2">
          {t("inspections.regulator.newTitle")}
        </h2>
        <WeightTable weights={d.weights} />
        <Form method="post" className="grid max-w-xl gap-3" noValidate>
          {failed?.formError ? <FormError message={failed.formError} params={failed.params} /> : null}
          <TextField
            label={t("inspections.regulator.name")}
            name="name"
            required
            defaultValue={failed?.values.name ?? ""}
            errors={err("name")}
          />
          <SelectField
            label={t("inspections.regulator.item")}
            name="itemCode"
            placeholder={t("inspections.regulator.itemAll")}
            defaultValue={failed?.values.itemCode ?? ""}
            options={d.items.map((i) => ({ value: i.code, label: `${i.code} ${lang === "en" ? i.nameEn : i.name}` }))}
            hint={t("inspections.regulator.itemHint")}
            errors={err("itemCode")}
            params={failed?.params}
          />
          <TextField
            label={t("inspections.regulator.agencyCount")}
            name="agencyCount"
            inputMode="numeric"
            required
            defaultValue={failed?.values.agencyCount ?? "3"}
            errors={err("agencyCount")}
            params={failed?.params}
          />
          <TextField
            label={t("inspections.regulator.inspectorCount")}
            name="inspectorCount"
            inputMode="numeric"
            required
            defaultValue={failed?.values.inspectorCount ?? "2"}
            hint={t("inspections.regulator.inspectorCountHint")}
            errors={err("inspectorCount")}
            params={failed?.params}
          />
          <div>
            <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
              {t("inspections.regulator.create")}
            </button>
          </div>
        </Form>
      </section>

      {d.plans.length === 0 ? (
        <p className="card text-slate-600">{t("inspections.empty")}</p>
      ) : (
        <PlanTable plans={d.plans} base="/regulator/inspections" />
      )}
      <Pager page={d.page} pages={Math.max(1, Math.ceil(d.total / d.pageSize))} />
    </div>
  );
}
