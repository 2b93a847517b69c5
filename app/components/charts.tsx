/**
 * Server-rendered charts: inline SVG with a <title> and <desc> for screen
 * readers, values written on the chart, and no client JavaScript. Every chart
 * is meant to sit next to a DataTable with the same numbers.
 */
import type { ReactNode } from "react";

/** Okabe–Ito colours (distinguishable with colour-vision deficiencies); grey is reserved for "other". */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"] as const;
export const OTHER_COLOR = "#8c8c8c";

export type ChartSeries = { key: string; label: string; values: (number | null)[]; color?: string };

type ChartProps = {
  id: string;
  title: string;
  desc: string;
  /** One label per category (x axis), already translated. */
  categories: string[];
  series: ChartSeries[];
  format: (v: number) => string;
  /** Shown instead of the chart when every value is empty or zero. */
  emptyText: string;
  /** Fixed top of the y axis (e.g. 1 for shares); otherwise a rounded maximum of the data. */
  yMax?: number;
  yLabel?: string;
  height?: number;
  /** Overrides the emptiness test (e.g. a share that is 0 % in every month is still data). */
  empty?: boolean;
};

const W = 720;
const M = { top: 22, right: 14, bottom: 44, left: 56 };

export function hasData(series: ChartSeries[]): boolean {
  return series.some((s) => s.values.some((v) => v !== null && v !== 0));
}

function niceMax(max: number): number {
  if (max <= 0) return 1;
  const exp = Math.pow(10, Math.floor(Math.log10(max)));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * exp >= max) return m * exp;
  return 10 * exp;
}

function colorOf(s: ChartSeries, i: number): string {
  return s.color ?? PALETTE[i % PALETTE.length]!;
}

/** Every k-th x label so they never overlap (about 14 fit across). */
function labelStep(n: number): number {
  return Math.max(1, Math.ceil(n / 14));
}

function Frame({
  id,
  title,
  desc,
  height,
  yMax,
  yLabel,
  format,
  categories,
  children,
}: Pick<ChartProps, "id" | "title" | "desc" | "categories" | "format" | "yLabel"> & {
  height: number;
  yMax: number;
  children: (geo: Geometry) => ReactNode;
}) {
  const plotW = W - M.left - M.right;
  const plotH = height - M.top - M.bottom;
  const band = plotW / Math.max(1, categories.length);
  const y = (v: number) => M.top + plotH - (Math.max(0, Math.min(v, yMax)) / yMax) * plotH;
  const x = (i: number) => M.left + band * i + band / 2;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * yMax);
  const step = labelStep(categories.length);
  return (
    <svg
      viewBox={`0 0 ${W} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="h-auto w-full max-w-3xl"
      fontFamily="inherit"
      data-chart={id}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      <g aria-hidden="true">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke={t === 0 ? "#64748b" : "#e2e8f0"} strokeWidth={1} />
            <text x={M.left - 6} y={y(t) + 4} textAnchor="end" fontSize={11} fill="#475569">
              {format(t)}
            </text>
          </g>
        ))}
        {yLabel ? (
          <text
            x={12}
            y={M.top + plotH / 2}
            fontSize={11}
            fill="#475569"
            textAnchor="middle"
            transform={`rotate(-90 12 ${M.top + plotH / 2})`}
          >
            {yLabel}
          </text>
        ) : null}
        {categories.map((c, i) =>
          i % step === 0 ? (
            <text key={c + i} x={x(i)} y={height - M.bottom + 16} textAnchor="middle" fontSize={11} fill="#475569">
              {c}
            </text>
          ) : null,
        )}
      </g>
      {children({ x, y, band, plotH, height })}
    </svg>
  );
}

type Geometry = { x: (i: number) => number; y: (v: number) => number; band: number; plotH: number; height: number };

function NoData({ text }: { text: string }) {
  return (
    <p className="rounded-md border border-dashed border-slate-300 bg-slate-50 p-6 text-center text-sm text-slate-600" data-empty="true">
      {text}
    </p>
  );
}

/** Bars per category; several series are stacked, with the total written above each bar. */
export function BarChart(props: ChartProps) {
  const { series, categories, format } = props;
  if (props.empty ?? !hasData(series)) return <NoData text={props.emptyText} />;
  const totals = categories.map((_, i) => series.reduce((s, x) => s + (x.values[i] ?? 0), 0));
  const yMax = props.yMax ?? niceMax(Math.max(...totals));
  const height = props.height ?? 260;
  const labelEvery = labelStep(categories.length);
  return (
    <Frame {...props} height={height} yMax={yMax}>
      {({ x, y, band }) => {
        const w = Math.max(4, band * 0.68);
        return (
          <g>
            {categories.map((c, i) => {
              let base = 0;
              return (
                <g key={c + i}>
                  {series.map((s, si) => {
                    const v = s.values[i] ?? 0;
                    if (v <= 0) return null;
                    const top = y(base + v);
                    const bottom = y(base);
                    base += v;
                    return (
                      <rect key={s.key} x={x(i) - w / 2} y={top} width={w} height={Math.max(0.5, bottom - top)} fill={colorOf(s, si)}>
                        <title>{`${c} · ${s.label}: ${format(v)}`}</title>
                      </rect>
                    );
                  })}
                  {totals[i]! > 0 && (i % labelEvery === 0 || categories.length <= 24) ? (
                    <text
                      x={x(i)}
                      y={y(totals[i]!) - 4}
                      textAnchor="middle"
                      fontSize={categories.length > 18 ? 9 : 11}
                      fill="#0f172a"
                      aria-hidden="true"
                    >
                      {format(totals[i]!)}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </g>
        );
      }}
    </Frame>
  );
}

/** One line per series; a missing value (null) breaks the line. Points carry their value. */
export function LineChart(props: ChartProps) {
  const { series, categories, format } = props;
  if (props.empty ?? !hasData(series)) return <NoData text={props.emptyText} />;
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const yMax = props.yMax ?? niceMax(Math.max(...all));
  const height = props.height ?? 260;
  const showValues = categories.length <= 18;
  // With several lines, the lowest value at a point is labelled below it and the others above, so labels do not collide.
  const isLowest = (i: number, si: number) => {
    if (series.length < 2) return false;
    const v = series[si]!.values[i];
    return (
      v !== null &&
      v !== undefined &&
      series.every((s, k) => k === si || s.values[i] === null || s.values[i]! > v || (s.values[i] === v && k > si))
    );
  };
  return (
    <Frame {...props} height={height} yMax={yMax}>
      {({ x, y }) => (
        <g>
          {series.map((s, si) => {
            const color = colorOf(s, si);
            const segments: string[] = [];
            let current: string[] = [];
            s.values.forEach((v, i) => {
              if (v === null) {
                if (current.length) segments.push(current.join(" "));
                current = [];
              } else current.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
            });
            if (current.length) segments.push(current.join(" "));
            return (
              <g key={s.key}>
                {segments.map((pts, k) => (
                  <polyline
                    key={k}
                    points={pts}
                    fill="none"
                    stroke={color}
                    strokeWidth={2}
                    strokeDasharray={si % 2 === 1 ? "6 3" : undefined}
                  />
                ))}
                {s.values.map((v, i) =>
                  v === null ? null : (
                    <g key={i}>
                      <circle cx={x(i)} cy={y(v)} r={3.5} fill={color}>
                        <title>{`${categories[i]} · ${s.label}: ${format(v)}`}</title>
                      </circle>
                      {showValues ? (
                        <text
                          x={x(i)}
                          y={y(v) + (isLowest(i, si) ? 15 : -7)}
                          textAnchor="middle"
                          fontSize={10}
                          fill="#0f172a"
                          aria-hidden="true"
                        >
                          {format(v)}
                        </text>
                      ) : null}
                    </g>
                  ),
                )}
              </g>
            );
          })}
        </g>
      )}
    </Frame>
  );
}

/** Colour key for a chart, as an HTML list (readable, wraps, translatable). */
export function Legend({ series }: { series: ChartSeries[] }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-hidden="true">
      {series.map((s, i) => (
        <li key={s.key} className="flex items-center gap-1">
          <svg width="12" height="12" aria-hidden="true">
            <rect width="12" height="12" fill={colorOf(s, i)} />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}

/** The chart's numbers as a table, folded in <details> (opens without JavaScript). */
export function DataTable({
  id,
  summary,
  caption,
  columns,
  rows,
}: {
  id: string;
  summary: string;
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}) {
  return (
    <details className="mt-3 text-sm" data-table={id}>
      <summary className="cursor-pointer text-red-800">{summary}</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="stack-table min-w-full border-collapse text-left">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th key={i} scope="col" className={`border-b border-slate-300 px-2 py-1 font-medium ${i > 0 ? "text-right" : ""}`}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, ri) => (
              <tr key={ri} className="odd:bg-slate-50">
                {r.map((cell, ci) =>
                  ci === 0 ? (
                    <th key={ci} scope="row" className="px-2 py-1 font-normal">
                      {cell}
                    </th>
                  ) : (
                    <td key={ci} data-label={columns[ci]} className="px-2 py-1 text-right tabular-nums">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
