/** Messages per field: i18n keys. */
export type FieldErrors = Record<string, string[]>;

/** Plain form values to echo back into the form after an error (never passwords, never a resident ID number: decision 035). */
export function formValues(formData: FormData, omit: string[] = ["password", "confirmPassword", "idNumber"]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !omit.includes(k)) values[k] = v;
  return values;
}

/**
 * Every value of each name posted more than once (ticked checkboxes, a multiple
 * select), in the order sent; `formValues` keeps one string per name, the last.
 * The same omissions as `formValues`.
 */
export function formLists(formData: FormData, omit: string[] = ["password", "confirmPassword", "idNumber"]): Record<string, string[]> {
  const all: Record<string, string[]> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !omit.includes(k)) (all[k] ??= []).push(v);
  const lists: Record<string, string[]> = {};
  for (const [k, list] of Object.entries(all)) if (list.length > 1) lists[k] = list;
  return lists;
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
  /** The submitted text fields, to refill the form: one string per name (the last, when a name repeats). */
  values: Record<string, string>;
  /** Every value of each name that was posted more than once (several ticked boxes); read them with `echoedAll`. */
  lists?: Record<string, string[]>;
};

export function isActionFailure(value: unknown): value is ActionFailure {
  return typeof value === "object" && value !== null && "fieldErrors" in value && "values" in value;
}

/**
 * Every echoed value of one field of a refused form: all the ticked boxes of a
 * checkbox group, [] when none was sent, undefined when there is no failure (the
 * form shows its stored values instead).
 */
export function echoedAll(failure: ActionFailure | undefined, name: string): string[] | undefined {
  if (!failure) return undefined;
  const list = failure.lists?.[name];
  if (list) return [...list];
  const one = failure.values[name];
  return one === undefined ? [] : [one];
}
