/** Messages per field: i18n keys. */
export type FieldErrors = Record<string, string[]>;

/**
 * Values grouped by key, in the order given, as a record whose keys are all its
 * own: a posted name such as `constructor`, `toString` or `__proto__` is just a
 * name (indexing a plain `{}` with it reaches Object.prototype instead — the
 * cause of a 500 the HTTP fuzz test found). `unique` drops repeats within a key.
 */
export function groupByKey<T>(pairs: Iterable<readonly [string, T]>, unique = false): Record<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const [k, v] of pairs) {
    const list = groups.get(k);
    if (!list) groups.set(k, [v]);
    else if (!unique || !list.includes(v)) list.push(v);
  }
  return Object.fromEntries(groups);
}

/** Messages per field from zod issues (`keyOf` names the field of an issue; "form" when it has no path), each message once. */
export function issueFieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  keyOf: (path: readonly PropertyKey[]) => string = (path) => path.map(String).join("."),
): FieldErrors {
  return groupByKey(
    issues.map((i) => [i.path.length ? keyOf(i.path) : "form", i.message] as const),
    true,
  );
}

const NOT_ECHOED = ["password", "confirmPassword", "idNumber"];

function echoable(formData: FormData, omit: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !omit.includes(k)) out.push([k, v]);
  return out;
}

/** Plain form values to echo back into the form after an error (never passwords, never a resident ID number: decision 035). */
export function formValues(formData: FormData, omit: string[] = NOT_ECHOED): Record<string, string> {
  return Object.fromEntries(new Map(echoable(formData, omit)));
}

/**
 * Every value of each name posted more than once (ticked checkboxes, a multiple
 * select), in the order sent; `formValues` keeps one string per name, the last.
 * The same omissions as `formValues`.
 */
export function formLists(formData: FormData, omit: string[] = NOT_ECHOED): Record<string, string[]> {
  return Object.fromEntries(Object.entries(groupByKey(echoable(formData, omit))).filter(([, list]) => list.length > 1));
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
