import { useTranslation } from "~/i18n/use-translation";
import { creditGrade } from "~/lib/credit-grade";
import { useRouteLoaderData } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/agencies.$id";
import { pageTitle } from "~/lib/meta";
import { Pager } from "~/components/pager";
import { RatingView } from "~/components/rating-panel";
import { regionLabel } from "~/data/regions";
import { formatDate, formatDateTime } from "~/lib/format";
import { visitor } from "~/lib/route.server";
import { RATING_DIMENSIONS } from "~/schemas/rating";
import { agencyProfile } from "~/services/agencies/directory.server";
import { dbNow } from "~/services/clock.server";
import type { CreditView, PublicSanction } from "~/services/ratings/view.server";
import { Outcome } from "~/components/inspections";
import { agencyInspectionResults } from "~/services/inspections/queries.server";
import { PractitionerSanctionItem } from "~/components/practitioner-sanctions";
import { agencyPractitionerSanctions } from "~/services/practitioners/queries.server";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { db } = await visitor(request);
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const agency = await agencyProfile(db, params.id, await dbNow(db), { ratingsPage: Number.isFinite(page) ? page : 1 });
  if (!agency) throw new Response("Not Found", { status: 404 });
  const [inspections, practitionerSanctions] = await Promise.all([
    agencyInspectionResults(db, params.id),
    agencyPractitionerSanctions(db, params.id, await dbNow(db)),
  ]);
  return { agency, inspections, practitionerSanctions };
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, data?.agency.organization.name);
}

const signed = (n: number) => (n > 0 ? `+${n}` : n === 0 ? "0" : `${n}`.replace("-", "−"));

/** The stored score, its components and the formula version it was computed with, and the published formula. */
function CreditSection({ credit: c }: { credit: CreditView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const b = c.breakdown;
  const rows: [string, string][] = b
    ? [
        [t("ratings.credit.base"), String(b.base)],
        [t("ratings.credit.ratings"), signed(b.ratings)],
        [t("ratings.credit.delivery"), signed(b.delivery)],
        [t("ratings.credit.objections"), signed(b.objections)],
        [t("ratings.credit.sanctions"), signed(b.sanctions)],
        [t("inspections.credit.component"), signed(b.inspections)],
      ]
    : [];
  return (
    <section className="card space-y-3" aria-labelledby="credit-title" id="credit">
      <h2 id="credit-title" className="h2">
        {t("ratings.credit.title")}
      </h2>
      <p className="text-3xl font-bold tabular-nums" data-testid="credit-score">
        {c.score}
      </p>
      {b ? (
        <table className="w-full max-w-md text-left text-sm">
          <caption className="text-left text-slate-600">{t("ratings.credit.breakdown")}</caption>
          <tbody className="divide-y divide-slate-100">
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row" className="py-1 pr-3 font-normal text-slate-600">
                  {label}
                </th>
                <td className="py-1 text-right tabular-nums">{value}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" className="py-1 pr-3 font-semibold">
                {t("ratings.credit.total")}
              </th>
              <td className="py-1 text-right font-semibold tabular-nums">{b.total}</td>
            </tr>
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-600">{t("ratings.credit.notComputed", { score: c.score })}</p>
      )}
      {c.zeroed ? <p className="text-sm text-red-800">{t("ratings.credit.zeroed")}</p> : null}
      <p className="text-sm text-slate-600">{t("creditGrade.thresholds")}</p>
      <dl className="grid gap-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-500">{t("ratings.credit.version")}</dt>
          <dd>{c.version ?? c.currentVersion}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("ratings.credit.updatedAt")}</dt>
          <dd>{c.updatedAt ? <time dateTime={c.updatedAt}>{formatDateTime(c.updatedAt, lang)}</time> : "—"}</dd>
        </div>
      </dl>
      {c.version && c.version !== c.currentVersion ? (
        <p className="hint">{t("ratings.credit.outdated", { version: c.version, current: c.currentVersion })}</p>
      ) : null}
      <details id="credit-formula" className="text-sm">
        <summary className="link cursor-pointer">{t("ratings.credit.howTitle", { version: c.currentVersion })}</summary>
        <p className="mt-2 text-slate-700">{t("ratings.credit.howIntro")}</p>
        <ul className="mt-1 list-disc space-y-1 pl-5 text-slate-700">
          {(["base", "ratings", "delivery", "objections", "sanctions", "zero", "total", "when"] as const).map((k) => (
            <li key={k}>{t(`ratings.credit.rules.${k}`)}</li>
          ))}
          <li>{t("inspections.credit.rule")}</li>
        </ul>
      </details>
    </section>
  );
}

/** 检查结果公示 concerning this agency: published random-inspection results (decision 030). */
function InspectionsSection({ results }: { results: Awaited<ReturnType<typeof agencyInspectionResults>> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  return (
    <section className="card" aria-labelledby="inspections-title" id="inspections">
      <h2 id="inspections-title" className="h2">
        {t("inspections.profile.title")}
      </h2>
      {results.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("inspections.profile.empty")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {results.map((r) => (
            <li key={r.id} className="space-y-1 py-2" data-testid="inspection-result">
              <p className="font-medium">
                <Link className="link" to={`/inspections/${r.plan.id}`}>
                  {r.plan.code} · {r.plan.name}
                </Link>{" "}
                <Outcome outcome={r.outcome} />
              </p>
              <p className="whitespace-pre-line break-words">
                <span className="text-slate-500">{t("inspections.plan.findings")}：</span>
                {r.findings}
              </p>
              {r.publishedAt ? (
                <p className="text-slate-600">
                  {t("inspections.plan.publishedOn")} {formatDate(r.publishedAt, lang)}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SanctionsSection({ sanctions }: { sanctions: PublicSanction[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  return (
    <section className="card" aria-labelledby="sanctions-title" id="sanctions">
      <h2 id="sanctions-title" className="h2">
        {t("ratings.sanctions.title")}
      </h2>
      {sanctions.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("ratings.sanctions.empty")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {sanctions.map((s) => {
            const start = formatDate(s.startsAt, lang);
            const state = s.state;
            return (
              <li key={s.id} className="space-y-1 py-2" data-testid="sanction">
                <p className="font-medium">
                  <span className={s.revokedAt ? "line-through" : undefined}>{t(`ratings.sanctions.kinds.${s.kind}`)}</span>
                  {s.creditDeduction !== null ? ` · ${t("ratings.sanctions.points", { points: s.creditDeduction })}` : ""}
                  <span
                    className={`ml-2 rounded px-2 py-0.5 text-xs ${state === "inForce" ? "bg-red-50 text-red-800" : "bg-slate-100 text-slate-700"}`}
                  >
                    {t(`ratings.sanctions.${state}`)}
                  </span>
                </p>
                <p>
                  <span className="text-slate-500">{t("ratings.sanctions.period")}：</span>
                  {s.endsAt
                    ? t("ratings.sanctions.until", { start, end: formatDate(s.endsAt, lang) })
                    : t("ratings.sanctions.openEnded", { start })}
                </p>
                <p className="whitespace-pre-line break-words">
                  <span className="text-slate-500">{t("ratings.sanctions.reason")}：</span>
                  {s.reason}
                </p>
                <p className="break-words">
                  <span className="text-slate-500">{t("ratings.sanctions.legalBasis")}：</span>
                  {s.legalBasis}
                </p>
                <p>
                  <span className="text-slate-500">{t("ratings.sanctions.authority")}：</span>
                  {s.authority}
                  {s.caseCode ? ` · ${t("ratings.sanctions.caseCode")} ${s.caseCode}` : ""}
                </p>
                {s.revokedAt ? (
                  <p className="text-amber-900">
                    {t("ratings.sanctions.revokedOn", { date: formatDate(s.revokedAt, lang), reason: s.revokedReason ?? "" })}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export default function AgencyProfile({ loaderData: { agency: a, inspections, practitionerSanctions } }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const sep = lang === "en" ? ", " : "、";
  const ratings = a.ratings;
  const loggedIn = !!(useRouteLoaderData("root") as { user: unknown } | undefined)?.user;
  return (
    <article className="space-y-4">
      <header className="card">
        <h1 className="h1">{a.organization.name}</h1>
        <p className="mt-1 font-mono text-sm text-slate-500">{a.organization.creditCode}</p>
        <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-500">{t("directory.status")}</dt>
            <dd>
              {t(`agencyStatus.${a.status}`)}
              {a.status === "SUSPENDED" && a.suspendedUntil ? ` → ${formatDate(a.suspendedUntil, lang)}` : ""}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("directory.region")}</dt>
            <dd>{a.organization.regionCode ? regionLabel(a.organization.regionCode, lang) : "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("directory.entityType")}</dt>
            <dd>{t(`entityTypes.${a.entityType}`)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("directory.credit")}</dt>
            <dd className="text-lg font-semibold">
              <Link className="link" to="#credit">
                {a.creditScore}
              </Link>
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("creditGrade.label")}</dt>
            <dd className="text-lg font-semibold" data-testid="credit-grade">
              {t("creditGrade.value", { grade: creditGrade(a.creditScore), name: t(`creditGrade.names.${creditGrade(a.creditScore)}`) })}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("directory.rating")}</dt>
            <dd>
              {a.ratingAvg != null
                ? t("directory.ratingValue", { value: a.ratingAvg.toFixed(1), count: a.ratingCount })
                : t("directory.noRating")}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("directory.listedAt")}</dt>
            <dd>{a.listedAt ? formatDate(a.listedAt, lang) : "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("directory.contactPhone")}</dt>
            <dd>{a.organization.contactPhone ?? "—"}</dd>
          </div>
        </dl>
        {a.introduction ? <p className="mt-3 text-sm text-slate-700">{a.introduction}</p> : null}
        {loggedIn ? (
          <p className="mt-3 text-sm">
            <Link className="link" to={`/cases/new?agency=${a.id}`}>
              {t("cases.fileComplaint")}
            </Link>
          </p>
        ) : null}
      </header>
      <CreditSection credit={a.credit} />
      <section className="card" aria-labelledby="creds">
        <h2 id="creds" className="h2">
          {t("directory.credentials")}
        </h2>
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {a.credentials.map((c) => (
            <li key={c.id} className="py-2">
              <p className="font-medium">
                {c.type} · {c.level}
              </p>
              <p className="text-slate-600">
                {c.number} · {c.issuer}
              </p>
              <p className={c.valid ? "text-green-700" : "text-red-700"}>
                {c.valid
                  ? t("directory.validUntil", { date: formatDate(c.validUntil, lang) })
                  : t("directory.expired", { date: formatDate(c.validUntil, lang) })}
              </p>
              <p>
                {t("directory.items")}：{c.items.map((i) => (lang === "en" ? i.item.nameEn : i.item.name)).join(sep)}
              </p>
            </li>
          ))}
        </ul>
      </section>
      {a.practitioners.length ? (
        <section className="card" aria-labelledby="people">
          <h2 id="people" className="h2">
            {t("directory.practitioners")}
          </h2>
          <p className="mt-2 text-sm">{a.practitioners.map((p) => `${p.name}（${p.qualification}）`).join(sep)}</p>
        </section>
      ) : null}
      {practitionerSanctions.length ? (
        <section className="space-y-3" aria-labelledby="practitioner-sanctions">
          <div className="card">
            <h2 id="practitioner-sanctions" className="h2">
              {t("practitioners.agencyPage.title")}
            </h2>
            <p className="mt-1 text-sm text-slate-600">{t("practitioners.agencyPage.intro")}</p>
          </div>
          <ul className="space-y-3">
            {practitionerSanctions.map((s) => (
              <PractitionerSanctionItem key={s.id} s={s} />
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card" aria-labelledby="awards">
        <h2 id="awards" className="h2">
          {t("directory.awardHistory")}
        </h2>
        <p className="mt-2 text-sm text-slate-600">
          {a.awardsCount > 0 ? t("directory.awards", { count: a.awardsCount }) : t("directory.noAwards")}
        </p>
      </section>
      <section className="card space-y-3" aria-labelledby="ratings-title" id="ratings">
        <h2 id="ratings-title" className="h2">
          {t("ratings.profile.title")}
        </h2>
        {ratings.total === 0 || !ratings.averages ? (
          <p className="text-sm text-slate-600">{t("ratings.profile.empty")}</p>
        ) : (
          <>
            <p className="text-sm text-slate-600">{t("ratings.profile.count", { count: ratings.total })}</p>
            <table className="stack-table text-left text-sm" data-testid="rating-averages">
              <caption className="text-left text-slate-600">{t("ratings.profile.averages")}</caption>
              <thead>
                <tr>
                  {RATING_DIMENSIONS.map((d) => (
                    <th key={d} scope="col" className="py-1 pr-4 font-normal text-slate-600">
                      {t(`ratings.dimensions.${d}`)}
                    </th>
                  ))}
                  <th scope="col" className="py-1 pr-4 font-semibold">
                    {t("ratings.profile.overall")}
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  {RATING_DIMENSIONS.map((d) => (
                    <td key={d} data-label={t(`ratings.dimensions.${d}`)} className="py-1 pr-4 tabular-nums">
                      {ratings.averages![d].toFixed(1)}
                    </td>
                  ))}
                  <td data-label={t("ratings.profile.overall")} className="py-1 pr-4 font-semibold tabular-nums">
                    {ratings.averages.overall.toFixed(1)}
                  </td>
                </tr>
              </tbody>
            </table>
            <ul className="divide-y divide-slate-100">
              {ratings.items.map((r) => (
                <li key={r.id} className="py-3">
                  <RatingView rating={r} showRequest />
                </li>
              ))}
            </ul>
            <Pager page={ratings.page} pages={ratings.pages} />
          </>
        )}
      </section>
      <SanctionsSection sanctions={a.sanctions} />
      <InspectionsSection results={inspections} />
      <section className="card" aria-labelledby="actions">
        <h2 id="actions" className="h2">
          {t("directory.actions")}
        </h2>
        {a.actions.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("directory.noActions")}</p>
        ) : (
          <ul className="mt-2 text-sm">
            {a.actions.map((e, i) => (
              <li key={i}>
                {formatDate(e.at, lang)} · {t(`directory.actionEvents.${e.event as "SUSPEND"}`)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
