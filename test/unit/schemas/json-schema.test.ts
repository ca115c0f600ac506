// The JSON Schemas in docs/ are generated from the zod schemas: fail when a committed one is stale.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CASE_SCHEMA_PATH, EVIDENCE_SCHEMA_PATH, caseJsonSchema, evidenceJsonSchema } from '../../../scripts/generate-schemas';

it('docs/case.schema.json is what scripts/generate-schemas.ts writes (run it after changing the schema)', () => {
  expect(readFileSync(CASE_SCHEMA_PATH, 'utf8')).toBe(caseJsonSchema());
});

it('docs/evidence.schema.json is what scripts/generate-schemas.ts writes (run it after changing the schema)', () => {
  expect(readFileSync(EVIDENCE_SCHEMA_PATH, 'utf8')).toBe(evidenceJsonSchema());
});
