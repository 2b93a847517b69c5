import { createCookie } from "react-router";
import { secureCookies, sessionSecrets } from "~/lib/env.server";

/**
 * A signed, httpOnly, SameSite=Lax cookie (signed with SESSION_SECRET, which may
 * rotate), created on first use so the secrets are read after configuration.
 */
export function lazySignedCookie(name: string, options: { path: string; days: number }) {
  let cookie: ReturnType<typeof createCookie> | undefined;
  return () => {
    cookie ??= createCookie(name, {
      httpOnly: true,
      sameSite: "lax",
      secure: secureCookies(),
      path: options.path,
      secrets: sessionSecrets(),
      maxAge: options.days * 24 * 3600,
    });
    return cookie;
  };
}
