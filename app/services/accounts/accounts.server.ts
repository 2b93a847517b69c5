import type { Db } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { appendAudit } from "~/services/audit/audit.server";
import { DomainError } from "~/lib/errors";
import { normalizeCreditCode } from "~/lib/credit-code";
import { decoyHash, hashPassword, verifyPassword } from "~/lib/password.server";
import type { RegisterInput } from "~/schemas/auth";
import { recordAttempt, throttleWait } from "./throttle.server";

/** Registers an enterprise or agency account with its organization in one transaction. */
export async function registerAccount(db: Db, input: RegisterInput) {
  const passwordHash = await hashPassword(input.password);
  const creditCode = input.creditCode ? normalizeCreditCode(input.creditCode) : null;
  const isPerson = input.accountType === "ENTERPRISE" && input.orgKind === "NATURAL_PERSON";
  try {
    return await db.$transaction(async (tx) => {
      const org = await tx.organization.create({
        data: {
          kind: input.accountType === "AGENCY" ? "AGENCY" : input.orgKind,
          name: input.orgName,
          creditCode: isPerson ? null : creditCode,
          regionCode: input.accountType === "AGENCY" ? input.regionCode : null,
          contactName: input.name,
          contactPhone: input.contactPhone,
          contactEmail: input.email,
        },
      });
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, role: input.accountType, organizationId: org.id },
      });
      if (input.accountType === "AGENCY") {
        // A new agency starts as APPLIED: it is not in the directory until a regulator lists it.
        const agency = await tx.agency.create({ data: { organizationId: org.id, entityType: input.entityType } });
        await appendAudit(tx, {
          aggregateType: "agency",
          aggregateId: agency.id,
          fromState: null,
          event: "REGISTER",
          toState: "APPLIED",
          actorId: user.id,
          payload: { name: org.name, creditCode: org.creditCode, regionCode: org.regionCode },
        });
      }
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const target = JSON.stringify(error.meta ?? {});
      if (target.includes("creditCode") || target.includes("credit_code")) {
        throw new DomainError("CREDIT_CODE_TAKEN", 409, "errors.creditCodeTaken", "creditCode");
      }
      throw new DomainError("EMAIL_TAKEN", 409, "errors.emailTaken", "email");
    }
    throw error;
  }
}

/**
 * Checks a password with throttling. Throws DomainError 429 when throttled and
 * 401 on a wrong email or password (the same message for both, so the form does
 * not reveal which emails have accounts).
 */
export async function authenticate(db: Db, email: string, password: string, ip: string) {
  const wait = await throttleWait(db, email, ip);
  if (wait > 0) throw new DomainError("THROTTLED", 429, "errors.throttled", "email", { minutes: wait });
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() } });
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await decoyHash(), password), false);
  await recordAttempt(db, email, ip, ok);
  if (!user || !ok) throw new DomainError("INVALID_CREDENTIALS", 401, "errors.invalidCredentials", "password");
  return user;
}
