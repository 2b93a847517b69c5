import { useTranslation } from "~/i18n/use-translation";
import { Form } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/navigator.projects";
import { FormError } from "~/components/field";
import { isActionFailure } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { defineAction, guard } from "~/lib/route.server";
import { unfollowSchema } from "~/schemas/navigator";
import { unfollowProject } from "~/services/navigator/follow.server";
import { myProjects } from "~/services/navigator/queries.server";

/**
 * GET /navigator/projects — 我的项目 (decision 039): the projects the enterprise follows,
 * each linked to its list on the navigator, and a form to stop following one
 * (POST, intent "unfollow"; another enterprise's project is a 404).
 */
export async function loader({ request }: Route.LoaderArgs) {
  const { user, db } = await guard(request, "project:follow");
  const url = new URL(request.url);
  return {
    projects: await myProjects(db, user.organizationId!),
    notice: url.searchParams.has("followed") ? "followed" : url.searchParams.has("unfollowed") ? "unfollowed" : null,
  };
}

export const action = defineAction({
  commands: {
    unfollow: {
      permission: "project:follow",
      schema: unfollowSchema,
      run: async (input, { db, user }) => {
        await unfollowProject(db, user, input.projectId);
        return "/navigator/projects?unfollowed=1";
      },
    },
  },
});

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "navigator.projects.title" });
}

export default function MyProjects({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const failed = isActionFailure(actionData) ? actionData : undefined;
  const col = (k: string) => t(`navigator.projects.columns.${k}` as never) as string;
  return (
    <div className="space-y-4">
      <section className="card space-y-2" aria-labelledby="projects-title">
        <h1 id="projects-title" className="h1">
          {t("navigator.projects.title")}
        </h1>
        <p className="text-sm text-slate-700">{t("navigator.projects.intro")}</p>
        {d.notice ? (
          <p role="status" className="text-sm text-emerald-800">
            {d.notice === "followed" ? t("navigator.follow.done") : t("navigator.projects.unfollowed")}
          </p>
        ) : null}
        <FormError message={failed?.formError ?? failed?.fieldErrors.projectId?.[0]} params={failed?.params} />
        <p className="text-sm">
          <Link className="link" to="/navigator">
            {t("navigator.projects.toNavigator")}
          </Link>
        </p>
      </section>
      {d.projects.length === 0 ? (
        <p className="card text-slate-600">{t("navigator.projects.empty")}</p>
      ) : (
        <section className="card overflow-x-auto" aria-labelledby="projects-list-title">
          <h2 id="projects-list-title" className="sr-only">
            {t("navigator.projects.title")}
          </h2>
          <table className="stack-table w-full text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                {["name", "description", "zone", "actions"].map((k) => (
                  <th key={k} scope="col" className="py-1 pr-3">
                    {col(k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.projects.map((p) => {
                const query = new URLSearchParams({
                  industry: p.industry,
                  scale: p.scale,
                  govFunded: p.govFunded ? "YES" : "NO",
                  ...(p.zoneId ? { zone: p.zoneId } : {}),
                });
                return (
                  <tr key={p.id} className="border-t border-slate-100" data-project={p.name}>
                    <td data-label={col("name")} data-stack="title" className="py-1 pr-3">
                      {p.name}
                    </td>
                    <td data-label={col("description")} className="py-1 pr-3">
                      {t("navigator.projects.description", {
                        industry: t(`zones.navigator.industries.${p.industry}` as never) as string,
                        scale: t(`zones.navigator.scales.${p.scale}` as never) as string,
                        gov: t(`navigator.govFundedChoices.${p.govFunded ? "YES" : "NO"}`),
                      })}
                    </td>
                    <td data-label={col("zone")} className="py-1 pr-3">
                      {p.zone ? `${p.zone.code} ${p.zone.name}` : t("navigator.projects.noZone")}
                    </td>
                    <td data-label={col("actions")} className="py-1 pr-3">
                      <div className="flex flex-wrap items-center gap-3">
                        <Link className="link" to={`/navigator?${query}`} aria-label={t("navigator.projects.openLabel", { name: p.name })}>
                          {t("navigator.projects.open")}
                        </Link>
                        <Form method="post">
                          <input type="hidden" name="intent" value="unfollow" />
                          <input type="hidden" name="projectId" value={p.id} />
                          <button
                            type="submit"
                            className="btn-secondary"
                            aria-label={t("navigator.projects.unfollowLabel", { name: p.name })}
                          >
                            {t("navigator.projects.unfollow")}
                          </button>
                        </Form>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
