import { data } from "react-router";
import { describe, expect, it } from "vitest";
import { outcome, responseOf, takeUnhandledRouteErrors } from "../support/http";

// The detector of tests/setup/worker-setup.ts (decision 017): a route that throws
// what would be an HTTP 500 fails the test even when its own assertions pass.
describe("unhandled route error detector", () => {
  it("catches an intentionally thrown error (taken here, so this test passes)", async () => {
    const result = await outcome(async () => {
      throw new TypeError("intentional test error");
    });
    expect(result.status).toBe(200); // outcome() alone would hide it…
    const caught = takeUnhandledRouteErrors(); // …the detector does not
    expect(caught).toHaveLength(1);
    expect(String(caught[0])).toContain("intentional test error");
  });

  it("does not count expected 4xx answers", async () => {
    await responseOf(async () => {
      throw new Response("Not Found", { status: 404 });
    });
    await responseOf(async () => {
      throw data({ error: "x" }, { status: 400 });
    });
    expect(takeUnhandledRouteErrors()).toHaveLength(0);
  });

  it("counts a thrown 5xx Response", async () => {
    await responseOf(async () => {
      throw new Response("boom", { status: 500 });
    });
    expect(takeUnhandledRouteErrors()).toHaveLength(1);
  });
});
