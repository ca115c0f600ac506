// How a file system failure reaches the caller: as FILE_NOT_READABLE, so the path (which can name
// the client) never travels in an error message or a log.
import { BriefcaseError } from '../errors';

/** File system errors become FILE_NOT_READABLE; BriefcaseErrors and anything else pass through. */
export function asFileError(error: unknown): unknown {
  if (error instanceof BriefcaseError) return error;
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code) && typeof syscall === 'string') return new BriefcaseError('FILE_NOT_READABLE');
  return error;
}
