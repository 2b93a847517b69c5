import { useTranslation } from "~/i18n/use-translation";
import { Form, useNavigation } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/zones";
import { FormError, TextArea, TextField } from "~/components/field";
import { isActionFailure } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { can } from "~/lib/permissions";
import { defineAction, visitor } from "~/lib/route.server";
import { newZoneSchema, ZONE_LIMITS } from "~/schemas/zone";
import { districtRegionCode } from "~/services/supervision/indicators.server";
import { createZone } from "~/services/zones/register.server";
import { listZones } from "~/services/zones/queries.server";
import { zoneExemptionMode } from "~/services/zones/exemption.server";

/**
 * GET /zones — 区域评估: the zones the district has assessed as a whole, public. The
 * regulator and the catalogue admin also see the form for a new zone (POST, decision 036).
 */
export async function loader({ request }: Route.LoaderArgs) {
  const { user, db } = await visitor(request);
  return {
    zones: await listZones(db),
    canManage: can(user, "zone:manage"),
    district: districtRegionCode(),
    mode: zoneExemptionMode(),
  };
}

export const action = defineAction({
  commands: {
    default: {
      permission: "zone:manage",
      schema: newZoneSchema,
      run: async (input, { db, user }) => {
        const zone = await createZone(db, user, input);
        return `/zones/${zone.id}?created=1`;
      },
    },
  },
});

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.zones" });
}

export default function Zones({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const failed = isActionFailure(actionData) ? actionData : undefined;
  const errors = failed?.fieldErrors ?? {};
  return (
    <div className="space-y-4">
      <section className="card space-y-2" aria-labelledby="zones-title">
        <h1 id="zones-title" className="h1">
          {t("zones.title")}
        </h1>
        <p className="text-sm text-slate-700">{t("zones.intro")}</p>
        <p className="text-sm">
          <Link className="link" to="/navigator">
            {t("zones.navigator.title")}
          </Link>
        </p>
        <p className="text-sm text-slate-700" data-testid="zone-mode">
          {t(`zones.mode.${d.mode}`)}
        </p>
      </section>
      {d.zones.length === 0 ? (
        <p className="card text-slate-600">{t("zones.empty")}</p>
      ) : (
        <section className="card overflow-x-auto" aria-labelledby="zones-list-title">
          <h2 id="zones-list-title" className="h2">
            {t("zones.listTitle")}
          </h2>
          <table className="stack-table mt-2 w-full text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                <th scope="col" className="py-1 pr-3">
                  {t("zones.columns.code")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("zones.columns.name")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("zones.columns.boundary")}
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  {t("zones.columns.covered")}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.zones.map((z) => (
                <tr key={z.id} className="border-t border-slate-100" data-zone={z.code}>
                  <td data-label={t("zones.columns.code")} className="py-1 pr-3 tabular-nums">
                    {z.code}
                  </td>
                  <td data-label={t("zones.columns.name")} data-stack="title" className="py-1 pr-3">
                    <Link className="link" to={`/zones/${z.id}`}>
                      {z.name}
                    </Link>
                  </td>
                  <td data-label={t("zones.columns.boundary")} className="py-1 pr-3">
                    {z.boundary}
                  </td>
                  <td data-label={t("zones.columns.covered")} className="py-1 pr-3 text-right tabular-nums">
                    {z.coveredItems}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {d.canManage ? (
        <section className="card" aria-labelledby="new-zone-title">
          <h2 id="new-zone-title" className="h2">
            {t("zones.newTitle")}
          </h2>
          <Form method="post" className="mt-3 grid max-w-xl gap-3" noValidate>
            <FormError message={failed?.formError} params={failed?.params} />
            <TextField
              label={t("zones.fields.code")}
              name="code"
              required
              defaultValue={failed?.values.code}
              errors={errors.code}
              params={failed?.params}
              hint={t("zones.hints.code", { district: d.district })}
            />
            <TextField label={t("zones.fields.name")} name="name" required defaultValue={failed?.values.name} errors={errors.name} />
            <TextArea
              label={t("zones.fields.boundary")}
              name="boundary"
              required
              rows={3}
              maxLength={ZONE_LIMITS.boundary}
              defaultValue={failed?.values.boundary}
              errors={errors.boundary}
              hint={t("zones.hints.boundary")}
            />
            <div>
              <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
                {t("zones.create")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
