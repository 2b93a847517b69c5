import type { zh } from "./fairness";

export const en: typeof zh = {
  title: "Fair-competition review",
  nav: "Fair-competition review",
  intro:
    "The texts of these requests contain wording that may restrict non-local or particular agencies, so they were not published and wait for review. Check the highlighted words: if they do not restrict competition, approve and publish; if they do, return the request to its enterprise with a reason.",
  empty: "No request is waiting for review.",
  submittedAt: "Submitted (Beijing time)",
  closesAt: "Bidding closes (Beijing time)",
  enterprise: "Enterprise",
  item: "Service item",
  flagged: "Flagged wording",
  rule: "Rule",
  article: "Provision",
  fields: {
    title: "Title",
    description: "Description",
    qualifications: "Qualification requirements",
    avoidances: "Avoidance reasons",
    attachments: "Project document descriptions",
  },
  categories: {
    registration: "Place of registration or location",
    presence: "Local branch, office or resident staff",
    designation: "Designated or implicitly designated agency",
    pool: "Pre-qualified pool, directory or shortlist",
    "local-ties": "Local tax, social security, staff or track record",
    preference: "Preference or extra points for local agencies",
    quota: "Cap on the number of agencies",
  },
  approve: "Approve and publish",
  approveHint:
    "Bidding opens at once and closes at the deadline set; with less than a minute left it cannot be published: return it instead.",
  returnReason: "Reason for returning",
  returnHint: "Required. The enterprise is told this reason and may cancel and post the request again.",
  return: "Return to the enterprise",
  done: {
    approved: "Approved and published.",
    returned: "Returned to the enterprise.",
  },
  errors: {
    notPending: "This request is no longer waiting for review (it was decided or withdrawn meanwhile).",
    closesTooSoon:
      "Less than a minute before bidding closes, so it cannot be published: return it so that the enterprise sets a new deadline.",
  },
  owner: {
    held: "This request contains wording that may restrict competition and is waiting for the fair-competition review; it is published once approved.",
    returned: "Returned by the fair-competition review: {{reason}}",
    flagged: "Wording under review",
  },
  dashboard: {
    title: "Fair-competition review",
    outcome: "Outcome",
    category: "Category",
    REFUSED: "Refused at posting",
    PENDING: "Waiting for review",
    PUBLISHED: "Published after review",
    RETURNED: "Returned",
    WITHDRAWN: "Withdrawn by the enterprise",
    total: "Total",
    openQueue: "Open the review queue",
  },
};
