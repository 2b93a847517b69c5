import type { Resource } from "i18next";
import en from "./en";
import zh from "./zh";

export const languages = ["zh", "en"] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = "zh";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

const resources = { zh: { translation: zh }, en: { translation: en } } satisfies Resource;
export default resources;
