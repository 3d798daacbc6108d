// A typed builder for flows: node kinds, action names, operators and transition targets are checked by the compiler.
import type {
  Action,
  ClassifyAction,
  Condition,
  ConditionOperator,
  DisconnectAction,
  FlowDefinition,
  FlowNode,
  FlowStatus,
  RouteAction,
  SendMessageAction,
  SetAction,
} from './schema.js';

type Scalar = string | number | boolean;
type ValuelessOperator = 'exists' | 'notExists';
type ValueOperator = Exclude<ConditionOperator, ValuelessOperator>;

/** A condition whose target node id is known to the compiler. */
export interface BuiltCondition<Target extends string> extends Condition {
  transition: Target;
}

/** `when('intent', 'equals', 'billing', 'billing_queue')`; `exists`/`notExists` take no value. */
export function when<T extends string>(variable: string, operator: ValuelessOperator, target: T): BuiltCondition<T>;
export function when<T extends string>(
  variable: string,
  operator: ValueOperator,
  value: Scalar,
  target: T,
  options?: { ignoreCase?: boolean },
): BuiltCondition<T>;
export function when<T extends string>(
  variable: string,
  operator: ConditionOperator,
  valueOrTarget: Scalar,
  target?: T,
  options?: { ignoreCase?: boolean },
): BuiltCondition<T> {
  if (operator === 'exists' || operator === 'notExists') {
    return { variable, condition: operator, transition: valueOrTarget as T };
  }
  return { variable, condition: operator, value: valueOrTarget, transition: target as T, ...(options?.ignoreCase ? { ignoreCase: true } : {}) };
}

export const set = (variable: string, value: Scalar): SetAction => ({ name: 'set', variable, value });
export const route = (queueId: string, queueName?: string): RouteAction =>
  queueName === undefined ? { name: 'route', queueId } : { name: 'route', queueId, queueName };
export const sendMessage = (text: string): SendMessageAction => ({ name: 'sendMessage', text });
export const classify = (options: Omit<ClassifyAction, 'name'>): ClassifyAction => ({ name: 'classify', ...options });
export const disconnect = (reason?: string): DisconnectAction => (reason === undefined ? { name: 'disconnect' } : { name: 'disconnect', reason });

export interface FlowMeta {
  id: string;
  version: number;
  name: string;
  status?: FlowStatus;
  type?: string;
  description?: string;
  division?: string;
}

export interface WebchatStep<Timeout extends string> {
  message?: string;
  waitForInput?: { variable: string; timeoutSeconds?: number; timeoutTransition?: Timeout };
}

/** The ids that are transitioned to but never declared; `build()` is a compile error until this is never. */
type Missing<Declared extends string, Referenced extends string> = Exclude<Referenced, Declared>;
type Fresh<Id extends string, Declared extends string> = Id extends Declared ? never : Id;

export class FlowBuilder<Declared extends string = never, Referenced extends string = never> {
  private readonly meta: FlowMeta;
  private readonly nodes: Record<string, FlowNode>;
  private readonly extras: Pick<FlowDefinition, 'applicationSettings' | 'environmentVariables' | 'inputs'>;

  constructor(meta: FlowMeta, nodes: Record<string, FlowNode> = {}, extras: FlowBuilder['extras'] = {}) {
    this.meta = meta;
    this.nodes = nodes;
    this.extras = extras;
  }

  private with<D extends string, R extends string>(id: string, node: FlowNode): FlowBuilder<D, R> {
    if (id in this.nodes) throw new Error(`node "${id}" is declared twice`);
    this.nodes[id] = node;
    return this as unknown as FlowBuilder<D, R>;
  }

  start<T extends string>(transition: T): FlowBuilder<Declared | 'start', Referenced | T> {
    return this.with('start', { type: 'start', transition });
  }

  action<I extends string, T extends string>(id: Fresh<I, Declared>, actions: Action[], transition: T): FlowBuilder<Declared | I, Referenced | T> {
    return this.with(id, { type: 'action', actions, transition });
  }

  branch<I extends string, C extends string, T extends string>(
    id: Fresh<I, Declared>,
    conditions: BuiltCondition<C>[],
    otherwise: T,
  ): FlowBuilder<Declared | I, Referenced | C | T> {
    return this.with(id, { type: 'transition', conditions, transition: otherwise });
  }

  webchat<I extends string, T extends string, W extends string = never>(
    id: Fresh<I, Declared>,
    step: WebchatStep<W>,
    transition: T,
  ): FlowBuilder<Declared | I, Referenced | T | W> {
    return this.with(id, { type: 'webchat', ...step, transition });
  }

  end<I extends string>(id: Fresh<I, Declared>): FlowBuilder<Declared | I, Referenced> {
    return this.with(id, { type: 'end' });
  }

  settings(applicationSettings: NonNullable<FlowDefinition['applicationSettings']>): this {
    this.extras.applicationSettings = applicationSettings;
    return this;
  }

  parameters(environmentVariables: Record<string, string>): this {
    this.extras.environmentVariables = environmentVariables;
    return this;
  }

  inputs(inputs: NonNullable<FlowDefinition['inputs']>): this {
    this.extras.inputs = inputs;
    return this;
  }

  /** The finished flow; a compile error names any transition target that was never declared. */
  build(this: [Missing<Declared, Referenced>] extends [never] ? FlowBuilder<Declared, Referenced> : { missingNodes: Missing<Declared, Referenced> }): FlowDefinition {
    const self = this as unknown as FlowBuilder<Declared, Referenced>;
    const { id, version, name, status = 'draft', ...rest } = self.meta;
    return { id, version, name, status, ...rest, nodes: { ...self.nodes }, ...self.extras };
  }
}

export function flow(meta: FlowMeta): FlowBuilder {
  return new FlowBuilder({ ...meta });
}

/** The seed document's example flow: web chat support that routes billing and technical intents to queues. */
export function createWebMessagingFlow(flowId: string, version: number): FlowDefinition {
  return flow({ id: flowId, version, name: 'WebChat Support Flow', status: 'draft' })
    .start('set_context')
    .action('set_context', [set('channel', 'webchat'), set('timestamp', '{now}')], 'route_intent')
    .branch(
      'route_intent',
      [when('intent', 'equals', 'billing', 'billing_queue'), when('intent', 'equals', 'technical', 'tech_queue')],
      'default_end',
    )
    .action('billing_queue', [route('{billing_queue_id}')], 'default_end')
    .action('tech_queue', [route('{tech_queue_id}')], 'default_end')
    .end('default_end')
    .settings({ webchat: { title: 'Customer Support', showPoweredBy: false } })
    .parameters({ billing_queue_id: '{env.BILLING_QUEUE_ID}', tech_queue_id: '{env.TECH_QUEUE_ID}' })
    .build();
}
