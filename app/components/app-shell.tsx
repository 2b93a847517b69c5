import { useTranslation } from "~/i18n/use-translation";
import { Form, useLocation } from "react-router";
import { Link, NavLink } from "~/components/link";
import type { Role } from "~/generated/prisma/enums";

export type ShellUser = { name: string; role: Role; organizationName: string | null; emailVerified?: boolean } | null;

const links = [
  ["/catalogue", "nav.catalogue"],
  ["/agencies", "nav.agencies"],
  ["/requests", "nav.requests"],
  ["/announcements", "nav.announcements"],
  ["/credit", "nav.credit"],
] as const;

/**
 * The header has two layouts, both rendered and switched by CSS alone so that
 * both work without JavaScript: from md up the brand and the account actions
 * share a row above the main navigation (one row each, so a longer language
 * never wraps the links); below md everything sits behind a <details> menu.
 */
export function AppShell({ user, children }: { user: ShellUser; children: React.ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <>
      <a href="#main" className="print:hidden sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        {t("app.skip")}
      </a>
      <header className="relative border-b-4 border-red-800 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-2">
          <NavLink to="/" className="flex min-w-0 flex-col leading-tight">
            <span className="text-xl font-bold text-red-800">{t("app.name")}</span>
            <span className="hidden text-xs text-slate-500 sm:block">{t("app.tagline")}</span>
          </NavLink>
          <div className="hidden shrink-0 items-center gap-2 md:flex print:hidden">
            <Actions user={user} />
          </div>
          {/* Keyed by the URL: a client-side navigation from the open menu closes it. */}
          <details key={location.pathname + location.search} className="group md:hidden print:hidden" data-testid="phone-menu">
            <summary className="btn-secondary cursor-pointer list-none gap-2 [&::-webkit-details-marker]:hidden">
              <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
                <path className="group-open:hidden" d="M3 5h14v2H3zm0 4h14v2H3zm0 4h14v2H3z" />
                <path
                  className="hidden group-open:block"
                  d="M5.4 4 10 8.6 14.6 4 16 5.4 11.4 10l4.6 4.6-1.4 1.4-4.6-4.6L5.4 16 4 14.6 8.6 10 4 5.4z"
                />
              </svg>
              {t("nav.menu")}
            </summary>
            <div className="absolute inset-x-0 top-full z-20 border-b border-slate-200 bg-white px-4 pb-4 shadow-lg">
              <MainNav className="flex flex-col py-2" />
              <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-3">
                <Actions user={user} />
              </div>
            </div>
          </details>
        </div>
        <div className="hidden border-t border-slate-100 md:block print:hidden">
          <MainNav className="mx-auto flex max-w-6xl gap-1 px-1 py-1" />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 md:py-8">
        {user && user.emailVerified === false && location.pathname !== "/settings/notifications" ? (
          // No notification mail goes to an unverified address (decision 029): say so, with the way to fix it.
          // A standing notice, not a live region: the page's own status messages keep role="status".
          <p
            className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 print:hidden"
            data-testid="verify-banner"
          >
            {t("mail.banner.unverified")}{" "}
            <Link className="link" to="/settings/notifications">
              {t("mail.banner.action")}
            </Link>
          </p>
        ) : null}
        {children}
      </main>
      <footer className="mx-auto max-w-6xl px-4 pb-8 text-xs text-slate-500">
        {t("app.tagline")} ·{" "}
        <Link className="link" to="/audit">
          {t("audit.title")}
        </Link>{" "}
        ·{" "}
        <Link className="link" to="/api">
          {t("api.title")}
        </Link>
      </footer>
    </>
  );
}

function MainNav({ className }: { className: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("nav.main")} className={className}>
      {links.map(([to, key]) => (
        <NavLink
          key={to}
          to={to}
          className={({ isActive }) =>
            `whitespace-nowrap rounded px-3 py-2 text-sm font-medium ${isActive ? "bg-red-50 text-red-800" : "text-slate-700 hover:bg-slate-100"}`
          }
        >
          {t(key)}
        </NavLink>
      ))}
    </nav>
  );
}

function Actions({ user }: { user: ShellUser }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const here = location.pathname + location.search;
  const other = i18n.language === "en" ? "zh" : "en";
  return (
    <>
      <Form method="post" action="/language">
        <input type="hidden" name="lng" value={other} />
        <input type="hidden" name="redirectTo" value={here} />
        <button
          type="submit"
          className="btn-secondary"
          lang={other === "en" ? "en" : "zh"}
          aria-label={`${t("nav.language")}: ${t("nav.switchTo")}`}
        >
          {t("nav.switchTo")}
        </button>
      </Form>
      {user ? (
        <>
          <NavLink to="/dashboard" className="btn-secondary whitespace-nowrap">
            {t("nav.dashboard")} · {user.name}
          </NavLink>
          <Form method="post" action="/logout">
            <button type="submit" className="btn-secondary whitespace-nowrap">
              {t("nav.logout")}
            </button>
          </Form>
        </>
      ) : (
        <>
          <NavLink to="/login" className="btn-secondary whitespace-nowrap">
            {t("nav.login")}
          </NavLink>
          <NavLink to="/register" className="btn-primary whitespace-nowrap">
            {t("nav.register")}
          </NavLink>
        </>
      )}
    </>
  );
}
