import { createPrivateKey, createPublicKey, sign, type KeyObject } from "node:crypto";
import { keyIdOf } from "~/lib/audit-public";
import { auditSigningKeyPem } from "~/lib/env.server";

export { keyIdOf, verifyStatementSignature as verifyStatement } from "~/lib/audit-public";

/**
 * The platform's checkpoint signature (issue #12, like a transparency log's
 * signed tree head): Ed25519 over the UTF-8 bytes of a checkpoint's canonical
 * JSON statement. The key id is the first 16 hex characters of SHA-256 over the
 * public key's SPKI DER, so anyone can tie a signature to a published key.
 */
type Signer = { privateKey: KeyObject; publicKeyPem: string; keyId: string };

let cached: { pem: string; signer: Signer } | undefined;

export function signer(): Signer {
  const pem = auditSigningKeyPem();
  if (cached?.pem !== pem) {
    const privateKey = createPrivateKey(pem);
    const publicKey = createPublicKey(privateKey);
    const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
    cached = { pem, signer: { privateKey, publicKeyPem, keyId: keyIdOf(publicKeyPem) } };
  }
  return cached.signer;
}

export function signStatement(statement: string): { signature: string; keyId: string; publicKeyPem: string } {
  const s = signer();
  return {
    signature: sign(null, Buffer.from(statement, "utf8"), s.privateKey).toString("base64"),
    keyId: s.keyId,
    publicKeyPem: s.publicKeyPem,
  };
}
