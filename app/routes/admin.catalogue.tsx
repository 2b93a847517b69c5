import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/admin.catalogue";
import { getDb } from "~/db/client.server";
import { requireRole } from "~/lib/session.server";
import { listCatalogue } from "~/services/catalogue/queries.server";

export async function loader({ request }: Route.LoaderArgs) {
  await requireRole(request, "ADMIN");
  const page = Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10);
  return listCatalogue(await getDb(), { page: Number.isFinite(page) ? page : 1 });
}

export function meta() {
  return [{ title: "目录管理 · 中介超市" }];
}

export default function AdminCatalogue({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <h1 className="h1">{t("catalogue.title")}</h1>
      <ul className="card divide-y divide-slate-100 p-0">
        {loaderData.items.map((item) => (
          <li key={item.code} className="flex justify-between px-5 py-3 text-sm">
            <Link className="link" to={`/catalogue/${encodeURIComponent(item.code)}`}>{item.code} {item.name}</Link>
            <span>{t(`catalogueStatus.${item.status}`)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
