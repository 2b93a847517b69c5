import type { i18n } from "i18next";
import type { Language, Strings } from "./languages";
import { registerStrings } from "./languages";

/** One language's strings, as its own chunk: a browser loads only the page's language, and the other on a switch. */
export async function loadStrings(lang: Language): Promise<Strings> {
  const strings = lang === "en" ? (await import("./en")).default : (await import("./zh")).default;
  registerStrings(lang, strings);
  return strings;
}

/** Makes `lang`'s strings available to `instance` (loading them once), then switches to it. */
export async function switchLanguage(instance: i18n, lang: Language): Promise<void> {
  if (!instance.hasResourceBundle(lang, "translation")) instance.addResourceBundle(lang, "translation", await loadStrings(lang));
  await instance.changeLanguage(lang);
}
