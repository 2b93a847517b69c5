import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "./en";
import zh from "./zh";
import { REQUEST_STATUSES } from "~/services/requests/enums";

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
  it("use one word for each request status everywhere (one status vocabulary)", () => {
    // A request's status appears in the list, the header, the award panel, the dashboard:
    // every translation of a status must be the same words, so there is one set of keys.
    const statuses: readonly string[] = REQUEST_STATUSES;
    for (const msgs of [zh, en]) {
      const statusKeys = keys(msgs).filter((k) => {
        const parts = k.split(".");
        return (
          statuses.includes(parts.at(-1)!) && /status/i.test(parts.at(-2)!) && !parts.includes("objections") && !parts.includes("cases")
        );
      });
      expect(new Set(statusKeys.map((k) => k.split(".").slice(0, -1).join(".")))).toEqual(new Set(["requests.status"]));
    }
  });
  it("name every announcement kind the code publishes, in both languages", () => {
    // The announcements page shows the kind as a badge and a filter: a kind without
    // a translation would show its raw code ("CONTRACT").
    const root = path.resolve(import.meta.dirname, "../services");
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    const published = new Set<string>();
    for (const f of files) {
      const source = readFileSync(path.join(root, f), "utf8");
      for (const m of source.matchAll(/announcement\.create\(\{\s*data:\s*\{[^}]*?kind:\s*"([A-Z_]+)"/g)) published.add(m[1]!);
    }
    expect(published.size).toBeGreaterThanOrEqual(7);
    for (const kind of published) {
      expect(zh.catalogueAdmin.announcements.kinds, `zh ${kind}`).toHaveProperty(kind);
      expect(en.catalogueAdmin.announcements.kinds, `en ${kind}`).toHaveProperty(kind);
    }
  });
});
