// The regulator dashboard: work queues and the district's indicators.
export const zh = {
  /** Texts of this feature's in-app notifications (merged into `notifications`). */
  notifications: {},
};

export const en: typeof zh = {
  notifications: {},
};
