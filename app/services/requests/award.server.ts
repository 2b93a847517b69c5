/**
 * The award lifecycle after closing (docs/principles.md "Award publicity", Principles
 * 4–7): the enterprise's direct pick, objections (异议) and the regulator's
 * answers, the contract, delivery and acceptance, overdue notices and
 * re-publishing a failed round — one use case per file in ./commands, the
 * scheduler steps in ./award-scheduler.server.ts. This module only re-exports
 * them, so every import of "~/services/requests/award.server" keeps working.
 *
 * Every command is one transaction that first locks the request row
 * (lockRequest), lets the request / bid machines decide, and writes the state,
 * the audit event (request chain) and the notifications together. Deadlines
 * (publicity end, service due date) are compared with the database clock.
 */
export { MAX_LEGAL_BASIS_CHARS, MAX_NOTE_CHARS, MAX_REASON_CHARS, requireText } from "./validation";
export { isOverdue } from "./overdue";
export { pickBid } from "./commands/pick-bid.server";
export { fileObjection } from "./commands/file-objection.server";
export { decideObjection, SUPERSEDED_REASON, type ObjectionDecision, type ObjectionGrounds } from "./commands/decide-objection.server";
export { confirmContract, contractConfirmations, type ContractSide } from "./commands/confirm-contract.server";
export { deliverResult } from "./commands/deliver-result.server";
export { acceptDelivery } from "./commands/accept-delivery.server";
export { returnDelivery } from "./commands/return-delivery.server";
export { notifyOverdueRequests, notifyPublicityEnded } from "./award-scheduler.server";
export { republishRequest } from "./commands/republish.server";
