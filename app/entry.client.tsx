import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { HydratedRouter } from "react-router/dom";
import { defaultLanguage, isLanguage } from "~/i18n/languages";
import { loadStrings } from "~/i18n/load";
import { documentNonce, NonceContext } from "~/lib/csp";

async function main() {
  // The server already chose the language and wrote it into <html lang>.
  // Only that language's strings are loaded (the other on a switch: app/i18n/load.ts).
  const lang = isLanguage(document.documentElement.lang) ? document.documentElement.lang : defaultLanguage;
  await i18next.use(initReactI18next).init({
    resources: { [lang]: { translation: await loadStrings(lang) } },
    partialBundledLanguages: true,
    lng: lang,
    fallbackLng: defaultLanguage,
    interpolation: { escapeValue: false },
  });
  startTransition(() => {
    hydrateRoot(
      document,
      <NonceContext.Provider value={documentNonce(document)}>
        <I18nextProvider i18n={i18next}>
          <StrictMode>
            <HydratedRouter />
          </StrictMode>
        </I18nextProvider>
      </NonceContext.Provider>,
    );
  });
}

main().catch((error) => console.error(error));
