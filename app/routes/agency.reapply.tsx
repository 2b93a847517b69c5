import { useTranslation } from "~/i18n/use-translation";
import { redirect } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/agency.reapply";
import { FormError } from "~/components/field";
import { isActionFailure } from "~/lib/forms";
import { defineAction } from "~/lib/route.server";
import { findOwnAgency } from "~/services/agencies/queries.server";
import { reapplyAgency } from "~/services/agencies/review.server";

export async function loader() {
  return redirect("/dashboard");
}

/**
 * A rejected agency, after correcting its profile, submits itself for review again.
 * A refusal (blacklist in force, state changed) is shown translated, with its status.
 */
export const action = defineAction({
  commands: {
    default: {
      permission: "agency:self",
      run: async (_input, { db, user }) => {
        // Ownership: the agency is found through the user's own organization, never from the form.
        const agency = await findOwnAgency(db, user);
        if (!agency) throw new Response("Not Found", { status: 404 });
        await reapplyAgency(db, { agencyId: agency.id, actorId: user.id });
        return "/dashboard";
      },
    },
  },
});

export default function Reapply({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const failed = isActionFailure(actionData) ? actionData : undefined;
  return (
    <div className="card space-y-3">
      <h1 className="h1">{t("review.reapply")}</h1>
      <FormError message={failed?.formError ?? "review.errors.conflict"} params={failed?.params} />
      <Link className="link" to="/dashboard">
        {t("nav.dashboard")}
      </Link>
    </div>
  );
}
