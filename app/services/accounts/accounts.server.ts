import type { Db } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { appendAudit } from "~/services/audit/audit.server";
import { DomainError } from "~/lib/errors";
import { normalizeCreditCode } from "~/lib/credit-code";
import { decoyHash, hashPassword, verifyPassword } from "~/lib/password.server";
import type { RegisterInput } from "~/schemas/auth";
import { deviceNonceFor, type DeviceEntry } from "~/lib/device.server";
import { isLanguage } from "~/i18n/languages";
import { dbNow } from "~/services/clock.server";
import { queueVerificationMail } from "./email.server";
import { loginVerdict, recordLogin, recordRegistration, registrationWait } from "./throttle.server";

/**
 * Registers an enterprise or agency account with its organization in one
 * transaction, which also queues the mail with the link that verifies the
 * address (decision 029). `locale` is the language the form was filled in:
 * the user's mail is written in it.
 */
export async function registerAccount(db: Db, input: RegisterInput, locale = "zh") {
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
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          role: input.accountType,
          organizationId: org.id,
          locale: isLanguage(locale) ? locale : "zh",
        },
      });
      await queueVerificationMail(tx, user, await dbNow(tx));
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
 * The registration form's use case: throttled per client address, and silent
 * about emails that already have an account (docs/decisions/018): a taken
 * email gets the same answer as a new one — "if this email was new, your
 * account exists now; otherwise log in with its password" — and nothing is
 * created. Other refusals (a taken credit code: public register data) keep
 * their field errors.
 */
export async function registerFromForm(db: Db, input: RegisterInput, ip: string, now: Date, locale = "zh"): Promise<void> {
  const wait = await registrationWait(db, ip, now);
  if (wait > 0) throw throttled("REGISTRATION_THROTTLED", "errors.registrationThrottled", undefined, wait);
  // Counted before the outcome is known: probing taken emails costs the same budget as registering.
  await recordRegistration(db, ip, now);
  try {
    await registerAccount(db, input, locale);
  } catch (error) {
    if (error instanceof DomainError && error.code === "EMAIL_TAKEN") return;
    throw error;
  }
}

/** 429 with the wait in seconds (Retry-After) and in the unit the message shows. */
function throttled(code: string, key: string, field: string | undefined, seconds: number): DomainError {
  const minutes = Math.ceil(seconds / 60);
  return new DomainError(code, 429, seconds < 120 ? `${key}Seconds` : key, field, { seconds, minutes, retryAfter: seconds });
}

export type LoginClientInput = { ip: string; device?: DeviceEntry[] };

/**
 * Checks a password behind the throttle (throttle.server.ts). Throws
 * DomainError 429 (with Retry-After seconds) while the client must wait, and
 * 401 on a wrong email or password — the same message for both, and an
 * unknown email costs the same hash, so the form does not reveal which
 * emails have accounts. `now` is the database clock (the route) or a test's.
 */
export async function authenticate(db: Db, email: string, password: string, client: LoginClientInput, now: Date) {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const login = { ip: client.ip, deviceNonce: deviceNonceFor(client.device ?? [], user?.id) };
  const verdict = await loginVerdict(db, email, login, now);
  if (verdict.waitSeconds > 0) throw throttled("THROTTLED", "errors.throttled", "email", verdict.waitSeconds);
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await decoyHash(), password), false);
  await recordLogin(db, email, login, verdict, ok, now);
  if (!user || !ok) throw new DomainError("INVALID_CREDENTIALS", 401, "errors.invalidCredentials", "password");
  return user;
}
