import { data } from "react-router";
import { describe, expect, it } from "vitest";
import { outcome, responseOf, takeUnhandledRouteErrors } from "../support/http";

// The detector of tests/setup/worker-setup.ts (decision 017): a route that throws
// what would be an HTTP 500 fails the test even when its own assertions pass.
describe("unhandled route error detector", () => {
  it("catches an intentionally thrown error (taken here, so this test passes)", async () => {
    // outcome() rethrows a crash, so the test that met it fails where it happened…
    await expect(
      outcome(async () => {
        throw new TypeError("intentional test error");
      }),
    ).rejects.toThrow("intentional test error");
    // …and the detector has it too, for a test that caught the crash itself.
    const caught = takeUnhandledRouteErrors();
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
