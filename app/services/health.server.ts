import type { Db } from "~/db/client.server";

/** The load balancer's question: does the database answer? Throws when it does not. */
export async function checkDatabase(db: Db): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
