import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Validation of our OCDS output against the vendored OCDS 1.1.5 schemas
 * (vendor/ocds-1.1), patched with the extensions we declare (the bids fields we
 * use, our random-draw extension), with ajv in draft-04 mode; and a check of
 * every codelist value against the vendored codelist CSVs.
 */

const VENDOR = path.join(ROOT, "vendor/ocds-1.1");
const readJson = (p: string) => JSON.parse(readFileSync(p, "utf8")) as Record<string, unknown>;

type Schema = Record<string, unknown>;

/** RFC 7386 JSON merge patch (how OCDS extensions patch the release schema). */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    target && typeof target === "object" && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

export const releaseSchema = [
  readJson(path.join(VENDOR, "extensions/bids-subset.json")),
  readJson(path.join(ROOT, "public/ocds/extensions/random_draw/release-schema.json")),
].reduce((s, patch) => mergePatch(s, patch), readJson(path.join(VENDOR, "release-schema.json")) as unknown) as Schema;

function makeAjv() {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(releaseSchema);
  ajv.addSchema(readJson(path.join(VENDOR, "record-schema.json")));
  // Referred to by record-schema.json (versionedRelease); we do not publish versioned releases.
  ajv.addSchema(readJson(path.join(VENDOR, "versioned-release-validation-schema.json")));
  return ajv;
}

const ajv = makeAjv();
const validateReleasePackage = ajv.compile(readJson(path.join(VENDOR, "release-package-schema.json")));
const validateRecordPackage = ajv.compile(readJson(path.join(VENDOR, "record-package-schema.json")));

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((x) => x !== ""));
}

/** Every vendored codelist: file name → its codes. */
export const codelists: Map<string, Set<string>> = (() => {
  const out = new Map<string, Set<string>>();
  const dir = path.join(VENDOR, "codelists");
  for (const file of readdirSync(dir)) {
    const [header, ...rows] = parseCsv(readFileSync(path.join(dir, file), "utf8"));
    const col = header!.indexOf("Code");
    out.set(file, new Set(rows.map((r) => r[col]!)));
  }
  const [, ...ext] = parseCsv(readFileSync(path.join(VENDOR, "extensions/codelists.csv"), "utf8"));
  for (const [file, code] of ext) {
    if (!out.has(file!)) out.set(file!, new Set());
    out.get(file!)!.add(code!);
  }
  return out;
})();

function resolve(schema: Schema): Schema {
  let s = schema;
  while (typeof s.$ref === "string") {
    const ref = s.$ref;
    if (!ref.startsWith("#/definitions/")) throw new Error(`unexpected $ref ${ref}`);
    s = (releaseSchema.definitions as Record<string, Schema>)[ref.slice("#/definitions/".length)]!;
  }
  return s;
}

/**
 * Walks a release along the (patched) release schema and returns every value
 * of a codelist field that is not in its codelist — open codelists included:
 * we publish only codes the standard (or a declared extension) defines.
 */
export function codelistErrors(release: unknown): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  const walk = (schema: Schema, value: unknown, at: string) => {
    const s = resolve(schema);
    if (value === null || value === undefined) return;
    if (typeof s.codelist === "string") {
      const codes = codelists.get(s.codelist);
      if (!codes) errors.push(`${at}: codelist ${s.codelist} is not vendored`);
      const values = Array.isArray(value) ? value : [value];
      for (const v of values) {
        seen.add(`${s.codelist}:${String(v)}`);
        if (codes && !codes.has(String(v))) errors.push(`${at}: "${String(v)}" is not in ${s.codelist}`);
      }
      return;
    }
    if (Array.isArray(value)) {
      const items = s.items as Schema | undefined;
      if (items) value.forEach((v, i) => walk(items, v, `${at}/${i}`));
      return;
    }
    if (typeof value === "object") {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (props[k]) walk(props[k], v, `${at}/${k}`);
        else errors.push(`${at}/${k}: not a field of the release schema or a declared extension`);
      }
    }
  };
  walk(releaseSchema, release, "");
  codesSeen.push(...seen);
  return errors;
}

/** Every codelist:code pair checked so far (a test asserts the interesting ones were exercised). */
export const codesSeen: string[] = [];

export type Pkg = { releases?: unknown[]; records?: { releases: unknown[]; compiledRelease: unknown }[] };

/** Schema errors and codelist errors of a release or record package (both empty when it is valid). */
export function ocdsErrors(pkg: Pkg, kind: "release" | "record"): string[] {
  const validate = kind === "release" ? validateReleasePackage : validateRecordPackage;
  const ok = validate(pkg);
  const errors = ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  const releases = kind === "release" ? (pkg.releases ?? []) : (pkg.records ?? []).flatMap((r) => [...r.releases, r.compiledRelease]);
  for (const r of releases) errors.push(...codelistErrors(r));
  return errors;
}
