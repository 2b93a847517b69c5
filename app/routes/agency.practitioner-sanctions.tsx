import { useTranslation } from "~/i18n/use-translation";
import type { Route } from "./+types/agency.practitioner-sanctions";
import { ObjectionForm, PractitionerSanctionItem } from "~/components/practitioner-sanctions";
import { FormError } from "~/components/field";
import { isActionFailure } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { commandsFor, defineAction, guard } from "~/lib/route.server";
import { objectPractitionerSanctionSchema } from "~/schemas/practitioner";
import { dbNow } from "~/services/clock.server";
import { OBJECTION_WINDOW_DAYS, objectToPractitionerSanction } from "~/services/practitioners/objection.server";
import { sanctionsForAgencyObjection } from "~/services/practitioners/queries.server";

/**
 * GET/POST /agency/practitioner-sanctions — 申诉 (decision 040): the sanctions on the agency's
 * practitioners (on its roster when sanctioned, or now), and an objection form for each one it may
 * still object to. The regulator reviews on /regulator/practitioners.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const { db, user } = await guard(request, "agency:self");
  const sanctions = (await sanctionsForAgencyObjection(db, user.organizationId ?? "", await dbNow(db), OBJECTION_WINDOW_DAYS)) ?? [];
  const done = new URL(request.url).searchParams.get("done") === "objected";
  return { sanctions, done, days: OBJECTION_WINDOW_DAYS };
}

const command = commandsFor<Route.ActionArgs["params"]>();

export const action = defineAction<Route.ActionArgs["params"]>({
  commands: {
    object: command({
      permission: "agency:self",
      schema: objectPractitionerSanctionSchema,
      run: async (input, { db, user }) => {
        await objectToPractitionerSanction(db, user, input.sanctionId, input.objectionReason);
        return "/agency/practitioner-sanctions?done=objected";
      },
    }),
  },
});

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "practitioners.objection.title" });
}

export default function AgencyPractitionerSanctions({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const failed = isActionFailure(actionData) ? actionData : undefined;
  // A refusal for a sanction whose form is not on the page (objected already, another agency's, a stale
  // tab) is said above the list: there is no form to show it at.
  const withForm = new Set(loaderData.sanctions.filter((s) => s.canObject).map((s) => s.id));
  const orphan =
    failed && !withForm.has(failed.values.sanctionId ?? "") ? (failed.formError ?? Object.values(failed.fieldErrors).flat()[0]) : undefined;
  return (
    <div className="space-y-4">
      {loaderData.done ? (
        <p className="card border-green-200 bg-green-50 text-sm text-green-900" role="status" data-testid="done">
          {t("practitioners.done.objected")}
        </p>
      ) : null}
      <section className="space-y-3" aria-labelledby="objection-title">
        <h1 id="objection-title" className="h1">
          {t("practitioners.objection.title")}
        </h1>
        <p className="text-sm text-slate-600">{t("practitioners.objection.intro", { days: loaderData.days })}</p>
        {orphan ? <FormError message={orphan} params={failed?.params} /> : null}
        {loaderData.sanctions.length === 0 ? (
          <p className="card text-sm text-slate-600">{t("practitioners.objection.empty")}</p>
        ) : (
          <ul className="space-y-3">
            {loaderData.sanctions.map((s) => (
              <PractitionerSanctionItem key={s.id} s={s}>
                {s.canObject ? <ObjectionForm sanctionId={s.id} failed={failed} /> : null}
              </PractitionerSanctionItem>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
