import { useTranslation } from "~/i18n/use-translation";
import { regionLabel } from "~/data/regions";
import type { Profile } from "./types";

const STATUS_STYLE: Record<string, string> = {
  APPLIED: "bg-amber-50 text-amber-900 border-amber-300",
  LISTED: "bg-green-50 text-green-900 border-green-300",
  REJECTED: "bg-red-50 text-red-900 border-red-300",
  SUSPENDED: "bg-orange-50 text-orange-900 border-orange-300",
  REMOVED: "bg-slate-100 text-slate-800 border-slate-300",
};

/** The agency's status in the directory (with the reason of a rejection or the end of a suspension) and its fixed registration data. */
export function StatusAndBasics({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const org = profile.organization;
  return (
    <>
      <section className="card" aria-labelledby="status-title">
        <h2 id="status-title" className="h2">
          {t("agencyProfile.status.heading")}
        </h2>
        <div className={`mt-3 rounded-md border p-3 text-sm ${STATUS_STYLE[profile.status] ?? ""}`} data-testid="agency-status">
          <p className="font-medium">{t("agencyProfile.status.current", { status: t(`agencyStatus.${profile.status}`) })}</p>
          <p className="mt-1">{t(`agencyProfile.status.hints.${profile.status}`)}</p>
          {profile.status === "REJECTED" && profile.statusReason ? (
            <p className="mt-1" data-testid="status-reason">
              {t("agencyProfile.status.reason", { reason: profile.statusReason })}
            </p>
          ) : null}
          {profile.status === "SUSPENDED" && profile.suspendedUntilDate ? (
            <p className="mt-1">{t("agencyProfile.status.suspendedUntil", { date: profile.suspendedUntilDate })}</p>
          ) : null}
        </div>
      </section>

      <section className="card" aria-labelledby="basic-title">
        <h2 id="basic-title" className="h2">
          {t("agencyProfile.basic.heading")}
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-500">{t("agencyProfile.basic.name")}</dt>
          <dd>{org.name}</dd>
          <dt className="text-slate-500">{t("agencyProfile.basic.creditCode")}</dt>
          <dd className="font-mono">{org.creditCode ?? "—"}</dd>
          <dt className="text-slate-500">{t("agencyProfile.basic.region")}</dt>
          <dd>{org.regionCode ? regionLabel(org.regionCode, lang) : "—"}</dd>
          <dt className="text-slate-500">{t("agencyProfile.basic.entityType")}</dt>
          <dd>{t(`entityTypes.${profile.entityType}`)}</dd>
        </dl>
        <p className="hint mt-3">{t("agencyProfile.basic.fixedNote")}</p>
      </section>
    </>
  );
}
