import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import {
  consistencyRanges,
  EMPTY_ROOT,
  eventLeafHash,
  inclusionRanges,
  nodeHash,
  proofFromLeafHashes,
  rootOfLeafHashes,
  TreeHasher,
  verifyConsistency,
  verifyInclusion,
  type Hex,
} from "./merkle";

const sha = (hex: string) => createHash("sha256").update(hex).digest("hex");
/** Leaf hashes of n distinct events (event hashes are any 64-hex strings). */
const leaves = (n: number, salt = "") => Array.from({ length: n }, (_, i) => eventLeafHash(sha(`${salt}event ${i}`)));

/** MTH straight from RFC 9162 §2.1.1's recursive definition, as an independent check. */
function mth(d: Hex[]): Hex {
  if (d.length === 0) return EMPTY_ROOT;
  if (d.length === 1) return d[0]!;
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return nodeHash(mth(d.slice(0, k)), mth(d.slice(k)));
}

const flip = (h: Hex, at: number) => {
  const i = at % 64;
  return h.slice(0, i) + (h[i] === "0" ? "1" : "0") + h.slice(i + 1);
};

// Exhaustive over every size up to 100: seconds of hashing, more on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

describe("Merkle tree hash (RFC 9162 §2.1.1)", () => {
  it("the empty tree is SHA-256 of no bytes; a leaf is SHA-256(0x00 ‖ 32 bytes); a node SHA-256(0x01 ‖ left ‖ right)", () => {
    expect(EMPTY_ROOT).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    const e = "ab".repeat(32);
    expect(eventLeafHash(e)).toBe(
      createHash("sha256")
        .update(Buffer.from("00" + e, "hex"))
        .digest("hex"),
    );
    const [a, b] = leaves(2);
    expect(nodeHash(a!, b!)).toBe(
      createHash("sha256")
        .update(Buffer.from("01" + a! + b!, "hex"))
        .digest("hex"),
    );
    expect(() => eventLeafHash("AB".repeat(32))).toThrow();
  });

  it("the streaming hasher equals the recursive definition for every size up to 130", () => {
    const all = leaves(130);
    for (let n = 0; n <= 130; n++) expect(rootOfLeafHashes(all.slice(0, n)), `n=${n}`).toBe(mth(all.slice(0, n)));
  });

  it("pushing event hashes (the server's fast path) builds the same tree as pushing their leaf hashes", () => {
    const events = Array.from({ length: 77 }, (_, i) => sha(`e${i}`));
    const fast = new TreeHasher();
    for (const e of events) fast.pushEventHash(e);
    expect(fast.root()).toBe(mth(events.map(eventLeafHash)));
    expect(() => new TreeHasher().pushEventHash("abc")).toThrow();
  });

  it("complete subtrees pushed whole (the stored blocks) give the same root as their leaves", () => {
    const all = leaves(300, "blocks");
    for (const n of [0, 3, 4, 8, 11, 16, 100, 299, 300]) {
      for (const height of [2, 3]) {
        const size = 2 ** height;
        const t = new TreeHasher();
        let i = 0;
        for (; i + size <= n; i += size) t.pushSubtree(height, rootOfLeafHashes(all.slice(i, i + size)));
        for (; i < n; i++) t.pushLeafHash(all[i]!);
        expect(t.root(), `n=${n} blocks of ${size}`).toBe(mth(all.slice(0, n)));
        expect(t.size).toBe(n);
      }
    }
    const t = new TreeHasher();
    t.pushLeafHash(all[0]!);
    expect(() => t.pushSubtree(2, all[1]!)).toThrow("cannot start at leaf 1");
  });

  it("the root changes when leaves are swapped, dropped or one is rewritten", () => {
    const d = leaves(7);
    const root = rootOfLeafHashes(d);
    expect(rootOfLeafHashes([d[1]!, d[0]!, ...d.slice(2)])).not.toBe(root);
    expect(rootOfLeafHashes(d.slice(0, 6))).not.toBe(root);
    expect(rootOfLeafHashes([...d.slice(0, 3), ...d.slice(4)])).not.toBe(root);
    expect(rootOfLeafHashes([...d.slice(0, 6), flip(d[6]!, 5)])).not.toBe(root);
  });
});

describe("inclusion proofs (RFC 9162 §2.1.3)", () => {
  it("verify for every leaf of every tree up to 100 leaves, and never for another leaf, index or tree", () => {
    const all = leaves(101);
    for (let n = 1; n <= 100; n++) {
      const d = all.slice(0, n);
      const root = rootOfLeafHashes(d);
      for (let m = 0; m < n; m++) {
        const path = proofFromLeafHashes(inclusionRanges(m, n), d);
        expect(verifyInclusion(d[m]!, m, n, path, root), `m=${m} n=${n}`).toBe(true);
        expect(verifyInclusion(all[100]!, m, n, path, root)).toBe(false);
        if (n > 1) expect(verifyInclusion(d[m]!, (m + 1) % n, n, path, root)).toBe(false);
        // The tree one leaf larger has another root: this path does not reach it.
        expect(verifyInclusion(d[m]!, m, n + 1, path, rootOfLeafHashes(all.slice(0, n + 1)))).toBe(false);
      }
    }
  });

  it("a tampered proof is rejected (property)", () => {
    const all = leaves(300, "t");
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 300 }).chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1), fc.nat(), fc.nat(63), fc.nat(3))),
        ([n, m, pick, at, how]) => {
          const d = all.slice(0, n);
          const root = rootOfLeafHashes(d);
          const path = proofFromLeafHashes(inclusionRanges(m, n), d);
          const bad = [...path];
          const i = pick % bad.length;
          if (how === 0) bad[i] = flip(bad[i]!, at);
          else if (how === 1) bad.splice(i, 1);
          else if (how === 2) bad.push(bad[i]!);
          else if (bad.length > 1) [bad[0], bad[bad.length - 1]] = [bad[bad.length - 1]!, bad[0]!];
          else bad[0] = flip(bad[0]!, at);
          if (bad.join() === path.join()) return true;
          return !verifyInclusion(d[m]!, m, n, bad, root) && !verifyInclusion(d[m]!, m, n, path, flip(root, at));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("refuses impossible indexes and sizes instead of throwing", () => {
    const d = leaves(4);
    const root = rootOfLeafHashes(d);
    expect(verifyInclusion(d[0]!, 4, 4, [], root)).toBe(false);
    expect(verifyInclusion(d[0]!, -1, 4, [], root)).toBe(false);
    expect(verifyInclusion(d[0]!, 0, 4, ["zz"], root)).toBe(false);
    expect(() => inclusionRanges(4, 4)).toThrow();
  });
});

describe("consistency proofs (RFC 9162 §2.1.4)", () => {
  it("verify between every pair of sizes up to 100", () => {
    const d = leaves(100, "c");
    const roots = Array.from({ length: 101 }, (_, n) => rootOfLeafHashes(d.slice(0, n)));
    for (let n = 1; n <= 100; n++) {
      for (let m = 0; m <= n; m++) {
        const path = proofFromLeafHashes(consistencyRanges(m, n), d.slice(0, n));
        expect(verifyConsistency(m, n, roots[m]!, roots[n]!, path), `m=${m} n=${n}`).toBe(true);
        if (m > 0 && m < n) {
          // The right proof, the wrong first size or root: refused.
          expect(verifyConsistency(m - 1, n, roots[m]!, roots[n]!, path)).toBe(false);
          expect(verifyConsistency(m, n, roots[m - 1]!, roots[n]!, path)).toBe(false);
          expect(verifyConsistency(m, n, roots[m]!, roots[n - 1]!, path)).toBe(false);
        }
      }
    }
  });

  it("a log that rewrote an old leaf has no consistency proof: any proof from it is refused (property)", () => {
    const d = leaves(200, "r");
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 200 }).chain((n) => fc.tuple(fc.integer({ min: 1, max: n - 1 }), fc.constant(n), fc.nat(), fc.nat(63))),
        ([m, n, pick, at]) => {
          const honestFirst = rootOfLeafHashes(d.slice(0, m));
          // The log now holds leaf `pick % m` rewritten, and proves consistency from its new tree.
          const forged = [...d.slice(0, n)];
          forged[pick % m] = flip(forged[pick % m]!, at);
          const path = proofFromLeafHashes(consistencyRanges(m, n), forged);
          return !verifyConsistency(m, n, honestFirst, rootOfLeafHashes(forged), path);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a tampered consistency proof is rejected (property)", () => {
    const d = leaves(200, "p");
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 200 })
          .chain((n) => fc.tuple(fc.integer({ min: 1, max: n - 1 }), fc.constant(n), fc.nat(), fc.nat(63), fc.boolean())),
        ([m, n, pick, at, drop]) => {
          const path = proofFromLeafHashes(consistencyRanges(m, n), d.slice(0, n));
          const bad = [...path];
          if (drop) bad.splice(pick % bad.length, 1);
          else bad[pick % bad.length] = flip(bad[pick % bad.length]!, at);
          return !verifyConsistency(m, n, rootOfLeafHashes(d.slice(0, m)), rootOfLeafHashes(d.slice(0, n)), bad);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("the trivial cases: equal sizes need equal roots and no proof; first 0 is the empty tree", () => {
    const d = leaves(3);
    const r = rootOfLeafHashes(d);
    expect(verifyConsistency(3, 3, r, r, [])).toBe(true);
    expect(verifyConsistency(3, 3, r, EMPTY_ROOT, [])).toBe(false);
    expect(verifyConsistency(0, 3, EMPTY_ROOT, r, [])).toBe(true);
    expect(verifyConsistency(4, 3, r, r, [])).toBe(false);
    expect(() => consistencyRanges(4, 3)).toThrow();
  });
});
