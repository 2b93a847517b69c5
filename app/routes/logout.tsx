import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { destroyUserSession } from "~/lib/session.server";

// Logout is a POST only: a GET link could be triggered by an <img> on another site.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: Route.ActionArgs) {
  return destroyUserSession(request);
}
