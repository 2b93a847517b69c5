/** The UI languages, without their strings (which a browser loads one at a time: app/i18n/load.ts). */
export const languages = ["zh", "en"] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = "zh";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

/** One language's strings: nested objects of translated texts. */
export type Strings = Record<string, unknown>;

/**
 * The strings `meta` functions read (app/lib/meta.ts), per language: both on
 * the server (app/i18n/index.ts registers them), only the page's language in
 * the browser (entry.client.tsx and the language switch register what they
 * loaded), so the other language never travels to a reader who did not ask.
 */
const registered: Partial<Record<Language, Strings>> = {};

export function registerStrings(lang: Language, strings: Strings): void {
  registered[lang] = strings;
}

export function registeredStrings(lang: Language): Strings | undefined {
  return registered[lang];
}
