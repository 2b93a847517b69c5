import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A private uploads directory for this file, set before any module reads it.
const { uploads } = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const dir = mkdtempSync(path.join(tmpdir(), "zj-uploads-"));
  process.env.UPLOADS_DIR = dir;
  return { uploads: dir };
});

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { getDb } from "~/db/client.server";
import { makeCreditCode } from "~/lib/credit-code";
import { createUserSession } from "~/lib/session.server";
import { registerSchema } from "~/schemas/auth";
import { credentialSchema } from "~/schemas/agency";
import { registerAccount } from "~/services/accounts/accounts.server";
import {
  addCredential,
  addPractitioner,
  getAgencyProfile,
  removeCredential,
  removePractitioner,
  updateProfile,
} from "~/services/agencies/profile.server";
import { verifyAuditLog } from "~/services/audit/audit.server";
import { storagePath } from "~/services/documents/documents.server";
import { action as profileAction, loader as profileLoader } from "~/routes/agency.profile";
import { loader as documentLoader } from "~/routes/documents.$id";
import { seedCatalogue } from "../../seeds/seed";
import { responseOf } from "../support/http";

const password = "correct-horse-battery";
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
const HTML = new TextEncoder().encode("<!doctype html><html><script>alert(document.cookie)</script></html>");

type Party = { userId: string; orgId: string; cookie: string };

async function cookieFor(userId: string): Promise<string> {
  const response = await createUserSession(userId, "/");
  return response.headers.get("Set-Cookie")!.split(";")[0]!;
}

async function agency(email: string, org: string): Promise<Party> {
  const user = await registerAccount(
    await getDb(),
    registerSchema.parse({
      accountType: "AGENCY",
      entityType: "COMPANY",
      creditCode: makeCreditCode(`91340100${org}`),
      regionCode: "340100",
      email,
      password,
      confirmPassword: password,
      name: "测试员",
      orgName: `测试评估机构${org}`,
      contactPhone: "0551-66668888",
    }),
  );
  return { userId: user.id, orgId: user.organizationId!, cookie: await cookieFor(user.id) };
}

/** Runs a loader or action the way React Router would: what it returned, or the Response / data() it threw; a crash fails the test. */
const run = responseOf;

function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status;
  if (result && typeof result === "object" && "init" in result) return (result as { init: ResponseInit | null }).init?.status ?? 200;
  return 200;
}

/** A refusal as [status, which refusal]: a form error's key, or a thrown Response's body (an i18n key). */
async function refusalOf(result: unknown): Promise<[number, string | undefined]> {
  if (result instanceof Response) return [result.status, await result.clone().text()];
  return [statusOf(result), bodyOf(result).formError];
}

function bodyOf(result: unknown) {
  return (result as { data: { fieldErrors: Record<string, string[]>; formError?: string; params?: Record<string, unknown> } }).data;
}

function getDocument(id: string, cookie?: string) {
  const request = new Request(`http://localhost/documents/${id}`, { headers: cookie ? { Cookie: cookie } : {} });
  return run(() => documentLoader({ request, params: { id }, context: {} } as never));
}

function postProfile(form: FormData, cookie: string, headers: Record<string, string> = {}) {
  const request = new Request("http://localhost/agency/profile", { method: "POST", body: form, headers: { Cookie: cookie, ...headers } });
  return run(() => profileAction({ request, params: {}, context: {} } as never));
}

function getProfile(cookie?: string) {
  const request = new Request("http://localhost/agency/profile", { headers: cookie ? { Cookie: cookie } : {} });
  return run(() => profileLoader({ request, params: {}, context: {} } as never));
}

function future(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

function credentialForm(
  fields: Partial<Record<"type" | "level" | "number" | "issuer" | "validUntil", string>>,
  itemIds: string[],
  file?: File,
) {
  const form = new FormData();
  form.set("intent", "add-credential");
  form.set("type", fields.type ?? "工程咨询单位资信");
  form.set("level", fields.level ?? "甲级");
  form.set("number", fields.number ?? "甲142026010001");
  form.set("issuer", fields.issuer ?? "中国工程咨询协会");
  form.set("validUntil", fields.validUntil ?? future(365));
  for (const id of itemIds) form.append("itemIds", id);
  form.set("document", file ?? new File([], "", { type: "application/octet-stream" }));
  return form;
}

function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

let owner: Party;
let other: Party;
let enterprise: Party;
let regulator: Party;
let admin: Party;
let itemIds: string[];

beforeAll(async () => {
  const db = await getDb();
  await seedCatalogue(db);
  itemIds = (await db.catalogueItem.findMany({ orderBy: { code: "asc" }, select: { id: true } })).map((i) => i.id);
  owner = await agency("owner@example.cn", "MA2BBBB01");
  other = await agency("other@example.cn", "MA2BBBB02");
  const ent = await registerAccount(
    db,
    registerSchema.parse({
      accountType: "ENTERPRISE",
      orgKind: "COMPANY",
      creditCode: makeCreditCode("91310107MA2CCCC01"),
      email: "ent@example.cn",
      password,
      confirmPassword: password,
      name: "业主",
      orgName: "测试建设有限公司",
      contactPhone: "021-66668888",
    }),
  );
  enterprise = { userId: ent.id, orgId: ent.organizationId!, cookie: await cookieFor(ent.id) };
  const reg = await db.user.create({ data: { email: "reg@example.cn", name: "监管员", role: "REGULATOR", passwordHash: "unused" } });
  regulator = { userId: reg.id, orgId: "", cookie: await cookieFor(reg.id) };
  const adm = await db.user.create({ data: { email: "adm@example.cn", name: "管理员", role: "ADMIN", passwordHash: "unused" } });
  admin = { userId: adm.id, orgId: "", cookie: await cookieFor(adm.id) };
});

afterAll(() => {
  rmSync(uploads, { recursive: true, force: true });
});

describe("adding a credential with a document", () => {
  it("stores the file outside the web root by content type, with a Document row and an audit event", async () => {
    const db = await getDb();
    // A PNG named .pdf and declared as a PDF is stored as what it is: a PNG.
    const file = new File([PNG], "资质证书（正本）.pdf", { type: "application/pdf" });
    const result = await postProfile(credentialForm({ number: "DOC-0001" }, [itemIds[0]!, itemIds[1]!], file), owner.cookie);
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get("Location")).toBe("/agency/profile?done=addCredential");

    const credential = await db.credential.findFirstOrThrow({
      where: { number: "DOC-0001" },
      include: { document: true, items: true, agency: true },
    });
    expect(credential.agency.organizationId).toBe(owner.orgId);
    expect(credential.items).toHaveLength(2);
    const doc = credential.document!;
    expect(doc).toMatchObject({
      ownerOrgId: owner.orgId,
      kind: "CREDENTIAL",
      mime: "image/png",
      size: PNG.length,
      originalName: "资质证书（正本）.pdf",
      uploadedById: owner.userId,
    });
    expect(doc.sha256).toBe(createHash("sha256").update(PNG).digest("hex"));
    expect(doc.storageKey).toMatch(/^[0-9a-f]{32}$/);

    const stored = storagePath(doc.storageKey);
    expect(stored).toBe(path.join(uploads, doc.storageKey.slice(0, 2), doc.storageKey));
    expect(new Uint8Array(readFileSync(stored))).toEqual(PNG);
    expect(statSync(stored).mode & 0o777).toBe(0o600);
    // Outside the web root: not under the built client assets nor public/.
    for (const webRoot of [path.resolve("build/client"), path.resolve("public")]) {
      expect(path.relative(webRoot, stored).startsWith("..")).toBe(true);
    }
    expect(path.basename(stored)).not.toContain(".pdf");

    const events = await db.auditEvent.findMany({
      where: { aggregateType: "agency", aggregateId: credential.agencyId },
      orderBy: { seq: "asc" },
    });
    const added = events.at(-1)!;
    expect(added).toMatchObject({ event: "ADD_CREDENTIAL", fromState: "APPLIED", toState: "APPLIED", actorId: owner.userId });
    expect(added.payload).toMatchObject({
      credentialId: credential.id,
      number: "DOC-0001",
      document: { id: doc.id, sha256: doc.sha256, mime: "image/png" },
    });
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });

  it("adds a credential without a document", async () => {
    const db = await getDb();
    const result = await postProfile(credentialForm({ number: "NODOC-1" }, [itemIds[2]!]), owner.cookie);
    expect(statusOf(result)).toBe(302);
    const credential = await db.credential.findFirstOrThrow({ where: { number: "NODOC-1" } });
    expect(credential.documentId).toBeNull();
  });

  it("refuses an HTML file named .pdf with 415 and stores nothing", async () => {
    const db = await getDb();
    const [docsBefore, filesBefore] = [await db.document.count(), filesIn(uploads).length];
    const file = new File([HTML], "scan.pdf", { type: "application/pdf" });
    const result = await postProfile(credentialForm({ number: "HTML-1" }, [itemIds[0]!], file), owner.cookie);
    expect(statusOf(result)).toBe(415);
    expect(bodyOf(result).fieldErrors.document).toEqual(["agencyProfile.errors.fileType"]);
    expect(await db.credential.count({ where: { number: "HTML-1" } })).toBe(0);
    expect(await db.document.count()).toBe(docsBefore);
    expect(filesIn(uploads)).toHaveLength(filesBefore);
  });

  it("refuses a %PDF- polyglot carrying HTML and script with 415, the translated message on the file field, and stores nothing", async () => {
    const db = await getDb();
    const [docsBefore, filesBefore] = [await db.document.count(), filesIn(uploads).length];
    const polyglot = new TextEncoder().encode("%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n");
    const result = await postProfile(
      credentialForm({ number: "POLY-1" }, [itemIds[0]!], new File([polyglot], "scan.pdf", { type: "application/pdf" })),
      owner.cookie,
    );
    expect(statusOf(result)).toBe(415);
    expect(bodyOf(result).fieldErrors.document).toEqual(["agencyProfile.errors.fileActiveContent"]);
    expect(await db.credential.count({ where: { number: "POLY-1" } })).toBe(0);
    expect(await db.document.count()).toBe(docsBefore);
    expect(filesIn(uploads)).toHaveLength(filesBefore);
  });

  it("refuses an empty file with 400", async () => {
    const result = await postProfile(credentialForm({ number: "EMPTY-1" }, [itemIds[0]!], new File([], "empty.pdf")), owner.cookie);
    expect(statusOf(result)).toBe(400);
    expect(bodyOf(result).fieldErrors.document).toEqual(["agencyProfile.errors.fileEmpty"]);
  });

  it("refuses an oversized body with 413 from its Content-Length, before reading it", async () => {
    const form = credentialForm({ number: "BIG-1" }, [itemIds[0]!], new File([PDF], "a.pdf"));
    const result = await postProfile(form, owner.cookie, { "Content-Length": String(50 * 1024 * 1024) });
    expect(statusOf(result)).toBe(413);
    expect(bodyOf(result).fieldErrors.document).toEqual(["agencyProfile.errors.fileTooLarge"]);
    expect(bodyOf(result).params).toEqual({ mb: 5 });
  });

  it("answers bad input with 4xx field errors, never 500", async () => {
    const db = await getDb();
    const noItems = await postProfile(credentialForm({ number: "BAD-1" }, []), owner.cookie);
    expect(statusOf(noItems)).toBe(400);
    expect(bodyOf(noItems).fieldErrors.itemIds).toEqual(["agencyProfile.errors.itemsRequired"]);

    const badDate = await postProfile(credentialForm({ number: "BAD-2", validUntil: "2031-02-30" }, [itemIds[0]!]), owner.cookie);
    expect(statusOf(badDate)).toBe(400);
    expect(bodyOf(badDate).fieldErrors.validUntil).toEqual(["agencyProfile.errors.date"]);

    const past = await postProfile(credentialForm({ number: "BAD-3", validUntil: "2020-01-01" }, [itemIds[0]!]), owner.cookie);
    expect(bodyOf(past).fieldErrors.validUntil).toEqual(["agencyProfile.errors.expiredDate"]);

    const nul = await postProfile(credentialForm({ number: "BAD\u00004", type: "x".repeat(51) }, [itemIds[0]!]), owner.cookie);
    expect(statusOf(nul)).toBe(400);
    expect(bodyOf(nul).fieldErrors).toMatchObject({ number: ["agencyProfile.errors.invalidCharacters"], type: ["errors.tooLong"] });

    const unknownItem = await postProfile(credentialForm({ number: "BAD-5" }, ["0190a0a0-0000-7000-8000-000000000000"]), owner.cookie);
    expect(statusOf(unknownItem)).toBe(400);
    expect(bodyOf(unknownItem).fieldErrors.itemIds).toEqual(["agencyProfile.errors.itemNotInForce"]);

    const retired = await db.catalogueItem.update({ where: { id: itemIds.at(-1)! }, data: { status: "RETIRED", retiredAt: new Date() } });
    const retiredItem = await postProfile(credentialForm({ number: "BAD-6" }, [retired.id]), owner.cookie);
    expect(bodyOf(retiredItem).fieldErrors.itemIds).toEqual(["agencyProfile.errors.itemNotInForce"]);
    await db.catalogueItem.update({ where: { id: retired.id }, data: { status: "IN_FORCE", retiredAt: null } });

    const form = new FormData();
    form.set("intent", "drop-tables");
    expect(await refusalOf(await postProfile(form, owner.cookie))).toEqual([400, "errors.unknownIntent"]);
    expect(await db.credential.count({ where: { number: { startsWith: "BAD" } } })).toBe(0);
  });
});

describe("credential validity", () => {
  it("is evaluated at read time: a credential past its date shows as expired", async () => {
    const db = await getDb();
    const tomorrow = future(1);
    const input = credentialSchema.parse({
      type: "测绘资质",
      level: "乙级",
      number: "EXP-1",
      issuer: "安徽省自然资源厅",
      validUntil: tomorrow,
      itemIds: [itemIds[0]!],
    });
    await addCredential(db, owner, input);
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000);
    const nowView = (await getAgencyProfile(db, owner.orgId))!.credentials.find((c) => c.number === "EXP-1")!;
    const laterView = (await getAgencyProfile(db, owner.orgId, inTwoDays))!.credentials.find((c) => c.number === "EXP-1")!;
    expect(nowView.expired).toBe(false);
    expect(laterView.expired).toBe(true);
    expect(nowView.validUntilDate).toBe(tomorrow);

    // Time passes (the stored date is now in the past): the page says so.
    await db.credential.updateMany({ where: { number: "EXP-1" }, data: { validUntil: new Date("2024-06-30T23:59:59+08:00") } });
    const page = (await getProfile(owner.cookie)) as Awaited<ReturnType<typeof profileLoader>>;
    const shown = page.profile.credentials.find((c) => c.number === "EXP-1")!;
    expect(shown).toMatchObject({ expired: true, validUntilDate: "2024-06-30" });
    expect(page.profile.credentials.find((c) => c.number === "DOC-0001")).toMatchObject({ expired: false });
  });
});

describe("GET /documents/:id", () => {
  let docId: string;
  beforeAll(async () => {
    const db = await getDb();
    docId = (await db.credential.findFirstOrThrow({ where: { number: "DOC-0001" } })).documentId!;
  });

  it("streams the file to the owner with safe headers", async () => {
    const response = (await getDocument(docId, owner.cookie)) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/png");
    // nosniff comes once from scripts/server.mjs for every response (tests/integration/document-access.test.ts).
    expect(response.headers.get("Content-Security-Policy")).toBe("sandbox; default-src 'none'");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="________.pdf"; filename*=UTF-8''${encodeURIComponent("资质证书（正本）.pdf")}`,
    );
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
  });

  it("lets regulators read it, not the catalogue admin (least privilege)", async () => {
    const response = (await getDocument(docId, regulator.cookie)) as Response;
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    expect(statusOf(await getDocument(docId, admin.cookie))).toBe(403);
  });

  it("refuses another agency and an enterprise with 403", async () => {
    expect(statusOf(await getDocument(docId, other.cookie))).toBe(403);
    expect(statusOf(await getDocument(docId, enterprise.cookie))).toBe(403);
  });

  it("sends an anonymous visitor to login, and answers 404 for an unknown id", async () => {
    const anonymous = (await getDocument(docId)) as Response;
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/documents/${docId}`)}`);
    expect(statusOf(await getDocument("0190a0a0-0000-7000-8000-000000000000", owner.cookie))).toBe(404);
    expect(statusOf(await getDocument("../../etc/passwd", regulator.cookie))).toBe(404);
  });
});

describe("profile, practitioners and ownership", () => {
  it("updates contact details and introduction, keeping name and credit code", async () => {
    const db = await getDb();
    const before = await db.organization.findUniqueOrThrow({ where: { id: owner.orgId } });
    await updateProfile(db, owner, {
      contactName: "王五",
      contactPhone: "0551-12345678",
      contactEmail: "contact@example.cn",
      introduction: "专注节能评估十年。",
    });
    const after = await db.organization.findUniqueOrThrow({ where: { id: owner.orgId }, include: { agency: true } });
    expect(after).toMatchObject({
      name: before.name,
      creditCode: before.creditCode,
      contactName: "王五",
      contactEmail: "contact@example.cn",
    });
    expect(after.agency!.introduction).toBe("专注节能评估十年。");
    const event = await db.auditEvent.findFirstOrThrow({ where: { aggregateId: after.agency!.id, event: "UPDATE_PROFILE" } });
    expect(event).toMatchObject({ fromState: "APPLIED", toState: "APPLIED" });
    expect((event.payload as { changed: string[] }).changed).toEqual(
      expect.arrayContaining(["contactName", "contactEmail", "introduction"]),
    );
  });

  it("rejects a bad profile form with 400 and field errors", async () => {
    const form = new FormData();
    form.set("intent", "update-profile");
    form.set("contactName", "");
    form.set("contactPhone", "abc");
    form.set("contactEmail", "not-an-email");
    const result = await postProfile(form, owner.cookie);
    expect(statusOf(result)).toBe(400);
    expect(bodyOf(result).fieldErrors).toMatchObject({
      contactName: ["errors.required"],
      contactPhone: ["errors.phone"],
      contactEmail: ["errors.email"],
    });
  });

  it("adds and removes practitioners, and another agency cannot touch them", async () => {
    const db = await getDb();
    const form = new FormData();
    form.set("intent", "add-practitioner");
    form.set("name", "赵六");
    form.set("qualification", "注册节能评估师");
    form.set("certificateNo", "");
    form.set("idNumber", "320102198506123454");
    expect(statusOf(await postProfile(form, owner.cookie))).toBe(302);
    const p = await db.practitioner.findFirstOrThrow({ where: { name: "赵六" } });
    expect(p.certificateNo).toBeNull();

    const removal = new FormData();
    removal.set("intent", "remove-practitioner");
    removal.set("id", p.id);
    expect(await refusalOf(await postProfile(removal, other.cookie))).toEqual([404, "agencyProfile.errors.notFound"]);
    expect(await db.practitioner.count({ where: { id: p.id } })).toBe(1);
    await expect(removePractitioner(db, other, p.id)).rejects.toMatchObject({
      status: 404,
      code: "PRACTITIONER_NOT_FOUND",
      message: "agencyProfile.errors.notFound",
    });

    expect(statusOf(await postProfile(removal, owner.cookie))).toBe(302);
    expect(await db.practitioner.count({ where: { id: p.id } })).toBe(0);
    const agencyId = p.agencyId;
    const events = (await db.auditEvent.findMany({ where: { aggregateId: agencyId }, orderBy: { seq: "asc" } })).map((e) => e.event);
    expect(events).toEqual(expect.arrayContaining(["ADD_PRACTITIONER", "REMOVE_PRACTITIONER"]));
  });

  it("lets only the owner remove a credential; the scan stays as evidence", async () => {
    const db = await getDb();
    const credential = await db.credential.findFirstOrThrow({ where: { number: "DOC-0001" } });
    await expect(removeCredential(db, other, credential.id)).rejects.toMatchObject({
      status: 404,
      code: "CREDENTIAL_NOT_FOUND",
      message: "agencyProfile.errors.notFound",
    });
    const removal = new FormData();
    removal.set("intent", "remove-credential");
    removal.set("id", credential.id);
    expect(await refusalOf(await postProfile(removal, other.cookie))).toEqual([404, "agencyProfile.errors.notFound"]);
    expect(await db.credential.count({ where: { id: credential.id } })).toBe(1);

    expect(statusOf(await postProfile(removal, owner.cookie))).toBe(302);
    expect(await db.credential.count({ where: { id: credential.id } })).toBe(0);
    const doc = await db.document.findUniqueOrThrow({ where: { id: credential.documentId! } });
    expect(existsSync(storagePath(doc.storageKey))).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({ where: { aggregateId: credential.agencyId, event: "REMOVE_CREDENTIAL" } });
    expect(event.payload).toMatchObject({ credentialId: credential.id, number: "DOC-0001", document: { id: doc.id } });
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });

  it("shows the status and, when rejected, the reason", async () => {
    const db = await getDb();
    await db.agency.update({ where: { organizationId: other.orgId }, data: { status: "REJECTED", statusReason: "资质证书扫描件不清晰" } });
    const page = (await getProfile(other.cookie)) as Awaited<ReturnType<typeof profileLoader>>;
    expect(page.profile).toMatchObject({ status: "REJECTED", statusReason: "资质证书扫描件不清晰" });
    // Self-service edits keep the status: fromState = toState.
    await addPractitioner(db, other, {
      name: "钱七",
      qualification: "注册安全工程师",
      certificateNo: null,
      idNumber: "110105198001010016",
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { event: "ADD_PRACTITIONER", payload: { path: ["name"], equals: "钱七" } },
    });
    expect(event).toMatchObject({ fromState: "REJECTED", toState: "REJECTED" });
  });

  it("is for agencies only", async () => {
    expect(await refusalOf(await getProfile(enterprise.cookie))).toEqual([403, "errors.forbiddenBody"]);
    expect(await refusalOf(await getProfile(regulator.cookie))).toEqual([403, "errors.forbiddenBody"]);
    const anonymous = (await getProfile()) as Response;
    expect(anonymous.status).toBe(302);
    const form = new FormData();
    form.set("intent", "add-practitioner");
    form.set("name", "x");
    form.set("qualification", "y");
    expect(await refusalOf(await postProfile(form, enterprise.cookie))).toEqual([403, "errors.forbiddenBody"]);
  });
});
