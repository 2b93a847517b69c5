// `npm run seed`: idempotent reference catalogue + demo data.
// `--if-empty` (used by `npm start`): only when the database has no users yet.
import { closeDb, getDb } from "~/db/client.server";
import { seedAll } from "./seed";

const ifEmpty = process.argv.includes("--if-empty");

try {
  const db = await getDb();
  if (ifEmpty && (await db.user.count()) > 0) {
    console.log("Database already has data; demo seed skipped.");
  } else {
    const started = Date.now();
    await seedAll(db);
    console.log(`Seeded catalogue and demo data in ${Date.now() - started} ms.`);
  }
} finally {
  await closeDb();
}
