// Completes asynchronous work whose time has come: publications, Architect jobs, validate jobs.
import type { FlowAnalysis } from './analysis.js';
import { completePublish } from './flow-state.js';
import { runJob, runValidateJob } from './job-state.js';
import type { EmulatorState } from './state.js';

/** Whether anything is due at `now` (cheap: the queue is ordered). */
export function hasDueWork(state: EmulatorState, now: number): boolean {
  return state.pending.length > 0 && state.pending[0].dueAt <= now;
}

/** Applies every pending piece of work due at `now`, in due order. */
export function settle(state: EmulatorState, now: number, analysis: FlowAnalysis): EmulatorState {
  if (!hasDueWork(state, now)) return state;
  const due = state.pending.filter((w) => w.dueAt <= now);
  let next: EmulatorState = { ...state, pending: state.pending.filter((w) => w.dueAt > now) };
  for (const work of due) {
    if (work.kind === 'publish') next = completePublish(next, work, work.dueAt, analysis);
    else if (work.kind === 'job') next = runJob(next, work.jobId, work.dueAt, analysis);
    else next = runValidateJob(next, work.jobId, work.dueAt, analysis);
  }
  return next;
}
