import type { Route } from "./+types/ocds.releases.json";
import { visitor } from "~/lib/route.server";
import { releasesQuerySchema } from "~/schemas/ocds";
import { RELEASES_PAGE_SIZE } from "~/services/ocds/config.server";
import { jsonError, jsonWithEtag, orBusy } from "~/services/ocds/http.server";
import { releasePackagePage } from "~/services/ocds/ocds.server";

/**
 * OCDS 1.1 release package (docs/ocds.md): every release of every contracting
 * process, in a stable order, `?since=<ISO date-time>` (releases dated from
 * then), `?after=<cursor>` (from links.next), `?limit=1…500` (default 100).
 * Public, no login; bid amounts appear only in releases dated from closing on.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const parsed = releasesQuerySchema.safeParse({
    since: url.searchParams.get("since") ?? undefined,
    after: url.searchParams.get("after") ?? undefined,
    limit: url.searchParams.get("limit") ?? undefined,
  });
  if (!parsed.success) return jsonError(400, "bad_parameter", parsed.error.issues[0]!.message);
  const q = parsed.data;
  return orBusy(async () => {
    const { db } = await visitor(request);
    const body = await releasePackagePage(
      db,
      {
        since: q.since ? new Date(q.since) : undefined,
        after: q.after ? BigInt(q.after) : undefined,
        limit: q.limit ?? RELEASES_PAGE_SIZE,
      },
      url.origin,
      url.toString(),
    );
    return jsonWithEtag(request, body);
  });
}
