/**
 * A private PostgreSQL server for one fault test: its own data directory in a
 * temporary folder and its own port, so the test may crash and restart it
 * (`pg_ctl -m immediate stop`) without touching the shared TEST_DATABASE_URL
 * server every other test uses.
 *
 * The binaries are those of the shared server when they can be found (its
 * major version under /usr/lib/postgresql/<major>/bin, where .ci/run's
 * `apt-get install postgresql-15` puts them), else PG_BINDIR, `pg_config
 * --bindir`, the newest /usr/lib/postgresql/<n>/bin, or initdb on the PATH.
 * initdb refuses to run as root: under root the cluster belongs to the
 * `postgres` system user (which .ci/run and the Debian package create) and
 * every pg_ctl call runs through `runuser`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./load-server";

function bindirCandidates(major: number | null): string[] {
  const out: string[] = [];
  if (process.env.PG_BINDIR) out.push(process.env.PG_BINDIR);
  if (major) out.push(`/usr/lib/postgresql/${major}/bin`);
  try {
    out.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
  } catch {
    // no pg_config (it comes with libpq-dev, not with the server package)
  }
  if (existsSync("/usr/lib/postgresql"))
    for (const v of readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a))) out.push(`/usr/lib/postgresql/${v}/bin`);
  const which = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  if (which.status === 0 && which.stdout.trim()) out.push(path.dirname(which.stdout.trim()));
  return out;
}

/** The major version of the server at `url` (the shared test server), or null. */
async function serverMajor(url: string | undefined): Promise<number | null> {
  if (!url) return null;
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    const r = await c.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(r.rows[0]!.server_version_num) / 10_000);
  } catch {
    return null;
  } finally {
    await c.end().catch(() => {});
  }
}

export async function findPgBindir(): Promise<string> {
  const major = await serverMajor(process.env.TEST_DATABASE_URL);
  const dir = bindirCandidates(major).find((d) => existsSync(path.join(d, "initdb")) && existsSync(path.join(d, "pg_ctl")));
  if (!dir)
    throw new Error(
      "no PostgreSQL server binaries (initdb, pg_ctl) found: set PG_BINDIR or install postgresql-15 (apt-get install postgresql-15)",
    );
  return dir;
}

export class PrivatePostgres {
  private constructor(
    readonly bindir: string,
    readonly root: string,
    readonly port: number,
    private readonly osUser: string | null,
  ) {}

  get dataDir(): string {
    return path.join(this.root, "data");
  }

  /** postgresql://postgres@127.0.0.1:port/<db> */
  url(db = "postgres"): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/${db}`;
  }

  /** initdb into a fresh temporary directory and start the server. */
  static async create(): Promise<PrivatePostgres> {
    const bindir = await findPgBindir();
    const root = mkdtempSync(path.join(os.tmpdir(), "zj-private-pg-"));
    let osUser: string | null = null;
    if (process.getuid?.() === 0) {
      const id = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
      if (id.status !== 0) throw new Error("running as root and there is no `postgres` system user to own a private cluster");
      const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
      chownSync(root, Number(id.stdout.trim()), gid);
      osUser = "postgres";
    }
    const pgsrv = new PrivatePostgres(bindir, root, await freePort(), osUser);
    pgsrv.run("initdb", ["-D", pgsrv.dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
    pgsrv.start();
    return pgsrv;
  }

  private run(bin: string, args: string[]): string {
    const exe = path.join(this.bindir, bin);
    const [cmd, argv] = this.osUser ? ["runuser", ["-u", this.osUser, "--", exe, ...args]] : [exe, args];
    const r = spawnSync(cmd, argv, { encoding: "utf8", cwd: this.root });
    if (r.status !== 0) throw new Error(`${bin} ${args.join(" ")} failed (${r.status}): ${r.stderr || r.stdout}`);
    return r.stdout;
  }

  /** Starts the server and waits until it accepts connections (pg_ctl -w). */
  start(): void {
    const opts = `-p ${this.port} -k ${this.root} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`;
    this.run("pg_ctl", ["-D", this.dataDir, "-w", "-t", "60", "-l", path.join(this.root, "log"), "-o", opts, "start"]);
  }

  /**
   * Starts the server without waiting: it answers "the database system is
   * starting up" until crash recovery is done.
   */
  startNoWait(): void {
    const opts = `-p ${this.port} -k ${this.root} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`;
    this.run("pg_ctl", ["-D", this.dataDir, "-W", "-l", path.join(this.root, "log"), "-o", opts, "start"]);
  }

  /** `pg_ctl -m immediate stop`: a crash — every backend is killed, the next start runs crash recovery. */
  crash(): void {
    this.run("pg_ctl", ["-D", this.dataDir, "-m", "immediate", "-w", "stop"]);
  }

  /** Whether the server accepts a connection and answers a query now. */
  async ready(): Promise<boolean> {
    const c = new pg.Client({ connectionString: this.url(), connectionTimeoutMillis: 1_000 });
    try {
      await c.connect();
      await c.query("SELECT 1");
      return true;
    } catch {
      return false;
    } finally {
      await c.end().catch(() => {});
    }
  }

  log(): string {
    try {
      return readFileSync(path.join(this.root, "log"), "utf8");
    } catch {
      return "";
    }
  }

  /** Stops the server (fast) and removes its directory. */
  destroy(): void {
    try {
      this.run("pg_ctl", ["-D", this.dataDir, "-m", "fast", "-w", "stop"]);
    } catch {
      // already stopped
    }
    rmSync(this.root, { recursive: true, force: true });
  }
}
