import type { Route } from "./+types/audit.inclusion.json";
import { visitor } from "~/lib/route.server";
import { inclusionProof } from "~/services/audit/log.server";
import { badRequest, parseSize, proofResponse } from "~/services/audit/proof-http.server";

/**
 * GET /audit/inclusion.json — proof that one event is in a signed tree head
 * (decision 023), RFC 9162 style. Name the event by `hash` (its chain hash),
 * by `event` (its id) or by `aggregate` (`type:id`) and `seq`; `treeSize`
 * picks a checkpoint's tree (default: the newest). Public, no login; bad
 * parameters are a 400 with a message.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const q = new URL(request.url).searchParams;
  const treeSize = parseSize(q.get("treeSize"), "treeSize");
  if (typeof treeSize === "string") return badRequest(treeSize);
  const hash = q.get("hash");
  const event = q.get("event");
  const aggregate = q.get("aggregate");
  const named = [hash, event, aggregate].filter((x) => x !== null).length;
  if (named !== 1) return badRequest("name exactly one event: hash=<64 hex>, event=<id> or aggregate=<type:id>&seq=<n>");
  let query: Parameters<typeof inclusionProof>[1];
  if (hash !== null) {
    if (!/^[0-9a-f]{64}$/.test(hash)) return badRequest("hash must be 64 lowercase hexadecimal characters");
    query = { hash };
  } else if (event !== null) {
    if (!/^[1-9][0-9]{0,17}$/.test(event)) return badRequest("event must be an event id (a positive integer)");
    query = { eventId: BigInt(event) };
  } else {
    const sep = aggregate!.indexOf(":");
    const seq = parseSize(q.get("seq"), "seq");
    if (sep <= 0 || sep === aggregate!.length - 1) return badRequest("aggregate must be <type>:<id>, e.g. request:0190…");
    if (typeof seq === "string" || seq === undefined || seq < 1) return badRequest("seq must be a positive integer with aggregate");
    query = { aggregateType: aggregate!.slice(0, sep), aggregateId: aggregate!.slice(sep + 1), seq };
  }
  const { db } = await visitor(request);
  return proofResponse(() => inclusionProof(db, query, treeSize), treeSize !== undefined);
}
