import { useTranslation } from "~/i18n/use-translation";
import { Link } from "~/components/link";
import type { Route } from "./+types/navigator.rules";
import { formatDateTime } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { visitor } from "~/lib/route.server";
import { useConditions } from "~/components/rule-conditions";
import { listRules, rulesUpdatedAt, type RuleRow } from "~/services/navigator/queries.server";

/**
 * GET /navigator/rules — 产业项目行政审批相关中介服务目录 (row 73; decision 039): the
 * navigator's rules in force, published per industrial block (the district-wide ones
 * first), with the time of the last change. Public.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const { db } = await visitor(request);
  const rules = await listRules(db);
  const blocks = new Map<string, { zone: { code: string; name: string } | null; rules: RuleRow[] }>();
  for (const r of rules) {
    const key = r.zoneId ?? "";
    if (!blocks.has(key)) blocks.set(key, { zone: r.zone, rules: [] });
    blocks.get(key)!.rules.push(r);
  }
  const ordered = [...blocks.values()].sort((a, b) => (a.zone?.code ?? "").localeCompare(b.zone?.code ?? ""));
  return { blocks: ordered, updatedAt: await rulesUpdatedAt(db) };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "navigator.rules.title" });
}

export default function NavigatorRules({ loaderData: d }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const conditions = useConditions();
  const col = (k: string) => t(`navigator.rules.columns.${k}` as never) as string;
  return (
    <div className="space-y-4">
      <section className="card space-y-2" aria-labelledby="rules-title">
        <h1 id="rules-title" className="h1">
          {t("navigator.rules.title")}
        </h1>
        <p className="text-sm text-slate-700">{t("navigator.rules.intro")}</p>
        {d.updatedAt ? (
          <p className="text-sm text-slate-700" data-testid="rules-updated">
            {t("navigator.updatedAt", { at: formatDateTime(d.updatedAt) })}
          </p>
        ) : null}
        <p className="text-sm">
          <Link className="link" to="/navigator">
            {t("zones.navigator.title")}
          </Link>
        </p>
      </section>
      {d.blocks.length === 0 ? <p className="card text-slate-600">{t("navigator.rules.empty")}</p> : null}
      {d.blocks.map((b, n) => (
        <section key={b.zone?.code ?? "all"} className="card overflow-x-auto" aria-labelledby={`block-${n}`}>
          <h2 id={`block-${n}`} className="h2">
            {b.zone ? t("navigator.rules.block", { zone: `${b.zone.code} ${b.zone.name}` }) : t("navigator.rules.allBlocks")}
          </h2>
          <table className="stack-table mt-2 w-full text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                {["stage", "order", "item", "industries", "scale", "gov", "note", "history"].map((k) => (
                  <th key={k} scope="col" className="py-1 pr-3">
                    {col(k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rules.map((r) => {
                const c = conditions(r);
                return (
                  <tr key={r.id} className="border-t border-slate-100" data-item={r.item.code}>
                    <td data-label={col("stage")} className="py-1 pr-3">
                      {t(`zones.navigator.stages.${r.stage}`)}
                    </td>
                    <td data-label={col("order")} className="py-1 pr-3 tabular-nums">
                      {r.position}
                    </td>
                    <td data-label={col("item")} data-stack="title" className="py-1 pr-3">
                      <Link className="link" to={`/catalogue/${r.item.code}`}>
                        {r.item.code} {lang === "en" ? r.item.nameEn : r.item.name}
                      </Link>
                    </td>
                    <td data-label={col("industries")} className="py-1 pr-3">
                      {c.industries}
                    </td>
                    <td data-label={col("scale")} className="py-1 pr-3">
                      {c.scale}
                    </td>
                    <td data-label={col("gov")} className="py-1 pr-3">
                      {c.gov}
                    </td>
                    <td data-label={col("note")} className="py-1 pr-3">
                      {(lang === "en" ? r.noteEn : r.note) || "—"}
                    </td>
                    <td data-label={col("history")} className="py-1 pr-3">
                      <Link
                        className="link"
                        to={`/navigator/rules/${r.id}`}
                        aria-label={t("navigator.rules.historyLabel", { code: r.item.code })}
                      >
                        {t("navigator.rules.historyLink")}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
