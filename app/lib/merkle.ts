import { createHash } from "node:crypto";

/**
 * The audit log's Merkle tree, exactly as certificate-transparency logs build
 * theirs (RFC 9162 §2.1, the same tree as RFC 6962): SHA-256, a leaf hashed as
 * SHA-256(0x00 ‖ leaf data), an interior node as SHA-256(0x01 ‖ left ‖ right),
 * the left subtree of n leaves holding the largest power of two smaller than n.
 * Hashes cross this module's boundary as 64 lowercase hex characters; inside
 * they are the 32 raw bytes. Byte formats: docs/decisions/023-merkle-log.md.
 *
 * Pure (node:crypto only, no database): the server, `npm run audit:verify`,
 * the standalone verifier (scripts/verify-public.ts) and the tests share it.
 */

export type Hex = string;

const HEX64 = /^[0-9a-f]{64}$/;

export function isHash(value: unknown): value is Hex {
  return typeof value === "string" && HEX64.test(value);
}

function bytes(hex: Hex): Buffer {
  if (!isHash(hex)) throw new Error(`not a SHA-256 hash in lowercase hex: ${String(hex).slice(0, 80)}`);
  return Buffer.from(hex, "hex");
}

const sha256 = (...parts: Buffer[]): Buffer => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest();
};

const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

/** MTH of the empty tree: SHA-256 of no bytes. */
export const EMPTY_ROOT: Hex = sha256().toString("hex");

/**
 * The leaf of one audit event: its data is the 32 raw bytes of the event's
 * chain hash (the hex text decoded), so the leaf hash is SHA-256(0x00 ‖ those 32 bytes).
 */
export function eventLeafHash(eventHash: Hex): Hex {
  return sha256(LEAF, bytes(eventHash)).toString("hex");
}

/** SHA-256(0x01 ‖ left ‖ right) over the raw bytes of two hashes. */
export function nodeHash(left: Hex, right: Hex): Hex {
  return sha256(NODE, bytes(left), bytes(right)).toString("hex");
}

/** The largest power of two strictly smaller than n (n ≥ 2). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function checkSize(n: number, name: string) {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer`);
}

/**
 * Builds MTH(D[n]) leaf by leaf with O(log n) memory: a stack of the roots of
 * complete subtrees, merged as soon as two of equal height meet. The root is
 * the right-to-left fold of what is left, which is the RFC's left-balanced
 * tree. Streams any number of leaves (the database hands them in batches).
 */
export class TreeHasher {
  private stack: { height: number; hash: Buffer }[] = [];
  private count = 0;

  /** Adds the next leaf, given as its leaf hash (eventLeafHash). */
  pushLeafHash(leafHash: Hex): void {
    this.push(bytes(leafHash));
  }

  /** Adds the next leaf, given as the event's chain hash: the fast path for millions of leaves (no hex round trip). */
  pushEventHash(eventHash: Hex): void {
    const raw = Buffer.from(eventHash, "hex");
    if (raw.length !== 32 || eventHash.length !== 64) throw new Error(`not a SHA-256 hash in hex: ${String(eventHash).slice(0, 80)}`);
    this.push(sha256(LEAF, raw));
  }

  /**
   * Adds 2^height leaves at once, given as the tree hash of that complete
   * subtree. Only where such a subtree starts: the leaves so far a multiple of 2^height.
   */
  pushSubtree(height: number, hash: Hex): void {
    const size = 2 ** height;
    if (this.count % size !== 0) throw new Error(`a subtree of ${size} leaves cannot start at leaf ${this.count}`);
    this.push(bytes(hash), height, size);
  }

  private push(leaf: Buffer, height = 0, size = 1): void {
    let top = { height, hash: leaf };
    while (this.stack.length && this.stack[this.stack.length - 1]!.height === top.height) {
      const left = this.stack.pop()!;
      top = { height: top.height + 1, hash: sha256(NODE, left.hash, top.hash) };
    }
    this.stack.push(top);
    this.count += size;
  }

  get size(): number {
    return this.count;
  }

  /** MTH of the leaves pushed so far. */
  root(): Hex {
    if (this.stack.length === 0) return EMPTY_ROOT;
    let r = this.stack[this.stack.length - 1]!.hash;
    for (let i = this.stack.length - 2; i >= 0; i--) r = sha256(NODE, this.stack[i]!.hash, r);
    return r.toString("hex");
  }
}

/** MTH over leaf hashes held in memory (tests, small trees). */
export function rootOfLeafHashes(leafHashes: Hex[]): Hex {
  const t = new TreeHasher();
  for (const l of leafHashes) t.pushLeafHash(l);
  return t.root();
}

/** A subtree [start, end) of leaves whose MTH is one entry of a proof. */
export type Range = readonly [start: number, end: number];

/**
 * Which subtrees an inclusion proof for leaf m in a tree of n leaves is made of,
 * in proof order (RFC 9162 §2.1.3.1, PATH(m, D[n])): the leaf's sibling first,
 * the root's other child last. The server hashes each range of leaves.
 */
export function inclusionRanges(m: number, n: number): Range[] {
  checkSize(n, "tree size");
  checkSize(m, "leaf index");
  if (m >= n) throw new Error("leaf index must be smaller than the tree size");
  const out: Range[] = [];
  const walk = (m: number, lo: number, n: number) => {
    if (n <= 1) return;
    const k = split(n);
    if (m < k) {
      walk(m, lo, k);
      out.push([lo + k, lo + n]);
    } else {
      walk(m - k, lo + k, n - k);
      out.push([lo, lo + k]);
    }
  };
  walk(m, 0, n);
  return out;
}

/**
 * Which subtrees a consistency proof from size m to size n is made of, in proof
 * order (RFC 9162 §2.1.4.1, PROOF(m, D[n]) = SUBPROOF(m, D[n], true)). Empty
 * when m = 0 or m = n (nothing to prove).
 */
export function consistencyRanges(m: number, n: number): Range[] {
  checkSize(m, "first tree size");
  checkSize(n, "second tree size");
  if (m > n) throw new Error("the first tree size must not exceed the second");
  if (m === 0 || m === n) return [];
  const out: Range[] = [];
  const sub = (m: number, lo: number, n: number, b: boolean) => {
    if (m === n) {
      if (!b) out.push([lo, lo + n]);
      return;
    }
    const k = split(n);
    if (m <= k) {
      sub(m, lo, k, b);
      out.push([lo + k, lo + n]);
    } else {
      sub(m - k, lo + k, n - k, false);
      out.push([lo, lo + k]);
    }
  };
  sub(m, 0, n, true);
  return out;
}

/** A proof computed over leaf hashes in memory: each range's MTH (tests, small trees). */
export function proofFromLeafHashes(ranges: Range[], leafHashes: Hex[]): Hex[] {
  return ranges.map(([a, b]) => rootOfLeafHashes(leafHashes.slice(a, b)));
}

const isOdd = (x: number) => x % 2 === 1;
const half = (x: number) => Math.floor(x / 2);

/**
 * RFC 9162 §2.1.3.2, step by step: does `path` prove that `leafHash` is leaf
 * number `index` (from 0) of the tree of `treeSize` leaves whose root is `root`?
 */
export function verifyInclusion(leafHash: Hex, index: number, treeSize: number, path: Hex[], root: Hex): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) return false;
  if (![leafHash, root, ...path].every(isHash)) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of path) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && r === root;
}

/**
 * RFC 9162 §2.1.4.2, step by step: does `path` prove that the tree of `first`
 * leaves with root `firstRoot` is a prefix of the tree of `second` leaves with
 * root `secondRoot` (the log only grew)?
 */
export function verifyConsistency(first: number, second: number, firstRoot: Hex, secondRoot: Hex, path: Hex[]): boolean {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second) return false;
  if (![firstRoot, secondRoot, ...path].every(isHash)) return false;
  // Outside the RFC's steps (which assume 0 < first < second): the trivial cases.
  if (first === second) return path.length === 0 && firstRoot === secondRoot;
  if (first === 0) return path.length === 0 && firstRoot === EMPTY_ROOT;
  if (path.length === 0) return false;
  const proof = isPowerOfTwo(first) ? [firstRoot, ...path] : [...path];
  let fn = first - 1;
  let sn = second - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = proof[0]!;
  let sr = proof[0]!;
  for (const c of proof.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return fr === firstRoot && sr === secondRoot && sn === 0;
}

function isPowerOfTwo(x: number): boolean {
  while (x > 1 && x % 2 === 0) x /= 2;
  return x === 1;
}
