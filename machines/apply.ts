import { transition, type AnyStateMachine, type EventFromLogic } from "xstate";

/**
 * Decides one event for an entity whose state is stored in the database: the
 * machine is the single source of the rules, the service only persists. Pure —
 * no actor, no timers (deadlines are database timestamps, not `after`).
 */
export function decide<M extends AnyStateMachine>(
  machine: M,
  state: string,
  event: EventFromLogic<M>,
): { ok: true; to: string } | { ok: false } {
  const snapshot = machine.resolveState({ value: state, context: {} });
  if (!snapshot.can(event)) return { ok: false };
  const [next] = transition(machine, snapshot as never, event) as [{ value: unknown }, unknown];
  return { ok: true, to: String(next.value) };
}

/** Every state and every event of a flat machine, for table tests and docs. */
export function statesOf(machine: AnyStateMachine): string[] {
  return Object.keys(machine.root.states);
}
