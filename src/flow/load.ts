// Loading flows from .json, .yaml/.yml and TypeScript/JavaScript modules, keeping a way back to line:column.
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as jsonc from 'jsonc-parser';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { GcflowError } from './diagnostic.js';
import { fromPointer } from './pointer.js';

export const MAX_FLOW_FILE_BYTES = 50 * 1024 * 1024;
/** Aliases a YAML file may expand; more is refused as a resource-exhaustion (alias bomb) attempt. */
export const MAX_YAML_ALIASES = 100;

export type FlowFileFormat = 'json' | 'yaml' | 'module';

export interface LineColumn {
  line: number;
  column: number;
}

export interface LoadedFlow {
  /** The file as the user named it (or `<input>`). */
  file: string;
  format: FlowFileFormat;
  /** The parsed top level: always a plain object, not yet validated against the flow schema. */
  data: Record<string, unknown>;
  /** Where a JSON pointer sits in the source; the nearest existing ancestor when the target is missing. */
  locate(pointer: string): LineColumn | undefined;
}

/** Error codes for input that cannot be read as a flow. */
export const LoadErrorCode = {
  notFound: 'GCF901',
  isDirectory: 'GCF902',
  tooLarge: 'GCF903',
  empty: 'GCF904',
  invalidUtf8: 'GCF905',
  jsonSyntax: 'GCF906',
  yamlSyntax: 'GCF907',
  yamlAliases: 'GCF908',
  notAnObject: 'GCF909',
  unsupportedFormat: 'GCF910',
  moduleExport: 'GCF911',
  unreadable: 'GCF912',
} as const;

/** Maps offsets to 1-based line:column. */
export function lineIndex(text: string): (offset: number) => LineColumn {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}

export function formatOf(file: string): FlowFileFormat | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (['.ts', '.mts', '.js', '.mjs'].includes(ext)) return 'module';
  return undefined;
}

function requireObject(data: unknown, file: string, locate: (pointer: string) => LineColumn | undefined): Record<string, unknown> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const kind = data === null ? 'null' : Array.isArray(data) ? 'an array' : `a ${typeof data}`;
    throw new GcflowError(
      LoadErrorCode.notAnObject,
      `the top level of a flow must be an object with id, version, name, status and nodes, but this is ${kind}`,
      { file, pointer: '', ...locate('') },
    );
  }
  return data as Record<string, unknown>;
}

function describeJsonError(code: jsonc.ParseErrorCode): string {
  switch (code) {
    case jsonc.ParseErrorCode.InvalidCommentToken:
      return 'JSON does not allow comments; remove it (or write the flow as YAML)';
    case jsonc.ParseErrorCode.UnexpectedEndOfComment:
      return 'unterminated comment; JSON does not allow comments';
    case jsonc.ParseErrorCode.UnexpectedEndOfString:
      return 'unterminated string';
    case jsonc.ParseErrorCode.InvalidSymbol:
      return 'unexpected character';
    case jsonc.ParseErrorCode.InvalidEscapeCharacter:
      return 'invalid escape sequence in string';
    case jsonc.ParseErrorCode.InvalidCharacter:
      return 'invalid character in string (control characters must be escaped)';
    case jsonc.ParseErrorCode.CommaExpected:
      return 'a comma is missing here';
    case jsonc.ParseErrorCode.ColonExpected:
      return 'a colon is missing after the property name';
    case jsonc.ParseErrorCode.PropertyNameExpected:
      return 'a property name in double quotes was expected';
    case jsonc.ParseErrorCode.ValueExpected:
      return 'a value was expected';
    case jsonc.ParseErrorCode.CloseBraceExpected:
      return 'a closing } is missing';
    case jsonc.ParseErrorCode.CloseBracketExpected:
      return 'a closing ] is missing';
    case jsonc.ParseErrorCode.EndOfFileExpected:
      return 'unexpected content after the end of the JSON value';
    default:
      return jsonc.printParseErrorCode(code);
  }
}

/** Parses JSON text as a flow source. Pure: throws GcflowError (GCF906/GCF909) for bad input. */
export function parseJsonFlow(text: string, file = '<input>'): LoadedFlow {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const toLineColumn = lineIndex(text);
    const errors: jsonc.ParseError[] = [];
    jsonc.parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (!first) throw new GcflowError(LoadErrorCode.jsonSyntax, 'the file is not valid JSON', { file });
    const lenient: jsonc.ParseError[] = [];
    jsonc.parse(text, lenient, { disallowComments: true, allowTrailingComma: true });
    const trailingComma = lenient.length === 0 || lenient[0].offset > first.offset;
    let offset = first.offset;
    let message = describeJsonError(first.error);
    if (trailingComma && first.error !== jsonc.ParseErrorCode.InvalidCommentToken) {
      const comma = text.lastIndexOf(',', first.offset);
      if (comma >= 0) offset = comma;
      message = 'JSON does not allow a trailing comma; remove it';
    }
    throw new GcflowError(LoadErrorCode.jsonSyntax, message, { file, ...toLineColumn(offset) });
  }
  let tree: jsonc.Node | undefined;
  let toLineColumn: ((offset: number) => LineColumn) | undefined;
  const locate = (pointer: string): LineColumn | undefined => {
    tree ??= jsonc.parseTree(text);
    toLineColumn ??= lineIndex(text);
    if (!tree) return undefined;
    let node: jsonc.Node = tree;
    for (const segment of fromPointer(pointer)) {
      let next: jsonc.Node | undefined;
      if (node.type === 'object') {
        const property = node.children?.find((p) => p.children?.[0]?.value === segment);
        next = property?.children?.[1];
      } else if (node.type === 'array' && /^\d+$/.test(segment)) {
        next = node.children?.[Number(segment)];
      }
      if (!next) break;
      node = next;
    }
    return toLineColumn(node.offset);
  };
  return { file, format: 'json', data: requireObject(data, file, locate), locate };
}

// Loaded on first use: most runs read JSON, and the YAML parser is a large share of a cold start.
let yamlModule: typeof Yaml | undefined;
function yaml(): typeof Yaml {
  yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return yamlModule;
}

function findYamlNode(doc: Yaml.Document, pointer: string): Yaml.Node | undefined {
  const { isMap, isSeq, isScalar, isPair } = yaml();
  let node: unknown = doc.contents;
  let last: Yaml.Node | undefined = isScalar(node) || isMap(node) || isSeq(node) ? node : undefined;
  for (const segment of fromPointer(pointer)) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
      next = pair?.value;
    } else if (isSeq(node) && /^\d+$/.test(segment)) {
      next = node.items[Number(segment)];
    }
    if (!(isScalar(next) || isMap(next) || isSeq(next))) break;
    node = next;
    last = next;
  }
  return last;
}

/** Parses YAML text as a flow source. Pure: throws GcflowError (GCF907/GCF908/GCF909) for bad input. */
export function parseYamlFlow(text: string, file = '<input>'): LoadedFlow {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const problem = doc.errors[0];
  if (problem) {
    const { line, col } = lineCounter.linePos(problem.pos[0]);
    const duplicate = problem.code === 'DUPLICATE_KEY';
    const message = duplicate
      ? `duplicate key: ${problem.message.replace(/\s+at line.*$/s, '').replace(/^Map keys must be unique/, 'map keys must be unique')}`
      : `invalid YAML: ${problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`;
    throw new GcflowError(LoadErrorCode.yamlSyntax, message, { file, line, column: col });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message)) {
      throw new GcflowError(
        LoadErrorCode.yamlAliases,
        `the YAML expands more than ${MAX_YAML_ALIASES} aliases, which looks like an alias bomb; write the values out instead`,
        { file },
      );
    }
    throw new GcflowError(LoadErrorCode.yamlSyntax, `invalid YAML: ${message}`, { file });
  }
  const locate = (pointer: string): LineColumn | undefined => {
    const node = findYamlNode(doc, pointer);
    if (!node?.range) return undefined;
    const { line, col } = lineCounter.linePos(node.range[0]);
    return { line, column: col };
  };
  return { file, format: 'yaml', data: requireObject(data, file, locate), locate };
}

/** Decodes file bytes as UTF-8 text (a byte-order mark is accepted and dropped). */
export function decodeFlowBytes(bytes: Uint8Array, file: string): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text = buffer.toString('utf8');
  // Decoding replaces bad bytes with U+FFFD, so only text that holds one needs the strict check.
  if (text.includes('\uFFFD') && !isUtf8(buffer)) {
    let offset = 0;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    try {
      for (; offset < bytes.length; offset++) decoder.decode(bytes.subarray(offset, offset + 1), { stream: true });
    } catch {
      // offset is the byte at which the text stopped being UTF-8
    }
    throw new GcflowError(LoadErrorCode.invalidUtf8, `the file is not valid UTF-8 (first bad byte near byte ${offset}); save it as UTF-8`, { file });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new GcflowError(LoadErrorCode.empty, 'the file is empty; a flow needs at least id, version, name, status and nodes', { file });
  return text;
}

/** Parses text as a flow source in the given format. */
export function parseFlowText(text: string, format: 'json' | 'yaml', file = '<input>'): LoadedFlow {
  return format === 'json' ? parseJsonFlow(text, file) : parseYamlFlow(text, file);
}

async function loadModule(file: string): Promise<LoadedFlow> {
  const url = pathToFileURL(resolve(file)).href;
  let mod: Record<string, unknown>;
  try {
    if (/\.m?ts$/i.test(file)) {
      const { tsImport } = await import('tsx/esm/api');
      mod = (await tsImport(url, import.meta.url)) as Record<string, unknown>;
    } else {
      mod = (await import(url)) as Record<string, unknown>;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new GcflowError(LoadErrorCode.moduleExport, `the module could not be loaded: ${message}`, { file });
  }
  let exported = mod.default ?? mod.flow;
  if (exported && typeof exported === 'object' && 'default' in exported && !('nodes' in exported)) {
    exported = (exported as Record<string, unknown>).default ?? (exported as Record<string, unknown>).flow;
  }
  if (exported && typeof exported === 'object' && typeof (exported as { build?: unknown }).build === 'function') {
    exported = (exported as { build: () => unknown }).build();
  }
  if (exported === undefined) {
    throw new GcflowError(LoadErrorCode.moduleExport, 'the module exports no flow: export it as the default export or as `flow`', { file });
  }
  const locate = (): undefined => undefined;
  return { file, format: 'module', data: requireObject(exported, file, locate), locate };
}

/** Reads a flow file of any supported format. Throws GcflowError (exit code 2) for anything unreadable. */
export async function loadFlowFile(file: string): Promise<LoadedFlow> {
  const format = formatOf(file);
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new GcflowError(LoadErrorCode.notFound, 'no such file', { file });
    throw new GcflowError(LoadErrorCode.unreadable, `the file cannot be read (${code ?? 'unknown error'})`, { file });
  }
  if (info.isDirectory()) throw new GcflowError(LoadErrorCode.isDirectory, 'this is a directory; name a flow file (.json, .yaml, .yml, .ts, .js)', { file });
  if (info.size > MAX_FLOW_FILE_BYTES) {
    throw new GcflowError(LoadErrorCode.tooLarge, `the file is ${(info.size / 1048576).toFixed(1)} MB; flows over ${MAX_FLOW_FILE_BYTES / 1048576} MB are refused`, { file });
  }
  if (!format) throw new GcflowError(LoadErrorCode.unsupportedFormat, `unsupported file type "${extname(file) || '(none)'}"; use .json, .yaml, .yml, .ts, .mts, .js or .mjs`, { file });
  if (format === 'module') return loadModule(file);
  let bytes: Uint8Array;
  try {
    // One synchronous read: a large file arrives several times faster than in the async API's 512 KB round trips.
    bytes = readFileSync(file);
  } catch (error) {
    throw new GcflowError(LoadErrorCode.unreadable, `the file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`, { file });
  }
  return parseFlowText(decodeFlowBytes(bytes, file), format, file);
}
