import { useTranslation } from "~/i18n/use-translation";
import { data } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/cases";
import { pageTitle } from "~/lib/meta";
import { Pager } from "~/components/pager";
import { formatDate } from "~/lib/format";
import { can } from "~/lib/permissions";
import { signedIn } from "~/lib/route.server";
import { CASE_STATUSES, caseListQuerySchema } from "~/schemas/case";
import { listCases } from "~/services/supervision/cases.server";

/**
 * GET /cases — for a regulator every case, filtered by status (?status=OPEN is
 * the intake queue, UNDER_REVIEW the review queue, APPEAL the appeal queue);
 * for everyone else the complaints they filed and, for an agency's users, the
 * cases against their agency. Unknown filters are ignored, never a 500.
 */
export async function loader({ request }: Route.LoaderArgs) {
  // Anyone signed in: the module shows each user only the cases that concern them.
  const { user, db } = await signedIn(request);
  const query = caseListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const list = await listCases(db, user, query);
  return data(
    { ...list, status: query.status ?? null, isRegulator: can(user, "supervision:act") },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.cases" });
}

export default function Cases({ loaderData: d }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const total = Object.values(d.counts).reduce((s, n) => s + (n ?? 0), 0);
  return (
    <div className="space-y-4">
      <h1 className="h1">{t("cases.title")}</h1>
      <p className="text-sm text-slate-600">{d.isRegulator ? t("cases.intro.regulator") : t("cases.intro.other")}</p>
      <nav aria-label={t("cases.statusFilter")} className="flex flex-wrap gap-2 text-sm">
        <Link
          className={d.status === null ? "btn-primary" : "btn-secondary"}
          to="/cases"
          aria-current={d.status === null ? "page" : undefined}
        >
          {t("cases.all")} ({total})
        </Link>
        {CASE_STATUSES.map((s) => (
          <Link
            key={s}
            className={d.status === s ? "btn-primary" : "btn-secondary"}
            to={`/cases?status=${s}`}
            aria-current={d.status === s ? "page" : undefined}
          >
            {t(`cases.status.${s}`)} ({d.counts[s] ?? 0})
          </Link>
        ))}
      </nav>
      <p className="text-sm text-slate-600" role="status">
        {t("cases.count", { count: d.total })}
      </p>
      {d.cases.length === 0 ? (
        <p className="card text-slate-600">{t("cases.empty")}</p>
      ) : (
        <div className="card overflow-x-auto p-0">
          <table className="stack-table stack-table-inset w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("cases.columns.code")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("cases.columns.agency")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("cases.columns.subject")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("cases.columns.status")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("cases.columns.decision")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("cases.columns.filedAt")}
                </th>
                {d.isRegulator ? null : (
                  <th scope="col" className="px-3 py-2">
                    {t("cases.columns.relation")}
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {d.cases.map((c) => (
                <tr key={c.id}>
                  <td data-label={t("cases.columns.code")} data-stack="title" className="px-3 py-2 font-mono">
                    <Link className="link" to={`/cases/${c.id}`}>
                      {c.code}
                    </Link>
                  </td>
                  <td data-label={t("cases.columns.agency")} className="px-3 py-2">
                    {c.agencyName}
                  </td>
                  <td data-label={t("cases.columns.subject")} className="px-3 py-2 break-words">
                    {c.subject}
                  </td>
                  <td data-label={t("cases.columns.status")} className="px-3 py-2">
                    {t(`cases.status.${c.status}`)}
                  </td>
                  <td data-label={t("cases.columns.decision")} className="px-3 py-2">
                    {c.decision ? t(`cases.decisionKinds.${c.decision}`) : "—"}
                  </td>
                  <td data-label={t("cases.columns.filedAt")} className="px-3 py-2 whitespace-nowrap">
                    {formatDate(c.createdAt, lang)}
                  </td>
                  {d.isRegulator ? null : (
                    <td data-label={t("cases.columns.relation")} className="px-3 py-2">
                      {t(`cases.relation.${c.relation}`)}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={d.page} pages={d.pages} />
    </div>
  );
}
