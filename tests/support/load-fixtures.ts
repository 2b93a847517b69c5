/**
 * Helpers for the load and fault tests (tests/load/, real PostgreSQL only) and
 * bench/bids.ts: bulk fixtures through one SQL statement instead of hundreds of
 * service calls, extra Prisma clients with their own connection pools, and
 * small statistics.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import pg from "pg";
import { postgresClient } from "~/db/client.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { makeCreditCode } from "~/lib/credit-code";
import { hashPassword } from "~/lib/password.server";
import type { SessionUser } from "~/lib/session.server";
import { seedCatalogue } from "../../seeds/seed";
import { enterpriseUser, openRequest, SURVEY } from "./requests";

/** The URL of a database on the TEST_DATABASE_URL server (tests) — same user, host and options. */
export function testDatabaseUrl(name: string, admin = process.env.TEST_DATABASE_URL): string {
  if (!admin) throw new Error("TEST_DATABASE_URL is not set");
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A separate PrismaClient (another "app instance") with its own pg pool of `max`
 * connections and, optionally, other interactive-transaction limits than
 * Prisma's defaults (maxWait 2 s to get a connection, timeout 5 s). Made the
 * way the app makes its own (postgresClient), so the raw-SQL hot paths (bids)
 * run as they do in the app: straight through the pool.
 */
export function prismaWithPool(
  connectionString: string,
  max: number,
  transactionOptions: { maxWait: number; timeout: number } = { maxWait: 2_000, timeout: 5_000 },
): PrismaClient {
  return postgresClient(connectionString, { max, ...transactionOptions }).prisma;
}

export type LoadAgency = { user: SessionUser; agencyId: string; email: string };

const CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/**
 * n LISTED agencies in one statement: an AGENCY Organization (valid 统一社会信用代码),
 * a User with role AGENCY and the given password hash, a LISTED Agency and an
 * unexpired, verified Credential covering `itemCode` — what submitBid's eligibility check reads.
 */
export async function bulkListedAgencies(
  connectionString: string,
  n: number,
  opts: { itemCode: string; passwordHash: string; tag?: string },
): Promise<LoadAgency[]> {
  const tag = opts.tag ?? randomBytes(3).toString("hex");
  const names: string[] = [];
  const emails: string[] = [];
  const codes: string[] = [];
  const used = new Set<string>();
  for (let i = 0; i < n; i++) {
    names.push(`负载测试测绘${tag}-${i}号有限公司`);
    emails.push(`load-${tag}-${i}@example.cn`);
    let code: string;
    do {
      const body = Array.from(randomBytes(7), (b) => CODE_CHARS[b % CODE_CHARS.length]).join("");
      code = makeCreditCode(`91310107MA${body}`);
    } while (used.has(code));
    used.add(code);
    codes.push(code);
  }
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const item = await client.query<{ id: string }>(`SELECT id FROM "CatalogueItem" WHERE code = $1`, [opts.itemCode]);
    if (!item.rows[0]) throw new Error(`catalogue item ${opts.itemCode} is missing (seed the catalogue first)`);
    const { rows } = await client.query<{ n: string; org: string; usr: string; ag: string; name: string; email: string }>(
      `WITH s AS (
         SELECT t.n, gen_random_uuid()::text AS org, gen_random_uuid()::text AS usr, gen_random_uuid()::text AS ag,
                gen_random_uuid()::text AS cred, t.name, t.email, t.code
         FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS t(name, email, code, n)
       ), o AS (
         INSERT INTO "Organization" (id, kind, name, "creditCode", "regionCode", "contactName", "contactPhone")
         SELECT org, 'AGENCY', name, code, '310107', '联系人', '021-6000' || lpad(n::text, 4, '0') FROM s
       ), u AS (
         INSERT INTO "User" (id, email, name, "passwordHash", role, "organizationId")
         SELECT usr, email, '联系人', $4, 'AGENCY', org FROM s
       ), a AS (
         INSERT INTO "Agency" (id, "organizationId", "entityType", status, "listedAt", "updatedAt")
         SELECT ag, org, 'COMPANY', 'LISTED', now(), now() FROM s
       ), c AS (
         INSERT INTO "Credential" (id, "agencyId", type, level, number, issuer, "validUntil", "verifiedAt")
         SELECT cred, ag, '测绘资质', '甲级', 'LOAD-' || n, '发证机关', now() + interval '365 days', now() FROM s
       ), ci AS (
         INSERT INTO "CredentialItem" ("credentialId", "itemId") SELECT cred, $5 FROM s
       )
       SELECT n::text, org, usr, ag, name, email FROM s ORDER BY n`,
      [names, emails, codes, opts.passwordHash, item.rows[0].id],
    );
    return rows.map((r) => ({
      agencyId: r.ag,
      email: r.email,
      user: { id: r.usr, email: r.email, name: "联系人", role: "AGENCY", organizationId: r.org, organizationName: r.name },
    }));
  } finally {
    await client.end();
  }
}

/** Sets a request's deadline to the database clock + `seconds`; returns the stored closesAt. */
export async function setClosesIn(db: PrismaClient, requestId: string, seconds: number): Promise<Date> {
  const rows = await db.$queryRaw<{ closesAt: Date }[]>`
    UPDATE "ServiceRequest" SET "closesAt" = clock_timestamp() + make_interval(secs => ${seconds}::float8)
    WHERE id = ${requestId} RETURNING "closesAt"`;
  return rows[0]!.closesAt;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function latencySummary(ms: number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN };
}

/** Short description of an unexpected error, for tallies. */
export function errorKey(e: unknown): string {
  if (e && typeof e === "object") {
    const o = e as { name?: string; code?: unknown; status?: unknown; message?: string };
    const code = typeof o.code === "string" ? o.code : "";
    const status = typeof o.status === "number" ? ` ${o.status}` : "";
    return `${o.name ?? "Error"}${code ? ` ${code}` : ""}${status}: ${String(o.message ?? "")
      .split("\n")
      .slice(-1)[0]!
      .slice(0, 160)}`;
  }
  return String(e);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The scene of a bid-flood fault test: the catalogue, `agencies` LISTED
 * agencies (password `password`) with credentials for the survey item, and one
 * OPEN request per title, posted by an enterprise.
 */
export async function bidFloodScene(
  prisma: PrismaClient,
  url: string,
  options: { agencies: number; password: string; titles: string[] },
): Promise<{ agencies: LoadAgency[]; requestIds: string[] }> {
  await seedCatalogue(prisma);
  const agencies = await bulkListedAgencies(url, options.agencies, {
    itemCode: SURVEY,
    passwordHash: await hashPassword(options.password),
  });
  const enterprise = await enterpriseUser(prisma);
  const requestIds: string[] = [];
  for (const title of options.titles) requestIds.push((await openRequest(prisma, enterprise, { title })).id);
  return { agencies, requestIds };
}

/** A test server's secrets: a fresh session secret and audit signing key. */
export function serverSecrets(label: string): { SESSION_SECRET: string; AUDIT_SIGNING_KEY: string } {
  return {
    SESSION_SECRET: `${label}-${randomBytes(24).toString("hex")}`,
    AUDIT_SIGNING_KEY: generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}
