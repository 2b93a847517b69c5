import { describe, expect, it } from "vitest";
import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  creditCodeSchema,
  isValidCreditCode,
  makeCreditCode,
  normalizeCreditCode,
  organizationCodeCheckChar,
  validateCreditCode,
} from "./credit-code";

// Real, publicly listed codes (each verified by computing both check characters).
const REAL_CODES = [
  "91110000600037341L",
  "91110000710926094P",
  "91310000631696382C",
  "91310115MA1K3BTP2B",
  "91440300568520498A",
  "9144030071526726XG",
  "913101127033980359",
  "91620105L015101280",
  "121200004013590816", // 事业单位 (registration authority 1 = 机构编制)
  "92340602MA2PBMEM24", // 个体工商户
];

// Built with makeCreditCode from realistic prefixes (inner GB 11714 check char correct too).
const SEED_CODES = [
  ["91310107MA1G8K3T8", "91310107MA1G8K3T8L"], // 上海市普陀区 企业
  ["91330106MA2B0X7L7", "91330106MA2B0X7L7F"], // 杭州市西湖区 企业
  ["92440300MA5F3R2W4", "92440300MA5F3R2W4L"], // 深圳市 个体工商户
  ["52310107MJ4966A16", "52310107MJ4966A161"], // 上海市普陀区 社会组织 (民政)
  ["12310000425001527", "12310000425001527W"], // 上海市 事业单位
] as const;

describe("normalizeCreditCode", () => {
  it.each([
    ["  91110000600037341L  ", "91110000600037341L"],
    ["91110000600037341l", "91110000600037341L"],
    ["９１１１００００６０００３７３４１Ｌ", "91110000600037341L"],
    ["\u3000９１３１０１１５ｍａ１ｋ３ｂｔｐ２ｂ\u3000", "91310115MA1K3BTP2B"],
    ["9111 0000", "9111 0000"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeCreditCode(input)).toBe(expected);
  });
});

describe("creditCodeCheckChar", () => {
  it.each(REAL_CODES)("computes the 18th character of %s", (code) => {
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it("uses the 31-symbol charset without I, O, Z, S, V", () => {
    expect(CREDIT_CODE_CHARSET).toHaveLength(31);
    for (const ch of "IOZSV") expect(CREDIT_CODE_CHARSET).not.toContain(ch);
  });

  it("maps a weighted sum ≡ 0 (mod 31) to '0'", () => {
    expect(creditCodeCheckChar("00000000000000000")).toBe("0");
  });

  it("rejects wrong length or charset", () => {
    expect(() => creditCodeCheckChar("9111000060003734")).toThrow(RangeError);
    expect(() => creditCodeCheckChar("9111000060003734I")).toThrow(RangeError);
  });
});

describe("organizationCodeCheckChar (GB 11714)", () => {
  it.each(REAL_CODES)("matches position 17 of %s", (code) => {
    expect(organizationCodeCheckChar(code.slice(8, 16))).toBe(code[16]);
  });
});

describe("validateCreditCode", () => {
  it.each(REAL_CODES)("accepts real code %s", (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true, code });
    expect(validateCreditCode(code, { strict: true })).toEqual({ ok: true, code });
    expect(isValidCreditCode(code)).toBe(true);
  });

  it.each(SEED_CODES)("makeCreditCode(%s) → %s, which validates strictly", (prefix, expected) => {
    expect(makeCreditCode(prefix)).toBe(expected);
    expect(validateCreditCode(expected, { strict: true })).toEqual({ ok: true, code: expected });
  });

  it("makeCreditCode normalizes its prefix", () => {
    expect(makeCreditCode(" 91310107ma1g8k3t8 ")).toBe("91310107MA1G8K3T8L");
  });

  it.each([
    ["lower case", "91310115ma1k3btp2b", "91310115MA1K3BTP2B"],
    ["surrounding spaces", "  91440300568520498A\n", "91440300568520498A"],
    ["full-width", "９１４４０３００５６８５２０４９８Ａ", "91440300568520498A"],
    ["full-width letters, lower case", "９１３１０１１５ｍａ１ｋ３ｂｔｐ２ｂ", "91310115MA1K3BTP2B"],
  ])("accepts %s after normalizing", (_label, input, code) => {
    expect(validateCreditCode(input)).toEqual({ ok: true, code });
  });

  it.each([
    ["empty", "", "length"],
    ["17 characters", "91110000600037341", "length"],
    ["19 characters", "91110000600037341LL", "length"],
    ["inner space", "9111 0000600037341L", "length"],
    ["letter I", "91110000I00037341L", "charset"],
    ["letter O", "91110000O00037341L", "charset"],
    ["letter Z", "91110000Z00037341L", "charset"],
    ["letter S (e.g. 91310000MA1FL4S53Y)", "91310000MA1FL4S53Y", "charset"],
    ["letter V", "91110000V00037341L", "charset"],
    ["punctuation", "91110000-60003734L", "charset"],
    ["letter in region", "9111000A600037341L", "region"],
    ["letter at start of region", "91A10000600037341L", "region"],
    ["one digit changed", "91110000600037342L", "checksum"],
    ["one digit changed in region", "91110001600037341L", "checksum"],
    ["wrong check character", "91110000600037341N", "checksum"],
    ["transposed digits", "91110000600073341L", "checksum"],
    ["transposed organization-code digits", "91110000060037341L", "checksum"],
    ["transposed region digits", "91443000568520498A", "checksum"],
    ["check char swapped with 17th", "91110000600037341L".slice(0, 16) + "L1", "checksum"],
  ])("rejects %s", (_label, input, reason) => {
    expect(validateCreditCode(input)).toEqual({ ok: false, reason });
    expect(isValidCreditCode(input)).toBe(false);
  });

  it("detects every single-character substitution and adjacent transposition of a real code", () => {
    const code = "91310115MA1K3BTP2B";
    for (let i = 0; i < 18; i++) {
      for (const ch of CREDIT_CODE_CHARSET) {
        if (ch === code[i]) continue;
        const mutated = code.slice(0, i) + ch + code.slice(i + 1);
        expect(isValidCreditCode(mutated), mutated).toBe(false);
      }
      if (i < 17 && code[i] !== code[i + 1]) {
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        expect(isValidCreditCode(swapped), swapped).toBe(false);
      }
    }
  });

  it("only strict mode requires the inner GB 11714 check character", () => {
    // Position 17 changed, position 18 recomputed: GB 32100 check passes, GB 11714 check does not.
    const code = makeCreditCode("9131011560003734" + "5");
    expect(organizationCodeCheckChar("60003734")).not.toBe("5");
    expect(validateCreditCode(code)).toEqual({ ok: true, code });
    expect(validateCreditCode(code, { strict: true })).toEqual({ ok: false, reason: "checksum" });
  });
});

describe("creditCodeSchema", () => {
  it("outputs the normalized code", () => {
    expect(creditCodeSchema.parse(" ９１３１０１１５ma1k3btp2b ")).toBe("91310115MA1K3BTP2B");
  });

  it.each([
    ["91110000600037341", "errors.creditCode.length"],
    ["91110000I00037341L", "errors.creditCode.charset"],
    ["9111000A600037341L", "errors.creditCode.region"],
    ["91110000600037342L", "errors.creditCode.checksum"],
    ["", "errors.required"],
    ["   ", "errors.required"],
  ])("%j → %s", (input, message) => {
    const result = creditCodeSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([message]);
  });

  it.each([undefined, null, 42])("non-string %j → errors.required", (input) => {
    const result = creditCodeSchema.safeParse(input);
    expect(result.error?.issues.map((i) => i.message)).toEqual(["errors.required"]);
  });
});
