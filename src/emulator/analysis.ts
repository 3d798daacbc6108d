// The project's own validator and simulator, as the emulator uses them (publishing, validate and simulate endpoints).

/** One validator finding as the emulator reports it (the validation room's `Finding`). */
export interface AnalysisFinding {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  pointer?: string;
}

export interface AnalysisResult {
  valid: boolean;
  errorCount: number;
  warningCount: number;
  findings: AnalysisFinding[];
}

/** Pure functions over a flow document; injected so that state transitions stay pure. */
export interface FlowAnalysis {
  validate(flow: unknown): AnalysisResult;
  simulate(flow: unknown, options: Record<string, unknown>): unknown;
}
