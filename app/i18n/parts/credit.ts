// Public credit disclosure (信用公示) and its open data.
export const zh = {
  title: "信用公示",
  empty: "暂无处罚或失信记录",
  /** Texts of this feature's in-app notifications (merged into `notifications`). */
  notifications: {},
};

export const en: typeof zh = {
  title: "Credit disclosure",
  empty: "No sanctions or blacklist entries",
  notifications: {},
};
