import { useEffect } from "react";
import { useTranslation } from "~/i18n/use-translation";
import {
  data,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import "./app.css";
import { AppShell } from "~/components/app-shell";
import { isLanguage } from "~/i18n/languages";
import { switchLanguage } from "~/i18n/load";
import { useNonce } from "~/lib/csp";
import { PlainPageContext } from "~/lib/plain-page";
import plainPageScript from "~/enhance/enhance.js?url&no-inline";
import { getLocale, i18nextMiddleware, localeCookie } from "~/middleware/i18next";
import { INPUT_REFUSAL_REASONS, refusalMessageKey } from "~/lib/input-refusal";
import { inputGuardMiddleware } from "~/middleware/input-guard.server";
import { httpCacheMiddleware } from "~/middleware/http-cache.server";
import { originCheckMiddleware } from "~/middleware/origin-check.server";
import { apiMiddleware } from "~/middleware/api.server";
import { visitor } from "~/lib/route.server";
import { routePatternMiddleware } from "~/lib/route-pattern.server";

// inputGuardMiddleware: the one place URL, params and form bodies are checked (decision 017).
// apiMiddleware first: the public API answers preflights, 405 and malformed URLs as JSON problems (decision 028).
// httpCacheMiddleware: ETag / 304 for anonymous public pages (decision 032), after the checks.
export const middleware: Route.MiddlewareFunction[] = [
  routePatternMiddleware,
  apiMiddleware,
  i18nextMiddleware,
  originCheckMiddleware,
  inputGuardMiddleware,
  httpCacheMiddleware,
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = getLocale(context);
  const { user } = await visitor(request);
  // A ?lng= choice is kept in the cookie; otherwise no cookie is set, so that
  // an anonymous page can be cached and shared (decision 032).
  const chosen = new URL(request.url).searchParams.has("lng") && (await localeCookie.parse(request.headers.get("Cookie"))) !== locale;
  return data(
    {
      locale,
      user: user && {
        name: user.name,
        role: user.role,
        organizationName: user.organizationName,
        emailVerified: user.emailVerified !== false,
      },
    },
    chosen ? { headers: { "Set-Cookie": await localeCookie.serialize(locale) } } : undefined,
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const { i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh-CN";
  // The CSP nonce (decision 016): on every inline script React Router renders.
  const nonce = useNonce();
  const scripts = useScriptsWanted();
  return (
    <html lang={lang === "en" ? "en" : "zh"} data-lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links nonce={nonce} />
      </head>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <PlainPageContext.Provider value={!scripts}>{children}</PlainPageContext.Provider>
        {scripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : (
          <script type="module" src={plainPageScript} />
        )}
      </body>
    </html>
  );
}

/**
 * Plain HTML for anonymous readers (decision 037): every page works without JavaScript, and what an
 * anonymous visitor can reach is reading and a few plain forms, so React and the strings are loaded
 * only for a signed-in user (whose work pages are interactive) or on a page whose route asks for them
 * with `handle: { scripts: true }`.
 */
function useScriptsWanted(): boolean {
  const root = useRouteLoaderData<typeof loader>("root");
  const matches = useMatches();
  if (root?.user) return true;
  return matches.some((m) => (m.handle as { scripts?: boolean } | undefined)?.scripts === true);
}

export const links: Route.LinksFunction = () => [
  // public/favicon.ico answers the browsers' own /favicon.ico request; the SVG is preferred where supported.
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export function meta() {
  return [{ title: "中介超市" }];
}

export default function App({ loaderData }: Route.ComponentProps) {
  const { i18n } = useTranslation();
  useEffect(() => {
    // The other language's strings are loaded on the switch, then the page re-renders in it.
    if (i18n.language !== loaderData.locale && isLanguage(loaderData.locale)) void switchLanguage(i18n, loaderData.locale);
  }, [loaderData.locale, i18n]);
  return (
    <AppShell user={loaderData.user}>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const root = useRouteLoaderData<typeof loader>("root");
  let title = t("errors.serverTitle");
  let body = t("errors.serverBody");
  let status = 500;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    if (INPUT_REFUSAL_REASONS.has(error.statusText) && error.status !== 404) {
      [title, body] = [t("errors.badRequestTitle"), t(`errors.${refusalMessageKey(error.statusText)}`)];
    } else if (error.status === 404) [title, body] = [t("errors.notFoundTitle"), t("errors.notFoundBody")];
    else if (error.status === 403 && error.statusText === "CrossOrigin")
      [title, body] = [t("errors.forbiddenTitle"), t("errors.crossOrigin")];
    else if (error.status === 403) {
      // guard() (route.server.ts) answers with the i18n key of the missing permission's reason.
      const key = typeof error.data === "string" && /^[a-zA-Z]+(\.[a-zA-Z]+)+$/.test(error.data) ? error.data : null;
      [title, body] = [t("errors.forbiddenTitle"), key ? t(key, { defaultValue: t("errors.forbiddenBody") }) : t("errors.forbiddenBody")];
    } else if (error.status === 429) [title, body] = [t("errors.tooManyTitle"), ""];
    // The database cannot be reached (decision 024): nothing was saved, try again shortly.
    else if (error.status === 503) [title, body] = [t("errors.unavailableTitle"), t("errors.unavailableBody")];
    else if (error.status >= 400 && error.status < 500) [title, body] = [t("errors.badRequestTitle"), ""];
  } else if (error instanceof Error && import.meta.env.DEV) {
    body = error.message;
  }
  return (
    <AppShell user={root?.user ?? null}>
      <section className="card mx-auto max-w-xl text-center" aria-labelledby="error-title">
        <p className="text-5xl font-bold text-red-800">{status}</p>
        <h1 id="error-title" className="h1 mt-2">
          {title}
        </h1>
        {body ? <p className="mt-2 text-slate-600">{body}</p> : null}
        <a className="btn-primary mt-6" href="/">
          {t("errors.goHome")}
        </a>
      </section>
    </AppShell>
  );
}
