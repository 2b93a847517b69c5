import type { zh } from "./exit";

export const en: typeof zh = {
  title: "Leave the marketplace",
  intro:
    "After a voluntary exit your agency no longer appears in the directory and cannot bid; past ratings, credit records and publications remain. You may apply again later; the supervising department reviews the application.",
  link: "Leave voluntarily",
  blockers: "You cannot leave while these are unfinished:",
  openBids: "Bids still in play (withdraw them before closing, or wait until the request ends):",
  runningContracts: "Engagements in progress (finish them, or the enterprise terminates the contract):",
  noBlockers: "You have no bids in play and no running contracts: you may leave.",
  reason: "Reason (optional, recorded with your status)",
  confirm: "I understand that my agency leaves the directory, cannot bid, and must be reviewed again to return.",
  submit: "Leave the marketplace",
  notListed: "Your status is “{{status}}”: a voluntary exit is not possible now.",
  done: "Your agency has left the marketplace.",
  reapply: "Apply to be listed again",
  terminate: {
    heading: "Terminate the contract",
    hint: "The supervising department suspended, removed or blacklisted the awarded agency; you may terminate this engagement. The request then ends and may be published again as a new round.",
    reason: "Reason for termination",
    submit: "Terminate the contract",
  },
  errors: {
    notRunning: "This request has no engagement in progress.",
    notSanctioned: "A contract can be terminated here only after the awarded agency was suspended, removed or blacklisted after the award.",
    openWork: "{{bids}} bid(s) still in play and {{contracts}} engagement(s) in progress: you cannot leave yet.",
    notAllowed: "A voluntary exit is not possible in the current status.",
    confirmRequired: "Please confirm that you understand what leaving means",
  },
  notifications: {
    EXIT_DONE: "Your agency has left the marketplace. You may apply to be listed again at any time.",
    EXIT_CONTRACT_TERMINATED: "The enterprise terminated the contract for “{{title}}” ({{code}}): {{reason}}",
  },
};
