import { createHash, createPublicKey, verify } from "node:crypto";
import { isHash, verifyConsistency, verifyInclusion, eventLeafHash, type Hex } from "./merkle";

/**
 * What an outsider checks in the published audit record, with nothing but
 * node:crypto (no database): checkpoint statements and signatures, inclusion
 * and consistency proofs. Shared by the server (which builds these documents)
 * and scripts/verify-public.ts. Formats: docs/decisions/023-merkle-log.md.
 */

export const LOG_ID = "zhongjie-chaoshi audit log";

/** A checkpoint as /audit/checkpoints.json and the proof documents publish it. */
export type PublishedCheckpoint = {
  id: string;
  createdAt: string;
  root: string;
  treeSize?: number | null;
  statement: string | null;
  signature: string | null;
  keyId: string | null;
};

export type PublishedKey = { keyId: string; publicKeyPem: string; firstUsedAt?: string };

/** v1: a Merkle root over chain heads; v2: a signed tree head of the whole log (treeSize + root). */
export type Statement =
  | { v: 1; log: string; createdAt: string; root: Hex; chains: number; events: number }
  | { v: 2; log: string; createdAt: string; root: Hex; chains: number; treeSize: number };

export type InclusionDocument = {
  leafIndex: number;
  treeSize: number;
  eventHash: Hex;
  leafHash: Hex;
  path: Hex[];
  checkpoint: PublishedCheckpoint;
};

export type ConsistencyDocument = {
  first: number;
  second: number;
  path: Hex[];
  firstCheckpoint: PublishedCheckpoint;
  secondCheckpoint: PublishedCheckpoint;
};

/** The first 16 hex characters of SHA-256 over the public key's SPKI DER. */
export function keyIdOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("hex").slice(0, 16);
}

/** Ed25519 over the statement's UTF-8 bytes, the signature in Base64. */
export function verifyStatementSignature(statement: string, signatureBase64: string, publicKeyPem: string): boolean {
  try {
    return verify(null, Buffer.from(statement, "utf8"), createPublicKey(publicKeyPem), Buffer.from(signatureBase64, "base64"));
  } catch {
    return false;
  }
}

const isCount = (x: unknown): x is number => typeof x === "number" && Number.isSafeInteger(x) && x >= 0;

/** Parses a statement and checks its shape; a string says what is wrong. */
export function parseStatement(text: string): Statement | string {
  let s: Record<string, unknown>;
  try {
    s = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return "the statement is not JSON";
  }
  if (!s || typeof s !== "object") return "the statement is not a JSON object";
  if (s.log !== LOG_ID) return `the statement names another log (${String(s.log)})`;
  if (typeof s.createdAt !== "string" || !isHash(s.root) || !isCount(s.chains)) return "the statement lacks createdAt, root or chains";
  if (s.v === 1 && isCount(s.events)) return s as Statement;
  if (s.v === 2 && isCount(s.treeSize)) return s as Statement;
  return `unknown statement version ${String(s.v)}`;
}

/** A checkpoint's own consistency: signed by a published key, its fields the statement's. Problems, or none. */
export function checkCheckpoint(cp: PublishedCheckpoint, keys: PublishedKey[]): { problems: string[]; statement: Statement | null } {
  const name = `checkpoint ${cp.id} (${cp.createdAt})`;
  if (!cp.statement || !cp.signature || !cp.keyId) return { problems: [`${name}: unsigned`], statement: null };
  const problems: string[] = [];
  const key = keys.find((k) => k.keyId === cp.keyId);
  if (!key) problems.push(`${name}: signed with key ${cp.keyId}, which is not published`);
  else {
    let actualId: string | null = null;
    try {
      actualId = keyIdOf(key.publicKeyPem);
    } catch {
      problems.push(`${name}: the published key ${cp.keyId} is not a valid public key`);
    }
    if (actualId !== null && actualId !== key.keyId) problems.push(`${name}: the published key ${key.keyId} has key id ${actualId}`);
    if (!verifyStatementSignature(cp.statement, cp.signature, key.publicKeyPem)) problems.push(`${name}: the signature does not verify`);
  }
  const parsed = parseStatement(cp.statement);
  if (typeof parsed === "string") return { problems: [...problems, `${name}: ${parsed}`], statement: null };
  if (parsed.root !== cp.root) problems.push(`${name}: the root shown is not the root signed`);
  if (parsed.createdAt !== cp.createdAt) problems.push(`${name}: the time shown is not the time signed`);
  if (parsed.v === 2 && cp.treeSize !== undefined && cp.treeSize !== null && cp.treeSize !== parsed.treeSize)
    problems.push(`${name}: the tree size shown is not the tree size signed`);
  return { problems, statement: parsed };
}

/** The signed tree head of a v2 checkpoint, or null (v1, unsigned, or broken: see checkCheckpoint). */
export function treeHead(cp: PublishedCheckpoint): { treeSize: number; root: Hex } | null {
  if (!cp.statement) return null;
  const s = parseStatement(cp.statement);
  return typeof s !== "string" && s.v === 2 ? { treeSize: s.treeSize, root: s.root } : null;
}

/**
 * Every checkpoint of the feed: each signed by a published key; v2 tree heads
 * never shrink and come in time order. Consistency between them needs proofs
 * (verifyConsistencyDocument).
 */
export function checkCheckpointList(checkpoints: PublishedCheckpoint[], keys: PublishedKey[]): string[] {
  const problems: string[] = [];
  const ordered = [...checkpoints].sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
  let last: { id: string; treeSize: number; createdAt: string } | null = null;
  for (const cp of ordered) {
    const { problems: p, statement } = checkCheckpoint(cp, keys);
    problems.push(...p.filter((x) => !x.endsWith(": unsigned")));
    if (statement?.v !== 2) continue;
    if (last && statement.treeSize < last.treeSize)
      problems.push(`checkpoint ${cp.id}: tree size ${statement.treeSize} is smaller than checkpoint ${last.id}'s ${last.treeSize}`);
    if (last && statement.createdAt < last.createdAt) problems.push(`checkpoint ${cp.id}: signed before checkpoint ${last.id}`);
    last = { id: cp.id, treeSize: statement.treeSize, createdAt: statement.createdAt };
  }
  return problems;
}

/** An inclusion proof: the checkpoint is signed, and the path leads from the event's leaf to its root. */
export function verifyInclusionDocument(doc: InclusionDocument, keys: PublishedKey[]): string[] {
  const { problems } = checkCheckpoint(doc.checkpoint, keys);
  const head = treeHead(doc.checkpoint);
  if (!head) return [...problems, "the proof's checkpoint is not a signed tree head (statement v2)"];
  if (head.treeSize !== doc.treeSize) problems.push(`the proof is for tree size ${doc.treeSize}, its checkpoint signed ${head.treeSize}`);
  if (!isHash(doc.eventHash) || eventLeafHash(doc.eventHash) !== doc.leafHash)
    problems.push("the leaf hash is not SHA-256(0x00 ‖ event hash)");
  else if (!Array.isArray(doc.path) || !verifyInclusion(doc.leafHash, doc.leafIndex, head.treeSize, doc.path, head.root))
    problems.push(`the path does not lead from leaf ${doc.leafIndex} to the signed root of ${head.treeSize} leaves`);
  return problems;
}

/** A consistency proof: both checkpoints signed, and the smaller tree is a prefix of the larger. */
export function verifyConsistencyDocument(doc: ConsistencyDocument, keys: PublishedKey[]): string[] {
  const problems = [...checkCheckpoint(doc.firstCheckpoint, keys).problems, ...checkCheckpoint(doc.secondCheckpoint, keys).problems];
  const a = treeHead(doc.firstCheckpoint);
  const b = treeHead(doc.secondCheckpoint);
  if (!a || !b) return [...problems, "a checkpoint of the proof is not a signed tree head (statement v2)"];
  if (a.treeSize !== doc.first || b.treeSize !== doc.second) problems.push("the proof's tree sizes are not its checkpoints' tree sizes");
  if (!Array.isArray(doc.path) || !verifyConsistency(a.treeSize, b.treeSize, a.root, b.root, doc.path))
    problems.push(
      `the log of ${b.treeSize} events (checkpoint ${doc.secondCheckpoint.id}) does not extend the log of ${a.treeSize} (checkpoint ${doc.firstCheckpoint.id}): history was rewritten`,
    );
  return problems;
}
