// Ratings (网上评价), agency replies, hidden text, and the credit score breakdown.
export const zh = {
  /** Texts of this feature's in-app notifications (merged into `notifications`). */
  notifications: {},
};

export const en: typeof zh = {
  notifications: {},
};
