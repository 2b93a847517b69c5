import { createActor, type AnyActorScope, type AnyStateMachine, type EventFromLogic, type StateValueFrom } from "xstate";

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
  const snapshot = snapshotOf(machine, state);
  if (!snapshot.can(event)) return { ok: false };
  const next = machine.transition(snapshot, event, scopeOf(machine)) as { value: unknown };
  return { ok: true, to: String(next.value) as StateValueFrom<M> & string };
}

/*
 * What xstate's transition() makes anew on every call — the resolved snapshot
 * of the stored state, and an inert actor scope (an actor built only to be
 * passed along) — made once per machine and state (decision 038: actor
 * creation was a visible part of every bid). Our machines have no actions,
 * children or timers, so the scope is never written to: reusing it is as pure
 * as making it each time.
 */
const snapshots = new WeakMap<AnyStateMachine, Map<string, ReturnType<AnyStateMachine["resolveState"]>>>();
function snapshotOf(machine: AnyStateMachine, state: string) {
  let byState = snapshots.get(machine);
  if (!byState) snapshots.set(machine, (byState = new Map()));
  let snapshot = byState.get(state);
  if (!snapshot) {
    snapshot = machine.resolveState({ value: state, context: {} });
    byState.set(state, snapshot);
  }
  return snapshot;
}

const scopes = new WeakMap<AnyStateMachine, AnyActorScope>();
function scopeOf(machine: AnyStateMachine): AnyActorScope {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine);
    scope = {
      self,
      id: "",
      sessionId: "",
      system: self.system,
      logger: () => undefined,
      defer: () => undefined,
      stopChild: () => undefined,
      emit: () => undefined,
      actionExecutor: () => undefined,
    } as AnyActorScope;
    scopes.set(machine, scope);
  }
  return scope;
}

/** Where a new entity begins: the state a first event (e.g. a new bid's SUBMIT) is judged against. */
export function initialStateOf<M extends AnyStateMachine>(machine: M): StateValueFrom<M> & string {
  return String(machine.config.initial) as StateValueFrom<M> & string;
}

/** Every state and every event of a flat machine, for table tests and docs. */
export function statesOf(machine: AnyStateMachine): string[] {
  return Object.keys(machine.root.states);
}
