import type { Db, Tx } from "~/db/client.server";
import {
  checkCheckpoint,
  type ConsistencyDocument,
  type InclusionDocument,
  type PublishedCheckpoint,
  type PublishedKey,
} from "~/lib/audit-public";
import { DomainError } from "~/lib/errors";
import { consistencyRanges, eventLeafHash, inclusionRanges, TreeHasher, type Hex, type Range } from "~/lib/merkle";

/**
 * The Merkle log over every audit event (decision 023), as a certificate-
 * transparency log keeps one: each event gets a dense position (`logIndex`,
 * from 0) when the checkpoint writer sequences it, and a checkpoint signs the
 * tree head (size and RFC 9162 root) of the log at that moment. Positions are
 * given in id order to events committed by then; an event whose transaction
 * commits later gets the next free position at the next checkpoint, so a signed
 * tree is never reordered afterwards (ids alone would be: a lower id may commit
 * after a higher one).
 *
 * Leaves are read in batches by position and hashed with O(log n) memory, so a
 * log of millions of events never sits in memory.
 */

type Client = Db | Tx;
const BATCH = 20_000;

/** Gives every event without a position the next ones, in id order; returns the log's size. */
export async function sequenceLog(client: Client): Promise<number> {
  await client.$executeRaw`
    UPDATE "AuditEvent" e SET "logIndex" = s.idx
    FROM (
      SELECT id, row_number() OVER (ORDER BY id) - 1
             + (SELECT COALESCE(MAX("logIndex") + 1, 0) FROM "AuditEvent") AS idx
      FROM "AuditEvent" WHERE "logIndex" IS NULL
    ) s
    WHERE e.id = s.id`;
  return logSize(client);
}

/**
 * Refuses a log with a hole below `size` (an event deleted after it was
 * sequenced): no checkpoint is signed over it. A count over the unique index;
 * the first missing position is looked for only when the count is short.
 */
export async function assertDense(client: Client, size: number): Promise<void> {
  const counted = await client.$queryRaw<
    { n: bigint }[]
  >`SELECT count(*)::bigint AS n FROM "AuditEvent" WHERE "logIndex" < ${BigInt(size)}`;
  if (Number(counted[0]!.n) === size) return;
  const rows = await client.$queryRaw<{ missing: bigint }[]>`
    SELECT 0::bigint AS missing WHERE NOT EXISTS (SELECT 1 FROM "AuditEvent" WHERE "logIndex" = 0)
    UNION ALL
    SELECT e."logIndex" + 1 FROM "AuditEvent" e
    WHERE e."logIndex" + 1 < ${BigInt(size)}
      AND NOT EXISTS (SELECT 1 FROM "AuditEvent" x WHERE x."logIndex" = e."logIndex" + 1)
    ORDER BY 1 LIMIT 1`;
  throw new LogGapError(Number(rows[0]?.missing ?? 0));
}

/** One past the highest position given (the tree size a checkpoint would sign). */
export async function logSize(client: Client): Promise<number> {
  const rows = await client.$queryRaw<{ size: bigint }[]>`SELECT COALESCE(MAX("logIndex") + 1, 0)::bigint AS size FROM "AuditEvent"`;
  return Number(rows[0]!.size);
}

type LeafRow = { i: bigint; hash: string };

/** The leaves at positions ≥ from, in position order, batch by batch (keyset pagination), up to `to`. */
async function* leafRows(client: Client, from: number, to: number): AsyncGenerator<LeafRow[]> {
  let cursor = BigInt(from);
  const end = BigInt(to);
  while (cursor < end) {
    const rows = await client.$queryRaw<LeafRow[]>`
      SELECT "logIndex" AS i, hash FROM "AuditEvent"
      WHERE "logIndex" >= ${cursor} AND "logIndex" < ${end}
      ORDER BY "logIndex" LIMIT ${BATCH}`;
    if (rows.length === 0) return;
    yield rows;
    cursor = rows[rows.length - 1]!.i + 1n;
  }
}

/** A position the log should hold but does not: an event was deleted after it was sequenced. */
export class LogGapError extends Error {
  constructor(readonly index: number) {
    super(`the audit log has no event at position ${index} (deleted after it was sequenced)`);
  }
}

/** Leaves per stored block (AuditTreeBlock): 2^8. */
export const BLOCK_HEIGHT = 8;
export const BLOCK = 2 ** BLOCK_HEIGHT;

/** Pushes the leaves at positions [lo, hi) into `tree`; refuses a hole in that range. */
async function pushLeaves(client: Client, tree: TreeHasher | null, lo: number, hi: number, onBlock?: (index: number, root: Hex) => void) {
  let expected = lo;
  let block = new TreeHasher();
  for await (const rows of leafRows(client, lo, hi)) {
    for (const r of rows) {
      if (Number(r.i) !== expected) throw new LogGapError(expected);
      tree?.pushEventHash(r.hash);
      if (onBlock) {
        block.pushEventHash(r.hash);
        if (block.size === BLOCK) {
          onBlock(Math.floor(expected / BLOCK), block.root());
          block = new TreeHasher();
        }
      }
      expected++;
    }
  }
  if (expected !== hi) throw new LogGapError(expected);
}

/**
 * Stores the tree hash of every complete block of 256 leaves not stored yet,
 * up to `size` leaves: each checkpoint hashes only the leaves sequenced since
 * the last one.
 */
export async function storeBlocks(client: Client, size: number): Promise<void> {
  const last = await client.auditTreeBlock.findFirst({ orderBy: { index: "desc" }, select: { index: true } });
  const from = last ? Number(last.index) + 1 : 0;
  const to = Math.floor(size / BLOCK);
  let pending: { index: bigint; hash: string }[] = [];
  const flush = async () => {
    if (pending.length) await client.auditTreeBlock.createMany({ data: pending });
    pending = [];
  };
  // In slices, so that a first checkpoint over millions of events holds a few thousand block hashes at most.
  for (let b = from; b < to; b += 1000) {
    const end = Math.min(to, b + 1000);
    await pushLeaves(client, null, b * BLOCK, end * BLOCK, (index, root) => pending.push({ index: BigInt(index), hash: root }));
    await flush();
  }
}

/**
 * MTH of the leaves at positions [lo, hi); refuses a log with a hole in that
 * range. Every subtree of the log's tree that holds 256 leaves or more starts
 * at a multiple of 256 (a node's leaves start at a multiple of the smallest
 * power of two not below their count), so its complete blocks come from the
 * stored block hashes and only the last, partial block from the leaves.
 */
export async function rangeRoot(client: Client, lo: number, hi: number): Promise<Hex> {
  const tree = new TreeHasher();
  let at = lo;
  const full = lo % BLOCK === 0 ? Math.floor((hi - lo) / BLOCK) : 0;
  if (full > 0) {
    const first = lo / BLOCK;
    for (let b = first; b < first + full; b += BATCH) {
      const end = Math.min(first + full, b + BATCH);
      const rows = await client.auditTreeBlock.findMany({
        where: { index: { gte: BigInt(b), lt: BigInt(end) } },
        orderBy: { index: "asc" },
        select: { hash: true },
      });
      if (rows.length !== end - b) break; // not stored (yet): the leaves give the rest
      for (const r of rows) tree.pushSubtree(BLOCK_HEIGHT, r.hash);
      at = end * BLOCK;
    }
  }
  await pushLeaves(client, tree, at, hi);
  return tree.root();
}

async function proofOf(client: Client, ranges: Range[]): Promise<Hex[]> {
  const out: Hex[] = [];
  for (const [a, b] of ranges) out.push(await rangeRoot(client, a, b));
  return out;
}

const checkpointSelect = { id: true, createdAt: true, root: true, treeSize: true, statement: true, signature: true, keyId: true } as const;
type CheckpointRow = {
  id: bigint;
  createdAt: Date;
  root: string;
  treeSize: bigint | null;
  statement: string | null;
  signature: string | null;
  keyId: string | null;
};

export function publishedCheckpoint(r: CheckpointRow): PublishedCheckpoint {
  return {
    id: r.id.toString(),
    createdAt: r.createdAt.toISOString(),
    root: r.root,
    treeSize: r.treeSize === null ? null : Number(r.treeSize),
    statement: r.statement,
    signature: r.signature,
    keyId: r.keyId,
  };
}

/** The newest signed tree head, or null before the first v2 checkpoint. */
async function latestTreeHead(db: Db) {
  return db.auditCheckpoint.findFirst({ where: { treeSize: { not: null } }, orderBy: { id: "desc" }, select: checkpointSelect });
}

/** The checkpoint that signed this tree size (the first, if several did), or a 404. */
async function checkpointOfSize(db: Db, size: number) {
  const row = await db.auditCheckpoint.findFirst({ where: { treeSize: BigInt(size) }, orderBy: { id: "asc" }, select: checkpointSelect });
  if (!row) throw new DomainError("NO_CHECKPOINT", 404, `no checkpoint signed a tree of ${size} events`);
  return row;
}

export type EventQuery = { hash: string } | { eventId: bigint } | { aggregateType: string; aggregateId: string; seq: number };

/**
 * An inclusion proof for one event in a signed tree (the newest, or the one of
 * `treeSize`): its position, its hash and the path to the signed root. Only
 * hashes: the event's fields are not published here (a complaint's filer, a
 * sealed bid's agency stay private); whoever holds the event recomputes its hash.
 */
export async function inclusionProof(db: Db, query: EventQuery, treeSize?: number): Promise<InclusionDocument> {
  const event = await db.auditEvent.findFirst({
    where: "hash" in query ? { hash: query.hash } : "eventId" in query ? { id: query.eventId } : query,
    orderBy: { id: "asc" },
    select: { hash: true, logIndex: true },
  });
  if (!event) throw new DomainError("NO_EVENT", 404, "no such event in the audit log");
  const cp = treeSize === undefined ? await latestTreeHead(db) : await checkpointOfSize(db, treeSize);
  if (!cp) throw new DomainError("NO_CHECKPOINT", 404, "no signed tree head has been published yet");
  const size = Number(cp.treeSize);
  if (event.logIndex === null || Number(event.logIndex) >= size)
    throw new DomainError("NOT_YET_IN_LOG", 404, `the event is not in the tree of ${size} events yet; it will be in the next checkpoint`);
  const index = Number(event.logIndex);
  return {
    leafIndex: index,
    treeSize: size,
    eventHash: event.hash,
    leafHash: eventLeafHash(event.hash),
    path: await proofOf(db, inclusionRanges(index, size)),
    checkpoint: publishedCheckpoint(cp),
  };
}

/** A consistency proof from the signed tree of `first` events to the one of `second` (default: the newest). */
export async function consistencyProof(db: Db, first: number, second?: number): Promise<ConsistencyDocument> {
  const to = second === undefined ? await latestTreeHead(db) : await checkpointOfSize(db, second);
  if (!to) throw new DomainError("NO_CHECKPOINT", 404, "no signed tree head has been published yet");
  const n = Number(to.treeSize);
  if (first > n) throw new DomainError("BAD_RANGE", 400, `first (${first}) must not exceed second (${n})`);
  const from = await checkpointOfSize(db, first);
  return {
    first,
    second: n,
    path: await proofOf(db, consistencyRanges(first, n)),
    firstCheckpoint: publishedCheckpoint(from),
    secondCheckpoint: publishedCheckpoint(to),
  };
}

/**
 * The log against every signed tree head: each checkpoint's signature and
 * statement, the positions dense from 0, and the root of the first N events
 * equal to what the checkpoint of size N signed. A deleted, reordered or
 * rewritten event (even with every chain hash recomputed) changes that root;
 * the checkpoints that still match bound where it happened.
 */
export async function treeHeadErrors(db: Db): Promise<string[]> {
  const [rows, keyRows] = await Promise.all([
    db.auditCheckpoint.findMany({ where: { treeSize: { not: null } }, orderBy: { id: "asc" }, select: checkpointSelect }),
    db.auditSigningKey.findMany(),
  ]);
  const keys: PublishedKey[] = keyRows.map((k) => ({ keyId: k.keyId, publicKeyPem: k.publicKeyPem }));
  const errors: string[] = [];
  const heads = rows.map(publishedCheckpoint);
  for (const cp of heads) errors.push(...checkCheckpoint(cp, keys).problems);
  const targets = [...heads].sort((a, b) => a.treeSize! - b.treeSize! || Number(BigInt(a.id) - BigInt(b.id)));
  if (targets.length === 0) return errors;
  const max = targets[targets.length - 1]!.treeSize!;
  const tree = new TreeHasher();
  let t = 0;
  let matched = { size: 0, id: "" };
  const compare = () => {
    while (t < targets.length && targets[t]!.treeSize === tree.size) {
      const cp = targets[t++]!;
      const root = tree.root();
      if (root === cp.root) matched = { size: tree.size, id: cp.id };
      else
        errors.push(
          `checkpoint ${cp.id} (${cp.createdAt}) signed ${cp.treeSize} events with root ${cp.root.slice(0, 16)}…, but the log's first ` +
            `${cp.treeSize} hash to ${root.slice(0, 16)}…: an event at positions ${matched.size}–${cp.treeSize! - 1} was deleted, ` +
            `reordered or rewritten${matched.id ? ` (checkpoint ${matched.id} of ${matched.size} events still matches)` : ""}`,
        );
    }
  };
  compare();
  // The stored block hashes (what checkpoints and proofs are built from) must be the events' own.
  const stored = new Map((await db.auditTreeBlock.findMany()).map((b) => [Number(b.index), b.hash]));
  let block = new TreeHasher();
  let dense = true;
  let expected = 0;
  for await (const batch of leafRows(db, 0, max)) {
    for (const r of batch) {
      const i = Number(r.i);
      if (i !== expected) {
        errors.push(
          i - 1 === expected
            ? `position ${expected} of the log is missing (an event deleted after a checkpoint)`
            : `positions ${expected}–${i - 1} of the log are missing (events deleted after a checkpoint)`,
        );
        dense = false;
      }
      expected = i + 1;
      tree.pushEventHash(r.hash);
      block.pushEventHash(r.hash);
      if (block.size === BLOCK) {
        const index = Math.floor(i / BLOCK);
        const hash = stored.get(index);
        if (dense && hash !== undefined && hash !== block.root())
          errors.push(
            `the stored tree hash of positions ${index * BLOCK}–${index * BLOCK + BLOCK - 1} is not the hash of those events (the events or the stored hash were altered)`,
          );
        block = new TreeHasher();
      }
      compare();
    }
  }
  for (; t < targets.length; t++) {
    const cp = targets[t]!;
    errors.push(
      `checkpoint ${cp.id} (${cp.createdAt}) signed ${cp.treeSize} events, the log holds ${tree.size} up to that size: events were deleted`,
    );
  }
  return errors;
}
