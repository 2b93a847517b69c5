import { useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { data, Form, useNavigation } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/cases.$id";
import { pageTitle } from "~/lib/meta";
import type { z } from "~/lib/zod";
import { FormError, SelectField, TextArea, TextField } from "~/components/field";
import { useHydrated } from "~/lib/use-hydrated";
import { DomainError } from "~/lib/errors";
import { formatDate, formatDateTime } from "~/lib/format";
import { isActionFailure, type ActionFailure } from "~/lib/forms";
import { assertCan, defineAction, parseInput, signedIn, type CommandContext } from "~/lib/route.server";
import type { Permission } from "~/lib/permissions";
import { isHeavy, notHeavierThan } from "~/machines/case-severity";
import {
  appealSchema,
  CASE_DECISIONS,
  CASE_LIMITS,
  decideAppealSchema,
  decideSchema,
  HEARING_LEAD_DAYS,
  NOTICE_DECISIONS,
  NOTICE_PERIOD_DAYS,
  noticeSchema,
  recordHearingSchema,
  rejectSchema,
  scheduleHearingSchema,
  startReviewSchema,
  statementSchema,
} from "~/schemas/case";
import {
  appealCase,
  caseDetail,
  decideAppeal,
  decideCase,
  issueNotice,
  recordHearing,
  rejectComplaint,
  requestHearing,
  scheduleHearing,
  startReview,
  submitStatement,
  type CaseDetail,
} from "~/services/supervision/cases.server";

/**
 * GET/POST /cases/:id — one case: the complaint, its evidence, the decision,
 * the sanctions and the appeal, with the forms the viewer may use now
 * (regulator: accept, decide, decide the appeal; the agency: appeal within the
 * window). Readers: regulators, the complainant, the agency's users (who never
 * see the complainant). Anyone else: 404. Every form carries the case version
 * it was rendered with; a stale one is refused with 409.
 */
const INTENTS = [
  "start-review",
  "reject",
  "notice",
  "statement",
  "hearing",
  "schedule-hearing",
  "record-hearing",
  "decide",
  "appeal",
  "decide-appeal",
] as const;
type Intent = (typeof INTENTS)[number];
const DONE: Record<Intent, string> = {
  "start-review": "startReview",
  reject: "reject",
  notice: "notice",
  statement: "statement",
  hearing: "hearing",
  "schedule-hearing": "scheduleHearing",
  "record-hearing": "recordHearing",
  decide: "decide",
  appeal: "appeal",
  "decide-appeal": "decideAppeal",
};
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

/**
 * One step of the case: the case must be visible to the user for `permission` (404 otherwise, before
 * anything is read from the form), the form is parsed by `schema`, the command runs, and the page
 * comes back with the step's done message.
 */
function step<S extends z.ZodType>(intent: Intent, permission: Permission, schema: S, run: (d: z.infer<S>, ctx: Ctx) => Promise<unknown>) {
  return {
    permission: "signed-in" as const,
    run: async (_input: unknown, ctx: Ctx) => {
      await visibleCase(ctx, permission);
      await run(parseInput(schema, ctx.values), ctx);
      return done(ctx, intent);
    },
  };
}

/** The only field is the page's version: anything unreadable is a stale page (409), not a field error. */
const versionOnly = startReviewSchema.catch(() => {
  throw new DomainError("STALE", 409, "cases.errors.conflict");
});

export const action = defineAction<Params>({
  commands: {
    "start-review": step("start-review", "supervision:act", versionOnly, (d, ctx) =>
      startReview(ctx.db, ctx.user, ctx.params.id, { expectedVersion: d.version }),
    ),
    reject: step("reject", "supervision:act", rejectSchema, (d, ctx) =>
      rejectComplaint(ctx.db, ctx.user, ctx.params.id, { reason: d.reason, expectedVersion: d.version }),
    ),
    notice: step("notice", "supervision:act", noticeSchema, ({ version, ...d }, ctx) =>
      issueNotice(ctx.db, ctx.user, ctx.params.id, {
        decision: d.decision,
        reason: d.reason,
        legalBasis: d.legalBasis,
        evidence: d.evidence,
        days: d.days,
        years: d.years,
        expectedVersion: version,
      }),
    ),
    statement: step("statement", "case:defend", statementSchema, (d, ctx) =>
      submitStatement(ctx.db, ctx.user, ctx.params.id, {
        statement: d.statement,
        waiveHearing: d.waiveHearing,
        expectedVersion: d.version,
      }),
    ),
    hearing: step("hearing", "case:defend", versionOnly, (d, ctx) =>
      requestHearing(ctx.db, ctx.user, ctx.params.id, { expectedVersion: d.version }),
    ),
    "schedule-hearing": step("schedule-hearing", "supervision:act", scheduleHearingSchema, (d, ctx) =>
      scheduleHearing(ctx.db, ctx.user, ctx.params.id, { hearingAt: d.hearingAt, place: d.place, expectedVersion: d.version }),
    ),
    "record-hearing": step("record-hearing", "supervision:act", recordHearingSchema, (d, ctx) =>
      recordHearing(ctx.db, ctx.user, ctx.params.id, { record: d.record, expectedVersion: d.version }),
    ),
    decide: step("decide", "supervision:act", decideSchema, ({ version, ...d }, ctx) =>
      decideCase(ctx.db, ctx.user, ctx.params.id, {
        decision: d.decision,
        reason: d.reason,
        legalBasis: d.legalBasis,
        evidence: d.evidence,
        days: d.days,
        years: d.years,
        points: d.points,
        answer: d.answer,
        expectedVersion: version,
      }),
    ),
    appeal: step("appeal", "case:appeal", appealSchema, (d, ctx) =>
      appealCase(ctx.db, ctx.user, ctx.params.id, { reason: d.reason, expectedVersion: d.version }),
    ),
    "decide-appeal": step("decide-appeal", "supervision:act", decideAppealSchema, (d, ctx) =>
      decideAppeal(ctx.db, ctx.user, ctx.params.id, { outcome: d.outcome, reason: d.reason, expectedVersion: d.version }),
    ),
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

/**
 * The decision form, and the prior notice's (same grounds, heavy kinds only).
 * At review a decision is light; after a notice it is no heavier than the
 * notice and answers the agency's statement and hearing.
 */
function DecideForm({ c, result, intent }: { c: CaseDetail; result?: ActionFailure; intent: "decide" | "notice" }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const n = c.notice;
  const kinds =
    intent === "notice"
      ? NOTICE_DECISIONS
      : CASE_DECISIONS.filter((d) =>
          n ? notHeavierThan({ decision: d, days: 1, years: 1 }, { decision: n.kind, days: n.days, years: n.years }) : !isHeavy(d),
        );
  const mustAnswer = intent === "decide" && !!n && (!!n.statement || !!n.hearingRecord);
  const f = intent === "notice" ? "notice" : "decide";
  const navigation = useNavigation();
  const values = result?.values ?? {};
  const errors = result?.fieldErrors ?? {};
  const [decision, setDecision] = useState(values.decision ?? "");
  // Without JavaScript all duration fields show (each says when it applies); hydrated, only the relevant one.
  const hydrated = useHydrated();
  const show = (kind: string) => !hydrated || decision === kind;
  return (
    <section className="card space-y-3" aria-labelledby={`${f}-title`}>
      <h2 id={`${f}-title`} className="h2">
        {t(`cases.forms.${f}.heading`)}
      </h2>
      <p className="hint">
        {intent === "notice" ? t("cases.forms.notice.hint", { days: NOTICE_PERIOD_DAYS }) : t("cases.forms.decide.effects")}
      </p>
      {intent === "decide" && n ? <p className="hint">{t("cases.forms.notice.hint", { days: NOTICE_PERIOD_DAYS })}</p> : null}
      <Form method="post" className="space-y-3" noValidate>
        <FormError message={result?.formError} params={result?.params} />
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="version" value={c.version} />
        <SelectField
          label={t(intent === "notice" ? "cases.forms.notice.decision" : "cases.forms.decide.decision")}
          name="decision"
          required
          defaultValue={values.decision}
          placeholder="—"
          errors={errors.decision}
          onChange={setDecision}
          options={kinds.map((d) => ({ value: d, label: t(`cases.decisionKinds.${d}`) }))}
        />
        <TextArea
          label={t(intent === "notice" ? "cases.forms.notice.reason" : "cases.forms.decide.reason")}
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
          {intent === "decide" && show("CREDIT_DEDUCTION") ? (
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
        {mustAnswer ? (
          <TextArea
            label={t("cases.forms.answer.label")}
            name="answer"
            required
            rows={4}
            maxLength={CASE_LIMITS.reason}
            defaultValue={values.answer}
            errors={errors.answer}
            hint={t("cases.forms.answer.hint")}
          />
        ) : null}
        {n && intent === "decide" ? (
          <p className="hint">{t("cases.detail.noticeEndsAt") + (lang === "en" ? ": " : "：") + formatDateTime(n.endsAt, lang)}</p>
        ) : null}
        <button type="submit" className="btn-primary" disabled={navigation.state !== "idle"}>
          {t(`cases.forms.${f}.submit`)}
        </button>
      </Form>
    </section>
  );
}

/** One step's form on the case page: heading, hint, the error that belongs to it, its fields, submit. */
function CaseStep({
  id,
  step,
  hint,
  intent,
  version,
  failure,
  secondary,
  children,
}: {
  id: string;
  step: "startReview" | "reject" | "statement" | "hearing" | "scheduleHearing" | "recordHearing" | "appeal" | "decideAppeal";
  hint: string;
  intent: Intent;
  version: number;
  failure?: ActionFailure;
  secondary?: boolean;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  return (
    <section className="card space-y-2" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="h2">
        {t(`cases.forms.${step}.heading`)}
      </h2>
      <p className="hint">{hint}</p>
      <Form method="post" className="space-y-3" noValidate>
        <FormError message={failure?.formError} params={failure?.params} />
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="version" value={version} />
        {children}
        <button type="submit" className={secondary ? "btn-secondary" : "btn-primary"} disabled={navigation.state !== "idle"}>
          {t(`cases.forms.${step}.submit`)}
        </button>
      </Form>
    </section>
  );
}

export default function CasePage({ loaderData: { c, done }, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const result = isActionFailure(actionData) ? actionData : undefined;
  const shown: Record<Intent, boolean> = {
    "start-review": c.can.startReview,
    reject: c.can.reject,
    notice: c.can.issueNotice,
    statement: c.can.statement,
    hearing: c.can.requestHearing,
    "schedule-hearing": c.can.scheduleHearing,
    "record-hearing": c.can.recordHearing,
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
  const rejecting = failedFor(result, "reject");
  const stating = failedFor(result, "statement");
  const hearingAsk = failedFor(result, "hearing");
  const scheduling = failedFor(result, "schedule-hearing");
  const recording = failedFor(result, "record-hearing");
  const n = c.notice;
  const colon = lang === "en" ? ": " : "：";
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

      {c.rejection ? (
        <section className="card space-y-2" aria-labelledby="rejected-title">
          <h2 id="rejected-title" className="h2">
            {t("cases.detail.rejectedHeading")}
          </h2>
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
            <Row label={t("cases.detail.rejectionReason")}>{c.rejection.reason}</Row>
            <Row label={t("cases.detail.rejectedAt")}>{formatDateTime(c.rejection.at, lang)}</Row>
          </dl>
        </section>
      ) : null}

      {n ? (
        <section className="card space-y-2" aria-labelledby="notice-title">
          <h2 id="notice-title" className="h2">
            {t("cases.detail.noticeHeading")}
          </h2>
          <p className="hint">{t("cases.detail.noticeIntro", { days: NOTICE_PERIOD_DAYS })}</p>
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
            <Row label={t("cases.detail.noticeDecision")}>
              <strong>{t(`cases.decisionKinds.${n.kind}`)}</strong>
              {n.days ? ` · ${t("cases.detail.days", { count: n.days })}` : ""}
              {n.years ? ` · ${t("cases.detail.years", { count: n.years })}` : ""}
            </Row>
            <Row label={t("cases.detail.noticeFacts")}>{n.facts}</Row>
            <Row label={t("cases.detail.legalBasis")}>{n.legalBasis}</Row>
            <Row label={t("cases.detail.decisionEvidence")}>{n.evidence}</Row>
            <Row label={t("cases.detail.noticeIssuedAt")}>{formatDateTime(n.issuedAt, lang)}</Row>
            <Row label={t("cases.detail.noticeEndsAt")}>{formatDateTime(n.endsAt, lang)}</Row>
            <Row label={t("cases.detail.statement")}>
              {n.statement ? (
                <>
                  {n.statement}
                  {n.statementAt ? (
                    <span className="block text-xs text-slate-500">
                      {t("cases.detail.statementAt")}
                      {colon}
                      {formatDateTime(n.statementAt, lang)}
                    </span>
                  ) : null}
                </>
              ) : (
                t("cases.detail.noStatement")
              )}
            </Row>
            {n.hearingWaived ? <Row label={t("cases.forms.hearing.heading")}>{t("cases.detail.hearingWaived")}</Row> : null}
            {n.hearingAskedAt ? <Row label={t("cases.detail.hearingAskedAt")}>{formatDateTime(n.hearingAskedAt, lang)}</Row> : null}
            {n.hearingAt ? <Row label={t("cases.detail.hearingAt")}>{formatDateTime(n.hearingAt, lang)}</Row> : null}
            {n.hearingPlace ? <Row label={t("cases.detail.hearingPlace")}>{n.hearingPlace}</Row> : null}
            {n.hearingRecord ? <Row label={t("cases.detail.hearingRecord")}>{n.hearingRecord}</Row> : null}
            {n.answer ? <Row label={t("cases.detail.statementAnswer")}>{n.answer}</Row> : null}
          </dl>
        </section>
      ) : null}

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
        <CaseStep
          id="review"
          step="startReview"
          hint={t("cases.forms.startReview.hint")}
          intent="start-review"
          version={c.version}
          failure={review}
        />
      ) : null}

      {c.can.reject ? (
        <CaseStep
          id="reject"
          step="reject"
          hint={t("cases.forms.reject.hint")}
          intent="reject"
          version={c.version}
          failure={rejecting}
          secondary
        >
          <TextArea
            label={t("cases.forms.reject.reason")}
            name="reason"
            required
            rows={3}
            maxLength={CASE_LIMITS.reason}
            defaultValue={rejecting?.values.reason}
            errors={rejecting?.fieldErrors.reason}
          />
        </CaseStep>
      ) : null}

      {c.can.statement && n ? (
        <CaseStep
          id="statement"
          step="statement"
          hint={t("cases.forms.statement.hint", { date: formatDateTime(n.endsAt, lang) })}
          intent="statement"
          version={c.version}
          failure={stating}
        >
          <TextArea
            label={t("cases.forms.statement.statement")}
            name="statement"
            required
            rows={5}
            maxLength={CASE_LIMITS.reason}
            defaultValue={stating?.values.statement}
            errors={stating?.fieldErrors.statement}
          />
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="waiveHearing" className="mt-1" defaultChecked={stating?.values.waiveHearing === "on"} />
            <span>{t("cases.forms.statement.waive")}</span>
          </label>
        </CaseStep>
      ) : null}

      {c.can.requestHearing && n ? (
        <CaseStep
          id="hearing"
          step="hearing"
          hint={t("cases.forms.hearing.hint", { date: formatDateTime(n.endsAt, lang), days: HEARING_LEAD_DAYS })}
          intent="hearing"
          version={c.version}
          failure={hearingAsk}
        />
      ) : null}

      {c.can.scheduleHearing ? (
        <CaseStep
          id="schedule"
          step="scheduleHearing"
          hint={t("cases.forms.scheduleHearing.hint", { days: HEARING_LEAD_DAYS })}
          intent="schedule-hearing"
          version={c.version}
          failure={scheduling}
        >
          <TextField
            label={t("cases.forms.scheduleHearing.hearingAt")}
            name="hearingAt"
            type="datetime-local"
            required
            defaultValue={scheduling?.values.hearingAt}
            errors={scheduling?.fieldErrors.hearingAt}
          />
          <TextField
            label={t("cases.forms.scheduleHearing.place")}
            name="place"
            required
            defaultValue={scheduling?.values.place}
            errors={scheduling?.fieldErrors.place}
          />
        </CaseStep>
      ) : null}

      {c.can.recordHearing ? (
        <CaseStep
          id="record"
          step="recordHearing"
          hint={t("cases.forms.recordHearing.hint")}
          intent="record-hearing"
          version={c.version}
          failure={recording}
        >
          <TextArea
            label={t("cases.forms.recordHearing.record")}
            name="record"
            required
            rows={5}
            maxLength={CASE_LIMITS.description}
            defaultValue={recording?.values.record}
            errors={recording?.fieldErrors.record}
          />
        </CaseStep>
      ) : null}

      {c.viewer === "regulator" && c.status === "NOTICE_ISSUED" && !c.can.decide && n ? (
        <p className="card hint">{t("cases.forms.waitNotice", { date: formatDateTime(n.endsAt, lang) })}</p>
      ) : null}

      {c.can.issueNotice ? <DecideForm c={c} intent="notice" result={failedFor(result, "notice")} /> : null}

      {c.can.decide ? <DecideForm c={c} intent="decide" result={failedFor(result, "decide")} /> : null}

      {c.can.appeal && c.decision?.appealEndsAt ? (
        <CaseStep
          id="appeal-form"
          step="appeal"
          hint={t("cases.forms.appeal.hint", { date: formatDateTime(c.decision.appealEndsAt, lang) })}
          intent="appeal"
          version={c.version}
          failure={appeal}
        >
          <TextArea
            label={t("cases.forms.appeal.reason")}
            name="reason"
            required
            rows={4}
            maxLength={CASE_LIMITS.reason}
            defaultValue={appeal?.values.reason}
            errors={appeal?.fieldErrors.reason}
          />
        </CaseStep>
      ) : null}

      {c.can.decideAppeal ? (
        <CaseStep
          id="decide-appeal"
          step="decideAppeal"
          hint={t("cases.forms.decideAppeal.hint")}
          intent="decide-appeal"
          version={c.version}
          failure={appealDecision}
        >
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
        </CaseStep>
      ) : null}
    </article>
  );
}
