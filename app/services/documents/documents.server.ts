import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { Db } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { uploadsDir } from "~/lib/env.server";
import { DomainError } from "~/lib/errors";

/** Largest accepted document: 5 MiB. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Multipart overhead allowed on top of the file (the other form fields, boundaries). */
export const MAX_FORM_OVERHEAD_BYTES = 64 * 1024;

export const ACCEPTED_MIME = ["application/pdf", "image/jpeg", "image/png"] as const;
export type AcceptedMime = (typeof ACCEPTED_MIME)[number];

const MAX_NAME_CHARS = 200;

const SIGNATURES: { mime: AcceptedMime; magic: number[] }[] = [
  { mime: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  { mime: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/**
 * The file's type from its first bytes. The name and the browser's
 * Content-Type are never consulted: both are chosen by the uploader.
 */
export function sniffMime(bytes: Uint8Array): AcceptedMime | null {
  for (const { mime, magic } of SIGNATURES) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return mime;
  }
  return null;
}

export const uploadErrors = {
  tooLarge: () =>
    new DomainError("FILE_TOO_LARGE", 413, "agencyProfile.errors.fileTooLarge", "document", { mb: MAX_UPLOAD_BYTES / 1024 / 1024 }),
  wrongType: () => new DomainError("FILE_TYPE", 415, "agencyProfile.errors.fileType", "document"),
  empty: () => new DomainError("FILE_EMPTY", 400, "agencyProfile.errors.fileEmpty", "document"),
  activeContent: () => new DomainError("FILE_ACTIVE_CONTENT", 415, "agencyProfile.errors.fileActiveContent", "document"),
};

/**
 * Markup a browser would render or run if it ever took the file for a web page
 * (a "%PDF-" header followed by <html><script> is a valid PDF to our magic-byte
 * check and a valid page to an HTML parser), and PDF's own active content.
 * A scanned certificate, a photo or a report has no reason to carry either.
 * Binary image data matches these ASCII words only by a ~2^-56 chance per offset.
 */
const ACTIVE_CONTENT =
  /<\s*(?:!doctype\s+html|html|head|body|script|iframe|frame|object|embed|svg|img|meta|link|style|form|base)\b|\/(?:JavaScript|JS|Launch|EmbeddedFile|RichMedia)\b|javascript:/i;

/** True when the bytes carry HTML/XML markup or PDF scripts (see ACTIVE_CONTENT). */
export function hasActiveContent(bytes: Uint8Array): boolean {
  // latin1 maps every byte to one char, so offsets and ASCII words survive binary data.
  return ACTIVE_CONTENT.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"));
}

/** Size, type and content checks on bytes already in memory; returns the sniffed type. */
export function checkUpload(bytes: Uint8Array): AcceptedMime {
  if (bytes.length === 0) throw uploadErrors.empty();
  if (bytes.length > MAX_UPLOAD_BYTES) throw uploadErrors.tooLarge();
  const mime = sniffMime(bytes);
  if (!mime) throw uploadErrors.wrongType();
  if (hasActiveContent(bytes)) throw uploadErrors.activeContent();
  return mime;
}

/**
 * Checks a File without storing it (the form shows every error at once).
 * The size is checked before the bytes are read.
 */
export async function inspectUpload(file: File): Promise<AcceptedMime> {
  if (file.size > MAX_UPLOAD_BYTES) throw uploadErrors.tooLarge();
  if (file.size === 0) throw uploadErrors.empty();
  return checkUpload(new Uint8Array(await file.arrayBuffer()));
}

/** A form's file input with nothing chosen arrives as an empty, nameless File (or not at all). */
export function chosenFile(value: FormDataEntryValue | null): File | null {
  if (!value || typeof value === "string") return null;
  if (value.size === 0 && !value.name) return null;
  return value;
}

/** The uploader's file name, for display only: no path, no control characters, at most 200 characters. */
export function cleanOriginalName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  // C0 and C1 control characters.
  // eslint-disable-next-line no-control-regex
  const controls = /[\u0000-\u001f\u007f-\u009f]/g;
  const clean = base.normalize("NFC").replace(controls, "").trim();
  return Array.from(clean || "document")
    .slice(0, MAX_NAME_CHARS)
    .join("");
}

const KEY_PATTERN = /^[0-9a-f]{32}$/;

/** uploadsDir()/<first 2 hex chars>/<32-hex key>. Refuses anything that is not a key we made. */
export function storagePath(storageKey: string): string {
  if (!KEY_PATTERN.test(storageKey)) throw new Error("Invalid storage key");
  return path.join(uploadsDir(), storageKey.slice(0, 2), storageKey);
}

/** Deletes a stored file (used to clean up when the transaction that stored it fails). */
export async function removeStoredFile(storageKey: string): Promise<void> {
  await rm(storagePath(storageKey), { force: true });
}

export type StoreUploadInput = { file: File; ownerOrgId: string; kind: string; uploadedById?: string | null };

/**
 * Checks and stores an uploaded file outside the web root and records it.
 * Accepts only PDF, JPEG and PNG (by magic bytes), 1 byte to 5 MiB.
 * Works with a transaction client too; a caller whose transaction later
 * fails should call removeStoredFile(document.storageKey).
 */
export async function storeUpload(db: Db | Prisma.TransactionClient, input: StoreUploadInput) {
  const { file } = input;
  if (file.size > MAX_UPLOAD_BYTES) throw uploadErrors.tooLarge();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const mime = checkUpload(bytes);
  const storageKey = randomBytes(16).toString("hex");
  const target = storagePath(storageKey);
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  // "wx": never overwrite (a key collision is astronomically unlikely, but must not clobber a file).
  await writeFile(target, bytes, { mode: 0o600, flag: "wx" });
  try {
    return await db.document.create({
      data: {
        ownerOrgId: input.ownerOrgId,
        kind: input.kind,
        storageKey,
        mime,
        size: bytes.length,
        originalName: cleanOriginalName(file.name),
        sha256: createHash("sha256").update(bytes).digest("hex"),
        uploadedById: input.uploadedById ?? null,
      },
    });
  } catch (error) {
    await rm(target, { force: true });
    throw error;
  }
}

/**
 * Reads a (multipart) form body with a hard byte cap, so an oversized upload is
 * refused with 413 before it is buffered: first by Content-Length, then by
 * counting while reading (a chunked body has no length to trust).
 */
export async function readUploadForm(request: Request, limit = MAX_UPLOAD_BYTES + MAX_FORM_OVERHEAD_BYTES): Promise<FormData> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw uploadErrors.tooLarge();
  const contentType = request.headers.get("content-type") ?? "";
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel().catch(() => undefined);
        throw uploadErrors.tooLarge();
      }
      chunks.push(value);
    }
  }
  try {
    return await new Response(Buffer.concat(chunks), { headers: { "Content-Type": contentType } }).formData();
  } catch {
    throw new DomainError("BAD_FORM", 400, "agencyProfile.errors.badForm");
  }
}

/**
 * RFC 6266 Content-Disposition for a download: always "attachment" (a user's
 * file is never rendered in our origin), an ASCII fallback `filename` for old
 * clients and the exact name as an RFC 5987 `filename*`.
 */
export function contentDisposition(originalName: string): string {
  const encoded = encodeURIComponent(originalName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const ascii = originalName.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Headers of every user-file response. The browser downloads the file
 * (attachment) and, should it ever render it anyway (a PDF viewer, a
 * misbehaving client), the CSP sandbox gives it an opaque origin with no
 * scripts, forms or plugins. X-Content-Type-Options is not set here:
 * scripts/server.mjs sends it on every response, and a second copy would
 * be appended by the React Router adapter (the header must appear once).
 */
export const FILE_SECURITY_HEADERS = {
  "Content-Security-Policy": "sandbox; default-src 'none'",
  "Cache-Control": "private, no-store",
} as const;

/** The stored file's size on disk, or null when it is missing. */
export async function storedFileSize(storageKey: string): Promise<number | null> {
  try {
    return (await stat(storagePath(storageKey))).size;
  } catch {
    return null;
  }
}

/** Plain-text error answers for the file routes (never cached). */
export function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
}

/** Ids we generate (uuid v7): anything else never reaches the database or the disk. */
export const DOCUMENT_ID_PATTERN = /^[0-9a-f-]{1,64}$/i;

/**
 * Streams a stored file as a download with its sniffed type, sandboxed and
 * never cached. The caller has already checked access.
 */
export async function fileResponse(doc: { storageKey: string; mime: string; originalName: string }): Promise<Response> {
  const size = await storedFileSize(doc.storageKey);
  if (size === null) return plainResponse(404, "Not Found");
  const body = Readable.toWeb(createReadStream(storagePath(doc.storageKey))) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": doc.mime,
      "Content-Length": String(size),
      "Content-Disposition": contentDisposition(doc.originalName),
      ...FILE_SECURITY_HEADERS,
    },
  });
}

/** The files chosen in a (multiple) file input: empty entries dropped. */
export function chosenFiles(values: FormDataEntryValue[]): File[] {
  return values.map(chosenFile).filter((f): f is File => f !== null);
}

/**
 * Checks several files before anything is stored: at most `max` of them, each
 * one passing the same rules as every upload (inspectUpload). A refusal names
 * `field`, the form's file input.
 */
export async function inspectUploads(files: File[], field: string, max: number): Promise<void> {
  if (files.length > max) throw new DomainError("TOO_MANY_FILES", 400, "contractFiles.errors.tooManyFiles", field, { max });
  for (const file of files) {
    try {
      await inspectUpload(file);
    } catch (error) {
      if (error instanceof DomainError) throw new DomainError(error.code, error.status, error.message, field, error.params);
      throw error;
    }
  }
}
