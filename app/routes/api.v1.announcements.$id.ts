import type { Route } from "./+types/api.v1.announcements.$id";
import { noQuery } from "~/schemas/api";
import { apiAnnouncement } from "~/services/api/resources.server";
import { apiGet, parseQuery } from "~/services/api/http.server";

/** GET /api/v1/announcements/:id: one announcement (the public API, decision 028; described in app/services/api/openapi.ts). */
export const loader = (args: Route.LoaderArgs) =>
  apiGet(args, async ({ db, url }) => {
    parseQuery(url, noQuery);
    return apiAnnouncement(db, url, args.params.id);
  });
