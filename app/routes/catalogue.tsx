import { useTranslation } from "~/i18n/use-translation";
import { Form } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/catalogue";
import { pageTitle } from "~/lib/meta";
import { Pager } from "~/components/pager";
import { visitor } from "~/lib/route.server";
import { listCatalogue } from "~/services/catalogue/queries.server";
import { formatDate } from "~/lib/format";

export async function loader({ request }: Route.LoaderArgs) {
  const { db } = await visitor(request);
  const url = new URL(request.url);
  const page = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const category = url.searchParams.get("category")?.slice(0, 100) ?? "";
  const department = url.searchParams.get("department")?.slice(0, 100) ?? "";
  const result = await listCatalogue(db, {
    q: q || undefined,
    category: category || undefined,
    department: department || undefined,
    page: Number.isFinite(page) ? page : 1,
  });
  return { ...result, q, category, department };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.catalogue" });
}

export default function Catalogue({ loaderData: d }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const filtered = Boolean(d.q || d.category || d.department);
  return (
    <div className="space-y-4">
      <h1 className="h1">{t("catalogue.title")}</h1>
      <Form method="get" className="card grid gap-3 sm:grid-cols-4" role="search">
        <div className="sm:col-span-2">
          <label htmlFor="q" className="label">
            {t("common.search")}
          </label>
          <input id="q" name="q" type="search" defaultValue={d.q} className="input mt-1" aria-describedby="q-hint" />
          <p id="q-hint" className="hint">
            {t("catalogueAdmin.list.searchHint")}
          </p>
        </div>
        <div>
          <label htmlFor="category" className="label">
            {t("catalogue.category")}
          </label>
          <select id="category" name="category" defaultValue={d.category} className="input mt-1">
            <option value="">{t("catalogueAdmin.list.allCategories")}</option>
            {d.categories.map((c) => (
              <option key={c.value} value={c.value}>
                {en ? c.labelEn : c.value}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="department" className="label">
            {t("catalogue.department")}
          </label>
          <select id="department" name="department" defaultValue={d.department} className="input mt-1">
            <option value="">{t("catalogueAdmin.list.allDepartments")}</option>
            {d.departments.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-4">
          <button className="btn-primary" type="submit">
            {t("common.search")}
          </button>
          {filtered ? (
            <Link className="link text-sm" to="/catalogue">
              {t("catalogueAdmin.list.reset")}
            </Link>
          ) : null}
          <span className="text-sm text-slate-600" role="status">
            {t("catalogueAdmin.list.results", { count: d.total })}
          </span>
        </div>
      </Form>
      {d.items.length === 0 ? (
        <div className="card space-y-2 text-slate-600">
          <p>{t("catalogue.empty")}</p>
          {d.suggestions.length ? (
            <div>
              <p className="text-sm">{t("catalogue.suggestions")}</p>
              <ul className="mt-1 flex flex-wrap gap-2 text-sm" data-testid="suggestions">
                {d.suggestions.map((s) => (
                  <li key={s.code}>
                    <Link className="link" to={`/catalogue/${encodeURIComponent(s.code)}`}>
                      {en ? s.nameEn : s.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : (
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
                  {t("catalogue.category")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t("catalogue.department")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t("catalogue.status")}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((item) => {
                const retired = item.status === "RETIRED";
                return (
                  <tr key={item.code} className={`border-t border-slate-100 ${retired ? "bg-slate-50 text-slate-500" : ""}`}>
                    <td data-label={t("catalogue.code")} className="px-4 py-2 font-mono text-xs">
                      {item.code}
                    </td>
                    <td data-label={t("catalogue.name")} data-stack="title" className="px-4 py-2">
                      <Link className={`link ${retired ? "text-slate-600" : ""}`} to={`/catalogue/${encodeURIComponent(item.code)}`}>
                        {en ? item.nameEn : item.name}
                      </Link>
                      {item.aliases.length ? <span className="ml-2 text-xs text-slate-600">{item.aliases.join("、")}</span> : null}
                    </td>
                    <td data-label={t("catalogue.category")} className="px-4 py-2">
                      {en ? item.categoryEn || item.category : item.category}
                    </td>
                    <td data-label={t("catalogue.department")} className="px-4 py-2">
                      {item.department}
                    </td>
                    <td data-label={t("catalogue.status")} className="px-4 py-2">
                      {retired ? (
                        <span className="inline-flex flex-col">
                          <span className="w-fit rounded border border-slate-400 bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-700">
                            {t("catalogueAdmin.list.retiredBadge")}
                          </span>
                          {item.retiredAt ? (
                            <span className="mt-0.5 text-xs">
                              {t("catalogueAdmin.list.retiredOn", { date: formatDate(item.retiredAt, i18n.language) })}
                            </span>
                          ) : null}
                        </span>
                      ) : (
                        <span className="text-green-700">{t(`catalogueStatus.${item.status}`)}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={d.page} pages={d.pages} />
    </div>
  );
}
