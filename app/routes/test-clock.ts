import type { Route } from "./+types/test-clock";
import { getDb } from "~/db/client.server";
import { advanceTestClock, testClockEnabled } from "~/services/clock.server";
import { runDueWork } from "~/services/scheduler.server";

/**
 * Test-only: POST /__test/clock with seconds=N moves the database clock
 * forward and runs due work at once. Answers 404 unless the server was
 * started with ZJ_TEST_CLOCK=1, which a production deployment refuses
 * (see clock.server.ts). Same-origin check applies like any POST.
 */
export async function action({ request }: Route.ActionArgs) {
  if (!testClockEnabled()) throw new Response("Not Found", { status: 404 });
  const form = await request.formData();
  const seconds = Number(form.get("seconds"));
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 400 * 86400) throw new Response("Bad seconds", { status: 400 });
  const now = await advanceTestClock(await getDb(), seconds);
  const work = await runDueWork();
  return Response.json({ now: now.toISOString(), ...work });
}

export async function loader() {
  throw new Response("Not Found", { status: 404 });
}
