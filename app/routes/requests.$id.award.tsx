import { useTranslation } from "~/i18n/use-translation";
import { isRouteErrorResponse, redirect, useParams, useRouteError } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/requests.$id.award";
import { pageTitle } from "~/lib/meta";
import { translateError } from "~/components/field";
import { DomainError } from "~/lib/errors";
import { isActionFailure, type ActionFailure } from "~/lib/forms";
import { commandsFor, defineAction } from "~/lib/route.server";
import { decideSchema, deliverSchema, noInput, pickSchema, reasonSchema, republishSchema } from "~/schemas/award";
import { amendContractSchema, attachSchema, recordContractSchema, removeAttachmentSchema } from "~/schemas/contract";
import { chosenFile, chosenFiles, MAX_FORM_OVERHEAD_BYTES, MAX_UPLOAD_BYTES } from "~/services/documents/documents.server";
import { amendContract } from "~/services/requests/commands/amend-contract.server";
import { attachDocuments } from "~/services/requests/commands/attach-documents.server";
import { recordContract } from "~/services/requests/commands/record-contract.server";
import { removeAttachment } from "~/services/requests/commands/remove-attachment.server";
import { MAX_ATTACHMENTS } from "~/services/requests/contract-files";
import {
  acceptDelivery,
  confirmContract,
  decideObjection,
  deliverResult,
  fileObjection,
  pickBid,
  republishRequest,
  returnDelivery,
} from "~/services/requests/award.server";
import { findObjectionOfRequest } from "~/services/requests/queries.server";
import { terminateContract } from "~/services/requests/terminate.server";

/**
 * POST /requests/:id/award — the commands of the award panel, chosen by
 * `intent`. Success redirects back to the request page (?award=<intent>).
 * A refusal is a 4xx ActionFailure: returned as data to the panel's fetchers
 * (they send `_js=1` and show it next to the field), or thrown so a plain
 * browser form post gets this route's small translated error page.
 * Ownership and the request's state are the award module's checks.
 */
export async function loader({ params }: Route.LoaderArgs) {
  return redirect(`/requests/${params.id}`);
}

type Params = Route.ActionArgs["params"];
const back = (params: Params, intent: string) => `/requests/${params.id}?award=${intent}`;
const command = commandsFor<Params>();

export const action = defineAction<Params>({
  body: "upload",
  // The largest form: a draft's project documents, several files at once (decision 034).
  maxBytes: MAX_ATTACHMENTS * MAX_UPLOAD_BYTES + MAX_FORM_OVERHEAD_BYTES,
  noJs: "throw",
  commands: {
    pick: command({
      permission: "request:manage",
      schema: pickSchema,
      run: async ({ bidId }, { db, user, params }) => {
        await pickBid(db, user, params.id, bidId);
        return back(params, "pick");
      },
    }),
    object: command({
      permission: "objection:file",
      schema: reasonSchema,
      run: async ({ reason }, { db, user, params, form }) => {
        await fileObjection(db, user, params.id, reason, chosenFiles(form.getAll("evidence")));
        return back(params, "object");
      },
    }),
    decide: command({
      permission: "supervision:act",
      schema: decideSchema,
      run: async (input, { db, user, params }) => {
        // The objection must belong to the request in the URL.
        if (!(await findObjectionOfRequest(db, params.id, input.objectionId)))
          throw new DomainError("NOT_FOUND", 404, "award.errors.objectionNotFound");
        await decideObjection(db, user, input.objectionId, input.decision, input.reason, {
          legalBasis: input.legalBasis,
          evidence: input.evidence,
        });
        return back(params, "decide");
      },
    }),
    confirm: command({
      permission: "contract:confirm",
      schema: noInput,
      run: async (_input, { db, user, params }) => {
        await confirmContract(db, user, params.id);
        return back(params, "confirm");
      },
    }),
    deliver: command({
      permission: "contract:serve",
      schema: deliverSchema,
      run: async ({ note }, { db, user, params, form }) => {
        const signerIds = form.getAll("signerIds").filter((v): v is string => typeof v === "string");
        await deliverResult(db, user, params.id, { file: chosenFile(form.get("document")), note, signerIds });
        return back(params, "deliver");
      },
    }),
    accept: command({
      permission: "request:manage",
      schema: noInput,
      run: async (_input, { db, user, params }) => {
        await acceptDelivery(db, user, params.id);
        return back(params, "accept");
      },
    }),
    return: command({
      permission: "request:manage",
      schema: reasonSchema,
      run: async ({ reason }, { db, user, params }) => {
        await returnDelivery(db, user, params.id, reason);
        return back(params, "return");
      },
    }),
    terminate: command({
      permission: "request:manage",
      schema: reasonSchema,
      run: async ({ reason }, { db, user, params }) => {
        await terminateContract(db, user, params.id, reason);
        return back(params, "terminate");
      },
    }),
    attach: command({
      permission: "request:manage",
      schema: attachSchema,
      run: async ({ description }, { db, user, params, form }) => {
        await attachDocuments(db, user, params.id, { files: chosenFiles(form.getAll("files")), description });
        return `/requests/${params.id}?files=attach#files`;
      },
    }),
    unattach: command({
      permission: "request:manage",
      schema: removeAttachmentSchema,
      run: async ({ attachmentId }, { db, user, params }) => {
        await removeAttachment(db, user, params.id, attachmentId);
        return `/requests/${params.id}?files=unattach#files`;
      },
    }),
    record: command({
      permission: "request:manage",
      schema: recordContractSchema,
      run: async (input, { db, user, params, form }) => {
        await recordContract(db, user, params.id, { ...input, files: chosenFiles(form.getAll("document")) });
        return `/requests/${params.id}?files=record#contract-record`;
      },
    }),
    amend: command({
      permission: "request:manage",
      schema: amendContractSchema,
      run: async (input, { db, user, params, form }) => {
        await amendContract(db, user, params.id, { ...input, files: chosenFiles(form.getAll("document")) });
        return `/requests/${params.id}?files=amend#contract-record`;
      },
    }),
    republish: command({
      permission: "request:manage",
      schema: republishSchema,
      run: async ({ closesAt }, { db, user, params }) => {
        const next = await republishRequest(db, user, params.id, closesAt);
        return `/requests/${next.id}?award=republish`;
      },
    }),
  },
});

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.award" });
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
  "deliver.signerIds": "practitioners.signers.legend",
  "republish.closesAt": "award.republish.closesAt",
  "pick.bidId": "award.pick.heading",
  "object.evidence": "contractFiles.evidence.label",
  "attach.files": "contractFiles.attachments.filesLabel",
  "attach.description": "contractFiles.attachments.descriptionLabel",
  "record.document": "contractFiles.record.fileLabel",
  "record.amount": "contractFiles.record.amountLabel",
  "record.signedOn": "contractFiles.record.signedOnLabel",
  "record.startsOn": "contractFiles.record.startsOnLabel",
  "record.endsOn": "contractFiles.record.endsOnLabel",
  "amend.document": "contractFiles.amend.fileLabel",
  "amend.amount": "contractFiles.record.amountLabel",
  "amend.signedOn": "contractFiles.record.signedOnLabel",
  "amend.startsOn": "contractFiles.record.startsOnLabel",
  "amend.endsOn": "contractFiles.record.endsOnLabel",
  "amend.reason": "contractFiles.amend.reasonLabel",
};

function RefusalPage({ status, body }: { status: number; body: ActionFailure | null }) {
  const { t } = useTranslation();
  const params = useParams();
  const requestId = params.id;
  // A field's message (with the field's label) when there is one, else the form's.
  const field = body ? Object.keys(body.fieldErrors).find((k) => body.fieldErrors[k]?.length) : undefined;
  const label = body && field ? FIELD_LABELS[`${body.intent}.${field}`] : undefined;
  const key = body ? (field ? body.fieldErrors[field]![0]! : (body.formError ?? "errors.badRequestTitle")) : null;
  const message =
    body && key
      ? translateError(t, key, body.params)
      : status === 403
        ? t("errors.forbiddenBody")
        : status === 404
          ? t("errors.notFoundBody")
          : t("errors.badRequestTitle");
  return (
    <section className="card mx-auto max-w-xl space-y-4" aria-labelledby="award-error-title">
      <p className="text-4xl font-bold text-red-800">{status}</p>
      <h1 id="award-error-title" className="h1">
        {t("award.errorPage.title")}
      </h1>
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
    const body = isActionFailure(error.data) ? error.data : null;
    return <RefusalPage status={error.status} body={body} />;
  }
  return (
    <section className="card mx-auto max-w-xl text-center" aria-labelledby="award-error-title">
      <p className="text-5xl font-bold text-red-800">500</p>
      <h1 id="award-error-title" className="h1 mt-2">
        {t("errors.serverTitle")}
      </h1>
      <p className="mt-2 text-slate-600">{t("errors.serverBody")}</p>
    </section>
  );
}

export default function AwardAction({ actionData }: Route.ComponentProps) {
  const body = isActionFailure(actionData) ? actionData : null;
  return <RefusalPage status={400} body={body} />;
}
