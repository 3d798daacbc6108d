// Writes schema/flow.schema.json from the compiled TypeBox source (run by `npm run build`).
import { writeFileSync, mkdirSync } from 'node:fs';
import { flowJsonSchema } from '../dist/flow/schema.js';

mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
writeFileSync(new URL('../schema/flow.schema.json', import.meta.url), `${JSON.stringify(flowJsonSchema(), null, 2)}\n`);
