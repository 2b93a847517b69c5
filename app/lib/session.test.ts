import { describe, expect, it } from "vitest";
import { safeRedirect } from "./session.server";

describe("safeRedirect", () => {
  it.each([
    ["/requests/1", "/requests/1"],
    ["//evil.example", "/dashboard"],
    ["/\\evil.example", "/dashboard"],
    ["https://evil.example", "/dashboard"],
    ["", "/dashboard"],
    [null, "/dashboard"],
  ])("%s → %s", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });
});
