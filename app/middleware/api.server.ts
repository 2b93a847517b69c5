import type { MiddlewareFunction } from "react-router";
import { apiGate } from "~/services/api/http.server";

/** The public API's gate (decision 028): preflight, 405 and malformed URLs as problem details, before the HTML-answering checks. */
export const apiMiddleware: MiddlewareFunction<Response> = async ({ request, params }, next) => {
  const answer = await apiGate(request, params);
  if (answer) return answer;
  return next();
};
