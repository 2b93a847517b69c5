import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
// As on the server: both languages' strings registered (the browser registers only the page's).
import "~/i18n";
import { languageOf, pageTitle, translated } from "./meta";

const root = (locale: string) => [{ id: "root", data: { locale } }];

describe("page titles", () => {
  it("are in the reader's language, with the site's name", () => {
    expect(pageTitle(root("en"), { key: "titles.catalogue" })).toEqual([{ title: "Service catalogue · Intermediary Market" }]);
    expect(pageTitle(root("zh"), { key: "titles.catalogue" })).toEqual([{ title: "服务目录 · 中介超市" }]);
    expect(pageTitle(root("en"), "环境影响评价", null, { key: "titles.catalogueAdmin" })).toEqual([
      { title: "环境影响评价 · Catalogue administration · Intermediary Market" },
    ]);
    expect(languageOf([])).toBe("zh");
  });
  it("every key a route's meta uses exists in both languages", () => {
    const dir = path.join(__dirname, "../routes");
    const keys = new Set<string>();
    for (const f of readdirSync(dir).filter((f) => f.endsWith(".tsx")))
      for (const m of readFileSync(path.join(dir, f), "utf8").matchAll(/key: "(titles\.[a-zA-Z]+)"/g)) keys.add(m[1]!);
    expect(keys.size).toBeGreaterThan(15);
    for (const key of keys) for (const lang of ["zh", "en"] as const) expect(translated(lang, key), `${lang} ${key}`).not.toBe(key);
  });
});
