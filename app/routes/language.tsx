import { redirect } from "react-router";
import type { Route } from "./+types/language";
import { isLanguage } from "~/i18n";
import { localeCookie } from "~/middleware/i18next";
import { safeRedirect } from "~/lib/session.server";

export async function loader() {
  return redirect("/");
}

/** The visible language switch: stores the choice in a cookie and goes back to the page. */
export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const lng = form.get("lng");
  if (!isLanguage(lng)) throw new Response("Bad language", { status: 400 });
  const back = safeRedirect(form.get("redirectTo"), "/");
  // Drop a ?lng= in the page address, or it would override the choice just made.
  const url = new URL(back, "http://x");
  url.searchParams.delete("lng");
  return redirect(url.pathname + url.search, { headers: { "Set-Cookie": await localeCookie.serialize(lng) } });
}
