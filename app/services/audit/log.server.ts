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

/** MTH of the leaves at positions [lo, hi); refuses a log with a hole in that range. */
export async function rangeRoot(client: Client, lo: number, hi: number): Promise<Hex> {
  const tree = new TreeHasher();
  let expected = lo;
  for await (const rows of leafRows(client, lo, hi)) {
    for (const r of rows) {
      if (Number(r.i) !== expected) throw new LogGapError(expected);
      tree.pushEventHash(r.hash);
      expected++;
    }
  }
  if (expected !== hi) throw new LogGapError(expected);
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
  let expected = 0;
  for await (const batch of leafRows(db, 0, max)) {
    for (const r of batch) {
      const i = Number(r.i);
      if (i !== expected) errors.push(`positions ${expected}–${i - 1} of the log are missing (events deleted after a checkpoint)`);
      expected = i + 1;
      tree.pushEventHash(r.hash);
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
