import { useTranslation } from "react-i18next";
import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/admin.catalogue.edit";
import { CatalogueItemFields, itemFormValues } from "./admin.catalogue.form";
import { FormError, TextArea } from "~/components/field";
import { getDb } from "~/db/client.server";
import { formValues, parseForm } from "~/lib/forms";
import { badForm, formErrorResponse } from "~/lib/http.server";
import { requireRole } from "~/lib/session.server";
import { catalogueEditSchema, catalogueRetireSchema } from "~/schemas/catalogue";
import { editCatalogueItem, retireCatalogueItem } from "~/services/catalogue/catalogue.server";
import { formatDate } from "~/lib/format";

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireRole(request, "ADMIN");
  const item = await (await getDb()).catalogueItem.findUnique({ where: { code: params.code } });
  if (!item) throw new Response("Not Found", { status: 404 });
  return {
    values: itemFormValues(item),
    version: item.version,
    status: item.status,
    retiredAt: item.retiredAt,
  };
}

/** One action, two forms: intent=edit amends the service guide, intent=retire retires the item. */
export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireRole(request, "ADMIN");
  const formData = await request.formData();
  const retire = formData.get("intent") === "retire";
  const db = await getDb();
  try {
    if (retire) {
      const parsed = parseForm(catalogueRetireSchema, formData);
      if (!parsed.ok) return badForm(parsed.result);
      const { item } = await retireCatalogueItem(db, params.code, parsed.data, user.id);
      return redirect(`/catalogue/${encodeURIComponent(item.code)}?saved=${item.version}`);
    }
    const parsed = parseForm(catalogueEditSchema, formData);
    if (!parsed.ok) return badForm(parsed.result);
    const { item } = await editCatalogueItem(db, params.code, parsed.data, user.id);
    return redirect(`/catalogue/${encodeURIComponent(item.code)}?saved=${item.version}`);
  } catch (error) {
    return formErrorResponse(error, formValues(formData));
  }
}

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `${data?.values.name ?? ""} · 目录管理 · 中介超市` }];
}


export default function EditCatalogueItem({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const item = loaderData.values;
  const posted = actionData?.values;
  const retireIntent = posted?.intent === "retire";
  // Errors go to the form that was submitted; the other keeps the stored values.
  const editValues = posted && !retireIntent ? posted : item;
  const editErrors = actionData && !retireIntent ? actionData.fieldErrors : {};
  const retireErrors = actionData && retireIntent ? actionData.fieldErrors : {};
  const version = posted?.version ?? String(loaderData.version);
  const stale = actionData?.formError === "catalogueAdmin.errors.staleVersion";
  const itemUrl = `/catalogue/${encodeURIComponent(item.code)}`;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <section className="card" aria-labelledby="edit-item-title">
        <p className="text-sm">
          <Link className="link" to="/admin/catalogue">← {t("catalogueAdmin.adminTitle")}</Link>
        </p>
        <h1 id="edit-item-title" className="h1 mt-2">{t("catalogueAdmin.editTitle", { name: item.name })}</h1>
        <p className="mt-1 text-sm text-slate-600">
          <span className="font-mono">{item.code}</span> · {t("catalogueAdmin.currentVersion", { version: loaderData.version })} ·{" "}
          {t(`catalogueStatus.${loaderData.status}`)} · <Link className="link" to={itemUrl}>{t("catalogueAdmin.view")}</Link>
        </p>
        {stale ? (
          <div className="mt-4 space-y-2">
            <FormError message={actionData?.formError} />
            {/* A plain link: a full reload gives fresh values and the current version. */}
            <a className="btn-secondary" href={`/admin/catalogue/${encodeURIComponent(item.code)}/edit`}>{t("catalogueAdmin.reload")}</a>
          </div>
        ) : null}
        {loaderData.status === "RETIRED" ? (
          <p role="status" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {t("catalogueAdmin.retiredCannotEdit", { date: loaderData.retiredAt ? formatDate(loaderData.retiredAt, i18n.language) : "" })}
          </p>
        ) : (
          <Form method="post" className="mt-6 space-y-5" noValidate key={`edit-${loaderData.version}`}>
            {!retireIntent && !stale ? <FormError message={actionData?.formError} /> : null}
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
            <button type="submit" className="btn-primary">{t("catalogueAdmin.submitEdit")}</button>
          </Form>
        )}
      </section>
      {loaderData.status === "IN_FORCE" ? (
        <section className="card border-amber-300" aria-labelledby="retire-title">
          <h2 id="retire-title" className="h2">{t("catalogueAdmin.retireTitle")}</h2>
          <p className="mt-1 text-sm text-slate-600">{t("catalogueAdmin.retireIntro")}</p>
          <Form method="post" className="mt-4 space-y-4" noValidate key={`retire-${loaderData.version}`}>
            {retireIntent && !stale ? <FormError message={actionData?.formError} /> : null}
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
            <button type="submit" className="btn-secondary border-red-300 text-red-800">{t("catalogueAdmin.submitRetire")}</button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
