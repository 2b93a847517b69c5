import { useTranslation } from "~/i18n/use-translation";
import { Form } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/dashboard";
import { pageTitle } from "~/lib/meta";
import { formatDateTime } from "~/lib/format";
import { can } from "~/lib/permissions";
import { guard } from "~/lib/route.server";
import { ownAgencyStatus } from "~/services/agencies/queries.server";
import { recentNotifications } from "~/services/notifications/inbox.server";
import { dashboardCounts } from "~/services/supervision/dashboard.server";

export async function loader({ request }: Route.LoaderArgs) {
  const { user, db } = await guard(request, "dashboard:view");
  const [agency, counts, notifications] = await Promise.all([
    ownAgencyStatus(db, user),
    dashboardCounts(db, user),
    recentNotifications(db, user),
  ]);
  const exited = new URL(request.url).searchParams.get("exited") === "1";
  return { user, agency, ...counts, notifications, exited };
}

/** Where a notification leads: its case, else its request (ids only come from the server's own records). */
function notificationHref(data: unknown): string | null {
  const d = (data ?? {}) as Record<string, unknown>;
  const id = (v: unknown) => (typeof v === "string" && /^[0-9a-f-]{36}$/.test(v) ? v : null);
  if (id(d.caseId)) return `/cases/${id(d.caseId)}`;
  if (id(d.requestId)) return `/requests/${id(d.requestId)}`;
  if (id(d.projectId)) return "/navigator/projects";
  return null;
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.dashboard" });
}

export default function Dashboard({ loaderData: d }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const hint = {
    ENTERPRISE: t("dashboard.enterpriseHint"),
    AGENCY: t("dashboard.agencyHint"),
    REGULATOR: t("dashboard.regulatorHint"),
    ADMIN: t("dashboard.adminHint"),
  }[d.user.role];
  return (
    <div className="space-y-6">
      <section className="card" aria-labelledby="dash-title">
        <h1 id="dash-title" className="h1">
          {t("dashboard.welcome", { name: d.user.name })}
        </h1>
        <p className="mt-2 text-sm text-slate-600" data-testid="role">
          {t("dashboard.role", { role: t(`roles.${d.user.role}`) })}
        </p>
        {d.user.organizationName ? <p className="text-sm text-slate-600">{t("dashboard.org", { org: d.user.organizationName })}</p> : null}
        <p className="mt-3 text-slate-700">{hint}</p>
        {d.agency ? <p className="mt-2 text-sm">{t("dashboard.agencyStatus", { status: t(`agencyStatus.${d.agency.status}`) })}</p> : null}
        {can(d.user, "project:follow") ? (
          <p className="mt-3">
            <Link className="link" to="/navigator/projects">
              {t("navigator.projects.title")}
            </Link>
          </p>
        ) : null}
        {can(d.user, "catalogue:edit") ? (
          <p className="mt-3">
            <Link className="link" to="/admin/navigator-rules">
              {t("navigator.admin.title")}
            </Link>
          </p>
        ) : null}
        {can(d.user, "agency:self") ? (
          <ul className="mt-3 space-y-1">
            <li>
              <Link className="link" to="/agency/profile">
                {t("agencyProfile.title" as never) as string}
              </Link>
            </li>
            <li>
              <Link className="link" to="/requests?status=OPEN">
                {t("dashboard.openRequests")}
              </Link>
            </li>
            <li>
              <Link className="link" to="/requests?mine=1">
                {t("dashboard.myBids")}
              </Link>
            </li>
            {d.agency?.status === "LISTED" || d.agency?.status === "APPLIED" ? (
              <li>
                <Link className="link" to="/agency/exit">
                  {t("exit.link")}
                </Link>
              </li>
            ) : null}
          </ul>
        ) : null}
        {d.exited ? (
          <p role="status" className="mt-3 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
            {t("exit.done")}
          </p>
        ) : null}
        {d.agency?.status === "EXITED" || d.agency?.status === "REMOVED" ? (
          <Form method="post" action="/agency/reapply" className="mt-3">
            <button type="submit" className="btn-secondary">
              {t("exit.reapply")}
            </button>
          </Form>
        ) : null}
        {can(d.user, "request:manage") ? (
          <ul className="mt-3 space-y-1">
            <li>
              <Link className="link" to="/requests/new">
                {t("dashboard.postRequest")}
              </Link>
            </li>
            <li>
              <Link className="link" to="/requests?mine=1">
                {t("dashboard.myRequests")}
              </Link>
            </li>
          </ul>
        ) : null}
        {d.agency?.status === "REJECTED" && d.agency.statusReason ? (
          <div className="mt-2">
            <p className="text-sm text-red-800">{t("notifications.AGENCY_REJECTED", { reason: d.agency.statusReason })}</p>
            <Form method="post" action="/agency/reapply" className="mt-2">
              <button type="submit" className="btn-primary">
                {t("review.reapply")}
              </button>
            </Form>
          </div>
        ) : null}
        {can(d.user, "supervision:act") ? (
          <ul className="mt-3 space-y-1">
            <li>
              <Link className="link" to="/regulator">
                {t("supervision.title")}
              </Link>
            </li>
            <li>
              <Link className="link" to="/regulator/reviews">
                {t("dashboard.pendingReviews", { count: d.pendingReviews })}
              </Link>
            </li>
            <li>
              <Link className="link" to="/regulator/objections">
                {t("dashboard.pendingObjections", { count: d.pendingObjections })}
              </Link>
            </li>
          </ul>
        ) : null}
        {can(d.user, "catalogue:edit") ? (
          <p className="mt-3">
            <Link className="link" to="/admin/catalogue">
              {t("catalogue.title")}
            </Link>
          </p>
        ) : null}
        <p className="mt-3">
          <Link className="link" to="/cases">
            {t("cases.title")}
          </Link>
        </p>
      </section>
      <section className="card" aria-labelledby="notif-title">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="notif-title" className="h2">
            {t("dashboard.notifications")}
          </h2>
          <Link className="link text-sm" to="/settings/notifications">
            {t("mail.settingsLink")}
          </Link>
        </div>
        {d.notifications.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("dashboard.noNotifications")}</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {d.notifications.map((n) => (
              <li key={n.id} className="flex gap-3">
                <time className="shrink-0 text-slate-500" dateTime={new Date(n.createdAt).toISOString()}>
                  {formatDateTime(n.createdAt, i18n.language)}
                </time>
                <span>
                  {t(`notifications.${n.kind}` as never, (n.data ?? {}) as Record<string, string>) as string}
                  {notificationHref(n.data) ? (
                    <>
                      {" "}
                      <Link className="link" to={notificationHref(n.data)!}>
                        {t("dashboard.openNotification")}
                      </Link>
                    </>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
