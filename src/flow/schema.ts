// The flow format: one TypeBox source from which both the TypeScript types and the JSON Schema come.
import { Type, type Static, type TSchema, type TUnion } from '@sinclair/typebox';

/** A oneOf with a discriminator, so validators and editors report the branch by its tag. */
function Tagged<T extends TSchema[]>(propertyName: string, variants: [...T], options: Record<string, unknown> = {}): TUnion<T> {
  const union = Type.Union(variants);
  const { anyOf, ...rest } = union as unknown as { anyOf: TSchema[] } & Record<string, unknown>;
  return { ...rest, ...options, oneOf: anyOf, discriminator: { propertyName } } as unknown as TUnion<T>;
}

const NodeId = Type.String({ minLength: 1, description: 'The id of a node in this flow.' });
const Scalar = Type.Union([Type.String(), Type.Number(), Type.Boolean()]);

export const CONDITION_OPERATORS = [
  'equals',
  'notEquals',
  'contains',
  'startsWith',
  'endsWith',
  'matches',
  'greaterThan',
  'lessThan',
  'exists',
  'notExists',
] as const;

export const ConditionOperatorSchema = Type.Union(
  CONDITION_OPERATORS.map((op) => Type.Literal(op)),
  { description: 'How the variable is compared with the value.' },
);

export const ConditionSchema = Type.Object(
  {
    variable: Type.String({ minLength: 1, description: 'The variable to test, e.g. intent.' }),
    condition: ConditionOperatorSchema,
    value: Type.Optional(Scalar),
    ignoreCase: Type.Optional(Type.Boolean({ description: 'Compare strings case-insensitively.' })),
    transition: NodeId,
  },
  { additionalProperties: false, description: 'A branch: the first condition that matches wins.' },
);

export const SetActionSchema = Type.Object(
  {
    name: Type.Literal('set'),
    variable: Type.String({ minLength: 1 }),
    value: Scalar,
  },
  { additionalProperties: false, description: 'Set a flow variable; placeholders in value are resolved.' },
);

export const RouteActionSchema = Type.Object(
  {
    name: Type.Literal('route'),
    queueId: Type.String({ minLength: 1 }),
    queueName: Type.Optional(Type.String()),
  },
  { additionalProperties: false, description: 'Hand the conversation to a queue.' },
);

export const SendMessageActionSchema = Type.Object(
  {
    name: Type.Literal('sendMessage'),
    text: Type.String(),
  },
  { additionalProperties: false, description: 'Send a message to the customer.' },
);

export const ClassifyActionSchema = Type.Object(
  {
    name: Type.Literal('classify'),
    variable: Type.Optional(Type.String({ minLength: 1, default: 'intent' })),
    input: Type.Optional(Type.String({ default: '{message}' })),
    intents: Type.Record(Type.String(), Type.Array(Type.String()), {
      description: 'Intent name to keywords or /regex/flags strings; the first intent in order that matches wins.',
    }),
    fallback: Type.Optional(Type.String()),
  },
  { additionalProperties: false, description: 'Classify the customer message into an intent.' },
);

export const DisconnectActionSchema = Type.Object(
  {
    name: Type.Literal('disconnect'),
    reason: Type.Optional(Type.String()),
  },
  { additionalProperties: false, description: 'End the conversation.' },
);

export const ACTION_NAMES = ['set', 'route', 'sendMessage', 'classify', 'disconnect'] as const;

export const ActionSchema = Tagged('name', [
  SetActionSchema,
  RouteActionSchema,
  SendMessageActionSchema,
  ClassifyActionSchema,
  DisconnectActionSchema,
]);

const NodeCommon = {
  label: Type.Optional(Type.String({ description: 'A human name for diagrams.' })),
  description: Type.Optional(Type.String()),
};

export const StartNodeSchema = Type.Object(
  { type: Type.Literal('start'), transition: NodeId, ...NodeCommon },
  { additionalProperties: false, description: 'The entry point: the node with id start.' },
);

export const ActionNodeSchema = Type.Object(
  { type: Type.Literal('action'), actions: Type.Array(ActionSchema), transition: NodeId, ...NodeCommon },
  { additionalProperties: false, description: 'Runs its actions in order, then transitions.' },
);

export const TransitionNodeSchema = Type.Object(
  { type: Type.Literal('transition'), conditions: Type.Array(ConditionSchema), transition: NodeId, ...NodeCommon },
  { additionalProperties: false, description: 'Branches on conditions; transition is the default branch.' },
);

export const WaitForInputSchema = Type.Object(
  {
    variable: Type.String({ minLength: 1, description: 'Where the customer reply is stored (it is also in message).' }),
    timeoutSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    timeoutTransition: Type.Optional(NodeId),
  },
  { additionalProperties: false },
);

export const WebchatNodeSchema = Type.Object(
  {
    type: Type.Literal('webchat'),
    message: Type.Optional(Type.String({ description: 'Sent to the customer.' })),
    waitForInput: Type.Optional(WaitForInputSchema),
    transition: NodeId,
    ...NodeCommon,
  },
  { additionalProperties: false, description: 'A step of the web-messaging channel.' },
);

export const EndNodeSchema = Type.Object(
  { type: Type.Literal('end'), ...NodeCommon },
  { additionalProperties: false, description: 'Ends the flow.' },
);

export const NODE_TYPES = ['start', 'action', 'transition', 'webchat', 'end'] as const;

export const NodeSchema = Tagged('type', [
  StartNodeSchema,
  ActionNodeSchema,
  TransitionNodeSchema,
  WebchatNodeSchema,
  EndNodeSchema,
]);

export const FLOW_STATUSES = ['draft', 'published', 'scheduled'] as const;

export const FlowSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    id: Type.String({ minLength: 1 }),
    version: Type.Integer({ minimum: 0, description: 'The optimistic-lock counter.' }),
    name: Type.String({ minLength: 1 }),
    status: Type.Union(FLOW_STATUSES.map((s) => Type.Literal(s))),
    type: Type.Optional(Type.String({ default: 'inboundshortmessage' })),
    description: Type.Optional(Type.String()),
    division: Type.Optional(Type.String()),
    inputs: Type.Optional(
      Type.Record(
        Type.String(),
        Type.Object({ description: Type.Optional(Type.String()), default: Type.Optional(Scalar) }, { additionalProperties: false }),
        { description: 'Variables the conversation starts with (participant data).' },
      ),
    ),
    nodes: Type.Record(Type.String({ minLength: 1 }), NodeSchema),
    applicationSettings: Type.Optional(
      Type.Object(
        {
          webchat: Type.Optional(
            Type.Object(
              { title: Type.Optional(Type.String()), showPoweredBy: Type.Optional(Type.Boolean()) },
              { additionalProperties: true },
            ),
          ),
        },
        { additionalProperties: true },
      ),
    ),
    environmentVariables: Type.Optional(
      Type.Record(Type.String(), Type.String(), { description: 'Flow parameters; values may be {env.NAME}.' }),
    ),
  },
  {
    $id: 'https://gcflow.dev/schema/flow.schema.json',
    title: 'gcflow Web Messaging flow',
    additionalProperties: false,
  },
);

export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];
export type Condition = Static<typeof ConditionSchema>;
export type SetAction = Static<typeof SetActionSchema>;
export type RouteAction = Static<typeof RouteActionSchema>;
export type SendMessageAction = Static<typeof SendMessageActionSchema>;
export type ClassifyAction = Static<typeof ClassifyActionSchema>;
export type DisconnectAction = Static<typeof DisconnectActionSchema>;
export type Action = SetAction | RouteAction | SendMessageAction | ClassifyAction | DisconnectAction;
export type ActionName = Action['name'];
export type StartNode = Static<typeof StartNodeSchema>;
export type ActionNode = Static<typeof ActionNodeSchema>;
export type TransitionNode = Static<typeof TransitionNodeSchema>;
export type WaitForInput = Static<typeof WaitForInputSchema>;
export type WebchatNode = Static<typeof WebchatNodeSchema>;
export type EndNode = Static<typeof EndNodeSchema>;
export type FlowNode = StartNode | ActionNode | TransitionNode | WebchatNode | EndNode;
export type NodeType = FlowNode['type'];
export type FlowStatus = (typeof FLOW_STATUSES)[number];
export type FlowDefinition = Omit<Static<typeof FlowSchema>, 'nodes'> & { nodes: Record<string, FlowNode> };

/** The JSON Schema document written to schema/flow.schema.json. */
export function flowJsonSchema(): Record<string, unknown> {
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...JSON.parse(JSON.stringify(FlowSchema)) };
}
