import { data } from "react-router";
import { FieldErrors, isDomainError } from "./errors";
import type { FormResult } from "./forms";

/**
 * Maps a domain error to a form response: the message goes next to its field
 * (or above the form) with the error's 4xx status. Anything else is rethrown
 * and becomes a 500 through the error boundary.
 */
export function formErrorResponse(error: unknown, values: Record<string, string>) {
  // Overload (no transaction could start in time) is a 503 the user may retry, not a 500.
  if (isBusy(error)) {
    return data({ fieldErrors: {}, formError: "errors.busy", values } as FormResult & { params?: Record<string, string | number> }, { status: 503, headers: { "Retry-After": "2" } });
  }
  if (!isDomainError(error)) throw error;
  if (error instanceof FieldErrors) {
    return data({ fieldErrors: error.fields, formError: error.message, values } as FormResult & { params?: Record<string, string | number> }, { status: error.status });
  }
  const result: FormResult & { params?: Record<string, string | number> } = {
    fieldErrors: error.field ? { [error.field]: [error.message] } : {},
    formError: error.field ? undefined : error.message,
    values,
    params: error.params,
  };
  // A throttled client is told when to come back (RFC 9110 Retry-After, in seconds).
  const retryAfter = error.status === 429 ? error.params?.retryAfter : undefined;
  return data(result, { status: error.status, headers: retryAfter !== undefined ? { "Retry-After": String(retryAfter) } : undefined });
}

/** Prisma P2028: a transaction could not start (or finish) in time under load. */
export function isBusy(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2028";
}

export function badForm(result: FormResult) {
  return data(result, { status: 400 });
}
