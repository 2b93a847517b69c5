// Complaints and regulator cases (投诉/监管案件): filing, review, decisions, appeals.
export const zh = {
  /** Texts of this feature's in-app notifications (merged into `notifications`). */
  notifications: {},
};

export const en: typeof zh = {
  notifications: {},
};
