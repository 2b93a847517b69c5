import { z } from "~/lib/zod";
import {
  API_MAX_PAGE,
  CATALOGUE_STATUSES,
  DISCLOSURE_STATE_VALUES,
  PRACTITIONER_SANCTION_KIND_VALUES,
  PRACTITIONER_SANCTION_STATE_VALUES,
  PUBLIC_REQUEST_STATUSES,
  SANCTION_KIND_VALUES,
  SELECTION_METHODS,
} from "~/services/api/openapi";

/**
 * Query parameters of the public API (decision 028), as the OpenAPI document
 * describes them. Strict: an unknown parameter is a 400 naming it, not
 * silently ignored, so a client's typo does not return unfiltered data.
 * Messages are English: the API's problem details are for programs and their authors.
 */

const page = z
  .string()
  .regex(/^[1-9][0-9]{0,4}$/, "A whole number from 1.")
  .transform(Number)
  .refine((n) => n <= API_MAX_PAGE, `At most ${API_MAX_PAGE}.`)
  .optional();
const text = z.string().trim().min(1, "Empty.").max(100, "At most 100 characters.").optional();
const code = z
  .string()
  .regex(/^[\p{L}\p{N}._-]{1,100}$/u, "A catalogue item code.")
  .optional();
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `One of ${values.join(", ")}.` }).optional();

export const itemListQuery = z.strictObject({ page, q: text, status: oneOf(CATALOGUE_STATUSES) }, { error: "Unknown parameter." });
export const agencyListQuery = z.strictObject({ page, q: text, item: code }, { error: "Unknown parameter." });
export const requestListQuery = z.strictObject(
  { page, q: text, status: oneOf(PUBLIC_REQUEST_STATUSES), item: code, method: oneOf(SELECTION_METHODS) },
  { error: "Unknown parameter." },
);
export const announcementListQuery = z.strictObject(
  {
    page,
    kind: z
      .string()
      .regex(/^[A-Z][A-Z_]{0,39}$/, "An announcement kind such as AWARD.")
      .optional(),
  },
  { error: "Unknown parameter." },
);
export const disclosureListQuery = z.strictObject(
  { page, q: text, kind: oneOf(SANCTION_KIND_VALUES), state: oneOf(DISCLOSURE_STATE_VALUES) },
  { error: "Unknown parameter." },
);
/** Operations on one resource take no query parameters. */
export const noQuery = z.strictObject({}, { error: "Unknown parameter." });
/** Practitioner sanctions (decision 040): a name or agency-name fragment, a kind, a state. */
export const practitionerSanctionListQuery = z.strictObject(
  { page, q: text, kind: oneOf(PRACTITIONER_SANCTION_KIND_VALUES), state: oneOf(PRACTITIONER_SANCTION_STATE_VALUES) },
  { error: "Unknown parameter." },
);
