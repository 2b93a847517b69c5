import { describe, expect, it } from "vitest";
import { CREDIT_GRADES, creditGrade } from "./credit-grade";

describe("credit grades", () => {
  it("follow the published thresholds at every boundary", () => {
    expect(creditGrade(100)).toBe("A");
    expect(creditGrade(90)).toBe("A");
    expect(creditGrade(89)).toBe("B");
    expect(creditGrade(75)).toBe("B");
    expect(creditGrade(74)).toBe("C");
    expect(creditGrade(60)).toBe("C");
    expect(creditGrade(59)).toBe("D");
    expect(creditGrade(0)).toBe("D");
  });
  it("give every score from 0 to 100 exactly the grade whose range holds it", () => {
    for (let s = 0; s <= 100; s++) {
      const holding = CREDIT_GRADES.filter((g, i) => s >= g.min && (i === 0 || s < CREDIT_GRADES[i - 1]!.min));
      expect(
        holding.map((g) => g.grade),
        String(s),
      ).toEqual([creditGrade(s)]);
    }
  });
});
