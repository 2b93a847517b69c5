import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./origin-check.server";

const req = (method: string, headers: Record<string, string>) => new Request("http://localhost:3000/login", { method, headers });

describe("cross-origin POST refusal", () => {
  it.each([
    ["GET without headers", req("GET", {}), true],
    ["POST same origin", req("POST", { Origin: "http://localhost:3000" }), true],
    ["POST same origin by Referer", req("POST", { Referer: "http://localhost:3000/register" }), true],
    ["POST other origin", req("POST", { Origin: "http://evil.example" }), false],
    ["POST other port", req("POST", { Origin: "http://localhost:4000" }), false],
    ["POST null origin", req("POST", { Origin: "null" }), false],
    ["POST without Origin or Referer", req("POST", {}), false],
    ["POST other Referer", req("POST", { Referer: "http://evil.example/x" }), false],
    ["DELETE other origin", req("DELETE", { Origin: "https://evil.example" }), false],
  ])("%s", (_name, request, expected) => {
    expect(isSameOrigin(request)).toBe(expected);
  });
});
