import { useId, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { citiesOf, provinces, regionByCode } from "~/data/regions";
import { useHydrated } from "~/lib/use-hydrated";

/**
 * Province → city, as two native selects (works with screen readers and on phones).
 * With JavaScript the city list narrows to the chosen province. Without it the city
 * list keeps every city grouped by province, and the server checks that the city
 * belongs to the province chosen (`regionInProvince`). The city select's value is the
 * registered region; a province without cities (Hong Kong, Macao, Taiwan) is its own.
 */
export function RegionSelect({
  name,
  label,
  hint,
  errors,
  defaultValue,
  defaultProvince,
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  defaultValue?: string;
  /** The province the form sent (kept when it and the city disagree). */
  defaultProvince?: string;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const hydrated = useHydrated();
  const en = i18n.language === "en";
  const chosen = defaultValue ? regionByCode(defaultValue) : undefined;
  const [province, setProvince] = useState(
    defaultProvince && provinces.some((p) => p.code === defaultProvince) ? defaultProvince : chosen ? (chosen.parent ?? chosen.code) : "",
  );
  const describedBy = [hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].join(" ").trim() || undefined;
  const invalid = errors?.length ? true : undefined;
  const cityOptions = (code: string) => {
    const p = provinces.find((x) => x.code === code)!;
    const cities = citiesOf(code);
    return cities.length === 0 ? (
      <option value={p.code}>{en ? p.nameEn : p.name}</option>
    ) : (
      cities.map((c) => (
        <option key={c.code} value={c.code}>
          {en ? c.nameEn : c.name}
        </option>
      ))
    );
  };
  return (
    <fieldset aria-describedby={describedBy} data-region-select="">
      <legend className="label">
        {label}
        <span className="ml-1 text-red-700" aria-hidden="true">
          *
        </span>
      </legend>
      <div className="mt-1 grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-province`} className="hint block">
            {t("auth.regionProvince")}
          </label>
          <select
            id={`${id}-province`}
            name={`${name}Province`}
            data-region-province=""
            value={province}
            onChange={(e) => setProvince(e.target.value)}
            aria-invalid={invalid}
            className="input mt-1"
          >
            <option value="">—</option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {en ? p.nameEn : p.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-city`} className="hint block">
            {t("auth.regionCity")}
          </label>
          <select
            // Remounted when the province changes, so the first city is not silently kept from another province.
            key={hydrated ? province : "all"}
            id={`${id}-city`}
            name={name}
            data-region-city=""
            defaultValue={chosen && (!hydrated || (chosen.parent ?? chosen.code) === province) ? chosen.code : ""}
            required
            aria-invalid={invalid}
            aria-describedby={describedBy}
            className="input mt-1"
          >
            <option value="">—</option>
            {hydrated
              ? province
                ? cityOptions(province)
                : null
              : provinces.map((p) => (
                  <optgroup key={p.code} label={en ? p.nameEn : p.name} data-province={p.code}>
                    {cityOptions(p.code)}
                  </optgroup>
                ))}
          </select>
        </div>
      </div>
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
    </fieldset>
  );
}
