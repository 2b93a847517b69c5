import type { Route } from "./+types/api.v1.items.$code.versions";
import { noQuery } from "~/schemas/api";
import { apiItemVersions } from "~/services/api/resources.server";
import { apiGet, parseQuery } from "~/services/api/http.server";

/** GET /api/v1/items/:code/versions: an item's versions (the public API, decision 028; described in app/services/api/openapi.ts). */
export const loader = (args: Route.LoaderArgs) =>
  apiGet(args, async ({ db, url }) => {
    parseQuery(url, noQuery);
    return apiItemVersions(db, url, args.params.code);
  });
