import { getDb } from "~/db/client.server";

/**
 * Liveness and readiness (decision 024). Liveness (/healthz) is the process
 * answering at all: a load balancer or orchestrator that restarts on it must
 * not restart every instance because PostgreSQL is down — they would come
 * back to the same outage. Readiness (/readyz) is "send me traffic": the
 * database answers within a bound, and the instance is not shutting down.
 */

const READY_TIMEOUT_MS = 2_000;
let draining = false;

/** Set on SIGTERM: the instance finishes what it has and takes no more (readiness answers 503). */
export function setDraining(): void {
  draining = true;
}

export type Readiness = { ready: true } | { ready: false; reason: "draining" | "database" };

/** Whether the instance should take traffic now: not draining, and `SELECT 1` answers within 2 s. */
export async function checkReadiness(timeoutMs = READY_TIMEOUT_MS): Promise<Readiness> {
  if (draining) return { ready: false, reason: "draining" };
  let timer: NodeJS.Timeout | undefined;
  try {
    const db = await getDb();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("readiness check timed out")), timeoutMs);
    });
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return { ready: true };
  } catch {
    return { ready: false, reason: "database" };
  } finally {
    clearTimeout(timer);
  }
}
