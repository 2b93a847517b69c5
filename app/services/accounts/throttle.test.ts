import { describe, expect, it } from "vitest";
import { BASE_DELAY_SECONDS, clientId, delayAfter, keys, MAX_DELAY_SECONDS } from "./throttle.server";

describe("delayAfter", () => {
  it("is free below the threshold, then doubles from 2 s up to 15 minutes", () => {
    expect([0, 4].map((n) => delayAfter(n, 5))).toEqual([0, 0]);
    expect([5, 6, 7, 8, 9].map((n) => delayAfter(n, 5))).toEqual([2, 4, 8, 16, 32]);
    expect(delayAfter(5, 5)).toBe(BASE_DELAY_SECONDS);
    expect(delayAfter(14, 5)).toBe(MAX_DELAY_SECONDS);
    expect(delayAfter(10_000, 5)).toBe(MAX_DELAY_SECONDS);
  });
});

describe("clientId: the address a throttle counts", () => {
  it.each([
    ["192.0.2.7", "192.0.2.7"],
    ["::ffff:192.0.2.7", "192.0.2.7"],
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["2001:0db8:0001:0002:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"],
    ["2001:DB8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["::1", "0:0:0:0::/64"],
    ["2001:db8::", "2001:db8:0:0::/64"],
    ["fe80::1:2:3:4", "fe80:0:0:0::/64"],
    ["unknown", "unknown"],
    ["", "unknown"],
  ])("%j → %j", (ip, id) => {
    expect(clientId(ip)).toBe(id);
  });

  it("keys an email case-insensitively, and an account-and-client pair by both", () => {
    expect(keys.account(" Foo@Example.cn ")).toBe("account:foo@example.cn");
    expect(keys.accountClient("a@x.cn", "2001:db8:1:2::9")).toBe(keys.accountClient("A@x.cn", "2001:db8:1:2:aaaa::1"));
    expect(keys.accountClient("a@x.cn", "192.0.2.1")).not.toBe(keys.accountClient("a@x.cn", "192.0.2.2"));
  });
});
