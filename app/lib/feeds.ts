/** The Atom feed (routes/announcements.atom.ts) of announcements: all, one kind or one catalogue item, in a language. */
export function feedUrl(opts: { kind?: string; item?: string; lang: string }) {
  const q = new URLSearchParams();
  if (opts.kind) q.set("kind", opts.kind);
  if (opts.item) q.set("item", opts.item);
  if (opts.lang === "en") q.set("lang", "en");
  const s = q.toString();
  return `/announcements.atom${s ? `?${s}` : ""}`;
}
