import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The documented JSON Schema of justera-protokoll/1 (schemas/), and its validator (ajv, strict). */
export const PROTOKOLL_SCHEMA = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'schemas', 'justera-protokoll-1.schema.json'), 'utf8')) as Record<string, unknown>;
export const validateProtokoll = new Ajv2020({ strict: true, allErrors: true }).compile(PROTOKOLL_SCHEMA);
