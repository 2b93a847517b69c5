import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, serviceUnavailable, unavailableReason } from "./db-availability.server";

/** The errors seen when PostgreSQL was crashed and restarted under the app (tests/load/db-outage.test.ts). */
const prismaKnown = (code: string, message: string, cause?: Record<string, unknown>) =>
  Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code, meta: cause ? { driverAdapterError: { cause } } : {} });

describe("database availability (decision 024)", () => {
  it("recognises the outage errors of Prisma, the pg adapter, the pg driver and PostgreSQL", () => {
    const unavailable = [
      prismaKnown("P1001", "Can't reach database server at 127.0.0.1:5432", { kind: "DatabaseNotReachable" }),
      prismaKnown("P2010", "Raw query failed. Code: `N/A`. Message: `Can't reach database server`", { kind: "DatabaseNotReachable" }),
      prismaKnown("P2010", "Raw query failed. Code: `57P03`.", { kind: "postgres", code: "57P03", originalCode: "57P03" }),
      prismaKnown("P2010", "terminating", { kind: "postgres", code: "57P01", originalCode: "57P01" }),
      prismaKnown("P2010", "x", { kind: "ConnectionClosed" }),
      prismaKnown("P2010", "x", { kind: "TooManyConnections" }),
      prismaKnown("P1017", "Server has closed the connection."),
      new Error("Connection terminated unexpectedly"),
      new Error("Client has encountered a connection error and is not queryable"),
      new Error("timeout exceeded when trying to connect"),
      new Error("the database system is starting up"),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      Object.assign(new Error("wrapped"), { cause: Object.assign(new Error("x"), { code: "08006" }) }),
      serviceUnavailable(new Error("Connection terminated unexpectedly")),
    ];
    for (const e of unavailable) expect(isDatabaseUnavailable(e), String((e as Error).message)).toBe(true);
  });

  it("leaves every other error alone: constraint violations, serialization failures, bugs, refusals", () => {
    const others = [
      prismaKnown("P2002", "Unique constraint failed on the fields: (`email`)"),
      prismaKnown("P2010", "x", { kind: "TransactionWriteConflict", originalCode: "40001" }),
      prismaKnown("P2010", "x", { kind: "postgres", code: "55P03", originalCode: "55P03" }),
      prismaKnown("P2028", "Transaction API error: Unable to start a transaction in the given time."),
      new TypeError("Cannot read properties of undefined"),
      new Response("no", { status: 404 }),
      null,
      "Connection terminated",
    ];
    for (const e of others) expect(isDatabaseUnavailable(e), String(e)).toBe(false);
  });

  it("describes an outage in one line, without a stack", () => {
    const e = prismaKnown("P1001", "\nInvalid `db.user.findFirst()` invocation:\n\n\nCan't reach database server at 127.0.0.1:5432", {
      kind: "DatabaseNotReachable",
    });
    expect(unavailableReason(e)).toBe("P1001/DatabaseNotReachable: Can't reach database server at 127.0.0.1:5432");
    expect(unavailableReason(serviceUnavailable(new Error("Connection terminated unexpectedly")))).toBe(
      "Connection terminated unexpectedly",
    );
  });

  it("turns an outage into React Router's 503 with Retry-After", () => {
    const thrown = serviceUnavailable(new Error("Connection terminated unexpectedly")) as unknown as {
      data: string;
      init: { status: number; headers: Record<string, string> };
    };
    expect(thrown.data).toBe("errors.unavailableBody");
    expect(thrown.init.status).toBe(503);
    expect(Number(thrown.init.headers["Retry-After"])).toBeGreaterThan(0);
  });
});
