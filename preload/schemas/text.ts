// Text fields shared by every schema. Messages are i18n keys (validation.*), never prose.
import { z } from 'zod';

// Control characters, and lone UTF-16 surrogates: text cannot hold those as UTF-8, so SQLite would
// keep U+FFFD in a column (the case list) while the section's JSON kept the original, and the two
// would disagree about a client's name (found by test/unit/hostile/case-import.test.ts).
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A required single line: trimmed, not empty, no control characters. */
export const requiredLine = (max = 200) =>
  z
    .string('validation.required')
    .trim()
    .min(1, 'validation.required')
    .max(max, 'validation.tooLong')
    .refine((s) => !CONTROL.test(s) && !/[\r\n]/.test(s), 'validation.controlCharacters');

/** An optional single line: empty becomes null, so "cleared" and "never filled" are the same. */
export const optionalLine = (max = 200) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
    z
      .string()
      .trim()
      .max(max, 'validation.tooLong')
      .refine((s) => !CONTROL.test(s) && !/[\r\n]/.test(s), 'validation.controlCharacters')
      .nullable(),
  );

/** Free text (narratives, notes): line breaks allowed, other control characters not. */
export const longText = (max = 50_000) =>
  z
    .string()
    .max(max, 'validation.tooLong')
    .refine((s) => !CONTROL.test(s), 'validation.controlCharacters');

export const Id = z.string().uuid('validation.invalidId');
