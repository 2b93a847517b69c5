/** `<dir>.lock`, absolute. */
export declare function lockFilePath(dir: string): string;
/** The pid written in the lock file, or undefined when there is none. */
export declare function readLockHolder(dir: string): number | undefined;
export declare function isProcessAlive(pid: number): boolean;
export declare class PgliteLockedError extends Error {
  readonly dir: string;
  readonly pid: number;
  constructor(dir: string, pid: number);
}
/**
 * Takes `<dir>.lock` for this process (writes its pid; creates parent directories).
 * Re-entrant; takes over a lock whose process is gone.
 * @throws PgliteLockedError when another live process holds it.
 */
export declare function acquireLock(dir: string): void;
/** Removes `<dir>.lock` if this process holds it. Idempotent. */
export declare function releaseLock(dir: string): void;
/** Throws PgliteLockedError if another live process holds the lock, without taking it. */
export declare function assertNotLocked(dir: string): void;
