import { useContext } from "react";
import { getI18n, I18nContext, useTranslation as useI18nextTranslation, type UseTranslationResponse } from "react-i18next";
import type { i18n } from "i18next";

// What react-i18next's hook returns when called with no arguments (the default namespace, no key prefix). Spelled
// out: `ReturnType` of the generic hook widens the key type to every namespace and prefix, and tsc ran out of memory.
type Translation = UseTranslationResponse<"translation", undefined>;

/**
 * `useTranslation` for every component. In the browser it is react-i18next's (which re-renders on a
 * language change). On the server a render only reads the process's instance for the request's
 * language (decision 043), so the same `[t, i18n]` is handed to every component: react-i18next's hook
 * copies every property of the instance into a fresh wrapper on each component's first render — every
 * render on a server — and its `t` spreads all of i18next's options into a new object on every call;
 * the instance's own `t` reads the same resources in the same language (decision 044).
 */
const onServer: Map<i18n, Translation> = new Map();

function useServerTranslation(): Translation {
  // Without a provider (a component rendered alone), the instance initReactI18next registered.
  const instance = useContext(I18nContext)?.i18n ?? getI18n();
  let found = onServer.get(instance);
  if (!found) {
    const t = instance.t.bind(instance) as Translation["t"];
    found = Object.assign([t, instance, true] as unknown as Translation, { t, i18n: instance, ready: true });
    onServer.set(instance, found);
  }
  return found;
}

export const useTranslation: () => Translation = typeof document === "undefined" ? useServerTranslation : () => useI18nextTranslation();
