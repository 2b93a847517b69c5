import type { Route } from "./+types/api.v1.agencies.$id";
import { noQuery } from "~/schemas/api";
import { apiAgency } from "~/services/api/resources.server";
import { apiGet, parseQuery } from "~/services/api/http.server";

/** GET /api/v1/agencies/:id: one agency (the public API, decision 028; described in app/services/api/openapi.ts). */
export const loader = (args: Route.LoaderArgs) =>
  apiGet(args, async ({ db, url }) => {
    parseQuery(url, noQuery);
    return apiAgency(db, url, args.params.id);
  });
