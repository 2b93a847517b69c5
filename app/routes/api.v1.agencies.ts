import type { Route } from "./+types/api.v1.agencies";
import { agencyListQuery } from "~/schemas/api";
import { apiAgencies } from "~/services/api/resources.server";
import { apiGet, parseQuery } from "~/services/api/http.server";

/** GET /api/v1/agencies: the directory (the public API, decision 028; described in app/services/api/openapi.ts). */
export const loader = (args: Route.LoaderArgs) => apiGet(args, ({ db, url }) => apiAgencies(db, url, parseQuery(url, agencyListQuery)));
