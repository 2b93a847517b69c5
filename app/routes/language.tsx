import { redirect } from "react-router";
import { languages } from "~/i18n/languages";
import { definePublicAction } from "~/lib/route.server";
import { z } from "~/lib/zod";
import { localeCookie } from "~/middleware/i18next";
import { safeRedirect } from "~/lib/session.server";

export async function loader() {
  return redirect("/");
}

const languageSchema = z.object({ lng: z.enum(languages, { error: "errors.invalidChoice" }), redirectTo: z.string().optional() });

/**
 * The visible language switch: stores the choice in a cookie and goes back to
 * the page. Anyone may post it (definePublicAction). It has no page of its
 * own, so a bad language is thrown (400) to the error boundary.
 */
export const action = definePublicAction({
  noJs: "throw",
  commands: {
    default: {
      schema: languageSchema,
      run: async ({ lng, redirectTo }) => {
        const back = safeRedirect(redirectTo ?? null, "/");
        // Drop a ?lng= in the page address, or it would override the choice just made.
        const url = new URL(back, "http://x");
        url.searchParams.delete("lng");
        return redirect(url.pathname + url.search, { headers: { "Set-Cookie": await localeCookie.serialize(lng) } });
      },
    },
  },
});
