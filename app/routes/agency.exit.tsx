import { useTranslation } from "~/i18n/use-translation";
import { Form, useNavigation } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/agency.exit";
import { pageTitle } from "~/lib/meta";
import { FormError, TextArea } from "~/components/field";
import { DomainError } from "~/lib/errors";
import { isActionFailure } from "~/lib/forms";
import { defineAction, guard } from "~/lib/route.server";
import { exitAgency, exitOverview, MAX_EXIT_REASON } from "~/services/agencies/exit.server";

/** 自愿退出: what still blocks leaving, and the confirmation form. Agency users only, for their own agency. */
export async function loader({ request }: Route.LoaderArgs) {
  const { user, db } = await guard(request, "agency:self");
  return { overview: await exitOverview(db, user), maxReason: MAX_EXIT_REASON };
}

export const action = defineAction({
  commands: {
    default: {
      permission: "agency:self",
      run: async (_input, { db, user, values }) => {
        if (values.confirm !== "yes") throw new DomainError("CONFIRM", 400, "exit.errors.confirmRequired", "confirm");
        await exitAgency(db, user, values.reason ?? "");
        return "/dashboard?exited=1";
      },
    },
  },
});

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.exit" });
}

export default function AgencyExit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { overview } = loaderData;
  const failed = isActionFailure(actionData) ? actionData : undefined;
  const blocked = overview.openBids.length > 0 || overview.runningContracts.length > 0;
  const canExit = overview.status === "LISTED" || overview.status === "APPLIED";
  const fieldError = (name: string) => failed?.fieldErrors[name];
  return (
    <div className="space-y-4">
      <section className="card" aria-labelledby="exit-title">
        <h1 id="exit-title" className="h1">
          {t("exit.title")}
        </h1>
        <p className="mt-2 text-sm text-slate-700">{t("exit.intro")}</p>
      </section>
      {!canExit ? (
        <p className="card text-sm" data-testid="exit-not-allowed">
          {t("exit.notListed", { status: t(`agencyStatus.${overview.status}`) })}
        </p>
      ) : (
        <section className="card space-y-3" aria-labelledby="exit-work">
          <h2 id="exit-work" className="h2">
            {blocked ? t("exit.blockers") : t("exit.noBlockers")}
          </h2>
          {overview.openBids.length ? (
            <div>
              <p className="text-sm font-medium">{t("exit.openBids")}</p>
              <ul className="ml-5 list-disc text-sm">
                {overview.openBids.map((r) => (
                  <li key={r.id}>
                    <Link className="link" to={`/requests/${r.id}`}>
                      {r.code} · {r.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {overview.runningContracts.length ? (
            <div>
              <p className="text-sm font-medium">{t("exit.runningContracts")}</p>
              <ul className="ml-5 list-disc text-sm">
                {overview.runningContracts.map((r) => (
                  <li key={r.id}>
                    <Link className="link" to={`/requests/${r.id}`}>
                      {r.code} · {r.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {!blocked ? (
            <Form method="post" className="space-y-3" noValidate>
              {failed?.formError ? <FormError message={failed.formError} params={failed.params} /> : null}
              <TextArea
                label={t("exit.reason")}
                name="reason"
                rows={3}
                maxLength={loaderData.maxReason}
                defaultValue={failed?.values.reason ?? ""}
                errors={fieldError("reason")}
              />
              <div>
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="confirm"
                    value="yes"
                    className="mt-1"
                    aria-describedby={fieldError("confirm") ? "exit-confirm-error" : undefined}
                  />
                  <span>{t("exit.confirm")}</span>
                </label>
                {fieldError("confirm") ? (
                  <p id="exit-confirm-error" className="field-error" role="alert">
                    {t("exit.errors.confirmRequired")}
                  </p>
                ) : null}
              </div>
              <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
                {t("exit.submit")}
              </button>
            </Form>
          ) : failed?.formError ? (
            <FormError message={failed.formError} params={failed.params} />
          ) : null}
        </section>
      )}
    </div>
  );
}
