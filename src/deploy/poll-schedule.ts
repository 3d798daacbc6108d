// When to look again while waiting for publication: soon at first, then backing off geometrically to a cap (pure).

export interface PollSchedule {
  /** Delay before the first check, in ms. */
  firstMs: number;
  /** Each further delay is the previous one times this. */
  factor: number;
  /** No delay is longer than this. */
  capMs: number;
}

/**
 * The default: first check after 65 ms, ×1.5, capped at 2 s. Checks land at 65, 163, 309, 528, 857 ms...:
 * a publish that takes t ms is seen by about 1.5·t at worst, at a cost of about log₁.₅(t/65) requests.
 */
export const DEFAULT_POLL_SCHEDULE: PollSchedule = { firstMs: 65, factor: 1.5, capMs: 2000 };

/** The delay before check number `index` (0-based). */
export function pollDelay(schedule: PollSchedule, index: number): number {
  return Math.min(schedule.capMs, Math.round(schedule.firstMs * schedule.factor ** index));
}

/** The delay before the next check, never past the deadline (so a timeout is reported on time). */
export function nextPollDelay(schedule: PollSchedule, index: number, elapsedMs: number, timeoutMs: number): number {
  return Math.max(0, Math.min(pollDelay(schedule, index), timeoutMs - elapsedMs));
}
