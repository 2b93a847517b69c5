import { useTranslation } from "react-i18next";
import type { Route } from "./+types/agencies";
import { getDb } from "~/db/client.server";
import { regionLabel } from "~/data/regions";
import { listListedAgencies } from "~/services/agencies/queries.server";

export async function loader() {
  return { agencies: await listListedAgencies(await getDb()) };
}

export function meta() {
  return [{ title: "中介机构 · 中介超市" }];
}

export default function Agencies({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  return (
    <div className="space-y-4">
      <h1 className="h1">{t("agencies.title")}</h1>
      {loaderData.agencies.length === 0 ? (
        <p className="card text-slate-600">{t("agencies.empty")}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {loaderData.agencies.map((a) => (
            <li key={a.id} className="card">
              <p className="font-medium">{a.organization.name}</p>
              <p className="mt-1 font-mono text-xs text-slate-500">{a.organization.creditCode}</p>
              <p className="mt-2 text-sm text-slate-600">
                {t("agencies.region")}：{a.organization.regionCode ? regionLabel(a.organization.regionCode, lang) : "—"} · {t(`entityTypes.${a.entityType}`)} · {t("agencies.credit")} {a.creditScore}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
