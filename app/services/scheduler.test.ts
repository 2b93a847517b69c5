import { describe, expect, it } from "vitest";
import { nextDelayMs } from "./scheduler.server";

describe("the scheduler's backoff (decision 024)", () => {
  it("waits the interval while passes succeed, then doubles after each failure up to the cap", () => {
    expect(nextDelayMs(2000, 0, 30_000)).toBe(2000);
    expect([1, 2, 3, 4, 5, 6].map((n) => nextDelayMs(2000, n, 30_000))).toEqual([4000, 8000, 16000, 30000, 30000, 30000]);
    expect(nextDelayMs(500, 1000, 4000)).toBe(4000);
  });
  it("never waits less than the interval, even with a smaller cap", () => {
    expect(nextDelayMs(5000, 3, 1000)).toBe(5000);
  });
});
