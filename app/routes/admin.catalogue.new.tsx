import { useTranslation } from "react-i18next";
import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/admin.catalogue.new";
import { CatalogueItemFields } from "./admin.catalogue.form";
import { FormError, TextArea } from "~/components/field";
import { getDb } from "~/db/client.server";
import { formValues, parseForm } from "~/lib/forms";
import { badForm, formErrorResponse } from "~/lib/http.server";
import { requireRole } from "~/lib/session.server";
import { catalogueCreateSchema } from "~/schemas/catalogue";
import { createCatalogueItem } from "~/services/catalogue/catalogue.server";

export async function loader({ request }: Route.LoaderArgs) {
  await requireRole(request, "ADMIN");
  return null;
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireRole(request, "ADMIN");
  const formData = await request.formData();
  const parsed = parseForm(catalogueCreateSchema, formData);
  if (!parsed.ok) return badForm(parsed.result);
  try {
    const item = await createCatalogueItem(await getDb(), parsed.data, user.id);
    return redirect(`/catalogue/${encodeURIComponent(item.code)}?saved=${item.version}`);
  } catch (error) {
    return formErrorResponse(error, formValues(formData));
  }
}

export function meta() {
  return [{ title: "新增事项 · 目录管理 · 中介超市" }];
}

export default function NewCatalogueItem({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const values = actionData?.values ?? {};
  const errors = actionData?.fieldErrors ?? {};
  return (
    <section className="card mx-auto max-w-3xl" aria-labelledby="new-item-title">
      <p className="text-sm">
        <Link className="link" to="/admin/catalogue">← {t("catalogueAdmin.adminTitle")}</Link>
      </p>
      <h1 id="new-item-title" className="h1 mt-2">{t("catalogueAdmin.newTitle")}</h1>
      <Form method="post" className="mt-6 space-y-5" noValidate>
        <FormError message={actionData?.formError} />
        <CatalogueItemFields values={values} errors={errors} mode="create" />
        <TextArea label={t("catalogueAdmin.fields.reason")} name="reason" rows={2} required defaultValue={values.reason} errors={errors.reason} hint={t("catalogueAdmin.reasonHint")} />
        <button type="submit" className="btn-primary">{t("catalogueAdmin.submitCreate")}</button>
      </Form>
    </section>
  );
}
