// `npm run verify:public -- <what> …` — the outsider's verifier: it needs no
// database and no account, only the platform's public URLs or files downloaded
// from them. Every check is re-implementable from docs/decisions/023-merkle-log.md
// (the code it runs is app/lib/merkle.ts and app/lib/audit-public.ts: node:crypto only).
//
//   <what> is any number of:
//     https://host                 fetch and check every checkpoint, and the consistency of each with the next
//     checkpoints.json             a downloaded feed (/audit/checkpoints.json, every page merged or one page)
//     inclusion.json               a downloaded /audit/inclusion.json answer
//     consistency.json             a downloaded /audit/consistency.json answer
//     draw.json                    a downloaded /announcements/:id/draw.json
//   --event <hash | id | type:id:seq>   with a URL: fetch and check the inclusion proof of that event
//   --draw <announcement id>            with a URL: fetch and check that draw record
//   --saved <checkpoints.json>          checkpoints you kept earlier: each must still be published unchanged,
//                                       and (with a URL) the log must be consistent from it to the newest
//   --out <file>                        write the checkpoint feed fetched to a file, to pass as --saved later
//
// Prints each check; exits 0 when everything verified, 1 otherwise.
import { readFileSync, writeFileSync } from "node:fs";
import {
  checkCheckpoint,
  checkCheckpointList,
  treeHead,
  verifyConsistencyDocument,
  verifyInclusionDocument,
  type ConsistencyDocument,
  type InclusionDocument,
  type PublishedCheckpoint,
  type PublishedKey,
} from "~/lib/audit-public";
import { drawCommitment, drawKey, verifyDraw } from "~/services/requests/selection";

type Feed = { checkpoints: PublishedCheckpoint[]; keys: PublishedKey[] };

let failures = 0;
const ok = (what: string) => console.log(`  ok    ${what}`);
const fail = (what: string, problems: string[]) => {
  failures++;
  console.log(`  FAIL  ${what}`);
  for (const p of problems) console.log(`          - ${p}`);
};
const report = (what: string, problems: string[]) => (problems.length ? fail(what, problems) : ok(what));

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}${body && typeof body === "object" ? ` ${JSON.stringify(body)}` : ""}`);
  return body;
}

/** Every page of the feed, merged (oldest first). */
async function fetchFeed(base: string): Promise<Feed> {
  const first = (await getJson(`${base}/audit/checkpoints.json?page=1`)) as Feed & { pages: number };
  const all = [...first.checkpoints];
  for (let p = 2; p <= first.pages; p++) all.push(...((await getJson(`${base}/audit/checkpoints.json?page=${p}`)) as Feed).checkpoints);
  return { checkpoints: byId(all), keys: first.keys };
}

const byId = (list: PublishedCheckpoint[]) => [...list].sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));

function mergeFeeds(feeds: Feed[]): Feed {
  const cps = new Map<string, PublishedCheckpoint>();
  const keys = new Map<string, PublishedKey>();
  for (const f of feeds) {
    for (const c of f.checkpoints) cps.set(c.id, c);
    for (const k of f.keys) keys.set(k.keyId, k);
  }
  return { checkpoints: byId([...cps.values()]), keys: [...keys.values()] };
}

function checkFeed(feed: Feed, where: string) {
  console.log(`\nCheckpoints from ${where}: ${feed.checkpoints.length}, keys ${feed.keys.map((k) => k.keyId).join(", ") || "(none)"}`);
  const signed = feed.checkpoints.filter((c) => c.signature);
  report(
    `${signed.length} signed checkpoint(s): signatures, key ids, statements, tree sizes never shrink`,
    checkCheckpointList(feed.checkpoints, feed.keys),
  );
}

/** Consecutive signed tree heads of different sizes: one consistency proof each (together they chain oldest → newest). */
async function checkConsistencyChain(base: string, feed: Feed) {
  const heads = feed.checkpoints.filter((c) => treeHead(c) !== null);
  const sizes = [...new Set(heads.map((c) => treeHead(c)!.treeSize))].sort((a, b) => a - b);
  const pairs = sizes.slice(1).map((s, i) => [sizes[i]!, s] as const);
  console.log(`\nConsistency of ${sizes.length} distinct tree size(s): ${pairs.length} proof(s)`);
  const problems: string[] = [];
  for (const [a, b] of pairs) {
    const doc = (await getJson(`${base}/audit/consistency.json?first=${a}&second=${b}`)) as ConsistencyDocument;
    problems.push(...verifyConsistencyDocument(doc, feed.keys).map((p) => `${a} → ${b}: ${p}`), ...sameAsFeed(doc, feed));
  }
  report(`every signed tree extends the one before it (${pairs.length} proof(s))`, problems);
  // Several checkpoints of one size must sign the same root.
  const bySize = new Map<number, string>();
  const dup: string[] = [];
  for (const c of heads) {
    const h = treeHead(c)!;
    const seen = bySize.get(h.treeSize);
    if (seen && seen !== h.root) dup.push(`two checkpoints signed different roots for ${h.treeSize} events (one is checkpoint ${c.id})`);
    bySize.set(h.treeSize, h.root);
  }
  if (dup.length) fail("checkpoints of equal size agree", dup);
}

/** A proof's checkpoints must be the ones the feed publishes (same statement and signature). */
function sameAsFeed(
  doc: { firstCheckpoint?: PublishedCheckpoint; secondCheckpoint?: PublishedCheckpoint; checkpoint?: PublishedCheckpoint },
  feed: Feed,
) {
  const out: string[] = [];
  for (const c of [doc.firstCheckpoint, doc.secondCheckpoint, doc.checkpoint]) {
    if (!c) continue;
    const published = feed.checkpoints.find((p) => p.id === c.id);
    if (published && (published.statement !== c.statement || published.signature !== c.signature))
      out.push(`the proof's checkpoint ${c.id} differs from the published checkpoint ${c.id}`);
  }
  return out;
}

function checkSaved(saved: Feed, current: Feed) {
  console.log(`\nCheckpoints you kept: ${saved.checkpoints.length}`);
  const problems: string[] = [];
  for (const old of saved.checkpoints) {
    const now = current.checkpoints.find((c) => c.id === old.id);
    if (!now) problems.push(`checkpoint ${old.id} (${old.createdAt}) is no longer published`);
    else if (now.statement !== old.statement || now.signature !== old.signature)
      problems.push(`checkpoint ${old.id} (${old.createdAt}) was replaced: it signed another statement then`);
  }
  const keys = mergeFeeds([saved, current]).keys;
  for (const old of saved.checkpoints) problems.push(...checkCheckpoint(old, keys).problems.filter((p) => !p.endsWith(": unsigned")));
  report("every checkpoint you kept is still published, unchanged, with a valid signature", problems);
}

async function checkSavedConsistency(base: string, saved: Feed, current: Feed) {
  const newest = current.checkpoints
    .map(treeHead)
    .filter((h) => h !== null)
    .at(-1);
  if (!newest) return;
  const sizes = [
    ...new Set(
      saved.checkpoints
        .map(treeHead)
        .filter((h) => h !== null)
        .map((h) => h.treeSize),
    ),
  ];
  const problems: string[] = [];
  const keys = mergeFeeds([saved, current]).keys;
  for (const s of sizes) {
    const doc = (await getJson(`${base}/audit/consistency.json?first=${s}`)) as ConsistencyDocument;
    // The first tree head must be the one you kept, not whatever the server says now.
    const kept = saved.checkpoints.find((c) => treeHead(c)?.treeSize === s)!;
    const proof = { ...doc, firstCheckpoint: kept };
    problems.push(...verifyConsistencyDocument(proof, keys).map((p) => `from your ${s}: ${p}`));
  }
  report(`the newest log (${newest.treeSize} events) extends every tree you kept (${sizes.length} size(s))`, problems);
}

function checkInclusion(doc: InclusionDocument, keys: PublishedKey[], where: string, feed?: Feed) {
  const problems = [...verifyInclusionDocument(doc, keys), ...(feed ? sameAsFeed(doc, feed) : [])];
  report(
    `${where}: event ${String(doc.eventHash).slice(0, 16)}… is leaf ${doc.leafIndex} of the signed tree of ${doc.treeSize} events`,
    problems,
  );
}

type DrawRecord = {
  commitment: string;
  seed: string;
  entrants: string[];
  ranking: { rank: number; agencyId: string; key?: string }[];
  announcementId?: string;
  publishedAt?: string;
  commitmentPublishedAt?: string | null;
};

function checkDraw(d: DrawRecord, where: string) {
  const problems: string[] = [];
  if (typeof d.seed !== "string" || typeof d.commitment !== "string" || !Array.isArray(d.entrants) || !Array.isArray(d.ranking)) {
    return fail(`${where}: draw record`, ["need commitment, seed, entrants and ranking"]);
  }
  if (drawCommitment(d.seed) !== d.commitment) problems.push("SHA-256(seed text) is not the commitment");
  if (d.commitmentPublishedAt && d.publishedAt && !(d.commitmentPublishedAt < d.publishedAt))
    problems.push("the commitment was not published before the seed was revealed");
  d.ranking.forEach((r, i) => {
    if (r.rank !== i + 1) problems.push(`ranking entry ${i + 1} says rank ${r.rank}`);
    if (r.key !== undefined && r.key !== drawKey(d.seed, r.agencyId))
      problems.push(`the key shown for ${r.agencyId} is not SHA-256(seed ‖ agencyId)`);
  });
  const result = verifyDraw({ commitment: d.commitment, seed: d.seed, entrants: d.entrants, ranking: d.ranking.map((r) => r.agencyId) });
  problems.push(...result.problems.filter((p) => !p.startsWith("seed does not match")));
  report(`${where}: draw of ${d.entrants.length} entrant(s), ranking follows from the committed seed`, problems);
}

// ---- arguments ----
const args = process.argv.slice(2);
if (args.length === 0 || args.includes("--help") || args.includes("-h")) {
  console.log(
    readFileSync(new URL(import.meta.url), "utf8")
      .split("\n")
      .filter((l) => l.startsWith("//"))
      .map((l) => l.slice(3))
      .join("\n"),
  );
  process.exit(args.length ? 0 : 1);
}
const urls: string[] = [];
const files: string[] = [];
const events: string[] = [];
const draws: string[] = [];
let savedFile: string | null = null;
let outFile: string | null = null;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  const next = () => args[++i] ?? (console.error(`${a} needs a value`), process.exit(1));
  if (a === "--event") events.push(next());
  else if (a === "--draw") draws.push(next());
  else if (a === "--saved") savedFile = next();
  else if (a === "--out") outFile = next();
  else if (/^https?:\/\//.test(a)) urls.push(a.replace(/\/+$/, ""));
  else files.push(a);
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));
const isFeed = (x: unknown): x is Feed => !!x && typeof x === "object" && Array.isArray((x as Feed).checkpoints);

try {
  const feeds: Feed[] = [];
  const docs: { file: string; body: unknown }[] = files.map((file) => ({ file, body: readJson(file) }));
  for (const d of docs) if (isFeed(d.body)) feeds.push(d.body);
  for (const base of urls) {
    const feed = await fetchFeed(base);
    checkFeed(feed, base);
    await checkConsistencyChain(base, feed);
    feeds.push(feed);
    if (outFile) writeFileSync(outFile, JSON.stringify(feed, null, 2));
    for (const e of events) {
      const parts = e.split(":");
      const q = /^[0-9a-f]{64}$/.test(e)
        ? `hash=${e}`
        : /^\d+$/.test(e)
          ? `event=${e}`
          : `aggregate=${encodeURIComponent(parts.slice(0, -1).join(":"))}&seq=${parts.at(-1)}`;
      checkInclusion((await getJson(`${base}/audit/inclusion.json?${q}`)) as InclusionDocument, feed.keys, `${base} event ${e}`, feed);
    }
    for (const id of draws)
      checkDraw((await getJson(`${base}/announcements/${encodeURIComponent(id)}/draw.json`)) as DrawRecord, `${base} announcement ${id}`);
  }
  const merged = mergeFeeds(feeds);
  for (const d of docs) {
    if (isFeed(d.body)) {
      if (!urls.length) checkFeed(d.body, d.file);
      continue;
    }
    const b = d.body as Record<string, unknown>;
    if ("leafIndex" in b) checkInclusion(b as unknown as InclusionDocument, merged.keys, d.file, feeds.length ? merged : undefined);
    else if ("first" in b && "second" in b) {
      console.log(`\n${d.file}`);
      const doc = b as unknown as ConsistencyDocument;
      report(`consistency ${doc.first} → ${doc.second}`, [...verifyConsistencyDocument(doc, merged.keys), ...sameAsFeed(doc, merged)]);
    } else if ("seed" in b && "commitment" in b) checkDraw(b as unknown as DrawRecord, d.file);
    else fail(d.file, ["not a checkpoint feed, proof or draw record"]);
  }
  if (savedFile) {
    const saved = readJson(savedFile);
    if (!isFeed(saved)) fail(savedFile, ["not a checkpoint feed"]);
    else {
      const current = mergeFeeds(feeds.filter((f) => f !== saved));
      checkSaved(saved, current);
      for (const base of urls) await checkSavedConsistency(base, saved, current);
    }
  }
  if (feeds.length === 0 && docs.some((d) => !isFeed(d.body)) && merged.keys.length === 0)
    console.log("\n(no checkpoint feed given: signatures were checked against no published key — pass the feed too)");
} catch (error) {
  fail("reading the public record", [(error as Error).message]);
}

console.log(failures ? `\nFAILED: ${failures} check(s) failed.` : "\nOK: everything verified.");
process.exit(failures ? 1 : 0);
