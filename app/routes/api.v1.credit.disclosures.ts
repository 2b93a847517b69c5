import type { Route } from "./+types/api.v1.credit.disclosures";
import { disclosureListQuery } from "~/schemas/api";
import { apiDisclosures } from "~/services/api/resources.server";
import { apiGet, parseQuery } from "~/services/api/http.server";

/** GET /api/v1/credit/disclosures: credit disclosure (the public API, decision 028; described in app/services/api/openapi.ts). */
export const loader = (args: Route.LoaderArgs) =>
  apiGet(args, ({ db, url }) => apiDisclosures(db, url, parseQuery(url, disclosureListQuery)));
