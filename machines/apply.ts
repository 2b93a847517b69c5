import { transition, type AnyStateMachine, type EventFromLogic, type StateValueFrom } from "xstate";

/**
 * The machine's answer to one event: refused, or the state it moves to. The
 * target is typed as the machine's own state names, which equal the Prisma
 * enum of the entity (the *.machine.test.ts tables check it), so a service
 * writes `verdict.to` into the status column and the compiler refuses a
 * machine state the database does not know.
 */
export type Verdict<M extends AnyStateMachine> = { ok: true; to: StateValueFrom<M> & string } | { ok: false };

/**
 * Decides one event for an entity whose state is stored in the database: the
 * machine is the single source of the rules, the service only persists — the
 * state it writes is `to`, never a literal of its own. Pure — no actor, no
 * timers (deadlines are database timestamps, not `after`).
 */
export function decide<M extends AnyStateMachine>(machine: M, state: string, event: EventFromLogic<M>): Verdict<M> {
  const snapshot = machine.resolveState({ value: state, context: {} });
  if (!snapshot.can(event)) return { ok: false };
  const [next] = transition(machine, snapshot as never, event) as [{ value: unknown }, unknown];
  return { ok: true, to: String(next.value) as StateValueFrom<M> & string };
}

/** Where a new entity begins: the state a first event (e.g. a new bid's SUBMIT) is judged against. */
export function initialStateOf<M extends AnyStateMachine>(machine: M): StateValueFrom<M> & string {
  return String(machine.config.initial) as StateValueFrom<M> & string;
}

/** Every state and every event of a flat machine, for table tests and docs. */
export function statesOf(machine: AnyStateMachine): string[] {
  return Object.keys(machine.root.states);
}
