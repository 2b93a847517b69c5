import { data, redirect, type RouterContextProvider } from "react-router";
import type { z } from "zod";
import { getDb, type Db } from "~/db/client.server";
import { DomainError, FieldErrors, isDomainError } from "~/lib/errors";
import { formLists, formValues, issueFieldErrors, type ActionFailure } from "~/lib/forms";

export { isActionFailure, type ActionFailure } from "~/lib/forms";
import { isBusy } from "~/lib/http.server";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "~/lib/db-availability.server";
import { can, FORBIDDEN_MESSAGE, type Permission } from "~/lib/permissions";
import { getUser, requireUser, type SessionUser } from "~/lib/session.server";
import { readUploadForm } from "~/services/documents/documents.server";

/**
 * The one shape of every loader and action (docs/architecture.md):
 *
 *   params → session → permission → parse (zod) → command → one error mapping
 *
 * Routes import this module, never the database: `visitor`/`guard` hand them
 * the session user and an opaque database handle to pass to domain modules,
 * and `defineAction` runs the pipeline. Every refusal of an action is an
 * `ActionFailure` with a 4xx: the i18n key next to its field (or above the
 * form), the user's input echoed back (never passwords), and the intent it
 * answers. A database that cannot be reached is a 503 with the input echoed
 * (decision 024). Anything else that is not a DomainError is a bug and propagates (500).
 * `definePublicAction` is the same pipeline without the session and
 * permission steps, for the actions anyone may post (log in, register, log
 * out, switch the language); their commands also get the request context.
 */

/** Anyone, signed in or not: public pages. */
export async function visitor(request: Request): Promise<{ user: SessionUser | null; db: Db }> {
  const [user, db] = await Promise.all([getUser(request), getDb()]);
  return { user, db };
}

/** A signed-in user (anonymous → login page with a way back). */
export async function signedIn(request: Request): Promise<{ user: SessionUser; db: Db }> {
  const user = await requireUser(request);
  return { user, db: await getDb() };
}

/** A signed-in user with the permission: anonymous → login page, another role → 403 page. */
export async function guard(request: Request, permission: Permission): Promise<{ user: SessionUser; db: Db }> {
  const user = await requireUser(request);
  // The body is the i18n key of the reason; the root error boundary shows it translated.
  if (!can(user, permission)) throw new Response(FORBIDDEN_MESSAGE[permission], { status: 403, statusText: "Forbidden" });
  return { user, db: await getDb() };
}

/** Inside a command handler: refuse with the permission's message (a 403 ActionFailure). */
export function assertCan(user: SessionUser, permission: Permission): void {
  if (!can(user, permission)) throw new DomainError("FORBIDDEN", 403, FORBIDDEN_MESSAGE[permission]);
}

/** Parses string form fields with a zod schema; a failure is a DomainError the pipeline maps (400, messages per field). */
export function parseInput<S extends z.ZodType>(schema: S, values: Record<string, unknown>): z.infer<S> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  throw new FieldErrors(issueFieldErrors(parsed.error.issues), 400);
}

/**
 * Maps any thrown value to the failure response; rethrows what is not a refusal.
 * `lists` holds every value of the names posted more than once, so a group of
 * checkboxes comes back whole (`echoedAll`).
 */
export function failure(
  error: unknown,
  values: Record<string, string>,
  intent: string | null = null,
  lists: Record<string, string[]> = {},
) {
  const echo = Object.keys(lists).length > 0 ? { values, lists } : { values };
  // The database cannot be reached (decision 024): 503, nothing was saved, the form keeps what was typed.
  if (isDatabaseUnavailable(error)) {
    const body: ActionFailure = { intent, fieldErrors: {}, formError: "errors.unavailable", ...echo };
    return data(body, { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } });
  }
  if (isBusy(error)) {
    const body: ActionFailure = { intent, fieldErrors: {}, formError: "errors.busy", ...echo };
    return data(body, { status: 503, headers: { "Retry-After": "2" } });
  }
  if (!isDomainError(error)) throw error;
  const fieldErrors = error instanceof FieldErrors ? error.fields : error.field ? { [error.field]: [error.message] } : {};
  const formError = error instanceof FieldErrors ? error.message : error.field ? undefined : error.message;
  const body: ActionFailure = {
    intent,
    fieldErrors,
    ...echo,
    ...(formError ? { formError } : {}),
    ...(error.params ? { params: error.params } : {}),
  };
  // A throttled client is told when to come back (RFC 9110 Retry-After, in seconds).
  const retryAfter = error.status === 429 ? error.params?.retryAfter : undefined;
  return data(body, { status: error.status, headers: retryAfter !== undefined ? { "Retry-After": String(retryAfter) } : undefined });
}

export type CommandContext<Params> = {
  request: Request;
  params: Params;
  user: SessionUser;
  db: Db;
  /** The whole form (files included for `body: "upload"`). */
  form: FormData;
  /** The text fields, one string per name (the last); a multi-valued field is read from `form` (a refusal echoes every value). */
  values: Record<string, string>;
  intent: string | null;
};

/**
 * What a command returns: a path to redirect to (303 after POST), a ready
 * Response, or a plain object the page shows where it is (200 actionData,
 * e.g. a work queue's "decided" notice).
 */
type CommandResult = string | Response | Record<string, unknown>;

type Command<Params, S extends z.ZodType> = {
  /** Checked before the body is read. Ownership is the module's check. */
  permission: Permission | "signed-in";
  /** Parsed from the text fields; a failure is a 400 with messages per field. */
  schema?: S;
  run: (input: z.infer<NoInfer<S>>, ctx: CommandContext<NoInfer<Params>>) => Promise<CommandResult>;
};

/**
 * Typed commands: `run` receives its schema's parsed type, which TypeScript
 * cannot infer per entry of the `commands` record by itself.
 *
 *   const command = commandsFor<Route.ActionArgs["params"]>();
 *   defineAction<Route.ActionArgs["params"]>({ commands: { pick: command({ permission, schema, run }) } })
 */
export function commandsFor<Params>() {
  return <S extends z.ZodType>(c: Command<Params, S>): Command<Params, z.ZodType> => c as unknown as Command<Params, z.ZodType>;
}

type Spec<Params, C extends Record<string, z.ZodType>> = {
  /** "form" (urlencoded or small multipart) or "upload" (multipart with files, capped). Default "form". */
  body?: "form" | "upload";
  /** For `body: "upload"`: the cap on the whole body in bytes (default one file plus the form fields). */
  maxBytes?: number;
  /**
   * How a refusal reaches a browser without JavaScript. "page" (default): the
   * route re-renders with the failure as actionData. "throw": the route has no
   * form of its own (a resource route posted to from another page), so the
   * failure is thrown to its error boundary — unless the client sent `_js=1`
   * (a fetcher that shows the failure in place).
   */
  noJs?: "page" | "throw";
  /**
   * Each command's `run` gets the input its own schema parses, typed per command
   * (TypeScript infers it when every command of the action has a schema).
   */
  commands: { [K in keyof C]: Command<Params, C[K]> };
};

/**
 * The body's fields and the command they choose: one command named "default",
 * or the one the `intent` field names (null: an unknown intent, a 400). `values`
 * and `lists` are what a failure echoes (never passwords); `fields` is what is parsed.
 */
function readCommand<T>(form: FormData, commands: Record<string, T>) {
  const values = formValues(form);
  const lists = formLists(form);
  const fields = formValues(form, []);
  const intent = values.intent ?? null;
  const names = Object.keys(commands);
  const name = names.length === 1 && names[0] === "default" ? "default" : intent;
  const command = name !== null && Object.hasOwn(commands, name) ? commands[name]! : null;
  return { values, lists, fields, intent, js: values._js === "1", command };
}

/**
 * One action for a route. With one command, name it "default"; with several,
 * the form's `intent` field chooses (an unknown intent is a 400).
 */
export function defineAction<Params = Record<string, string | undefined>, C extends Record<string, z.ZodType> = Record<string, z.ZodType>>(
  typed: Spec<Params, C>,
) {
  const spec = typed as unknown as Omit<Spec<Params, C>, "commands"> & { commands: Record<string, Command<Params, z.ZodType>> };
  return async ({ request, params }: { request: Request; params: Params }) => {
    const names = Object.keys(spec.commands);
    let values: Record<string, string> = {};
    let lists: Record<string, string[]> = {};
    let intent: string | null = null;
    let js = false;
    const refuse = (error: unknown) => {
      const response = failure(error, values, intent, lists);
      if (spec.noJs === "throw" && !js) throw response;
      return response;
    };
    try {
      // Inside the try: a session lookup that meets a database outage is the 503
      // ActionFailure, so a form submitted with JavaScript stays on the page
      // with what was typed (decision 024). Anonymous: the login redirect.
      const user = await requireUser(request);
      // Role first: a user without any of this route's permissions learns nothing from the body.
      const permitted = names.some((n) => {
        const p = spec.commands[n]!.permission;
        return p === "signed-in" || can(user, p);
      });
      if (!permitted) {
        const first = spec.commands[names[0]!]!.permission;
        throw new DomainError("FORBIDDEN", 403, first === "signed-in" ? "errors.forbiddenBody" : FORBIDDEN_MESSAGE[first]);
      }
      const form = spec.body === "upload" ? await readUploadForm(request, spec.maxBytes) : await request.formData();
      const read = readCommand(form, spec.commands);
      ({ values, lists, js, intent } = read);
      const { fields, command } = read;
      if (!command) throw new DomainError("UNKNOWN_INTENT", 400, "errors.unknownIntent");
      if (command.permission !== "signed-in") assertCan(user, command.permission);
      const input = command.schema ? parseInput(command.schema, fields) : fields;
      const result = await command.run(input, { request, params, user, db: await getDb(), form, values: fields, intent });
      return typeof result === "string" ? redirect(result) : result;
    } catch (error) {
      if (error instanceof Response) throw error;
      return refuse(error);
    }
  };
}

export type PublicCommandContext<Params> = Omit<CommandContext<Params>, "user"> & {
  /** The visitor, if signed in. */
  user: SessionUser | null;
  /** The request context (the client's address for throttling: `clientIpContext`). */
  context: Readonly<RouterContextProvider>;
};

type PublicCommand<Params, S extends z.ZodType> = {
  schema?: S;
  run: (input: z.infer<NoInfer<S>>, ctx: PublicCommandContext<NoInfer<Params>>) => Promise<CommandResult>;
};

/**
 * `defineAction` for the few actions anyone may post, signed in or not: log
 * in, register, log out, switch the language. The same pipeline and the same
 * ActionFailure, without the session and permission steps (nothing to refuse
 * by role; throttling and the like are the module's). Text forms only.
 */
export function definePublicAction<
  Params = Record<string, string | undefined>,
  C extends Record<string, z.ZodType> = Record<string, z.ZodType>,
>(typed: { noJs?: "page" | "throw"; commands: { [K in keyof C]: PublicCommand<Params, C[K]> } }) {
  const spec = typed as unknown as { noJs?: "page" | "throw"; commands: Record<string, PublicCommand<Params, z.ZodType>> };
  return async ({ request, params, context }: { request: Request; params: Params; context: Readonly<RouterContextProvider> }) => {
    let values: Record<string, string> = {};
    let lists: Record<string, string[]> = {};
    let intent: string | null = null;
    let js = false;
    try {
      const { user, db } = await visitor(request);
      const form = await request.formData();
      const read = readCommand(form, spec.commands);
      ({ values, lists, js, intent } = read);
      const { fields, command } = read;
      if (!command) throw new DomainError("UNKNOWN_INTENT", 400, "errors.unknownIntent");
      const input = command.schema ? parseInput(command.schema, fields) : fields;
      const result = await command.run(input, { request, params, context, user, db, form, values: fields, intent });
      return typeof result === "string" ? redirect(result) : result;
    } catch (error) {
      if (error instanceof Response) throw error;
      const response = failure(error, values, intent, lists);
      if (spec.noJs === "throw" && !js) throw response;
      return response;
    }
  };
}
