// `npm run verify:draw -- <announcement id | request id | path/to/draw.json | https://…/draw.json>`
//
// Recomputes a random draw (随机抽取) from its public data: checks that the seed
// matches the commitment published at opening, recomputes every entrant's key
// SHA-256(seed ‖ agencyId) and the ranking, and compares it with the published
// ranking. Prints OK (exit 0) or FAILED (exit 1, also when nothing verifiable is found).
//
// An inspection plan's record (/inspections/:id/draw.json, decision 030) is recognised by its
// inspectorPool and checked with verifyInspectionDraw: seed ↔ commitment, weights ↔ the
// published table, the weighted draw of agencies and inspectors and the pairs.
//
// A JSON file holds { commitment, seed, entrants, ranking } where entrants and
// ranking are agency ids (ranking entries may also be objects with agencyId),
// or the whole `data` of an AWARD announcement ({ draw: {...}, ranking: [...] }).
import { existsSync, readFileSync } from "node:fs";
import { drawCommitment, drawKey, verifyDraw, type DrawAnnouncement } from "~/services/requests/selection";
import { verifyInspectionDraw, type InspectionDrawRecord } from "~/services/inspections/draw";

/** An inspection plan's draw.json: verified on its own terms, then exit. */
function verifyInspectionRecord(data: unknown, source: string): never {
  const r = data as InspectionDrawRecord;
  if (typeof r.seed !== "string" || !r.draw) {
    console.error(`FAILED: ${source}: the plan has not been drawn yet (the seed is published at the draw)`);
    process.exit(1);
  }
  console.log(`Inspection plan draw from ${source}`);
  console.log(`commitment  ${r.commitment}`);
  console.log(`seed        ${r.seed}`);
  console.log(`weights     ${JSON.stringify(r.weights)}`);
  r.draw.agencies.forEach((a) => console.log(`${String(a.position).padStart(3)}. ${a.agencyId}  inspectors ${a.inspectorIds.join(", ")}`));
  const result = verifyInspectionDraw(r);
  if (result.ok) {
    console.log("\nOK: the drawn agencies and inspectors follow from the committed seed, the lists and the weights.");
    process.exit(0);
  }
  console.log(`\nFAILED:\n${result.problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}

const isInspectionRecord = (data: unknown) =>
  !!data && typeof data === "object" && Array.isArray((data as Record<string, unknown>).inspectorPool);

type Loaded = { source: string; draw: DrawAnnouncement; names: Map<string, string> };

function fromData(data: unknown, source: string): Loaded | string {
  const d = (data && typeof data === "object" ? data : {}) as Record<string, unknown>;
  const inner = d.draw && typeof d.draw === "object" ? (d.draw as Record<string, unknown>) : d;
  const rankingRaw = Array.isArray(d.ranking) ? d.ranking : Array.isArray(inner.ranking) ? inner.ranking : [];
  const names = new Map<string, string>();
  const ranking = rankingRaw.map((r: unknown) => {
    if (typeof r === "string") return r;
    const o = (r ?? {}) as { agencyId?: unknown; agencyName?: unknown };
    if (typeof o.agencyId === "string" && typeof o.agencyName === "string") names.set(o.agencyId, o.agencyName);
    return typeof o.agencyId === "string" ? o.agencyId : "";
  });
  const { commitment, seed, entrants } = inner;
  if (typeof commitment !== "string" || typeof seed !== "string" || !Array.isArray(entrants)) {
    return `${source}: no random draw here (need commitment, seed, entrants, ranking)`;
  }
  return { source, draw: { commitment, seed, entrants: entrants.map(String), ranking }, names };
}

async function load(arg: string): Promise<Loaded | string> {
  if (/^https?:\/\//.test(arg)) {
    // The published record itself (/announcements/:id/draw.json): no database needed.
    try {
      const res = await fetch(arg, { headers: { Accept: "application/json" } });
      if (!res.ok) return `${arg}: HTTP ${res.status}`;
      const json: unknown = await res.json();
      if (isInspectionRecord(json)) verifyInspectionRecord(json, arg);
      return fromData(json, arg);
    } catch (error) {
      return `${arg}: ${(error as Error).message}`;
    }
  }
  if (existsSync(arg)) {
    try {
      const json: unknown = JSON.parse(readFileSync(arg, "utf8"));
      if (isInspectionRecord(json)) verifyInspectionRecord(json, arg);
      return fromData(json, arg);
    } catch (error) {
      return `${arg}: not valid JSON (${(error as Error).message})`;
    }
  }
  if (arg.toLowerCase().endsWith(".json")) return `${arg}: no such file`;
  // The embedded database has one owner at a time: stop the app first, or pass a JSON file.
  const { closeDb, getDb } = await import("~/db/client.server");
  try {
    const db = await getDb();
    // An announcement id, or a request id (its first award announcement, the one with the draw).
    const ann =
      (await db.announcement.findUnique({ where: { id: arg }, select: { id: true, title: true, data: true } })) ??
      (await db.announcement.findFirst({
        where: { entityType: "request", entityId: arg, kind: "AWARD" },
        orderBy: { publishedAt: "asc" },
        select: { id: true, title: true, data: true },
      }));
    if (!ann) return `${arg}: no such announcement, request or file`;
    return fromData(ann.data, `announcement ${ann.id} (${ann.title})`);
  } finally {
    await closeDb();
  }
}

const arg = process.argv[2];
if (!arg || arg === "--help" || arg === "-h") {
  console.log("usage: npm run verify:draw -- <announcement id | request id | draw.json | https://host/announcements/<id>/draw.json>");
  process.exit(arg ? 0 : 1);
}

const loaded = await load(arg);
if (typeof loaded === "string") {
  console.error(`FAILED: ${loaded}`);
  process.exit(1);
}
const { draw, names, source } = loaded;
console.log(`Draw from ${source}`);
console.log(`commitment  ${draw.commitment}`);
console.log(`seed        ${draw.seed}`);
console.log(`SHA-256(seed) ${drawCommitment(draw.seed) === draw.commitment ? "matches" : "DOES NOT match"} the commitment`);
console.log(`\nRecomputed ranking of ${draw.entrants.length} entrant(s), by SHA-256(seed ‖ agencyId):`);
const recomputed = draw.entrants
  .map((id) => ({ id, key: drawKey(draw.seed, id) }))
  .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
recomputed.forEach((e, i) => {
  const published = draw.ranking[i];
  const mark = published === e.id ? "" : `   ≠ published: ${published ?? "(none)"}`;
  console.log(`${String(i + 1).padStart(3)}. ${e.id}  ${e.key}${names.get(e.id) ? `  ${names.get(e.id)}` : ""}${mark}`);
});
const result = verifyDraw(draw);
if (result.ok) {
  console.log("\nOK: the published ranking follows from the committed seed and the entrant list.");
  process.exit(0);
}
console.log(`\nFAILED:\n${result.problems.map((p) => `  - ${p}`).join("\n")}`);
process.exit(1);
