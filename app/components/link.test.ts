import { createElement as h, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Link as RouterLink, MemoryRouter, NavLink as RouterNavLink, type LinkProps, type NavLinkProps } from "react-router";
import { describe, expect, it } from "vitest";
import { PlainPageContext } from "~/lib/plain-page";
import { isActivePath, Link, NavLink } from "./link";

const at = (url: string, plain: boolean, el: ReactElement) =>
  renderToStaticMarkup(h(MemoryRouter, { initialEntries: [url] }, h(PlainPageContext.Provider, { value: plain }, el)));

/** What react-router renders, less the discovery marker a page without React has no use for. */
const routerHtml = (url: string, el: ReactElement) => at(url, false, el).replaceAll(' data-discover="true"', "");

const links: LinkProps[] = [
  { to: "/agencies" },
  { to: "/agencies?item=ZJ-PT-001&q=北疆" },
  { to: "/catalogue/ZJ-PT-001#fees", className: "underline", title: "收费" },
  { to: "/requests?", className: "btn" }, // an empty search is dropped, as the router's createPath does
  { to: "/audit#", reloadDocument: true, prefetch: "intent", replace: true, state: { a: 1 }, preventScrollReset: true },
  { to: "/x", "aria-label": "标签", target: "_blank", rel: "noopener", download: "a.csv" },
];

const navLinks: NavLinkProps[] = [
  { to: "/agencies", className: "nav" },
  { to: "/agencies", end: true, className: "nav" },
  { to: "/Agencies", className: ({ isActive }) => (isActive ? "on" : "off") },
  { to: "/Agencies", caseSensitive: true, className: ({ isActive }) => (isActive ? "on" : "off") },
  { to: "/", className: "home" },
  { to: "/agencies/", className: "slash" },
  { to: "/agencies?sort=credit", "aria-current": "location", style: ({ isActive }) => ({ fontWeight: isActive ? 700 : 400 }) },
  { to: "/catalogue", children: ({ isActive }) => (isActive ? "目录（当前）" : "目录") },
];

describe("Link and NavLink on a plain page", () => {
  it("renders react-router's anchor, byte for byte but for data-discover, for every absolute path", () => {
    for (const props of links) {
      const ours = at("/agencies/a1", true, h(Link, props, "文字"));
      expect(ours, JSON.stringify(props)).toBe(routerHtml("/agencies/a1", h(RouterLink, props, "文字")));
      expect(ours).not.toContain("data-discover");
    }
    for (const url of ["/agencies/a1", "/agencies", "/", "/catalogue"]) {
      for (const props of navLinks) {
        const ours = at(url, true, h(NavLink, { ...props, children: props.children ?? "文字" }));
        expect(ours, `${url} ${JSON.stringify(props)}`).toBe(
          routerHtml(url, h(RouterNavLink, { ...props, children: props.children ?? "文字" })),
        );
      }
    }
  });

  it("leaves a relative or object `to`, and every link on a hydrated page, to react-router", () => {
    for (const to of ["edit", "../x", "?page=2", { pathname: "/agencies", search: "?q=1" }, "//evil.example/x"] as const) {
      const props: LinkProps = { to, className: "c" };
      expect(at("/agencies/a1", true, h(Link, props, "x"))).toBe(at("/agencies/a1", false, h(RouterLink, props, "x")));
      expect(at("/agencies/a1", true, h(NavLink, props, "x"))).toBe(at("/agencies/a1", false, h(RouterNavLink, props, "x")));
    }
    for (const props of links) expect(at("/", false, h(Link, props, "x"))).toBe(at("/", false, h(RouterLink, props, "x")));
    for (const props of navLinks)
      expect(at("/agencies", false, h(NavLink, { ...props, children: props.children ?? "x" }))).toBe(
        at("/agencies", false, h(RouterNavLink, { ...props, children: props.children ?? "x" })),
      );
  });

  it("is active on the path and below it, not on a longer name, and only on the path itself with `end`", () => {
    expect(isActivePath("/agencies", "/agencies")).toBe(true);
    expect(isActivePath("/agencies/a1", "/agencies")).toBe(true);
    expect(isActivePath("/agencies-old", "/agencies")).toBe(false);
    expect(isActivePath("/agencies/a1", "/agencies", true)).toBe(false);
    expect(isActivePath("/agencies", "/", false)).toBe(false);
    expect(isActivePath("/AGENCIES", "/agencies?x=1")).toBe(true);
    expect(isActivePath("/AGENCIES", "/agencies", false, true)).toBe(false);
    expect(isActivePath("/%E7%9B%AE%E5%BD%95", "/目录")).toBe(true);
  });
});
