import { describe, expect, it } from "vitest";
import en from "./en";
import zh from "./zh";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === "object" && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe("translations", () => {
  it("have the same keys in Chinese and English", () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });
  it("have no empty strings", () => {
    for (const [lang, msgs] of Object.entries({ zh, en })) {
      for (const k of keys(msgs)) {
        const v = k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], msgs);
        expect(v, `${lang}:${k}`).not.toBe("");
      }
    }
  });
});
