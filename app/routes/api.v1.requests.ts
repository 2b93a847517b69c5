import type { Route } from "./+types/api.v1.requests";
import { requestListQuery } from "~/schemas/api";
import { apiRequests } from "~/services/api/resources.server";
import { apiGet, parseQuery } from "~/services/api/http.server";

/** GET /api/v1/requests: published requests (the public API, decision 028; described in app/services/api/openapi.ts). */
export const loader = (args: Route.LoaderArgs) => apiGet(args, ({ db, url }) => apiRequests(db, url, parseQuery(url, requestListQuery)));
