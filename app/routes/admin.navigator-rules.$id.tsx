import { useTranslation } from "~/i18n/use-translation";
import { Form } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/admin.navigator-rules.$id";
import { FormError, TextArea } from "~/components/field";
import { RuleFields, ruleFormValues } from "~/components/navigator-rule-form";
import { echoedAll, isActionFailure } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { commandsFor, defineAction, guard } from "~/lib/route.server";
import { postedIndustries, RULE_LIMITS, ruleEditSchema, ruleRetireSchema } from "~/schemas/navigator";
import { editRule, retireRule } from "~/services/navigator/rules.server";
import { ruleForEdit } from "~/services/navigator/queries.server";
import { zoneChoices } from "~/services/zones/queries.server";

/**
 * GET/POST /admin/navigator-rules/:id — edit a rule in force (intent "edit") or retire
 * it (intent "retire"), each with a reason, against the version shown (decision 039).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { db } = await guard(request, "catalogue:edit");
  const rule = await ruleForEdit(db, params.id);
  if (!rule || rule.status !== "IN_FORCE") throw new Response("Not Found", { status: 404 });
  return { rule, values: ruleFormValues(rule), zones: await zoneChoices(db) };
}

const command = commandsFor<Route.ActionArgs["params"]>();

export const action = defineAction<Route.ActionArgs["params"]>({
  commands: {
    edit: command({
      permission: "catalogue:edit",
      schema: ruleEditSchema,
      run: async (input, { db, user, params, form }) => {
        await editRule(db, params.id, { ...input, industries: postedIndustries(form) }, user.id);
        return "/admin/navigator-rules?saved=1";
      },
    }),
    retire: command({
      permission: "catalogue:edit",
      schema: ruleRetireSchema,
      run: async (input, { db, user, params }) => {
        await retireRule(db, params.id, input, user.id);
        return "/admin/navigator-rules?retired=1";
      },
    }),
  },
});

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "navigator.admin.title" });
}

export default function EditNavigatorRule({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const failed = isActionFailure(actionData) ? actionData : undefined;
  const retireIntent = failed?.intent === "retire";
  const editFailure = failed && !retireIntent ? failed : undefined;
  const editValues = editFailure?.values ?? d.values;
  // Every ticked box comes back after a refusal, not just the last one (route.server `lists`).
  const editIndustries = echoedAll(editFailure, "industries") ?? d.rule.industries;
  const editErrors = failed && !retireIntent ? failed.fieldErrors : {};
  const retireErrors = failed && retireIntent ? failed.fieldErrors : {};
  return (
    <div className="space-y-4">
      <section className="card" aria-labelledby="edit-rule-title">
        <h1 id="edit-rule-title" className="h1">
          {t("navigator.admin.editTitle", { version: d.rule.version })} · {d.rule.item.code}
        </h1>
        <p className="text-sm">
          <Link className="link" to="/admin/navigator-rules">
            {t("navigator.admin.back")}
          </Link>
        </p>
        <Form method="post" className="mt-3 grid max-w-xl gap-3" noValidate>
          {!retireIntent ? <FormError message={failed?.formError} params={failed?.params} /> : null}
          <input type="hidden" name="intent" value="edit" />
          <input type="hidden" name="version" value={d.rule.version} />
          <RuleFields values={editValues} industries={editIndustries} errors={editErrors} zones={d.zones} />
          <TextArea
            label={t("navigator.admin.fields.reason")}
            name="reason"
            required
            rows={2}
            maxLength={RULE_LIMITS.reason}
            defaultValue={!retireIntent ? failed?.values.reason : undefined}
            errors={editErrors.reason}
          />
          <div>
            <button type="submit" className="btn-primary">
              {t("navigator.admin.save")}
            </button>
          </div>
        </Form>
      </section>
      <section className="card" aria-labelledby="retire-rule-title">
        <h2 id="retire-rule-title" className="h2">
          {t("navigator.admin.retireTitle")}
        </h2>
        <Form method="post" className="mt-3 grid max-w-xl gap-3" noValidate>
          {retireIntent ? <FormError message={failed?.formError} params={failed?.params} /> : null}
          <input type="hidden" name="intent" value="retire" />
          <input type="hidden" name="version" value={d.rule.version} />
          <TextArea
            label={t("navigator.admin.fields.reason")}
            name="reason"
            required
            rows={2}
            maxLength={RULE_LIMITS.reason}
            defaultValue={retireIntent ? failed?.values.reason : undefined}
            errors={retireErrors.reason}
          />
          <div>
            <button type="submit" className="btn-secondary">
              {t("navigator.admin.retire")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}
