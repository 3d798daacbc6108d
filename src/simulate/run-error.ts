// The error a run can meet (unresolved environment value, bad regex, missing node): it ends the run, never escapes it.

export class SimulationRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimulationRunError';
  }
}
