import type { Route } from "./+types/audit.consistency.json";
import { visitor } from "~/lib/route.server";
import { consistencyProof } from "~/services/audit/log.server";
import { badRequest, parseSize, proofResponse } from "~/services/audit/proof-http.server";

/**
 * GET /audit/consistency.json?first=N[&second=M] — proof that the signed tree
 * of M events (default: the newest checkpoint) extends the signed tree of N
 * events unchanged (decision 023): whoever kept an earlier checkpoint checks
 * that nothing it covered was rewritten since. Public, no login; bad
 * parameters are a 400 with a message.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const q = new URL(request.url).searchParams;
  const first = parseSize(q.get("first"), "first");
  const second = parseSize(q.get("second"), "second");
  if (typeof first === "string") return badRequest(first);
  if (typeof second === "string") return badRequest(second);
  if (first === undefined) return badRequest("first (the tree size of the checkpoint you hold) is required");
  if (second !== undefined && first > second) return badRequest("first must not exceed second");
  const { db } = await visitor(request);
  return proofResponse(() => consistencyProof(db, first, second), second !== undefined);
}
