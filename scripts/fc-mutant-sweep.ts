// Runs each mutant a Stryker run of the fair-competition engine left alive (Survived or NoCoverage) over the labelled
// corpus, and names the texts that notice it: the harness scores without the corpus (docs/mutation-testing.md), so a
// mutant only a corpus text kills counts as survived there. Used for structure.ts in the fourteenth round.
//
//   node --no-regexp-tier-up --import tsx scripts/fc-mutant-sweep.ts --report=reports/mutation/fc/mutation.json [--from=N] [--to=N]
//
// For structure.ts a text notices a mutant when the detector's findings change the way a test would see it: a
// restrictive text loses its category, or an ordinary text the detector left alone gets a finding. For
// engine.ts, when the review's outcome changes. Each mutant is applied to the source the report measured (kept in the
// report), in a copy of the engine's files under node_modules/.cache, re-imported per mutant (≈ 2 s each for
// structure.ts). Prints one JSON line per mutant: its place, the mutator, and up to three of the shortest texts that
// notice it. A mutant that hangs stops the run: resume with --from.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

type Mutant = {
  status: string;
  mutatorName: string;
  replacement?: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
};
type Report = { files: Record<string, { source: string; mutants: Mutant[] }> };
type Entry = { label: string; text: string };

const root = path.resolve(import.meta.dirname, "..");
const dir = path.join(root, "app/services/fair-competition");
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const reportPath = arg("report");
if (!reportPath) {
  console.error("usage: scripts/fc-mutant-sweep.ts --report=reports/mutation/fc/mutation.json [--from=N] [--to=N]");
  process.exit(2);
}
const report = JSON.parse(readFileSync(reportPath, "utf8")) as Report;
const [fileName, measured] = Object.entries(report.files)[0]!;
const base = path.basename(fileName);
if (base !== "structure.ts" && base !== "engine.ts") {
  console.error(`${base}: only structure.ts and engine.ts are swept (the others are loaded once, through the engine)`);
  process.exit(2);
}
if (readFileSync(path.join(dir, base), "utf8") !== measured.source)
  console.error(`note: ${base} changed since the report; the mutants are applied to the source the report measured`);
const alive = measured.mutants.filter((m) => m.status === "Survived" || m.status === "NoCoverage");
const from = Number(arg("from") ?? 0);
const to = Math.min(Number(arg("to") ?? alive.length), alive.length);

const corpusModule = (await import(path.join(dir, "corpus.ts"))) as Record<string, unknown>;
const seen = new Set<string>();
const corpus: Entry[] = [];
for (const v of Object.values(corpusModule))
  if (Array.isArray(v))
    for (const e of v as Entry[])
      if (!seen.has(e.text)) {
        seen.add(e.text);
        corpus.push(e);
      }

// inside node_modules/.cache so that the copy resolves the same packages (opencc-js) as the engine
mkdirSync(path.join(root, "node_modules/.cache"), { recursive: true });
const work = mkdtempSync(path.join(root, "node_modules/.cache/fc-mutant-sweep-"));
const absolute = (text: string) => text.replace(/from "~\//gu, `from "${path.join(root, "app")}/`);
for (const f of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "corpus.ts"))
  writeFileSync(path.join(work, f), absolute(f === base ? measured.source : readFileSync(path.join(dir, f), "utf8")));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

type Engine = typeof import("../app/services/fair-competition/engine");
type Structure = typeof import("../app/services/fair-competition/structure");
const { normalise } = (await import(path.join(work, "normalise.ts"))) as typeof import("../app/services/fair-competition/normalise");
const { maskPlaces } = (await import(path.join(work, "places.ts"))) as typeof import("../app/services/fair-competition/places");
const prepared = corpus.map((e) => {
  const plain = normalise(e.text).text;
  return { ...e, plain, masked: maskPlaces(plain) };
});

/** Each text's findings (structure.ts) or outcome (engine.ts), with the mutated file's source `source`. */
async function signatures(source: string, tag: string): Promise<string[]> {
  if (base === "structure.ts") {
    // a file of its own per mutant: tsx keeps what it compiled of a path under node_modules
    const file = path.join(work, `structure-${tag}.ts`);
    writeFileSync(file, absolute(source));
    const s = (await import(file)) as Structure;
    return prepared.map((e) => {
      try {
        return s
          .structuralFindings(e.masked, e.plain)
          .map((f) => f.category)
          .sort()
          .join(",");
      } catch {
        return "THROWS";
      }
    });
  }
  // engine.ts: a fresh file per mutant (its own imports stay loaded once)
  const file = path.join(work, `engine-${tag}.ts`);
  writeFileSync(file, absolute(source));
  const e = (await import(file)) as Engine;
  return prepared.map((p) => {
    try {
      return e.reviewFairCompetition({ text: p.text }).outcome;
    } catch {
      return "THROWS";
    }
  });
}

const lines = measured.source.split("\n");
const offsetOf = (l: number, c: number) => lines.slice(0, l - 1).reduce((a, s) => a + s.length + 1, 0) + c - 1;
const before = await signatures(measured.source, "base");
for (let i = from; i < to; i++) {
  const m = alive[i]!;
  const start = offsetOf(m.location.start.line, m.location.start.column);
  const end = offsetOf(m.location.end.line, m.location.end.column);
  const after = await signatures(measured.source.slice(0, start) + (m.replacement ?? "") + measured.source.slice(end), String(i));
  const notice = prepared
    .map((p, k) => ({ label: p.label, text: p.text, before: before[k]!, after: after[k]! }))
    .filter((d) =>
      base === "structure.ts"
        ? d.label === "ordinary"
          ? d.before === "" && d.after !== ""
          : d.before.split(",").includes(d.label) && !d.after.split(",").includes(d.label)
        : d.before !== d.after,
    )
    .sort((a, b) => a.text.length - b.text.length);
  console.log(
    JSON.stringify({
      i,
      at: `${base}:${m.location.start.line}:${m.location.start.column}`,
      mutator: m.mutatorName,
      replacement: (m.replacement ?? "").slice(0, 80),
      noticedBy: notice.length,
      texts: notice.slice(0, 3).map(({ label, text }) => ({ label, text })),
    }),
  );
}
