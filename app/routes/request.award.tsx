import { useTranslation } from "react-i18next";
import { data, isRouteErrorResponse, Link, redirect, useParams, useRouteError } from "react-router";
import type { Route } from "./+types/request.award";
import { translateError } from "~/components/field";
import { getDb } from "~/db/client.server";
import { DomainError, isDomainError } from "~/lib/errors";
import { requireUser } from "~/lib/session.server";
import { parseBeijingDateTime } from "~/schemas/request";
import { chosenFile, readUploadForm } from "~/services/documents/documents.server";
import { acceptDelivery, confirmContract, decideObjection, deliverResult, fileObjection, pickBid, republishRequest, returnDelivery } from "~/services/requests/award.server";
import type { AwardActionError } from "~/services/requests/award-view.server";
import { terminateContract } from "~/services/requests/terminate.server";

/**
 * POST /requests/:id/award — the commands of the award panel, chosen by
 * `intent`. Success redirects back to the request page (?award=<intent>).
 * A refusal is a 4xx with an i18n key: returned as data to the panel's
 * fetchers (they send `_js=1` and show it next to the field), or thrown so a
 * plain browser form post gets this route's small translated error page.
 */
const INTENTS = ["pick", "object", "decide", "confirm", "deliver", "accept", "return", "republish", "terminate"] as const;
type Intent = (typeof INTENTS)[number];

const isIntent = (v: unknown): v is Intent => typeof v === "string" && (INTENTS as readonly string[]).includes(v);

export async function loader({ params }: Route.LoaderArgs) {
  return redirect(`/requests/${params.id}`);
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request);
  const requestId = params.id;
  let js = false;
  let intent: string | null = null;
  const refuse = (error: unknown) => {
    if (!isDomainError(error)) throw error;
    const body: AwardActionError = { error: error.message, field: error.field ?? null, params: error.params ?? null, intent, requestId };
    if (js) return data(body, { status: error.status });
    throw data(body, { status: error.status });
  };

  let form: FormData;
  try {
    form = await readUploadForm(request);
  } catch (error) {
    return refuse(error);
  }
  js = form.get("_js") === "1";
  const raw = form.get("intent");
  intent = typeof raw === "string" ? raw : null;
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const db = await getDb();
  let to = `/requests/${requestId}`;
  try {
    if (!isIntent(intent)) throw new DomainError("UNKNOWN_INTENT", 400, "award.errors.unknownIntent");
    switch (intent) {
      case "pick":
        if (!text("bidId")) throw new DomainError("REQUIRED", 400, "errors.required", "bidId");
        await pickBid(db, user, requestId, text("bidId"));
        break;
      case "object":
        await fileObjection(db, user, requestId, text("reason"));
        break;
      case "decide": {
        const objectionId = text("objectionId");
        // The objection must belong to the request in the URL.
        const objection = objectionId ? await db.objection.findUnique({ where: { id: objectionId }, select: { requestId: true } }) : null;
        if (!objection || objection.requestId !== requestId) throw new DomainError("NOT_FOUND", 404, "award.errors.objectionNotFound");
        const decision = text("decision");
        if (decision !== "UPHOLD" && decision !== "DISMISS") throw new DomainError("BAD_DECISION", 400, "errors.invalidChoice", "decision");
        await decideObjection(db, user, objectionId, decision, text("reason"), { legalBasis: text("legalBasis"), evidence: text("evidence") });
        break;
      }
      case "confirm":
        await confirmContract(db, user, requestId);
        break;
      case "deliver":
        await deliverResult(db, user, requestId, { file: chosenFile(form.get("document")), note: text("note") });
        break;
      case "accept":
        await acceptDelivery(db, user, requestId);
        break;
      case "return":
        await returnDelivery(db, user, requestId, text("reason"));
        break;
      case "terminate":
        await terminateContract(db, user, requestId, text("reason"));
        break;
      case "republish": {
        const closesAt = text("closesAt").trim() ? parseBeijingDateTime(text("closesAt")) : null;
        if (!text("closesAt").trim()) throw new DomainError("REQUIRED", 400, "errors.required", "closesAt");
        if (!closesAt) throw new DomainError("DATE", 400, "requests.errors.dateTime", "closesAt");
        const next = await republishRequest(db, user, requestId, closesAt);
        to = `/requests/${next.id}`;
        break;
      }
    }
  } catch (error) {
    return refuse(error);
  }
  return redirect(`${to}?award=${intent}`);
}

export function meta() {
  return [{ title: "中介超市" }];
}

/** Label of the field an error belongs to, per command. */
const FIELD_LABELS: Record<string, string> = {
  "object.reason": "award.objections.reasonLabel",
  "decide.reason": "award.objections.decisionReasonLabel",
  "decide.legalBasis": "award.objections.legalBasisLabel",
  "decide.evidence": "award.objections.evidenceLabel",
  "terminate.reason": "exit.terminate.reason",
  "return.reason": "award.delivery.returnReasonLabel",
  "deliver.document": "award.delivery.fileLabel",
  "deliver.note": "award.delivery.noteLabel",
  "republish.closesAt": "award.republish.closesAt",
  "pick.bidId": "award.pick.heading",
};

function RefusalPage({ status, body }: { status: number; body: AwardActionError | null }) {
  const { t } = useTranslation();
  const params = useParams();
  const requestId = body?.requestId ?? params.id;
  const label = body?.field ? FIELD_LABELS[`${body.intent}.${body.field}`] : undefined;
  const message = body
    ? translateError(t, body.error, body.params ?? undefined)
    : status === 403
      ? t("errors.forbiddenBody")
      : status === 404
        ? t("errors.notFoundBody")
        : t("errors.badRequestTitle");
  return (
    <section className="card mx-auto max-w-xl space-y-4" aria-labelledby="award-error-title">
      <p className="text-4xl font-bold text-red-800">{status}</p>
      <h1 id="award-error-title" className="h1">{t("award.errorPage.title")}</h1>
      <p role="alert" className="text-slate-800">
        {label ? `${t(label as never) as string}：` : null}
        {message}
      </p>
      {requestId ? (
        <Link className="btn-primary" to={`/requests/${requestId}`}>
          {t("award.errorPage.back")}
        </Link>
      ) : null}
    </section>
  );
}

/** Only reached without JavaScript: the refusal thrown by the action, as a translated page with the 4xx status. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status < 500) {
    const body = error.data && typeof error.data === "object" && "error" in error.data ? (error.data as AwardActionError) : null;
    return <RefusalPage status={error.status} body={body} />;
  }
  return (
    <section className="card mx-auto max-w-xl text-center" aria-labelledby="award-error-title">
      <p className="text-5xl font-bold text-red-800">500</p>
      <h1 id="award-error-title" className="h1 mt-2">{t("errors.serverTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("errors.serverBody")}</p>
    </section>
  );
}

export default function AwardAction({ actionData }: Route.ComponentProps) {
  const body = actionData && typeof actionData === "object" && "error" in actionData ? (actionData as AwardActionError) : null;
  return <RefusalPage status={400} body={body} />;
}
