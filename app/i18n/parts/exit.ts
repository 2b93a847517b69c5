// Voluntary exit (退出) and contract termination after a sanction.
export const zh = {
  title: "退出中介超市",
  intro:
    "自愿退出后，机构将不再出现在中介机构目录中，也不能参与竞价；历史评价、信用记录和公示信息保留。以后如需再次入驻，可重新提交申请，经主管部门审核后恢复。",
  link: "申请自愿退出",
  blockers: "以下事项尚未了结，暂不能退出：",
  openBids: "仍在进行中的报价（可在截止前撤回，或等待项目结束）：",
  runningContracts: "正在履行的项目（须履约完毕或由项目业主解除合同）：",
  noBlockers: "当前没有进行中的报价或正在履行的合同，可以退出。",
  reason: "退出原因（选填，将记录在机构状态中）",
  confirm: "我已知悉：退出后本机构将从目录中移除，不能参与竞价，再次入驻须重新审核。",
  submit: "确认退出",
  notListed: "当前状态为“{{status}}”，不能办理自愿退出。",
  done: "已退出中介超市。",
  reapply: "重新申请入驻",
  terminate: {
    heading: "解除合同",
    hint: "中选机构已被主管部门作出暂停、清退或列入严重失信名单的决定，您可以解除本项目的合同。解除后本项目终止，可作为新一轮重新发布。",
    reason: "解除原因",
    submit: "解除合同",
  },
  errors: {
    notRunning: "该项目当前没有正在履行的合同。",
    notSanctioned: "只有中选机构在中选后被暂停、清退或列入严重失信名单时，才能通过平台解除合同。",
    openWork: "尚有 {{bids}} 个进行中的报价、{{contracts}} 个正在履行的项目，暂不能退出。",
    notAllowed: "当前状态不能办理自愿退出。",
    confirmRequired: "请确认已知悉退出的后果",
  },
  notifications: {
    EXIT_DONE: "您的机构已自愿退出中介超市。如需再次入驻，可重新提交申请。",
    EXIT_CONTRACT_TERMINATED: "项目“{{title}}”（{{code}}）的业主已解除合同：{{reason}}",
  },
};

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
