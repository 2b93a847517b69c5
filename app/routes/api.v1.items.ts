import type { Route } from "./+types/api.v1.items";
import { itemListQuery } from "~/schemas/api";
import { apiItems } from "~/services/api/resources.server";
import { apiGet, parseQuery } from "~/services/api/http.server";

/** GET /api/v1/items: catalogue items (the public API, decision 028; described in app/services/api/openapi.ts). */
export const loader = (args: Route.LoaderArgs) => apiGet(args, ({ db, url }) => apiItems(db, url, parseQuery(url, itemListQuery)));
