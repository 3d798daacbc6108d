// The one shape check diff needs of its input: a loaded file whose `nodes` is a map (anything else diffs field by field).
import { GcflowError } from '../flow/diagnostic.js';
import type { LoadedFlow } from '../flow/load.js';
import type { FlowDefinition } from '../flow/schema.js';
import { isPlainObject } from './json-value.js';

/** The code of "this file is not a flow that can be diffed" (exit code 2). */
export const DIFF_NOT_A_FLOW_CODE = 'GCF930';

/**
 * The loaded flow, typed, when its `nodes` is an object. A flow that fails validation otherwise can
 * still be diffed (a reviewer may want to see what a broken change does); a file without nodes is no flow.
 */
export function requireDiffableFlow(loaded: LoadedFlow): FlowDefinition {
  const nodes = loaded.data.nodes;
  if (!isPlainObject(nodes)) {
    const message =
      nodes === undefined
        ? 'this is not a flow: it has no "nodes" map (a flow needs id, version, name, status and nodes)'
        : `"nodes" must be an object that maps node ids to nodes, but it is ${Array.isArray(nodes) ? 'an array' : nodes === null ? 'null' : `a ${typeof nodes}`}`;
    throw new GcflowError(DIFF_NOT_A_FLOW_CODE, message, { file: loaded.file, pointer: nodes === undefined ? '' : '/nodes', ...loaded.locate(nodes === undefined ? '' : '/nodes') });
  }
  return loaded.data as unknown as FlowDefinition;
}
