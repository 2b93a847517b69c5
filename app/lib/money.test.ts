import { describe, expect, it } from "vitest";
import { formatYuan, yuanToFen } from "./money";

describe("money", () => {
  it.each([
    ["12345.67", 1234567n],
    ["12,345.6", 1234560n],
    ["１２３", 12300n],
    ["¥50", 5000n],
    ["0.01", 1n],
  ])("%s yuan = %s fen", (input, fen) => expect(yuanToFen(input)).toBe(fen));
  it.each(["", "abc", "1.234", "-5", "1e5", "12.3.4"])("refuses %s", (input) => expect(yuanToFen(input)).toBeNull());
  it("formats fen as yuan", () => {
    expect(formatYuan(1234567n)).toBe("¥12,345.67");
    expect(formatYuan(5)).toBe("¥0.05");
  });
});
