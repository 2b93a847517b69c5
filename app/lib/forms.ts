/** Messages per field: i18n keys. */
export type FieldErrors = Record<string, string[]>;

/** Plain form values to echo back into the form after an error (never passwords, never a resident ID number: decision 035). */
export function formValues(formData: FormData, omit: string[] = ["password", "confirmPassword", "idNumber"]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !omit.includes(k)) values[k] = v;
  return values;
}

/**
 * The one shape of a refused action (route.server.ts `defineAction`): safe to
 * import in components, which read it from actionData or a fetcher.
 */
export type ActionFailure = {
  /** The intent the failure answers (forms with several commands), or null. */
  intent: string | null;
  fieldErrors: Record<string, string[]>;
  /** i18n key shown above the form. */
  formError?: string;
  /** Interpolation values for the keys. */
  params?: Record<string, string | number>;
  /** The submitted text fields, to refill the form. */
  values: Record<string, string>;
};

export function isActionFailure(value: unknown): value is ActionFailure {
  return typeof value === "object" && value !== null && "fieldErrors" in value && "values" in value;
}
