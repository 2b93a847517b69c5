import { createCookie, type Cookie } from "react-router";
import { secureCookies, sessionSecrets } from "~/lib/env.server";

/** How many verified Cookie headers a cookie remembers (each at most MAX_REMEMBERED_HEADER characters). */
const REMEMBERED = 10_000;
const MAX_REMEMBERED_HEADER = 2_048;

/**
 * A signed, httpOnly, SameSite=Lax cookie (signed with SESSION_SECRET, which may
 * rotate), created on first use so the secrets are read after configuration.
 *
 * `parse` remembers what it read from a Cookie header: checking the signature
 * (Web Crypto: a key import and an HMAC per call) cost more CPU than the
 * session lookup it guards (decision 025). What a header decodes to depends
 * only on the header and the secrets, so a remembered answer is the answer
 * parse would give again; whether the session it names is still valid is
 * still asked of the database on every request.
 */
export function lazySignedCookie(name: string, options: { path: string; days: number }) {
  let cookie: Cookie | undefined;
  return (): Cookie => {
    if (cookie) return cookie;
    const inner = createCookie(name, {
      httpOnly: true,
      sameSite: "lax",
      secure: secureCookies(),
      path: options.path,
      secrets: sessionSecrets(),
      maxAge: options.days * 24 * 3600,
    });
    const remembered = new Map<string, unknown>();
    cookie = {
      get name() {
        return inner.name;
      },
      get isSigned() {
        return inner.isSigned;
      },
      get expires() {
        return inner.expires;
      },
      serialize: (value, serializeOptions) => inner.serialize(value, serializeOptions),
      async parse(header, parseOptions) {
        if (!header || parseOptions || header.length > MAX_REMEMBERED_HEADER) return inner.parse(header, parseOptions);
        if (remembered.has(header)) return remembered.get(header);
        const value: unknown = await inner.parse(header);
        // Only plain values (the session id): an object handed out twice could be changed by its first reader.
        if (value === null || typeof value !== "object") {
          if (remembered.size >= REMEMBERED) remembered.delete(remembered.keys().next().value!);
          remembered.set(header, value);
        }
        return value;
      },
    };
    return cookie;
  };
}
