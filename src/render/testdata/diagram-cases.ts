// The flows whose Mermaid and DOT text the real Mermaid and Graphviz must accept, with the nodes and edges each must draw.
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../../flow/diagnostic.js';
import { parseFlowText } from '../../flow/load.js';
import { toPointer } from '../../flow/pointer.js';
import type { FlowDefinition } from '../../flow/schema.js';
import type { OverlayInput } from '../overlay.js';
import { hostileFlow } from './hostile-flow.js';
import { HOSTILE_IDS, HOSTILE_IDS_MISSING, hostileIdsFlow } from './hostile-ids-flow.js';

export interface DiagramCase {
  name: string;
  flow: FlowDefinition;
  options?: OverlayInput;
  /** Every node the diagram must draw: the flow's node ids and the missing targets. */
  nodeIds: string[];
  /** How many transitions (edges) the diagram must draw, parallel edges counted. */
  edges: number;
}

const SEED_FILE = new URL('../../../../shared/examples/seed-webchat.flow.json', import.meta.url);
const SUPPORT_FILE = new URL('../../../examples/support.flow.yaml', import.meta.url);
const GENERATOR = new URL('../../../bench/generate-flow.mjs', import.meta.url).href;

function finding(code: string, severity: Diagnostic['severity'], message: string, path: Array<string | number>): Diagnostic {
  return { code, severity, message, pointer: toPointer(path) };
}

/** The cases, in a stable order; the generated flow has 12 segments of 5 nodes (7 transitions each), plus start and done. */
export async function diagramCases(): Promise<DiagramCase[]> {
  const seed = JSON.parse(readFileSync(SEED_FILE, 'utf8')) as FlowDefinition;
  const support = parseFlowText(readFileSync(SUPPORT_FILE, 'utf8'), 'yaml', SUPPORT_FILE.pathname).data as unknown as FlowDefinition;
  const { generateFlow } = (await import(GENERATOR)) as { generateFlow(nodeCount: number): FlowDefinition };
  const generated = generateFlow(60);
  const ids = (flow: FlowDefinition, missing: string[] = []): string[] => [...Object.keys(flow.nodes), ...missing];
  const hostileIdsPath = ['start', ...HOSTILE_IDS.slice(0, 12)];
  return [
    { name: 'seed flow', flow: seed, nodeIds: ids(seed), edges: 7 },
    {
      name: 'seed flow with a trace, coverage and findings',
      flow: seed,
      options: {
        trace: { path: ['start', 'set_context', 'route_intent', 'billing_queue', 'default_end'] },
        coverage: { nodes: ['start', 'set_context'], edges: ['/nodes/start/transition'] },
        findings: [
          finding('GCF014', 'warning', 'intent: nothing sets it "here"', ['nodes', 'route_intent', 'conditions', 0]),
          finding('GCF001', 'error', 'a <broken> node', ['nodes', 'tech_queue']),
        ],
      },
      nodeIds: ids(seed),
      edges: 7,
    },
    { name: 'examples/support.flow.yaml', flow: support, nodeIds: ids(support), edges: 13 },
    { name: 'generated flow (62 nodes)', flow: generated, nodeIds: ids(generated), edges: 12 * 7 + 1 },
    { name: 'hostile labels', flow: hostileFlow, nodeIds: ids(hostileFlow), edges: 6 },
    { name: 'hostile ids', flow: hostileIdsFlow, nodeIds: ids(hostileIdsFlow, HOSTILE_IDS_MISSING), edges: HOSTILE_IDS.length + 6 },
    {
      name: 'hostile ids with a trace, coverage and findings',
      flow: hostileIdsFlow,
      options: {
        trace: { path: hostileIdsPath },
        coverage: { nodes: hostileIdsPath.slice(0, 6), edges: [toPointer(['nodes', 'start', 'transition'])] },
        findings: HOSTILE_IDS.slice(0, 20).map((id, index) => finding('GCF0' + (10 + index), index % 2 ? 'error' : 'warning', `about "${id}"\n<b>`, ['nodes', id])),
      },
      nodeIds: ids(hostileIdsFlow, HOSTILE_IDS_MISSING),
      edges: HOSTILE_IDS.length + 6,
    },
  ];
}
