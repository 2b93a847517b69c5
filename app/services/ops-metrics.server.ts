import { getDb, poolUsage } from "~/db/client.server";
import { scrapeGauge } from "~/lib/metrics.server";
import { dueBacklog } from "~/services/scheduler.server";

/**
 * The metrics computed when Prometheus scrapes (decision 024): the database
 * pool's usage and the scheduler's backlog of due work. A scrape during a
 * database outage leaves the backlog gauges unset rather than failing.
 */
export function registerOpsMetrics(): void {
  scrapeGauge(
    "db_pool_connections",
    "PostgreSQL pool connections by state (total, idle, waiting clients, max)",
    async (g) => {
      const u = await poolUsage();
      g.reset();
      if (!u) return;
      g.set({ state: "total" }, u.total);
      g.set({ state: "idle" }, u.idle);
      g.set({ state: "in_use" }, u.total - u.idle);
      g.set({ state: "waiting" }, u.waiting);
      g.set({ state: "max" }, u.max);
    },
    ["state"],
  );
  let backlog: Promise<{ count: number; oldestAgeSeconds: number } | null> | null = null;
  // One query per scrape feeds both backlog gauges.
  const read = () => {
    backlog ??= (async () => {
      try {
        return await dueBacklog(await getDb());
      } catch {
        return null;
      } finally {
        setTimeout(() => (backlog = null), 1_000).unref();
      }
    })();
    return backlog;
  };
  scrapeGauge(
    "scheduler_due_requests",
    "Open requests whose bidding deadline has passed and that the scheduler has not closed yet",
    async (g) => {
      const b = await read();
      g.reset();
      if (b) g.set(b.count);
    },
  );
  scrapeGauge(
    "scheduler_lag_seconds",
    "Age of the oldest due work not yet done (an open request past its deadline); 0 when none is due",
    async (g) => {
      const b = await read();
      g.reset();
      if (b) g.set(b.oldestAgeSeconds);
    },
  );
}
