import { useTranslation } from "~/i18n/use-translation";
import { Form } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/_index";
import { languageOf, pageTitle, translated } from "~/lib/meta";
import { visitor } from "~/lib/route.server";
import { countListedAgencies } from "~/services/agencies/queries.server";
import { countInForceItems } from "~/services/catalogue/queries.server";
import { listAnnouncements } from "~/services/notifications/announcements.server";
import { listRequests } from "~/services/requests/public-view.server";
import { formatBeijingMinute } from "~/lib/format";
import { formatYuan } from "~/lib/money";
import { useAnnouncementText } from "~/lib/use-announcement-text";

const LATEST = 5;

/** The home page: a search box, the figures, the requests open for bids (closing soonest first) and the latest announcements. */
export async function loader({ request }: Route.LoaderArgs) {
  const { db } = await visitor(request);
  // Only the rows shown (and the totals): the lists' first pages would read 20 of each and the filter's kinds.
  const [items, agencies, latest, open] = await Promise.all([
    countInForceItems(db),
    countListedAgencies(db),
    listAnnouncements(db, { kind: "", page: 1 }, { pageSize: LATEST, withKinds: false }),
    listRequests(db, null, { status: "OPEN", page: 1 }, LATEST),
  ]);
  return {
    items,
    agencies,
    announcements: latest.total,
    latest: latest.announcements,
    open: open.requests,
    openTotal: open.total,
  };
}

export function meta({ matches }: Route.MetaArgs) {
  return [...pageTitle(matches, { key: "titles.home" }), { name: "description", content: translated(languageOf(matches), "app.tagline") }];
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const words = useAnnouncementText();
  const stats = [
    [t("home.statsItems"), loaderData.items, "/catalogue"],
    [t("home.statsAgencies"), loaderData.agencies, "/agencies"],
    [t("home.statsAnnouncements"), loaderData.announcements, "/announcements"],
  ] as const;
  return (
    <div className="space-y-8">
      <section className="rounded-xl bg-gradient-to-r from-red-800 to-red-700 p-8 text-white" aria-labelledby="home-title">
        <h1 id="home-title" className="text-3xl font-bold">
          {t("home.heading")}
        </h1>
        <p className="mt-3 max-w-3xl text-red-50">{t("home.intro")}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link to="/catalogue" className="btn bg-white text-red-800 hover:bg-red-50">
            {t("home.browseCatalogue")}
          </Link>
          <Link to="/agencies" className="btn border border-white text-white hover:bg-red-800">
            {t("home.browseAgencies")}
          </Link>
        </div>
        <Form
          method="get"
          action="/catalogue"
          role="search"
          className="mt-6 flex max-w-xl flex-wrap gap-2"
          aria-label={t("home.searchLabel")}
        >
          <label htmlFor="home-q" className="sr-only">
            {t("home.searchLabel")}
          </label>
          <input
            id="home-q"
            name="q"
            type="search"
            placeholder={t("home.searchPlaceholder")}
            className="input min-w-0 flex-1 text-slate-900"
          />
          <button type="submit" className="btn bg-white text-red-800 hover:bg-red-50">
            {t("home.search")}
          </button>
        </Form>
      </section>
      <section className="grid gap-4 sm:grid-cols-3">
        {stats.map(([label, value, to]) => (
          <Link key={to} to={to} className="card block hover:border-red-300">
            <p className="text-sm text-slate-500">{label}</p>
            <p className="mt-1 text-3xl font-semibold text-slate-900">{value}</p>
          </Link>
        ))}
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        <section className="card" aria-labelledby="home-open">
          <h2 id="home-open" className="h2">
            {t("home.openRequests")}
          </h2>
          {loaderData.open.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t("home.noOpenRequests")}</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100 text-sm">
              {loaderData.open.map((r) => (
                <li key={r.id} className="py-2">
                  <Link className="link font-medium" to={`/requests/${r.id}`}>
                    {r.title}
                  </Link>
                  <p className="text-slate-600">
                    {lang === "en" ? r.item.nameEn : r.item.name} · {t("home.cap", { cap: formatYuan(r.priceCapFen, lang) })} ·{" "}
                    {t("home.closes", { at: formatBeijingMinute(r.closesAt) })}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2 text-sm">
            <Link className="link" to="/requests?status=OPEN">
              {t("home.allOpenRequests", { count: loaderData.openTotal })}
            </Link>
          </p>
        </section>
        <section className="card" aria-labelledby="home-latest">
          <h2 id="home-latest" className="h2">
            {t("home.latestAnnouncements")}
          </h2>
          {loaderData.latest.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t("announcements.empty")}</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100 text-sm">
              {loaderData.latest.map((a) => (
                <li key={a.id} className="py-2">
                  <Link className="link font-medium" to={`/announcements/${a.id}`}>
                    {words.text(a).title}
                  </Link>
                  <p className="text-slate-600">
                    <time dateTime={new Date(a.publishedAt).toISOString()}>{words.time(a.publishedAt)}</time>
                  </p>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2 text-sm">
            <Link className="link" to="/announcements">
              {t("home.allAnnouncements")}
            </Link>
          </p>
        </section>
      </div>
      <section className="card" aria-labelledby="principles">
        <h2 id="principles" className="h2">
          {t("home.principles")}
        </h2>
        <ul className="mt-3 grid gap-2 text-sm text-slate-700 sm:grid-cols-2">
          {(["p1", "p2", "p3", "p4", "p5"] as const).map((k) => (
            <li key={k} className="flex gap-2">
              <span aria-hidden="true" className="text-red-700">
                ✔
              </span>
              {t(`home.${k}`)}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
