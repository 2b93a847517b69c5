import type { Route } from "./+types/api.v1.agencies.by-credit-code.$creditCode";
import { noQuery } from "~/schemas/api";
import { apiAgencyByCreditCode } from "~/services/api/resources.server";
import { apiGet, parseQuery } from "~/services/api/http.server";

/** GET /api/v1/agencies/by-credit-code/:creditCode: one agency by its credit code (the public API, decision 028; described in app/services/api/openapi.ts). */
export const loader = (args: Route.LoaderArgs) =>
  apiGet(args, async ({ db, url }) => {
    parseQuery(url, noQuery);
    return apiAgencyByCreditCode(db, url, args.params.creditCode);
  });
