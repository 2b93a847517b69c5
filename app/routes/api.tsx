import { useTranslation } from "~/i18n/use-translation";
import type { Route } from "./+types/api";
import type { zh as apiStrings } from "~/i18n/parts/api";
import { pageTitle } from "~/lib/meta";
import { openApiDocument, openApiPaths } from "~/services/api/openapi";

/**
 * The public API's readable page (decision 028), in both languages, without
 * JavaScript: the endpoints and their parameters come from the same OpenAPI
 * document that /api/openapi.json serves; the words from the i18n strings.
 */
export function loader({ request }: Route.LoaderArgs) {
  const origin = new URL(request.url).origin;
  const doc = openApiDocument(origin);
  const operations = Object.entries(openApiPaths).map(([path, item]) => ({
    path,
    operationId: item.get.operationId as keyof typeof apiStrings.operations,
    parameters: item.get.parameters.map((p) => ({
      name: p.name as keyof typeof apiStrings.params,
      in: p.in,
      required: "required" in p && p.required === true,
      type: typeLabel(p.schema),
    })),
    response: (item.get.responses["200"].content["application/json"].schema.$ref as string).split("/").pop()!,
  }));
  return { origin, version: doc.info.version, operations };
}

function typeLabel(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return (schema.enum as string[]).join(" | ");
  const base = String(schema.type ?? "string");
  return schema.format ? `${base} (${String(schema.format)})` : base;
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.api" });
}

const PROBLEMS = ["bad-parameter", "not-found", "method-not-allowed", "too-many-requests", "busy"] as const;
const RULES = ["get", "cors", "paging", "times", "etag", "rate", "errors", "sealed"] as const;

export default function ApiPage({ loaderData: d }: Route.ComponentProps) {
  const { t } = useTranslation();
  const example = `curl -i '${d.origin}/api/v1/items?page=1'`;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="h1">{t("api.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("api.intro")}</p>
        <p className="mt-2 text-sm">
          {t("api.spec")}{" "}
          <a className="link font-mono" href="/api/openapi.json">
            /api/openapi.json
          </a>{" "}
          <span className="text-slate-500">(v{d.version})</span>
        </p>
      </div>

      <section className="card" aria-labelledby="rules">
        <h2 id="rules" className="h2">
          {t("api.rules.heading")}
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {RULES.map((r) => (
            <li key={r}>{t(`api.rules.${r}`)}</li>
          ))}
        </ul>
        <p className="mt-3 text-sm font-medium">{t("api.example")}</p>
        <pre className="mt-1 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
          <code>{example}</code>
        </pre>
      </section>

      <section aria-labelledby="endpoints" className="space-y-3">
        <h2 id="endpoints" className="h2">
          {t("api.endpoints")}
        </h2>
        {d.operations.map((op) => (
          <article key={op.path} className="card" id={op.operationId} data-testid="operation">
            <h3 className="font-mono text-sm font-semibold break-all">
              <span className="mr-2 rounded bg-green-100 px-1.5 py-0.5 text-green-900">GET</span>
              {op.path}
            </h3>
            <p className="mt-1 text-sm">{t(`api.operations.${op.operationId}`)}</p>
            <table className="stack-table mt-2 w-full text-left text-sm">
              <caption className="sr-only">{t("api.parameters")}</caption>
              <thead>
                <tr className="border-b text-slate-500">
                  <th scope="col" className="py-1 pr-2">
                    {t("api.name")}
                  </th>
                  <th scope="col" className="py-1 pr-2">
                    {t("api.in")}
                  </th>
                  <th scope="col" className="py-1 pr-2">
                    {t("api.type")}
                  </th>
                  <th scope="col" className="py-1 pr-2">
                    {t("api.required")}
                  </th>
                  <th scope="col" className="py-1">
                    {t("api.parameters")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {op.parameters.map((p) => (
                  <tr key={`${p.in}:${p.name}`} className="border-b border-slate-100 align-top">
                    <td data-label={t("api.name")} data-stack="title" className="py-1 pr-2 font-mono">
                      {p.name}
                    </td>
                    <td data-label={t("api.in")} className="py-1 pr-2">
                      {t(`api.where.${p.in}`)}
                    </td>
                    <td data-label={t("api.type")} className="py-1 pr-2 font-mono text-xs break-all">
                      {p.type}
                    </td>
                    <td data-label={t("api.required")} className="py-1 pr-2">
                      {p.required ? t("api.yes") : t("api.no")}
                    </td>
                    <td data-label={t("api.parameters")} className="py-1">
                      {t(`api.params.${p.name}`)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="mt-2 text-sm">
              {t("api.response")}: <span className="font-mono">200 application/json · {op.response}</span>
            </p>
          </article>
        ))}
      </section>

      <section className="card" aria-labelledby="problems">
        <h2 id="problems" className="h2">
          {t("api.problems.heading")}
        </h2>
        <dl className="mt-2 grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
          {PROBLEMS.map((p) => (
            <div key={p} id={`problem-${p}`} className="contents">
              <dt className="font-mono">{p}</dt>
              <dd>{t(`api.problems.${p}`)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <p className="text-sm text-slate-600">{t("api.docs")}</p>
    </div>
  );
}
