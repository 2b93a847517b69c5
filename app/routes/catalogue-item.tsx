import { useTranslation } from "react-i18next";
import type { Route } from "./+types/catalogue-item";
import { getDb } from "~/db/client.server";
import { getCatalogueItem } from "~/services/catalogue/queries.server";

export async function loader({ params }: Route.LoaderArgs) {
  const item = await getCatalogueItem(await getDb(), params.code);
  if (!item) throw new Response("Not Found", { status: 404 });
  return { item };
}

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `${data?.item.name ?? ""} · 中介超市` }];
}

export default function CatalogueItem({ loaderData: { item } }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const rows: [string, React.ReactNode][] = [
    [t("catalogue.code"), <span className="font-mono">{item.code}</span>],
    [t("catalogue.category"), item.category],
    [t("catalogue.department"), item.department],
    [t("catalogue.approvalServed"), item.approvalServed],
    [t("catalogue.legalBasis"), item.legalBasis],
    [t("catalogue.feeBasis"), t(`feeBasis.${item.feeBasis}`)],
    [t("catalogue.timeLimit"), t("catalogue.workingDays", { count: item.timeLimitDays })],
    [t("catalogue.qualificationTypes"), item.qualificationTypes.length ? item.qualificationTypes.join("、") : t("catalogue.noQualification")],
    [t("catalogue.standards"), item.standards],
    [t("catalogue.materials"), item.materials],
    [t("catalogue.procedure"), item.procedure],
    [t("catalogue.content"), item.content],
    [t("catalogue.fees"), item.fees],
    [t("catalogue.qualityControl"), item.qualityControl],
  ];
  return (
    <article className="space-y-4">
      <header>
        <h1 className="h1">{i18n.language === "en" ? item.nameEn : item.name}</h1>
        <p className="mt-1 text-sm text-slate-500">
          {t("catalogue.version", { version: item.version })} · {t(`catalogueStatus.${item.status}`)}
        </p>
      </header>
      {item.status === "RETIRED" ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">{t("catalogue.retiredNotice")}</p>
      ) : null}
      <dl className="card divide-y divide-slate-100 p-0">
        {rows.map(([label, value]) => (
          <div key={label} className="grid gap-1 px-5 py-3 sm:grid-cols-4">
            <dt className="text-sm font-medium text-slate-600">{label}</dt>
            <dd className="whitespace-pre-line text-sm sm:col-span-3">{value}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
