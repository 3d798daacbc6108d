// The text, JSON and SARIF formats of a validation report, and the outcome that decides the exit code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GcflowError } from '../flow/diagnostic.js';
import { formatValidationJson } from './format-json.js';
import { formatValidationSarif } from './format-sarif.js';
import { formatValidationText, type TextColors } from './format-text.js';
import { validate } from './validate.js';
import { fileValidation, summarizeValidation, unreadableFile, validationOutcome } from './validation-report.js';

const flow = {
  id: 'f',
  version: 1,
  name: 'n',
  status: 'draft',
  nodes: { start: { type: 'start', transition: 'nowhere' }, orphan: { type: 'end' } },
};
const withFindings = fileValidation('a.flow.json', validate(flow));
const clean = fileValidation('b.flow.json', validate({ ...flow, nodes: { start: { type: 'start', transition: 'done' }, done: { type: 'end' } } }));
const unreadable = unreadableFile('c.flow.json', new GcflowError('GCF906', 'JSON does not allow a trailing comma; remove it', { file: 'c.flow.json', line: 3, column: 15 }));

test('text: grouped by file with aligned columns, clean files left out, a counted summary', () => {
  const text = formatValidationText(summarizeValidation([withFindings, clean]));
  assert.equal(
    text,
    [
      'a.flow.json',
      '  a.flow.json#/nodes/start/transition  error    node "start" transitions to "nowhere", but there is no node "nowhere"; add that node or fix the id  GCF003',
      '  a.flow.json#/nodes/orphan            warning  node "orphan" can never be reached from start; transition to it from another node or remove it  GCF004',
      '',
      '✖ 1 error, 1 warning in 2 files',
      '',
    ].join('\n'),
  );
  assert.equal(formatValidationText(summarizeValidation([clean])), '✔ no problems in 1 file\n');
  assert.match(formatValidationText(summarizeValidation([clean, unreadable])), /^✖ 0 errors, 0 warnings in 2 files, 1 file could not be checked\n$/);
});

test('text: colours come from the functions passed in (the caller decides whether a terminal gets them)', () => {
  const tag = (name: string) => (text: string) => `<${name}>${text}</${name}>`;
  const colors: TextColors = { red: tag('r'), yellow: tag('y'), green: tag('g'), dim: tag('d'), bold: tag('b'), underline: tag('u') };
  const text = formatValidationText(summarizeValidation([withFindings]), colors);
  assert.match(text, /^<u>a\.flow\.json<\/u>\n {2}<d>a\.flow\.json#\/nodes\/start\/transition<\/d> {2}<r>error {2}<\/r>/);
  assert.match(text, /<b><r>✖<\/r> 1 error, 1 warning in 1 file<\/b>\n$/);
});

test('outcome: errors fail, warnings fail only with strict, an unreadable file wins', () => {
  const warningsOnly = fileValidation('w.json', { valid: true, errorCount: 0, warningCount: 1, findings: [] });
  assert.equal(validationOutcome(summarizeValidation([clean])), 'passed');
  assert.equal(validationOutcome(summarizeValidation([warningsOnly])), 'passed');
  assert.equal(validationOutcome(summarizeValidation([warningsOnly]), { strict: true }), 'failed');
  assert.equal(validationOutcome(summarizeValidation([withFindings])), 'failed');
  assert.equal(validationOutcome(summarizeValidation([withFindings, unreadable])), 'unreadable');
});

test('json: the unreadable file is a file entry with its input error as the one finding', () => {
  const document = JSON.parse(formatValidationJson(summarizeValidation([clean, unreadable]), { strict: true }));
  assert.equal(document.valid, false);
  assert.equal(document.strict, true);
  assert.deepEqual(document.files[1], {
    file: 'c.flow.json',
    valid: false,
    unreadable: true,
    errorCount: 1,
    warningCount: 0,
    findings: [{ code: 'GCF906', severity: 'error', message: 'JSON does not allow a trailing comma; remove it', line: 3, column: 15 }],
  });
});

test('sarif: every result points at a rule by id and index; input errors get a rule of their own', () => {
  const log = JSON.parse(formatValidationSarif(summarizeValidation([withFindings, unreadable]), { toolVersion: '1.2.3', artifactUri: (file) => `flows/${file}` }));
  const { driver } = log.runs[0].tool;
  assert.equal(driver.version, '1.2.3');
  for (const result of log.runs[0].results) {
    assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
    assert.ok(['error', 'warning'].includes(result.level));
    assert.ok(result.locations[0].physicalLocation.region.startLine >= 1);
  }
  const input = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'GCF906');
  assert.deepEqual(input.locations[0].physicalLocation, { artifactLocation: { uri: 'flows/c.flow.json' }, region: { startLine: 3, startColumn: 15 } });
});
