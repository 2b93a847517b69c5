import type { Db, Tx } from "~/db/client.server";
import type { RawTx } from "~/db/raw-tx.server";
import { Prisma } from "~/generated/prisma/client";
import { dbNow } from "~/services/clock.server";
import { canonicalJson } from "~/lib/canonical-json";
import { LOG_ID } from "~/lib/audit-public";
import { auditHash, GENESIS, type AuditFields } from "./hash";
import { assertDense, publishedCheckpoint, rangeRoot, sequenceLog, storeBlocks, treeHeadErrors } from "./log.server";
import { signStatement } from "./signing.server";

export type AuditInput = Omit<AuditFields, "seq" | "at">;

/** A chain's head as the next append sees it: the event time, the last seq and hash (GENESIS for a new chain). */
export type ChainHead = { at: Date; seq: number; hash: string };

/**
 * Takes the aggregate's append lock (transaction-scoped advisory lock) and
 * reads its chain head, in one statement: zj_audit_chain_head reads the head
 * with a snapshot taken after the lock is granted (migration
 * 20261203200000_audit_chain_head, decision 025).
 */
export async function lockChainHead(tx: RawTx, aggregateType: string, aggregateId: string): Promise<ChainHead> {
  const rows = await tx.$queryRaw<{ head: unknown }[]>`SELECT ${chainHeadSql(aggregateType, aggregateId)} AS head`;
  return chainHeadOf(rows[0]!.head);
}

/**
 * lockChainHead as a column of a caller's statement (a bid reads its facts and
 * takes the lock in one): the lock is taken when the column is computed, after
 * the rows the statement locks in its FROM clause. Read it with chainHeadOf.
 */
export function chainHeadSql(aggregateType: string, aggregateId: string): Prisma.Sql {
  return Prisma.sql`to_json(zj_audit_chain_head(${aggregateType}::text, ${aggregateId}::text))`;
}

/** The head from chainHeadSql's column. */
export function chainHeadOf(column: unknown): ChainHead {
  const h = (typeof column === "string" ? JSON.parse(column) : column) as {
    head_at: string;
    head_seq: number | null;
    head_hash: string | null;
  };
  return { at: new Date(h.head_at), seq: h.head_seq ?? 0, hash: h.head_hash ?? GENESIS };
}

/**
 * The INSERT of the event that follows `head`, hashed: a statement of its own
 * or the last part of a caller's statement (a bid's write and its event go to
 * the database together), written only `when` that condition holds. The
 * payload is stored as JSON text, as Prisma's Json column stored it; the hash
 * covers the canonical form of the same value.
 */
export function auditInsertSql(input: AuditInput, head: ChainHead, when?: Prisma.Sql): Prisma.Sql {
  const seq = head.seq + 1;
  const fields: AuditFields = { ...input, seq, at: head.at };
  const hash = auditHash(head.hash, fields);
  return Prisma.sql`
    INSERT INTO "AuditEvent" ("aggregateType", "aggregateId", seq, "fromState", event, "toState", "actorId", at, payload, "prevHash", hash)
    SELECT ${input.aggregateType}::text, ${input.aggregateId}::text, ${seq}::int, ${input.fromState}::text, ${input.event}::text,
           ${input.toState}::text, ${input.actorId}::text, ${head.at}::timestamp(3), ${JSON.stringify(input.payload ?? {})}::jsonb,
           ${head.hash}::text, ${hash}::text
    ${when ? Prisma.sql`WHERE ${when}` : Prisma.empty}`;
}

/**
 * Appends one event to its aggregate's hash chain, inside the caller's
 * transaction. Chains are per aggregate (a request and its bids, an agency), so
 * unrelated writes never wait on each other; within one aggregate a
 * transaction-scoped advisory lock orders appends (a unique (type, id, seq)
 * index would also catch a race, but as an error instead of a wait).
 * Two statements: the lock with the head (lockChainHead), the INSERT.
 */
export async function appendAudit(tx: Tx, input: AuditInput): Promise<void> {
  const head = await lockChainHead(tx, input.aggregateType, input.aggregateId);
  await tx.$executeRaw(auditInsertSql(input, head));
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
