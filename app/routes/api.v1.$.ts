import type { Route } from "./+types/api.v1.$";
import { problemResponse } from "~/services/api/http.server";

/** Any other path under /api/v1: a 404 in the API's error shape, not the HTML page. */
export const loader = ({ request }: Route.LoaderArgs) => problemResponse(request, "not-found", "No such API path; see /api/openapi.json.");
