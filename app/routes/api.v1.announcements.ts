import type { Route } from "./+types/api.v1.announcements";
import { announcementListQuery } from "~/schemas/api";
import { apiAnnouncements } from "~/services/api/resources.server";
import { apiGet, parseQuery } from "~/services/api/http.server";

/** GET /api/v1/announcements: announcements (the public API, decision 028; described in app/services/api/openapi.ts). */
export const loader = (args: Route.LoaderArgs) =>
  apiGet(args, ({ db, url }) => apiAnnouncements(db, url, parseQuery(url, announcementListQuery)));
