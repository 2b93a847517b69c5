// `npm run audit:verify`: recomputes every per-aggregate hash chain and, when
// all chains verify, records a checkpoint (Merkle root over the chain heads).
import { closeDb, getDb } from "~/db/client.server";
import { checkpointAudit, verifyAuditLog } from "~/services/audit/audit.server";

let exitCode = 0;
try {
  const db = await getDb();
  const result = await verifyAuditLog(db);
  if (result.ok) {
    const cp = await checkpointAudit(db);
    console.log(`Audit log OK: ${result.events} events in ${result.chains} chains. Checkpoint root ${cp.root}`);
  } else {
    exitCode = 1;
    console.error(`Audit log BROKEN: ${result.errors.length} problem(s) in ${result.events} events:`);
    for (const e of result.errors.slice(0, 50)) console.error(`  ${e}`);
  }
} finally {
  await closeDb();
}
process.exit(exitCode);
