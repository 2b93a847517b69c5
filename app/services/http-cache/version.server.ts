import { getDb, type Db } from "~/db/client.server";
import { rawQuery } from "~/db/raw-tx.server";
import { Prisma } from "~/generated/prisma/client";
import { testClockEnabled } from "~/services/clock.server";

/**
 * What an anonymous public page is a function of, besides its URL, language
 * and the build (decision 032): every committed write in the database, and
 * the time (pages compare deadlines, validity and publicity periods with the
 * database clock).
 *
 * Writes: `pg_current_snapshot()` is `xmin:xmax:xip`, where xmax is one past
 * the latest finished transaction id and xip lists the ids below xmax still
 * in progress. A transaction that writes has an id; when it commits (or rolls
 * back) either xmax rises past it or its id leaves xip. So two equal
 * snapshots have seen the same committed writes — every write, of any module,
 * on any instance, with no counter to forget to bump. Reads never take an id,
 * so a page view does not move it. It can change
 * without a visible change (a login, a throttle row): a needless re-render,
 * never a stale page.
 *
 * Time: the database clock (with the test clock's offset) in whole minutes,
 * so a page that says "closes in …" or "valid until …" is rendered again at
 * least once a minute.
 */
export async function publicDataVersion(client?: Db): Promise<string> {
  const db = client ?? (await getDb());
  const rows = testClockEnabled()
    ? await rawQuery<{ snapshot: string; minute: string }>(
        db,
        Prisma.sql`SELECT pg_current_snapshot()::text AS snapshot,
          floor(extract(epoch FROM clock_timestamp()
            + make_interval(secs => COALESCE((SELECT "offsetSeconds" FROM "TestClock" WHERE id = 1), 0))) / 60)::text AS minute`,
      )
    : await rawQuery<{ snapshot: string; minute: string }>(
        db,
        Prisma.sql`SELECT pg_current_snapshot()::text AS snapshot, floor(extract(epoch FROM clock_timestamp()) / 60)::text AS minute`,
      );
  const row = rows[0]!;
  return `${row.snapshot}@${row.minute}`;
}
