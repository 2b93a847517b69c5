import { useTranslation } from "~/i18n/use-translation";
import { Form } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/admin.catalogue.new";
import { pageTitle } from "~/lib/meta";
import { CatalogueItemFields } from "~/components/catalogue-item-form";
import { FormError, TextArea } from "~/components/field";
import { isActionFailure } from "~/lib/forms";
import { defineAction, guard } from "~/lib/route.server";
import { catalogueCreateSchema } from "~/schemas/catalogue";
import { createCatalogueItem } from "~/services/catalogue/catalogue.server";

export async function loader({ request }: Route.LoaderArgs) {
  await guard(request, "catalogue:edit");
  return null;
}

/** Adds an item (version 1, in force) and shows it with its "saved" notice. */
export const action = defineAction({
  commands: {
    default: {
      permission: "catalogue:edit",
      schema: catalogueCreateSchema,
      run: async (input, { db, user }) => {
        const item = await createCatalogueItem(db, input, user.id);
        return `/catalogue/${encodeURIComponent(item.code)}?saved=${item.version}`;
      },
    },
  },
});

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.newItem" }, { key: "titles.catalogueAdmin" });
}

export default function NewCatalogueItem({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const failed = isActionFailure(actionData) ? actionData : undefined;
  const values = failed?.values ?? {};
  const errors = failed?.fieldErrors ?? {};
  return (
    <section className="card mx-auto max-w-3xl" aria-labelledby="new-item-title">
      <p className="text-sm">
        <Link className="link" to="/admin/catalogue">
          ← {t("catalogueAdmin.adminTitle")}
        </Link>
      </p>
      <h1 id="new-item-title" className="h1 mt-2">
        {t("catalogueAdmin.newTitle")}
      </h1>
      <Form method="post" className="mt-6 space-y-5" noValidate>
        <FormError message={failed?.formError} params={failed?.params} />
        <CatalogueItemFields values={values} errors={errors} mode="create" />
        <TextArea
          label={t("catalogueAdmin.fields.reason")}
          name="reason"
          rows={2}
          required
          defaultValue={values.reason}
          errors={errors.reason}
          hint={t("catalogueAdmin.reasonHint")}
        />
        <button type="submit" className="btn-primary">
          {t("catalogueAdmin.submitCreate")}
        </button>
      </Form>
    </section>
  );
}
