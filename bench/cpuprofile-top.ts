/**
 * The top frames of a V8 CPU profile (`node --cpu-prof`, e.g. from
 * `bench/bids.ts --cpu-prof=DIR`), by self time and by inclusive time.
 *
 *   node --import tsx bench/cpuprofile-top.ts DIR/CPU.*.cpuprofile [--top=25] [--group=package]
 *
 * Frames are functions (name, file, line); --group=package adds up self time
 * per package / app module instead (node_modules/<pkg>, node:internal, the
 * server bundle, native, GC, idle). Inclusive time counts a function once per
 * sample however deep its recursion. "(idle)" is the event loop waiting: the
 * share of time the process had nothing to do.
 */
import { readFileSync } from "node:fs";
import { option, table } from "./support.ts";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type Node = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const file = process.argv.slice(2).find((a) => !a.startsWith("--"));
if (!file) {
  console.error("usage: bench/cpuprofile-top.ts FILE.cpuprofile [--top=25] [--group=package]");
  process.exit(2);
}
const TOP = option("top", 25);
const byPackage = process.argv.includes("--group=package");
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;

const parent = new Map<number, number>();
const byId = new Map<number, Node>();
for (const n of profile.nodes) {
  byId.set(n.id, n);
  for (const c of n.children ?? []) parent.set(c, n.id);
}

function shortUrl(url: string): string {
  if (!url) return "";
  const nm = url.lastIndexOf("node_modules/");
  if (nm !== -1) return url.slice(nm + 13);
  const b = url.indexOf("/build/");
  if (b !== -1) return url.slice(b + 1);
  return url.replace(/^file:\/\//, "");
}

function packageOf(cf: CallFrame): string {
  const url = cf.url;
  if (!url) return cf.functionName.startsWith("(") ? cf.functionName : "(native)";
  if (url.startsWith("node:")) return "node:internal";
  const nm = url.lastIndexOf("node_modules/");
  if (nm !== -1) {
    const rest = url.slice(nm + 13).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.includes("/build/server/")) return "server bundle";
  return shortUrl(url);
}

const keyOf = (cf: CallFrame) =>
  byPackage ? packageOf(cf) : `${cf.functionName || "(anonymous)"} ${shortUrl(cf.url)}${cf.url ? `:${cf.lineNumber + 1}` : ""}`;

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
let idle = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000; // ms; the delta after a sample is its duration
  const node = byId.get(profile.samples[i]!)!;
  total += dt;
  if (node.callFrame.functionName === "(idle)") idle += dt;
  const k = keyOf(node.callFrame);
  self.set(k, (self.get(k) ?? 0) + dt);
  const seen = new Set<string>();
  for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
    const kk = keyOf(byId.get(id)!.callFrame);
    if (seen.has(kk)) continue;
    seen.add(kk);
    inclusive.set(kk, (inclusive.get(kk) ?? 0) + dt);
  }
}
const busy = total - idle;
const pct = (v: number, of: number) => `${((v / of) * 100).toFixed(1)} %`;
const rows = (m: Map<string, number>) =>
  [...m]
    .filter(([k]) => !k.startsWith("(root)") && !k.startsWith("(idle)"))
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([k, v]) => [k.length > 110 ? k.slice(0, 107) + "…" : k, v.toFixed(0), pct(v, busy)]);

console.log(
  `${file}: ${(total / 1000).toFixed(1)} s sampled, busy ${(busy / 1000).toFixed(1)} s (${pct(busy, total)}), idle ${(idle / 1000).toFixed(1)} s`,
);
console.log(`\nSelf time (top ${TOP}${byPackage ? ", per package" : ""}; % of busy time):\n`);
console.log(table([byPackage ? "package" : "function", "ms", "% busy"], rows(self)));
if (!byPackage) {
  console.log(`\nInclusive time (top ${TOP}; % of busy time):\n`);
  console.log(table(["function", "ms", "% busy"], rows(inclusive)));
}
