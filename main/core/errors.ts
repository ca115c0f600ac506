// Errors that may reach a person. They carry a code and an i18n key, never client data: an
// exception message can end up in a log or a crash report, so the message is the code itself.
import type { ApiError, ErrorCode, Issue } from '../../preload/contract';
import type { z } from 'zod';

export class BriefcaseError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[] | undefined;

  constructor(code: ErrorCode, issues?: Issue[]) {
    super(code);
    this.name = 'BriefcaseError';
    this.code = code;
    this.issues = issues;
  }

  toApiError(): ApiError {
    return { code: this.code, key: `errors.${this.code}`, ...(this.issues ? { issues: this.issues } : {}) };
  }
}

/** zod issues → our issues: a dotted path and an i18n key. Our schemas use keys as messages. */
export function issuesFromZod(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message.startsWith('validation.') ? issue.message : zodCodeToKey(issue.code),
  }));
}

function zodCodeToKey(code: string): string {
  switch (code) {
    case 'invalid_type':
      return 'validation.invalidType';
    case 'unrecognized_keys':
      return 'validation.unknownField';
    case 'too_small':
      return 'validation.tooShort';
    case 'too_big':
      return 'validation.tooLong';
    case 'invalid_format':
      return 'validation.invalidFormat';
    case 'invalid_value':
      return 'validation.invalidValue';
    default:
      return 'validation.invalid';
  }
}

/** Anything thrown that is not ours becomes INTERNAL: its message may hold data and is dropped. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof BriefcaseError) return error.toApiError();
  return { code: 'INTERNAL', key: 'errors.INTERNAL' };
}
