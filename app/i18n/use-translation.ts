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
    const t = memoized(instance);
    found = Object.assign([t, instance, true] as unknown as Translation, { t, i18n: instance, ready: true });
    onServer.set(instance, found);
  }
  return found;
}

/** Strings remembered per instance and language (a bound, as some interpolate names and numbers). */
const MEMO_LIMIT = 20_000;

/**
 * The instance's `t`, remembering each string it returned for a key with no options, or with options that
 * are only strings, numbers and booleans: i18next resolves a key anew on every call (8 % of a directory page's
 * server CPU, about 300 calls a page), and on the server the resources and the instance's language never
 * change (decision 045). The language is part of what is remembered, for a test that switches it.
 */
function memoized(instance: i18n): Translation["t"] {
  const raw = instance.t.bind(instance) as unknown as (...args: unknown[]) => unknown;
  const memo = new Map<string, string>();
  return ((...args: unknown[]) => {
    const [key, options] = args;
    if (typeof key !== "string" || args.length > 2 || !simple(options)) return raw(...args);
    const id = `${instance.language}\u0000${key}${options === undefined ? "" : `\u0000${JSON.stringify(options)}`}`;
    const known = memo.get(id);
    if (known !== undefined) return known;
    const value = raw(...args);
    if (typeof value === "string" && memo.size < MEMO_LIMIT) memo.set(id, value);
    return value;
  }) as unknown as Translation["t"];
}

/** No options, or a plain object of strings, finite numbers and booleans. */
function simple(options: unknown): boolean {
  if (options === undefined) return true;
  if (typeof options !== "object" || options === null || Object.getPrototypeOf(options) !== Object.prototype) return false;
  for (const v of Object.values(options)) {
    if (typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))) continue;
    return false;
  }
  return true;
}

export const useTranslation: () => Translation = typeof document === "undefined" ? useServerTranslation : () => useI18nextTranslation();
