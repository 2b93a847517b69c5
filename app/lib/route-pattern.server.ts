import { matchRoutes, type MiddlewareFunction, type RouteObject } from "react-router";
import { noteRequestRoute } from "~/lib/logger.server";

type ManifestRoute = { id: string; parentId?: string; path?: string; index?: boolean; caseSensitive?: boolean };

/**
 * The route pattern a URL path matches ("/requests/:id"), for the request log
 * and the metrics' `route` label (decision 024): bounded, and free of ids or
 * search terms. Single-fetch data requests ("/requests/abc.data") get the
 * pattern with ".data". Built from the server build's route manifest.
 */
export function createRoutePatternMatcher(routes: Record<string, ManifestRoute | undefined>): (pathname: string) => string {
  const all = Object.values(routes).filter((r): r is ManifestRoute => !!r);
  const tree = (parentId: string | undefined): RouteObject[] =>
    all
      .filter((r) => r.parentId === parentId)
      .map((r) =>
        r.index
          ? { id: r.id, index: true, path: r.path }
          : { id: r.id, path: r.path, caseSensitive: r.caseSensitive, children: tree(r.id) },
      );
  const routeTree = tree(undefined);
  return (pathname) => {
    let path = pathname;
    let data = false;
    if (path.endsWith(".data")) {
      data = true;
      path = path.slice(0, -".data".length);
      if (path === "/_root") return "/_root.data";
    }
    const matches = matchRoutes(routeTree, path);
    if (!matches?.length) return "unmatched";
    const pattern = `/${matches
      .map((m) => m.route.path)
      .filter(Boolean)
      .join("/")}`.replace(/\/+/g, "/");
    return data ? `${pattern}.data` : pattern;
  };
}

/**
 * The same label from the pattern React Router matched for the request (its
 * middleware's `pattern`, e.g. "requests/:id"), so the request log does not
 * match the URL against every route a second time (decision 038: that was
 * 8 % of the server's time per bid). `pathname` is the URL's path, for the
 * ".data" mark.
 */
export function routeLabel(pattern: string, pathname: string): string {
  if (pathname === "/_root.data") return "/_root.data";
  const label = `/${pattern}`.replace(/\/+/g, "/");
  return pathname.endsWith(".data") ? `${label}.data` : label;
}

/** First in the root's middleware: notes the matched pattern on the request's log context (scripts/server.mjs reads it). */
export const routePatternMiddleware: MiddlewareFunction<Response> = ({ pattern }, next) => {
  noteRequestRoute(pattern);
  return next();
};
