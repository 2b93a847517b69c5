import { useId } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "~/i18n/use-translation";

/**
 * Field errors are i18n keys. A key may carry the offending text after "::"
 * (e.g. "requests.errors.unfairRegion::本地注册"), passed as {{match}}.
 */
export function translateError(t: TFunction, error: string, params?: Record<string, string | number>): string {
  const at = error.indexOf("::");
  const key = at < 0 ? error : error.slice(0, at);
  const match = at < 0 ? undefined : error.slice(at + 2);
  return t(key as never, { ...(params ?? {}), ...(match !== undefined ? { match } : {}) }) as string;
}

type Common = {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
  required?: boolean;
  params?: Record<string, string | number>;
};

/** Label, control, hint and error wired together so screen readers announce the error with the field. */
function useFieldIds(name: string) {
  const id = useId();
  return { inputId: `${id}-${name}`, hintId: `${id}-${name}-hint`, errorId: `${id}-${name}-error` };
}

function FieldFrame({
  label,
  errors,
  hint,
  required,
  params,
  ids,
  children,
}: Common & { ids: ReturnType<typeof useFieldIds>; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div>
      <label htmlFor={ids.inputId} className="label">
        {label}
        {required ? (
          <span className="ml-1 text-red-700" aria-hidden="true">
            *
          </span>
        ) : null}
      </label>
      <div className="mt-1">{children}</div>
      {hint ? (
        <p id={ids.hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={ids.errorId} className="field-error" role="alert">
          {errors.map((e) => translateError(t, e, params)).join("；")}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(ids: ReturnType<typeof useFieldIds>, hint?: string, errors?: string[]) {
  return [hint ? ids.hintId : null, errors?.length ? ids.errorId : null].filter(Boolean).join(" ") || undefined;
}

export function TextField(
  props: Common & { type?: string; defaultValue?: string; autoComplete?: string; inputMode?: "text" | "numeric" | "tel" | "email" },
) {
  const ids = useFieldIds(props.name);
  return (
    <FieldFrame {...props} ids={ids}>
      <input
        id={ids.inputId}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        required={props.required}
        aria-invalid={props.errors?.length ? true : undefined}
        aria-describedby={describedBy(ids, props.hint, props.errors)}
        className="input"
      />
    </FieldFrame>
  );
}

export function SelectField(
  props: Common & {
    defaultValue?: string;
    options: { value: string; label: string }[];
    placeholder?: string;
    onChange?: (value: string) => void;
  },
) {
  const ids = useFieldIds(props.name);
  return (
    <FieldFrame {...props} ids={ids}>
      <select
        id={ids.inputId}
        name={props.name}
        defaultValue={props.defaultValue ?? ""}
        onChange={props.onChange ? (e) => props.onChange?.(e.target.value) : undefined}
        required={props.required}
        aria-invalid={props.errors?.length ? true : undefined}
        aria-describedby={describedBy(ids, props.hint, props.errors)}
        className="input"
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function TextArea(props: Common & { defaultValue?: string; rows?: number; maxLength?: number }) {
  const ids = useFieldIds(props.name);
  return (
    <FieldFrame {...props} ids={ids}>
      <textarea
        id={ids.inputId}
        name={props.name}
        defaultValue={props.defaultValue}
        rows={props.rows ?? 5}
        maxLength={props.maxLength}
        required={props.required}
        aria-invalid={props.errors?.length ? true : undefined}
        aria-describedby={describedBy(ids, props.hint, props.errors)}
        className="input"
      />
    </FieldFrame>
  );
}

/** A file input; `accept` is only a hint to the browser, the server checks the content. */
export function FileField(props: Common & { accept?: string; multiple?: boolean }) {
  const ids = useFieldIds(props.name);
  return (
    <FieldFrame {...props} ids={ids}>
      <input
        id={ids.inputId}
        name={props.name}
        type="file"
        accept={props.accept}
        multiple={props.multiple}
        required={props.required}
        aria-invalid={props.errors?.length ? true : undefined}
        aria-describedby={describedBy(ids, props.hint, props.errors)}
        className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
      />
    </FieldFrame>
  );
}

/** Several checkboxes sharing one name, grouped under a legend, with one error for the group. */
export function CheckboxGroup(
  props: Omit<Common, "label"> & { legend: string; options: { value: string; label: string }[]; defaultValues?: string[] },
) {
  const { t } = useTranslation();
  const ids = useFieldIds(props.name);
  const checked = new Set(props.defaultValues ?? []);
  return (
    <fieldset aria-invalid={props.errors?.length ? true : undefined} aria-describedby={describedBy(ids, props.hint, props.errors)}>
      <legend className="label">
        {props.legend}
        {props.required ? (
          <span className="ml-1 text-red-700" aria-hidden="true">
            *
          </span>
        ) : null}
      </legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {props.options.map((o) => (
          <label key={o.value} className="flex items-start gap-2 text-sm">
            <input type="checkbox" name={props.name} value={o.value} defaultChecked={checked.has(o.value)} className="mt-0.5" />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {props.hint ? (
        <p id={ids.hintId} className="hint">
          {props.hint}
        </p>
      ) : null}
      {props.errors?.length ? (
        <p id={ids.errorId} className="field-error" role="alert">
          {props.errors.map((e) => translateError(t, e, props.params)).join("；")}
        </p>
      ) : null}
    </fieldset>
  );
}

export function FormError({ message, params }: { message?: string; params?: Record<string, string | number> }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
      {t(message as never, params ?? {}) as string}
    </div>
  );
}
