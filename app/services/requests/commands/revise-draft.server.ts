import type { Db } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";
import type { SessionUser } from "~/lib/session.server";
import type { RequestInput } from "~/schemas/request";
import { appendAudit } from "~/services/audit/audit.server";
import { assertItemInForce } from "~/services/catalogue/catalogue.server";
import { dbNow } from "~/services/clock.server";
import { lockRequest } from "../data.server";
import { checkPosting, publishInTx, requestFields } from "../post.server";
import { requestTo } from "./common.server";

/** A column's value as comparable text (bigint fen, dates, JSON; Prisma's DbNull is SQL NULL). */
const plain = (v: unknown) =>
  JSON.stringify(v === Prisma.DbNull ? null : v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x));

/**
 * The enterprise changes its draft — typically one the fair-competition review returned — with the
 * same form and checks as a new request, then keeps it as a draft or publishes it. Only a DRAFT
 * can change (the machine's EDIT); the change is on the request's audit chain with the fields changed.
 */
export async function reviseDraft(db: Db, user: SessionUser, id: string, input: RequestInput) {
  const { avoidances, item } = await checkPosting(db, user, input);
  return db.$transaction(async (tx) => {
    const r = await lockRequest(tx, id);
    // Someone else's request is not found, as on every other path.
    if (r.enterpriseOrgId !== user.organizationId) throw new DomainError("NOT_FOUND", 404, "requests.errors.notFound");
    const to = requestTo(r.status, { type: "EDIT" });
    if (!to) throw new DomainError("NOT_DRAFT", 409, "requests.errors.notDraft");
    await assertItemInForce(tx, item.id, { field: "itemCode" });
    const before = await tx.serviceRequest.findUniqueOrThrow({ where: { id } });
    const fields = requestFields(input);
    await tx.requestAvoidance.deleteMany({ where: { requestId: id } });
    await tx.serviceRequest.update({
      where: { id },
      data: { ...fields, itemId: item.id, status: to, avoidances: { create: avoidances }, version: { increment: 1 } },
    });
    const same = (a: unknown, b: unknown) => plain(a) === plain(b);
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => !same(before[k], fields[k]));
    if (before.itemId !== item.id) changed.unshift("itemCode" as never);
    const now = await dbNow(tx);
    await appendAudit(tx, {
      aggregateType: "request",
      aggregateId: id,
      fromState: r.status,
      event: "EDIT",
      toState: to,
      actorId: user.id,
      payload: { changed, title: input.title },
    });
    if (input.intent === "publish") await publishInTx(tx, id, user.id, now);
    return tx.serviceRequest.findUniqueOrThrow({ where: { id }, select: { id: true, code: true, status: true } });
  });
}
