import type { Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";
import { requestFormSchema } from "~/schemas/request";
import { approveAgency } from "~/services/agencies/review.server";
import { postRequest } from "~/services/requests/post.server";
import { addCredential, createUser, registerAgency } from "./factories";

export const SURVEY = "ZJ-PT-001";

export function sessionUserOf(u: {
  id: string;
  email: string;
  name: string;
  role: SessionUser["role"];
  organizationId: string | null;
}): SessionUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role, organizationId: u.organizationId, organizationName: null };
}

/** n listed agencies with a valid credential for the item. */
export async function listedAgencies(db: Db, n: number, itemCode = SURVEY, region = "310107") {
  const regulator = await createUser(db, "REGULATOR");
  const out: { user: SessionUser; agencyId: string }[] = [];
  for (let i = 0; i < n; i++) {
    const { agency, user } = await registerAgency(db, { name: `测试测绘${i}号有限公司${Math.random().toString(36).slice(2, 6)}`, region });
    await addCredential(db, agency.id, [itemCode]);
    await approveAgency(db, { agencyId: agency.id, actorId: regulator.id });
    out.push({ user: sessionUserOf(user), agencyId: agency.id });
  }
  return out;
}

export async function enterpriseUser(db: Db) {
  return sessionUserOf(await createUser(db, "ENTERPRISE"));
}

const beijing = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16);

export function requestForm(overrides: Record<string, string> = {}) {
  return requestFormSchema.parse({
    itemCode: SURVEY,
    title: "长寿路地块土地勘测",
    description: "项目位于普陀区长寿路，需进行土地勘测定界并出具报告。",
    fundingSource: "ENTERPRISE",
    priceMode: "AMOUNT",
    priceCap: "100000",
    selectionMethod: "LOWEST_PRICE",
    closesAt: beijing(new Date(Date.now() + 3600_000)),
    serviceDays: "20",
    ...overrides,
  });
}

export async function openRequest(db: Db, user: SessionUser, overrides: Record<string, string> = {}) {
  return postRequest(db, user, requestForm(overrides));
}

/** Moves a request's deadline into the past, as if time had passed. */
export async function expire(db: Db, requestId: string) {
  await db.serviceRequest.update({ where: { id: requestId }, data: { closesAt: new Date(Date.now() - 1000) } });
}
