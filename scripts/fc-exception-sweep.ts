// Disables each exception of the fair-competition scan in turn (the `continue` of every `if (…) continue` in
// engine.ts's `scan`, i.e. Stryker's `if (…)` → `if (false)` mutant) and reviews a set of texts with it gone: an
// exception that changes no outcome is one no text depends on alone. Used to find, for each exception, a text only
// it keeps unflagged, and to check that the unit tests hold one (docs/mutation-testing.md, thirteenth round).
//
//   node --no-regexp-tier-up --import tsx scripts/fc-exception-sweep.ts [--texts=corpus|tests|FILE.json] [LINE…]
//
// --texts=corpus (default): every text of the labelled corpus (about 1 minute per exception on this machine);
// --texts=tests: the strings of engine.test.ts and engine.exceptions.test.ts (seconds); FILE.json: an array of
// strings. LINE: only the exceptions whose `continue` is on or after these lines of engine.ts (default: all of scan).
// Prints, per exception, "no text depends on it alone" or the shortest texts whose outcome changes.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dir = path.join(root, "app/services/fair-competition");
const args = process.argv.slice(2);
const textsArg = args.find((a) => a.startsWith("--texts="))?.slice(8) ?? "corpus";
const lines = args.filter((a) => /^\d+$/.test(a)).map(Number);

if (process.env.SWEEP_CHILD) {
  // child: review the texts with the engine in SWEEP_CHILD and print the outcomes
  const { reviewFairCompetition } = (await import(
    path.join(process.env.SWEEP_CHILD, "engine.ts")
  )) as typeof import("../app/services/fair-competition/engine");
  const texts = JSON.parse(readFileSync(textsArg, "utf8")) as string[];
  process.stdout.write(JSON.stringify(texts.map((t) => reviewFairCompetition({ t }).outcome)));
  process.exit(0);
}

async function textsOf(which: string): Promise<string[]> {
  if (which === "corpus") {
    const corpus = (await import(path.join(dir, "corpus.ts"))) as Record<string, unknown>;
    const all = new Set<string>();
    for (const v of Object.values(corpus)) if (Array.isArray(v)) for (const e of v as { text: string }[]) all.add(e.text);
    return [...all];
  }
  if (which === "tests") {
    const all = new Set<string>();
    for (const f of ["engine.test.ts", "engine.exceptions.test.ts"])
      for (const m of readFileSync(path.join(dir, f), "utf8").matchAll(/"((?:[^"\\\n]|\\.)*)"/gu)) {
        const t = JSON.parse(`"${m[1]}"`) as string;
        if (t.length > 8) all.add(t);
      }
    return [...all];
  }
  return JSON.parse(readFileSync(which, "utf8")) as string[];
}

// inside node_modules/.cache so that the copies resolve the same packages (opencc-js) as the engine
mkdirSync(path.join(root, "node_modules/.cache"), { recursive: true });
const work = mkdtempSync(path.join(root, "node_modules/.cache/fc-sweep-"));
const textsFile = path.join(work, "texts.json");
const texts = await textsOf(textsArg);
writeFileSync(textsFile, JSON.stringify(texts));
const source = readFileSync(path.join(dir, "engine.ts"), "utf8").split("\n");
const scanStart = source.findIndex((l) => l.startsWith("function scan("));
const scanEnd = source.findIndex((l, i) => i > scanStart && l === "}");
const all = source.map((l, i) => (i > scanStart && i < scanEnd && /\bcontinue;/u.test(l) ? i : -1)).filter((i) => i >= 0);
// the first `continue` on or after each line asked for
const exceptions = lines.length ? [...new Set(lines.map((l) => all.find((i) => i + 1 >= l)).filter((i) => i !== undefined))] : all;

/** A copy of the engine's files with `~/` imports made absolute, so it loads from outside the project. */
function copyWith(engine: string[]): string {
  const to = mkdtempSync(path.join(work, "engine-"));
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "corpus.ts")) {
    cpSync(path.join(dir, f), path.join(to, f));
    const file = path.join(to, f);
    const text = f === "engine.ts" ? engine.join("\n") : readFileSync(file, "utf8");
    writeFileSync(file, text.replace(/from "~\//gu, `from "${path.join(root, "app")}/`));
  }
  return to;
}
function outcomes(engineDir: string): string[] {
  const out = execFileSync(process.execPath, ["--no-regexp-tier-up", "--import", "tsx", import.meta.filename, `--texts=${textsFile}`], {
    cwd: root,
    env: { ...process.env, SWEEP_CHILD: engineDir },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as string[];
}

const base = outcomes(copyWith(source));
console.log(`${texts.length} texts, ${exceptions.length} exceptions of scan (engine.ts:${scanStart + 1}–${scanEnd + 1})`);
for (const i of exceptions) {
  const mutated = [...source];
  mutated[i] = mutated[i]!.replace(/\bcontinue;/u, "{}");
  const got = outcomes(copyWith(mutated));
  let ifLine = i;
  while (ifLine > scanStart && !/\bif \(/u.test(source[ifLine]!)) ifLine--;
  const changed = texts
    .map((t, k) => (got[k] !== base[k] ? `${base[k]} → ${got[k]}: ${t.replace(/\n/gu, "⏎")}` : ""))
    .filter(Boolean)
    .sort((a, b) => a.length - b.length);
  console.log(`engine.ts:${ifLine + 1} ${source[ifLine]!.trim().slice(0, 90)}`);
  console.log(
    changed.length
      ? `  ${changed.length} texts depend on it, e.g.\n    ${changed.slice(0, 3).join("\n    ")}`
      : "  no text depends on it alone",
  );
}
rmSync(work, { recursive: true, force: true });
