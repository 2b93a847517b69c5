import type { Route } from "./+types/api.openapi.json";
import { noQuery } from "~/schemas/api";
import { openApiDocument } from "~/services/api/openapi";
import { apiGet, parseQuery } from "~/services/api/http.server";

/** GET /api/openapi.json: the OpenAPI 3.1 document (the public API, decision 028; described in app/services/api/openapi.ts). */
export const loader = (args: Route.LoaderArgs) =>
  apiGet(args, async ({ url }) => {
    parseQuery(url, noQuery);
    return openApiDocument(url.origin);
  });
