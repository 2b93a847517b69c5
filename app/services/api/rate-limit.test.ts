import { describe, expect, it } from "vitest";
import { rateLimitConfig, TokenBuckets } from "./rate-limit.server";

describe("the API's token buckets", () => {
  it("allow a burst, then refuse with the seconds until the next token, and refill with time", () => {
    let now = 0;
    const buckets = new TokenBuckets(() => now);
    const config = { perMinute: 60, burst: 3 }; // one token a second
    expect([1, 2, 3].map(() => buckets.take("a", config).allowed)).toEqual([true, true, true]);
    expect(buckets.take("a", config)).toEqual({ allowed: false, retryAfterSeconds: 1, limit: 3 });
    now += 400;
    expect(buckets.take("a", config)).toEqual({ allowed: false, retryAfterSeconds: 1, limit: 3 });
    now += 700; // 1.1 s since the bucket emptied
    expect(buckets.take("a", config)).toEqual({ allowed: true, remaining: 0, limit: 3 });
    // Another client has its own bucket.
    expect(buckets.take("b", config)).toEqual({ allowed: true, remaining: 2, limit: 3 });
    // Never above the burst, however long the pause.
    now += 3_600_000;
    expect(buckets.take("a", config)).toEqual({ allowed: true, remaining: 2, limit: 3 });
  });

  it("waits as long as the rate says: 6 a minute is 10 s a token", () => {
    let now = 0;
    const buckets = new TokenBuckets(() => now);
    const config = { perMinute: 6, burst: 1 };
    expect(buckets.take("a", config).allowed).toBe(true);
    expect(buckets.take("a", config)).toMatchObject({ allowed: false, retryAfterSeconds: 10 });
    now += 5_000;
    expect(buckets.take("a", config)).toMatchObject({ allowed: false, retryAfterSeconds: 5 });
  });

  it("forget the least recently seen client past the cap (memory stays bounded)", () => {
    const now = 0;
    const buckets = new TokenBuckets(() => now, 2);
    const config = { perMinute: 60, burst: 1 };
    buckets.take("a", config);
    buckets.take("b", config);
    buckets.take("a", config); // a refused, but seen again: b is now the oldest
    buckets.take("c", config);
    expect(buckets.size).toBe(2);
    expect(buckets.take("a", config).allowed).toBe(false); // a kept its empty bucket
    expect(buckets.take("b", config).allowed).toBe(true); // b was forgotten: full again
  });

  it("reads its budget from the environment, with defaults for missing or nonsense values", () => {
    expect(rateLimitConfig({})).toEqual({ perMinute: 120, burst: 60 });
    expect(rateLimitConfig({ API_RATE_LIMIT_PER_MINUTE: "600", API_RATE_LIMIT_BURST: "10" })).toEqual({ perMinute: 600, burst: 10 });
    expect(rateLimitConfig({ API_RATE_LIMIT_PER_MINUTE: "0", API_RATE_LIMIT_BURST: "-3" })).toEqual({ perMinute: 120, burst: 60 });
    expect(rateLimitConfig({ API_RATE_LIMIT_PER_MINUTE: "1.5", API_RATE_LIMIT_BURST: "abc" })).toEqual({ perMinute: 120, burst: 60 });
  });
});
