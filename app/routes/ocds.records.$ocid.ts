import type { Route } from "./+types/ocds.records.$ocid";
import { visitor } from "~/lib/route.server";
import { recordFileSchema } from "~/schemas/ocds";
import { jsonError, jsonWithEtag, orBusy } from "~/services/ocds/http.server";
import { recordPackage } from "~/services/ocds/ocds.server";

/**
 * GET /ocds/records/<ocid>.json — the OCDS record package of one contracting
 * process: every release and the compiled release (docs/ocds.md). 404 for an
 * ocid that is not a published process of this platform.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const parsed = recordFileSchema.safeParse(params.ocid ?? "");
  if (!parsed.success) return jsonError(400, "bad_parameter", parsed.error.issues[0]!.message);
  const ocid = parsed.data.slice(0, -".json".length);
  return orBusy(async () => {
    const { db } = await visitor(request);
    const body = await recordPackage(db, ocid, new URL(request.url).origin);
    if (!body) return jsonError(404, "not_found", `No published contracting process has the ocid ${ocid}.`);
    return jsonWithEtag(request, body);
  });
}
