// Translations for the review pages: Chinese first, English must have the same keys.
export const zh = {};

export const en: typeof zh = {};
