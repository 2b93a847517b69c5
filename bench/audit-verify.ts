/**
 * How long the audit log's checks take at scale (issue #12, decision 023).
 *
 *   node --import tsx bench/audit-verify.ts [--events=1000000] [--chain=10]
 *   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:55432/postgres node --import tsx bench/audit-verify.ts
 *
 * Without BENCH_DATABASE_URL it runs on an in-memory PGlite; with it, on a
 * fresh database zj_bench_audit on that PostgreSQL server (dropped at the end).
 * Bulk-loads N events in chains of --chain events (valid hashes), then times:
 * the first checkpoint (sequencing every event, the Merkle root, the chain
 * heads, the signature), `verifyAuditLog` (every chain, every checkpoint's
 * heads and tree head — what `npm run audit:verify` runs), the tree-head check
 * alone, an inclusion and a consistency proof (what the public endpoints
 * compute), and a second checkpoint after 1,000 more events. Prints figures only.
 */
import { generateKeyPairSync } from "node:crypto";
import { performance } from "node:perf_hooks";
import { openPglite, openPostgres, type Db } from "../app/db/client.server.ts";
import { appendAudit, checkpointAudit, verifyAuditLog } from "../app/services/audit/audit.server.ts";
import { auditHash, GENESIS } from "../app/services/audit/hash.ts";
import { consistencyProof, inclusionProof, treeHeadErrors } from "../app/services/audit/log.server.ts";
import { adminQuery, databaseUrl, ms, option, table } from "./support.ts";

const N = option("events", 1_000_000);
const CHAIN = Math.max(1, option("chain", 10));
const BATCH = 10_000;
const admin = process.env.BENCH_DATABASE_URL;
const DB_NAME = "zj_bench_audit";

// A throwaway signing key: the bench never touches ./data.
process.env.AUDIT_SIGNING_KEY = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();

async function open() {
  if (!admin) return openPglite(undefined);
  await adminQuery(admin, `DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await adminQuery(admin, `CREATE DATABASE "${DB_NAME}"`);
  return openPostgres(databaseUrl(admin, DB_NAME));
}

/** N events in chains of CHAIN, hashed exactly as appendAudit would, inserted BATCH rows per statement. */
async function load(db: Db) {
  const base = Date.parse("2026-01-01T00:00:00.000Z");
  let prev = GENESIS;
  for (let start = 0; start < N; start += BATCH) {
    const cols = {
      type: [] as string[],
      id: [] as string[],
      seq: [] as number[],
      event: [] as string[],
      at: [] as string[],
      payload: [] as string[],
      prev: [] as string[],
      hash: [] as string[],
    };
    for (let i = start; i < Math.min(N, start + BATCH); i++) {
      const seq = (i % CHAIN) + 1;
      if (seq === 1) prev = GENESIS;
      const f = {
        aggregateType: "bench",
        aggregateId: `c${Math.floor(i / CHAIN)}`,
        seq,
        fromState: "A",
        event: "E",
        toState: "B",
        actorId: null,
        at: new Date(base + i),
        payload: { i },
      };
      const hash = auditHash(prev, f);
      cols.type.push(f.aggregateType);
      cols.id.push(f.aggregateId);
      cols.seq.push(seq);
      cols.event.push(f.event);
      cols.at.push(f.at.toISOString());
      cols.payload.push(JSON.stringify(f.payload));
      cols.prev.push(prev);
      cols.hash.push(hash);
      prev = hash;
    }
    await db.$executeRaw`
      INSERT INTO "AuditEvent" ("aggregateType", "aggregateId", seq, "fromState", event, "toState", "actorId", at, payload, "prevHash", hash)
      SELECT t, a, s, 'A', e, 'B', NULL, at::timestamp(3), p::jsonb, ph, h
      FROM unnest(${cols.type}::text[], ${cols.id}::text[], ${cols.seq}::int[], ${cols.event}::text[], ${cols.at}::text[],
                  ${cols.payload}::text[], ${cols.prev}::text[], ${cols.hash}::text[]) AS x(t, a, s, e, at, p, ph, h)`;
  }
}

async function timed<T>(label: string, rows: (string | number)[][], fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  const t = ms(t0);
  rows.push([label, (t / 1000).toFixed(2), ((t * 1000) / N).toFixed(2)]);
  console.log(`  ${label}: ${(t / 1000).toFixed(2)} s`);
  return out;
}

const handle = await open();
const db = handle.prisma;
const rows: (string | number)[][] = [];
try {
  console.log(`Audit log bench: ${N.toLocaleString("en")} events in chains of ${CHAIN}, on ${admin ? "PostgreSQL" : "PGlite (in memory)"}`);
  await timed("bulk load (hashing + INSERT)", rows, () => load(db));
  const first = await timed("first checkpoint (sequence + root + heads + sign)", rows, () => checkpointAudit(db));
  const result = await timed("verifyAuditLog = npm run audit:verify (chains + heads + tree heads)", rows, () => verifyAuditLog(db));
  if (!result.ok) throw new Error(`the bench log does not verify: ${result.errors.slice(0, 3).join("; ")}`);
  await timed("tree-head check alone (every checkpoint's root)", rows, () => treeHeadErrors(db));
  await timed("inclusion proof, middle event", rows, () => inclusionProof(db, { eventId: BigInt(Math.ceil(N / 2)) }));
  for (let i = 0; i < 1000; i++)
    await db.$transaction((tx) =>
      appendAudit(tx, {
        aggregateType: "bench",
        aggregateId: `more-${i % 10}`,
        fromState: null,
        event: "E",
        toState: null,
        actorId: null,
        payload: {},
      }),
    );
  const second = await timed("second checkpoint, 1,000 events later", rows, () => checkpointAudit(db));
  await timed("consistency proof, first → second checkpoint", rows, () =>
    consistencyProof(db, Number(first.treeSize), Number(second.treeSize)),
  );
  await timed("verifyAuditLog with two checkpoints", rows, () => verifyAuditLog(db));
  console.log(
    `\n${N.toLocaleString("en")} events, ${Math.ceil(N / CHAIN).toLocaleString("en")} chains, ${admin ? "PostgreSQL" : "PGlite"}; Node ${process.version}\n`,
  );
  console.log(table(["step", "seconds", "µs per event"], rows));
} finally {
  await handle.close();
  if (admin) await adminQuery(admin, `DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
}
