// A pid lock file next to an embedded PGlite data directory: `<dir>.lock`.
//
// Why: PGlite is a single-process database. Two processes opening the same
// directory do not fail: they silently lose committed rows. Whoever opens the
// directory (the app, or the schema engine run by the Prisma CLI) must hold
// this lock for as long as the database is open.

import fs from "node:fs";
import path from "node:path";

/** `<dir>.lock`, absolute. */
export function lockFilePath(dir) {
  return `${path.resolve(dir)}.lock`;
}

/** The pid written in the lock file, or undefined when there is none. */
export function readLockHolder(dir) {
  let text;
  try {
    text = fs.readFileSync(lockFilePath(dir), "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return undefined;
    throw error;
  }
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Whether a process with this pid exists (EPERM: it exists but belongs to another user). */
export function isProcessAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** Error thrown when another live process holds the lock. */
export class PgliteLockedError extends Error {
  constructor(dir, pid) {
    super(
      `The embedded PGlite database ${path.resolve(dir)} is in use by process ${pid} ` +
        `(lock file ${lockFilePath(dir)}). PGlite allows one process per data directory; ` +
        `a second one silently loses data. Stop that process (usually the running app) and retry, ` +
        `or point DATABASE_URL at a PostgreSQL server. If process ${pid} is not using the database, delete the lock file.`,
    );
    this.name = "PgliteLockedError";
    this.dir = path.resolve(dir);
    this.pid = pid;
  }
}

/**
 * Takes the lock for `dir` for this process: writes our pid to `<dir>.lock`
 * (creating parent directories). Re-entrant within one process. A lock left by
 * a process that no longer exists is taken over.
 * @throws {PgliteLockedError} when another live process holds it
 */
export function acquireLock(dir) {
  const file = lockFilePath(dir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      // "wx": create exclusively, so two processes cannot both succeed.
      fs.writeFileSync(file, `${process.pid}\n`, { flag: "wx" });
      return;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    const holder = readLockHolder(dir);
    if (holder === process.pid) return;
    if (holder !== undefined && isProcessAlive(holder)) throw new PgliteLockedError(dir, holder);
    // Stale (holder gone) or unreadable/empty: remove it and try again.
    try {
      fs.unlinkSync(file);
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
    }
  }
  throw new Error(`Could not take the PGlite lock ${file}: it keeps changing hands.`);
}

/** Removes `<dir>.lock` if this process holds it. Safe to call more than once. */
export function releaseLock(dir) {
  if (readLockHolder(dir) !== process.pid) return;
  try {
    fs.unlinkSync(lockFilePath(dir));
  } catch (error) {
    if (error.code !== "ENOENT") throw error;
  }
}

/** Throws PgliteLockedError if another live process holds the lock; does not take it. */
export function assertNotLocked(dir) {
  const holder = readLockHolder(dir);
  if (holder !== undefined && holder !== process.pid && isProcessAlive(holder)) {
    throw new PgliteLockedError(dir, holder);
  }
}
