import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { HydratedRouter } from "react-router/dom";
import resources, { defaultLanguage, isLanguage } from "~/i18n";
import { documentNonce, NonceContext } from "~/lib/csp";

async function main() {
  // The server already chose the language and wrote it into <html lang>.
  const lang = document.documentElement.lang;
  await i18next.use(initReactI18next).init({
    resources,
    lng: isLanguage(lang) ? lang : defaultLanguage,
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
