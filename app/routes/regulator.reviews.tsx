import { useTranslation } from "react-i18next";
import type { Route } from "./+types/regulator.reviews";
import { getDb } from "~/db/client.server";
import { regionLabel } from "~/data/regions";
import { requireRole } from "~/lib/session.server";
import { listPendingAgencies } from "~/services/agencies/queries.server";

export async function loader({ request }: Route.LoaderArgs) {
  await requireRole(request, "REGULATOR");
  return { pending: await listPendingAgencies(await getDb()) };
}

export function meta() {
  return [{ title: "入驻审核 · 中介超市" }];
}

export default function Reviews({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  return (
    <div className="space-y-4">
      <h1 className="h1">{t("regulator.queueTitle")}</h1>
      {loaderData.pending.length === 0 ? (
        <p className="card text-slate-600">{t("regulator.queueEmpty")}</p>
      ) : (
        <ul className="space-y-3">
          {loaderData.pending.map((a) => (
            <li key={a.id} className="card">
              <p className="font-medium">{a.organization.name}</p>
              <p className="font-mono text-xs text-slate-500">{a.organization.creditCode}</p>
              <p className="text-sm text-slate-600">
                {a.organization.regionCode ? regionLabel(a.organization.regionCode, lang) : "—"} · {t("regulator.submittedAt")}{" "}
                {new Date(a.createdAt).toLocaleDateString(lang === "en" ? "en-GB" : "zh-CN", { timeZone: "Asia/Shanghai" })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
