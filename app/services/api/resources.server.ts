import type { Db } from "~/db/client.server";
import { validateCreditCode } from "~/lib/credit-code";
import { creditGrade } from "~/lib/credit-grade";
import type { z } from "~/lib/zod";
import type {
  agencyListQuery,
  announcementListQuery,
  disclosureListQuery,
  itemListQuery,
  practitionerSanctionListQuery,
  requestListQuery,
} from "~/schemas/api";
import { agencyProfile, publicAgencyIdByCreditCode, searchDirectory, DIRECTORY_PAGE_SIZE } from "~/services/agencies/directory.server";
import { catalogueVersions, getCatalogueItem, listCatalogue, PAGE_SIZE as CATALOGUE_PAGE_SIZE } from "~/services/catalogue/queries.server";
import { dbNow } from "~/services/clock.server";
import {
  ANNOUNCEMENT_PAGE_SIZE,
  announcementDetail,
  listAnnouncements,
  type AnnouncementSubject,
} from "~/services/notifications/announcements.server";
import { practitionerSanctionRecord, searchPractitionerSanctions } from "~/services/practitioners/queries.server";
import { publicContractRecord } from "~/services/requests/files-view.server";
import { PAGE_SIZE as REQUEST_PAGE_SIZE, listRequests, requestPageData } from "~/services/requests/public-view.server";
import { openDataRecord, searchDisclosures } from "~/services/supervision/disclosure.server";
import { ApiProblem } from "./http.server";
import { API_PAGE_SIZE } from "./openapi";

/**
 * The public API's resources (decision 028), each built from the read model
 * the public pages use — so the API shows nothing a page does not, and the
 * sealing and publication rules live where they already are (public-view,
 * directory, disclosure). Here fields are picked one by one (never a spread
 * of a row) and renamed for programs: ISO 8601 UTC times, fen as strings,
 * absolute links.
 */

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null | undefined) => (d ? d.toISOString() : null);

// The read models page by 20, as does the API; a change there must be a decision here.
const SIZES = [CATALOGUE_PAGE_SIZE, DIRECTORY_PAGE_SIZE, REQUEST_PAGE_SIZE, ANNOUNCEMENT_PAGE_SIZE];
if (SIZES.some((s) => s !== API_PAGE_SIZE)) throw new Error("API page size differs from a read model's");

/** Pagination and the links to walk it: the request's URL with `page` changed. */
function paged<T>(url: URL, page: number, total: number, data: T[]) {
  const totalPages = Math.max(1, Math.ceil(total / API_PAGE_SIZE));
  const at = (p: number) => {
    const u = new URL(url.pathname, url.origin);
    for (const [k, v] of url.searchParams) if (k !== "page") u.searchParams.set(k, v);
    if (p > 1) u.searchParams.set("page", String(p));
    return u.toString();
  };
  return {
    data,
    pagination: { page, pageSize: API_PAGE_SIZE, total, totalPages },
    links: {
      self: at(page),
      first: at(1),
      last: at(totalPages),
      prev: page > 1 ? at(Math.min(page - 1, totalPages)) : null,
      next: page < totalPages ? at(page + 1) : null,
    },
  };
}

const abs = (url: URL, path: string) => new URL(path, url.origin).toString();

// ───────────────────────── catalogue ─────────────────────────

const itemLinks = (url: URL, code: string) => ({
  self: abs(url, `/api/v1/items/${encodeURIComponent(code)}`),
  versions: abs(url, `/api/v1/items/${encodeURIComponent(code)}/versions`),
  html: abs(url, `/catalogue/${encodeURIComponent(code)}`),
});

export async function apiItems(db: Db, url: URL, query: z.infer<typeof itemListQuery>) {
  const page = query.page ?? 1;
  const result = await listCatalogue(db, { q: query.q, status: query.status, page });
  return paged(
    url,
    page,
    result.total,
    result.items.map((i) => ({
      code: i.code,
      name: i.name,
      nameEn: i.nameEn,
      aliases: i.aliases,
      category: i.category,
      categoryEn: i.categoryEn,
      department: i.department,
      status: i.status,
      retiredAt: isoOrNull(i.retiredAt),
      timeLimitDays: i.timeLimitDays,
      version: i.version,
      links: itemLinks(url, i.code),
    })),
  );
}

export async function apiItem(db: Db, url: URL, code: string) {
  const i = await getCatalogueItem(db, code);
  if (!i) return null;
  return {
    data: {
      code: i.code,
      name: i.name,
      nameEn: i.nameEn,
      aliases: i.aliases,
      category: i.category,
      categoryEn: i.categoryEn,
      legalBasis: i.legalBasis,
      approvalServed: i.approvalServed,
      department: i.department,
      feeBasis: i.feeBasis,
      standards: i.standards,
      materials: i.materials,
      timeLimitDays: i.timeLimitDays,
      procedure: i.procedure,
      content: i.content,
      qualificationTypes: i.qualificationTypes,
      fees: i.fees,
      qualityControl: i.qualityControl,
      status: i.status,
      retiredAt: isoOrNull(i.retiredAt),
      version: i.version,
      updatedAt: iso(i.updatedAt),
      links: itemLinks(url, i.code),
    },
    links: { self: url.toString() },
  };
}

export async function apiItemVersions(db: Db, url: URL, code: string) {
  const versions = await catalogueVersions(db, code);
  if (!versions) return null;
  return {
    data: versions.map((v) => ({
      version: v.version,
      reason: v.reason,
      createdAt: iso(v.createdAt),
      initial: v.initial,
      snapshot: v.snapshot,
      changes: v.changes.map((c) => ({ field: c.field, before: c.before, after: c.after })),
    })),
    links: { self: url.toString(), item: itemLinks(url, code).self },
  };
}

// ───────────────────────── agencies ─────────────────────────

const agencyLinks = (url: URL, id: string) => ({ self: abs(url, `/api/v1/agencies/${id}`), html: abs(url, `/agencies/${id}`) });

export async function apiAgencies(db: Db, url: URL, query: z.infer<typeof agencyListQuery>) {
  const result = await searchDirectory(db, { q: query.q, item: query.item, page: query.page ?? 1 });
  return paged(
    url,
    result.page,
    result.total,
    result.agencies.map((a) => ({
      id: a.id,
      name: a.organization.name,
      creditCode: a.organization.creditCode,
      regionCode: a.organization.regionCode,
      entityType: a.entityType,
      creditScore: a.creditScore,
      creditGrade: creditGrade(a.creditScore),
      ratingAvg: a.ratingAvg,
      ratingCount: a.ratingCount,
      awardsCount: a.awardsCount,
      credentials: a.credentials.map((c) => ({ type: c.type, level: c.level, items: c.items.map((x) => x.item.code) })),
      links: agencyLinks(url, a.id),
    })),
  );
}

/** One agency as the public profile shows it, minus the contact phone and the ratings' texts (see /agencies/:id). */
export async function apiAgency(db: Db, url: URL, id: string) {
  const a = await agencyProfile(db, id, await dbNow(db));
  if (!a) return null;
  return {
    data: {
      id: a.id,
      name: a.organization.name,
      creditCode: a.organization.creditCode,
      regionCode: a.organization.regionCode,
      entityType: a.entityType,
      status: a.status as "LISTED" | "SUSPENDED" | "REMOVED" | "EXITED",
      suspendedUntil: a.status === "SUSPENDED" ? isoOrNull(a.suspendedUntil) : null,
      listedAt: isoOrNull(a.listedAt),
      introduction: a.introduction,
      ratingAvg: a.ratingAvg,
      ratingCount: a.ratingCount,
      awardsCount: a.awardsCount,
      credit: {
        score: a.credit.score,
        grade: creditGrade(a.credit.score),
        breakdown: a.credit.breakdown,
        zeroed: a.credit.zeroed,
        version: a.credit.version,
        currentVersion: a.credit.currentVersion,
        updatedAt: a.credit.updatedAt,
      },
      credentials: a.credentials.map((c) => ({
        id: c.id,
        type: c.type,
        level: c.level,
        number: c.number,
        issuer: c.issuer,
        validUntil: iso(c.validUntil),
        valid: c.valid,
        items: c.items.map((x) => ({ code: x.item.code, name: x.item.name, nameEn: x.item.nameEn })),
      })),
      practitioners: a.practitioners.map((p) => ({ name: p.name, qualification: p.qualification })),
      sanctions: a.sanctions.map((s) => ({
        id: s.id,
        kind: s.kind,
        reason: s.reason,
        legalBasis: s.legalBasis,
        authority: s.authority,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        revokedAt: s.revokedAt,
        revokedReason: s.revokedReason,
        creditDeduction: s.creditDeduction,
        caseCode: s.caseCode,
        inForce: s.inForce,
        state: s.state,
      })),
      links: agencyLinks(url, a.id),
    },
    links: { self: url.toString() },
  };
}

/** By credit code: a malformed code is a 400 (it can name no agency), a well-formed unknown one a 404. */
export async function apiAgencyByCreditCode(db: Db, url: URL, creditCode: string) {
  const valid = validateCreditCode(creditCode);
  if (!valid.ok) {
    throw new ApiProblem("bad-parameter", "Not a unified social credit code.", [
      { parameter: "creditCode", message: `Not a credit code (${valid.reason}): 18 characters with a valid check character.` },
    ]);
  }
  const id = await publicAgencyIdByCreditCode(db, valid.code);
  return id ? apiAgency(db, url, id) : null;
}

// ───────────────────────── requests ─────────────────────────

const requestLinks = (url: URL, id: string) => ({ self: abs(url, `/api/v1/requests/${id}`), html: abs(url, `/requests/${id}`) });

export async function apiRequests(db: Db, url: URL, query: z.infer<typeof requestListQuery>) {
  const page = query.page ?? 1;
  // Anonymous: drafts and requests held for the fairness review are not listed (public-view.server.ts).
  const result = await listRequests(db, null, { q: query.q, status: query.status, item: query.item, method: query.method, page });
  return paged(
    url,
    page,
    result.total,
    result.requests.map((r) => ({
      id: r.id,
      code: r.code,
      title: r.title,
      status: r.status,
      selectionMethod: r.selectionMethod,
      fundingSource: r.fundingSource,
      priceCapFen: r.priceCapFen,
      closesAt: iso(r.closesAt),
      overdue: r.overdue,
      bidCount: r.bidCount,
      item: { code: r.item.code, name: r.item.name, nameEn: r.item.nameEn },
      links: requestLinks(url, r.id),
    })),
  );
}

/**
 * One request as an anonymous visitor sees it: null for a draft or one held
 * for review; bids only once unsealed (Principle 5), never a proposal.
 */
export async function apiRequest(db: Db, url: URL, id: string) {
  const page = await requestPageData(db, null, id);
  if (!page) return null;
  const r = page.request;
  const contract = await publicContractRecord(db, r.id);
  return {
    data: {
      id: r.id,
      code: r.code,
      title: r.title,
      description: r.description,
      status: r.status,
      statusReason: r.statusReason,
      fundingSource: r.fundingSource,
      priceMode: r.priceMode,
      basePriceFen: r.basePriceFen,
      discountRateBp: r.discountRateBp,
      priceCapFen: r.priceCapFen,
      selectionMethod: r.selectionMethod,
      scoringWeights: r.scoringWeights,
      qualificationReqs: r.qualificationReqs,
      minBidders: r.minBidders,
      serviceDays: r.serviceDays,
      publicityDays: r.publicityDays,
      opensAt: isoOrNull(r.opensAt),
      closesAt: iso(r.closesAt),
      publicityEndsAt: isoOrNull(r.publicityEndsAt),
      round: r.round,
      drawCommitment: r.drawCommitment,
      createdAt: iso(r.createdAt),
      item: { code: r.item.code, name: r.item.name, nameEn: r.item.nameEn },
      enterpriseName: r.enterpriseName,
      avoidanceCount: r.avoidanceCount,
      bidsUnsealed: page.unsealed,
      bidCount: page.bidCount,
      bids: page.unsealed
        ? page.bids.map((b) => ({
            agencyId: b.agencyId,
            agencyName: b.agencyName,
            amountFen: b.amountFen,
            serviceDays: b.serviceDays,
            status: b.status as "SUBMITTED" | "INVALIDATED" | "WON" | "LOST",
            rank: b.rank,
            score: b.score,
            invalidReason: b.invalidReason,
            submittedAt: iso(b.submittedAt),
          }))
        : [],
      announcements: page.announcements.map((a) => ({
        id: a.id,
        kind: a.kind,
        title: a.title,
        publishedAt: iso(a.publishedAt),
        links: { self: abs(url, `/api/v1/announcements/${a.id}`) },
      })),
      // 合同备案 (decisions 034, 040): the parties, amount and dates; the signed file is not open data.
      contract: contract
        ? {
            enterpriseName: contract.enterpriseName,
            agency: contract.agencyId
              ? { id: contract.agencyId, name: contract.agencyName ?? "", links: agencyLinks(url, contract.agencyId) }
              : null,
            amountFen: contract.amountFen,
            signedOn: contract.signedOn,
            startsOn: contract.startsOn,
            endsOn: contract.endsOn,
            recordedAt: iso(contract.recordedAt),
            amendedAt: isoOrNull(contract.amendedAt),
            original: {
              amountFen: contract.original.amountFen.toString(),
              signedOn: contract.original.signedOn,
              startsOn: contract.original.startsOn,
              endsOn: contract.original.endsOn,
            },
            // 合同备案变更 (decision 040): each change with its reason; a replaced file is said, never linked.
            amendments: contract.amendments.map((a) => ({
              amountFen: a.amountFen.toString(),
              signedOn: a.signedOn,
              startsOn: a.startsOn,
              endsOn: a.endsOn,
              reason: a.reason ?? "",
              newFile: a.documentId !== null,
              amendedAt: iso(a.at),
            })),
          }
        : null,
      links: requestLinks(url, r.id),
    },
    links: { self: url.toString() },
  };
}

// ───────────────────────── announcements ─────────────────────────

function subjectOut(url: URL, s: AnnouncementSubject) {
  if (!s) return null;
  if (s.type === "request") return { type: s.type, id: s.id, links: { self: abs(url, `/api/v1/requests/${s.id}`) } };
  return { type: s.type, code: s.code, links: { self: abs(url, `/api/v1/items/${encodeURIComponent(s.code)}`) } };
}

type AnnouncementRow = { id: string; kind: string; title: string; body: string; publishedAt: Date; facts: unknown };

const announcementOut = (url: URL, a: AnnouncementRow, subject: AnnouncementSubject) => ({
  id: a.id,
  kind: a.kind,
  title: a.title,
  body: a.body,
  publishedAt: iso(a.publishedAt),
  facts: (a.facts ?? null) as Record<string, unknown> | null,
  subject: subjectOut(url, subject),
  links: { self: abs(url, `/api/v1/announcements/${a.id}`), html: abs(url, `/announcements/${a.id}`) },
});

export async function apiAnnouncements(db: Db, url: URL, query: z.infer<typeof announcementListQuery>) {
  const page = query.page ?? 1;
  const result = await listAnnouncements(db, { kind: query.kind ?? "", page });
  return paged(
    url,
    page,
    result.total,
    result.announcements.map((a) => announcementOut(url, a, a.subject)),
  );
}

export async function apiAnnouncement(db: Db, url: URL, id: string) {
  const found = await announcementDetail(db, id);
  if (!found) return null;
  return { data: announcementOut(url, found.announcement, found.subject), links: { self: url.toString() } };
}

// ───────────────────────── credit disclosure ─────────────────────────

export async function apiDisclosures(db: Db, url: URL, query: z.infer<typeof disclosureListQuery>) {
  const page = query.page ?? 1;
  const result = await searchDisclosures(
    db,
    { q: query.q, kind: query.kind, state: query.state, page, pageSize: API_PAGE_SIZE },
    await dbNow(db),
  );
  return paged(
    url,
    page,
    result.total,
    result.entries.map((e) => openDataRecord(e, url.origin)),
  );
}

/** Sanctions on practitioners (decisions 035, 040): the masked ID number only, never the number or its HMAC. */
export async function apiPractitionerSanctions(db: Db, url: URL, query: z.infer<typeof practitionerSanctionListQuery>) {
  const page = query.page ?? 1;
  const result = await searchPractitionerSanctions(
    db,
    { q: query.q, kind: query.kind, state: query.state, page, pageSize: API_PAGE_SIZE },
    await dbNow(db),
  );
  return paged(
    url,
    page,
    result.total,
    result.entries.map((e) => practitionerSanctionRecord(e, url.origin)),
  );
}
