import { useTranslation } from "~/i18n/use-translation";
import type { Route } from "./+types/inspections";
import { PlanTable, WeightTable } from "~/components/inspections";
import { Pager } from "~/components/pager";
import { pageTitle } from "~/lib/meta";
import { visitor } from "~/lib/route.server";
import { GRADE_WEIGHTS } from "~/services/inspections/draw";
import { listPlans } from "~/services/inspections/queries.server";

/** GET /inspections — 双随机抽查 and 检查结果公示: every plan, public from its creation, with the published weights. */
export async function loader({ request }: Route.LoaderArgs) {
  const { db } = await visitor(request);
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
  return { ...(await listPlans(db, page)), weights: { ...GRADE_WEIGHTS } };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.inspections" });
}

export default function Inspections({ loaderData: d }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <section className="card space-y-3" aria-labelledby="inspections-title">
        <h1 id="inspections-title" className="h1">
          {t("inspections.publicTitle")}
        </h1>
        <p className="text-sm text-slate-700">{t("inspections.intro")}</p>
        <p className="text-sm text-slate-600">{t("inspections.weightsIntro")}</p>
        <WeightTable weights={d.weights} />
      </section>
      {d.plans.length === 0 ? (
        <p className="card text-slate-600">{t("inspections.empty")}</p>
      ) : (
        <PlanTable plans={d.plans} base="/inspections" />
      )}
      <Pager page={d.page} pages={Math.max(1, Math.ceil(d.total / d.pageSize))} />
    </div>
  );
}
