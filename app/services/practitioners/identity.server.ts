import { createHmac } from "node:crypto";
import { identityHmacKey } from "~/lib/env.server";
import { maskResidentId } from "~/lib/resident-id";

/**
 * What is kept of a resident ID number (decision 035): a keyed HMAC to recognise the same person
 * in any agency, and the masked form to show. The number itself is dropped here; it is never
 * stored, logged, audited, returned to a browser or published.
 *
 * A plain hash would not protect it: an ID number has well under 40 bits of entropy (region,
 * birth date, sequence), so anyone holding a database dump could enumerate them. Without the
 * server's key the HMAC cannot be enumerated.
 */
export type Identity = { idHash: string; idMasked: string };

export function identityOf(normalizedId: string): Identity {
  return {
    idHash: createHmac("sha256", identityHmacKey()).update(normalizedId).digest("hex"),
    idMasked: maskResidentId(normalizedId),
  };
}
