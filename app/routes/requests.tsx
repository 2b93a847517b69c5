import { useTranslation } from "~/i18n/use-translation";
import { Form } from "react-router";
import { Link } from "~/components/link";
import { z } from "~/lib/zod";
import type { Route } from "./+types/requests";
import { pageTitle } from "~/lib/meta";
import { Pager } from "~/components/pager";
import { formatDateTime } from "~/lib/format";
import { formatYuan } from "~/lib/money";
import { can } from "~/lib/permissions";
import { visitor } from "~/lib/route.server";
import { catalogueChoices } from "~/services/catalogue/queries.server";
import { REQUEST_STATUSES, SELECTION_METHODS, isUnpublishedState } from "~/services/requests/enums";
import { listRequests } from "~/services/requests/public-view.server";
import { FilterSelect } from "~/components/filter-select";

// Query parameters are validated like any input; invalid ones are ignored, not a 500.
const querySchema = z.object({
  status: z.enum(REQUEST_STATUSES).optional().catch(undefined),
  item: z.string().max(40).optional().catch(undefined),
  method: z.enum(SELECTION_METHODS).optional().catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
  mine: z.literal("1").optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export async function loader({ request }: Route.LoaderArgs) {
  const { user, db } = await visitor(request);
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const query = querySchema.parse(params);
  // "Mine" means the enterprise's own requests or the agency's bids.
  const mine = query.mine === "1" && (can(user, "request:manage") || can(user, "bid:submit"));
  const [result, items] = await Promise.all([
    listRequests(db, user, { status: query.status, item: query.item, method: query.method, q: query.q, mine, page: query.page }),
    catalogueChoices(db),
  ]);
  return { ...result, items, query: { ...query, mine }, viewer: user && { role: user.role } };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.requests" });
}

export default function Requests({ loaderData: d }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const q = d.query;
  const enterprise = can(d.viewer, "request:manage");
  const agency = can(d.viewer, "bid:submit");
  const statuses = REQUEST_STATUSES.filter((s) => !isUnpublishedState(s) || (enterprise && q.mine));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="h1">{t("requests.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("requests.list.intro")}</p>
        </div>
        {enterprise ? (
          <Link className="btn-primary" to="/requests/new">
            {t("requests.list.post")}
          </Link>
        ) : null}
      </div>
      <Form method="get" className="card grid gap-3 sm:grid-cols-3" role="search" aria-label={t("requests.list.filters")}>
        <div className="sm:col-span-3">
          <label htmlFor="rq" className="label">
            {t("requests.list.search")}
          </label>
          <input id="rq" name="q" type="search" defaultValue={q.q ?? ""} className="input mt-1" aria-describedby="rq-hint" />
          <p id="rq-hint" className="hint">
            {t("requests.list.searchHint")}
          </p>
        </div>
        <FilterSelect
          id="rstatus"
          name="status"
          label={t("requests.fields.status")}
          value={q.status}
          options={statuses.map((s) => ({ value: s, label: t(`requests.status.${s}`) }))}
          anyLabel={t("requests.list.any")}
        />
        <FilterSelect
          id="ritem"
          name="item"
          label={t("requests.fields.item")}
          value={q.item}
          options={d.items.map((i) => ({ value: i.code, label: `${i.code} ${lang === "en" ? i.nameEn : i.name}` }))}
          anyLabel={t("requests.list.any")}
        />
        <FilterSelect
          id="rmethod"
          name="method"
          label={t("requests.fields.method")}
          value={q.method}
          options={SELECTION_METHODS.map((m) => ({ value: m, label: t(`requests.methods.${m}`) }))}
          anyLabel={t("requests.list.any")}
        />
        {enterprise || agency ? (
          <label className="flex items-center gap-2 text-sm sm:col-span-3">
            <input type="checkbox" name="mine" value="1" defaultChecked={q.mine} />
            {enterprise ? t("requests.list.mineEnterprise") : t("requests.list.mineAgency")}
          </label>
        ) : null}
        <div className="flex gap-2 sm:col-span-3">
          <button className="btn-primary" type="submit">
            {t("requests.list.submit")}
          </button>
          <Link className="btn-secondary" to="/requests">
            {t("requests.list.reset")}
          </Link>
        </div>
      </Form>
      <p className="text-sm text-slate-600" role="status">
        {t("requests.list.total", { count: d.total })}
      </p>
      {d.requests.length === 0 ? (
        <p className="card text-slate-600">{t("requests.empty")}</p>
      ) : (
        <div className="card overflow-x-auto p-0">
          <table className="stack-table stack-table-inset w-full text-left text-sm">
            <caption className="sr-only">{t("requests.title")}</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("requests.fields.code")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("requests.fields.title")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("requests.fields.item")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("requests.fields.method")}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t("requests.fields.priceCap")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("requests.fields.closesAt")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("requests.fields.status")}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t("requests.fields.bidCount")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {d.requests.map((r) => (
                <tr key={r.id}>
                  <td data-label={t("requests.fields.code")} className="px-3 py-2 font-mono text-xs">
                    {r.code}
                  </td>
                  <td data-label={t("requests.fields.title")} data-stack="title" className="px-3 py-2">
                    <Link className="link font-medium" to={`/requests/${r.id}`}>
                      {r.title}
                    </Link>
                  </td>
                  <td data-label={t("requests.fields.item")} className="px-3 py-2">
                    {lang === "en" ? r.item.nameEn : r.item.name}
                  </td>
                  <td data-label={t("requests.fields.method")} className="px-3 py-2">
                    {t(`requests.methods.${r.selectionMethod}`)}
                  </td>
                  <td data-label={t("requests.fields.priceCap")} className="px-3 py-2 text-right tabular-nums">
                    {formatYuan(r.priceCapFen, lang)}
                  </td>
                  <td data-label={t("requests.fields.closesAt")} className="px-3 py-2">
                    <time dateTime={new Date(r.closesAt).toISOString()}>{formatDateTime(r.closesAt, lang)}</time>
                  </td>
                  <td data-label={t("requests.fields.status")} className="px-3 py-2">
                    {t(`requests.status.${r.status}`)}
                    {r.overdue ? (
                      <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800">
                        {t("award.service.overdue")}
                      </span>
                    ) : null}
                  </td>
                  <td data-label={t("requests.fields.bidCount")} className="px-3 py-2 text-right tabular-nums">
                    {r.bidCount ?? "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="hint">{t("requests.list.beijingTime")}</p>
      <Pager page={d.page} pages={d.pages} />
    </div>
  );
}
