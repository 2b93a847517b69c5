import { createHmac, generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const isProduction = process.env.NODE_ENV === "production";

/** postgresql://… selects a real PostgreSQL server; unset selects embedded PGlite. */
export function databaseUrl(): string | undefined {
  const url = process.env.DATABASE_URL?.trim();
  return url ? url : undefined;
}

export function pgliteDir(): string {
  return path.resolve(process.env.PGLITE_DIR ?? "data/pglite");
}

/**
 * SESSION_SECRET signs the session cookie. It is mandatory in production on a
 * shared PostgreSQL (every instance must use the same one). For the embedded
 * single-machine demo a random secret is generated once and kept under ./data.
 */
export function sessionSecrets(): string[] {
  const configured = process.env.SESSION_SECRET?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (configured && configured.length > 0) return configured;
  if (isProduction && databaseUrl()) {
    throw new Error("SESSION_SECRET must be set in production when DATABASE_URL is set (share it across all instances).");
  }
  const file = path.join(path.dirname(pgliteDir()), "session-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return [readFileSync(file, "utf8").trim()];
}

/** Secure cookies in production; INSECURE_COOKIES=1 allows plain-HTTP demos on a LAN. */
export function secureCookies(): boolean {
  return isProduction && process.env.INSECURE_COOKIES !== "1";
}

/** Uploaded documents live outside the web root. */
export function uploadsDir(): string {
  return path.resolve(process.env.UPLOADS_DIR ?? "data/uploads");
}

/**
 * The Ed25519 private key (PKCS#8 PEM) that signs audit checkpoints.
 * AUDIT_SIGNING_KEY holds the PEM itself, AUDIT_SIGNING_KEY_FILE a path to it.
 * Mandatory in production on a shared PostgreSQL (every instance must sign with
 * the same key); for the embedded single-machine demo one is generated once and
 * kept under ./data. Rotation: docs/audit.md.
 */
export function auditSigningKeyPem(): string {
  const inline = process.env.AUDIT_SIGNING_KEY?.trim();
  if (inline) return inline.replace(/\\n/g, "\n");
  const configured = process.env.AUDIT_SIGNING_KEY_FILE?.trim();
  if (configured) return readFileSync(configured, "utf8");
  if (isProduction && databaseUrl()) {
    throw new Error(
      "AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE must be set in production when DATABASE_URL is set (one key for all instances).",
    );
  }
  const file = path.join(path.dirname(pgliteDir()), "audit-signing-key.pem");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const { privateKey } = generateKeyPairSync("ed25519");
    try {
      writeFileSync(file, privateKey.export({ type: "pkcs8", format: "pem" }).toString(), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return readFileSync(file, "utf8");
}

/**
 * The key of the resident ID numbers' HMAC (decision 035). IDENTITY_HMAC_KEY if set; otherwise
 * derived from the current session secret. The key must never change once practitioners are
 * recorded (the numbers are not kept, so they cannot be re-hashed): production sets it explicitly,
 * so that rotating SESSION_SECRET does not split one person into two identities.
 */
export function identityHmacKey(): string {
  const configured = process.env.IDENTITY_HMAC_KEY?.trim();
  if (configured) return configured;
  return createHmac("sha256", sessionSecrets()[0]!).update("practitioner-identity-v1").digest("hex");
}
