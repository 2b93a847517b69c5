import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * Prometheus metrics (decision 024), served by scripts/server.mjs at /metrics
 * to a bearer of METRICS_TOKEN only. One registry per process; every instance
 * is scraped on its own. Labels are bounded: route patterns
 * ("/requests/:id"), never raw URLs or ids. docs/operations.md lists them and
 * the starter alerts.
 */
export const registry = new Registry();
registry.setDefaultLabels({ app: "zhongjie" });
collectDefaultMetrics({ register: registry });

export const httpRequests = new Counter({
  name: "http_requests_total",
  help: "HTTP requests answered, by method, route pattern and status",
  labelNames: ["method", "route", "status"] as const,
  registers: [registry],
});

export const httpDuration = new Histogram({
  name: "http_request_duration_seconds",
  help: "Time from request to the end of the response, by method and route pattern",
  labelNames: ["method", "route"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

export const httpInFlight = new Gauge({
  name: "http_requests_in_flight",
  help: "Requests being handled now",
  registers: [registry],
});

export const bidOutcomes = new Counter({
  name: "bids_total",
  help: "Bid submissions by outcome: acknowledged (stored) or refused (with the refusal's code), or unavailable (database down)",
  labelNames: ["outcome", "reason"] as const,
  registers: [registry],
});

export const schedulerRuns = new Counter({
  name: "scheduler_runs_total",
  help: "Scheduler passes over due work, by result (ok, unavailable: database down, error: anything else)",
  labelNames: ["result"] as const,
  registers: [registry],
});

export const schedulerRunDuration = new Histogram({
  name: "scheduler_run_duration_seconds",
  help: "Time one scheduler pass took",
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30],
  registers: [registry],
});

export const schedulerLastSuccess = new Gauge({
  name: "scheduler_last_success_timestamp_seconds",
  help: "Unix time of the last scheduler pass that completed",
  registers: [registry],
});

export const schedulerFailures = new Gauge({
  name: "scheduler_consecutive_failures",
  help: "Scheduler passes failed in a row (0 when the last one completed); the scheduler backs off exponentially meanwhile",
  registers: [registry],
});

/** Gauges computed when scraped (the due-work backlog, the pool): their collect functions are set by the modules that own the data. */
export function scrapeGauge(name: string, help: string, collect: (gauge: Gauge) => Promise<void> | void, labelNames: string[] = []): Gauge {
  const existing = registry.getSingleMetric(name);
  if (existing) registry.removeSingleMetric(name);
  return new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      await collect(this);
    },
  });
}

/** The text exposition format for a scrape. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}
