import type { AnnouncementFacts } from "./announcement-facts";
import { formatBeijingMinute } from "./format";
import { formatYuan } from "./money";

/**
 * 公告 in the reader's language, rendered from the facts the server parsed
 * (app/lib/announcement-facts.ts) with the reader's translations. Pure, and
 * light: it runs in the browser too, so it imports no schema library.
 */

export type { AnnouncementFacts } from "./announcement-facts";

/** A translation function: i18next's `t`, loosely typed (keys are built here). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export type AnnouncementText = { title: string; lines: string[] };

class MissingTranslation extends Error {}

/**
 * Title and body lines of an announcement in the language of `t`: from its
 * facts when it has them, otherwise its stored text.
 */
export function announcementText(
  a: { title: string; body?: string; facts: AnnouncementFacts | null },
  t: Translate,
  lang: string,
): AnnouncementText {
  const stored = { title: a.title, lines: a.body ? a.body.split("\n") : [] };
  if (!a.facts) return stored;
  try {
    return render(a.facts, strict(t), lang === "en" ? "en" : "zh");
  } catch (error) {
    if (error instanceof MissingTranslation) return stored;
    throw error;
  }
}

/** `t`, but a missing key (i18next answers with the key itself) is an error: the stored text is shown instead. */
function strict(t: Translate): Translate {
  return (key, options) => {
    const out = t(key, options);
    if (out === key || out === "") throw new MissingTranslation(key);
    return out;
  };
}

function render(f: AnnouncementFacts, t: Translate, lang: "zh" | "en"): AnnouncementText {
  const k = (key: string, options?: Record<string, unknown>) => t(`announcementText.${key}`, options);
  const line = (key: string, options?: Record<string, unknown>) => k(`lines.${key}`, options);
  const time = (iso: string) => k("time", { time: formatBeijingMinute(iso) });
  const yuan = (amount: string) => formatYuan(amount, lang);
  const itemName = (x: { itemName: string; itemNameEn?: string | null }) => (lang === "en" && x.itemNameEn ? x.itemNameEn : x.itemName);
  const methodName = (m: string) => t(`requests.methods.${m}`);
  const title = (key: string, options: Record<string, unknown>) => k(`titles.${key}`, options);

  switch (f.kind) {
    case "REQUEST_OPEN":
      return {
        title: title("REQUEST_OPEN", { title: f.title }),
        lines: [
          line("code", { code: f.code }),
          line("item", { item: itemName(f) }),
          line("method", { method: methodName(f.method) }),
          line("priceCap", { amount: yuan(f.priceCapFen) }),
          line("closesAt", { time: time(f.closesAt) }),
          ...(f.commitment ? [line("commitment", { commitment: f.commitment })] : []),
        ],
      };
    case "AWARD":
      return {
        title: title(f.reawarded ? "AWARD_REAWARDED" : "AWARD", { title: f.title }),
        lines: [
          line("code", { code: f.code }),
          line("item", { item: itemName(f) }),
          line("method", { method: methodName(f.method) }),
          ...(f.reawarded ? [f.revokedAgencyName ? line("revokedNamed", { agency: f.revokedAgencyName }) : line("revoked")] : []),
          line("winner", { agency: f.winnerName, amount: yuan(f.amountFen), cap: yuan(f.priceCapFen) }),
          line("publicity", { time: time(f.publicityEndsAt) }),
        ],
      };
    case "FAILED":
      return {
        title: title("FAILED", { title: f.title }),
        lines: [
          line("code", { code: f.code }),
          f.reason === "TOO_FEW_BIDS" ? line("failedTooFew", { valid: f.validBids, min: f.minBidders }) : line("failedObjection"),
        ],
      };
    case "CONTRACT":
      return {
        title: title("CONTRACT", { title: f.title }),
        lines: [
          line("code", { code: f.code }),
          line("item", { item: itemName(f) }),
          line("serviceAgency", { agency: f.agencyName }),
          line("contractAmount", { amount: yuan(f.amountFen) }),
          line("contractedAt", { time: time(f.contractedAt) }),
          line("servicePeriod", { days: f.serviceDays, time: time(f.dueAt) }),
        ],
      };
    case "CONTRACT_RECORD":
      return {
        title: title("CONTRACT_RECORD", { title: f.title }),
        lines: [
          line("code", { code: f.code }),
          line("item", { item: itemName(f) }),
          line("principal", { enterprise: f.enterpriseName }),
          line("serviceAgency", { agency: f.agencyName }),
          line("contractAmount", { amount: yuan(f.amountFen) }),
          line("signedOn", { date: f.signedOn }),
          line("performance", { from: f.startsOn, to: f.endsOn }),
          line("recordedAt", { time: time(f.recordedAt) }),
        ],
      };
    case "CONTRACT_AMENDMENT":
      return {
        title: title("CONTRACT_AMENDMENT", { title: f.title }),
        lines: [
          line("code", { code: f.code }),
          line("item", { item: itemName(f) }),
          line("principal", { enterprise: f.enterpriseName }),
          line("serviceAgency", { agency: f.agencyName }),
          line("amendedAmount", { amount: yuan(f.amountFen), before: yuan(f.previousAmountFen) }),
          line("amendedSignedOn", { date: f.signedOn, before: f.previousSignedOn }),
          line("amendedPerformance", { from: f.startsOn, to: f.endsOn, beforeFrom: f.previousStartsOn, beforeTo: f.previousEndsOn }),
          line(f.newFile ? "amendedFileReplaced" : "amendedFileKept"),
          line("amendmentReason", { reason: f.reason }),
          line("amendedAt", { time: time(f.amendedAt) }),
        ],
      };
    case "TERMINATED":
      return {
        title: title("TERMINATED", { title: f.title }),
        lines: [
          line("code", { code: f.code }),
          line("awardedAgency", { agency: f.agencyName }),
          line("terminationReason", { reason: f.reason }),
        ],
      };
    case "OBJECTION_DECISION":
      return {
        title: title("OBJECTION_DECISION", { title: f.title }),
        lines: [
          line("code", { code: f.code }),
          line("objector", { agency: f.objectorName }),
          line("decision", { decision: k(`decisions.${f.decision}`) }),
          line("reason", { reason: f.reason }),
          line("legalBasis", { legalBasis: f.legalBasis }),
          line("evidence", { evidence: f.evidence }),
        ],
      };
    case "CATALOGUE_CHANGE": {
      if (f.event === "INITIAL_CATALOGUE") {
        const names = f.items.map((i) => (lang === "en" && i.nameEn ? i.nameEn : i.name));
        return {
          title: title("CATALOGUE_INITIAL", {}),
          lines: [line("catalogueInitial", { count: f.items.length, names: names.join(k("listSeparator")) })],
        };
      }
      const name = lang === "en" && f.nameEn ? f.nameEn : f.name;
      const facts = { name, code: f.code, version: f.version, department: f.department };
      if (f.event === "CREATE_ITEM")
        return {
          title: title("CATALOGUE_CREATE_ITEM", { name }),
          lines: [line("catalogueCreate", facts), line("catalogueReason", { reason: f.reason })],
        };
      if (f.event === "EDIT_ITEM") {
        const fields = f.changedFields.map((field) => t(`catalogueAdmin.fields.${field}`)).join(k("listSeparator"));
        return {
          title: title("CATALOGUE_EDIT_ITEM", { name, version: f.version }),
          lines: [line("catalogueEdit", { ...facts, fields }), line("catalogueReason", { reason: f.reason })],
        };
      }
      return {
        title: title("CATALOGUE_RETIRE_ITEM", { name }),
        lines: [line("catalogueRetire", facts), line("catalogueRetireReason", { reason: f.reason })],
      };
    }
  }
}
