import { useTranslation } from "~/i18n/use-translation";
import { Link } from "~/components/link";
import { formatDate, formatDateTime } from "~/lib/format";

/** Presentational parts of the inspection pages (decision 030): no data access. */

export type PlanRow = {
  id: string;
  code: string;
  name: string;
  status: "COMMITTED" | "DRAWN" | "RESULTS_PUBLISHED";
  agencyCount: number;
  inspectorCount: number;
  createdAt: string;
  failed: number;
  item: { code: string; name: string; nameEn: string } | null;
};

const STATUS_TONE: Record<string, string> = {
  COMMITTED: "bg-slate-100 text-slate-800",
  DRAWN: "bg-amber-50 text-amber-900",
  RESULTS_PUBLISHED: "bg-green-50 text-green-800",
};
const OUTCOME_TONE: Record<string, string> = {
  PASS: "bg-green-50 text-green-800",
  MINOR_ISSUES: "bg-amber-50 text-amber-900",
  FAIL: "bg-red-50 text-red-800",
};

export function PlanStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_TONE[status] ?? ""}`}>
      {t(`inspections.status.${status}` as never) as string}
    </span>
  );
}

export function Outcome({ outcome }: { outcome: string | null }) {
  const { t } = useTranslation();
  if (!outcome) return <>—</>;
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-medium ${OUTCOME_TONE[outcome] ?? ""}`} data-testid="inspection-outcome">
      {t(`inspections.outcome.${outcome}` as never) as string}
    </span>
  );
}

/** The published weight table. */
export function WeightTable({ weights }: { weights: Record<string, number> }) {
  const { t } = useTranslation();
  return (
    <table className="w-full max-w-xs text-left text-sm" data-testid="weight-table">
      <caption className="text-left text-slate-600">{t("inspections.weightsTitle")}</caption>
      <thead>
        <tr>
          <th scope="col" className="py-1 pr-3">
            {t("inspections.grade")}
          </th>
          <th scope="col" className="py-1 text-right">
            {t("inspections.weight")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {Object.entries(weights).map(([grade, w]) => (
          <tr key={grade}>
            <th scope="row" className="py-1 pr-3 font-normal">
              {t("creditGrade.value", { grade, name: t(`creditGrade.names.${grade}` as never) as string })}
            </th>
            <td className="py-1 text-right tabular-nums">{w}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The list of plans, linking to `base`/:id. */
export function PlanTable({ plans, base }: { plans: PlanRow[]; base: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const cols = ["code", "name", "scope", "counts", "status", "createdAt", "failed"] as const;
  return (
    <div className="card overflow-x-auto p-0">
      <table className="stack-table stack-table-inset w-full text-left text-sm" data-testid="plan-table">
        <caption className="sr-only">{t("inspections.title")}</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            {cols.map((c) => (
              <th key={c} scope="col" className="px-3 py-2">
                {t(`inspections.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {plans.map((p) => (
            <tr key={p.id}>
              <td className="px-3 py-2 font-mono text-xs" data-label={t("inspections.columns.code")}>
                {p.code}
              </td>
              <td className="px-3 py-2" data-label={t("inspections.columns.name")} data-stack="title">
                <Link className="link" to={`${base}/${p.id}`}>
                  {p.name}
                </Link>
              </td>
              <td className="px-3 py-2" data-label={t("inspections.columns.scope")}>
                {p.item ? (lang === "en" ? p.item.nameEn : p.item.name) : t("inspections.scopeAll")}
              </td>
              <td className="px-3 py-2" data-label={t("inspections.columns.counts")}>
                {t("inspections.counts", { agencies: p.agencyCount, inspectors: p.inspectorCount })}
              </td>
              <td className="px-3 py-2" data-label={t("inspections.columns.status")}>
                <PlanStatus status={p.status} />
              </td>
              <td className="px-3 py-2" data-label={t("inspections.columns.createdAt")}>
                <time dateTime={p.createdAt}>{formatDateTime(p.createdAt, lang)}</time>
              </td>
              <td className="px-3 py-2 tabular-nums" data-label={t("inspections.columns.failed")}>
                {p.failed}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export type PlanView = {
  id: string;
  code: string;
  name: string;
  status: string;
  item: { code: string; name: string; nameEn: string } | null;
  agencyCount: number;
  inspectorCount: number;
  createdAt: string;
  drawnAt: string | null;
  resultsPublishedAt: string | null;
  commitment: string;
  seed: string | null;
  weights: Record<string, number>;
  entrants: { agencyId: string; name: string; grade: string; weight: number }[];
  inspectorPool: { userId: string; name: string }[];
  inspections: {
    id: string;
    agencyId: string;
    agencyName: string;
    position: number;
    grade: string;
    inspectors: { userId: string; name: string }[];
    status: string;
    outcome: string | null;
    findings: string | null;
    publishedAt: string | null;
    hasEvidence: boolean;
  }[];
};

/** The plan's public facts: header, the draw (commitment, seed, lists), who was drawn and the published results. */
export function PlanPublic({ plan: p, verified }: { plan: PlanView; verified?: boolean | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const published = p.inspections.filter((i) => i.status === "PUBLISHED");
  return (
    <>
      <section className="card space-y-2" aria-labelledby="plan-title">
        <p className="font-mono text-xs text-slate-600">{p.code}</p>
        <h1 id="plan-title" className="h1">
          {p.name}
        </h1>
        <p className="text-sm">
          <PlanStatus status={p.status} /> · {p.item ? (lang === "en" ? p.item.nameEn : p.item.name) : t("inspections.scopeAll")} ·{" "}
          {t("inspections.counts", { agencies: p.agencyCount, inspectors: p.inspectorCount })}
        </p>
        <ul className="text-sm text-slate-700">
          <li>{t("inspections.plan.createdAt", { at: formatDateTime(p.createdAt, lang) })}</li>
          {p.drawnAt ? <li>{t("inspections.plan.drawnAt", { at: formatDateTime(p.drawnAt, lang) })}</li> : null}
          {p.resultsPublishedAt ? <li>{t("inspections.plan.publishedAt", { at: formatDateTime(p.resultsPublishedAt, lang) })}</li> : null}
        </ul>
      </section>

      <section className="card space-y-3" aria-labelledby="results-title" id="results">
        <h2 id="results-title" className="h2">
          {t("inspections.plan.resultsTitle")}
        </h2>
        {published.length === 0 ? (
          <p className="text-sm text-slate-600">{t("inspections.plan.resultsPending")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {published.map((i) => (
              <li key={i.id} className="space-y-1 py-2" data-testid="published-result">
                <p className="font-medium">
                  <Link className="link" to={`/agencies/${i.agencyId}`}>
                    {i.agencyName}
                  </Link>{" "}
                  <Outcome outcome={i.outcome} />
                </p>
                <p className="whitespace-pre-line break-words">
                  <span className="text-slate-500">{t("inspections.plan.findings")}：</span>
                  {i.findings}
                </p>
                <p className="text-slate-600">
                  {t("inspections.plan.inspectors")}：{i.inspectors.map((x) => x.name).join("、")}
                  {i.hasEvidence ? ` · ${t("inspections.plan.evidence")}：${t("inspections.plan.evidenceOnFile")}` : ""}
                  {i.publishedAt ? ` · ${t("inspections.plan.publishedOn")} ${formatDate(i.publishedAt, lang)}` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card space-y-3" aria-labelledby="drawn-title">
        <h2 id="drawn-title" className="h2">
          {t("inspections.plan.drawnTitle")}
        </h2>
        {p.inspections.length === 0 ? (
          <p className="text-sm text-slate-600">{t("inspections.plan.notDrawn")}</p>
        ) : (
          <ol className="list-decimal space-y-1 pl-5 text-sm" data-testid="drawn-list">
            {p.inspections.map((i) => (
              <li key={i.id}>
                {i.agencyName}（{i.grade}）— {t("inspections.plan.inspectors")}：{i.inspectors.map((x) => x.name).join("、")} ·{" "}
                {t(`inspections.inspectionStatus.${i.status}` as never) as string}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="card space-y-3" aria-labelledby="draw-title">
        <h2 id="draw-title" className="h2">
          {t("inspections.plan.drawTitle")}
        </h2>
        <WeightTable weights={p.weights} />
        <dl className="space-y-1 text-sm">
          <div>
            <dt className="text-slate-500">{t("inspections.plan.commitment")}</dt>
            <dd className="break-all font-mono text-xs" data-testid="commitment">
              {p.commitment}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("inspections.plan.seed")}</dt>
            <dd className="break-all font-mono text-xs" data-testid="seed">
              {p.seed ?? t("inspections.plan.seedHidden")}
            </dd>
          </div>
        </dl>
        {verified === true ? (
          <p className="text-sm font-medium text-green-800" role="status" data-testid="draw-verdict">
            {t("inspections.plan.verified")}
          </p>
        ) : verified === false ? (
          <p className="text-sm font-medium text-red-800" role="status" data-testid="draw-verdict">
            {t("inspections.plan.verifyFailed")}
          </p>
        ) : null}
        <p className="text-sm text-slate-700">{t("inspections.plan.howTo")}</p>
        <p className="text-sm">
          <a className="link" href={`/inspections/${p.id}/draw.json`} data-testid="draw-json">
            {t("inspections.plan.record")}
          </a>
        </p>
        <details className="text-sm">
          <summary className="link cursor-pointer">{t("inspections.plan.entrantsTitle", { count: p.entrants.length })}</summary>
          <ul className="mt-2 space-y-0.5">
            {p.entrants.map((e) => (
              <li key={e.agencyId}>
                {e.name} · {e.grade} · {t("inspections.weight")} {e.weight}
              </li>
            ))}
          </ul>
        </details>
        <details className="text-sm">
          <summary className="link cursor-pointer">{t("inspections.plan.poolTitle", { count: p.inspectorPool.length })}</summary>
          <ul className="mt-2 space-y-0.5">
            {p.inspectorPool.map((u) => (
              <li key={u.userId}>{u.name}</li>
            ))}
          </ul>
        </details>
      </section>
    </>
  );
}
