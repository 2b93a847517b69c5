/**
 * The one check for every redirect target that comes from input (?redirectTo=,
 * a form's hidden field): only a path on this site is followed, anything else
 * becomes the fallback.
 *
 * Browsers resolve a Location header with the WHATWG URL parser, which strips
 * tabs and newlines anywhere, trims leading C0 controls and spaces, and reads
 * "\" as "/" — so "/\t/evil.example", "/\\evil.example" and " //evil.example"
 * all lead off-site. A string-prefix test cannot know all of that; instead the
 * target is parsed the way a browser will parse it, against a placeholder
 * origin, and kept only when it stays on that origin. The answer is the
 * normalised path (what the browser would have fetched), and is parsed once
 * more so that "/..//evil.example" (normalised to "//evil.example") is caught.
 */
const BASE = "https://same-origin.invalid";
const ORIGIN = new URL(BASE).origin;

/** Longer targets are not ours (our own paths are short; URLs beyond a few KB are refused by proxies). */
export const MAX_REDIRECT_LENGTH = 2048;

export function safeRedirect(to: unknown, fallback = "/dashboard"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > MAX_REDIRECT_LENGTH) return fallback;
  // A path, not a URL: it must begin with exactly one "/" (no scheme, no leading space).
  if (!to.startsWith("/")) return fallback;
  // Controls (tab, newline, NUL…) and backslashes have no place in our paths, and browsers reinterpret them.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f\\]/.test(to)) return fallback;
  const first = parse(to);
  if (!first) return fallback;
  const path = first.pathname + first.search + first.hash;
  // The normalised path must itself be a same-origin path (never "//host").
  const again = parse(path);
  if (!again || again.href !== first.href || path.startsWith("//")) return fallback;
  return path;
}

function parse(to: string): URL | null {
  try {
    const url = new URL(to, BASE);
    return url.origin === ORIGIN && url.username === "" && url.password === "" ? url : null;
  } catch {
    return null;
  }
}
