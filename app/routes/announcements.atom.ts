import { createHash } from "node:crypto";
import { Feed } from "feed";
import type { Route } from "./+types/announcements.atom";
// A server-only resource route: both languages' strings, registered for translated/metaTranslate.
import "~/i18n";
import { announcementText } from "~/lib/announcement-text";
import { isBusy } from "~/lib/http.server";
import { metaTranslate, translated } from "~/lib/meta";
import { visitor } from "~/lib/route.server";
import { feedAnnouncements } from "~/services/notifications/announcements.server";

const KIND = /^[A-Z][A-Z_]{0,39}$/;
const ITEM = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function plain(status: number, text: string, extra: Record<string, string> = {}) {
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...extra } });
}

/**
 * Atom feed of announcements (RFC 4287), for feed readers: all of them, `?kind=AWARD`
 * (one kind) or `?item=ZJ-PT-001` (one catalogue item: its changes and the requests
 * posted for it), in Chinese or `?lang=en`. The newest 50; a strong ETag so a reader
 * that revalidates gets 304 until something is published. Public, no login.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const kind = url.searchParams.get("kind") || undefined;
  const item = url.searchParams.get("item") || undefined;
  const lang = url.searchParams.get("lang") === "en" ? "en" : "zh";
  if (kind !== undefined && !KIND.test(kind)) return plain(400, translated(lang, "feeds.badKind"));
  if (item !== undefined && !ITEM.test(item)) return plain(400, translated(lang, "feeds.badItem"));
  try {
    const { db } = await visitor(request);
    const found = await feedAnnouncements(db, { kind, item });
    if (!found) return plain(404, translated(lang, "feeds.noItem"));
    const t = metaTranslate(lang);
    const kindName = (k: string) => {
      const key = `catalogueAdmin.announcements.kinds.${k}`;
      const name = translated(lang, key);
      return name === key ? k : name;
    };
    const itemName = found.item ? (lang === "en" ? found.item.nameEn || found.item.name : found.item.name) : null;
    const title = [translated(lang, "app.name"), translated(lang, "feeds.title"), itemName, kind ? kindName(kind) : null]
      .filter(Boolean)
      .join(" · ");
    const page = new URL("/announcements", url.origin);
    if (kind) page.searchParams.set("kind", kind);
    const feed = new Feed({
      id: url.toString(),
      title,
      description: translated(lang, "app.tagline"),
      link: found.item ? new URL(`/catalogue/${encodeURIComponent(found.item.code)}`, url.origin).toString() : page.toString(),
      language: lang === "en" ? "en" : "zh-CN",
      updated: found.entries[0]?.publishedAt ?? new Date(0),
      generator: translated(lang, "app.name"),
      feedLinks: { atom: url.toString() },
    });
    for (const e of found.entries) {
      const text = announcementText(e, t, lang);
      const link = new URL(`/announcements/${e.id}`, url.origin).toString();
      feed.addItem({
        id: link,
        link,
        title: text.title,
        date: e.publishedAt,
        published: e.publishedAt,
        description: text.lines.join("\n"),
        content: text.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join(""),
        category: [{ term: e.kind, name: kindName(e.kind) }],
      });
    }
    const body = feed.atom1();
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
    const headers = {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "public, max-age=60",
      ETag: etag,
    };
    const ifNoneMatch = request.headers.get("If-None-Match");
    if (ifNoneMatch && ifNoneMatch.split(",").some((v) => v.trim() === etag)) return new Response(null, { status: 304, headers });
    return new Response(body, { headers });
  } catch (error) {
    if (!isBusy(error)) throw error;
    return plain(503, translated(lang, "feeds.busy"), { "Retry-After": "2" });
  }
}
