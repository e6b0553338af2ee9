/** Writes scenarios/schema.json from the scenario zod schema, so editors can autocomplete scenario files. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchema } from '../src/lib/engine/scenario/index';

const target = fileURLToPath(new URL('../scenarios/schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(scenarioJsonSchema(), null, '\t')}\n`);
process.stdout.write(`wrote ${target}\n`);
