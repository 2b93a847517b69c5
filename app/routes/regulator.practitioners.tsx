import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import type { Route } from "./+types/regulator.practitioners";
import { isActionFailure } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { defineAction, guard } from "~/lib/route.server";
import { validateResidentId } from "~/lib/resident-id";
import { z } from "~/lib/zod";
import { PRACTITIONER_LIMITS } from "~/schemas/practitioner";
import { dbNow } from "~/services/clock.server";
import { searchPractitioners } from "~/services/practitioners/queries.server";

/**
 * GET /regulator/practitioners — the practitioners, first 50 by name. The search is a POST
 * (decision 035): a whole ID number typed in must not land in a URL, the browser's history or
 * an access log. The answer is the page itself (no redirect), the number is not echoed.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const { db } = await guard(request, "practitioner:sanction");
  return { list: await searchPractitioners(db, undefined, await dbNow(db)) };
}

const searchSchema = z.object({
  q: z.string().trim().max(PRACTITIONER_LIMITS.query, "errors.tooLong").optional(),
});

export const action = defineAction({
  commands: {
    default: {
      permission: "practitioner:sanction",
      schema: searchSchema,
      run: async ({ q }, { db }) => {
        const list = await searchPractitioners(db, q, await dbNow(db));
        return { search: { list, q: q && validateResidentId(q).ok ? "" : (q ?? "") } };
      },
    },
  },
});

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "practitioners.title" });
}

export default function RegulatorPractitioners({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const searched = actionData && "search" in actionData ? (actionData.search as unknown as { list: typeof loaderData.list; q: string }) : null;
  const failed = isActionFailure(actionData) ? actionData : null;
  const list = searched?.list ?? loaderData.list;
  const col = (k: string) => t(`practitioners.columns.${k}` as never) as string;
  return (
    <div className="space-y-4">
      <section className="card space-y-2" aria-labelledby="practitioners-title">
        <h1 id="practitioners-title" className="h1">
          {t("practitioners.title")}
        </h1>
        <p className="text-sm text-slate-700">{t("practitioners.intro")}</p>
        <Form method="post" className="flex flex-wrap items-end gap-2" role="search" noValidate>
          <div className="min-w-0 flex-1">
            <label htmlFor="pq" className="label">
              {t("practitioners.searchLabel")}
            </label>
            <input
              id="pq"
              name="q"
              type="search"
              autoComplete="off"
              maxLength={PRACTITIONER_LIMITS.query}
              defaultValue={searched?.q ?? ""}
              className="input mt-1"
              aria-invalid={failed?.fieldErrors.q ? true : undefined}
            />
          </div>
          <button type="submit" className="btn-primary">
            {t("practitioners.submit")}
          </button>
        </Form>
      </section>
      <p className="text-sm text-slate-600" role="status">
        {t("practitioners.count", { count: list.practitioners.length })}
        {list.more ? ` ${t("practitioners.more")}` : ""}
      </p>
      {list.practitioners.length === 0 ? (
        <p className="card text-slate-600">{t("practitioners.empty")}</p>
      ) : (
        <div className="card overflow-x-auto">
          <table className="stack-table w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-500">
              <tr>
                {["name", "idMasked", "qualification", "certificateNo", "agency", "status"].map((k) => (
                  <th key={k} scope="col" className="py-2 pr-4 font-medium">
                    {col(k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.practitioners.map((p) => (
                <tr key={p.id} data-testid="practitioner-row">
                  <td data-label={col("name")} data-stack="title" className="py-2 pr-4">
                    <Link className="link" to={`/regulator/practitioners/${p.id}`}>
                      {p.name}
                    </Link>
                  </td>
                  <td data-label={col("idMasked")} className="py-2 pr-4 font-mono text-xs">
                    {p.idMasked ?? "—"}
                  </td>
                  <td data-label={col("qualification")} className="py-2 pr-4">
                    {p.qualification}
                  </td>
                  <td data-label={col("certificateNo")} className="py-2 pr-4 font-mono text-xs">
                    {p.certificateNo ?? "—"}
                  </td>
                  <td data-label={col("agency")} className="py-2 pr-4">
                    {p.agency.name}
                  </td>
                  <td data-label={col("status")} className="py-2 pr-4">
                    {p.barred ? (
                      <span className="font-medium text-red-800">{t(`practitioners.barredBadge.${p.barred}`)}</span>
                    ) : (
                      t("practitioners.practising")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
