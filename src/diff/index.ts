// The diff room: semantic changes between two flows, the seed's line format, JSON Patch, and the text/JSON/Markdown formats.
export * from './change.js';
export { diffFlows, DEFAULT_FLOW_TYPE } from './diff-flows.js';
export { describeChange, generateFlowDiff, formatAction, formatCondition } from './describe.js';
export { flowPatch, type PatchOperation } from './patch.js';
export { summarizeChanges, type DiffSummary, type ChangeCounts } from './summary.js';
export { groupChanges, type ChangeGroup } from './group.js';
export { formatDiffText, summaryLine, PLAIN_TEXT_STYLE, type TextStyle } from './format-text.js';
export { formatDiffJson, diffReport, type DiffReport } from './format-json.js';
export { formatDiffMarkdown } from './format-markdown.js';
