import { snapshotFields, type SnapshotField } from "~/schemas/catalogue";

// Pure helpers for catalogue version history: what changed between two
// consecutive CatalogueItemVersion snapshots. No database access here.

export type SnapshotValue = string | number | string[] | null;
export type Snapshot = Record<SnapshotField, SnapshotValue>;
export type FieldChange = { field: SnapshotField; before: SnapshotValue; after: SnapshotValue };

function value(raw: unknown): SnapshotValue {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === "string" || typeof raw === "number") return raw;
  if (Array.isArray(raw)) return raw.map((x) => (typeof x === "string" ? x : JSON.stringify(x)));
  return JSON.stringify(raw);
}

/**
 * Reads a stored snapshot defensively (it is JSON written by earlier versions
 * of the code). Snapshots from before status was recorded are of items in force.
 */
export function normalizeSnapshot(raw: unknown): Snapshot {
  const obj = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const out = {} as Snapshot;
  for (const f of snapshotFields) out[f] = value(obj[f]);
  out.status ??= "IN_FORCE";
  return out;
}

function same(a: SnapshotValue, b: SnapshotValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Field-by-field changes from `before` to `after`, in display order. */
export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  const a = normalizeSnapshot(before);
  const b = normalizeSnapshot(after);
  return snapshotFields.filter((f) => !same(a[f], b[f])).map((f) => ({ field: f, before: a[f], after: b[f] }));
}

export type VersionRow = { version: number; snapshot: unknown; reason: string; createdAt: Date };
export type VersionEntry = { version: number; reason: string; createdAt: Date; initial: boolean; changes: FieldChange[] };

/**
 * Every version with what changed against the previous one, newest first. The
 * first version (or one whose predecessor is missing) is marked initial.
 */
export function versionHistory(rows: VersionRow[]): VersionEntry[] {
  const sorted = [...rows].sort((x, y) => x.version - y.version);
  const entries = sorted.map((row, i) => {
    const prev = i > 0 ? sorted[i - 1] : undefined;
    const initial = !prev || prev.version !== row.version - 1;
    return {
      version: row.version,
      reason: row.reason,
      createdAt: row.createdAt,
      initial,
      changes: initial ? [] : diffSnapshots(prev.snapshot, row.snapshot),
    };
  });
  return entries.reverse();
}
