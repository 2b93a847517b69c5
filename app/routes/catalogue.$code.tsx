import type { TFunction } from "i18next";
import { useTranslation } from "~/i18n/use-translation";
import { useRouteLoaderData } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/catalogue.$code";
import { feedUrl } from "~/lib/feeds";
import { languageOf, pageTitle, translated } from "~/lib/meta";
import type { loader as rootLoader } from "~/root";
import type { SnapshotField } from "~/schemas/catalogue";
import type { SnapshotValue } from "~/services/catalogue/diff";
import { getCatalogueItem } from "~/services/catalogue/queries.server";
import { formatDate } from "~/lib/format";
import { can } from "~/lib/permissions";
import { visitor } from "~/lib/route.server";

export async function loader({ params, request }: Route.LoaderArgs) {
  const { db } = await visitor(request);
  const item = await getCatalogueItem(db, params.code);
  if (!item) throw new Response("Not Found", { status: 404 });
  // After an admin's change: confirm it, but only for the version that is actually current.
  const saved = Number(new URL(request.url).searchParams.get("saved"));
  return { item, saved: saved === item.version ? saved : null };
}

export function meta({ data, matches }: Route.MetaArgs) {
  const lang = languageOf(matches);
  return [
    ...pageTitle(matches, data?.item.name),
    ...(data
      ? [
          {
            tagName: "link",
            rel: "alternate",
            type: "application/atom+xml",
            title: translated(lang, "feeds.subscribeItem"),
            href: feedUrl({ item: data.item.code, lang }),
          },
        ]
      : []),
  ];
}

/** A snapshot value as readers see it: enums translated, lists joined, empty marked. */
function displayValue(t: TFunction, field: SnapshotField, value: SnapshotValue): string {
  if (value === null || value === "" || (Array.isArray(value) && value.length === 0)) return t("catalogueAdmin.history.empty");
  if (field === "feeBasis" && (value === "MARKET" || value === "GOVERNMENT")) return t(`feeBasis.${value}`);
  if (field === "status" && (value === "IN_FORCE" || value === "RETIRED")) return t(`catalogueStatus.${value}`);
  if (field === "timeLimitDays" && typeof value === "number") return t("catalogue.workingDays", { count: value });
  if (Array.isArray(value)) return value.join("、");
  return String(value);
}

export default function CatalogueItem({ loaderData: { item, saved } }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const isAdmin = can(root?.user, "catalogue:edit");
  const retired = item.status === "RETIRED";
  const rows: [string, React.ReactNode][] = [
    [t("catalogue.code"), <span className="font-mono">{item.code}</span>],
    [t("catalogue.category"), en ? item.categoryEn || item.category : item.category],
    [t("catalogue.department"), item.department],
    [t("catalogue.approvalServed"), item.approvalServed],
    [t("catalogue.legalBasis"), item.legalBasis],
    [t("catalogue.feeBasis"), t(`feeBasis.${item.feeBasis}`)],
    [t("catalogue.timeLimit"), t("catalogue.workingDays", { count: item.timeLimitDays })],
    [
      t("catalogue.qualificationTypes"),
      item.qualificationTypes.length ? item.qualificationTypes.join("、") : t("catalogue.noQualification"),
    ],
    [t("catalogue.standards"), item.standards],
    [t("catalogue.materials"), item.materials],
    [t("catalogue.procedure"), item.procedure],
    [t("catalogue.content"), item.content],
    [t("catalogue.fees"), item.fees],
    [t("catalogue.qualityControl"), item.qualityControl],
  ];
  return (
    <article className="space-y-4">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="h1">{en ? item.nameEn : item.name}</h1>
          <p className="text-sm text-slate-600" lang={en ? "zh" : "en"}>
            {en ? item.name : item.nameEn}
          </p>
          {item.aliases.length ? (
            <p className="text-sm text-slate-600">
              {t("catalogue.aliases")}：<span lang="zh">{item.aliases.join("、")}</span>
            </p>
          ) : null}
          <p className="mt-1 text-sm text-slate-500">
            {t("catalogue.version", { version: item.version })} · {t(`catalogueStatus.${item.status}`)}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link className="btn-secondary" to={`/agencies?item=${encodeURIComponent(item.code)}`}>
            {t("catalogue.agenciesForItem")}
          </Link>
          {!retired && (!root?.user || can(root.user, "request:post")) ? (
            <Link className="btn-primary" to={`/requests/new?item=${encodeURIComponent(item.code)}`}>
              {t("catalogue.postRequest")}
            </Link>
          ) : null}
          <a className="btn-secondary" href={feedUrl({ item: item.code, lang: i18n.language })} type="application/atom+xml">
            {t("feeds.subscribeItem")}
          </a>
          {isAdmin && !retired ? (
            <Link className="btn-secondary" to={`/admin/catalogue/${encodeURIComponent(item.code)}/edit`}>
              {t("catalogueAdmin.edit")}
            </Link>
          ) : null}
        </div>
      </header>
      {saved ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {t("catalogueAdmin.saved", { version: saved })}
        </p>
      ) : null}
      {retired ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {item.retiredAt
            ? t("catalogueAdmin.retiredNotice", { date: formatDate(item.retiredAt, i18n.language) })
            : t("catalogue.retiredNotice")}
        </p>
      ) : null}
      <dl className="card divide-y divide-slate-100 p-0">
        {rows.map(([label, value]) => (
          <div key={label} className="grid gap-1 px-5 py-3 sm:grid-cols-4">
            <dt className="text-sm font-medium text-slate-600">{label}</dt>
            <dd className="whitespace-pre-line text-sm sm:col-span-3">{value}</dd>
          </div>
        ))}
      </dl>
      <section id="history" className="space-y-3" aria-labelledby="history-title">
        <h2 id="history-title" className="h2">
          {t("catalogueAdmin.history.title")}
        </h2>
        <p className="text-sm text-slate-600">{t("catalogueAdmin.history.intro")}</p>
        <ol className="space-y-3">
          {item.history.map((v) => (
            <li key={v.version} className="card" aria-labelledby={`v${v.version}-title`}>
              <h3 id={`v${v.version}-title`} className="font-semibold">
                {t("catalogueAdmin.history.version", { version: v.version })}
                <span className="ml-2 text-sm font-normal text-slate-500">
                  {t("catalogueAdmin.history.date")}{" "}
                  <time dateTime={new Date(v.createdAt).toISOString()}>{formatDate(v.createdAt, i18n.language)}</time>
                </span>
              </h3>
              <p className="mt-1 text-sm">
                <span className="mr-2 font-medium text-slate-600">{t("catalogueAdmin.history.reason")}</span>
                <span className="whitespace-pre-line">{v.reason}</span>
              </p>
              {v.initial ? (
                <p className="mt-1 text-sm text-slate-600">{t("catalogueAdmin.history.initial")}</p>
              ) : v.changes.length === 0 ? (
                <p className="mt-1 text-sm text-slate-600">{t("catalogueAdmin.history.noChanges")}</p>
              ) : (
                <div className="mt-2 overflow-x-auto">
                  <table className="stack-table w-full text-left text-sm">
                    <caption className="sr-only">{t("catalogueAdmin.history.changedFields")}</caption>
                    <thead className="bg-slate-100 text-slate-700">
                      <tr>
                        <th scope="col" className="px-3 py-1.5">
                          {t("catalogueAdmin.history.field")}
                        </th>
                        <th scope="col" className="px-3 py-1.5">
                          {t("catalogueAdmin.history.before")}
                        </th>
                        <th scope="col" className="px-3 py-1.5">
                          {t("catalogueAdmin.history.after")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {v.changes.map((c) => (
                        <tr key={c.field} className="border-t border-slate-100 align-top">
                          <th scope="row" className="px-3 py-1.5 font-medium whitespace-nowrap">
                            {t(`catalogueAdmin.fields.${c.field}`)}
                          </th>
                          <td data-label={t("catalogueAdmin.history.before")} className="px-3 py-1.5 whitespace-pre-line text-slate-500">
                            <del className="no-underline">{displayValue(t, c.field, c.before)}</del>
                          </td>
                          <td data-label={t("catalogueAdmin.history.after")} className="px-3 py-1.5 whitespace-pre-line">
                            <ins className="no-underline">{displayValue(t, c.field, c.after)}</ins>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
