// docs/case.schema.json is generated from the zod CaseFile: fail when the committed file is stale.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CASE_SCHEMA_PATH, caseJsonSchema } from '../../../scripts/generate-schemas';

it('docs/case.schema.json is what scripts/generate-schemas.ts writes (run it after changing the schema)', () => {
  expect(readFileSync(CASE_SCHEMA_PATH, 'utf8')).toBe(caseJsonSchema());
});
