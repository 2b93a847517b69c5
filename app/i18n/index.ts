import type { Resource } from "i18next";
import en from "./en";
import { registerStrings } from "./languages";
import zh from "./zh";

export { defaultLanguage, isLanguage, languages, type Language } from "./languages";

/**
 * Both languages' strings, for the server (every request may be in either) and
 * the tests. The browser never imports this module: it loads one language at
 * a time (app/i18n/load.ts).
 */
const resources = { zh: { translation: zh }, en: { translation: en } } satisfies Resource;
registerStrings("zh", zh);
registerStrings("en", en);
export default resources;
