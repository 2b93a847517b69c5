import { useTranslation } from "~/i18n/use-translation";
import { Form } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/admin.catalogue.$code.edit";
import { pageTitle } from "~/lib/meta";
import { CatalogueItemFields, itemFormValues } from "~/components/catalogue-item-form";
import { FormError, TextArea } from "~/components/field";
import { isActionFailure } from "~/lib/forms";
import { defineAction, guard } from "~/lib/route.server";
import { catalogueEditSchema, catalogueRetireSchema } from "~/schemas/catalogue";
import { editCatalogueItem, retireCatalogueItem } from "~/services/catalogue/catalogue.server";
import { catalogueItemForEdit } from "~/services/catalogue/queries.server";
import { formatDate } from "~/lib/format";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { db } = await guard(request, "catalogue:edit");
  const item = await catalogueItemForEdit(db, params.code);
  if (!item) throw new Response("Not Found", { status: 404 });
  return {
    values: itemFormValues(item),
    version: item.version,
    status: item.status,
    retiredAt: item.retiredAt,
  };
}

const savedPage = (item: { code: string; version: number }) => `/catalogue/${encodeURIComponent(item.code)}?saved=${item.version}`;

/** One action, two forms: intent=edit amends the service guide, intent=retire retires the item. */
export const action = defineAction({
  commands: {
    edit: {
      permission: "catalogue:edit",
      schema: catalogueEditSchema,
      run: async (input, { db, user, params }) => savedPage((await editCatalogueItem(db, params.code ?? "", input, user.id)).item),
    },
    retire: {
      permission: "catalogue:edit",
      schema: catalogueRetireSchema,
      run: async (input, { db, user, params }) => savedPage((await retireCatalogueItem(db, params.code ?? "", input, user.id)).item),
    },
  },
});

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, data?.values.name, { key: "titles.catalogueAdmin" });
}

export default function EditCatalogueItem({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const item = loaderData.values;
  const failed = isActionFailure(actionData) ? actionData : undefined;
  const posted = failed?.values;
  const retireIntent = failed?.intent === "retire";
  // Errors go to the form that was submitted; the other keeps the stored values.
  const editValues = posted && !retireIntent ? posted : item;
  const editErrors = failed && !retireIntent ? failed.fieldErrors : {};
  const retireErrors = failed && retireIntent ? failed.fieldErrors : {};
  const version = posted?.version ?? String(loaderData.version);
  const stale = failed?.formError === "catalogueAdmin.errors.staleVersion";
  const itemUrl = `/catalogue/${encodeURIComponent(item.code)}`;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <section className="card" aria-labelledby="edit-item-title">
        <p className="text-sm">
          <Link className="link" to="/admin/catalogue">
            ← {t("catalogueAdmin.adminTitle")}
          </Link>
        </p>
        <h1 id="edit-item-title" className="h1 mt-2">
          {t("catalogueAdmin.editTitle", { name: item.name })}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          <span className="font-mono">{item.code}</span> · {t("catalogueAdmin.currentVersion", { version: loaderData.version })} ·{" "}
          {t(`catalogueStatus.${loaderData.status}`)} ·{" "}
          <Link className="link" to={itemUrl}>
            {t("catalogueAdmin.view")}
          </Link>
        </p>
        {stale ? (
          <div className="mt-4 space-y-2">
            <FormError message={failed?.formError} params={failed?.params} />
            {/* A plain link: a full reload gives fresh values and the current version. */}
            <a className="btn-secondary" href={`/admin/catalogue/${encodeURIComponent(item.code)}/edit`}>
              {t("catalogueAdmin.reload")}
            </a>
          </div>
        ) : null}
        {loaderData.status === "RETIRED" ? (
          <p role="status" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {t("catalogueAdmin.retiredCannotEdit", { date: loaderData.retiredAt ? formatDate(loaderData.retiredAt, i18n.language) : "" })}
          </p>
        ) : (
          <Form method="post" className="mt-6 space-y-5" noValidate key={`edit-${loaderData.version}`}>
            {!retireIntent && !stale ? <FormError message={failed?.formError} params={failed?.params} /> : null}
            <input type="hidden" name="intent" value="edit" />
            <input type="hidden" name="version" value={version} />
            <p className="hint">{t("catalogueAdmin.codeFixed")}</p>
            <CatalogueItemFields values={editValues} errors={editErrors} mode="edit" />
            <TextArea
              label={t("catalogueAdmin.fields.reason")}
              name="reason"
              rows={2}
              required
              defaultValue={!retireIntent ? posted?.reason : undefined}
              errors={editErrors.reason}
              hint={t("catalogueAdmin.reasonHint")}
            />
            <button type="submit" className="btn-primary">
              {t("catalogueAdmin.submitEdit")}
            </button>
          </Form>
        )}
      </section>
      {loaderData.status === "IN_FORCE" ? (
        <section className="card border-amber-300" aria-labelledby="retire-title">
          <h2 id="retire-title" className="h2">
            {t("catalogueAdmin.retireTitle")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("catalogueAdmin.retireIntro")}</p>
          <Form method="post" className="mt-4 space-y-4" noValidate key={`retire-${loaderData.version}`}>
            {retireIntent && !stale ? <FormError message={failed?.formError} params={failed?.params} /> : null}
            <input type="hidden" name="intent" value="retire" />
            <input type="hidden" name="version" value={version} />
            <TextArea
              label={t("catalogueAdmin.retireReason")}
              name="reason"
              rows={2}
              required
              defaultValue={retireIntent ? posted?.reason : undefined}
              errors={retireErrors.reason}
            />
            <button type="submit" className="btn-secondary border-red-300 text-red-800">
              {t("catalogueAdmin.submitRetire")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
