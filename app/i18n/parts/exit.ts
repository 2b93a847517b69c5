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
