import type { Db } from "~/db/client.server";
import { makeCreditCode } from "~/lib/credit-code";
import { hashPassword } from "~/lib/password.server";
import { registerSchema } from "~/schemas/auth";
import { registerAccount } from "~/services/accounts/accounts.server";

let counter = 0;
const password = "factory-password-1";

/** A unique 9-character organization code body for test credit codes. */
function orgBody(): string {
  counter++;
  return `MA${(Date.now() % 1e5).toString().padStart(5, "0")}${counter.toString().padStart(2, "0")}`.slice(0, 9).replace(/[IOZSV]/g, "A");
}

export async function registerAgency(db: Db, opts: { name: string; region?: string; email?: string }) {
  const region = opts.region ?? "330100";
  const user = await registerAccount(
    db,
    registerSchema.parse({
      accountType: "AGENCY",
      entityType: "COMPANY",
      creditCode: makeCreditCode(`91${region}${orgBody()}`),
      regionCode: region,
      email: opts.email ?? `agency${counter}-${Date.now()}@example.cn`,
      password,
      confirmPassword: password,
      name: "联系人",
      orgName: opts.name,
      contactPhone: "0571-88886666",
    }),
  );
  const agency = await db.agency.findUniqueOrThrow({ where: { organizationId: user.organizationId! } });
  return { user, agency };
}

export async function createUser(
  db: Db,
  role: "ENTERPRISE" | "REGULATOR" | "ADMIN",
  email = `${role.toLowerCase()}${++counter}@example.cn`,
) {
  const org = await db.organization.create({
    data: { kind: role === "ENTERPRISE" ? "COMPANY" : "GOVERNMENT", name: `${role} org ${counter}` },
  });
  return db.user.create({ data: { email, name: role, role, organizationId: org.id, passwordHash: await hashPassword(password) } });
}

export async function addCredential(
  db: Db,
  agencyId: string,
  itemCodes: string[],
  validUntil = new Date(Date.now() + 365 * 86_400_000),
  type = "测绘资质",
  level = "甲级",
) {
  const items = await db.catalogueItem.findMany({ where: { code: { in: itemCodes } }, select: { id: true } });
  return db.credential.create({
    data: {
      agencyId,
      type,
      level,
      number: `N-${++counter}`,
      issuer: "发证机关",
      validUntil,
      items: { create: items.map((i) => ({ itemId: i.id })) },
    },
  });
}
