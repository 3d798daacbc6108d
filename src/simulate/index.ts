// The simulation room: run conversations through flows offline (a pure step function), suites, coverage and reports.
export { simulate, simulateFlow, type SimulateOptions } from './simulate.js';
export { step, findLoop, DEFAULT_RUNTIME, type StepResult } from './step.js';
export {
  initialState,
  changeState,
  END_REASONS,
  DEFAULT_STEP_LIMIT,
  DEFAULT_CONVERSATION_ID,
  DEFAULT_CHANNEL,
  type EndReason,
  type SimulationEnd,
  type SimulationState,
  type SimulationRuntime,
  type StepInput,
  type Trail,
} from './state.js';
export type { SimulationEvent, BranchDecision, ConditionCheck } from './events.js';
export type { SimulationTrace, TraceStep, TraceAction, FlowMessage, ConversationTurn } from './trace.js';
export { customerTurns, toVariables, transcriptFromData, TRANSCRIPT_ERROR, type TranscriptTurn, type CustomerTurn } from './transcript.js';
export { fixedClock, systemClock, isoNow, DEFAULT_SIMULATION_TIME, type SimulationClock } from './clock.js';
export { createKeywordClassifier, type IntentClassifier, type IntentDefinitions, type IntentMatch } from './intents.js';
export { CONDITION_EVALUATORS, describeCondition, type ConditionOperands, type ConditionVerdict } from './conditions.js';
export { ACTION_RESOLVERS, resolveAction, type ActionContext, type ActionEffect, type ActionResolver } from './actions/index.js';
export { SimulationRunError } from './run-error.js';
export { VariableMap, type VariableValue } from './variables.js';
export { compileRegex, parseRegexLiteral } from './regex.js';
export { formatTraceChat, describeEnd, type ChatFormatOptions } from './format-chat.js';
export { plainStyle, type TextStyle } from './text-style.js';
export { parseSuite, SuiteErrorCode, type SimulationSuite, type SuiteCase, type CaseExpectations, type MessageExpectation, type ReplyExpectation } from './suite.js';
export { parseScenarioFile, isScenarioFile } from './scenario.js';
export { checkExpectations, messageMismatch, type ExpectationFailure } from './expectations.js';
export { runSuite, type CaseResult, type SuiteResult, type SuiteRunOptions } from './suite-run.js';
export { findSuiteFiles, loadSuiteFile, runSuiteFiles, SUITE_FILE, type RunSuiteFilesOptions, type TestRunResult } from './suite-files.js';
export {
  computeCoverage,
  coverageTotals,
  flowsBelow,
  describeBranch,
  type FlowCoverage,
  type NodeCoverage,
  type BranchCoverage,
  type EdgeCoverage,
  type CoverageTotals,
} from './coverage.js';
export { formatTestRunText, formatCoverageText } from './report-text.js';
export { formatTestRunJson, testRunReport, type TestReportJson } from './report-json.js';
export { formatTestRunJunit, escapeXml } from './report-junit.js';
export { withEnvironment } from './environment.js';
