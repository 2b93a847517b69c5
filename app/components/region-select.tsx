import { useId } from "react";
import { useTranslation } from "react-i18next";
import { citiesOf, provinces } from "~/data/regions";

/** One native select grouped by province: works without JavaScript and with screen readers. */
export function RegionSelect({
  name,
  label,
  hint,
  errors,
  defaultValue,
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  defaultValue?: string;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const en = i18n.language === "en";
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
        <span className="ml-1 text-red-700" aria-hidden="true">
          *
        </span>
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        required
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].join(" ").trim() || undefined}
        className="input mt-1"
      >
        <option value="">—</option>
        {provinces.map((p) => {
          const cities = citiesOf(p.code);
          return (
            <optgroup key={p.code} label={en ? p.nameEn : p.name}>
              {cities.length === 0 ? <option value={p.code}>{en ? p.nameEn : p.name}</option> : null}
              {cities.map((c) => (
                <option key={c.code} value={c.code}>
                  {en ? `${c.nameEn}, ${p.nameEn}` : `${p.name} ${c.name}`}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} role="alert" className="field-error">
          {errors.map((e) => t(e as never) as string).join("；")}
        </p>
      ) : null}
    </div>
  );
}
