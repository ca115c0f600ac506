// Translating what the core says about documents: an error (a documents-specific wording where the
// generic one would mislead, e.g. "Open" in the test harness) and a template's problems, each as
// "file:line — reason" from the issue's path and its params (a line, a tag, a token: never client
// data).
import type { Issue } from '../../../preload/contract';
import type { ApiError } from '../api/client';

type T = (key: string, options?: Record<string, unknown>) => string;
type Exists = (key: string) => boolean;

/** The error's text: documents.errors.<CODE> when there is one, else the core's own key. */
export function documentErrorText(t: T, exists: Exists, error: ApiError): string {
  const own = `documents.errors.${error.code}`;
  if (exists(own)) return t(own);
  return exists(error.key) ? t(error.key) : t('errors.INTERNAL');
}

/** One problem in an uploaded template, for a list: where, then why. */
export function templateIssueText(t: T, exists: Exists, issue: Issue): { where: string; why: string } {
  const params = issue.params ?? {};
  const line = params['line'];
  // The core writes the path as "<file>:<line>"; a path without the line gets it from params, and
  // line 0 (the file as a whole: missing, not expected) shows the file alone.
  const bare = issue.path.replace(/:0$/, '');
  const where = line !== undefined && line !== 0 && !/:\d+$/.test(bare) ? `${bare}:${line}` : bare;
  const why = exists(issue.message) ? t(issue.message, params) : t('documents.templates.invalidReason');
  return { where: where || t('documents.templates.wholeTemplate'), why };
}
