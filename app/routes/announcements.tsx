import { useTranslation } from "react-i18next";
import type { Route } from "./+types/announcements";
import { getDb } from "~/db/client.server";

export async function loader() {
  const db = await getDb();
  const announcements = await db.announcement.findMany({
    orderBy: { publishedAt: "desc" },
    take: 50,
    select: { id: true, kind: true, title: true, body: true, publishedAt: true },
  });
  return { announcements };
}

export function meta() {
  return [{ title: "公告 · 中介超市" }];
}

export default function Announcements({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="space-y-4">
      <h1 className="h1">{t("announcements.title")}</h1>
      {loaderData.announcements.length === 0 ? (
        <p className="card text-slate-600">{t("announcements.empty")}</p>
      ) : (
        <ul className="space-y-3">
          {loaderData.announcements.map((a) => (
            <li key={a.id} className="card">
              <p className="font-medium">{a.title}</p>
              <p className="text-xs text-slate-500">
                <time dateTime={new Date(a.publishedAt).toISOString()}>{new Date(a.publishedAt).toLocaleString(i18n.language === "en" ? "en-GB" : "zh-CN", { timeZone: "Asia/Shanghai" })}</time>
              </p>
              <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{a.body}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
