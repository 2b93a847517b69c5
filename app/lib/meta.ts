import { registeredStrings, type Language } from "~/i18n/languages";

/**
 * Page titles in the reader's language. `meta` runs without React (no hooks), so it reads the
 * language from the root loader's data and the words from the same strings the UI uses: both
 * languages on the server, the page's language in the browser (app/i18n/languages.ts).
 */
type Match = { id: string; data?: unknown } | undefined;

export function languageOf(matches: readonly Match[]): Language {
  const root = matches.find((m) => m?.id === "root")?.data as { locale?: string } | undefined;
  return root?.locale === "en" ? "en" : "zh";
}

/** The translation at a dotted key, or the key itself when missing (a test scans for raw keys). */
export function translated(lang: Language, key: string): string {
  // In the browser right after a language switch, before the new strings arrived: the other language, never a raw key.
  let node: unknown = registeredStrings(lang) ?? registeredStrings(lang === "en" ? "zh" : "en");
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === "string" ? node : key;
}

/**
 * `<title>`: the given parts, then the site's name. A part is a translation key (`{ key }`) or
 * text as it is (an item's or agency's name); empty parts are left out.
 */
export function pageTitle(matches: readonly Match[], ...parts: ({ key: string } | string | null | undefined)[]) {
  const lang = languageOf(matches);
  const words = parts.map((p) => (typeof p === "object" && p ? translated(lang, p.key) : p)).filter((p): p is string => !!p);
  return [{ title: [...words, translated(lang, "app.name")].join(" · ") }];
}

/**
 * A translation function for `meta` (no React, no i18next instance): the words at `key` in
 * `lang` with `{{name}}` filled in — enough for texts built from facts, such as an
 * announcement's title (app/lib/announcement-text.ts). A missing key answers with the key.
 */
export function metaTranslate(lang: Language) {
  return (key: string, options?: Record<string, unknown>): string =>
    translated(lang, key).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(options?.[name] ?? ""));
}
