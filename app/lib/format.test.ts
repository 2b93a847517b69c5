import { describe, expect, it } from "vitest";
import { formatBeijingMinute, formatDate, formatDateTime } from "./format";

describe("Beijing time in stored text", () => {
  it("is UTC+8 to the minute, across a Beijing year end that UTC has not reached", () => {
    expect(formatBeijingMinute(new Date("2026-12-05T07:17:00.000Z"))).toBe("2026-12-05 15:17");
    expect(formatBeijingMinute(new Date("2026-12-31T16:30:00.000Z"))).toBe("2027-01-01 00:30");
    expect(formatDate(new Date("2026-12-31T16:30:00.000Z"))).toBe("2027-01-01");
  });
  it("handles a leap day and midnight as 00, not 24", () => {
    expect(formatBeijingMinute(new Date("2028-02-28T16:00:00.000Z"))).toBe("2028-02-29 00:00");
    expect(formatBeijingMinute(new Date("2028-02-29T15:59:00.000Z"))).toBe("2028-02-29 23:59");
  });
});

describe("times on pages", () => {
  it("read the same in both languages: Beijing wall time to the minute", () => {
    for (const lang of ["zh", "en"]) {
      expect(formatDateTime("2026-11-29T05:23:37.000Z", lang)).toBe("2026-11-29 13:23");
      expect(formatDateTime(new Date("2027-12-31T16:00:00.000Z"), lang)).toBe("2028-01-01 00:00");
    }
  });
});
