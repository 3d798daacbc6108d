// Runs every table-driven fixture in testdata/GCF0xx.json: a flow per case and exactly the findings expected of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { validate } from './validate.js';
import { checks } from './checks/registry.js';

interface FixtureCase {
  name: string;
  flow: unknown;
  /** When true, `flow` is used as written; otherwise id, version, name and status are filled in. */
  bare?: boolean;
  env?: Record<string, string>;
  expect: Array<{ code: string; pointer: string }>;
}

const dir = new URL('./testdata/', import.meta.url);
const fixtures = readdirSync(dir).filter((file) => /^GCF\d{3}\.json$/.test(file)).sort();

test('every check has a fixture file, and every fixture names a registered check', () => {
  assert.deepEqual(fixtures.map((file) => file.replace('.json', '')), checks.map((check) => check.meta.code).sort());
  for (const file of fixtures) {
    const { check } = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { check: string };
    assert.equal(checks.find((c) => c.meta.code === file.replace('.json', ''))?.meta.name, check, file);
  }
});

for (const file of fixtures) {
  const code = file.replace('.json', '');
  const { cases } = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { cases: FixtureCase[] };
  for (const fixture of cases) {
    test(`${code}: ${fixture.name}`, () => {
      const flow = fixture.bare ? fixture.flow : { id: 'fixture', version: 1, name: 'Fixture', status: 'draft', ...(fixture.flow as object) };
      const result = validate(flow, { env: fixture.env });
      const got = result.findings.map((finding) => ({ code: finding.code, pointer: finding.pointer }));
      assert.deepEqual(got, fixture.expect, result.findings.map((f) => `${f.code} ${f.pointer} ${f.message}`).join('\n'));
      for (const finding of result.findings) {
        const check = checks.find((c) => c.meta.code === finding.code);
        assert.equal(finding.severity, check?.meta.severity, `${finding.code} has its check's severity`);
        assert.doesNotMatch(finding.message, /\{\{/, 'every template slot is filled');
      }
    });
  }
}
