/** Prisma P2028: a transaction could not start (or finish) in time under load — a 503 the user may retry, not a 500. */
export function isBusy(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2028";
}
