import { useTranslation } from "~/i18n/use-translation";
import { Form } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/announcements";
import { feedUrl } from "~/lib/feeds";
import { languageOf, pageTitle, translated } from "~/lib/meta";
import { Pager } from "~/components/pager";
import { visitor } from "~/lib/route.server";
import { useAnnouncementText } from "~/lib/use-announcement-text";
import { listAnnouncements } from "~/services/notifications/announcements.server";

export async function loader({ request }: Route.LoaderArgs) {
  const { db } = await visitor(request);
  const url = new URL(request.url);
  const kind = url.searchParams.get("kind")?.slice(0, 50) ?? "";
  const parsedPage = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
  const page = Math.min(10_000, Math.max(1, Number.isFinite(parsedPage) ? parsedPage : 1));
  const { announcements, kinds, pages } = await listAnnouncements(db, { kind, page });
  const kindList = [...kinds];
  if (kind && !kindList.includes(kind)) kindList.push(kind);
  return { announcements, kinds: kindList, kind, page, pages };
}

export function meta({ data, matches }: Route.MetaArgs) {
  const lang = languageOf(matches);
  return [
    ...pageTitle(matches, { key: "titles.announcements" }),
    {
      tagName: "link",
      rel: "alternate",
      type: "application/atom+xml",
      title: translated(lang, "feeds.subscribe"),
      href: feedUrl({ lang }),
    },
    ...(data?.kind
      ? [
          {
            tagName: "link",
            rel: "alternate",
            type: "application/atom+xml",
            title: translated(lang, "feeds.subscribeKind"),
            href: feedUrl({ kind: data.kind, lang }),
          },
        ]
      : []),
  ];
}

export default function Announcements({ loaderData: d }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const words = useAnnouncementText();
  const kindLabel = (kind: string) => {
    const key = `catalogueAdmin.announcements.kinds.${kind}`;
    return i18n.exists(key) ? (t(key as never) as string) : kind;
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="h1">{t("announcements.title")}</h1>
        <a className="link text-sm" href={feedUrl({ kind: d.kind, lang: i18n.language })} type="application/atom+xml">
          {t(d.kind ? "feeds.subscribeKind" : "feeds.subscribe")}
        </a>
      </div>
      <Form method="get" className="flex flex-wrap items-end gap-3" role="search">
        <div>
          <label htmlFor="kind" className="label">
            {t("catalogueAdmin.announcements.kind")}
          </label>
          <select id="kind" name="kind" defaultValue={d.kind} className="input mt-1">
            <option value="">{t("catalogueAdmin.announcements.allKinds")}</option>
            {d.kinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </div>
        <button className="btn-secondary" type="submit">
          {t("catalogueAdmin.announcements.filter")}
        </button>
      </Form>
      {d.announcements.length === 0 ? (
        <p className="card text-slate-600">{t("announcements.empty")}</p>
      ) : (
        <ul className="space-y-3">
          {d.announcements.map((a) => {
            const text = words.text(a);
            return (
              <li key={a.id} className="card">
                <p className="text-xs font-medium text-red-800">{kindLabel(a.kind)}</p>
                <p className="font-medium">
                  <Link className="link" to={`/announcements/${a.id}`}>
                    {text.title}
                  </Link>
                </p>
                <p className="text-xs text-slate-500">
                  <time dateTime={new Date(a.publishedAt).toISOString()}>{words.time(a.publishedAt)}</time>
                </p>
                <div className="mt-2 text-sm text-slate-700">
                  {text.lines.map((line, i) => (
                    <p key={i}>{line}</p>
                  ))}
                </div>
                {a.link ? (
                  <p className="mt-2 text-sm">
                    <Link className="link" to={a.link.to}>
                      {"request" in a.link
                        ? t("requests.announcement.viewRequest")
                        : a.link.item
                          ? t("catalogueAdmin.announcements.viewItem")
                          : t("catalogueAdmin.announcements.viewCatalogue")}
                    </Link>
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <Pager page={d.page} pages={d.pages} />
    </div>
  );
}
