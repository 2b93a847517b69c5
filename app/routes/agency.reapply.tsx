import { useTranslation } from "react-i18next";
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/agency.reapply";
import { getDb } from "~/db/client.server";
import { FormError } from "~/components/field";
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
    // A refusal (blacklist in force, state changed) is shown translated, with its status.
    if (isDomainError(error)) return data({ error: error.message }, { status: error.status });
    throw error;
  }
  return redirect("/dashboard");
}

export default function Reapply({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="card space-y-3">
      <h1 className="h1">{t("review.reapply")}</h1>
      <FormError message={actionData?.error ?? "review.errors.conflict"} />
      <Link className="link" to="/dashboard">{t("nav.dashboard")}</Link>
    </div>
  );
}
