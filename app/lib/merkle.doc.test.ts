// A second implementation of the audit log's tree and proofs, written from the
// words of docs/decisions/023-merkle-log.md (§2 byte formats, §5 verification)
// with node:crypto only — as a third party would in another language — and
// checked against the document's own test vectors (§6), then against the
// platform's code (app/lib/merkle.ts). If the document and the code drift
// apart, this fails.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as platform from "./merkle";

const doc = readFileSync(path.resolve(import.meta.dirname, "../../docs/decisions/023-merkle-log.md"), "utf8");
const vectorsText = /### 6\. Test vectors[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)?.[1];
type Vectors = {
  events: string[];
  leaves: string[];
  roots: Record<string, string>;
  inclusion: { leafIndex: number; treeSize: number; path: string[] };
  consistency: { first: number; second: number; path: string[] };
};
const v = JSON.parse(vectorsText ?? "null") as Vectors;

// §2: "Hashes are SHA-256 … hashed again as part of the tree it is the 32 raw bytes the hex decodes to."
const sha256 = (...parts: Buffer[]) => createHash("sha256").update(Buffer.concat(parts)).digest();
const raw = (hex: string) => Buffer.from(hex, "hex");
const hex = (b: Buffer) => b.toString("hex");
// "Leaf hash: SHA-256(0x00 ‖ E) where E is the 32 raw bytes of the event hash."
const leaf = (eventHash: string) => hex(sha256(Buffer.from([0]), raw(eventHash)));
// "Node hash: SHA-256(0x01 ‖ L ‖ R) over the 32 raw bytes of the left and right child hashes."
const node = (l: string, r: string) => hex(sha256(Buffer.from([1]), raw(l), raw(r)));
// "Tree hash: for n = 0, SHA-256 of no bytes; for n = 1, the leaf hash of D[0]; for n > 1, with k the
// largest power of two smaller than n, node(MTH(D[0..k)), MTH(D[k..n)))."
function mth(leaves: string[]): string {
  if (leaves.length === 0) return hex(sha256());
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return node(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}
const halve = (x: number) => Math.floor(x / 2);
const odd = (x: number) => x % 2 === 1;

// §5 Inclusion, step by step as written.
function inclusionOk(h: string, m: number, n: number, path: string[], r: string): boolean {
  if (m >= n) return false;
  let fn = m;
  let sn = n - 1;
  let x = h;
  for (const p of path) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      x = node(p, x);
      if (!odd(fn)) while (!odd(fn) && fn !== 0) [fn, sn] = [halve(fn), halve(sn)];
    } else x = node(x, p);
    [fn, sn] = [halve(fn), halve(sn)];
  }
  return sn === 0 && x === r;
}

// §5 Consistency, step by step as written (0 < m < n).
function consistencyOk(m: number, n: number, r1: string, r2: string, path: string[]): boolean {
  if (path.length === 0) return false;
  const powerOfTwo = (m & (m - 1)) === 0;
  const proof = powerOfTwo ? [r1, ...path] : path;
  let fn = m - 1;
  let sn = n - 1;
  while (odd(fn)) [fn, sn] = [halve(fn), halve(sn)];
  let fr = proof[0]!;
  let sr = proof[0]!;
  for (const c of proof.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = node(c, fr);
      sr = node(c, sr);
      if (!odd(fn)) while (!odd(fn) && fn !== 0) [fn, sn] = [halve(fn), halve(sn)];
    } else sr = node(sr, c);
    [fn, sn] = [halve(fn), halve(sn)];
  }
  return fr === r1 && sr === r2 && sn === 0;
}

describe("decision 023, re-implemented from its words", () => {
  it("the document carries test vectors; the event hashes are SHA-256 of 'a' … 'e'", () => {
    expect(v.events).toEqual(["a", "b", "c", "d", "e"].map((t) => createHash("sha256").update(t).digest("hex")));
  });

  it("leaf hashes and tree roots follow from §2", () => {
    expect(v.events.map(leaf)).toEqual(v.leaves);
    for (const [n, root] of Object.entries(v.roots)) expect(mth(v.leaves.slice(0, Number(n))), `n=${n}`).toBe(root);
  });

  it("the inclusion proof of leaf 2 in the tree of 5 verifies by §5, and fails for a neighbour", () => {
    const { leafIndex, treeSize, path } = v.inclusion;
    expect(inclusionOk(v.leaves[leafIndex]!, leafIndex, treeSize, path, v.roots[treeSize]!)).toBe(true);
    expect(inclusionOk(v.leaves[leafIndex + 1]!, leafIndex, treeSize, path, v.roots[treeSize]!)).toBe(false);
  });

  it("the consistency proof from 3 to 5 verifies by §5, and fails for another first root", () => {
    const { first, second, path } = v.consistency;
    expect(consistencyOk(first, second, v.roots[first]!, v.roots[second]!, path)).toBe(true);
    expect(consistencyOk(first, second, v.roots["2"]!, v.roots[second]!, path)).toBe(false);
  });

  it("the platform's code computes the same leaves, roots and proofs", () => {
    expect(v.events.map(platform.eventLeafHash)).toEqual(v.leaves);
    for (const [n, root] of Object.entries(v.roots)) expect(platform.rootOfLeafHashes(v.leaves.slice(0, Number(n)))).toBe(root);
    const { leafIndex, treeSize } = v.inclusion;
    expect(platform.proofFromLeafHashes(platform.inclusionRanges(leafIndex, treeSize), v.leaves)).toEqual(v.inclusion.path);
    const { first, second } = v.consistency;
    expect(platform.proofFromLeafHashes(platform.consistencyRanges(first, second), v.leaves)).toEqual(v.consistency.path);
    // And the two verifiers agree on every proof for trees up to 40 leaves.
    const many = Array.from({ length: 40 }, (_, i) => leaf(createHash("sha256").update(`x${i}`).digest("hex")));
    for (let n = 1; n <= 40; n++) {
      const root = mth(many.slice(0, n));
      for (let m = 0; m < n; m++) {
        const p = platform.proofFromLeafHashes(platform.inclusionRanges(m, n), many);
        expect(inclusionOk(many[m]!, m, n, p, root)).toBe(true);
        if (m > 0) {
          const c = platform.proofFromLeafHashes(platform.consistencyRanges(m, n), many.slice(0, n));
          expect(consistencyOk(m, n, mth(many.slice(0, m)), root, c), `${m} → ${n}`).toBe(true);
        }
      }
    }
  });
});
