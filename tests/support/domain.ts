import { DomainError } from "~/lib/errors";

/** The DomainError a command refused with; any other throw fails the test, and so does no refusal at all. */
export async function domainRefusal(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}
