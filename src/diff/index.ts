// The diff room: semantic changes between two flows, the seed's line format, JSON Patch, and the text/JSON/Markdown formats.
export * from './change.js';
export { diffFlows, DEFAULT_FLOW_TYPE } from './diff-flows.js';
export { describeChange, generateFlowDiff, formatAction, formatCondition } from './describe.js';
export { flowPatch, type PatchOperation } from './patch.js';
