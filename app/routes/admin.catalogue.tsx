import { useTranslation } from "~/i18n/use-translation";
import { Form } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/admin.catalogue";
import { pageTitle } from "~/lib/meta";
import { Pager } from "~/components/pager";
import { guard } from "~/lib/route.server";
import { listCatalogue } from "~/services/catalogue/queries.server";

export async function loader({ request }: Route.LoaderArgs) {
  const { db } = await guard(request, "catalogue:edit");
  const url = new URL(request.url);
  const page = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const result = await listCatalogue(db, { q, page: Number.isFinite(page) ? page : 1 });
  return { ...result, q };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.catalogueAdmin" });
}

export default function AdminCatalogue({ loaderData: d }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="h1">{t("catalogueAdmin.adminTitle")}</h1>
        <Link className="btn-primary" to="/admin/catalogue/new">
          {t("catalogueAdmin.newItem")}
        </Link>
      </div>
      <p className="text-sm text-slate-600">{t("catalogueAdmin.adminIntro")}</p>
      <p className="text-sm">
        <Link className="link" to="/admin/navigator-rules">
          {t("navigator.admin.title")}
        </Link>
      </p>
      <Form method="get" className="flex flex-wrap items-end gap-3" role="search">
        <div className="grow">
          <label htmlFor="admin-q" className="label">
            {t("catalogueAdmin.searchAdmin")}
          </label>
          <input id="admin-q" name="q" type="search" defaultValue={d.q} className="input mt-1" />
        </div>
        <button className="btn-secondary" type="submit">
          {t("common.search")}
        </button>
      </Form>
      <div className="card overflow-x-auto p-0">
        <table className="stack-table stack-table-inset w-full text-left text-sm">
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-2">
                {t("catalogue.code")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("catalogue.name")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("catalogue.department")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("catalogue.status")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("catalogueAdmin.actions")}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.items.map((item) => {
              const name = en ? item.nameEn : item.name;
              return (
                <tr key={item.code} className={`border-t border-slate-100 ${item.status === "RETIRED" ? "text-slate-500" : ""}`}>
                  <td data-label={t("catalogue.code")} className="px-4 py-2 font-mono text-xs">
                    {item.code}
                  </td>
                  <td data-label={t("catalogue.name")} data-stack="title" className="px-4 py-2">
                    {name}
                  </td>
                  <td data-label={t("catalogue.department")} className="px-4 py-2">
                    {item.department}
                  </td>
                  <td data-label={t("catalogue.status")} className="px-4 py-2">
                    {t(`catalogueStatus.${item.status}`)} · {t("catalogue.version", { version: item.version })}
                  </td>
                  <td className="px-4 py-2">
                    <span className="flex gap-3">
                      <Link
                        className="link"
                        to={`/catalogue/${encodeURIComponent(item.code)}`}
                        aria-label={`${t("catalogueAdmin.view")} ${name}`}
                      >
                        {t("catalogueAdmin.view")}
                      </Link>
                      {item.status === "IN_FORCE" ? (
                        <Link
                          className="link"
                          to={`/admin/catalogue/${encodeURIComponent(item.code)}/edit`}
                          aria-label={`${t("catalogueAdmin.edit")} ${name}`}
                        >
                          {t("catalogueAdmin.edit")}
                        </Link>
                      ) : null}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {d.items.length === 0 ? <p className="p-5 text-slate-600">{t("catalogue.empty")}</p> : null}
      </div>
      <Pager page={d.page} pages={d.pages} />
    </div>
  );
}
