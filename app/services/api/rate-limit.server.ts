import { clientId } from "~/services/accounts/throttle.server";

/**
 * The public API's per-client request budget (decision 028): a token bucket
 * per client address, in this process's memory. Each instance counts on its
 * own — with N instances behind a load balancer a client gets at most N times
 * the budget — because the limit protects the database from one client's
 * flood, and a shared counter would make every read-only request a write to
 * PostgreSQL (the flood would then load the database through the limiter).
 *
 * The budget: API_RATE_LIMIT_BURST requests at once (default 60), refilled at
 * API_RATE_LIMIT_PER_MINUTE (default 120). Read at each request, so an
 * operator's change applies on restart and a test can lower it. The client is
 * the address the server saw (X-Forwarded-For only with TRUST_PROXY, see
 * scripts/server.mjs), IPv6 by its /64 like the login throttle.
 *
 * The clock is the process's monotonic clock, not the database's: this is
 * traffic shaping, not a business deadline (decision 010 does not apply).
 */

export type RateLimitConfig = { perMinute: number; burst: number };

const DEFAULT_PER_MINUTE = 120;
const DEFAULT_BURST = 60;
/** Buckets kept at most; past it the least recently seen client is forgotten (it starts again full). */
const MAX_CLIENTS = 50_000;

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function rateLimitConfig(env: Record<string, string | undefined> = process.env): RateLimitConfig {
  return {
    perMinute: positiveInt(env.API_RATE_LIMIT_PER_MINUTE, DEFAULT_PER_MINUTE),
    burst: positiveInt(env.API_RATE_LIMIT_BURST, DEFAULT_BURST),
  };
}

type Bucket = { tokens: number; at: number };

export type RateVerdict =
  | { allowed: true; remaining: number; limit: number }
  | { allowed: false; retryAfterSeconds: number; limit: number };

export class TokenBuckets {
  private buckets = new Map<string, Bucket>();

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly maxClients = MAX_CLIENTS,
  ) {}

  /** Takes one token for `client`, or says how long until one is there. */
  take(client: string, config: RateLimitConfig): RateVerdict {
    const now = this.now();
    const perMs = config.perMinute / 60_000;
    const old = this.buckets.get(client);
    const tokens = old ? Math.min(config.burst, old.tokens + (now - old.at) * perMs) : config.burst;
    // Re-insert: the Map's order is then least recently seen first.
    this.buckets.delete(client);
    if (tokens < 1) {
      this.buckets.set(client, { tokens, at: now });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)), limit: config.burst };
    }
    this.buckets.set(client, { tokens: tokens - 1, at: now });
    while (this.buckets.size > this.maxClients) this.buckets.delete(this.buckets.keys().next().value!);
    return { allowed: true, remaining: Math.floor(tokens - 1), limit: config.burst };
  }

  get size(): number {
    return this.buckets.size;
  }
}

const shared = new TokenBuckets();

/** The verdict for one API request from `ip`. */
export function takeApiToken(ip: string): RateVerdict {
  return shared.take(clientId(ip), rateLimitConfig());
}
