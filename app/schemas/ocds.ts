import { z } from "~/lib/zod";

/**
 * Query of /ocds/releases.json (docs/ocds.md). Unknown parameters are ignored;
 * a bad value is a 400 with the message of the first problem.
 */
export const releasesQuerySchema = z.object({
  /** Releases dated at or after this instant (ISO 8601 with Z or an offset). */
  since: z.iso
    .datetime({ offset: true, error: "since must be an ISO 8601 date-time with Z or an offset, e.g. 2026-12-01T00:00:00+08:00" })
    .refine((s) => {
      const y = new Date(s).getUTCFullYear();
      return y >= 2000 && y <= 2100;
    }, "since must lie between the years 2000 and 2100")
    .optional(),
  /** The cursor: the `after` of the previous page's links.next (an event position). */
  after: z
    .string()
    .regex(/^[0-9]{1,18}$/, "after must be the cursor from links.next (digits)")
    .optional(),
  limit: z.coerce
    .number({ error: "limit must be a whole number from 1 to 500" })
    .int("limit must be a whole number from 1 to 500")
    .min(1, "limit must be a whole number from 1 to 500")
    .max(500, "limit must be a whole number from 1 to 500")
    .optional(),
});

/** An ocid in a record URL: `<prefix>-<request code>.json`. */
export const recordFileSchema = z
  .string()
  .max(120, "not an ocid of this publisher")
  .regex(/^ocds-[a-z0-9]{6}-[A-Z0-9-]{1,60}\.json$/, "the record URL is /ocds/records/<ocid>.json");
