import { redirect } from "react-router";
import { definePublicAction } from "~/lib/route.server";
import { destroyUserSession } from "~/lib/session.server";

// Logout is a POST only: a GET link could be triggered by an <img> on another site.
export async function loader() {
  return redirect("/");
}

/** Anyone may post it (definePublicAction): signed out already, it only clears the cookie again. */
export const action = definePublicAction({
  commands: {
    default: { run: async (_input, { request }) => destroyUserSession(request) },
  },
});
