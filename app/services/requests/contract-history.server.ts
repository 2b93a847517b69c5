import type { Db, Tx } from "~/db/client.server";

/**
 * A recorded contract and its amendments (decisions 034, 040), read as one
 * history: the record first, then each amendment in order. Each entry holds
 * the contract's whole facts from then on; the current facts are the last
 * entry's, the current file the last one given.
 */

const day = (d: Date) => d.toISOString().slice(0, 10);

export type ContractEntry = {
  kind: "record" | "amendment";
  id: string;
  amountFen: bigint;
  signedOn: string;
  startsOn: string;
  endsOn: string;
  /** The file given with this entry, or null when an amendment kept the file. */
  documentId: string | null;
  reason: string | null;
  at: Date;
};

export async function contractHistory(db: Db | Tx, requestId: string): Promise<ContractEntry[]> {
  const record = await db.contractRecord.findUnique({ where: { requestId } });
  if (!record) return [];
  const amendments = await db.contractAmendment.findMany({ where: { requestId }, orderBy: [{ amendedAt: "asc" }, { id: "asc" }] });
  return [
    {
      kind: "record",
      id: record.requestId,
      amountFen: record.amountFen,
      signedOn: day(record.signedOn),
      startsOn: day(record.startsOn),
      endsOn: day(record.endsOn),
      documentId: record.documentId,
      reason: null,
      at: record.recordedAt,
    },
    ...amendments.map((a) => ({
      kind: "amendment" as const,
      id: a.id,
      amountFen: a.amountFen,
      signedOn: day(a.signedOn),
      startsOn: day(a.startsOn),
      endsOn: day(a.endsOn),
      documentId: a.documentId,
      reason: a.reason,
      at: a.amendedAt,
    })),
  ];
}

/** The contract's facts now, the current file and when it was recorded and last amended; null when none is recorded. */
export async function currentContract(db: Db | Tx, requestId: string) {
  const history = await contractHistory(db, requestId);
  const last = history.at(-1);
  if (!last) return null;
  const file = [...history].reverse().find((e) => e.documentId)!;
  return {
    amountFen: last.amountFen,
    signedOn: last.signedOn,
    startsOn: last.startsOn,
    endsOn: last.endsOn,
    documentId: file.documentId!,
    recordedAt: history[0]!.at,
    amendedAt: history.length > 1 ? last.at : null,
    history,
  };
}

/** The request a contract file belongs to (the record's or an amendment's file), or null. */
export async function requestOfContractFile(db: Db | Tx, documentId: string): Promise<string | null> {
  const record = await db.contractRecord.findUnique({ where: { documentId }, select: { requestId: true } });
  if (record) return record.requestId;
  const amendment = await db.contractAmendment.findUnique({ where: { documentId }, select: { requestId: true } });
  return amendment?.requestId ?? null;
}
