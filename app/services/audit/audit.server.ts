import type { Db, Tx } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { dbNow } from "~/services/clock.server";
import { canonicalJson } from "~/lib/canonical-json";
import { LOG_ID } from "~/lib/audit-public";
import { auditHash, GENESIS, type AuditFields } from "./hash";
import { assertDense, publishedCheckpoint, rangeRoot, sequenceLog, storeBlocks, treeHeadErrors } from "./log.server";
import { signStatement } from "./signing.server";

export type AuditInput = Omit<AuditFields, "seq" | "at">;

/**
 * Appends one event to its aggregate's hash chain, inside the caller's
 * transaction. Chains are per aggregate (a request and its bids, an agency), so
 * unrelated writes never wait on each other; within one aggregate a
 * transaction-scoped advisory lock orders appends (a unique (type, id, seq)
 * index would also catch a race, but as an error instead of a wait).
 */
export async function appendAudit(tx: Tx, input: AuditInput): Promise<void> {
  const key = `${input.aggregateType}:${input.aggregateId}`;
  const rows = await tx.$queryRaw<{ now: Date }[]>`
    SELECT now() AS now FROM (SELECT pg_advisory_xact_lock(hashtext(${key}))) AS l`;
  const at = rows[0]!.now;
  const head = await tx.auditEvent.findFirst({
    where: { aggregateType: input.aggregateType, aggregateId: input.aggregateId },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS;
  const fields: AuditFields = { ...input, seq, at };
  await tx.auditEvent.create({
    data: {
      ...input,
      payload: (input.payload ?? {}) as Prisma.InputJsonValue,
      seq,
      at,
      prevHash,
      hash: auditHash(prevHash, fields),
    },
  });
}

export type VerifyResult = { ok: boolean; events: number; chains: number; errors: string[] };

/** Recomputes every chain from genesis. Any edited, inserted or deleted row breaks it. */
export async function verifyAuditLog(db: Db): Promise<VerifyResult> {
  const errors: string[] = [];
  let events = 0;
  let chains = 0;
  let cursor: bigint | undefined;
  const state = new Map<string, { seq: number; hash: string }>();
  for (;;) {
    const batch = await db.auditEvent.findMany({
      orderBy: { id: "asc" },
      take: 1000,
      ...(cursor !== undefined ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (batch.length === 0) break;
    for (const row of batch) {
      events++;
      const key = `${row.aggregateType}:${row.aggregateId}`;
      const prev = state.get(key) ?? { seq: 0, hash: GENESIS };
      if (prev.seq === 0) chains++;
      if (row.seq !== prev.seq + 1) errors.push(`${key} #${row.seq}: expected seq ${prev.seq + 1}`);
      if (row.prevHash !== prev.hash) errors.push(`${key} #${row.seq}: prevHash does not match the previous event`);
      const expected = auditHash(row.prevHash, { ...row, payload: row.payload });
      if (row.hash !== expected) errors.push(`${key} #${row.seq}: hash mismatch (row was altered)`);
      state.set(key, { seq: row.seq, hash: row.hash });
    }
    cursor = batch[batch.length - 1]!.id;
  }
  errors.push(...(await checkpointGaps(db)));
  errors.push(...(await treeHeadErrors(db)));
  return { ok: errors.length === 0, events, chains, errors };
}

/**
 * Every chain head an earlier checkpoint recorded must still be in the log, at
 * the same position. Recomputing the chains alone cannot see a deleted tail (the
 * last events of a chain) or a deleted whole chain: what is left still links up.
 * A checkpoint can: it committed to each chain's length and last hash. Heads of
 * checkpoints written before lengths were recorded are plain hashes and are
 * checked by hash alone.
 */
async function checkpointGaps(db: Db): Promise<string[]> {
  const missing = await db.$queryRaw<{ id: bigint; createdAt: Date; aggregate: string; hash: string; seq: number | null }[]>`
    WITH head AS (
      SELECT c.id, c."createdAt", h.key AS aggregate,
             CASE jsonb_typeof(h.value) WHEN 'string' THEN h.value #>> '{}' ELSE h.value ->> 'hash' END AS hash,
             CASE jsonb_typeof(h.value) WHEN 'object' THEN (h.value ->> 'seq')::int END AS seq
      FROM "AuditCheckpoint" c CROSS JOIN LATERAL jsonb_each(c.heads::jsonb) h
    )
    SELECT head.* FROM head
    WHERE NOT EXISTS (
      SELECT 1 FROM "AuditEvent" e
      WHERE e."aggregateType" = split_part(head.aggregate, ':', 1)
        AND e."aggregateId" = substr(head.aggregate, length(split_part(head.aggregate, ':', 1)) + 2)
        AND e.hash = head.hash
        AND (head.seq IS NULL OR e.seq = head.seq))
    ORDER BY head.id, head.aggregate
    LIMIT 1000`;
  return missing.map(
    (m) =>
      `${m.aggregate}: checkpoint ${m.id} (${m.createdAt.toISOString()}) recorded ` +
      `${m.seq !== null ? `${m.seq} event(s) ending in ` : "a head "}${m.hash.slice(0, 16)}…, which is no longer in the log (events deleted or rewritten)`,
  );
}

/**
 * Records a checkpoint on demand: a signed tree head of the Merkle log
 * (decision 023) and each chain's length and last hash. Later verifications
 * recompute the tree for every checkpoint's size and check every recorded head
 * (checkpointGaps), so deleting or rewriting events a checkpoint has seen is
 * detected. Takes the same lock as the scheduler's checkpoint.
 */
export async function checkpointAudit(db: Db) {
  return db.$transaction(
    async (tx) => {
      await lockCheckpoints(tx);
      return writeCheckpoint(tx, await dbNow(tx));
    },
    { timeout: CHECKPOINT_TIMEOUT_MS },
  );
}

/** Hashing the whole log takes seconds at a million events: far longer than Prisma's default 5 s. */
const CHECKPOINT_TIMEOUT_MS = 10 * 60_000;

/** One checkpoint writer at a time, across every app instance: positions are given in one order. */
async function lockCheckpoints(tx: Tx) {
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext('audit-checkpoint'))) AS l`;
}

/** How often the scheduler takes a checkpoint (AUDIT_CHECKPOINT_MINUTES, default 60). */
export function checkpointIntervalMs(): number {
  const minutes = Number(process.env.AUDIT_CHECKPOINT_MINUTES ?? 60);
  return (Number.isFinite(minutes) && minutes > 0 ? minutes : 60) * 60_000;
}

/**
 * The scheduler's checkpoint: taken when the newest one is older than the
 * interval by the database clock. Every app instance runs the scheduler; a
 * transaction-scoped advisory lock makes them take turns, so one checkpoint is
 * written per interval, not one per instance. Returns whether it wrote one.
 */
export async function checkpointIfDue(db: Db, intervalMs = checkpointIntervalMs()): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      await lockCheckpoints(tx);
      const now = await dbNow(tx);
      const last = await tx.auditCheckpoint.findFirst({ orderBy: { id: "desc" }, select: { createdAt: true } });
      if (last && now.getTime() - last.createdAt.getTime() < intervalMs) return false;
      await writeCheckpoint(tx, now);
      return true;
    },
    { timeout: CHECKPOINT_TIMEOUT_MS },
  );
}

/**
 * Sequences the events committed so far into the Merkle log, then signs the
 * tree head (statement v2: tree size and root, decision 023). A log with a hole
 * (an event deleted after it was sequenced) has no root: the checkpoint is
 * refused (LogGapError) and audit:verify names the hole. The chain heads are
 * stored beside it, over the same events, so checkpointGaps can name a chain.
 */
async function writeCheckpoint(tx: Tx, createdAt: Date) {
  const treeSize = await sequenceLog(tx);
  await assertDense(tx, treeSize);
  await storeBlocks(tx, treeSize);
  const root = await rangeRoot(tx, 0, treeSize);
  const heads = await tx.$queryRaw<{ aggregate: string; seq: number; hash: string }[]>`
    SELECT DISTINCT ON ("aggregateType", "aggregateId")
           "aggregateType" || ':' || "aggregateId" AS aggregate, seq, hash
    FROM "AuditEvent" WHERE "logIndex" < ${BigInt(treeSize)}
    ORDER BY "aggregateType", "aggregateId", seq DESC`;
  heads.sort((a, b) => (a.aggregate < b.aggregate ? -1 : 1));
  // The signed statement (docs/decisions/023-merkle-log.md): canonical JSON text.
  const statement = canonicalJson({ v: 2, log: LOG_ID, createdAt: createdAt.toISOString(), treeSize, root, chains: heads.length });
  const { signature, keyId, publicKeyPem } = signStatement(statement);
  await tx.auditSigningKey.createMany({ data: [{ keyId, publicKeyPem, firstUsedAt: createdAt }], skipDuplicates: true });
  return tx.auditCheckpoint.create({
    data: {
      root,
      treeSize: BigInt(treeSize),
      createdAt,
      statement,
      signature,
      keyId,
      heads: Object.fromEntries(heads.map((h) => [h.aggregate, { seq: h.seq, hash: h.hash }])),
    },
  });
}

export const CHECKPOINT_PAGE_SIZE = 50;

/**
 * The public record of checkpoints, newest first, with every key that signed
 * one: what /audit shows and /audit/checkpoints.json serves. Heads are left out
 * (one per chain); the statement, its signature and the key id are all an
 * outsider needs to check a checkpoint and to notice a rewrite later.
 */
export async function publicCheckpoints(db: Db, pageInput = 1) {
  const total = await db.auditCheckpoint.count();
  const pages = Math.max(1, Math.ceil(total / CHECKPOINT_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(pageInput) || 1), pages);
  const [rows, keys] = await Promise.all([
    db.auditCheckpoint.findMany({
      orderBy: { id: "desc" },
      skip: (page - 1) * CHECKPOINT_PAGE_SIZE,
      take: CHECKPOINT_PAGE_SIZE,
      select: { id: true, createdAt: true, root: true, treeSize: true, statement: true, signature: true, keyId: true },
    }),
    db.auditSigningKey.findMany({ orderBy: { firstUsedAt: "asc" } }),
  ]);
  return {
    checkpoints: rows.map(publishedCheckpoint),
    keys: keys.map((k) => ({ keyId: k.keyId, publicKeyPem: k.publicKeyPem, firstUsedAt: k.firstUsedAt.toISOString() })),
    page,
    pages,
    total,
  };
}
