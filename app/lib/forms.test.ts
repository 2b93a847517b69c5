import { describe, expect, it } from "vitest";
import { echoedAll, formLists, formValues, type ActionFailure } from "./forms";

const form = (pairs: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of pairs) f.append(k, v);
  return f;
};

describe("the echo of a refused form", () => {
  it("keeps every value of a repeated name, in order, and one string per name as before", () => {
    const f = form([
      ["industries", "INDUSTRIAL"],
      ["reason", "x"],
      ["industries", "COMMERCIAL"],
      ["industries", "RESIDENTIAL"],
      ["password", "a"],
      ["password", "b"],
    ]);
    expect(formValues(f)).toEqual({ industries: "RESIDENTIAL", reason: "x" });
    // Only names sent more than once are listed; passwords never.
    expect(formLists(f)).toEqual({ industries: ["INDUSTRIAL", "COMMERCIAL", "RESIDENTIAL"] });
    expect(formLists(form([["a", "1"]]))).toEqual({});
  });

  it("echoedAll: the whole list, one value, none sent, or no failure at all", () => {
    const failure = (values: Record<string, string>, lists?: Record<string, string[]>): ActionFailure => ({
      intent: null,
      fieldErrors: {},
      values,
      ...(lists ? { lists } : {}),
    });
    expect(echoedAll(failure({ i: "B" }, { i: ["A", "B"] }), "i")).toEqual(["A", "B"]);
    expect(echoedAll(failure({ i: "B" }), "i")).toEqual(["B"]);
    expect(echoedAll(failure({}), "i")).toEqual([]);
    expect(echoedAll(undefined, "i")).toBeUndefined();
  });
});
