import type { Route } from "./+types/api.v1.credit.practitioner-sanctions";
import { practitionerSanctionListQuery } from "~/schemas/api";
import { apiPractitionerSanctions } from "~/services/api/resources.server";
import { apiGet, parseQuery } from "~/services/api/http.server";

/** GET /api/v1/credit/practitioner-sanctions: sanctions on practitioners (decision 040; described in app/services/api/openapi.ts). */
export const loader = (args: Route.LoaderArgs) =>
  apiGet(args, ({ db, url }) => apiPractitionerSanctions(db, url, parseQuery(url, practitionerSanctionListQuery)));
