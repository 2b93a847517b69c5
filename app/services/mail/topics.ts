/**
 * What a user may choose to receive by email: notification kinds grouped into
 * topics (one checkbox each on /settings/notifications). A user stores the
 * topics they turned OFF (User.mailOptOut), so a topic added later is on by
 * default. Account mail (verification, password reset) is not a topic: it is
 * always sent.
 */
export const MAIL_TOPICS = [
  "REQUESTS",
  "BIDS",
  "CLOSING",
  "AWARD",
  "OBJECTIONS",
  "CONTRACT",
  "CASES",
  "SANCTIONS",
  "RATINGS",
  "ACCOUNT",
] as const;
export type MailTopic = (typeof MAIL_TOPICS)[number];

const BY_KIND: Record<string, MailTopic> = {
  REQUEST_MATCHING: "REQUESTS",
  REQUEST_CANCELLED: "REQUESTS",
  FAIRNESS_APPROVED: "REQUESTS",
  FAIRNESS_RETURNED: "REQUESTS",
  BID_RECEIVED: "BIDS",
  REQUEST_CLOSED_PICK: "CLOSING",
  REQUEST_FAILED: "CLOSING",
  REQUEST_AWARDED: "AWARD",
  BID_WON: "AWARD",
  BID_LOST: "AWARD",
  REQUEST_REAWARDED: "AWARD",
  AWARD_REVOKED: "AWARD",
  PUBLICITY_ENDED: "AWARD",
  OBJECTION_FILED: "OBJECTIONS",
  OBJECTION_DISMISSED: "OBJECTIONS",
  OBJECTION_UPHELD: "OBJECTIONS",
  OBJECTION_SUPERSEDED: "OBJECTIONS",
  REQUEST_FAILED_OBJECTION: "OBJECTIONS",
  CONTRACT_CONFIRMED: "CONTRACT",
  SERVICE_STARTED: "CONTRACT",
  CONTRACT_RECORDED: "CONTRACT",
  CONTRACT_AMENDED: "CONTRACT",
  SERVICE_OVERDUE: "CONTRACT",
  DELIVERY_SUBMITTED: "CONTRACT",
  DELIVERY_ACCEPTED: "CONTRACT",
  DELIVERY_RETURNED: "CONTRACT",
  CASE_FILED: "CASES",
  CASE_FILED_AGENCY: "CASES",
  CASE_REVIEW_STARTED: "CASES",
  CASE_DECIDED: "CASES",
  CASE_APPEALED: "CASES",
  CASE_APPEALED_COMPLAINANT: "CASES",
  CASE_APPEAL_DECIDED: "CASES",
  CASE_DECIDED_AGENCY: "SANCTIONS",
  CASE_DECIDED_AGENCY_NO_ACTION: "SANCTIONS",
  CASE_BID_INVALIDATED: "SANCTIONS",
  CASE_CONTRACT_AT_RISK: "SANCTIONS",
  CASE_SUSPENSION_ENDED: "SANCTIONS",
  CASE_REJECTED: "CASES",
  CASE_REJECTED_AGENCY: "CASES",
  CASE_STATEMENT_SUBMITTED: "CASES",
  CASE_HEARING_REQUESTED: "CASES",
  CASE_NOTICE_ISSUED: "SANCTIONS",
  CASE_HEARING_SCHEDULED: "SANCTIONS",
  CASE_HEARING_HELD: "SANCTIONS",
  EXIT_CONTRACT_TERMINATED: "SANCTIONS",
  PRACTITIONER_SANCTIONED: "SANCTIONS",
  RATING_RECEIVED: "RATINGS",
  RATING_REPLIED: "RATINGS",
  RATING_TEXT_HIDDEN: "RATINGS",
};

/** The topic of a notification kind; a kind not listed (agency review, credentials, exit…) is about the account. */
export function topicOf(kind: string): MailTopic {
  return BY_KIND[kind] ?? "ACCOUNT";
}

export function isMailTopic(value: unknown): value is MailTopic {
  return typeof value === "string" && (MAIL_TOPICS as readonly string[]).includes(value);
}
