import { useTranslation } from "~/i18n/use-translation";
import { creditGrade } from "~/lib/credit-grade";
import { Form } from "react-router";
import { Link } from "~/components/link";
import { z } from "~/lib/zod";
import type { Route } from "./+types/agencies";
import { pageTitle } from "~/lib/meta";
import { Pager } from "~/components/pager";
import { visitor } from "~/lib/route.server";
import { regionLabel } from "~/data/regions";
import { directoryFacets, searchDirectory } from "~/services/agencies/directory.server";
import { FilterSelect } from "~/components/filter-select";

// Query parameters are validated like any input; invalid ones are ignored, not a 500.
const querySchema = z.object({
  q: z.string().max(100).optional().catch(undefined),
  item: z.string().max(40).optional().catch(undefined),
  type: z.string().max(100).optional().catch(undefined),
  level: z.string().max(50).optional().catch(undefined),
  minRating: z.coerce.number().min(0).max(5).optional().catch(undefined),
  minCredit: z.coerce.number().int().min(0).max(1000).optional().catch(undefined),
  sort: z.enum(["credit", "rating", "awards"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});

export async function loader({ request }: Route.LoaderArgs) {
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const query = querySchema.parse(params);
  const { db } = await visitor(request);
  const [result, facets] = await Promise.all([
    searchDirectory(db, {
      q: query.q,
      item: query.item,
      credentialType: query.type,
      level: query.level,
      minRating: query.minRating,
      minCredit: query.minCredit,
      sort: query.sort,
      page: query.page,
    }),
    directoryFacets(db),
  ]);
  // Only what the page shows: each agency's items once (not its credentials), so the data React Router
  // encodes for every document is a third of the size (decision 045).
  const agencies = result.agencies.map(({ credentials, ...a }) => ({
    ...a,
    items: [
      ...new Map(credentials.flatMap((c) => c.items.map(({ item }) => [item.code, { name: item.name, nameEn: item.nameEn }]))).values(),
    ],
  }));
  return { ...result, agencies, facets, query };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.directory" });
}

export default function Agencies({ loaderData: d }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const itemName = (i: { name: string; nameEn: string }) => (lang === "en" ? i.nameEn : i.name);
  // A link that keeps the other filters and picks one item.
  const withItem = (code: string) => {
    const params = new URLSearchParams(
      Object.entries(d.query).flatMap(([k, v]) => (v === undefined || k === "page" ? [] : [[k, String(v)]])),
    );
    params.set("item", code);
    return `/agencies?${params}`;
  };
  const q = d.query;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="h1">{t("directory.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("directory.intro")}</p>
      </div>
      <Form method="get" className="card grid gap-3 sm:grid-cols-3" role="search">
        <div className="sm:col-span-3">
          <label htmlFor="dq" className="label">
            {t("directory.search")}
          </label>
          <input id="dq" name="q" type="search" defaultValue={q.q ?? ""} className="input mt-1" />
        </div>
        <div>
          <label htmlFor="ditem" className="label">
            {t("directory.item")}
          </label>
          <input
            id="ditem"
            name="item"
            type="search"
            maxLength={40}
            defaultValue={d.item?.code ?? q.item ?? ""}
            className="input mt-1"
            aria-describedby="ditem-hint"
          />
          <p id="ditem-hint" className="hint">
            {t("directory.itemHint")}
          </p>
        </div>
        <FilterSelect
          id="dtype"
          name="type"
          label={t("directory.credentialType")}
          value={q.type}
          options={d.facets.types.map((v) => ({ value: v, label: v }))}
          anyLabel={t("directory.any")}
        />
        <FilterSelect
          id="dlevel"
          name="level"
          label={t("directory.level")}
          value={q.level}
          options={d.facets.levels.map((v) => ({ value: v, label: v }))}
          anyLabel={t("directory.any")}
        />
        <FilterSelect
          id="drating"
          name="minRating"
          label={t("directory.minRating")}
          value={q.minRating?.toString()}
          options={["3", "4", "4.5"].map((v) => ({ value: v, label: `≥ ${v}` }))}
          anyLabel={t("directory.any")}
        />
        <FilterSelect
          id="dcredit"
          name="minCredit"
          label={t("directory.minCredit")}
          value={q.minCredit?.toString()}
          options={["60", "80", "90", "100"].map((v) => ({ value: v, label: `≥ ${v}` }))}
          anyLabel={t("directory.any")}
        />
        <FilterSelect
          id="dsort"
          name="sort"
          label={t("directory.sort")}
          value={q.sort}
          options={[
            { value: "credit", label: t("directory.sortCredit") },
            { value: "rating", label: t("directory.sortRating") },
            { value: "awards", label: t("directory.sortAwards") },
          ]}
        />
        <div className="flex gap-2 sm:col-span-3">
          <button className="btn-primary" type="submit">
            {t("directory.submit")}
          </button>
          <Link className="btn-secondary" to="/agencies">
            {t("directory.reset")}
          </Link>
        </div>
      </Form>
      {q.item && !d.item ? (
        <div className="card text-sm">
          {d.itemChoices.length === 0 ? (
            <p>
              {t("directory.itemNone", { text: q.item })}{" "}
              <Link className="link" to="/catalogue">
                {t("nav.catalogue")}
              </Link>
            </p>
          ) : (
            <>
              <p>{t("directory.itemChoose", { text: q.item })}</p>
              <ul className="mt-2 flex flex-wrap gap-2">
                {d.itemChoices.map((i) => (
                  <li key={i.code}>
                    <Link className="btn-secondary" to={withItem(i.code)}>
                      {itemName(i)} <span className="text-xs text-slate-500">{i.code}</span>
                    </Link>
                  </li>
                ))}
              </ul>
              {d.moreItemChoices ? <p className="hint mt-2">{t("directory.itemChooseMore", { count: d.itemChoices.length })}</p> : null}
            </>
          )}
        </div>
      ) : null}
      <p className="text-sm text-slate-600" role="status">
        {d.item ? `${t("directory.byItem", { item: itemName(d.item) })} ` : null}
        {d.capped ? t("directory.totalCapped", { count: d.total }) : t("directory.total", { count: d.total })}
      </p>
      {d.agencies.length === 0 ? (
        <p className="card text-slate-600">{t("directory.empty")}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {d.agencies.map((a) => {
            const items = a.items.map(itemName);
            return (
              <li key={a.id} className="card">
                <Link className="link font-medium" to={`/agencies/${a.id}`}>
                  {a.organization.name}
                </Link>
                <p className="mt-1 font-mono text-xs text-slate-500">{a.organization.creditCode}</p>
                <p className="mt-2 text-sm text-slate-600">
                  {t("directory.region")}：{a.organization.regionCode ? regionLabel(a.organization.regionCode, lang) : "—"} ·{" "}
                  {t(`entityTypes.${a.entityType}`)}
                </p>
                <p className="text-sm text-slate-600">
                  {t("creditGrade.scoreWithGrade", { score: a.creditScore, grade: creditGrade(a.creditScore) })} ·{" "}
                  {a.ratingAvg != null
                    ? t("directory.ratingValue", { value: a.ratingAvg.toFixed(1), count: a.ratingCount })
                    : t("directory.noRating")}{" "}
                  · {t("directory.awards", { count: a.awardsCount })}
                </p>
                {items.length ? (
                  <p className="mt-1 text-sm">
                    {t("directory.items")}：{items.join(lang === "en" ? ", " : "、")}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <Pager page={d.page} pages={d.pages} />
    </div>
  );
}
