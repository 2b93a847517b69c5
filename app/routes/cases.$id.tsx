import { useState } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, useNavigation } from "react-router";
import type { Route } from "./+types/cases.$id";
import { pageTitle } from "~/lib/meta";
import { FormError, SelectField, TextArea, TextField } from "~/components/field";
import { useHydrated } from "~/lib/use-hydrated";
import { DomainError } from "~/lib/errors";
import { formatDate, formatDateTime } from "~/lib/format";
import { isActionFailure, type ActionFailure } from "~/lib/forms";
import { assertCan, defineAction, parseInput, signedIn, type CommandContext } from "~/lib/route.server";
import type { Permission } from "~/lib/permissions";
import { appealSchema, CASE_DECISIONS, CASE_LIMITS, decideAppealSchema, decideSchema, startReviewSchema } from "~/schemas/case";
import { appealCase, caseDetail, decideAppeal, decideCase, startReview, type CaseDetail } from "~/services/supervision/cases.server";

/**
 * GET/POST /cases/:id — one case: the complaint, its evidence, the decision,
 * the sanctions and the appeal, with the forms the viewer may use now
 * (regulator: accept, decide, decide the appeal; the agency: appeal within the
 * window). Readers: regulators, the complainant, the agency's users (who never
 * see the complainant). Anyone else: 404. Every form carries the case version
 * it was rendered with; a stale one is refused with 409.
 */
const INTENTS = ["start-review", "decide", "appeal", "decide-appeal"] as const;
type Intent = (typeof INTENTS)[number];
const DONE: Record<Intent, string> = { "start-review": "startReview", decide: "decide", appeal: "appeal", "decide-appeal": "decideAppeal" };
const isIntent = (v: unknown): v is Intent => typeof v === "string" && (INTENTS as readonly string[]).includes(v);

export async function loader({ request, params }: Route.LoaderArgs) {
  // Anyone signed in; the module shows the case only to those it concerns.
  const { user, db } = await signedIn(request);
  const c = await caseDetail(db, user, params.id);
  if (!c) throw new Response("Not Found", { status: 404, statusText: "Not Found" });
  const done = new URL(request.url).searchParams.get("done");
  return data(
    { c, done: done && (Object.values(DONE).includes(done) || done === "filed") ? done : null },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export function headers({ loaderHeaders }: Route.HeadersArgs) {
  return { "Cache-Control": loaderHeaders.get("Cache-Control") ?? "private, no-store" };
}

type Params = Route.ActionArgs["params"];
type Ctx = CommandContext<Params>;

/**
 * Whoever may not see the case learns nothing about it, whatever they post:
 * 404 before the role is checked or any input is read. So every command is
 * open to the signed-in and checks, in this order: visibility, permission
 * (assertCan, with the permission's message), input.
 */
async function visibleCase(ctx: Ctx, permission: Permission) {
  if (!(await caseDetail(ctx.db, ctx.user, ctx.params.id))) throw new Response("Not Found", { status: 404, statusText: "Not Found" });
  assertCan(ctx.user, permission);
}

const done = (ctx: Ctx, intent: Intent) => `/cases/${ctx.params.id}?done=${DONE[intent]}`;

export const action = defineAction<Params>({
  commands: {
    "start-review": {
      permission: "signed-in",
      run: async (_input, ctx) => {
        await visibleCase(ctx, "supervision:act");
        // The only field is the page's version: anything unreadable is a stale page.
        const p = startReviewSchema.safeParse(ctx.values);
        if (!p.success) throw new DomainError("STALE", 409, "cases.errors.conflict");
        await startReview(ctx.db, ctx.user, ctx.params.id, { expectedVersion: p.data.version });
        return done(ctx, "start-review");
      },
    },
    decide: {
      permission: "signed-in",
      run: async (_input, ctx) => {
        await visibleCase(ctx, "supervision:act");
        const d = parseInput(decideSchema, ctx.values);
        await decideCase(ctx.db, ctx.user, ctx.params.id, {
          decision: d.decision,
          reason: d.reason,
          legalBasis: d.legalBasis,
          evidence: d.evidence,
          days: d.days,
          years: d.years,
          points: d.points,
          expectedVersion: d.version,
        });
        return done(ctx, "decide");
      },
    },
    appeal: {
      permission: "signed-in",
      run: async (_input, ctx) => {
        await visibleCase(ctx, "case:appeal");
        const d = parseInput(appealSchema, ctx.values);
        await appealCase(ctx.db, ctx.user, ctx.params.id, { reason: d.reason, expectedVersion: d.version });
        return done(ctx, "appeal");
      },
    },
    "decide-appeal": {
      permission: "signed-in",
      run: async (_input, ctx) => {
        await visibleCase(ctx, "supervision:act");
        const d = parseInput(decideAppealSchema, ctx.values);
        await decideAppeal(ctx.db, ctx.user, ctx.params.id, { outcome: d.outcome, reason: d.reason, expectedVersion: d.version });
        return done(ctx, "decide-appeal");
      },
    },
  },
});

export function meta({ data: d, matches }: Route.MetaArgs) {
  return pageTitle(matches, d?.c.code || { key: "titles.cases" });
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-slate-600">{label}</dt>
      <dd className="whitespace-pre-wrap break-words">{children}</dd>
    </>
  );
}

/** The failed submission belongs to this form (its intent), so its errors and values show here only. */
function failedFor(result: ActionFailure | undefined, intent: Intent): ActionFailure | undefined {
  return result && result.values?.intent === intent ? result : undefined;
}

function DecideForm({ c, result }: { c: CaseDetail; result?: ActionFailure }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const values = result?.values ?? {};
  const errors = result?.fieldErrors ?? {};
  const [decision, setDecision] = useState(values.decision ?? "");
  // Without JavaScript all duration fields show (each says when it applies); hydrated, only the relevant one.
  const hydrated = useHydrated();
  const show = (kind: string) => !hydrated || decision === kind;
  return (
    <section className="card space-y-3" aria-labelledby="decide-title">
      <h2 id="decide-title" className="h2">
        {t("cases.forms.decide.heading")}
      </h2>
      <p className="hint">{t("cases.forms.decide.effects")}</p>
      <Form method="post" className="space-y-3" noValidate>
        <FormError message={result?.formError} params={result?.params} />
        <input type="hidden" name="intent" value="decide" />
        <input type="hidden" name="version" value={c.version} />
        <SelectField
          label={t("cases.forms.decide.decision")}
          name="decision"
          required
          defaultValue={values.decision}
          placeholder="—"
          errors={errors.decision}
          onChange={setDecision}
          options={CASE_DECISIONS.map((d) => ({ value: d, label: t(`cases.decisionKinds.${d}`) }))}
        />
        <TextArea
          label={t("cases.forms.decide.reason")}
          name="reason"
          required
          rows={4}
          maxLength={CASE_LIMITS.reason}
          defaultValue={values.reason}
          errors={errors.reason}
          hint={t("cases.forms.decide.reasonHint")}
        />
        <TextField
          label={t("cases.forms.decide.legalBasis")}
          name="legalBasis"
          defaultValue={values.legalBasis}
          errors={errors.legalBasis}
          hint={t("cases.forms.decide.legalBasisHint")}
        />
        <TextArea
          label={t("cases.forms.decide.evidence")}
          name="evidence"
          rows={3}
          maxLength={CASE_LIMITS.evidence}
          defaultValue={values.evidence}
          errors={errors.evidence}
          hint={t("cases.forms.decide.evidenceHint")}
        />
        <div className="grid gap-3 sm:grid-cols-3">
          {show("SUSPENSION") ? (
            <TextField
              label={t("cases.forms.decide.days")}
              name="days"
              type="number"
              inputMode="numeric"
              defaultValue={values.days}
              errors={errors.days}
              hint={t("cases.forms.decide.daysHint")}
            />
          ) : null}
          {show("BLACKLIST") ? (
            <TextField
              label={t("cases.forms.decide.years")}
              name="years"
              type="number"
              inputMode="numeric"
              defaultValue={values.years}
              errors={errors.years}
              hint={t("cases.forms.decide.yearsHint")}
            />
          ) : null}
          {show("CREDIT_DEDUCTION") ? (
            <TextField
              label={t("cases.forms.decide.points")}
              name="points"
              type="number"
              inputMode="numeric"
              defaultValue={values.points}
              errors={errors.points}
              hint={t("cases.forms.decide.pointsHint")}
            />
          ) : null}
        </div>
        <button type="submit" className="btn-primary" disabled={navigation.state !== "idle"}>
          {t("cases.forms.decide.submit")}
        </button>
      </Form>
    </section>
  );
}

export default function CasePage({ loaderData: { c, done }, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const navigation = useNavigation();
  const result = isActionFailure(actionData) ? actionData : undefined;
  const shown: Record<Intent, boolean> = {
    "start-review": c.can.startReview,
    decide: c.can.decide,
    appeal: c.can.appeal && !!c.decision?.appealEndsAt,
    "decide-appeal": c.can.decideAppeal,
  };
  // An error whose form is no longer shown still shows, at the top (e.g. a stale page: 409).
  const intent = result?.values?.intent;
  const orphan = result && !(isIntent(intent) && shown[intent]) ? result : undefined;
  const review = failedFor(result, "start-review");
  const appeal = failedFor(result, "appeal");
  const appealDecision = failedFor(result, "decide-appeal");
  return (
    <article className="space-y-4">
      <header className="card space-y-2">
        <p>
          <Link className="link text-sm" to="/cases">
            {t("cases.detail.back")}
          </Link>
        </p>
        <h1 className="h1">
          {c.subject} <span className="font-mono text-base text-slate-500">{c.code}</span>
        </h1>
        <p className="text-sm">
          <span className="rounded bg-slate-100 px-2 py-0.5">{t(`cases.status.${c.status}`)}</span>
        </p>
        {done ? (
          <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
            {t(`cases.done.${done as "decide"}`, { code: c.code })}
          </p>
        ) : null}
        <FormError message={orphan?.formError} params={orphan?.params} />
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
          <Row label={t("cases.detail.agency")}>
            <Link className="link" to={`/agencies/${c.agency.id}`}>
              {c.agency.name}
            </Link>
            {c.agency.creditCode ? <span className="ml-2 font-mono text-xs text-slate-500">{c.agency.creditCode}</span> : null}
          </Row>
          <Row label={t("cases.detail.agencyStatus")}>
            {t(`agencyStatus.${c.agency.status}`)}
            {c.agency.status === "SUSPENDED" && c.agency.suspendedUntil ? ` → ${formatDate(c.agency.suspendedUntil, lang)}` : ""}
          </Row>
          {c.viewer === "complainant" ? <Row label={t("cases.detail.complainant")}>{t("cases.detail.you")}</Row> : null}
          {c.complainant ? (
            <Row label={t("cases.detail.complainant")}>
              {c.complainant.name} · {c.complainant.email}
              {c.complainant.organization ? ` · ${c.complainant.organization}` : ""} · {t(`roles.${c.complainant.role}`)}
            </Row>
          ) : null}
          <Row label={t("cases.detail.filedAt")}>{formatDateTime(c.createdAt, lang)}</Row>
          <Row label={t("cases.detail.description")}>{c.description}</Row>
          <Row label={t("cases.detail.evidence")}>
            {c.evidence.length === 0 ? (
              t("cases.detail.noEvidence")
            ) : (
              <ul className="space-y-1">
                {c.evidence.map((e) => (
                  <li key={e.id}>
                    <a className="link" href={`/documents/${e.id}`} target="_blank" rel="noreferrer">
                      {e.name ?? t("cases.detail.evidenceItem", { index: e.index })}
                    </a>
                    <span className="ml-2 text-xs text-slate-500">
                      {e.mime} · {Math.max(1, Math.round(e.size / 1024))} KB
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Row>
        </dl>
      </header>

      <section className="card space-y-2" aria-labelledby="decision-title">
        <h2 id="decision-title" className="h2">
          {t("cases.detail.decisionHeading")}
        </h2>
        {!c.decision ? (
          <p className="text-sm text-slate-600">{t("cases.detail.noDecision")}</p>
        ) : (
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
            <Row label={t("cases.detail.decision")}>
              <strong>{t(`cases.decisionKinds.${c.decision.kind}`)}</strong>
            </Row>
            {c.decision.days ? <Row label={t("cases.detail.duration")}>{t("cases.detail.days", { count: c.decision.days })}</Row> : null}
            {c.decision.years ? <Row label={t("cases.detail.duration")}>{t("cases.detail.years", { count: c.decision.years })}</Row> : null}
            {c.decision.points ? (
              <Row label={t("cases.detail.duration")}>{t("cases.detail.points", { count: c.decision.points })}</Row>
            ) : null}
            <Row label={t("cases.detail.reason")}>{c.decision.reason}</Row>
            {c.decision.legalBasis ? <Row label={t("cases.detail.legalBasis")}>{c.decision.legalBasis}</Row> : null}
            {c.decision.evidence ? <Row label={t("cases.detail.decisionEvidence")}>{c.decision.evidence}</Row> : null}
            {c.decision.decidedAt ? <Row label={t("cases.detail.decidedAt")}>{formatDateTime(c.decision.decidedAt, lang)}</Row> : null}
            {c.decision.appealEndsAt ? (
              <Row label={t("cases.detail.appealEndsAt")}>{formatDateTime(c.decision.appealEndsAt, lang)}</Row>
            ) : null}
          </dl>
        )}
        {c.sanctions.length ? (
          <div>
            <h3 className="mt-3 text-sm font-semibold">{t("cases.detail.sanctionsHeading")}</h3>
            <ul className="mt-1 space-y-1 text-sm">
              {c.sanctions.map((s) => (
                <li key={s.id}>
                  {t(`cases.decisionKinds.${s.kind}`)} · {t("cases.detail.sanctionPeriod", { start: formatDate(s.startsAt, lang) })}
                  {s.endsAt ? ` ${t("cases.detail.sanctionUntil", { end: formatDate(s.endsAt, lang) })}` : ""} ·{" "}
                  {t("cases.detail.authority")}
                  {lang === "en" ? ": " : "："}
                  {s.authority}
                  {s.revokedAt ? (
                    <span className="ml-2 text-red-800">
                      {t("cases.detail.revoked", { date: formatDate(s.revokedAt, lang), reason: s.revokedReason ?? "" })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      {c.appeal || (c.status === "FINAL" && c.decision && c.decision.kind !== "NO_ACTION") ? (
        <section className="card space-y-2" aria-labelledby="appeal-title">
          <h2 id="appeal-title" className="h2">
            {t("cases.detail.appealHeading")}
          </h2>
          {c.appeal ? (
            <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
              <Row label={t("cases.detail.appealedAt")}>{formatDateTime(c.appeal.appealedAt, lang)}</Row>
              <Row label={t("cases.detail.appealReason")}>{c.appeal.reason}</Row>
              {c.appeal.outcome ? (
                <Row label={t("cases.detail.outcome")}>
                  <strong>{t(`cases.outcomes.${c.appeal.outcome}`)}</strong>
                </Row>
              ) : null}
              {c.appeal.finalReason ? <Row label={t("cases.detail.finalReason")}>{c.appeal.finalReason}</Row> : null}
              {c.appeal.decidedAt ? <Row label={t("cases.detail.appealDecidedAt")}>{formatDateTime(c.appeal.decidedAt, lang)}</Row> : null}
            </dl>
          ) : (
            <p className="text-sm text-slate-600">{t("cases.detail.finalNoAppeal")}</p>
          )}
        </section>
      ) : null}

      {c.can.startReview ? (
        <section className="card space-y-2" aria-labelledby="review-title">
          <h2 id="review-title" className="h2">
            {t("cases.forms.startReview.heading")}
          </h2>
          <p className="hint">{t("cases.forms.startReview.hint")}</p>
          <FormError message={review?.formError} params={review?.params} />
          <Form method="post">
            <input type="hidden" name="intent" value="start-review" />
            <input type="hidden" name="version" value={c.version} />
            <button type="submit" className="btn-primary" disabled={navigation.state !== "idle"}>
              {t("cases.forms.startReview.submit")}
            </button>
          </Form>
        </section>
      ) : null}

      {c.can.decide ? <DecideForm c={c} result={failedFor(result, "decide")} /> : null}

      {c.can.appeal && c.decision?.appealEndsAt ? (
        <section className="card space-y-2" aria-labelledby="appeal-form-title">
          <h2 id="appeal-form-title" className="h2">
            {t("cases.forms.appeal.heading")}
          </h2>
          <p className="hint">{t("cases.forms.appeal.hint", { date: formatDateTime(c.decision.appealEndsAt, lang) })}</p>
          <Form method="post" className="space-y-3" noValidate>
            <FormError message={appeal?.formError} params={appeal?.params} />
            <input type="hidden" name="intent" value="appeal" />
            <input type="hidden" name="version" value={c.version} />
            <TextArea
              label={t("cases.forms.appeal.reason")}
              name="reason"
              required
              rows={4}
              maxLength={CASE_LIMITS.reason}
              defaultValue={appeal?.values.reason}
              errors={appeal?.fieldErrors.reason}
            />
            <button type="submit" className="btn-primary" disabled={navigation.state !== "idle"}>
              {t("cases.forms.appeal.submit")}
            </button>
          </Form>
        </section>
      ) : null}

      {c.can.decideAppeal ? (
        <section className="card space-y-2" aria-labelledby="decide-appeal-title">
          <h2 id="decide-appeal-title" className="h2">
            {t("cases.forms.decideAppeal.heading")}
          </h2>
          <p className="hint">{t("cases.forms.decideAppeal.hint")}</p>
          <Form method="post" className="space-y-3" noValidate>
            <FormError message={appealDecision?.formError} params={appealDecision?.params} />
            <input type="hidden" name="intent" value="decide-appeal" />
            <input type="hidden" name="version" value={c.version} />
            <SelectField
              label={t("cases.forms.decideAppeal.outcome")}
              name="outcome"
              required
              placeholder="—"
              defaultValue={appealDecision?.values.outcome}
              errors={appealDecision?.fieldErrors.outcome}
              options={(["UPHELD", "REVOKED"] as const).map((o) => ({ value: o, label: t(`cases.outcomes.${o}`) }))}
            />
            <TextArea
              label={t("cases.forms.decideAppeal.reason")}
              name="reason"
              required
              rows={4}
              maxLength={CASE_LIMITS.reason}
              defaultValue={appealDecision?.values.reason}
              errors={appealDecision?.fieldErrors.reason}
            />
            <button type="submit" className="btn-primary" disabled={navigation.state !== "idle"}>
              {t("cases.forms.decideAppeal.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </article>
  );
}
