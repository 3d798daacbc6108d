// Every check gcflow runs, in code order; adding a check means adding its file and one line here.
import type { Check } from '../check.js';
import { actionFields } from './action-fields.js';
import { conditionOperator } from './condition-operator.js';
import { cycleWithoutWait } from './cycle-without-wait.js';
import { endWithTransition } from './end-with-transition.js';
import { invalidRegex } from './invalid-regex.js';
import { missingEnvValue } from './missing-env-value.js';
import { missingTransition } from './missing-transition.js';
import { noPathToEnd } from './no-path-to-end.js';
import { nodeType } from './node-type.js';
import { schema } from './schema.js';
import { shadowedCondition } from './shadowed-condition.js';
import { startNode } from './start-node.js';
import { transitionTarget } from './transition-target.js';
import { unknownAction } from './unknown-action.js';
import { unknownPlaceholder } from './unknown-placeholder.js';
import { unreachableNode } from './unreachable-node.js';
import { unsetVariable } from './unset-variable.js';

export const checks: readonly Check[] = [
  schema,
  startNode,
  transitionTarget,
  unreachableNode,
  noPathToEnd,
  cycleWithoutWait,
  endWithTransition,
  missingTransition,
  unknownAction,
  actionFields,
  conditionOperator,
  invalidRegex,
  shadowedCondition,
  unsetVariable,
  unknownPlaceholder,
  missingEnvValue,
  nodeType,
];

/** The schema check's code: its findings give way to a more specific finding at the same pointer. */
export const SCHEMA_CODE = schema.meta.code;
