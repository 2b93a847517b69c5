/**
 * The one domain error type. Services throw it; routes map it to HTTP in one
 * place (toResponse / form errors). `message` is an i18n key, never user text.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly field?: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** Several field errors at once (e.g. the fair-competition check over every text field). */
export class FieldErrors extends DomainError {
  constructor(
    readonly fields: Record<string, string[]>,
    status = 422,
  ) {
    super("FIELD_ERRORS", status, "errors.formInvalid");
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
