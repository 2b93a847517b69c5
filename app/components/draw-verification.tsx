import { useTranslation } from "~/i18n/use-translation";

export type DrawView = {
  announcementId: string;
  commitment: string;
  seed: string;
  entrants: string[];
  keys: { agencyId: string; key: string }[];
  ok: boolean;
  problems: string[];
};

/** Seed, commitment, frozen entrants with their keys, and the server's verification verdict. */
export function DrawVerification({ draw }: { draw: DrawView }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-2 text-sm">
      <p className={draw.ok ? "font-medium text-green-800" : "font-medium text-red-800"} role="status" data-testid="draw-verdict">
        {draw.ok ? t("requests.draw.ok") : t("requests.draw.failed")}
      </p>
      {draw.problems.length ? (
        <ul className="list-disc pl-5 text-red-800">
          {draw.problems.map((p) => (
            <li key={p}>{t(p as never) as string}</li>
          ))}
        </ul>
      ) : null}
      <dl className="space-y-1">
        <div>
          <dt className="text-slate-500">{t("requests.draw.commitment")}</dt>
          <dd className="break-all font-mono text-xs">{draw.commitment}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("requests.draw.seed")}</dt>
          <dd className="break-all font-mono text-xs">{draw.seed}</dd>
        </div>
      </dl>
      <div>
        <p className="text-slate-500">{t("requests.draw.entrants", { count: draw.entrants.length })}</p>
        <ol className="mt-1 list-decimal pl-5 font-mono text-xs">
          {[...draw.keys]
            .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
            .map((k) => (
              <li key={k.agencyId} className="break-all">
                {k.agencyId} → {k.key}
              </li>
            ))}
        </ol>
      </div>
      <p className="text-slate-700">{t("requests.draw.howTo")}</p>
      <p>
        <a className="link" href={`/announcements/${draw.announcementId}/draw.json`} data-testid="draw-json">
          {t("requests.draw.record")}
        </a>
      </p>
      <pre className="overflow-x-auto rounded bg-slate-100 p-2 text-xs">
        <code>{`printf %s "$SEED" | sha256sum                # = commitment\nprintf %s "$SEED$AGENCY_ID" | sha256sum     # = key; rank by key, ascending`}</code>
      </pre>
    </div>
  );
}
