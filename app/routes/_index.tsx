import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/_index";
import { visitor } from "~/lib/route.server";
import { countListedAgencies } from "~/services/agencies/queries.server";
import { countInForceItems } from "~/services/catalogue/queries.server";
import { countAnnouncements } from "~/services/notifications/announcements.server";

export async function loader({ request }: Route.LoaderArgs) {
  const { db } = await visitor(request);
  const [items, agencies, announcements] = await Promise.all([countInForceItems(db), countListedAgencies(db), countAnnouncements(db)]);
  return { items, agencies, announcements };
}

export function meta() {
  return [{ title: "中介超市 · 行政审批中介服务网上交易平台" }, { name: "description", content: "行政审批中介服务网上交易平台" }];
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
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
      </section>
      <section className="grid gap-4 sm:grid-cols-3">
        {stats.map(([label, value, to]) => (
          <Link key={to} to={to} className="card block hover:border-red-300">
            <p className="text-sm text-slate-500">{label}</p>
            <p className="mt-1 text-3xl font-semibold text-slate-900">{value}</p>
          </Link>
        ))}
      </section>
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
