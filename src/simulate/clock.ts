// The simulation's clock: passed in, never global, so that `{now}` is reproducible in tests and suites.

export interface SimulationClock {
  now(): Date;
  /** The same instant as ISO 8601 text; optional, a fast path for clocks that know it (formatting a Date is slow). */
  nowIso?(): string;
}

/** The instant a fixed clock shows unless told otherwise. */
export const DEFAULT_SIMULATION_TIME = '2024-01-01T09:00:00.000Z';

/** A clock that always shows the same instant (the default: simulations are reproducible). */
export function fixedClock(at: string | Date = DEFAULT_SIMULATION_TIME): SimulationClock {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`"${String(at)}" is not a date and time; use ISO 8601, e.g. ${DEFAULT_SIMULATION_TIME}`);
  const iso = instant.toISOString();
  return { now: () => new Date(instant.getTime()), nowIso: () => iso };
}

/** The computer's clock; for the command line, where `{now}` should be the real time. */
export function systemClock(): SimulationClock {
  return { now: () => new Date() };
}

/** `{now}`: the clock's instant as ISO 8601 text. */
export function isoNow(clock: SimulationClock): string {
  return clock.nowIso ? clock.nowIso() : clock.now().toISOString();
}
