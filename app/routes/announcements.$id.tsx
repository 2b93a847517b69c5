import { useTranslation } from "~/i18n/use-translation";
import { Link } from "~/components/link";
import type { Route } from "./+types/announcements.$id";
import { languageOf, metaTranslate, pageTitle } from "~/lib/meta";
import { announcementText } from "~/lib/announcement-text";
import { DrawVerification } from "~/components/draw-verification";
import { PrintButton } from "~/components/print-button";
import { formatDateTime } from "~/lib/format";
import { useAnnouncementText } from "~/lib/use-announcement-text";
import { formatYuan } from "~/lib/money";
import { visitor } from "~/lib/route.server";
import { announcementDetail } from "~/services/notifications/announcements.server";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { db } = await visitor(request);
  const detail = await announcementDetail(db, params.id);
  if (!detail) throw new Response("Not Found", { status: 404, statusText: "Not Found" });
  return detail;
}

/** The title in the reader's language, from the announcement's facts (the stored text when it has none). */
export function meta({ data: d, matches }: Route.MetaArgs) {
  if (!d) return pageTitle(matches, { key: "titles.announcements" });
  const lang = languageOf(matches);
  return pageTitle(matches, announcementText(d.announcement, metaTranslate(lang), lang).title || { key: "titles.announcements" });
}

export default function AnnouncementPage({ loaderData: d }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const a = d.announcement;
  const words = useAnnouncementText();
  const text = words.text(a);
  const kindKey = `catalogueAdmin.announcements.kinds.${a.kind}`;
  const kind = i18n.exists(kindKey) ? (t(kindKey as never) as string) : a.kind;
  const linkLabel =
    d.link?.kind === "request"
      ? t("requests.announcement.viewRequest")
      : d.link?.kind === "item"
        ? t("catalogueAdmin.announcements.viewItem")
        : t("catalogueAdmin.announcements.viewCatalogue");
  return (
    <article className="space-y-4">
      <p className="flex items-center justify-between gap-3 print:hidden">
        <Link className="link text-sm" to="/announcements">
          ← {t("requests.announcement.back")}
        </Link>
        <PrintButton />
      </p>
      <header className="card">
        <p className="text-xs font-medium text-red-800">{kind}</p>
        <h1 className="h1 mt-1">{text.title}</h1>
        <p className="text-xs text-slate-500">
          {t("requests.announcement.publishedAt")} <time dateTime={new Date(a.publishedAt).toISOString()}>{words.time(a.publishedAt)}</time>
        </p>
        <div className="mt-3 text-sm text-slate-800">
          {text.lines.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
        {d.commitment ? (
          <div className="mt-3 text-sm">
            <p className="text-slate-500">{t("requests.draw.commitment")}</p>
            <p className="break-all font-mono text-xs">{d.commitment}</p>
          </div>
        ) : null}
        {d.link ? (
          <p className="mt-3 text-sm">
            <Link className="link" to={d.link.to}>
              {linkLabel}
            </Link>
          </p>
        ) : null}
      </header>
      {d.ranking ? (
        <section className="card" aria-labelledby="ranking-title">
          <h2 id="ranking-title" className="h2">
            {t("requests.announcement.ranking")}
          </h2>
          {d.publicityEndsAt ? (
            <p className="mt-1 text-sm text-slate-600">
              {t("requests.announcement.publicityUntil", { date: formatDateTime(d.publicityEndsAt, lang) })}
            </p>
          ) : null}
          <div className="mt-2 overflow-x-auto">
            <table className="stack-table w-full text-left text-sm">
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-3">
                    {t("requests.result.rank")}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {t("requests.result.agency")}
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right">
                    {t("requests.bid.amount")}
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right">
                    {t("requests.bid.serviceDays")}
                  </th>
                  {d.ranking.some((r) => r.score !== null) ? (
                    <th scope="col" className="py-1 pr-3 text-right">
                      {t("requests.result.score")}
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {d.ranking.map((r) => (
                  <tr key={`${r.rank}-${r.agencyId}`}>
                    <td data-label={t("requests.result.rank")} className="py-1 pr-3">
                      {r.rank}
                    </td>
                    <td data-label={t("requests.result.agency")} className="py-1 pr-3">
                      <Link className="link" to={`/agencies/${r.agencyId}`}>
                        {r.agencyName}
                      </Link>
                    </td>
                    <td data-label={t("requests.bid.amount")} className="py-1 pr-3 text-right tabular-nums">
                      {formatYuan(r.amountFen, lang)}
                    </td>
                    <td data-label={t("requests.bid.serviceDays")} className="py-1 pr-3 text-right tabular-nums">
                      {r.serviceDays}
                    </td>
                    {d.ranking!.some((x) => x.score !== null) ? (
                      <td data-label={t("requests.result.score")} className="py-1 pr-3 text-right tabular-nums">
                        {r.score ?? "—"}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {d.draw ? (
        <section className="card" aria-labelledby="draw-title">
          <h2 id="draw-title" className="h2">
            {t("requests.draw.title")}
          </h2>
          <div className="mt-2">
            <DrawVerification draw={d.draw} />
          </div>
        </section>
      ) : null}
    </article>
  );
}
