import { useTranslation } from "~/i18n/use-translation";
import { Link } from "~/components/link";
import type { Route } from "./+types/audit";
import { pageTitle } from "~/lib/meta";
import { formatDateTime } from "~/lib/format";
import { visitor } from "~/lib/route.server";
import { publicCheckpoints } from "~/services/audit/audit.server";

/** 审计记录公开: the signed checkpoints and the keys that signed them, for anyone. */
export async function loader({ request }: Route.LoaderArgs) {
  const { db } = await visitor(request);
  const page = Number(new URL(request.url).searchParams.get("page") ?? 1);
  return publicCheckpoints(db, Number.isFinite(page) ? page : 1);
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.audit" });
}

export default function AuditPage({ loaderData: d }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  return (
    <div className="space-y-4">
      <section className="card" aria-labelledby="audit-title">
        <h1 id="audit-title" className="h1">
          {t("audit.title")}
        </h1>
        <p className="mt-2 text-sm text-slate-700">{t("audit.intro")}</p>
        <p className="mt-2 text-sm">
          <a className="link" href={`/audit/checkpoints.json?page=${d.page}`}>
            {t("audit.feed")}
          </a>
        </p>
        <p className="mt-2 text-sm">
          {t("audit.proofs")} <code className="text-xs">/audit/inclusion.json?hash=…</code> ({t("audit.inclusion")}) ·{" "}
          <code className="text-xs">/audit/consistency.json?first=…</code> ({t("audit.consistency")})
        </p>
        <p className="mt-2 text-sm text-slate-700">{t("audit.verifier")}</p>
        <p className="mt-2 text-sm text-slate-700">{t("audit.howTo")}</p>
        <pre className="mt-1 overflow-x-auto rounded bg-slate-100 p-2 text-xs">
          <code>{`printf %s "$STATEMENT" > statement.txt\nbase64 -d <<< "$SIGNATURE" > signature.bin\nopenssl pkeyutl -verify -pubin -inkey key.pem -rawin -in statement.txt -sigfile signature.bin`}</code>
        </pre>
      </section>
      <section className="card" aria-labelledby="audit-keys">
        <h2 id="audit-keys" className="h2">
          {t("audit.keys")}
        </h2>
        <ul className="mt-2 space-y-2 text-sm">
          {d.keys.map((k) => (
            <li key={k.keyId}>
              <p>
                {t("audit.keyId")} <span className="font-mono">{k.keyId}</span> · {t("audit.firstUsed")}{" "}
                {formatDateTime(k.firstUsedAt, lang)}
              </p>
              <pre className="overflow-x-auto rounded bg-slate-100 p-2 text-xs">
                <code>{k.publicKeyPem}</code>
              </pre>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="audit-checkpoints">
        <h2 id="audit-checkpoints" className="h2">
          {t("audit.page", { page: d.page, pages: d.pages })}
        </h2>
        {d.checkpoints.length === 0 ? (
          <p className="mt-2 text-sm">{t("audit.none")}</p>
        ) : (
          <ol className="mt-2 space-y-3 text-sm">
            {d.checkpoints.map((c) => {
              const s = c.statement ? (JSON.parse(c.statement) as { chains?: number; events?: number; treeSize?: number }) : null;
              return (
                <li key={c.id} className="border-b border-slate-200 pb-2">
                  <p>
                    #{c.id} · {t("audit.createdAt")} <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, lang)}</time>
                    {s ? ` · ${t("audit.chains")} ${s.chains}` : ""}
                    {s?.treeSize !== undefined ? ` · ${t("audit.treeSize")} ${s.treeSize}` : s ? ` · ${t("audit.events")} ${s.events}` : ""}
                  </p>
                  <p className="break-all font-mono text-xs">
                    {t("audit.root")} {c.root}
                  </p>
                  <p className="break-all font-mono text-xs">
                    {t("audit.signature")} {c.signature ? `${c.keyId} · ${c.signature}` : t("audit.unsigned")}
                  </p>
                </li>
              );
            })}
          </ol>
        )}
        {d.pages > 1 ? (
          <p className="mt-3 flex gap-3 text-sm">
            {d.page > 1 ? (
              <Link className="link" to={`/audit?page=${d.page - 1}`}>
                ←
              </Link>
            ) : null}
            {d.page < d.pages ? (
              <Link className="link" to={`/audit?page=${d.page + 1}`}>
                →
              </Link>
            ) : null}
          </p>
        ) : null}
      </section>
    </div>
  );
}
