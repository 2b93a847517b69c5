import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";
import { checkCheckpoint, checkCheckpointList, keyIdOf, LOG_ID, type PublishedCheckpoint, type PublishedKey } from "./audit-public";
import { EMPTY_ROOT } from "./merkle";

/** A checkpoint signed the way the platform signs one (decision 023 §3), with a throwaway key. */
function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  return { privateKey, key: { keyId: keyIdOf(publicKeyPem), publicKeyPem } satisfies PublishedKey };
}

const k1 = keyPair();
const k2 = keyPair();

function checkpoint(
  id: number,
  treeSize: number,
  createdAt: string,
  signer = k1,
  root = EMPTY_ROOT.replace(/^e/, String(id % 10)),
): PublishedCheckpoint {
  const statement = canonicalJson({ v: 2, log: LOG_ID, createdAt, treeSize, root, chains: 1 });
  return {
    id: String(id),
    createdAt,
    root,
    treeSize,
    statement,
    signature: sign(null, Buffer.from(statement, "utf8"), signer.privateKey).toString("base64"),
    keyId: signer.key.keyId,
  };
}

describe("checking a published checkpoint", () => {
  const cp = checkpoint(1, 10, "2026-12-03T09:00:00.000Z");

  it("a checkpoint signed by a published key, its fields those signed, passes", () => {
    expect(checkCheckpoint(cp, [k1.key]).problems).toEqual([]);
    expect(checkCheckpoint(cp, [k1.key]).statement).toMatchObject({ v: 2, treeSize: 10 });
  });

  it("names every way one can be wrong", () => {
    const name = "checkpoint 1 (2026-12-03T09:00:00.000Z)";
    expect(checkCheckpoint(cp, [k2.key]).problems).toEqual([`${name}: signed with key ${cp.keyId}, which is not published`]);
    expect(checkCheckpoint(cp, [{ ...k2.key, keyId: k1.key.keyId }]).problems).toEqual([
      `${name}: the published key ${k1.key.keyId} has key id ${k2.key.keyId}`,
      `${name}: the signature does not verify`,
    ]);
    expect(checkCheckpoint({ ...cp, statement: cp.statement!.replace('"treeSize":10', '"treeSize":11') }, [k1.key]).problems).toEqual([
      `${name}: the signature does not verify`,
      `${name}: the tree size shown is not the tree size signed`,
    ]);
    expect(checkCheckpoint({ ...cp, root: EMPTY_ROOT }, [k1.key]).problems).toEqual([`${name}: the root shown is not the root signed`]);
    expect(checkCheckpoint({ ...cp, signature: null }, [k1.key]).problems).toEqual([`${name}: unsigned`]);
    expect(checkCheckpoint({ ...cp, signature: "not base64 at all" }, [k1.key]).problems).toEqual([
      `${name}: the signature does not verify`,
    ]);
  });

  it("over a list: tree sizes never shrink and times never go back; a rotated key still verifies its own checkpoints", () => {
    const list = [
      checkpoint(1, 10, "2026-12-03T09:00:00.000Z"),
      checkpoint(2, 12, "2026-12-03T10:00:00.000Z", k2),
      checkpoint(3, 12, "2026-12-03T11:00:00.000Z", k2),
    ];
    expect(checkCheckpointList(list, [k1.key, k2.key])).toEqual([]);
    const shrunk = [...list, checkpoint(4, 11, "2026-12-03T12:00:00.000Z", k2)];
    expect(checkCheckpointList(shrunk, [k1.key, k2.key])).toEqual(["checkpoint 4: tree size 11 is smaller than checkpoint 3's 12"]);
    const early = [...list, checkpoint(4, 13, "2026-12-03T08:00:00.000Z", k2)];
    expect(checkCheckpointList(early, [k1.key, k2.key])).toEqual(["checkpoint 4: signed before checkpoint 3"]);
  });
});
