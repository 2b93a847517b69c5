import { useTranslation } from "~/i18n/use-translation";
import { usePlainPage } from "~/lib/plain-page";
import { useHydrated } from "~/lib/use-hydrated";

/**
 * 打印 / Print: opens the browser's print dialog (the print stylesheet lays the page
 * out for A4). Only where a script runs — without one the browser's own menu prints
 * the same page — and never on paper itself. On a plain page (decision 037) the button
 * is in the HTML, hidden, and `app/enhance/enhance.js` shows and wires it.
 */
export function PrintButton() {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const plain = usePlainPage();
  if (plain)
    return (
      <button type="button" className="btn-secondary print:hidden" data-print hidden>
        {t("app.print")}
      </button>
    );
  if (!hydrated) return null;
  return (
    <button type="button" className="btn-secondary print:hidden" onClick={() => window.print()}>
      {t("app.print")}
    </button>
  );
}
