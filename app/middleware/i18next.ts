import { initReactI18next } from "react-i18next";
import { createCookie } from "react-router";
import { createI18nextMiddleware } from "remix-i18next/middleware";
import resources, { defaultLanguage } from "~/i18n";

// The visible language switch writes this cookie; ?lng= overrides it for one request.
export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export const [i18nextMiddleware, getLocale, getInstance] = createI18nextMiddleware({
  detection: {
    supportedLanguages: ["en", "zh"],
    fallbackLanguage: defaultLanguage,
    cookie: localeCookie,
    // Chinese first: the browser's Accept-Language is deliberately not consulted.
    order: ["searchParams", "cookie"],
  },
  i18next: { resources, fallbackLng: defaultLanguage, interpolation: { escapeValue: false } },
  plugins: [initReactI18next],
});

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: typeof resources.zh;
  }
}
