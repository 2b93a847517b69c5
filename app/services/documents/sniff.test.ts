import { describe, expect, it } from "vitest";
import { DomainError } from "~/lib/errors";
import {
  checkUpload,
  chosenFile,
  cleanOriginalName,
  contentDisposition,
  hasActiveContent,
  inspectUpload,
  MAX_UPLOAD_BYTES,
  readUploadForm,
  sniffMime,
  storagePath,
} from "./documents.server";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const PDF = new TextEncoder().encode("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
const HTML = new TextEncoder().encode("<!doctype html><script>alert(1)</script>");

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}

describe("active content (a %PDF- header is not enough)", () => {
  const enc = (t: string) => new TextEncoder().encode(t);
  it.each([
    "%PDF-1.4\n<html><script>alert(1)</script></html>",
    "%PDF-1.7\n<!DOCTYPE html><p>x",
    "%PDF-1.4\n< script src=//evil.example/x.js></script>",
    "%PDF-1.4\n<svg onload=alert(1)>",
    "%PDF-1.4\n<iframe src=x>",
    "%PDF-1.4\n<BODY ONLOAD=alert(1)>",
    "%PDF-1.4\n1 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj",
    "%PDF-1.4\n1 0 obj << /OpenAction << /S /Launch /F (cmd.exe) >> >> endobj",
    "%PDF-1.4\n/URI (javascript:alert(1))",
  ])("refuses %j", (text) => {
    expect(hasActiveContent(enc(text))).toBe(true);
    expect(errorOf(() => checkUpload(enc(text)))).toMatchObject({
      code: "FILE_ACTIVE_CONTENT",
      status: 415,
      message: "agencyProfile.errors.fileActiveContent",
    });
  });

  it("accepts plain PDFs, JPEGs and PNGs, including PDF dictionaries, hex strings and XMP metadata", () => {
    expect(checkUpload(PDF)).toBe("application/pdf");
    expect(checkUpload(JPEG)).toBe("image/jpeg");
    expect(checkUpload(PNG)).toBe("image/png");
    const normal = enc(
      "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R /Metadata 3 0 R >> endobj\n4 0 obj <a1b2 c3> endobj\n<?xpacket begin=''?><x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF/></x:xmpmeta>\n/JSON_like /JSmith\n%%EOF",
    );
    expect(hasActiveContent(normal)).toBe(false);
    // Binary noise is not mistaken for markup.
    const noise = new Uint8Array(1 << 20);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    expect(hasActiveContent(noise)).toBe(false);
  });
});

describe("sniffMime", () => {
  it("recognizes PDF, JPEG and PNG by their magic bytes", () => {
    expect(sniffMime(PDF)).toBe("application/pdf");
    expect(sniffMime(JPEG)).toBe("image/jpeg");
    expect(sniffMime(PNG)).toBe("image/png");
  });

  it("refuses anything else, and truncated signatures", () => {
    expect(sniffMime(HTML)).toBeNull();
    expect(sniffMime(new TextEncoder().encode("GIF89a"))).toBeNull();
    expect(sniffMime(new TextEncoder().encode("%PDF"))).toBeNull();
    expect(sniffMime(PNG.slice(0, 7))).toBeNull();
    expect(sniffMime(new TextEncoder().encode(" %PDF-1.4"))).toBeNull();
    expect(sniffMime(new Uint8Array())).toBeNull();
  });
});

describe("inspectUpload (content decides, never the name or the declared type)", () => {
  it("treats a PNG renamed .pdf and declared as PDF as a PNG", async () => {
    const file = new File([PNG], "证书.pdf", { type: "application/pdf" });
    await expect(inspectUpload(file)).resolves.toBe("image/png");
  });

  it("refuses an HTML file named .pdf and declared as PDF with 415", async () => {
    const file = new File([HTML], "scan.pdf", { type: "application/pdf" });
    await expect(inspectUpload(file)).rejects.toMatchObject({
      code: "FILE_TYPE",
      status: 415,
      message: "agencyProfile.errors.fileType",
      field: "document",
    });
  });

  it("refuses an empty file with 400", async () => {
    await expect(inspectUpload(new File([], "empty.pdf"))).rejects.toMatchObject({ code: "FILE_EMPTY", status: 400 });
  });

  it("accepts exactly 5 MiB and refuses one byte more with 413", async () => {
    expect(MAX_UPLOAD_BYTES).toBe(5 * 1024 * 1024);
    const max = new Uint8Array(MAX_UPLOAD_BYTES);
    max.set(PDF);
    expect(checkUpload(max)).toBe("application/pdf");
    const over = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    over.set(PDF);
    expect(errorOf(() => checkUpload(over))).toMatchObject({ code: "FILE_TOO_LARGE", status: 413, params: { mb: 5 } });
    await expect(inspectUpload(new File([over], "big.pdf"))).rejects.toMatchObject({ status: 413 });
  });
});

describe("upload helpers", () => {
  it("treats an untouched file input as no file", () => {
    expect(chosenFile(null)).toBeNull();
    expect(chosenFile("text")).toBeNull();
    expect(chosenFile(new File([], ""))).toBeNull();
    expect(chosenFile(new File([], "empty.pdf"))).not.toBeNull();
  });

  it("keeps only a clean base name of at most 200 characters", () => {
    expect(cleanOriginalName("C:\\Users\\张三\\资质证书.pdf")).toBe("资质证书.pdf");
    expect(cleanOriginalName("../../etc/passwd")).toBe("passwd");
    expect(cleanOriginalName("a\u0000b\nc.pdf")).toBe("abc.pdf");
    expect(cleanOriginalName("")).toBe("document");
    expect(Array.from(cleanOriginalName(`${"证".repeat(300)}.pdf`))).toHaveLength(200);
  });

  it("encodes the file name for an attachment Content-Disposition, with an ASCII fallback", () => {
    expect(contentDisposition("资质 (1).pdf")).toBe(`attachment; filename="__ (1).pdf"; filename*=UTF-8''%E8%B5%84%E8%B4%A8%20%281%29.pdf`);
    // Quotes, backslashes and percent signs cannot break out of (or be decoded in) the quoted fallback.
    expect(contentDisposition('a"b\\c%22.pdf')).toBe(`attachment; filename="a_b_c_22.pdf"; filename*=UTF-8''a%22b%5Cc%2522.pdf`);
  });

  it("only builds storage paths from keys it generated", () => {
    expect(storagePath("0123456789abcdef0123456789abcdef")).toMatch(/\/01\/0123456789abcdef0123456789abcdef$/);
    expect(() => storagePath("../../etc/passwd")).toThrow();
  });

  it("refuses an oversized body by Content-Length before reading it, and while reading a chunked one", async () => {
    const declared = new Request("http://x/", { method: "POST", headers: { "content-length": String(MAX_UPLOAD_BYTES * 2) }, body: "x" });
    await expect(readUploadForm(declared)).rejects.toMatchObject({ status: 413 });
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024 * 1024;
        controller.enqueue(new Uint8Array(1024 * 1024));
        if (sent > MAX_UPLOAD_BYTES * 4) controller.close();
      },
    });
    const chunked = new Request("http://x/", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    await expect(readUploadForm(chunked)).rejects.toMatchObject({ status: 413 });
    expect(sent).toBeLessThan(MAX_UPLOAD_BYTES * 2);
  });

  it("parses a normal multipart body", async () => {
    const form = new FormData();
    form.set("intent", "add-credential");
    form.set("document", new File([PDF], "a.pdf", { type: "application/pdf" }));
    const request = new Request("http://x/", { method: "POST", body: form });
    const parsed = await readUploadForm(request);
    expect(parsed.get("intent")).toBe("add-credential");
    const file = parsed.get("document") as File;
    expect(sniffMime(new Uint8Array(await file.arrayBuffer()))).toBe("application/pdf");
  });
});
