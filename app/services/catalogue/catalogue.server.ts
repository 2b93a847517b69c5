import type { Db, Tx } from "~/db/client.server";
import { dbNow } from "~/services/clock.server";
import { Prisma, type CatalogueItem } from "~/generated/prisma/client";
import { zh as labels } from "~/i18n/parts/catalogue-admin";
import { factsData } from "~/lib/announcement-facts";
import { DomainError } from "~/lib/errors";
import {
  snapshotFields,
  type CatalogueCreateInput,
  type CatalogueEditInput,
  type CatalogueGuideInput,
  type CatalogueRetireInput,
  type SnapshotField,
} from "~/schemas/catalogue";
import { appendAudit } from "~/services/audit/audit.server";
import { notifyItemChange } from "~/services/navigator/fanout.server";
import { diffSnapshots, type FieldChange } from "./diff";

// Catalogue administration (目录管理). Every change — create, edit, retire — is
// one transaction that bumps the item's version, stores a full snapshot with the
// reason, appends to the item's audit chain and publishes a 目录调整公告.

type Client = Db | Tx;

export type CatalogueEvent = "CREATE_ITEM" | "EDIT_ITEM" | "RETIRE_ITEM";

/** The full published state of an item, as stored in CatalogueItemVersion.snapshot. */
export function snapshotOf(item: CatalogueItem): Record<SnapshotField, string | number | string[]> {
  const out = {} as Record<SnapshotField, string | number | string[]>;
  for (const f of snapshotFields) out[f] = item[f];
  return out;
}

function guideData(input: CatalogueGuideInput) {
  return {
    name: input.name,
    nameEn: input.nameEn,
    aliases: input.aliases,
    category: input.category,
    categoryEn: input.categoryEn,
    department: input.department,
    approvalServed: input.approvalServed,
    legalBasis: input.legalBasis,
    feeBasis: input.feeBasis,
    timeLimitDays: input.timeLimitDays,
    qualificationTypes: input.qualificationTypes,
    standards: input.standards,
    materials: input.materials,
    procedure: input.procedure,
    content: input.content,
    fees: input.fees,
    qualityControl: input.qualityControl,
  };
}

const stale = () => new DomainError("STALE_VERSION", 409, "catalogueAdmin.errors.staleVersion");
const notFound = () => new DomainError("NOT_FOUND", 404, "catalogueAdmin.errors.notFound");

/** Writes the version row, the audit event and the public announcement for one change. */
async function recordChange(
  tx: Tx,
  item: CatalogueItem,
  change: { event: CatalogueEvent; fromState: string | null; reason: string; actorId: string; changes: FieldChange[] },
) {
  await tx.catalogueItemVersion.create({
    data: { itemId: item.id, version: item.version, snapshot: snapshotOf(item), reason: change.reason, actorId: change.actorId },
  });
  const changedFields = change.changes.map((c) => c.field);
  await appendAudit(tx, {
    aggregateType: "catalogue",
    aggregateId: item.id,
    fromState: change.fromState,
    event: change.event,
    toState: item.status,
    actorId: change.actorId,
    payload: { code: item.code, version: item.version, reason: change.reason, changedFields },
  });
  const name = `“${item.name}”（编码 ${item.code}）`;
  const fieldNames = changedFields.map((f) => labels.fields[f]).join("、");
  const { title, body } =
    change.event === "CREATE_ITEM"
      ? {
          title: `目录调整公告：新增${item.name}`,
          body: `中介服务事项目录新增事项${name}，第 ${item.version} 版，主管部门为${item.department}。自公告之日起可在本平台就该事项发布中介服务需求。\n变更理由：${change.reason}`,
        }
      : change.event === "EDIT_ITEM"
        ? {
            title: `目录调整公告：${item.name}（第 ${item.version} 版）`,
            body: `中介服务事项${name}的服务指南调整为第 ${item.version} 版。调整内容：${fieldNames}。\n变更理由：${change.reason}`,
          }
        : {
            title: `目录调整公告：废止${item.name}`,
            body: `中介服务事项${name}自公告之日起废止（第 ${item.version} 版），不再受理该事项新的中介服务需求；历史版本和已有项目记录仍可查阅。\n废止理由：${change.reason}`,
          };
  // Followed projects that need the item are told in the same transaction (decision 039).
  if (change.event !== "CREATE_ITEM")
    await notifyItemChange(tx, change.event === "RETIRE_ITEM" ? "NAVIGATOR_ITEM_RETIRED" : "NAVIGATOR_ITEM_CHANGED", item);
  await tx.announcement.create({
    data: {
      kind: "CATALOGUE_CHANGE",
      title,
      body,
      entityType: "catalogue",
      entityId: item.id,
      data: factsData("CATALOGUE_CHANGE", {
        event: change.event,
        code: item.code,
        version: item.version,
        name: item.name,
        nameEn: item.nameEn,
        department: item.department,
        reason: change.reason,
        changedFields,
      }),
    },
  });
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Adds an item to the catalogue as version 1, in force. */
export async function createCatalogueItem(db: Db, input: CatalogueCreateInput, actorId: string): Promise<CatalogueItem> {
  const codeTaken = () => new DomainError("CODE_TAKEN", 409, "catalogueAdmin.errors.codeTaken", "code");
  if (await db.catalogueItem.findUnique({ where: { code: input.code }, select: { id: true } })) throw codeTaken();
  try {
    return await db.$transaction(async (tx) => {
      const item = await tx.catalogueItem.create({ data: { code: input.code, ...guideData(input), status: "IN_FORCE", version: 1 } });
      await recordChange(tx, item, { event: "CREATE_ITEM", fromState: null, reason: input.reason, actorId, changes: [] });
      return item;
    });
  } catch (error) {
    // Two admins creating the same code at once: the unique index decides.
    if (isUniqueViolation(error)) throw codeTaken();
    throw error;
  }
}

/**
 * Loads the item for a change and checks it is still the version the admin
 * edited. The update itself re-checks the version (optimistic lock), so two
 * concurrent changes on the same version cannot both apply.
 */
async function loadForChange(tx: Tx, code: string, expectedVersion: number, retiredMessage: string) {
  const item = await tx.catalogueItem.findUnique({ where: { code } });
  if (!item) throw notFound();
  if (item.status === "RETIRED") throw new DomainError("ITEM_RETIRED", 409, retiredMessage);
  if (item.version !== expectedVersion) throw stale();
  return item;
}

/** Amends an item's service guide: version + 1, with the reason and the field-by-field change. */
export async function editCatalogueItem(db: Db, code: string, input: CatalogueEditInput, actorId: string) {
  return db.$transaction(async (tx) => {
    const current = await loadForChange(tx, code, input.version, "catalogueAdmin.errors.retiredNoEdit");
    const data = guideData(input);
    const changes = diffSnapshots(snapshotOf(current), { ...snapshotOf(current), ...data });
    if (changes.length === 0) throw new DomainError("NO_CHANGES", 422, "catalogueAdmin.errors.noChanges");
    // Row lock + version check in one statement: a concurrent change on the same
    // version waits for ours, then finds the version moved on and updates 0 rows.
    const { count } = await tx.catalogueItem.updateMany({
      where: { id: current.id, version: input.version, status: "IN_FORCE" },
      data: { ...data, version: { increment: 1 } },
    });
    if (count !== 1) throw stale();
    const item = await tx.catalogueItem.findUniqueOrThrow({ where: { id: current.id } });
    await recordChange(tx, item, { event: "EDIT_ITEM", fromState: current.status, reason: input.reason, actorId, changes });
    return { item, changes };
  });
}

/** Retires an item: it stays readable with its history, but no request can be posted for it. */
export async function retireCatalogueItem(db: Db, code: string, input: CatalogueRetireInput, actorId: string) {
  return db.$transaction(async (tx) => {
    const current = await loadForChange(tx, code, input.version, "catalogueAdmin.errors.alreadyRetired");
    const now = await dbNow(tx);
    const { count } = await tx.catalogueItem.updateMany({
      where: { id: current.id, version: input.version, status: "IN_FORCE" },
      data: { status: "RETIRED", retiredAt: now, version: { increment: 1 } },
    });
    if (count !== 1) throw stale();
    const item = await tx.catalogueItem.findUniqueOrThrow({ where: { id: current.id } });
    const changes = diffSnapshots(snapshotOf(current), snapshotOf(item));
    await recordChange(tx, item, { event: "RETIRE_ITEM", fromState: current.status, reason: input.reason, actorId, changes });
    return { item, changes };
  });
}

/**
 * Principle 1 (目录管理): a request may only be posted for an item in force.
 * Call it inside the transaction that posts the request: the row is read FOR
 * SHARE, so a concurrent retirement waits until the request is committed (and
 * a request posted after a committed retirement sees RETIRED).
 * Throws DomainError 422 for an unknown item and 409 for a retired one.
 */
export async function assertItemInForce(db: Client, itemId: string, options: { field?: string } = {}) {
  const rows = await db.$queryRaw<{ id: string; code: string; name: string; version: number; status: string }[]>`
    SELECT id, code, name, version, status::text AS status FROM "CatalogueItem" WHERE id = ${itemId} FOR SHARE`;
  const item = rows[0];
  if (!item) throw new DomainError("ITEM_NOT_FOUND", 422, "catalogueAdmin.errors.retired", options.field);
  if (item.status !== "IN_FORCE") throw new DomainError("ITEM_RETIRED", 409, "catalogueAdmin.errors.retired", options.field);
  return item;
}
