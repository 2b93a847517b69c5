/**
 * The limits and kinds of the files a request carries (#16, decision 034):
 * project documents for bidders, the recorded contract, objection evidence.
 * Shared by the commands, the read model and the forms' hints.
 */
export const ATTACHMENT_KIND = "REQUEST_ATTACHMENT";
export const CONTRACT_KIND = "CONTRACT";
export const OBJECTION_EVIDENCE_KIND = "OBJECTION_EVIDENCE";

/** Project documents one request may carry. */
export const MAX_ATTACHMENTS = 5;
/** Evidence files one objection may carry. */
export const MAX_EVIDENCE_FILES = 3;
/** Longest description of an attachment. */
export const MAX_ATTACHMENT_DESCRIPTION = 200;
