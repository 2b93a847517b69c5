import type { Route } from "./+types/ocds.bulk.json";
import { visitor } from "~/lib/route.server";
import { dbNow } from "~/services/clock.server";
import { OCDS_HEADERS, orBusy } from "~/services/ocds/http.server";
import { allRecords, bulkHead } from "~/services/ocds/ocds.server";

/**
 * GET /ocds/bulk.json — one record package with the record (all releases and
 * the compiled release) of every published contracting process, streamed
 * process by process in the order they were opened (docs/ocds.md).
 */
export async function loader({ request }: Route.LoaderArgs) {
  return orBusy(async () => {
    const { db } = await visitor(request);
    const origin = new URL(request.url).origin;
    const head = bulkHead(origin, (await dbNow(db)).toISOString());
    const records = allRecords(db, origin);
    const enc = new TextEncoder();
    let first = true;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(enc.encode(head));
      },
      async pull(controller) {
        try {
          const next = await records.next();
          if (next.done) {
            controller.enqueue(enc.encode("]}"));
            controller.close();
            return;
          }
          controller.enqueue(enc.encode((first ? "" : ",") + JSON.stringify(next.value)));
          first = false;
        } catch (error) {
          // Headers are gone: the truncated body is not valid JSON, which a client detects.
          controller.error(error);
        }
      },
    });
    return new Response(stream, {
      headers: {
        ...OCDS_HEADERS,
        "Cache-Control": "public, max-age=300",
        "Content-Disposition": 'attachment; filename="ocds-records.json"',
      },
    });
  });
}
