import { forwardRef, type AnchorHTMLAttributes, type ReactNode } from "react";
import {
  Link as RouterLink,
  NavLink as RouterNavLink,
  useLocation,
  type LinkProps,
  type NavLinkProps,
  type NavLinkRenderProps,
} from "react-router";
import { usePlainPage } from "~/lib/plain-page";

/**
 * React Router's Link and NavLink, except on a plain page (decision 037), where no React runs in the
 * browser and a link is only ever followed as a document load: there an absolute path is rendered as the
 * same `<a href>` without the router's per-link work (resolving the path against the route tree, the
 * click handler, prefetch and discovery bookkeeping) — 5–6 % of the server's time on a directory page
 * (decision 049). A relative or object `to` still goes through the router.
 */

/** Props only the router uses: not attributes of the anchor. */
function anchorProps(props: Partial<LinkProps> | Partial<NavLinkProps>): AnchorHTMLAttributes<HTMLAnchorElement> {
  const {
    discover: _discover,
    prefetch: _prefetch,
    reloadDocument: _reloadDocument,
    replace: _replace,
    state: _state,
    preventScrollReset: _preventScrollReset,
    relative: _relative,
    viewTransition: _viewTransition,
    caseSensitive: _caseSensitive,
    end: _end,
    to: _to,
    ...rest
  } = props as LinkProps & Pick<NavLinkProps, "caseSensitive" | "end">;
  return rest as AnchorHTMLAttributes<HTMLAnchorElement>;
}

/**
 * The href of a `to` a plain page can use directly: a path from the site's root (not `//host`), with an
 * empty `?` or `#` dropped as the router's createPath does.
 */
function plainHref(to: LinkProps["to"]): string | null {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//")) return null;
  const [, pathname = "", search = "", hash = ""] = /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(to) ?? [];
  return pathname + (search === "?" ? "" : search) + (hash === "#" ? "" : hash);
}

export const Link = forwardRef<HTMLAnchorElement, LinkProps>(function Link(props, ref) {
  const plain = usePlainPage();
  const href = plain ? plainHref(props.to) : null;
  if (href === null) return <RouterLink ref={ref} {...props} />;
  // react-router's order: the other attributes, href, then target.
  const { target, ...rest } = anchorProps(props);
  return <a ref={ref} {...rest} href={href} target={target} />;
});

/**
 * NavLink's "active" test (react-router's, without a basename): the path itself or one below it, unless
 * `end`; letter case ignored unless `caseSensitive`. `toPath` is encoded as the router encodes it.
 */
export function isActivePath(locationPath: string, to: string, end = false, caseSensitive = false): boolean {
  let toPath = new URL(to.replace(/[?#].*$/, ""), "http://localhost").pathname;
  if (!caseSensitive) {
    locationPath = locationPath.toLowerCase();
    toPath = toPath.toLowerCase();
  }
  if (locationPath === toPath) return true;
  const slash = toPath !== "/" && toPath.endsWith("/") ? toPath.length - 1 : toPath.length;
  return !end && locationPath.startsWith(toPath) && locationPath.charAt(slash) === "/";
}

export const NavLink = forwardRef<HTMLAnchorElement, NavLinkProps>(function NavLink(props, ref) {
  const plain = usePlainPage();
  const location = useLocation();
  const href = plain ? plainHref(props.to) : null;
  if (href === null) return <RouterNavLink ref={ref} {...props} />;
  const isActive = isActivePath(location.pathname, href, props.end, props.caseSensitive);
  const state: NavLinkRenderProps = { isActive, isPending: false, isTransitioning: false };
  // The attributes in react-router's order (its own props, aria-current, class, style, href, target), so
  // the page is the same bytes but for the router's data-discover.
  const { className = "", style, children, "aria-current": ariaCurrent = "page", ...others } = props;
  const { target, ...rest } = anchorProps(others);
  return (
    <a
      {...rest}
      aria-current={isActive ? ariaCurrent : undefined}
      className={typeof className === "function" ? className(state) : [className, isActive ? "active" : null].filter(Boolean).join(" ")}
      ref={ref}
      style={typeof style === "function" ? style(state) : style}
      href={href}
      target={target}
    >
      {typeof children === "function" ? (children(state) as ReactNode) : children}
    </a>
  );
});
