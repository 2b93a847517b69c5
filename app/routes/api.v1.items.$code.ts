import type { Route } from "./+types/api.v1.items.$code";
import { noQuery } from "~/schemas/api";
import { apiItem } from "~/services/api/resources.server";
import { apiGet, parseQuery } from "~/services/api/http.server";

/** GET /api/v1/items/:code: one catalogue item (the public API, decision 028; described in app/services/api/openapi.ts). */
export const loader = (args: Route.LoaderArgs) =>
  apiGet(args, async ({ db, url }) => {
    parseQuery(url, noQuery);
    return apiItem(db, url, args.params.code);
  });
