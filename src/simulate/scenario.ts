// Genesys Web Messaging Tester scenario files (`scenarios:` of `say` / `waitForReplyContaining` / `waitForReplyMatching` steps) as suites.
import type { LoadedFlow } from '../flow/load.js';
import { childPointer } from '../flow/pointer.js';
import { readSuiteSettings, SuiteReader, type ReplyExpectation, type SimulationSuite, type SuiteCase } from './suite.js';
import type { TranscriptTurn } from './transcript.js';

/** Whether parsed data is a Web Messaging Tester scenario file rather than a gcflow suite. */
export function isScenarioFile(data: Record<string, unknown>): boolean {
  return data.scenarios !== undefined && data.cases === undefined;
}

const STEP_KINDS = ['say', 'waitForReplyContaining', 'waitForReplyMatching'] as const;

/**
 * Reads a scenario file: each scenario becomes a case whose `say` steps are the customer's turns and whose wait
 * steps expect a flow reply after the latest `say` (replies in between may be skipped, as the live tester does).
 * The `config:` block (a live deployment) is kept but not used; the flow comes from `flow:` or the caller.
 */
export function parseScenarioFile(data: Record<string, unknown>, file: string, locate?: LoadedFlow['locate']): SimulationSuite {
  const reader = new SuiteReader(file, locate);
  reader.onlyKeys(data, '', ['config', 'scenarios', 'flow', 'profile', 'envFile', 'env', 'now'], 'a scenario file');
  const suite: SimulationSuite = { file, format: 'web-messaging-tester', cases: [], ...(locate ? { locate } : {}) };
  if (data.config !== undefined) suite.config = data.config;
  readSuiteSettings(reader, data, suite);
  const scenarios = reader.object(data.scenarios, '/scenarios', 'scenarios');
  for (const [name, steps] of Object.entries(scenarios)) {
    const pointer = childPointer('/scenarios', name);
    const transcript: TranscriptTurn[] = [];
    const replies: ReplyExpectation[] = [];
    reader.array(steps, pointer, `scenario "${name}"`).forEach((value, index) => {
      const at = childPointer(pointer, index);
      const stepData = reader.object(value, at, 'a scenario step');
      const kinds = Object.keys(stepData).filter((key) => (STEP_KINDS as readonly string[]).includes(key));
      if (kinds.length !== 1 || Object.keys(stepData).length !== 1) {
        reader.fail(at, `a scenario step has exactly one of ${STEP_KINDS.join(', ')}`);
      }
      const kind = kinds[0];
      const text = reader.string(typeof stepData[kind] === 'number' ? String(stepData[kind]) : stepData[kind], childPointer(at, kind), kind);
      if (kind === 'say') transcript.push({ from: 'customer', text });
      else if (kind === 'waitForReplyContaining') replies.push({ afterTurn: transcript.length - 1, containing: text, step: index });
      else replies.push({ afterTurn: transcript.length - 1, matching: text, step: index });
    });
    const item: SuiteCase = { name, pointer, transcript, expect: { replies } };
    suite.cases.push(item);
  }
  return suite;
}
