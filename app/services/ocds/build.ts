/**
 * OCDS 1.1 releases of one contracting process (one request, one round),
 * derived from the request's audit chain (decision 027). Pure: the caller
 * loads the facts (ocds.server.ts). Each release-worthy event of the chain
 * becomes one release whose content is the state of the process after that
 * event; the compiled release is the state after the last one.
 *
 * Sealed bids (Principle 5): bid amounts enter the state only at the CLOSE
 * event, whose payload froze the valid entrants when bidding closed. No
 * release dated before it can carry an amount other than the published cap,
 * and a process cancelled before closing never carries one.
 *
 * Mapping of our states and methods to the OCDS codelists: docs/ocds.md.
 */

export type OcdsMethod = "DIRECT" | "LOWEST_PRICE" | "RANDOM_DRAW" | "SCORED" | "AVERAGE_PRICE";

export type ProcessFacts = {
  ocid: string;
  origin: string;
  request: {
    id: string;
    code: string;
    title: string;
    description: string;
    fundingSource: "ENTERPRISE" | "GOVERNMENT";
    selectionMethod: OcdsMethod;
    priceCapFen: bigint;
    minBidders: number;
    serviceDays: number;
    publicityDays: number;
    closesAt: Date;
    round: number;
    qualificationReqs: unknown;
    item: { code: string; name: string; nameEn: string };
    enterprise: { id: string; name: string; kind: string; creditCode: string | null };
  };
  previous: { ocid: string; title: string } | null;
  /** The request's audit chain, in seq order. */
  events: ChainEvent[];
  /** Names and credit codes of the agencies named in the chain. */
  agencies: Map<string, { name: string; creditCode: string | null }>;
  /** Bids invalidated before or at closing (shown as disqualified from the CLOSE release on). */
  disqualified: { id: string; agencyId: string; amountFen: bigint; submittedAt: Date; invalidReason: string | null }[];
  /** AWARD announcements of the request, oldest first (one per award event). */
  awardNotices: string[];
  /** Imported history only (an IMPORT_HISTORY event instead of a chain of stages): its bids and deliveries. */
  history?: {
    drawSeed: string | null;
    drawCommitment: string | null;
    publicityEndsAt: Date | null;
    bids: {
      id: string;
      agencyId: string;
      amountFen: bigint;
      serviceDays: number;
      submittedAt: Date;
      status: string;
      rank: number | null;
    }[];
    deliveries: { id: string; createdAt: Date; accepted: boolean | null; decidedAt: Date | null }[];
  };
};

export type ChainEvent = {
  id: bigint;
  seq: number;
  event: string;
  fromState: string | null;
  toState: string | null;
  at: Date;
  payload: unknown;
};

/** Events that may produce a release; the builder decides for each (ocds.server.ts queries with this list). */
export const RELEASE_EVENTS = [
  "PUBLISH",
  "APPROVE_FAIRNESS",
  "CLOSE",
  "SELECT",
  "PICK",
  "PUBLICITY_ENDED",
  "UPHOLD_OBJECTION",
  "CONFIRM_CONTRACT",
  "START_SERVICE",
  "RECORD_CONTRACT",
  "AMEND_CONTRACT",
  "OVERDUE",
  "DELIVER",
  "ACCEPT",
  "RETURN",
  "TERMINATE",
  "CANCEL",
  "IMPORT_HISTORY",
] as const;

const UNPUBLISHED = new Set(["DRAFT", "FAIRNESS_REVIEW"]);

/** procurementMethod (closed codelist `method`) and awardCriteria (open codelist `awardCriteria`) per selection method. */
export const METHOD_MAP: Record<OcdsMethod, { procurementMethod: "open"; awardCriteria: string | null; details: string }> = {
  LOWEST_PRICE: {
    procurementMethod: "open",
    awardCriteria: "priceOnly",
    details: "竞价选取 LOWEST_PRICE: the lowest valid sealed bid wins; ties go to the earlier bid",
  },
  AVERAGE_PRICE: {
    procurementMethod: "open",
    awardCriteria: "priceOnly",
    details: "均价比选 AVERAGE_PRICE: the valid bid closest to, and not above, the mean of the valid bids wins",
  },
  SCORED: {
    procurementMethod: "open",
    awardCriteria: "ratedCriteria",
    details:
      "综合评价 SCORED: published weights for price, credit score and stated criteria; price score = lowest valid price / this price × weight",
  },
  RANDOM_DRAW: {
    procurementMethod: "open",
    awardCriteria: null,
    details:
      "随机抽取 RANDOM_DRAW: a verifiable draw among the valid bids under the cap; ranking by SHA-256(seed ‖ agencyId), seed committed at opening",
  },
  DIRECT: {
    procurementMethod: "open",
    awardCriteria: null,
    details: "直接选取 DIRECT: the enterprise freely chooses one of the valid responding agencies (enterprise funds only)",
  },
};

type Json = Record<string, unknown>;
type Party = { id: string; name: string; roles: string[]; identifier?: Json };
type Award = Json & { id: string; status: string };
type Milestone = Json & { id: string; status: string };

export type Release = Json & { ocid: string; id: string; date: string; tag: string[] };

type State = {
  parties: Party[];
  tender: Json;
  bids: { statistics: Json[]; details: Json[] } | null;
  awards: Award[];
  contracts: Json[];
  milestones: Milestone[];
  /** Frozen entrants of CLOSE, by bid id (amounts are public from then on). */
  entrants: Map<string, { agencyId: string; amountFen: bigint }>;
  currentAward: Award | null;
};

const yuan = (fen: bigint | string) => ({ amount: Number(BigInt(fen)) / 100, currency: "CNY" });
const iso = (d: Date | string) => new Date(d).toISOString();
const obj = (v: unknown): Json => (v && typeof v === "object" ? (v as Json) : {});
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

function buyerParty(e: ProcessFacts["request"]["enterprise"]): Party {
  // A natural person's name is personal data: published as a role, not a name.
  if (e.kind === "NATURAL_PERSON") return { id: `org-${e.id}`, name: "自然人业主（姓名不公开）", roles: ["buyer", "procuringEntity"] };
  return {
    id: `org-${e.id}`,
    name: e.name,
    roles: ["buyer", "procuringEntity"],
    ...(e.creditCode ? { identifier: { id: e.creditCode, legalName: e.name } } : {}),
  };
}

function qualificationsText(reqs: unknown): string {
  const list = Array.isArray(reqs) ? reqs : [];
  const named = list
    .map((q) => obj(q))
    .map((q) => [str(q.type), str(q.level)].filter(Boolean).join(" "))
    .filter(Boolean);
  return [
    "Only agencies LISTED in the directory whose verified credentials cover the catalogue item may bid; registration region is never a criterion.",
    named.length ? `Qualifications required: ${named.join("; ")}.` : null,
  ]
    .filter(Boolean)
    .join(" ");
}

export function buildProcess(f: ProcessFacts): { releases: { eventId: bigint; release: Release }[]; compiled: Release | null } {
  const r = f.request;
  const ocid = f.ocid;
  const method = METHOD_MAP[r.selectionMethod];
  const buyer = buyerParty(r.enterprise);
  const agencyRef = (agencyId: string) => ({ id: `agency-${agencyId}`, name: f.agencies.get(agencyId)?.name ?? agencyId });
  const state: State = {
    parties: [buyer],
    tender: {},
    bids: null,
    awards: [],
    contracts: [],
    milestones: [],
    entrants: new Map(),
    currentAward: null,
  };
  const addParty = (agencyId: string, role: string) => {
    const id = `agency-${agencyId}`;
    let p = state.parties.find((x) => x.id === id);
    if (!p) {
      const a = f.agencies.get(agencyId);
      p = {
        id,
        name: a?.name ?? agencyId,
        roles: [],
        ...(a?.creditCode ? { identifier: { id: a.creditCode, legalName: a.name } } : {}),
      };
      state.parties.push(p);
    }
    if (!p.roles.includes(role)) p.roles.push(role);
  };
  const contract = () => state.contracts.at(-1) ?? null;
  const milestone = (id: string) => state.milestones.find((m) => m.id === id) ?? null;
  const setFinal = (status: "cancelled" | "unsuccessful" | "complete", details: string, at: Date) => {
    state.tender.status = status;
    state.tender.finalStatus = status;
    state.tender.finalStatusDetails = details;
    state.tender.finalStatusDate = iso(at);
  };
  let awardNotice = 0;

  const releases: { eventId: bigint; release: Release }[] = [];
  let published = false;

  for (const e of f.events.flatMap((x) => (x.event === "IMPORT_HISTORY" ? historyStages(f, x) : [x]))) {
    const p = obj(e.payload);
    let tag: string[] | null = null;
    switch (e.event) {
      case "PUBLISH":
      case "APPROVE_FAIRNESS": {
        if (e.toState !== "OPEN" || published) break;
        published = true;
        state.tender = {
          id: r.code,
          title: r.title,
          description: r.description,
          status: "active",
          procuringEntity: { id: buyer.id, name: buyer.name },
          items: [{ id: r.item.code, description: `${r.item.name} (${r.item.nameEn})`, quantity: 1 }],
          value: yuan(r.priceCapFen),
          procurementMethod: method.procurementMethod,
          procurementMethodDetails: method.details,
          ...(method.awardCriteria ? { awardCriteria: method.awardCriteria } : {}),
          awardCriteriaDetails: method.details,
          submissionMethod: ["electronicSubmission"],
          submissionMethodDetails: "Sealed electronic bids on the platform; amounts are opened only when bidding closes.",
          mainProcurementCategory: "services",
          datePublished: iso(e.at),
          tenderPeriod: { startDate: iso(e.at), endDate: iso(str(p.closesAt) ?? r.closesAt) },
          contractPeriod: { durationInDays: r.serviceDays },
          eligibilityCriteria: qualificationsText(r.qualificationReqs),
          documents: [
            {
              id: `notice-${r.id}`,
              documentType: "tenderNotice",
              title: r.title,
              url: `${f.origin}/requests/${r.id}`,
              format: "text/html",
              language: "zh",
              datePublished: iso(e.at),
            },
          ],
          ...(r.selectionMethod === "RANDOM_DRAW" && str(p.commitment)
            ? { randomDraw: { algorithm: "SHA-256(seed ‖ agencyId), ascending", commitment: str(p.commitment) } }
            : {}),
        };
        tag = ["planning", "tender"];
        break;
      }
      case "CLOSE": {
        if (!published) break;
        const entrants = (Array.isArray(p.entrants) ? p.entrants : []).map(obj);
        for (const x of entrants) {
          const bidId = str(x.bidId);
          const agencyId = str(x.agencyId);
          const amount = str(x.amountFen);
          if (bidId && agencyId && amount && /^\d+$/.test(amount)) state.entrants.set(bidId, { agencyId, amountFen: BigInt(amount) });
        }
        const details: Json[] = entrants
          .filter((x) => state.entrants.has(str(x.bidId) ?? ""))
          .map((x) => ({
            id: str(x.bidId)!,
            date: iso(str(x.submittedAt) ?? e.at),
            status: "valid",
            tenderers: [agencyRef(str(x.agencyId)!)],
            value: yuan(state.entrants.get(str(x.bidId)!)!.amountFen),
          }));
        const out = f.disqualified.filter((b) => b.submittedAt <= e.at);
        for (const b of out)
          details.push({
            id: b.id,
            date: iso(b.submittedAt),
            status: "disqualified",
            description: b.invalidReason === "ABOVE_CAP" ? "Above the price cap" : "The agency was not listed when bidding closed",
            tenderers: [agencyRef(b.agencyId)],
            value: yuan(b.amountFen),
          });
        for (const d of details) addParty((d.tenderers as { id: string }[])[0]!.id.slice("agency-".length), "tenderer");
        const tenderers = [...new Set(details.map((d) => (d.tenderers as { id: string }[])[0]!.id))];
        state.tender.numberOfTenderers = tenderers.length;
        state.tender.tenderers = tenderers.map((id) => ({ id, name: state.parties.find((x) => x.id === id)!.name }));
        const valid = [...state.entrants.values()].map((x) => x.amountFen);
        const closedAt = iso(e.at);
        state.bids = {
          statistics: [
            { id: "bids", measure: "bids", value: details.length, date: closedAt },
            { id: "validBids", measure: "validBids", value: valid.length, date: closedAt },
            ...(valid.length
              ? [
                  {
                    id: "lowestValidBidValue",
                    measure: "lowestValidBidValue",
                    value: yuan(valid.reduce((a, b) => (b < a ? b : a))).amount,
                    currency: "CNY",
                    date: closedAt,
                  },
                  {
                    id: "highestValidBidValue",
                    measure: "highestValidBidValue",
                    value: yuan(valid.reduce((a, b) => (b > a ? b : a))).amount,
                    currency: "CNY",
                    date: closedAt,
                  },
                ]
              : []),
          ],
          details,
        };
        tag = ["tenderUpdate"];
        break;
      }
      case "SELECT":
      case "PICK":
      case "UPHOLD_OBJECTION": {
        if (!published) break;
        const winnerBidId = e.event === "UPHOLD_OBJECTION" ? str(p.nextBidId) : str(p.winnerBidId);
        tag = [];
        if (e.event === "UPHOLD_OBJECTION" && state.currentAward) {
          state.currentAward.status = "cancelled";
          state.currentAward.finalStatus = "cancelled";
          state.currentAward.finalStatusDetails = "异议成立，中选结果撤销 (objection upheld by the regulator)";
          state.currentAward.finalStatusDate = iso(e.at);
          state.currentAward = null;
          tag.push("awardCancellation");
        }
        if (e.toState === "FAILED" || !winnerBidId) {
          const detail =
            e.event === "UPHOLD_OBJECTION"
              ? "流标: objection upheld and no ranked bid left"
              : `流标: ${Number(p.validBids ?? 0)} valid bid(s), fewer than the minimum of ${Number(p.minBidders ?? r.minBidders)}`;
          setFinal("unsuccessful", detail, e.at);
          tag.push("tenderUpdate");
          break;
        }
        const won = state.entrants.get(winnerBidId);
        if (!won) break; // an award without frozen entrants is not ours to state
        addParty(won.agencyId, "supplier");
        const publicityEnds = str(p.publicityEndsAt) ?? new Date(e.at.getTime() + r.publicityDays * 86_400_000).toISOString();
        const noticeId = f.awardNotices[awardNotice++];
        const draw = obj(p.draw);
        const award: Award = {
          id: `${ocid}-award-${e.seq}`,
          title: `中选: ${r.title}`,
          status: "pending",
          description: `${method.details}. Award publicity (中选公示) until ${iso(publicityEnds)}; bidders may object.`,
          date: iso(e.at),
          value: yuan(won.amountFen),
          suppliers: [agencyRef(won.agencyId)],
          relatedBids: [winnerBidId],
          ...(noticeId
            ? {
                documents: [
                  {
                    id: `announcement-${noticeId}`,
                    documentType: "awardNotice",
                    title: `中选公示：${r.title}`,
                    url: `${f.origin}/announcements/${noticeId}`,
                    format: "text/html",
                    language: "zh",
                    datePublished: iso(e.at),
                  },
                ],
              }
            : {}),
          ...(r.selectionMethod === "RANDOM_DRAW" && str(draw.seed)
            ? {
                randomDraw: {
                  algorithm: "SHA-256(seed ‖ agencyId), ascending",
                  commitment: str(draw.commitment),
                  seed: str(draw.seed),
                  entrants: Array.isArray(draw.entrants) ? draw.entrants.map(String).map((id) => `agency-${id}`) : [],
                  ...(noticeId ? { verificationUrl: `${f.origin}/announcements/${noticeId}/draw.json` } : {}),
                },
              }
            : {}),
        };
        state.awards.push(award);
        state.currentAward = award;
        state.tender.status = "complete";
        state.tender.awardPeriod = { startDate: iso(e.at), endDate: iso(publicityEnds) };
        tag.push("award");
        break;
      }
      case "PUBLICITY_ENDED": {
        if (!state.currentAward) break;
        state.currentAward.status = "active";
        tag = ["awardUpdate"];
        break;
      }
      case "CONFIRM_CONTRACT": {
        if (e.toState !== "CONTRACTED" || !state.currentAward) break;
        const award = state.currentAward;
        award.status = "active";
        if (!state.tender.finalStatus) setFinal("complete", "中选结果确定，合同签订 (award confirmed, contract signed)", e.at);
        state.contracts.push({
          id: `${ocid}-contract-${e.seq}`,
          awardID: award.id,
          title: `合同: ${r.title}`,
          status: "active",
          dateSigned: iso(e.at),
          value: award.value,
          relatedBids: award.relatedBids,
        });
        tag = ["contract"];
        break;
      }
      case "START_SERVICE": {
        const c = contract();
        if (!c) break;
        const dueAt = str(p.dueAt);
        c.period = {
          startDate: iso(e.at),
          ...(dueAt ? { endDate: iso(dueAt) } : {}),
          durationInDays: Number(p.serviceDays ?? r.serviceDays),
        };
        state.milestones.push({
          id: "delivery",
          title: "成果交付 (delivery of the result report)",
          type: "delivery",
          status: "scheduled",
          ...(dueAt ? { dueDate: iso(dueAt) } : {}),
          dateModified: iso(e.at),
        });
        tag = ["implementation"];
        break;
      }
      // 合同备案 (decision 034): the recorded amount, signing date and term replace the award's; the file itself is not public.
      case "RECORD_CONTRACT": {
        const c = contract();
        const amountFen = str(p.amountFen);
        const [signedOn, startsOn, endsOn] = [str(p.signedOn), str(p.startsOn), str(p.endsOn)];
        if (!c || !amountFen || !signedOn || !startsOn || !endsOn) break;
        const day = (d: string) => `${d}T00:00:00+08:00`;
        c.value = yuan(amountFen);
        c.dateSigned = iso(day(signedOn));
        c.period = { startDate: iso(day(startsOn)), endDate: iso(`${endsOn}T23:59:59+08:00`) };
        c.documents = [
          {
            id: `${ocid}-contract-record`,
            documentType: "contractSigned",
            title: "合同备案 (signed contract recorded; the file is open to the parties and the regulator)",
            datePublished: iso(e.at),
          },
        ];
        tag = ["contractUpdate"];
        break;
      }
      // 合同备案变更 (decision 040): the facts after the change, and an amendment entry with the reason; files stay unpublished.
      case "AMEND_CONTRACT": {
        const c = contract();
        const amountFen = str(p.amountFen);
        const [signedOn, startsOn, endsOn] = [str(p.signedOn), str(p.startsOn), str(p.endsOn)];
        if (!c || !amountFen || !signedOn || !startsOn || !endsOn) break;
        const day = (d: string) => `${d}T00:00:00+08:00`;
        c.value = yuan(amountFen);
        c.dateSigned = iso(day(signedOn));
        c.period = { startDate: iso(day(startsOn)), endDate: iso(`${endsOn}T23:59:59+08:00`) };
        const amendments = Array.isArray(c.amendments) ? (c.amendments as Json[]) : [];
        const before = [str(p.previousAmountFen), str(p.previousSignedOn), str(p.previousStartsOn), str(p.previousEndsOn)];
        amendments.push({
          id: `${ocid}-contract-amendment-${amendments.length + 1}`,
          date: iso(e.at),
          rationale: str(p.reason) ?? "",
          description: [
            before[0] ? `合同金额 ${Number(BigInt(before[0])) / 100} → ${Number(BigInt(amountFen)) / 100} CNY` : null,
            before[1] ? `签订日期 ${before[1]} → ${signedOn}` : null,
            before[2] && before[3] ? `履行期限 ${before[2]}–${before[3]} → ${startsOn}–${endsOn}` : null,
            p.newFile === true ? "合同文件已更换 (the signed file was replaced; open to the parties and the regulator)" : null,
          ]
            .filter(Boolean)
            .join("; "),
        });
        c.amendments = amendments;
        tag = ["contractAmendment"];
        break;
      }
      case "OVERDUE": {
        const m = milestone("delivery");
        if (!m || m.status !== "scheduled") break;
        m.status = "notMet";
        m.dateModified = iso(e.at);
        tag = ["implementationUpdate"];
        break;
      }
      case "DELIVER": {
        const id = str(p.deliveryId);
        if (!contract() || !id) break;
        state.milestones.push({
          id: `acceptance-${id}`,
          title: "成果验收 (acceptance of a delivered report)",
          type: "approval",
          status: "scheduled",
          description: p.late === true ? "Delivered after the due date" : "Delivered on time",
          dateModified: iso(e.at),
        });
        tag = ["implementationUpdate"];
        break;
      }
      case "ACCEPT":
      case "RETURN": {
        const m = milestone(`acceptance-${str(p.deliveryId) ?? ""}`);
        const c = contract();
        if (!m || !c) break;
        m.dateModified = iso(e.at);
        if (e.event === "RETURN") {
          m.status = "notMet";
          tag = ["implementationUpdate"];
          break;
        }
        m.status = "met";
        m.dateMet = iso(e.at);
        const d = milestone("delivery");
        if (d) {
          d.status = "met";
          d.dateMet = m.dateModified;
          d.dateModified = iso(e.at);
        }
        c.status = "terminated";
        c.finalStatus = "complete";
        c.finalStatusDetails = "验收通过 (delivery accepted, contract completed)";
        c.finalStatusDate = iso(e.at);
        tag = ["implementationUpdate", "contractTermination"];
        break;
      }
      case "TERMINATE": {
        const c = contract();
        if (!c) break;
        c.status = "terminated";
        c.finalStatus = "incomplete";
        c.finalStatusDetails = "合同解除: the agency was suspended, removed or blacklisted (decision in the credit disclosure)";
        c.finalStatusDate = iso(e.at);
        // What was still due will not be delivered under this contract.
        for (const m of state.milestones)
          if (m.status === "scheduled") {
            m.status = "notMet";
            m.dateModified = iso(e.at);
          }
        tag = ["contractTermination"];
        break;
      }
      case "CANCEL": {
        // A draft or a request held for review was never published: nothing to release.
        if (!published || UNPUBLISHED.has(e.fromState ?? "")) break;
        setFinal("cancelled", `取消 (cancelled before closing): ${str(p.reason) ?? ""}`.trim(), e.at);
        tag = ["tenderCancellation"];
        break;
      }
    }
    if (!tag || tag.length === 0 || !published) continue;
    releases.push({ eventId: e.id, release: snapshot(f, state, `${ocid}-${e.event.toLowerCase()}-${e.seq}`, e.at, tag) });
  }
  const last = releases.at(-1);
  const compiled = last ? { ...structuredClone(last.release), id: `${ocid}-compiled-${last.eventId}`, tag: ["compiled"] } : null;
  return { releases, compiled };
}

/**
 * Requests imported as history (seeds/history.ts) carry one IMPORT_HISTORY
 * event with the dates of each stage instead of a chain of stages: the stages
 * are restated from it and the rows, at their original times, so their
 * releases look like those of a request that went through the platform. All
 * of them take the import event's place in the feed (its id); their release
 * ids carry the import event's seq × 100 + the stage number.
 */
function historyStages(f: ProcessFacts, imp: ChainEvent): ChainEvent[] {
  const h = f.history;
  const p = obj(imp.payload);
  const at = (k: string) => (str(p[k]) ? new Date(str(p[k])!) : null);
  const opensAt = at("opensAt");
  if (!h || !opensAt) return [];
  const out: ChainEvent[] = [];
  const push = (event: string, when: Date, payload: Json, fromState: string | null = null, toState: string | null = null) =>
    out.push({ id: imp.id, seq: imp.seq * 100 + out.length, event, fromState, toState, at: when, payload });
  const closesAt = at("closesAt") ?? f.request.closesAt;
  push("PUBLISH", opensAt, { closesAt: closesAt.toISOString(), commitment: h.drawCommitment }, "DRAFT", "OPEN");
  const status = imp.toState ?? "OPEN";
  if (status === "OPEN" || status === "CANCELLED") return out;
  const entrants = h.bids.filter((b) => b.status === "WON" || b.status === "LOST");
  push("CLOSE", closesAt, {
    entrants: entrants.map((b) => ({
      bidId: b.id,
      agencyId: b.agencyId,
      amountFen: b.amountFen.toString(),
      serviceDays: b.serviceDays,
      submittedAt: b.submittedAt.toISOString(),
    })),
  });
  const winner = entrants.find((b) => b.status === "WON");
  if (status === "FAILED" || !winner) {
    push(
      "SELECT",
      new Date(closesAt.getTime() + 60_000),
      { validBids: entrants.length, minBidders: f.request.minBidders },
      "CLOSED",
      "FAILED",
    );
    return out;
  }
  const awardedAt = at("awardedAt") ?? closesAt;
  push(
    f.request.selectionMethod === "DIRECT" ? "PICK" : "SELECT",
    awardedAt,
    {
      winnerBidId: winner.id,
      ...(h.publicityEndsAt ? { publicityEndsAt: h.publicityEndsAt.toISOString() } : {}),
      draw:
        f.request.selectionMethod === "RANDOM_DRAW" && h.drawSeed
          ? { commitment: h.drawCommitment, seed: h.drawSeed, entrants: entrants.map((b) => b.agencyId).sort() }
          : null,
    },
    "CLOSED",
    "AWARD_PUBLICITY",
  );
  if (h.publicityEndsAt && h.publicityEndsAt <= imp.at) push("PUBLICITY_ENDED", h.publicityEndsAt, {});
  const contractedAt = at("contractedAt");
  if (!contractedAt) return out;
  push("CONFIRM_CONTRACT", contractedAt, {}, "AWARD_PUBLICITY", "CONTRACTED");
  const dueAt = at("dueAt");
  push("START_SERVICE", contractedAt, { serviceDays: f.request.serviceDays, ...(dueAt ? { dueAt: dueAt.toISOString() } : {}) });
  for (const d of h.deliveries) {
    push("DELIVER", d.createdAt, { deliveryId: d.id, late: !!dueAt && d.createdAt > dueAt });
    if (d.accepted !== null && d.decidedAt) push(d.accepted ? "ACCEPT" : "RETURN", d.decidedAt, { deliveryId: d.id });
  }
  return out;
}

function snapshot(f: ProcessFacts, s: State, id: string, at: Date, tag: string[]): Release {
  const buyer = s.parties[0]!;
  const release: Release = {
    ocid: f.ocid,
    id,
    date: iso(at),
    tag,
    initiationType: "tender",
    language: "zh",
    parties: s.parties,
    buyer: { id: buyer.id, name: buyer.name },
    planning: {
      rationale: `Intermediary service for an administrative approval: ${f.request.item.name} (${f.request.item.code})`,
      budget: {
        description:
          f.request.fundingSource === "GOVERNMENT"
            ? "政府委托: paid from a government budget (the price cap)"
            : "企业自筹: paid by the enterprise (the price cap)",
        amount: yuan(f.request.priceCapFen),
      },
    },
    tender: s.tender,
    ...(s.bids ? { bids: s.bids } : {}),
    ...(s.awards.length ? { awards: s.awards } : {}),
    ...(s.contracts.length
      ? {
          contracts: s.contracts.map((c, i) =>
            i === s.contracts.length - 1 && s.milestones.length ? { ...c, implementation: { milestones: s.milestones } } : c,
          ),
        }
      : {}),
    ...(f.previous
      ? {
          relatedProcesses: [
            {
              id: "previous-round",
              relationship: ["unsuccessfulProcess"],
              title: f.previous.title,
              scheme: "ocid",
              identifier: f.previous.ocid,
              uri: `${f.origin}/ocds/records/${f.previous.ocid}.json`,
            },
          ],
        }
      : {}),
  };
  // Each release is an immutable copy of the state at its event.
  return structuredClone(release);
}
