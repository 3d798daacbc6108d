// A flow whose ids and texts try to break out of every diagram format: quotes, brackets, markup, keywords, line breaks.
import type { FlowDefinition } from '../../flow/schema.js';

export const HOSTILE_TEXT = '<script>window.__pwned=1</script> "quoted" [br]ack{e}ts #35; a|b `tick` \\N back\\slash\nnew line direction LR style:#f00;';

export const hostileFlow: FlowDefinition = {
  id: 'hostile"<flow>',
  version: 1,
  name: 'Hostile </title><script>window.__pwned=1</script>',
  status: 'draft',
  nodes: {
    start: { type: 'start', transition: 'end' },
    end: {
      type: 'action',
      label: HOSTILE_TEXT,
      actions: [
        { name: 'sendMessage', text: HOSTILE_TEXT },
        { name: 'set', variable: 'x"y', value: '<img src=x onerror="window.__pwned=1">' },
      ],
      transition: 'class',
    },
    class: {
      type: 'transition',
      conditions: [
        { variable: 'msg', condition: 'matches', value: '^(a|b)"]#[x]$', transition: 'a b"c' },
        { variable: 'msg', condition: 'equals', value: HOSTILE_TEXT, transition: '<img src=x onerror=alert(1)>' },
      ],
      transition: 'subgraph',
    },
    'a b"c': { type: 'webchat', message: HOSTILE_TEXT, waitForInput: { variable: 'reply' }, transition: 'subgraph' },
    '<img src=x onerror=alert(1)>': { type: 'end' },
    subgraph: { type: 'end', label: 'end' },
  },
};
