// The diff room: semantic changes between two flows, the seed's line format, JSON Patch, and the text/JSON/Markdown formats.
export * from './change.js';
export { diffFlows } from './diff-flows.js';
export { describeChange, generateFlowDiff, formatDiffAction, formatDiffCondition } from './describe.js';
export { flowPatch, type PatchOperation } from './patch.js';
export { summarizeFlowChanges, type DiffSummary, type DiffCounts } from './summary.js';
export { groupFlowChanges, type FlowChangeGroup } from './group.js';
export { formatDiffText, diffSummaryLine, PLAIN_DIFF_STYLE, type DiffTextStyle } from './format-text.js';
export { formatDiffJson, diffReport, type DiffReport } from './format-json.js';
export { formatDiffMarkdown } from './format-markdown.js';
export { requireDiffableFlow, DIFF_NOT_A_FLOW_CODE } from './diffable-flow.js';
