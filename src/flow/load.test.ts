import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFlowFile, parseJsonFlow, parseYamlFlow, LoadErrorCode } from './load.js';
import { GcflowError } from './diagnostic.js';

const dir = mkdtempSync(join(tmpdir(), 'gcflow-load-'));
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function loadError(path: string): Promise<GcflowError> {
  try {
    await loadFlowFile(path);
  } catch (error) {
    assert.ok(error instanceof GcflowError, `expected a GcflowError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the load to fail');
}

const jsonFlow = `{
  "id": "f",
  "version": 1,
  "nodes": {
    "start": { "type": "start", "transition": "done" },
    "done": {
      "type": "end"
    }
  }
}
`;

test('JSON pointers map to line:column of the value', () => {
  const loaded = parseJsonFlow(jsonFlow, 'f.json');
  assert.deepEqual(loaded.locate('/nodes/start/transition'), { line: 5, column: 47 });
  assert.deepEqual(loaded.locate('/nodes/done'), { line: 6, column: 13 });
  assert.deepEqual(loaded.locate('/nodes/done/transition'), { line: 6, column: 13 }, 'a missing member points at its parent');
});

const yamlFlow = `id: f
version: 1
nodes:
  start:
    type: start
    transition: done
  done:
    type: end
list:
  - a
  - b
`;

test('YAML pointers map to line:column, including array items', () => {
  const loaded = parseYamlFlow(yamlFlow, 'f.yaml');
  assert.deepEqual(loaded.locate('/nodes/start/transition'), { line: 6, column: 17 });
  assert.deepEqual(loaded.locate('/list/1'), { line: 11, column: 5 });
  assert.equal(loaded.data.version, 1);
});

const badInputs: Array<{ name: string; content: string | Uint8Array; code: string; message: RegExp; line?: number; column?: number }> = [
  { name: 'trailing.json', content: '{\n  "id": "f",\n  "version": 1,\n}\n', code: LoadErrorCode.jsonSyntax, message: /trailing comma/, line: 3, column: 15 },
  { name: 'comment.json', content: '{\n  // hello\n  "id": "f"\n}\n', code: LoadErrorCode.jsonSyntax, message: /comments/, line: 2, column: 3 },
  { name: 'empty.json', content: '  \n', code: LoadErrorCode.empty, message: /empty/ },
  { name: 'array.json', content: '[1, 2]', code: LoadErrorCode.notAnObject, message: /array/ },
  { name: 'scalar.yaml', content: 'just text\n', code: LoadErrorCode.notAnObject, message: /string/ },
  { name: 'dup.yaml', content: 'id: a\nname: b\nid: c\n', code: LoadErrorCode.yamlSyntax, message: /duplicate key/, line: 3, column: 1 },
  { name: 'bad-utf8.json', content: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), code: LoadErrorCode.invalidUtf8, message: /not valid UTF-8 \(first bad byte near byte 2\)/ },
  { name: 'flow.txt', content: '{}', code: LoadErrorCode.unsupportedFormat, message: /unsupported file type/ },
  {
    name: 'bomb.yaml',
    content: ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]', 'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]'].join('\n'),
    code: LoadErrorCode.yamlAliases,
    message: /alias bomb/,
  },
];

for (const bad of badInputs) {
  test(`bad input is a clean error: ${bad.name}`, async () => {
    const error = await loadError(file(bad.name, bad.content));
    assert.equal(error.code, bad.code);
    assert.match(error.message, bad.message);
    assert.equal(error.exitCode, 2);
    assert.ok(error.location.file?.endsWith(bad.name));
    if (bad.line !== undefined) assert.deepEqual([error.location.line, error.location.column], [bad.line, bad.column]);
  });
}

test('a byte-order mark is accepted', async () => {
  const loaded = await loadFlowFile(file('bom.json', `\uFEFF${jsonFlow}`));
  assert.equal(loaded.data.id, 'f');
});

test('a missing file and a directory are clean errors', async () => {
  assert.equal((await loadError(join(dir, 'nope.json'))).code, LoadErrorCode.notFound);
  const sub = join(dir, 'sub.json');
  mkdirSync(sub);
  assert.equal((await loadError(sub)).code, LoadErrorCode.isDirectory);
});

test('a file over 50 MB is refused before it is read', async () => {
  const big = file('big.json', '');
  const { truncateSync } = await import('node:fs');
  truncateSync(big, 50 * 1024 * 1024 + 1);
  assert.equal((await loadError(big)).code, LoadErrorCode.tooLarge);
});

test('TypeScript modules export a flow by default or as `flow`', async () => {
  const builderUrl = new URL('./builder.ts', import.meta.url).href;
  const a = file('a.flow.ts', `import { createWebMessagingFlow } from '${builderUrl}';\nexport default createWebMessagingFlow('x', 3);\n`);
  const b = file('b.flow.mjs', `export const flow = { id: 'y', version: 1, name: 'n', status: 'draft', nodes: {} };\n`);
  const c = file('c.flow.mjs', `export const other = 1;\n`);
  assert.equal((await loadFlowFile(a)).data.id, 'x');
  assert.equal((await loadFlowFile(b)).data.id, 'y');
  assert.equal((await loadError(c)).code, LoadErrorCode.moduleExport);
});
