import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of the current document
 * (docs/decisions/016-content-security-policy.md).
 *
 * On the server entry.server.tsx provides the nonce it generated for this
 * response; in the browser entry.client.tsx provides the one the server wrote
 * on the page's scripts, so hydration renders the same `nonce` attributes.
 */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}

/** In the browser: the nonce of the server-rendered scripts (the IDL property keeps it; the attribute is blanked). */
export function documentNonce(doc: Document): string | undefined {
  return doc.querySelector<HTMLScriptElement>("script[nonce]")?.nonce || undefined;
}
