import { useTranslation } from "~/i18n/use-translation";
import { Form } from "react-router";
import { Link } from "~/components/link";
import { FormError } from "~/components/field";
import type { Route } from "./+types/regulator.practitioners";
import { isActionFailure } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { commandsFor, defineAction, guard } from "~/lib/route.server";
import { validateResidentId } from "~/lib/resident-id";
import { z } from "~/lib/zod";
import { decidePractitionerObjectionSchema, PRACTITIONER_LIMITS, revokePractitionerSanctionSchema } from "~/schemas/practitioner";
import { decidePractitionerObjection } from "~/services/practitioners/objection.server";
import { dbNow } from "~/services/clock.server";
import { practitionerSanctionDisclosure, searchPractitioners } from "~/services/practitioners/queries.server";
import { revokePractitionerSanction } from "~/services/practitioners/sanction.server";
import { PractitionerSanctionItem, ReviewForm, RevokeForm } from "~/components/practitioner-sanctions";

/**
 * GET /regulator/practitioners — the practitioners, first 50 by name. The search is a POST
 * (decision 035): a whole ID number typed in must not land in a URL, the browser's history or
 * an access log. The answer is the page itself (no redirect), the number is not echoed.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const { db } = await guard(request, "practitioner:sanction");
  const now = await dbNow(db);
  const [list, sanctions] = await Promise.all([searchPractitioners(db, undefined, now), practitionerSanctionDisclosure(db, now)]);
  const doneParam = new URL(request.url).searchParams.get("done");
  const done: "revoked" | "reviewed" | null = doneParam === "revoked" || doneParam === "reviewed" ? doneParam : null;
  return { list, sanctions: sanctions.entries, done };
}

const searchSchema = z.object({
  q: z.string().trim().max(PRACTITIONER_LIMITS.query, "errors.tooLong").optional(),
});

const command = commandsFor<Route.ActionArgs["params"]>();

export const action = defineAction<Route.ActionArgs["params"]>({
  commands: {
    search: command({
      permission: "practitioner:sanction",
      schema: searchSchema,
      run: async ({ q }, { db }) => {
        const list = await searchPractitioners(db, q, await dbNow(db));
        return { search: { list, q: q && validateResidentId(q).ok ? "" : (q ?? "") } };
      },
    }),
    // A sanction on someone no longer on any roster is revoked from here.
    revoke: command({
      permission: "practitioner:sanction",
      schema: revokePractitionerSanctionSchema,
      run: async (input, { db, user }) => {
        await revokePractitionerSanction(db, user, input.sanctionId, input.revokeReason);
        return "/regulator/practitioners?done=revoked";
      },
    }),
    // 复核 of an agency's objection (decision 040).
    review: command({
      permission: "practitioner:sanction",
      schema: decidePractitionerObjectionSchema,
      run: async (input, { db, user }) => {
        await decidePractitionerObjection(db, user, input.sanctionId, input.outcome, input.decisionReason);
        return "/regulator/practitioners?done=reviewed";
      },
    }),
  },
});

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "practitioners.title" });
}

export default function RegulatorPractitioners({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const searched =
    actionData && "search" in actionData ? (actionData.search as unknown as { list: typeof loaderData.list; q: string }) : null;
  const failed = isActionFailure(actionData) ? actionData : undefined;
  // A refusal of a sanction's form is said above the list when the form is not (or no longer) on the page:
  // the review already decided, the sanction revoked meanwhile (a stale tab without JavaScript).
  const target = loaderData.sanctions.find((s) => s.id === failed?.values.sanctionId);
  const formShown =
    !!target &&
    target.state !== "revoked" &&
    (failed?.intent === "revoke" || (failed?.intent === "review" && !!target.review && !target.review.outcome));
  const sanctionRefusal =
    failed && (failed.intent === "revoke" || failed.intent === "review")
      ? (failed.formError ?? (formShown ? undefined : Object.values(failed.fieldErrors).flat()[0]))
      : undefined;
  const list = searched?.list ?? loaderData.list;
  const col = (k: string) => t(`practitioners.columns.${k}` as never) as string;
  return (
    <div className="space-y-4">
      {loaderData.done ? (
        <p className="card border-green-200 bg-green-50 text-sm text-green-900" role="status" data-testid="done">
          {t(`practitioners.done.${loaderData.done}`)}
        </p>
      ) : null}
      <section className="card space-y-2" aria-labelledby="practitioners-title">
        <h1 id="practitioners-title" className="h1">
          {t("practitioners.title")}
        </h1>
        <p className="text-sm text-slate-700">{t("practitioners.intro")}</p>
        <Form method="post" className="flex flex-wrap items-end gap-2" role="search" noValidate>
          <input type="hidden" name="intent" value="search" />
          <div className="min-w-0 flex-1">
            <label htmlFor="pq" className="label">
              {t("practitioners.searchLabel")}
            </label>
            <input
              id="pq"
              name="q"
              type="search"
              autoComplete="off"
              maxLength={PRACTITIONER_LIMITS.query}
              defaultValue={searched?.q ?? ""}
              className="input mt-1"
              aria-invalid={failed?.intent === "search" && failed.fieldErrors.q ? true : undefined}
            />
          </div>
          <button type="submit" className="btn-primary">
            {t("practitioners.submit")}
          </button>
        </Form>
      </section>
      <p className="text-sm text-slate-600" role="status">
        {t("practitioners.count", { count: list.practitioners.length })}
        {list.more ? ` ${t("practitioners.more")}` : ""}
      </p>
      {list.practitioners.length === 0 ? (
        <p className="card text-slate-600">{t("practitioners.empty")}</p>
      ) : (
        <div className="card overflow-x-auto">
          <table className="stack-table w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-500">
              <tr>
                {["name", "idMasked", "qualification", "certificateNo", "agency", "status"].map((k) => (
                  <th key={k} scope="col" className="py-2 pr-4 font-medium">
                    {col(k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.practitioners.map((p) => (
                <tr key={p.id} data-testid="practitioner-row">
                  <td data-label={col("name")} data-stack="title" className="py-2 pr-4">
                    <Link className="link" to={`/regulator/practitioners/${p.id}`}>
                      {p.name}
                    </Link>
                  </td>
                  <td data-label={col("idMasked")} className="py-2 pr-4 font-mono text-xs">
                    {p.idMasked ?? "—"}
                  </td>
                  <td data-label={col("qualification")} className="py-2 pr-4">
                    {p.qualification}
                  </td>
                  <td data-label={col("certificateNo")} className="py-2 pr-4 font-mono text-xs">
                    {p.certificateNo ?? "—"}
                  </td>
                  <td data-label={col("agency")} className="py-2 pr-4">
                    {p.agency.name}
                  </td>
                  <td data-label={col("status")} className="py-2 pr-4">
                    {p.barred ? (
                      <span className="font-medium text-red-800">{t(`practitioners.barredBadge.${p.barred}`)}</span>
                    ) : (
                      t("practitioners.practising")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="sanctions-title" className="space-y-3">
        <h2 id="sanctions-title" className="h2">
          {t("practitioners.disclosure.title")}
        </h2>
        {sanctionRefusal ? <FormError message={sanctionRefusal} params={failed?.params} /> : null}
        {loaderData.sanctions.length === 0 ? (
          <p className="card text-sm text-slate-600">{t("practitioners.disclosure.empty")}</p>
        ) : (
          <ul className="space-y-3">
            {loaderData.sanctions.map((s) => (
              <PractitionerSanctionItem key={s.id} s={s}>
                {s.state !== "revoked" && s.review && !s.review.outcome ? <ReviewForm sanctionId={s.id} failed={failed} /> : null}
                {s.state !== "revoked" ? <RevokeForm sanctionId={s.id} failed={failed} /> : null}
              </PractitionerSanctionItem>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
