import type { zh } from "./audit";

export const en: typeof zh = {
  title: "Public audit record",
  intro:
    "Every state change on the platform (requests, bids, awards, contracts, sanctions…) is written to a hash-chained audit log, one chain per object, and every event in order is a leaf of one Merkle tree, as in a certificate-transparency log (RFC 9162). The platform regularly takes a checkpoint: the tree's size and root, signed with the platform's key (Ed25519) and published here. Anyone who keeps these checkpoints can later ask for a consistency proof and detect events deleted, reordered or the log rewritten, or ask for an inclusion proof of one event.",
  howTo:
    "Check it yourself: download the JSON, save a checkpoint's statement text to a file and verify its signature (Base64) with the public key below, e.g.:",
  feed: "All checkpoints (JSON)",
  proofs: "Proofs (JSON, no login):",
  inclusion: "inclusion of an event",
  consistency: "consistency between checkpoints",
  verifier:
    "A verifier that needs no database: npm run verify:public -- <this site's URL or downloaded JSON files>; the byte formats are in decision record 023.",
  treeSize: "Tree size (events)",
  keys: "Signing keys",
  keyId: "Key id",
  firstUsed: "In use since",
  none: "No checkpoints yet.",
  createdAt: "Time (Beijing)",
  root: "Merkle root",
  chains: "Chains",
  events: "Events",
  signature: "Signature",
  unsigned: "unsigned (early checkpoint)",
  page: "Page {{page}} of {{pages}}",
};
