/**
 * The reasons the input guard (app/middleware/input-guard.server.ts,
 * decision 017) refuses a request, shared with the error page: the refusal
 * travels as the Response's statusText and the page shows its message.
 */
export type Refusal = { status: 400 | 404 | 413 | 415; reason: "BadInput" | "BadId" | "TooLarge" | "UnsupportedMediaType" };

export const INPUT_REFUSAL_REASONS = new Set<string>(["BadInput", "BadId", "TooLarge", "UnsupportedMediaType"]);

/** The errors.* message explaining a refusal. */
export function refusalMessageKey(reason: string): "badInput" | "unsupportedMediaType" | "payloadTooLarge" | "notFoundBody" {
  switch (reason) {
    case "UnsupportedMediaType":
      return "unsupportedMediaType";
    case "TooLarge":
      return "payloadTooLarge";
    case "BadId":
      return "notFoundBody";
    default:
      return "badInput";
  }
}
