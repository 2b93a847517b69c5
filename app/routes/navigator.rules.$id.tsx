import { useTranslation } from "~/i18n/use-translation";
import { Link } from "~/components/link";
import type { Route } from "./+types/navigator.rules.$id";
import { formatDateTime } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { visitor } from "~/lib/route.server";
import { ruleHistory, type HistoryField, type HistoryValue } from "~/services/navigator/queries.server";

/**
 * GET /navigator/rules/:id — one rule's history (decision 041): every version from its
 * audit chain, with the instant in Beijing time, what changed and the reason. Public,
 * like the 目录 it belongs to; a retired rule's history stays readable.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { db } = await visitor(request);
  // Rule ids are UUIDs; anything else names no rule (404, without a lookup).
  const history = /^[0-9a-f-]{36}$/.test(params.id) ? await ruleHistory(db, params.id) : null;
  if (!history) throw new Response("Not Found", { status: 404 });
  return history;
}

export function meta({ matches, loaderData }: Route.MetaArgs) {
  return pageTitle(matches, loaderData ? loaderData.rule.item.code : null, { key: "navigator.history.title" });
}

export default function NavigatorRuleHistory({ loaderData: d }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const block = d.rule.zone ? `${d.rule.zone.code} ${d.rule.zone.name}` : t("navigator.rules.allBlocks");
  const field = (f: HistoryField) => t(`navigator.history.fields.${f}`);
  const words = (f: HistoryField, v: HistoryValue): string => {
    if (v === null || v === "" || (Array.isArray(v) && v.length === 0)) {
      if (f === "zone") return t("navigator.rules.allBlocks");
      if (f === "industries") return t("navigator.rules.anyIndustry");
      if (f === "scale") return t("navigator.rules.anyScale");
      if (f === "govFunded") return t("navigator.rules.gov.ANY");
      return t("navigator.history.none");
    }
    if (f === "stage") return t(`zones.navigator.stages.${v as "LAND"}`);
    if (f === "industries") return (v as string[]).map((i) => t(`zones.navigator.industries.${i}` as never) as string).join("、");
    if (f === "scale") return t("navigator.rules.largeOnly");
    if (f === "govFunded") return t(`navigator.rules.gov.${v ? "YES" : "NO"}`);
    if (f === "status") return t(`navigator.admin.status.${v as "IN_FORCE"}`);
    return String(v);
  };
  return (
    <div className="space-y-4">
      <section className="card space-y-2" aria-labelledby="history-title">
        <h1 id="history-title" className="h1">
          {t("navigator.history.heading", { code: d.rule.item.code, item: lang === "en" ? d.rule.item.nameEn : d.rule.item.name })}
        </h1>
        <p className="text-sm text-slate-700">{t("navigator.history.intro")}</p>
        <p className="text-sm" data-testid="rule-now">
          {t("navigator.history.current", { status: t(`navigator.admin.status.${d.rule.status}`), block })}
        </p>
        <p className="text-sm">
          <Link className="link" to="/navigator/rules">
            {t("navigator.history.back")}
          </Link>
        </p>
      </section>
      {d.versions.length === 0 ? <p className="card text-slate-600">{t("navigator.history.empty")}</p> : null}
      <ol className="space-y-3" aria-label={t("navigator.history.title")}>
        {[...d.versions].reverse().map((v) => (
          <li key={v.seq} className="card space-y-2" data-event={v.event}>
            <h2 className="h2">
              {v.version !== null ? `${t("navigator.history.version", { version: v.version })} · ` : null}
              {v.event in EVENT_KEYS
                ? t(`navigator.history.events.${v.event as keyof typeof EVENT_KEYS}`)
                : t("navigator.history.otherEvent")}
            </h2>
            <p className="text-sm text-slate-700">
              <time dateTime={new Date(v.at).toISOString()}>{t("navigator.history.at", { at: formatDateTime(v.at, lang) })}</time>
            </p>
            <p className="whitespace-pre-wrap break-words text-sm">
              {v.reason ? t("navigator.history.reason", { reason: v.reason }) : t("navigator.history.noReason")}
            </p>
            {v.changes.length ? (
              <table className="stack-table w-full text-sm">
                <caption className="sr-only">
                  {v.changes[0]!.first ? t("navigator.history.contents") : t("navigator.history.changed")}
                </caption>
                <thead>
                  <tr className="text-left text-slate-600">
                    <th scope="col" className="py-1 pr-3">
                      {t("navigator.history.field")}
                    </th>
                    {v.changes[0]!.first ? null : (
                      <th scope="col" className="py-1 pr-3">
                        {t("navigator.history.from")}
                      </th>
                    )}
                    <th scope="col" className="py-1 pr-3">
                      {v.changes[0]!.first ? t("navigator.history.contents") : t("navigator.history.to")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {v.changes.map((c) => (
                    <tr key={c.field} className="border-t border-slate-100" data-field={c.field}>
                      <th scope="row" data-stack="title" className="py-1 pr-3 text-left font-normal">
                        {field(c.field)}
                      </th>
                      {c.first ? null : (
                        <td data-label={t("navigator.history.from")} className="py-1 pr-3 break-words">
                          {words(c.field, c.before)}
                        </td>
                      )}
                      <td data-label={t("navigator.history.to")} className="py-1 pr-3 break-words">
                        {words(c.field, c.after)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

const EVENT_KEYS = { CREATE_RULE: true, EDIT_RULE: true, RETIRE_RULE: true } as const;
