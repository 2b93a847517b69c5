import { useTranslation } from "~/i18n/use-translation";
import { Link } from "~/components/link";
import { formatYuan } from "~/lib/money";

type Savings = {
  avoided: number;
  savedFen: string;
  items: { code: string; name: string; nameEn: string; avoided: number; medianFen: string | null; savedFen: string }[];
};

/** The regulator dashboard's card: requests avoided by regional assessments and the money saved, by item (decision 036). */
export function ZoneSavingsCard({ savings }: { savings: Savings }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  return (
    <section className="card space-y-3" aria-labelledby="zone-savings-title" data-indicator="zone-savings">
      <h2 id="zone-savings-title" className="h2">
        {t("zones.dashboard.title")}
      </h2>
      <p className="text-sm text-slate-600">{t("zones.dashboard.intro")}</p>
      {savings.items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("zones.dashboard.none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="stack-table w-full text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                <th scope="col" className="py-1 pr-3">
                  {t("zones.dashboard.item")}
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  {t("zones.dashboard.avoided")}
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  {t("zones.dashboard.median")}
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  {t("zones.dashboard.saved")}
                </th>
              </tr>
            </thead>
            <tbody>
              {savings.items.map((r) => (
                <tr key={r.code} className="border-t border-slate-100" data-item={r.code}>
                  <th scope="row" data-stack="title" className="py-1 pr-3 text-left font-normal">
                    {r.code} {lang === "en" ? r.nameEn : r.name}
                  </th>
                  <td data-label={t("zones.dashboard.avoided")} className="py-1 pr-3 text-right tabular-nums">
                    {r.avoided}
                  </td>
                  <td data-label={t("zones.dashboard.median")} className="py-1 pr-3 text-right tabular-nums">
                    {r.medianFen === null ? t("zones.dashboard.noMedian") : formatYuan(r.medianFen, lang)}
                  </td>
                  <td data-label={t("zones.dashboard.saved")} className="py-1 pr-3 text-right tabular-nums">
                    {formatYuan(r.savedFen, lang)}
                  </td>
                </tr>
              ))}
              <tr className="border-t border-slate-300 font-semibold" data-item="total">
                <th scope="row" data-stack="title" className="py-1 pr-3 text-left">
                  {t("zones.dashboard.total")}
                </th>
                <td data-label={t("zones.dashboard.avoided")} className="py-1 pr-3 text-right tabular-nums">
                  {savings.avoided}
                </td>
                <td data-label={t("zones.dashboard.median")} className="py-1 pr-3 text-right">
                  —
                </td>
                <td data-label={t("zones.dashboard.saved")} className="py-1 pr-3 text-right tabular-nums">
                  {formatYuan(savings.savedFen, lang)}
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
      <p className="text-sm">
        <Link className="link" to="/zones">
          {t("zones.dashboard.registerLink")}
        </Link>
      </p>
    </section>
  );
}
