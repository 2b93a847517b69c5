import { describe, expect, it } from "vitest";
import { createRoutePatternMatcher, routeLabel } from "./route-pattern.server";

const routes = {
  root: { id: "root", path: "" },
  "routes/_index": { id: "routes/_index", parentId: "root", index: true },
  "routes/requests": { id: "routes/requests", parentId: "root", path: "requests" },
  "routes/requests.$id": { id: "routes/requests.$id", parentId: "root", path: "requests/:id" },
  "routes/requests.$id.deliveries.$deliveryId.file": {
    id: "routes/requests.$id.deliveries.$deliveryId.file",
    parentId: "root",
    path: "requests/:id/deliveries/:deliveryId/file",
  },
  "routes/$": { id: "routes/$", parentId: "root", path: "*" },
};

describe("route patterns for logs and metrics (decision 024)", () => {
  const pattern = createRoutePatternMatcher(routes);
  it("names the route, never the ids in the URL", () => {
    expect(pattern("/")).toBe("/");
    expect(pattern("/requests")).toBe("/requests");
    expect(pattern("/requests/3f1c2a")).toBe("/requests/:id");
    expect(pattern("/requests/a/deliveries/b/file")).toBe("/requests/:id/deliveries/:deliveryId/file");
    expect(pattern("/no/such/page")).toBe("/*");
  });
  it("marks single-fetch data requests", () => {
    expect(pattern("/requests/3f1c2a.data")).toBe("/requests/:id.data");
    expect(pattern("/_root.data")).toBe("/_root.data");
  });
  it("gives the same label from React Router's matched pattern as from matching the path", () => {
    // React Router's middleware `pattern`: the matched routes' paths joined, "/" when none has one.
    const cases: [string, string][] = [
      ["/", "/"],
      ["requests", "/requests"],
      ["requests/:id", "/requests/3f1c2a"],
      ["requests/:id/deliveries/:deliveryId/file", "/requests/a/deliveries/b/file"],
      ["*", "/no/such/page"],
      ["requests/:id", "/requests/3f1c2a.data"],
      ["/", "/_root.data"],
    ];
    for (const [rrPattern, path] of cases) expect(routeLabel(rrPattern, path)).toBe(pattern(path));
  });
});
