// GCF001: the flow must match the flow JSON Schema (Ajv standalone code generated from src/flow/schema.ts).
import type { ErrorObject } from 'ajv';
import { childPointer, fromPointer } from '../../flow/pointer.js';
import type { Check } from '../check.js';
import { describeValue, isRecord } from '../flow-model.js';
import * as generated from '../flow-schema.generated.js';

type SchemaValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
const validateSchema = generated.validate as SchemaValidator;
const vocabulary = generated.vocabulary as { nodeTypes: string[]; actionNames: string[]; conditionOperators: string[] };

const TAG_VALUES: Record<string, string[]> = { type: vocabulary.nodeTypes, name: vocabulary.actionNames };

function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const segment of fromPointer(pointer)) {
    if (Array.isArray(value)) value = value[Number(segment)];
    else if (isRecord(value)) value = value[segment];
    else return undefined;
  }
  return value;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' && !Number.isInteger(value)) return 'a fractional number';
  return `a ${typeof value}`;
}

function article(type: string): string {
  return type === 'integer' ? 'a whole number' : type === 'object' || type === 'array' ? `an ${type}` : `a ${type}`;
}

function nameOf(pointer: string): string {
  const segments = fromPointer(pointer);
  const last = segments[segments.length - 1];
  if (last === undefined) return 'the flow';
  return /^\d+$/.test(last) ? `item ${last} of "${segments[segments.length - 2] ?? ''}"` : `"${last}"`;
}

/** Turns the Ajv errors at one pointer into one sentence that says how to fix the value. */
function describe(pointer: string, errors: ErrorObject[], data: unknown): string {
  const found = valueAt(data, pointer);
  const name = nameOf(pointer);
  const constants = errors.filter((e) => e.keyword === 'const').map((e) => JSON.stringify((e.params as { allowedValue: unknown }).allowedValue));
  if (constants.length > 0) return `${name} must be one of ${constants.join(', ')}, not ${describeValue(found)}`;
  const types = [...new Set(errors.filter((e) => e.keyword === 'type').map((e) => String((e.params as { type: string }).type)))];
  if (types.length > 0) return `${name} must be ${types.map(article).join(' or ')}, not ${kindOf(found)}`;
  const error = errors.find((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf') ?? errors[0];
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'minLength':
      return `${name} must not be empty`;
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return `${name} must be ${String(params.comparison)} ${String(params.limit)}, not ${describeValue(found)}`;
    default:
      return `${name} ${error.message ?? 'is not valid'}`;
  }
}

export const schema: Check = {
  meta: {
    code: 'GCF001',
    name: 'schema',
    severity: 'error',
    description: 'The flow must match the flow JSON Schema (schema/flow.schema.json).',
    messages: {
      required: '"{{property}}" is required here; add it',
      unknownProperty: 'unknown property "{{property}}"; remove it or fix its spelling',
      missingTag: 'this has no "{{tag}}"; set it to one of {{allowed}}',
      unknownTag: 'unknown {{tag}} {{value}}; use one of {{allowed}}',
      invalid: '{{text}}',
    },
  },
  check(context) {
    if (validateSchema(context.raw)) return;
    const grouped = new Map<string, ErrorObject[]>();
    for (const error of validateSchema.errors ?? []) {
      const params = error.params as Record<string, unknown>;
      if (error.keyword === 'required') {
        context.report({ messageId: 'required', pointer: childPointer(error.instancePath, String(params.missingProperty)), data: { property: String(params.missingProperty) } });
      } else if (error.keyword === 'additionalProperties') {
        context.report({ messageId: 'unknownProperty', pointer: childPointer(error.instancePath, String(params.additionalProperty)), data: { property: String(params.additionalProperty) } });
      } else if (error.keyword === 'discriminator') {
        const tag = String(params.tag);
        const allowed = (TAG_VALUES[tag] ?? []).join(', ');
        const pointer = childPointer(error.instancePath, tag);
        if (params.error === 'mapping') context.report({ messageId: 'unknownTag', pointer, data: { tag, value: describeValue(params.tagValue), allowed } });
        else context.report({ messageId: 'missingTag', pointer, data: { tag, allowed } });
      } else {
        const list = grouped.get(error.instancePath) ?? [];
        list.push(error);
        grouped.set(error.instancePath, list);
      }
    }
    for (const [pointer, errors] of grouped) context.report({ messageId: 'invalid', pointer, data: { text: describe(pointer, errors, context.raw) } });
  },
};
