// Voluntary exit (退出) and contract termination after a sanction.
export const zh = {
  /** Texts of this feature's in-app notifications (merged into `notifications`). */
  notifications: {},
};

export const en: typeof zh = {
  notifications: {},
};
