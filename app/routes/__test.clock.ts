import type { Route } from "./+types/__test.clock";
import { visitor } from "~/lib/route.server";
import { z } from "~/lib/zod";
import { advanceTestClock, testClockEnabled } from "~/services/clock.server";
import { runDueWork } from "~/services/scheduler.server";

const secondsSchema = z.object({
  seconds: z.coerce
    .number()
    .int()
    .min(0)
    .max(400 * 86400),
});

/**
 * Test-only: POST /__test/clock with seconds=N moves the database clock
 * forward and runs due work at once. Answers 404 unless the server was
 * started with ZJ_TEST_CLOCK=1, which a production deployment refuses
 * (see clock.server.ts). Same-origin check applies like any POST. A resource
 * route for test scripts (no session, no form page): a bad value is a plain 400.
 */
export async function action({ request }: Route.ActionArgs) {
  if (!testClockEnabled()) throw new Response("Not Found", { status: 404 });
  const { db } = await visitor(request);
  const form = await request.formData();
  const parsed = secondsSchema.safeParse({ seconds: form.get("seconds") });
  if (!parsed.success) throw new Response("Bad seconds", { status: 400 });
  const now = await advanceTestClock(db, parsed.data.seconds);
  const work = await runDueWork();
  return Response.json({ now: now.toISOString(), ...work });
}

export async function loader() {
  throw new Response("Not Found", { status: 404 });
}
