import { useTranslation } from "react-i18next";
import type { Route } from "./+types/agency";
import { getDb } from "~/db/client.server";
import { regionLabel } from "~/data/regions";
import { formatDate } from "~/lib/format";
import { agencyProfile } from "~/services/agencies/directory.server";

export async function loader({ params }: Route.LoaderArgs) {
  const agency = await agencyProfile(await getDb(), params.id);
  if (!agency) throw new Response("Not Found", { status: 404 });
  return { agency };
}

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `${data?.agency.organization.name ?? ""} · 中介超市` }];
}

export default function AgencyProfile({ loaderData: { agency: a } }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const sep = lang === "en" ? ", " : "、";
  return (
    <article className="space-y-4">
      <header className="card">
        <h1 className="h1">{a.organization.name}</h1>
        <p className="mt-1 font-mono text-sm text-slate-500">{a.organization.creditCode}</p>
        <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-3">
          <div><dt className="text-slate-500">{t("directory.status")}</dt><dd>{t(`agencyStatus.${a.status}`)}{a.status === "SUSPENDED" && a.suspendedUntil ? ` → ${formatDate(a.suspendedUntil, lang)}` : ""}</dd></div>
          <div><dt className="text-slate-500">{t("directory.region")}</dt><dd>{a.organization.regionCode ? regionLabel(a.organization.regionCode, lang) : "—"}</dd></div>
          <div><dt className="text-slate-500">{t("directory.entityType")}</dt><dd>{t(`entityTypes.${a.entityType}`)}</dd></div>
          <div><dt className="text-slate-500">{t("directory.credit")}</dt><dd className="text-lg font-semibold">{a.creditScore}</dd></div>
          <div><dt className="text-slate-500">{t("directory.rating")}</dt><dd>{a.ratingAvg != null ? t("directory.ratingValue", { value: a.ratingAvg.toFixed(1), count: a.ratingCount }) : t("directory.noRating")}</dd></div>
          <div><dt className="text-slate-500">{t("directory.listedAt")}</dt><dd>{a.listedAt ? formatDate(a.listedAt, lang) : "—"}</dd></div>
          <div><dt className="text-slate-500">{t("directory.contactPhone")}</dt><dd>{a.organization.contactPhone ?? "—"}</dd></div>
        </dl>
        {a.introduction ? <p className="mt-3 text-sm text-slate-700">{a.introduction}</p> : null}
      </header>
      <section className="card" aria-labelledby="creds">
        <h2 id="creds" className="h2">{t("directory.credentials")}</h2>
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {a.credentials.map((c) => (
            <li key={c.id} className="py-2">
              <p className="font-medium">{c.type} · {c.level}</p>
              <p className="text-slate-600">{c.number} · {c.issuer}</p>
              <p className={c.valid ? "text-green-700" : "text-red-700"}>
                {c.valid ? t("directory.validUntil", { date: formatDate(c.validUntil, lang) }) : t("directory.expired", { date: formatDate(c.validUntil, lang) })}
              </p>
              <p>{t("directory.items")}：{c.items.map((i) => (lang === "en" ? i.item.nameEn : i.item.name)).join(sep)}</p>
            </li>
          ))}
        </ul>
      </section>
      {a.practitioners.length ? (
        <section className="card" aria-labelledby="people">
          <h2 id="people" className="h2">{t("directory.practitioners")}</h2>
          <p className="mt-2 text-sm">{a.practitioners.map((p) => `${p.name}（${p.qualification}）`).join(sep)}</p>
        </section>
      ) : null}
      <section className="card" aria-labelledby="awards">
        <h2 id="awards" className="h2">{t("directory.awardHistory")}</h2>
        <p className="mt-2 text-sm text-slate-600">{a.awardsCount > 0 ? t("directory.awards", { count: a.awardsCount }) : t("directory.noAwards")}</p>
      </section>
      <section className="card" aria-labelledby="actions">
        <h2 id="actions" className="h2">{t("directory.actions")}</h2>
        {a.actions.length === 0 ? <p className="mt-2 text-sm text-slate-600">{t("directory.noActions")}</p> : (
          <ul className="mt-2 text-sm">
            {a.actions.map((e, i) => (
              <li key={i}>{formatDate(e.at, lang)} · {t(`directory.actionEvents.${e.event as "SUSPEND"}`)}</li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
