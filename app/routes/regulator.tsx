import { useTranslation } from "~/i18n/use-translation";
import { data, Form } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/regulator";
import { pageTitle } from "~/lib/meta";
import { BarChart, DataTable, Legend, LineChart, OTHER_COLOR, type ChartSeries } from "~/components/charts";
import { FilterSelect } from "~/components/filter-select";
import { regionLabel } from "~/data/regions";
import { formatDate } from "~/lib/format";
import { guard } from "~/lib/route.server";
import { DUE_PROCESS_STATUSES } from "~/schemas/case-stages";
import { dbNow } from "~/services/clock.server";
import {
  addMonths,
  defaultPeriod,
  districtIndicators,
  districtRegionCode,
  periodErrors,
  rangeOf,
  workQueues,
  type Period,
} from "~/services/supervision/indicators.server";
import { indicatorItemChoices } from "~/services/supervision/queries.server";
import { fairnessStats } from "~/services/requests/fairness-queries.server";
import { zoneSavings } from "~/services/zones/queries.server";
import { ZoneSavingsCard } from "~/components/zone-savings";

const FAIRNESS_OUTCOMES = ["REFUSED", "PENDING", "PUBLISHED", "RETURNED", "WITHDRAWN"] as const;

/**
 * /regulator: the regulator's work queues and the district's indicators for a
 * period chosen with a GET form (default: the last 12 months, Beijing time).
 * Invalid filters answer 400 with the message next to the field and the input
 * kept; the figures then show the default period.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const { db } = await guard(request, "supervision:act");
  const params = new URL(request.url).searchParams;
  const raw = {
    from: params.get("from")?.trim() || undefined,
    to: params.get("to")?.trim() || undefined,
    item: params.get("item")?.trim() || undefined,
  };
  const fallback = defaultPeriod(await dbNow(db));
  const fieldErrors = periodErrors(raw);
  let period: Period = fallback;
  if (!Object.keys(fieldErrors).length) {
    const to = raw.to ?? (raw.from && raw.from > fallback.to ? raw.from : fallback.to);
    const from = raw.from ?? (raw.to ? addMonths(raw.to, -11) : fallback.from);
    Object.assign(fieldErrors, periodErrors({ from, to }));
    if (!Object.keys(fieldErrors).length) period = { from, to };
  }
  const items = await indicatorItemChoices(db);
  const item = raw.item ? (items.find((i) => i.code === raw.item) ?? null) : null;
  if (raw.item && !item) fieldErrors.item = ["supervision.errors.item"];
  const invalid = Object.keys(fieldErrors).length > 0;
  if (invalid) period = fallback;
  const districtCode = districtRegionCode();
  const [queues, fairness, indicators, zones] = await Promise.all([
    workQueues(db),
    fairnessStats(db),
    districtIndicators(db, rangeOf(period, invalid ? null : (item?.id ?? null)), districtCode),
    zoneSavings(db),
  ]);
  const body = {
    queues,
    fairness,
    indicators,
    zones,
    items: items.map(({ code, name, nameEn }) => ({ code, name, nameEn })),
    item: invalid || !item ? null : { code: item.code, name: item.name, nameEn: item.nameEn },
    values: { from: raw.from ?? "", to: raw.to ?? "", item: raw.item ?? "" },
    fieldErrors,
  };
  return data(body, { status: invalid ? 400 : 200 });
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.regulator" });
}

const pct = (v: number) => `${(v * 100).toFixed(v === 0 || v === 1 ? 0 : 1)}%`;
const days = (v: number) => v.toFixed(1);
const count = (v: number) => String(Math.round(v));
const dash = (v: number | null, f: (x: number) => string) => (v === null ? "—" : f(v));

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <p id={id} role="alert" className="field-error">
      {errors.map((e) => t(e as never) as string).join("；")}
    </p>
  );
}

export default function RegulatorDashboard({ loaderData: d }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const ind = d.indicators;
  const months = ind.range.months;
  const q = d.queues;
  const invalid = Object.keys(d.fieldErrors).length > 0;
  const itemName = (s: { name: string; nameEn: string }) => (lang === "en" ? s.nameEn : s.name);
  const volumeSeries = (field: "requests" | "awards"): ChartSeries[] =>
    ind.volume.series.map((s) => ({
      key: s.key,
      label: s.key === "other" ? t("supervision.other") : itemName(s),
      values: s[field],
      color: s.key === "other" ? OTHER_COLOR : undefined,
    }));
  const queueRows: { key: string; label: string; n: number; to: string }[] = [
    { key: "registrations", label: t("supervision.queues.registrations"), n: q.registrations, to: "/regulator/reviews" },
    { key: "credentials", label: t("review.credentialQueue.queueLabel"), n: q.credentials, to: "/regulator/reviews#credentials" },
    { key: "objections", label: t("supervision.queues.objections"), n: q.objections, to: "/regulator/objections" },
    { key: "fairness", label: t("fairness.title"), n: q.fairness, to: "/regulator/fairness" },
    { key: "casesOpen", label: t("supervision.queues.casesOpen"), n: q.casesOpen, to: "/cases?status=OPEN" },
    { key: "casesUnderReview", label: t("supervision.queues.casesUnderReview"), n: q.casesUnderReview, to: "/cases?status=UNDER_REVIEW" },
    ...DUE_PROCESS_STATUSES.map((status) => ({
      key: status,
      label: t(`cases.status.${status}` as const),
      n: q.dueProcess[status],
      to: `/cases?status=${status}`,
    })),
    { key: "appeals", label: t("supervision.queues.appeals"), n: q.appeals, to: "/cases?status=APPEAL" },
  ];
  const districtName = regionLabel(ind.district.code, lang);
  const v = ind.volume;
  const r = ind.priceRatio;
  const o = ind.outside;
  const dd = ind.daysToAward;
  const ot = ind.onTime;
  const seriesRows = (field: "requests" | "awards") => months.map((m, i) => [m, ...v.series.map((s) => s[field][i]!), v[field][i]!]);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="h1">{t("supervision.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("supervision.intro")}</p>
        <p className="mt-1 text-sm">
          <Link className="link" to="/regulator/inspections" data-testid="inspections-link">
            {t("inspections.regulatorLink")}
          </Link>
          {" · "}
          <Link className="link" to="/regulator/practitioners" data-testid="practitioners-link">
            {t("practitioners.regulatorLink")}
          </Link>
        </p>
        <p className="mt-1 text-sm text-slate-700" data-testid="district">
          {t("supervision.district", { name: districtName, code: ind.district.code, prefix: ind.district.prefix })}
        </p>
      </header>

      <section className="card" aria-labelledby="queues-title">
        <h2 id="queues-title" className="h2">
          {t("supervision.queues.title")}
        </h2>
        <ul className="mt-3 grid gap-3 sm:grid-cols-4 lg:grid-cols-8">
          {queueRows.map((row) => (
            <li key={row.key} className="rounded-md border border-slate-200 p-3" data-queue={row.key}>
              <Link to={row.to} className="block">
                <span className="block text-2xl font-semibold tabular-nums text-slate-900">{row.n}</span>
                <span className="link text-sm">{row.label}</span>
              </Link>
            </li>
          ))}
          <li className="rounded-md border border-slate-200 p-3" data-queue="suspended">
            <a href="#suspended" className="block">
              <span className="block text-2xl font-semibold tabular-nums text-slate-900">{q.suspended}</span>
              <span className="link text-sm">{t("supervision.queues.suspended")}</span>
            </a>
          </li>
        </ul>
        <div id="suspended" className="mt-4">
          <h3 className="text-sm font-semibold">{t("supervision.queues.suspended")}</h3>
          {q.suspendedAgencies.length === 0 ? (
            <p className="text-sm text-slate-600">{t("supervision.queues.noSuspended")}</p>
          ) : (
            <ul className="mt-1 space-y-1 text-sm">
              {q.suspendedAgencies.map((a) => (
                <li key={a.id}>
                  <Link className="link" to={`/agencies/${a.id}`}>
                    {a.name}
                  </Link>
                  {a.until ? ` · ${t("supervision.queues.suspendedUntil", { date: formatDate(a.until, lang) })}` : null}
                  {a.reason ? ` · ${a.reason}` : null}
                </li>
              ))}
              {q.suspended > q.suspendedAgencies.length ? (
                <li className="text-slate-600">
                  {t("supervision.queues.moreSuspended", { count: q.suspended - q.suspendedAgencies.length })}
                </li>
              ) : null}
            </ul>
          )}
        </div>
      </section>

      <section className="card space-y-3" aria-labelledby="fairness-title" data-indicator="fairness">
        <h2 id="fairness-title" className="h2">
          {t("fairness.dashboard.title")}
        </h2>
        <div className="overflow-x-auto">
          <table className="stack-table w-full text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                <th scope="col" className="py-1 pr-3">
                  {t("fairness.dashboard.category")}
                </th>
                {FAIRNESS_OUTCOMES.map((o) => (
                  <th key={o} scope="col" className="py-1 pr-3 text-right">
                    {t(`fairness.dashboard.${o}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Object.entries(d.fairness.byCategory).map(([category, row]) => (
                <tr key={category} className="border-t border-slate-100" data-category={category}>
                  <th scope="row" data-stack="title" className="py-1 pr-3 text-left font-normal">
                    {t(`fairness.categories.${category as keyof typeof d.fairness.byCategory}`)}
                  </th>
                  {FAIRNESS_OUTCOMES.map((o) => (
                    <td key={o} data-label={t(`fairness.dashboard.${o}`)} className="py-1 pr-3 text-right tabular-nums">
                      {row[o]}
                    </td>
                  ))}
                </tr>
              ))}
              <tr className="border-t border-slate-300 font-semibold" data-category="total">
                <th scope="row" data-stack="title" className="py-1 pr-3 text-left">
                  {t("fairness.dashboard.total")}
                </th>
                {FAIRNESS_OUTCOMES.map((o) => (
                  <td key={o} data-label={t(`fairness.dashboard.${o}`)} className="py-1 pr-3 text-right tabular-nums">
                    {d.fairness.byOutcome[o]}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
        <p className="text-sm">
          <Link className="link" to="/regulator/fairness">
            {t("fairness.dashboard.openQueue")}
          </Link>
        </p>
      </section>

      <ZoneSavingsCard savings={d.zones} />

      <Form method="get" className="card grid gap-3 sm:grid-cols-4" role="search" aria-label={t("supervision.filters.title")}>
        <div>
          <label htmlFor="ind-from" className="label">
            {t("supervision.filters.from")}
          </label>
          <input
            id="ind-from"
            name="from"
            type="month"
            placeholder="YYYY-MM"
            pattern="\d{4}-\d{2}"
            defaultValue={d.values.from || ind.range.from}
            className="input mt-1"
            aria-invalid={d.fieldErrors.from ? true : undefined}
            aria-describedby={d.fieldErrors.from ? "ind-from-error ind-month-hint" : "ind-month-hint"}
          />
          <FieldError id="ind-from-error" errors={d.fieldErrors.from} />
        </div>
        <div>
          <label htmlFor="ind-to" className="label">
            {t("supervision.filters.to")}
          </label>
          <input
            id="ind-to"
            name="to"
            type="month"
            placeholder="YYYY-MM"
            pattern="\d{4}-\d{2}"
            defaultValue={d.values.to || ind.range.to}
            className="input mt-1"
            aria-invalid={d.fieldErrors.to ? true : undefined}
            aria-describedby={d.fieldErrors.to ? "ind-to-error ind-month-hint" : "ind-month-hint"}
          />
          <FieldError id="ind-to-error" errors={d.fieldErrors.to} />
        </div>
        <div className="sm:col-span-2">
          <FilterSelect
            id="ind-item"
            name="item"
            label={t("supervision.filters.item")}
            value={d.values.item || undefined}
            options={d.items.map((i) => ({ value: i.code, label: `${i.code} ${itemName(i)}` }))}
            anyLabel={t("supervision.filters.allItems")}
          />
          <FieldError id="ind-item-error" errors={d.fieldErrors.item} />
        </div>
        <p id="ind-month-hint" className="hint sm:col-span-4">
          {t("supervision.filters.monthHint")}
        </p>
        <div className="flex flex-wrap gap-2 sm:col-span-4">
          <button type="submit" className="btn-primary">
            {t("supervision.filters.submit")}
          </button>
          <Link to="/regulator" className="btn-secondary">
            {t("supervision.filters.reset")}
          </Link>
        </div>
      </Form>

      <div role="status" className="text-sm text-slate-700">
        {invalid ? <p className="mb-1 text-red-800">{t("supervision.showingDefault")}</p> : null}
        <p data-testid="period">{t("supervision.period", { from: ind.range.from, to: ind.range.to, count: months.length })}</p>
        {d.item ? <p>{t("supervision.periodItem", { item: `${d.item.code} ${itemName(d.item)}` })}</p> : null}
      </div>

      <section className="card space-y-3" aria-labelledby="vol-title" data-indicator="volume">
        <h2 id="vol-title" className="h2">
          {t("supervision.volume.title")}
        </h2>
        <p className="text-sm">{t("supervision.volume.summary", { requests: v.totalRequests, awards: v.totalAwards })}</p>
        <div className="grid gap-6">
          <figure>
            <figcaption className="text-sm font-medium">{t("supervision.volume.requestsChart")}</figcaption>
            <BarChart
              id="chart-requests"
              title={t("supervision.volume.requestsChart")}
              desc={t("supervision.volume.requestsDesc", { months: months.length, total: v.totalRequests })}
              categories={months}
              series={volumeSeries("requests")}
              format={count}
              emptyText={t("supervision.noData")}
            />
          </figure>
          <figure>
            <figcaption className="text-sm font-medium">{t("supervision.volume.awardsChart")}</figcaption>
            <BarChart
              id="chart-awards"
              title={t("supervision.volume.awardsChart")}
              desc={t("supervision.volume.awardsDesc", { months: months.length, total: v.totalAwards })}
              categories={months}
              series={volumeSeries("awards")}
              format={count}
              emptyText={t("supervision.noData")}
            />
          </figure>
        </div>
        {v.series.length ? <Legend series={volumeSeries("requests")} /> : null}
        <p className="hint">{t("supervision.volume.definition")}</p>
        <DataTable
          id="table-requests"
          summary={`${t("supervision.showTable")}（${t("supervision.volume.requests")}）`}
          caption={`${t("supervision.volume.tableCaption")} · ${t("supervision.volume.requests")}`}
          columns={[t("supervision.month"), ...volumeSeries("requests").map((s) => s.label), t("supervision.total")]}
          rows={seriesRows("requests")}
        />
        <DataTable
          id="table-awards"
          summary={`${t("supervision.showTable")}（${t("supervision.volume.awards")}）`}
          caption={`${t("supervision.volume.tableCaption")} · ${t("supervision.volume.awards")}`}
          columns={[t("supervision.month"), ...volumeSeries("awards").map((s) => s.label), t("supervision.total")]}
          rows={seriesRows("awards")}
        />
      </section>

      <section className="card space-y-3" aria-labelledby="ratio-title" data-indicator="price-ratio">
        <h2 id="ratio-title" className="h2">
          {t("supervision.ratio.title")}
        </h2>
        <p className="text-sm">{t("supervision.ratio.summary", { count: r.total, median: dash(r.overallMedian, pct) })}</p>
        <div className="grid gap-6">
          <figure>
            <figcaption className="text-sm font-medium">{t("supervision.ratio.bucketsChart")}</figcaption>
            <BarChart
              id="chart-ratio-buckets"
              title={t("supervision.ratio.bucketsChart")}
              desc={t("supervision.ratio.bucketsDesc", { total: r.total })}
              categories={r.buckets.map((b) => t(`supervision.ratio.buckets.${b.key}`))}
              series={[{ key: "awards", label: t("supervision.ratio.count"), values: r.buckets.map((b) => b.count) }]}
              format={count}
              emptyText={t("supervision.noData")}
            />
          </figure>
          <figure>
            <figcaption className="text-sm font-medium">{t("supervision.ratio.medianChart")}</figcaption>
            <LineChart
              id="chart-ratio-median"
              title={t("supervision.ratio.medianChart")}
              desc={t("supervision.ratio.medianDesc", { months: months.length })}
              categories={months}
              series={[{ key: "median", label: t("supervision.ratio.median"), values: r.median }]}
              format={pct}
              yMax={1}
              empty={r.total === 0}
              emptyText={t("supervision.noData")}
            />
          </figure>
        </div>
        <DataTable
          id="table-ratio-buckets"
          summary={`${t("supervision.showTable")}（${t("supervision.ratio.bucket")}）`}
          caption={t("supervision.ratio.bucketsChart")}
          columns={[t("supervision.ratio.bucket"), t("supervision.ratio.count")]}
          rows={[...r.buckets.map((b) => [t(`supervision.ratio.buckets.${b.key}`), b.count]), [t("supervision.total"), r.total]]}
        />
        <DataTable
          id="table-ratio-median"
          summary={`${t("supervision.showTable")}（${t("supervision.ratio.median")}）`}
          caption={t("supervision.ratio.tableCaption")}
          columns={[t("supervision.month"), t("supervision.ratio.count"), t("supervision.ratio.median")]}
          rows={[
            ...months.map((m, i) => [m, r.count[i]!, dash(r.median[i]!, pct)]),
            [t("supervision.total"), r.total, dash(r.overallMedian, pct)],
          ]}
        />
      </section>

      <section className="card space-y-3" aria-labelledby="outside-title" data-indicator="outside-share">
        <h2 id="outside-title" className="h2">
          {t("supervision.outside.title")}
        </h2>
        <p className="text-sm">
          {t("supervision.outside.summary", { awards: o.total.awards, outside: o.total.outside, share: dash(o.total.share, pct) })}
        </p>
        <BarChart
          id="chart-outside"
          title={t("supervision.outside.chart")}
          desc={t("supervision.outside.desc", { months: months.length })}
          categories={months}
          series={[{ key: "share", label: t("supervision.outside.share"), values: o.share }]}
          format={pct}
          yMax={1}
          empty={o.total.awards === 0}
          emptyText={t("supervision.noData")}
        />
        <p className="hint">{t("supervision.outside.definition")}</p>
        <DataTable
          id="table-outside"
          summary={t("supervision.showTable")}
          caption={t("supervision.outside.tableCaption")}
          columns={[
            t("supervision.month"),
            t("supervision.outside.awards"),
            t("supervision.outside.outside"),
            t("supervision.outside.share"),
          ]}
          rows={[
            ...months.map((m, i) => [m, o.awards[i]!, o.outside[i]!, dash(o.share[i]!, pct)]),
            [t("supervision.total"), o.total.awards, o.total.outside, dash(o.total.share, pct)],
          ]}
        />
      </section>

      <section className="card space-y-3" aria-labelledby="days-title" data-indicator="days-to-award">
        <h2 id="days-title" className="h2">
          {t("supervision.days.title")}
        </h2>
        <p className="text-sm">
          {t("supervision.days.summary", {
            count: dd.overall.count,
            median: dd.overall.median === null ? "—" : `${days(dd.overall.median)} ${t("supervision.days.unit")}`,
            p90: dd.overall.p90 === null ? "—" : `${days(dd.overall.p90)} ${t("supervision.days.unit")}`,
          })}
        </p>
        <LineChart
          id="chart-days"
          title={t("supervision.days.chart")}
          desc={t("supervision.days.desc", { months: months.length })}
          categories={months}
          series={[
            { key: "median", label: t("supervision.days.median"), values: dd.median },
            { key: "p90", label: t("supervision.days.p90"), values: dd.p90 },
          ]}
          format={days}
          yLabel={t("supervision.days.unit")}
          empty={dd.overall.count === 0}
          emptyText={t("supervision.noData")}
        />
        {dd.overall.count ? (
          <Legend
            series={[
              { key: "median", label: t("supervision.days.median"), values: [] },
              { key: "p90", label: t("supervision.days.p90"), values: [] },
            ]}
          />
        ) : null}
        <DataTable
          id="table-days"
          summary={t("supervision.showTable")}
          caption={t("supervision.days.tableCaption")}
          columns={[t("supervision.month"), t("supervision.days.count"), t("supervision.days.median"), t("supervision.days.p90")]}
          rows={[
            ...months.map((m, i) => [m, dd.count[i]!, dash(dd.median[i]!, days), dash(dd.p90[i]!, days)]),
            [t("supervision.total"), dd.overall.count, dash(dd.overall.median, days), dash(dd.overall.p90, days)],
          ]}
        />
      </section>

      <section className="card space-y-3" aria-labelledby="ontime-title" data-indicator="on-time">
        <h2 id="ontime-title" className="h2">
          {t("supervision.onTime.title")}
        </h2>
        <p className="text-sm">
          {t("supervision.onTime.summary", { completed: ot.total.completed, onTime: ot.total.onTime, rate: dash(ot.total.rate, pct) })}
        </p>
        <BarChart
          id="chart-ontime"
          title={t("supervision.onTime.chart")}
          desc={t("supervision.onTime.desc", { months: months.length })}
          categories={months}
          series={[{ key: "rate", label: t("supervision.onTime.rate"), values: ot.rate, color: "#009E73" }]}
          format={pct}
          yMax={1}
          empty={ot.total.completed === 0}
          emptyText={t("supervision.noData")}
        />
        <p className="hint">{t("supervision.onTime.definition")}</p>
        <DataTable
          id="table-ontime"
          summary={t("supervision.showTable")}
          caption={t("supervision.onTime.tableCaption")}
          columns={[
            t("supervision.month"),
            t("supervision.onTime.completed"),
            t("supervision.onTime.onTime"),
            t("supervision.onTime.rate"),
          ]}
          rows={[
            ...months.map((m, i) => [m, ot.completed[i]!, ot.onTime[i]!, dash(ot.rate[i]!, pct)]),
            [t("supervision.total"), ot.total.completed, ot.total.onTime, dash(ot.total.rate, pct)],
          ]}
        />
      </section>
    </div>
  );
}
