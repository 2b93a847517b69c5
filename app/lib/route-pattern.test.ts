import { describe, expect, it } from "vitest";
import { createRoutePatternMatcher } from "./route-pattern.server";

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
});
