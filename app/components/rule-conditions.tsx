import { useTranslation } from "~/i18n/use-translation";

type Rule = { industries: string[]; scale: string | null; govFunded: boolean | null };

/** A rule's conditions in words (shared with the admin's list). */
export function useConditions() {
  const { t } = useTranslation();
  return (r: Rule) => ({
    industries: r.industries.length
      ? r.industries.map((i) => t(`zones.navigator.industries.${i}` as never) as string).join("、")
      : t("navigator.rules.anyIndustry"),
    scale: r.scale === "LARGE" ? t("navigator.rules.largeOnly") : t("navigator.rules.anyScale"),
    gov: t(`navigator.rules.gov.${r.govFunded === null ? "ANY" : r.govFunded ? "YES" : "NO"}`),
  });
}
