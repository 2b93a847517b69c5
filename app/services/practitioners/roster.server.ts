import type { Tx } from "~/db/client.server";
import { DomainError } from "~/lib/errors";
import { lockIdentities } from "./data.server";
import { identityOf, type Identity } from "./identity.server";
import { barringSanctions } from "./restrictions.server";

/**
 * The checks a person's identity must pass to join a roster, inside the caller's transaction
 * (decision 035): the identity lock, then no barring sanction in force (暂停执业 or 黑名单, from any
 * agency) and not on a roster already (one agency at a time). Refusals name the field and the
 * reason, never who sanctioned or employs the person. Returns what is stored: HMAC and masked form.
 */
export async function admitIdentity(tx: Tx, agencyId: string, idNumber: string, now: Date): Promise<Identity> {
  const identity = identityOf(idNumber);
  await lockIdentities(tx, [identity.idHash]);
  const barred = (await barringSanctions(tx, [identity.idHash], now)).get(identity.idHash);
  if (barred) throw new DomainError("PRACTITIONER_BARRED", 409, `practitioners.errors.barred.${barred.kind}`, "idNumber");
  const existing = await tx.practitioner.findUnique({ where: { idHash: identity.idHash }, select: { agencyId: true } });
  if (existing) {
    const key = existing.agencyId === agencyId ? "practitioners.errors.alreadyOnRoster" : "practitioners.errors.onAnotherRoster";
    throw new DomainError("PRACTITIONER_TAKEN", 409, key, "idNumber");
  }
  return identity;
}

export type Signer = { practitionerId: string; name: string; qualification: string; certificateNo: string | null };

/**
 * The practitioners who sign a deliverable (decision 035): from the delivering agency's roster,
 * at least one when the roster has anyone, none barred now. Takes their identity locks (after the
 * caller's request lock), so a blacklisting committed first is seen. Refusals are on `signerIds`.
 */
export async function checkSigners(tx: Tx, agencyId: string, signerIds: string[], now: Date): Promise<Signer[]> {
  const ids = [...new Set(signerIds)];
  const roster = await tx.practitioner.findMany({
    where: { agencyId },
    select: { id: true, name: true, qualification: true, certificateNo: true, idHash: true },
  });
  if (roster.length === 0 && ids.length === 0) return [];
  if (ids.length === 0) throw new DomainError("SIGNERS_REQUIRED", 400, "practitioners.errors.signersRequired", "signerIds");
  const chosen = ids.map((id) => roster.find((p) => p.id === id));
  if (chosen.some((p) => !p)) throw new DomainError("SIGNER_NOT_ON_ROSTER", 400, "practitioners.errors.signerNotOnRoster", "signerIds");
  const signers = chosen as (typeof roster)[number][];
  const unidentified = signers.find((p) => !p.idHash);
  if (unidentified) {
    throw new DomainError("SIGNER_NO_IDENTITY", 409, "practitioners.errors.signerNoIdentity", "signerIds", { name: unidentified.name });
  }
  const hashes = signers.map((p) => p.idHash!);
  await lockIdentities(tx, hashes);
  const barred = await barringSanctions(tx, hashes, now);
  const hit = signers.find((p) => barred.has(p.idHash!));
  if (hit) {
    const kind = barred.get(hit.idHash!)!.kind;
    throw new DomainError("SIGNER_BARRED", 409, `practitioners.errors.signerBarred.${kind}`, "signerIds", { name: hit.name });
  }
  return signers.map((p) => ({ practitionerId: p.id, name: p.name, qualification: p.qualification, certificateNo: p.certificateNo }));
}
