import { useTranslation } from "react-i18next";
import { useHydrated } from "~/lib/use-hydrated";

/**
 * 打印 / Print: opens the browser's print dialog (the print stylesheet lays the page
 * out for A4). Only once JavaScript runs — without it the browser's own menu prints
 * the same page — and never on paper itself.
 */
export function PrintButton() {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  if (!hydrated) return null;
  return (
    <button type="button" className="btn-secondary print:hidden" onClick={() => window.print()}>
      {t("app.print")}
    </button>
  );
}
