import type { Route } from "./+types/inspections.$id";
import { PlanPublic } from "~/components/inspections";
import { pageTitle } from "~/lib/meta";
import { visitor } from "~/lib/route.server";
import { planDetail, planDrawRecord } from "~/services/inspections/queries.server";

/** GET /inspections/:id — one plan in public: the draw (verifiable), who was drawn, and the published results. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { db } = await visitor(request);
  // Public view whoever asks: unpublished results stay with the regulator's page.
  const plan = await planDetail(db, params.id, null);
  if (!plan) throw new Response("Not Found", { status: 404 });
  const record = plan.seed ? await planDrawRecord(db, params.id) : null;
  return { plan, verified: record?.verified ?? null };
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, data?.plan.name, { key: "titles.inspections" });
}

export default function InspectionPlanPage({ loaderData: d }: Route.ComponentProps) {
  return (
    <div className="space-y-4">
      <PlanPublic plan={d.plan} verified={d.verified} />
    </div>
  );
}
