import { afterEach, describe, expect, it, vi } from "vitest";
import { assertTestClockAllowed } from "./clock.server";

describe("the test clock", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is refused whenever NODE_ENV=production, on the embedded database too", () => {
    vi.stubEnv("ZJ_TEST_CLOCK", "1");
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("DATABASE_URL", "");
    expect(() => assertTestClockAllowed()).toThrow(/NODE_ENV=production/);
    vi.stubEnv("DATABASE_URL", "postgresql://x@127.0.0.1/x");
    expect(() => assertTestClockAllowed()).toThrow(/NODE_ENV=production/);
  });

  it("is allowed outside production, and production without the flag starts", () => {
    vi.stubEnv("ZJ_TEST_CLOCK", "1");
    vi.stubEnv("NODE_ENV", "test");
    expect(() => assertTestClockAllowed()).not.toThrow();
    vi.stubEnv("ZJ_TEST_CLOCK", "");
    vi.stubEnv("NODE_ENV", "production");
    expect(() => assertTestClockAllowed()).not.toThrow();
  });
});
