import type { zh } from "./practitioners";

// Practitioners' identities and sanctions (row 80, decision 035).
export const en: typeof zh = {
  regulatorLink: "Practitioner sanctions",
  title: "Practitioner sanctions",
  intro:
    "Find an agency's practitioners by name, certificate number or masked ID number (a whole ID number finds the person exactly). A sanction follows the person: while suspended or blacklisted, no agency can add them as a practitioner and no result they sign can be delivered.",
  searchLabel: "Name, certificate number or ID number",
  submit: "Search",
  count: "{{count}} people",
  more: "Only the first 50 are shown: narrow the search.",
  empty: "No practitioners found.",
  columns: {
    name: "Name",
    qualification: "Qualification",
    certificateNo: "Certificate no.",
    idMasked: "ID number (masked)",
    agency: "Agency",
    status: "Status",
  },
  practising: "Practising",
  barredBadge: { SUSPENSION: "Suspended", BLACKLIST: "Blacklisted" },
  back: "Back to practitioner sanctions",
  detail: {
    agency: "Agency",
    noIdentity:
      "This practitioner was recorded without an ID number, so the person cannot be recognised across agencies and cannot be sanctioned yet. Ask the agency to record it.",
    sanctions: "Sanctions (every record of this person, in any agency)",
    sanctionsEmpty: "No sanctions.",
  },
  form: {
    heading: "Impose a sanction",
    kind: "Kind of sanction",
    kinds: { WARNING: "Warning", SUSPENSION: "Suspension from practice", BLACKLIST: "Blacklisting" },
    days: "Days of suspension",
    daysHint: "Only for a suspension, 1–730 days",
    years: "Years on the blacklist",
    yearsHint: "Only for blacklisting, 1–10 years",
    reason: "Reason",
    legalBasis: "Legal basis",
    evidence: "Evidence summary",
    submit: "Impose and publish",
  },
  revoke: {
    label: "Reason for revoking",
    submit: "Revoke this sanction",
  },
  done: {
    sanctioned: "The sanction was imposed and published in the credit disclosure.",
    revoked: "The sanction was revoked; the public record shows the revocation and its reason.",
  },
  states: { active: "In force", expired: "Expired", revoked: "Revoked" },
  entry: {
    idMasked: "ID number",
    agencyAtTime: "Agency when sanctioned",
    period: "Period (Beijing time)",
    indefinite: "published indefinitely",
    reason: "Reason",
    legalBasis: "Legal basis",
    evidence: "Evidence summary",
    authority: "Authority",
    revoked: "Revoked on {{date}}: {{reason}}",
  },
  disclosure: {
    title: "Sanctions on practitioners",
    intro:
      "Warnings, suspensions from practice and blacklistings of agencies' practitioners. ID numbers show only their first 3 and last 4 characters.",
    empty: "No sanctions on practitioners.",
    active: "{{count}} in force",
  },
  agencyPage: {
    title: "Sanctions on practitioners",
    intro: "Sanctions imposed while the person worked for this agency, and sanctions from elsewhere on people now working for it.",
  },
  profile: {
    idNumber: "ID number",
    idNumberHint: "The 18-character resident ID number with its check character; only a masked form is shown once saved",
    idMasked: "ID number",
  },
  signers: {
    legend: "Practitioners signing the result",
    hint: "Choose from this agency's practitioners; a suspended or blacklisted person cannot sign.",
    barred: { SUSPENSION: "suspended, cannot sign", BLACKLIST: "blacklisted, cannot sign" },
    signedBy: "Signed by",
  },
  errors: {
    regulatorOnly: "Only regulators can sanction practitioners.",
    notFound: "Practitioner not found.",
    sanctionNotFound: "Sanction not found.",
    noIdentity: "This practitioner has no ID number recorded and cannot be sanctioned.",
    alreadyRevoked: "This sanction has already been revoked.",
    daysRange: "Enter a number of days from 1 to 730",
    yearsRange: "Enter a number of years from 1 to 10",
    barred: {
      SUSPENSION: "This person is suspended from practice and cannot be added to any agency meanwhile.",
      BLACKLIST: "This person is on the practitioners' blacklist and cannot be added to any agency.",
    },
    alreadyOnRoster: "This person is already one of this agency's practitioners.",
    onAnotherRoster:
      "This person is recorded as another agency's practitioner; a person practises with one agency at a time, so that agency must remove them first.",
    signersRequired: "Choose the practitioners signing the result",
    signerNotOnRoster: "Signers must be practitioners recorded by this agency",
    signerNoIdentity: "{{name}} has no ID number recorded and cannot sign; record the person again in the agency profile",
    signerBarred: {
      SUSPENSION: "{{name}} is suspended from practice and cannot sign",
      BLACKLIST: "{{name}} is on the practitioners' blacklist and cannot sign",
    },
    idNumber: {
      length: "An ID number has 18 characters",
      charset: "An ID number is 17 digits and a check character (a digit or X)",
      birthDate: "Characters 7–14 must be a valid date of birth",
      checksum: "The check character does not match; please check the number",
    },
  },
  notifications: {
    PRACTITIONER_SANCTIONED: "Your practitioner {{name}} was sanctioned by the regulator; see the credit disclosure.",
  },
};
