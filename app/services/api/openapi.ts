/**
 * The public read-only API (issue #15, decision 028) described as data: the
 * OpenAPI 3.1 document served at /api/openapi.json, rendered by the /api page
 * and used by tests/integration/api.test.ts to validate every response.
 *
 * Every object schema closes with `additionalProperties: false`, so a field
 * added to a response without being described here (a leak, or an
 * undocumented change) fails the schema test. Times are ISO 8601 in UTC
 * (`…Z`); money is a string of fen (分, integer) so that no client loses
 * precision; ids are UUID v7 and never change.
 */
import type {
  AgencyEntityType,
  AgencyStatus,
  BidStatus,
  CatalogueStatus,
  FeeBasis,
  FundingSource,
  PractitionerSanctionKind,
  PriceMode,
  RequestStatus,
  SanctionKind,
  SelectionMethod,
} from "~/generated/prisma/client";

export const API_VERSION = "1.0.0";
/** The largest page the list operations return; they all use this size. */
export const API_PAGE_SIZE = 20;
export const API_MAX_PAGE = 10_000;

export const PUBLIC_REQUEST_STATUSES = [
  "OPEN",
  "CLOSED",
  "AWARD_PUBLICITY",
  "CONTRACTED",
  "IN_SERVICE",
  "DELIVERED",
  "COMPLETED",
  "CANCELLED",
  "FAILED",
  "TERMINATED",
] as const satisfies readonly RequestStatus[];
export const SELECTION_METHODS = [
  "DIRECT",
  "LOWEST_PRICE",
  "RANDOM_DRAW",
  "SCORED",
  "AVERAGE_PRICE",
] as const satisfies readonly SelectionMethod[];
export const CATALOGUE_STATUSES = ["IN_FORCE", "RETIRED"] as const satisfies readonly CatalogueStatus[];
export const PUBLIC_AGENCY_STATUSES = ["LISTED", "SUSPENDED", "REMOVED", "EXITED"] as const satisfies readonly AgencyStatus[];
export const SANCTION_KIND_VALUES = [
  "WARNING",
  "CREDIT_DEDUCTION",
  "SUSPENSION",
  "REMOVAL",
  "BLACKLIST",
] as const satisfies readonly SanctionKind[];
export const DISCLOSURE_STATE_VALUES = ["active", "pending", "expired", "revoked"] as const;
export const PRACTITIONER_SANCTION_KIND_VALUES = [
  "WARNING",
  "SUSPENSION",
  "BLACKLIST",
] as const satisfies readonly PractitionerSanctionKind[];
export const PRACTITIONER_SANCTION_STATE_VALUES = ["active", "expired", "revoked"] as const;
const ENTITY_TYPES = ["COMPANY", "PARTNERSHIP", "INDIVIDUAL_BUSINESS", "PUBLIC_INSTITUTION"] as const satisfies readonly AgencyEntityType[];
const BID_STATUSES = ["SUBMITTED", "INVALIDATED", "WON", "LOST"] as const satisfies readonly BidStatus[];
const FEE_BASES = ["MARKET", "GOVERNMENT"] as const satisfies readonly FeeBasis[];
const FUNDING = ["ENTERPRISE", "GOVERNMENT"] as const satisfies readonly FundingSource[];
const PRICE_MODES = ["AMOUNT", "DISCOUNT"] as const satisfies readonly PriceMode[];

type Schema = Record<string, unknown>;
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str: Schema = { type: "string" };
const int: Schema = { type: "integer" };
const time: Schema = { type: "string", format: "date-time", pattern: "Z$" };
const date: Schema = { type: "string", format: "date" };
const uuid: Schema = { type: "string", format: "uuid" };
const url: Schema = { type: "string", format: "uri" };
const fen: Schema = { type: "string", pattern: "^[0-9]+$", description: "An amount in fen (分), as a decimal string." };
const nullable = (s: Schema): Schema => ({ ...s, type: [s.type as string, "null"] });
const arrayOf = (items: Schema): Schema => ({ type: "array", items });
const enumOf = (values: readonly string[]): Schema => ({ type: "string", enum: [...values] });

/** A closed object: every property listed is required (nullable ones say so). */
function object(properties: Record<string, Schema>, description?: string): Schema {
  return {
    type: "object",
    ...(description ? { description } : {}),
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  };
}

const selfLinks = object({ self: url, html: url });

const schemas: Record<string, Schema> = {
  Problem: {
    type: "object",
    description: "RFC 9457 problem details: every 4xx/5xx of the API has this shape (application/problem+json).",
    properties: {
      type: { ...url, description: "Identifies the kind of problem; documented on /api." },
      title: str,
      status: int,
      detail: str,
      instance: str,
      errors: arrayOf(object({ parameter: str, message: str })),
    },
    required: ["type", "title", "status", "detail", "instance"],
    additionalProperties: false,
  },
  Pagination: object({
    page: { type: "integer", minimum: 1 },
    pageSize: { type: "integer", minimum: 1 },
    total: { type: "integer", minimum: 0 },
    totalPages: { type: "integer", minimum: 1 },
  }),
  PageLinks: object({ self: url, first: url, last: url, prev: nullable(url), next: nullable(url) }),
  ItemRef: object({ code: str, name: str, nameEn: str }),
  CatalogueItemSummary: object({
    code: str,
    name: str,
    nameEn: str,
    aliases: arrayOf(str),
    category: str,
    categoryEn: str,
    department: str,
    status: enumOf(CATALOGUE_STATUSES),
    retiredAt: nullable(time),
    timeLimitDays: int,
    version: int,
    links: object({ self: url, versions: url, html: url }),
  }),
  CatalogueItem: object(
    {
      code: str,
      name: str,
      nameEn: str,
      aliases: arrayOf(str),
      category: str,
      categoryEn: str,
      legalBasis: str,
      approvalServed: str,
      department: str,
      feeBasis: enumOf(FEE_BASES),
      standards: str,
      materials: str,
      timeLimitDays: int,
      procedure: str,
      content: str,
      qualificationTypes: arrayOf(str),
      fees: str,
      qualityControl: str,
      status: enumOf(CATALOGUE_STATUSES),
      retiredAt: nullable(time),
      version: int,
      updatedAt: time,
      links: object({ self: url, versions: url, html: url }),
    },
    "A catalogue item (目录事项) as in force now, with its service guide.",
  ),
  SnapshotValue: { type: ["string", "number", "array", "null"], items: str },
  CatalogueItemVersion: object(
    {
      version: int,
      reason: str,
      createdAt: time,
      initial: { type: "boolean", description: "The first version, or one whose predecessor is missing: no changes listed." },
      snapshot: { type: "object", additionalProperties: ref("SnapshotValue") },
      changes: arrayOf(object({ field: str, before: ref("SnapshotValue"), after: ref("SnapshotValue") })),
    },
    "One published version of an item: its fields then, and what changed against the previous version.",
  ),
  CredentialSummary: object({ type: str, level: str, items: arrayOf(str) }),
  AgencySummary: object({
    id: uuid,
    name: str,
    creditCode: nullable(str),
    regionCode: nullable(str),
    entityType: enumOf(ENTITY_TYPES),
    creditScore: { type: "number" },
    creditGrade: enumOf(["A", "B", "C", "D"]),
    ratingAvg: nullable({ type: "number" }),
    ratingCount: int,
    awardsCount: int,
    credentials: { ...arrayOf(ref("CredentialSummary")), description: "Verified, unexpired credentials and the item codes they cover." },
    links: selfLinks,
  }),
  Credential: object({
    id: uuid,
    type: str,
    level: str,
    number: str,
    issuer: str,
    validUntil: time,
    valid: { type: "boolean", description: "Unexpired at the time of the response." },
    items: arrayOf(ref("ItemRef")),
  }),
  Sanction: object({
    id: uuid,
    kind: enumOf(SANCTION_KIND_VALUES),
    reason: str,
    legalBasis: str,
    authority: str,
    startsAt: time,
    endsAt: nullable(time),
    revokedAt: nullable(time),
    revokedReason: nullable(str),
    creditDeduction: nullable({ type: "number" }),
    caseCode: nullable(str),
    inForce: { type: "boolean" },
    state: enumOf(["inForce", "ended", "notStarted", "revoked"]),
  }),
  Credit: object({
    score: { type: "number" },
    grade: enumOf(["A", "B", "C", "D"]),
    breakdown: {
      oneOf: [
        {
          ...object({
            base: { type: "number" },
            ratings: { type: "number" },
            delivery: { type: "number" },
            objections: { type: "number" },
            sanctions: { type: "number" },
            inspections: {
              type: "number",
              description: "Formula 1.1 on: −10 per failed random inspection published in the last two years.",
            },
            total: { type: "number" },
          }),
          // Scores computed with formula 1.0 have no inspections term.
          required: ["base", "ratings", "delivery", "objections", "sanctions", "total"],
        },
        { type: "null" },
      ],
    },
    zeroed: { type: "boolean", description: "A removal or blacklist entry in force makes the total 0." },
    version: { ...nullable(str), description: "The formula version the score was computed with." },
    currentVersion: str,
    updatedAt: nullable(time),
  }),
  Agency: object(
    {
      id: uuid,
      name: str,
      creditCode: nullable(str),
      regionCode: nullable(str),
      entityType: enumOf(ENTITY_TYPES),
      status: enumOf(PUBLIC_AGENCY_STATUSES),
      suspendedUntil: nullable(time),
      listedAt: nullable(time),
      introduction: str,
      ratingAvg: nullable({ type: "number" }),
      ratingCount: int,
      awardsCount: int,
      credit: ref("Credit"),
      credentials: arrayOf(ref("Credential")),
      practitioners: arrayOf(object({ name: str, qualification: str })),
      sanctions: arrayOf(ref("Sanction")),
      links: selfLinks,
    },
    "An agency that is or was listed (agencies never listed are not public).",
  ),
  RequestSummary: object({
    id: uuid,
    code: str,
    title: str,
    status: enumOf(PUBLIC_REQUEST_STATUSES),
    selectionMethod: enumOf(SELECTION_METHODS),
    fundingSource: enumOf(FUNDING),
    priceCapFen: fen,
    closesAt: time,
    overdue: { type: "boolean" },
    bidCount: { ...nullable(int), description: "While bidding is open: how many bids, never their amounts." },
    item: ref("ItemRef"),
    links: selfLinks,
  }),
  Bid: object(
    {
      agencyId: uuid,
      agencyName: str,
      amountFen: fen,
      serviceDays: int,
      status: enumOf(BID_STATUSES),
      rank: nullable(int),
      score: nullable({ type: "number" }),
      invalidReason: nullable(str),
      submittedAt: time,
    },
    "A bid as opened at closing. Bids are sealed until then: before closing this list is empty.",
  ),
  Request: object({
    id: uuid,
    code: str,
    title: str,
    description: str,
    status: enumOf(PUBLIC_REQUEST_STATUSES),
    statusReason: nullable(str),
    fundingSource: enumOf(FUNDING),
    priceMode: enumOf(PRICE_MODES),
    basePriceFen: nullable(fen),
    discountRateBp: nullable(int),
    priceCapFen: fen,
    selectionMethod: enumOf(SELECTION_METHODS),
    scoringWeights: {
      oneOf: [object({ price: { type: "number" }, credit: { type: "number" }, serviceDays: { type: "number" } }), { type: "null" }],
    },
    qualificationReqs: arrayOf(object({ type: str, level: str })),
    minBidders: int,
    serviceDays: int,
    publicityDays: int,
    opensAt: nullable(time),
    closesAt: time,
    publicityEndsAt: nullable(time),
    round: int,
    drawCommitment: { ...nullable(str), description: "Random draw: SHA-256 of the secret seed, published at opening." },
    createdAt: time,
    item: ref("ItemRef"),
    enterpriseName: str,
    avoidanceCount: int,
    bidsUnsealed: { type: "boolean" },
    bidCount: nullable(int),
    bids: arrayOf(ref("Bid")),
    announcements: arrayOf(object({ id: uuid, kind: str, title: str, publishedAt: time, links: object({ self: url }) })),
    contract: {
      oneOf: [ref("ContractRecord"), { type: "null" }],
      description: "The recorded contract (合同备案), once the enterprise has recorded it; the signed file is not published.",
    },
    links: selfLinks,
  }),
  ContractRecord: object(
    {
      enterpriseName: { ...str, description: "The contracting enterprise (委托方)." },
      agency: {
        oneOf: [object({ id: uuid, name: str, links: selfLinks }), { type: "null" }],
        description: "The winning agency (服务机构).",
      },
      amountFen: fen,
      signedOn: date,
      startsOn: date,
      endsOn: date,
      recordedAt: time,
      amendedAt: { ...nullable(time), description: "The last amendment (合同备案变更), or null." },
      original: {
        ...object({ amountFen: fen, signedOn: date, startsOn: date, endsOn: date }),
        description: "The facts as first recorded.",
      },
      amendments: arrayOf(
        object(
          {
            amountFen: fen,
            signedOn: date,
            startsOn: date,
            endsOn: date,
            reason: str,
            newFile: { type: "boolean", description: "The signed file was replaced (the file itself is not published)." },
            amendedAt: time,
          },
          "One amendment: the contract's facts after it, and why.",
        ),
      ),
    },
    "A recorded contract (合同备案): its parties, and its amount and dates now (Beijing calendar dates), with every amendment.",
  ),
  Announcement: object(
    {
      id: uuid,
      kind: str,
      title: str,
      body: str,
      publishedAt: time,
      facts: {
        type: ["object", "null"],
        description: "The facts the announcement states, versioned per kind (names, amounts in fen, ISO instants, codes).",
      },
      subject: {
        oneOf: [
          object({ type: { const: "request" }, id: uuid, links: object({ self: url }) }),
          object({ type: { const: "catalogueItem" }, code: str, links: object({ self: url }) }),
          { type: "null" },
        ],
      },
      links: selfLinks,
    },
    "A published announcement (公告): its Chinese text of record and its facts.",
  ),
  Disclosure: object(
    {
      id: uuid,
      kind: enumOf(SANCTION_KIND_VALUES),
      state: enumOf(DISCLOSURE_STATE_VALUES),
      agency: object({ id: uuid, name: str, creditCode: nullable(str), profileUrl: nullable(url) }),
      reason: str,
      legalBasis: str,
      evidence: str,
      authority: str,
      startsAt: time,
      endsAt: nullable(time),
      revokedAt: nullable(time),
      revokedReason: nullable(str),
      caseCode: nullable(str),
      publishedAt: time,
    },
    "A credit disclosure entry (信用公示): a sanction or blacklist entry as the published decision states it.",
  ),
  PractitionerSanction: object(
    {
      id: uuid,
      kind: enumOf(PRACTITIONER_SANCTION_KIND_VALUES),
      state: enumOf(PRACTITIONER_SANCTION_STATE_VALUES),
      practitioner: object({
        name: str,
        idMasked: {
          type: "string",
          pattern: "^[0-9]{3}\\*{11}[0-9]{3}[0-9X]$",
          description: "The resident ID number masked: the first 3 and last 4 characters. The number itself is never published.",
        },
      }),
      agency: {
        oneOf: [object({ id: nullable(uuid), name: str, profileUrl: nullable(url) }), { type: "null" }],
        description: "The agency whose roster the person was on when sanctioned.",
      },
      reason: str,
      legalBasis: str,
      evidence: str,
      authority: str,
      startsAt: time,
      endsAt: nullable(time),
      revokedAt: nullable(time),
      revokedReason: nullable(str),
      review: {
        oneOf: [
          object({
            objectedAt: time,
            outcome: { type: ["string", "null"], enum: ["UPHELD", "REVOKED", null] },
            decidedAt: nullable(time),
            decisionReason: nullable(str),
          }),
          { type: "null" },
        ],
        description: "申诉/复核: the agency's objection (once) and the regulator's decision; null when none was filed.",
      },
      publishedAt: time,
    },
    "A sanction on a practitioner (从业人员惩戒): warning, suspension or blacklist, following the person across agencies.",
  ),
};

const listOf = (name: string): Schema => object({ data: arrayOf(ref(name)), pagination: ref("Pagination"), links: ref("PageLinks") });
const oneOfThem = (name: string): Schema => object({ data: ref(name), links: object({ self: url }) });
schemas.CatalogueItemList = listOf("CatalogueItemSummary");
schemas.CatalogueItemResponse = oneOfThem("CatalogueItem");
schemas.CatalogueItemVersionList = object({ data: arrayOf(ref("CatalogueItemVersion")), links: object({ self: url, item: url }) });
schemas.AgencyList = listOf("AgencySummary");
schemas.AgencyResponse = oneOfThem("Agency");
schemas.RequestList = listOf("RequestSummary");
schemas.RequestResponse = oneOfThem("Request");
schemas.AnnouncementList = listOf("Announcement");
schemas.AnnouncementResponse = oneOfThem("Announcement");
schemas.DisclosureList = listOf("Disclosure");
schemas.PractitionerSanctionList = listOf("PractitionerSanction");

type Parameter = { name: string; in: "query" | "path" | "header"; required?: boolean; schema: Schema; description: string };

const page: Parameter = {
  name: "page",
  in: "query",
  schema: { type: "integer", minimum: 1, maximum: API_MAX_PAGE, default: 1 },
  description: "Page number, from 1; each page holds up to 20 entries in a stable order.",
};
const q = (what: string): Parameter => ({ name: "q", in: "query", schema: { type: "string", maxLength: 100 }, description: what });
const ifNoneMatch: Parameter = {
  name: "If-None-Match",
  in: "header",
  schema: str,
  description: "An ETag from an earlier response: answered 304 when nothing changed.",
};

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });
const headers = {
  ETag: { description: "Strong validator: a hash of the body.", schema: str },
  "Access-Control-Allow-Origin": { schema: { const: "*" } },
};

/** One GET operation with the answers every one of them may give. */
function get(operationId: string, summary: string, response: string, parameters: Parameter[], notFound = false) {
  return {
    get: {
      operationId,
      summary,
      parameters: [...parameters, ifNoneMatch],
      responses: {
        "200": { description: "OK", headers, content: { "application/json": { schema: ref(response) } } },
        "304": { description: "Not modified (If-None-Match matched the ETag).", headers },
        "400": problem("A parameter is malformed or out of range."),
        ...(notFound ? { "404": problem("No such public resource.") } : {}),
        "429": {
          ...problem("Too many requests from this client: wait the seconds in Retry-After."),
          headers: { "Retry-After": { schema: int, description: "Seconds to wait." } },
        },
        "503": problem("The database is busy; retry after Retry-After seconds."),
      },
    },
  };
}

const itemCode: Parameter = {
  name: "code",
  in: "path",
  required: true,
  schema: { type: "string", maxLength: 100 },
  description: "Catalogue item code.",
};
const id = (what: string): Parameter => ({ name: "id", in: "path", required: true, schema: uuid, description: what });

export const openApiPaths = {
  "/api/v1/items": get("listItems", "Catalogue items, in force first then retired, by code.", "CatalogueItemList", [
    page,
    q("Words in the name, English name, code, category, department or legal basis; short names (环评) match whole."),
    { name: "status", in: "query", schema: enumOf(CATALOGUE_STATUSES), description: "Only items in this status." },
  ]),
  "/api/v1/items/{code}": get("getItem", "One catalogue item with its service guide.", "CatalogueItemResponse", [itemCode], true),
  "/api/v1/items/{code}/versions": get(
    "listItemVersions",
    "Every published version of an item, newest first, with the changes.",
    "CatalogueItemVersionList",
    [itemCode],
    true,
  ),
  "/api/v1/agencies": get("listAgencies", "The directory: listed agencies, highest credit score first.", "AgencyList", [
    page,
    q("An agency name fragment, a credit code or its beginning, or an item's name (the agencies for that item)."),
    {
      name: "item",
      in: "query",
      schema: { type: "string", maxLength: 100 },
      description: "Only agencies whose credentials cover this item code.",
    },
  ]),
  "/api/v1/agencies/{id}": get(
    "getAgency",
    "One agency with its credentials, credit score and sanctions.",
    "AgencyResponse",
    [id("Agency id.")],
    true,
  ),
  "/api/v1/agencies/by-credit-code/{creditCode}": get(
    "getAgencyByCreditCode",
    "One agency found by its unified social credit code (统一社会信用代码).",
    "AgencyResponse",
    [
      {
        name: "creditCode",
        in: "path",
        required: true,
        schema: { type: "string", pattern: "^[0-9A-HJ-NP-RTUW-Y]{18}$" },
        description: "18 characters with a valid GB 32100-2015 check character.",
      },
    ],
    true,
  ),
  "/api/v1/requests": get("listRequests", "Published requests: open ones first (closing soonest), then the rest.", "RequestList", [
    page,
    q("Words in the title, the code or the item's name."),
    { name: "status", in: "query", schema: enumOf(PUBLIC_REQUEST_STATUSES), description: "Only requests in this state." },
    { name: "item", in: "query", schema: { type: "string", maxLength: 100 }, description: "Only requests for this item code." },
    { name: "method", in: "query", schema: enumOf(SELECTION_METHODS), description: "Only requests with this selection method." },
  ]),
  "/api/v1/requests/{id}": get(
    "getRequest",
    "One published request; its bids once bidding has closed.",
    "RequestResponse",
    [id("Request id.")],
    true,
  ),
  "/api/v1/announcements": get("listAnnouncements", "Announcements, newest first.", "AnnouncementList", [
    page,
    {
      name: "kind",
      in: "query",
      schema: { type: "string", pattern: "^[A-Z][A-Z_]{0,39}$" },
      description: "Only announcements of this kind (e.g. AWARD).",
    },
  ]),
  "/api/v1/announcements/{id}": get("getAnnouncement", "One announcement.", "AnnouncementResponse", [id("Announcement id.")], true),
  "/api/v1/credit/disclosures": get(
    "listDisclosures",
    "Credit disclosure: every sanction and blacklist entry, newest first.",
    "DisclosureList",
    [
      page,
      q("An agency name fragment or credit code."),
      { name: "kind", in: "query", schema: enumOf(SANCTION_KIND_VALUES), description: "Only entries of this kind." },
      { name: "state", in: "query", schema: enumOf(DISCLOSURE_STATE_VALUES), description: "Only entries in this state now." },
    ],
  ),
  "/api/v1/credit/practitioner-sanctions": get(
    "listPractitionerSanctions",
    "Sanctions on practitioners (name, masked ID number, agency at the time), newest first.",
    "PractitionerSanctionList",
    [
      page,
      q("A fragment of the practitioner's name or of the agency's name."),
      {
        name: "kind",
        in: "query",
        schema: enumOf(PRACTITIONER_SANCTION_KIND_VALUES),
        description: "Only sanctions of this kind.",
      },
      {
        name: "state",
        in: "query",
        schema: enumOf(PRACTITIONER_SANCTION_STATE_VALUES),
        description: "Only sanctions in this state now.",
      },
    ],
  ),
} as const;

export type OperationId = (typeof openApiPaths)[keyof typeof openApiPaths]["get"]["operationId"];

/** The whole document; `origin` becomes its server URL. */
export function openApiDocument(origin: string) {
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "中介超市 public API",
      version: API_VERSION,
      summary: "Read-only open data of the intermediary-service marketplace: catalogue, agencies, requests, announcements, credit.",
      description:
        "No key and no login. GET only; CORS open to every origin (no credentials). Lists are paginated (`page`, 20 per page, " +
        "stable order, `links.next`). Times are ISO 8601 in UTC, amounts strings of fen. Every response carries a strong ETag; " +
        "send it back in If-None-Match to get 304. Each client address has a request budget: past it the answer is 429 with " +
        "Retry-After. Errors are RFC 9457 problem details. Sealed bid amounts are never published before bidding closes.",
      license: { name: "CC BY 4.0", identifier: "CC-BY-4.0" },
    },
    servers: [{ url: origin }],
    paths: openApiPaths,
    components: { schemas },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
