// The structured changes between two flows: what diffFlows returns and every format is made from.

/** One field of a condition, action, wait or input that differs. `field` is a dotted path (`queueId`, `intents.billing`). */
export interface ChangedField {
  field: string;
  oldPointer?: string;
  newPointer?: string;
  /** Absent when the field was added. */
  before?: unknown;
  /** Absent when the field was removed. */
  after?: unknown;
}

interface ChangeBase {
  /** RFC 6901 pointer into the old flow (absent for additions). */
  oldPointer?: string;
  /** RFC 6901 pointer into the new flow (absent for removals). */
  newPointer?: string;
  before?: unknown;
  after?: unknown;
}

/** name, version, status, description, type, division, or another top-level field. */
export interface FlowFieldChange extends ChangeBase {
  kind: 'flow-field-changed';
  field: string;
}

/** A declared input (`inputs.NAME`), an environment variable (`environmentVariables.NAME`) or an application setting (dotted path under `applicationSettings`). */
export interface KeyedChange extends ChangeBase {
  kind:
    | 'input-added'
    | 'input-removed'
    | 'input-changed'
    | 'environment-variable-added'
    | 'environment-variable-removed'
    | 'environment-variable-changed'
    | 'setting-added'
    | 'setting-removed'
    | 'setting-changed';
  key: string;
}

export interface NodeAddedOrRemoved extends ChangeBase {
  kind: 'node-added' | 'node-removed';
  nodeId: string;
}

/** Same content and same incoming edges under a new id. `nodeId` is the new id. */
export interface NodeRenamed extends ChangeBase {
  kind: 'node-renamed';
  nodeId: string;
  fromId: string;
}

export interface NodeTypeChanged extends ChangeBase {
  kind: 'node-type-changed';
  nodeId: string;
}

/** label, description, message, or another node field; `before`/`after` absent when added/removed. */
export interface NodeFieldChanged extends ChangeBase {
  kind: 'node-field-changed' | 'message-changed';
  nodeId: string;
  field: string;
}

export interface WaitForInputChange extends ChangeBase {
  kind: 'wait-for-input-added' | 'wait-for-input-removed' | 'wait-for-input-changed';
  nodeId: string;
  fields?: ChangedField[];
}

/** Where a transition sits: the node's default `transition`, a condition's target, or `waitForInput.timeoutTransition`. */
export type TransitionSlot = 'default' | 'condition' | 'timeout';

/** A transition that now leads elsewhere (`before`/`after` are node ids; absent when there was none). */
export interface TransitionChanged extends ChangeBase {
  kind: 'transition-changed';
  nodeId: string;
  slot: TransitionSlot;
  /** The condition's index in the new flow, for slot `condition`. */
  index?: number;
}

/** A condition or an action added, removed, changed in place, or moved to another position. */
export interface ListItemChange extends ChangeBase {
  kind:
    | 'condition-added'
    | 'condition-removed'
    | 'condition-changed'
    | 'condition-moved'
    | 'action-added'
    | 'action-removed'
    | 'action-changed'
    | 'action-moved';
  nodeId: string;
  /** Index in the new list (in the old list for removals). */
  index: number;
  /** Index in the old list, for changed and moved items. */
  fromIndex?: number;
  /** For changed items: the fields that differ. */
  fields?: ChangedField[];
}

export type FlowChange =
  | FlowFieldChange
  | KeyedChange
  | NodeAddedOrRemoved
  | NodeRenamed
  | NodeTypeChanged
  | NodeFieldChanged
  | WaitForInputChange
  | TransitionChanged
  | ListItemChange;

export type FlowChangeKind = FlowChange['kind'];

/** Whether a change adds, removes or changes something (for colour and counts). */
export type ChangeEffect = 'added' | 'removed' | 'changed';

export function changeEffect(change: FlowChange): ChangeEffect {
  if (change.kind.endsWith('-added')) return 'added';
  if (change.kind.endsWith('-removed')) return 'removed';
  return 'changed';
}

/** The node a change belongs to, if any. */
export function changeNodeId(change: FlowChange): string | undefined {
  return 'nodeId' in change ? change.nodeId : undefined;
}
