import { createInstance, type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { createContext, createCookie, type MiddlewareFunction, type RouterContextProvider } from "react-router";
import { RemixI18Next } from "remix-i18next/server";
import resources, { defaultLanguage } from "~/i18n";

// The visible language switch writes this cookie; ?lng= overrides it for one request.
export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

const detector = new RemixI18Next({
  detection: {
    supportedLanguages: ["en", "zh"],
    fallbackLanguage: defaultLanguage,
    cookie: localeCookie,
    // Chinese first: the browser's Accept-Language is deliberately not consulted.
    order: ["searchParams", "cookie"],
  },
});

type LocaleSlot = { locale: string; instance?: i18n };
// Default Chinese: a loader or action run outside the root middleware (tests) reads the default language.
const localeContext = createContext<LocaleSlot>({ locale: defaultLanguage });

/**
 * Root middleware: the request's language (remix-i18next's detector: ?lng=,
 * then the cookie, then Chinese), for loaders and actions (getLocale). The
 * i18next instance is made when something asks for it (getInstance: the
 * document render), not for every request: a redirect after a form post, a
 * data request or a resource route never renders, and a fresh instance cost
 * more CPU than the rest of a bid's request handling (decision 025).
 */
export const i18nextMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  context.set(localeContext, { locale: await detector.getLocale(request) });
  return next();
};

export function getLocale(context: Readonly<RouterContextProvider>): string {
  return context.get(localeContext).locale;
}

/**
 * One i18next instance per language for the whole process, made on first use (synchronously: the resources
 * are in the bundle). Server renders only read it (`t`); nothing on the server changes its language or adds
 * resources, so concurrent requests can share it, and a render no longer pays for a fresh instance's init
 * (about 3 % of an anonymous page's CPU, decision 043).
 */
const instances = new Map<string, i18n>();
export function getInstance(context: Readonly<RouterContextProvider>): i18n {
  const slot = context.get(localeContext);
  if (!slot.instance) {
    let instance = instances.get(slot.locale);
    if (!instance) {
      instance = createInstance({ resources, fallbackLng: defaultLanguage, interpolation: { escapeValue: false }, initAsync: false });
      instance.use(initReactI18next);
      void instance.init({ lng: slot.locale });
      instances.set(slot.locale, instance);
    }
    slot.instance = instance;
  }
  return slot.instance;
}

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: typeof resources.zh;
  }
}
