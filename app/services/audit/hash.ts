import { createHash } from "node:crypto";
import { canonicalJson } from "~/lib/canonical-json";

export const GENESIS = "0".repeat(64);

export type AuditFields = {
  aggregateType: string;
  aggregateId: string;
  seq: number;
  fromState: string | null;
  event: string;
  toState: string | null;
  actorId: string | null;
  at: Date;
  payload: unknown;
};

/** hash = SHA-256(prevHash ‖ canonical JSON of the event's fields). */
export function auditHash(prevHash: string, e: AuditFields): string {
  const body = canonicalJson({
    aggregateType: e.aggregateType,
    aggregateId: e.aggregateId,
    seq: e.seq,
    fromState: e.fromState,
    event: e.event,
    toState: e.toState,
    actorId: e.actorId,
    at: e.at.toISOString(),
    payload: e.payload ?? null,
  });
  return createHash("sha256").update(prevHash).update(body).digest("hex");
}

/** Merkle root over chain heads (leaves sorted by aggregate), as transparency logs publish. */
export function merkleRoot(leaves: string[]): string {
  if (leaves.length === 0) return GENESIS;
  let level = leaves.map((l) => createHash("sha256").update("\x00").update(l).digest("hex"));
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const right = level[i + 1] ?? level[i]!;
      next.push(createHash("sha256").update("\x01").update(level[i]!).update(right).digest("hex"));
    }
    level = next;
  }
  return level[0]!;
}
