import { describe, expect, it } from "vitest";
import { echoedAll, formLists, formValues, groupByKey, issueFieldErrors, type ActionFailure } from "./forms";

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

  it("a name that Object.prototype also has is just a name (the fuzz test's 500: `constructor` posted twice)", () => {
    const names = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"];
    const f = form(
      names.flatMap(
        (n) =>
          [
            [n, "1"],
            [n, "2"],
          ] as [string, string][],
      ),
    );
    const values = formValues(f);
    const lists = formLists(f);
    for (const n of names) {
      expect(Object.hasOwn(values, n), n).toBe(true);
      expect(values[n], n).toBe("2");
      expect(Object.hasOwn(lists, n), n).toBe(true);
      expect(lists[n], n).toEqual(["1", "2"]);
    }
    // Nothing leaked onto the prototype of the records (or of every object).
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Sent once: in the values, not in the lists.
    expect(formLists(form([["constructor", "x"]]))).toEqual({});
  });
});

describe("grouping by key", () => {
  it("keeps order, drops repeats only when asked, and owns every key", () => {
    const pairs: [string, number][] = [
      ["a", 1],
      ["constructor", 2],
      ["a", 1],
      ["a", 3],
    ];
    expect(groupByKey(pairs)).toEqual({ a: [1, 1, 3], constructor: [2] });
    expect(groupByKey(pairs, true)).toEqual({ a: [1, 3], constructor: [2] });
    expect(Object.keys(groupByKey([["__proto__", 1]]))).toEqual(["__proto__"]);
  });

  it("zod issues become messages per field, each once; an issue without a path is the form's", () => {
    const issues = [
      { path: ["title"], message: "errors.required" },
      { path: ["title"], message: "errors.required" },
      { path: ["items", 0, "code"], message: "errors.bad" },
      { path: [], message: "errors.form" },
      { path: ["__proto__"], message: "errors.x" },
    ];
    expect(issueFieldErrors(issues)).toEqual({
      title: ["errors.required"],
      "items.0.code": ["errors.bad"],
      form: ["errors.form"],
      ["__proto__"]: ["errors.x"],
    });
    expect(Object.keys(issueFieldErrors(issues, (p) => String(p[0])))).toEqual(["title", "items", "form", "__proto__"]);
  });
});
