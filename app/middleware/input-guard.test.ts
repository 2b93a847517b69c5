import { describe, expect, it } from "vitest";
import { checkBody, checkParams, checkRawUrl, checkUrl, isCleanText } from "./input-guard.server";

const post = (body: BodyInit | null, contentType?: string) =>
  new Request("http://localhost/requests/new", { method: "POST", body, headers: contentType ? { "Content-Type": contentType } : {} });

describe("input guard", () => {
  it("refuses control characters, lone surrogates and broken percent-encoding in URLs", () => {
    expect(checkRawUrl("/agencies/%00")).toMatchObject({ status: 400 });
    expect(checkRawUrl("/catalogue?q=%00")).toMatchObject({ status: 400 });
    expect(checkRawUrl("/catalogue?q=%0a")).toMatchObject({ status: 400 });
    expect(checkRawUrl("/requests/%E0%A4%A")).toMatchObject({ status: 400 });
    expect(checkRawUrl("/x".repeat(5000))).toMatchObject({ status: 400 });
    expect(checkUrl(new URL("http://localhost/catalogue?q=%ED%A0%80"))).toBeNull(); // decoded to U+FFFD: harmless
    expect(checkRawUrl("/catalogue?q=%E6%B5%8B%E7%BB%98&page=2")).toBeNull();
    expect(checkRawUrl("/login?redirectTo=%2Frequests%3Fq%3D%2500")).toBeNull();
  });

  it("404s params that do not have an id's or a code's shape", () => {
    expect(checkParams({ id: "0196f3a0-1234-7abc-8def-0123456789ab" })).toBeNull();
    expect(checkParams({ code: "ZJ-PT-001" })).toBeNull();
    expect(checkParams({ id: "1 OR 1=1" })).toMatchObject({ status: 404 });
    expect(checkParams({ id: "\u0000" })).toMatchObject({ status: 400 });
    expect(checkParams({ "*": "no/such/page" })).toBeNull();
  });

  it("keeps tabs and newlines in text, refuses other controls and lone surrogates", () => {
    expect(isCleanText("第一行\r\n\t第二行")).toBe(true);
    expect(isCleanText("a\u0000b")).toBe(false);
    expect(isCleanText("a\u000bb")).toBe(false);
    expect(isCleanText("a\ud800b")).toBe(false);
    expect(isCleanText("😀")).toBe(true);
  });

  it("415s bodies that are not forms, 400s broken ones, and leaves the body readable", async () => {
    expect(await checkBody(post('{"a":1}', "application/json"))).toMatchObject({ status: 415 });
    expect(await checkBody(post("x", "text/plain"))).toMatchObject({ status: 415 });
    expect(await checkBody(post(null))).toMatchObject({ status: 415 });
    expect(await checkBody(post("title=a%00b", "application/x-www-form-urlencoded"))).toMatchObject({ status: 400 });
    expect(
      await checkBody(post('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nx', "multipart/form-data; boundary=b")),
    ).toMatchObject({ status: 400 });
    expect(await checkBody(post("a=1", "multipart/form-data"))).toMatchObject({ status: 400 });
    const ok = post("title=%E6%B5%8B%E7%BB%98&intent=publish", "application/x-www-form-urlencoded");
    expect(await checkBody(ok)).toBeNull();
    expect((await ok.formData()).get("title")).toBe("测绘");
    const form = new FormData();
    form.set("document", new File(["%PDF-1.4"], "a\u0000.pdf", { type: "application/pdf" }));
    expect(await checkBody(new Request("http://localhost/agency/profile", { method: "POST", body: form }))).toMatchObject({ status: 400 });
    expect(await checkBody(new Request("http://localhost/x", { method: "GET" }))).toBeNull();
  });

  it("413s a body declared larger than the limit before reading it", async () => {
    const r = new Request("http://localhost/login", {
      method: "POST",
      body: "a=1",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(10 ** 9) },
    });
    expect(await checkBody(r)).toMatchObject({ status: 413 });
  });
});
