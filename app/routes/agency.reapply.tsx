import { redirect } from "react-router";
import type { Route } from "./+types/agency.reapply";
import { getDb } from "~/db/client.server";
import { isDomainError } from "~/lib/errors";
import { requireRole } from "~/lib/session.server";
import { reapplyAgency } from "~/services/agencies/review.server";

export async function loader() {
  return redirect("/dashboard");
}

/** A rejected agency, after correcting its profile, submits itself for review again. */
export async function action({ request }: Route.ActionArgs) {
  const user = await requireRole(request, "AGENCY");
  const db = await getDb();
  // Ownership: the agency is found through the user's own organization, never from the form.
  const agency = user.organizationId ? await db.agency.findUnique({ where: { organizationId: user.organizationId }, select: { id: true } }) : null;
  if (!agency) throw new Response("Not Found", { status: 404 });
  try {
    await reapplyAgency(db, { agencyId: agency.id, actorId: user.id });
  } catch (error) {
    if (isDomainError(error)) throw new Response(error.message, { status: error.status });
    throw error;
  }
  return redirect("/dashboard");
}
