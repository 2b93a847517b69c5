import { useTranslation } from "~/i18n/use-translation";
import { PrintButton } from "~/components/print-button";
import { Form } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/credit";
import { pageTitle } from "~/lib/meta";
import { FilterSelect } from "~/components/filter-select";
import { Pager } from "~/components/pager";
import { formatDate } from "~/lib/format";
import { visitor } from "~/lib/route.server";
import { dbNow } from "~/services/clock.server";
import {
  blacklistInForceList,
  DISCLOSURE_PAGE_SIZE,
  type DisclosureEntry,
  parseDisclosureQuery,
  searchDisclosures,
} from "~/services/supervision/disclosure.server";
import { DISCLOSURE_STATES, SANCTION_KINDS } from "~/services/supervision/disclosure";
import { PractitionerSanctionItem } from "~/components/practitioner-sanctions";
import { practitionerSanctionDisclosure } from "~/services/practitioners/queries.server";

/** Public, no login: every sanction and blacklist entry, active and past (Principle 6). */
export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const query = parseDisclosureQuery(url.searchParams, { defaultPageSize: DISCLOSURE_PAGE_SIZE, maxPageSize: DISCLOSURE_PAGE_SIZE });
  const { db } = await visitor(request);
  const now = await dbNow(db);
  const filtered = Boolean(query.q || query.kind || query.state);
  const [result, blacklist, practitionerSanctions] = await Promise.all([
    searchDisclosures(db, { ...query, pageSize: DISCLOSURE_PAGE_SIZE }, now),
    // The 严重失信名单 heads the unfiltered first page; with a filter the list itself answers.
    !filtered && query.page === 1 ? blacklistInForceList(db, now) : Promise.resolve(null),
    // Sanctions on practitioners (decision 035): on the first page, narrowed by the search text.
    query.page === 1 && !query.kind && !query.state ? practitionerSanctionDisclosure(db, now, query.q) : Promise.resolve(null),
  ]);
  const json = new URLSearchParams();
  if (query.q) json.set("q", query.q);
  if (query.kind) json.set("kind", query.kind);
  if (query.state) json.set("state", query.state);
  const qs = json.toString();
  return {
    ...result,
    blacklist,
    practitionerSanctions,
    query: { q: query.q, kind: query.kind, state: query.state },
    jsonHref: `/credit.json${qs ? `?${qs}` : ""}`,
  };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.credit" });
}

const badgeClass: Record<DisclosureEntry["state"], string> = {
  active: "border-red-300 bg-red-50 text-red-800",
  pending: "border-amber-300 bg-amber-50 text-amber-900",
  expired: "border-slate-300 bg-slate-50 text-slate-700",
  revoked: "border-green-300 bg-green-50 text-green-900",
};

function Entry({ e }: { e: DisclosureEntry }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  return (
    <li className="card" data-testid="sanction">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium text-red-800">{t(`credit.kinds.${e.kind}`)}</span>
        <span className={`rounded-full border px-2 py-0.5 text-xs font-medium ${badgeClass[e.state]}`} data-testid="state">
          {t(`credit.states.${e.state}`)}
        </span>
        {e.caseCode ? (
          <span className="text-xs text-slate-500">
            {t("credit.caseCode")} {e.caseCode}
          </span>
        ) : null}
      </div>
      <p className="mt-1 font-medium">
        {e.agency.profilePublic ? (
          <Link className="link" to={`/agencies/${e.agency.id}`}>
            {e.agency.name}
          </Link>
        ) : (
          e.agency.name
        )}
      </p>
      {e.agency.creditCode ? (
        <p className="font-mono text-xs text-slate-500">
          <span className="sr-only">{t("credit.creditCode")} </span>
          {e.agency.creditCode}
        </p>
      ) : null}
      <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="text-slate-500">{t("credit.period")}</dt>
        <dd>{`${formatDate(e.startsAt, lang)} — ${e.endsAt ? formatDate(e.endsAt, lang) : t("credit.indefinite")}`}</dd>
        <dt className="text-slate-500">{t("credit.reason")}</dt>
        <dd className="whitespace-pre-wrap">{e.reason}</dd>
        <dt className="text-slate-500">{t("credit.legalBasis")}</dt>
        <dd className="whitespace-pre-wrap">{e.legalBasis}</dd>
        {e.evidence ? (
          <>
            <dt className="text-slate-500">{t("credit.evidence")}</dt>
            <dd className="whitespace-pre-wrap">{e.evidence}</dd>
          </>
        ) : null}
        <dt className="text-slate-500">{t("credit.authority")}</dt>
        <dd>{e.authority}</dd>
      </dl>
      {e.state === "revoked" && e.revokedAt ? (
        <p className="mt-3 rounded-md bg-green-50 p-2 text-sm text-green-900">
          {t("credit.revoked", { date: formatDate(e.revokedAt, lang), reason: e.revokedReason ?? "—" })}
        </p>
      ) : null}
    </li>
  );
}

export default function Credit({ loaderData: d }: Route.ComponentProps) {
  const { t } = useTranslation();
  const q = d.query;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="h1">{t("credit.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("credit.intro")}</p>
          <p className="mt-1 text-sm">
            <Link className="link" to="/inspections">
              {t("inspections.publicTitle")}
            </Link>
          </p>
        </div>
        <PrintButton />
      </div>

      {d.blacklist ? (
        <section className="card border-red-200" aria-labelledby="blacklist">
          <h2 id="blacklist" className="h2">
            {t("credit.blacklist.title")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("credit.blacklist.intro")}</p>
          {d.blacklist.total === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t("credit.blacklist.empty")}</p>
          ) : (
            <>
              <p className="mt-2 text-sm" role="status">
                {t("credit.blacklist.count", { count: d.blacklist.total })}
              </p>
              <ul className="mt-2 space-y-3">
                {d.blacklist.entries.map((e) => (
                  <Entry key={e.id} e={e} />
                ))}
              </ul>
              <p className="mt-3 text-sm">
                <Link className="link" to="/credit?kind=BLACKLIST&state=active">
                  {t("credit.blacklist.all")}
                </Link>
              </p>
            </>
          )}
        </section>
      ) : null}

      <Form method="get" className="card grid gap-3 sm:grid-cols-3" role="search">
        <div className="sm:col-span-3">
          <label htmlFor="cq" className="label">
            {t("credit.search")}
          </label>
          <input id="cq" name="q" type="search" maxLength={100} defaultValue={q.q ?? ""} className="input mt-1" />
        </div>
        <FilterSelect
          id="ckind"
          name="kind"
          label={t("credit.kind")}
          value={q.kind}
          options={SANCTION_KINDS.map((k) => ({ value: k, label: t(`credit.kinds.${k}`) }))}
          anyLabel={t("credit.any")}
        />
        <FilterSelect
          id="cstate"
          name="state"
          label={t("credit.state")}
          value={q.state}
          options={DISCLOSURE_STATES.map((s) => ({ value: s, label: t(`credit.states.${s}`) }))}
          anyLabel={t("credit.any")}
        />
        <div className="flex items-end gap-2">
          <button className="btn-primary" type="submit">
            {t("credit.submit")}
          </button>
          <Link className="btn-secondary" to="/credit">
            {t("credit.reset")}
          </Link>
        </div>
      </Form>

      <p className="text-sm text-slate-600" role="status">
        {t("credit.total", { count: d.total })}
      </p>
      {d.entries.length === 0 ? (
        <p className="card text-slate-600">{t("credit.empty")}</p>
      ) : (
        <ul className="space-y-3">
          {d.entries.map((e) => (
            <Entry key={e.id} e={e} />
          ))}
        </ul>
      )}
      <Pager page={d.page} pages={d.pages} />

      {d.practitionerSanctions ? (
        <section className="space-y-3" aria-labelledby="practitioner-sanctions">
          <div className="card">
            <h2 id="practitioner-sanctions" className="h2">
              {t("practitioners.disclosure.title")}
            </h2>
            <p className="mt-1 text-sm text-slate-600">{t("practitioners.disclosure.intro")}</p>
            {d.practitionerSanctions.entries.length ? (
              <p className="mt-2 text-sm">{t("practitioners.disclosure.active", { count: d.practitionerSanctions.active })}</p>
            ) : (
              <p className="mt-2 text-sm text-slate-600">{t("practitioners.disclosure.empty")}</p>
            )}
          </div>
          {d.practitionerSanctions.entries.length ? (
            <ul className="space-y-3">
              {d.practitionerSanctions.entries.map((s) => (
                <PractitionerSanctionItem key={s.id} s={s} />
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}

      <section id="open-data" className="card text-sm" aria-labelledby="open-data-title">
        <h2 id="open-data-title" className="h2">
          {t("credit.openData.title")}
        </h2>
        <p className="mt-1 text-slate-600">{t("credit.openData.body")}</p>
        <p className="mt-2">
          <a className="link" href={d.jsonHref} type="application/json">
            {t("credit.openData.link")}
          </a>
        </p>
      </section>
    </div>
  );
}
