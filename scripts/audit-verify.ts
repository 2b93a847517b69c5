// `npm run audit:verify`: recomputes every per-aggregate hash chain, checks
// every chain head an earlier checkpoint recorded, and recomputes the Merkle
// tree of the log for every signed checkpoint's size (decision 023). Only when
// all of that verifies does it sign a new checkpoint; otherwise it names what
// was deleted, reordered or rewritten and exits 1.
import { closeDb, getDb } from "~/db/client.server";
import { checkpointAudit, verifyAuditLog } from "~/services/audit/audit.server";

let exitCode = 0;
try {
  const db = await getDb();
  const result = await verifyAuditLog(db);
  if (result.ok) {
    const cp = await checkpointAudit(db);
    console.log(
      `Audit log OK: ${result.events} events in ${result.chains} chains, every published checkpoint verified. ` +
        `New checkpoint ${cp.id}: tree of ${cp.treeSize} events, root ${cp.root}`,
    );
  } else {
    exitCode = 1;
    console.error(`Audit log BROKEN: ${result.errors.length} problem(s) in ${result.events} events:`);
    for (const e of result.errors.slice(0, 50)) console.error(`  ${e}`);
  }
} finally {
  await closeDb();
}
process.exit(exitCode);
