import { useTranslation } from "react-i18next";
import { Form, Link, NavLink, useLocation } from "react-router";
import type { Role } from "~/generated/prisma/enums";

export type ShellUser = { name: string; role: Role; organizationName: string | null } | null;

const links = [
  ["/catalogue", "nav.catalogue"],
  ["/agencies", "nav.agencies"],
  ["/requests", "nav.requests"],
  ["/announcements", "nav.announcements"],
  ["/credit", "nav.credit"],
] as const;

export function AppShell({ user, children }: { user: ShellUser; children: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const here = location.pathname + location.search;
  const other = i18n.language === "en" ? "zh" : "en";
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        {t("app.skip")}
      </a>
      <header className="border-b-4 border-red-800 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <NavLink to="/" className="flex flex-col leading-tight">
            <span className="text-xl font-bold text-red-800">{t("app.name")}</span>
            <span className="text-xs text-slate-500">{t("app.tagline")}</span>
          </NavLink>
          <nav aria-label={t("nav.main")} className="flex flex-1 flex-wrap gap-1">
            {links.map(([to, key]) => (
              <NavLink
                key={to}
                to={to}
                className={({ isActive }) =>
                  `rounded px-3 py-2 text-sm font-medium ${isActive ? "bg-red-50 text-red-800" : "text-slate-700 hover:bg-slate-100"}`
                }
              >
                {t(key)}
              </NavLink>
            ))}
          </nav>
          <div className="flex items-center gap-2">
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
                <NavLink to="/dashboard" className="btn-secondary">
                  {t("nav.dashboard")} · {user.name}
                </NavLink>
                <Form method="post" action="/logout">
                  <button type="submit" className="btn-secondary">
                    {t("nav.logout")}
                  </button>
                </Form>
              </>
            ) : (
              <>
                <NavLink to="/login" className="btn-secondary">
                  {t("nav.login")}
                </NavLink>
                <NavLink to="/register" className="btn-primary">
                  {t("nav.register")}
                </NavLink>
              </>
            )}
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <footer className="mx-auto max-w-6xl px-4 pb-8 text-xs text-slate-500">
        {t("app.tagline")} ·{" "}
        <Link className="link" to="/audit">
          {t("audit.title")}
        </Link>
      </footer>
    </>
  );
}
