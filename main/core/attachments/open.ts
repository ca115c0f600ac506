// "Open": a decrypted copy of an attachment (or of a document generated for a case, through
// openCopy) handed to the system's viewer.
//
// Opening a file means the plaintext has to exist on disk for as long as the viewer needs it, so
// it is kept in one place only: <dataDir>/opened/ (0700), one fresh subfolder per open (0700), the
// file 0600, written with saveCopy (temporary name, fsync, checked against the stored size and
// SHA-256, rename). The whole folder is removed when the vault is locked, when the api closes and
// at unlock (what a crash left). A viewer that still holds a file open (Windows) can make removal
// fail: that is retried at the next lock, unlock or shutdown.
//
// The platform (Electron's shell.openPath) is injected: main/core never imports electron. Without
// one (CLI, test harness) nothing is decrypted and the answer is NOT_SUPPORTED.
//
// The copy's extension comes from the stored (sniffed) media type, never from the name alone: a
// text file called "notes.bat" is opened as "notes.bat.txt", not run.
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BriefcaseError } from '../errors';
import type { Db } from '../vault/sqlite';
import { DOCX } from './media-type';
import { getAttachment, saveCopy } from './service';

// What the app can do on this platform (injected by main/index.ts) now lives in core/platform.ts.
import type { Platform } from '../platform';
export type { Platform };

export const OPENED_FOLDER = 'opened';

export const openedDir = (dataDir: string) => join(dataDir, OPENED_FOLDER);

/** Extensions a copy of each stored type may carry; the first is used when the name has none of them. */
const EXTENSIONS: Record<string, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/gif': ['.gif'],
  'image/webp': ['.webp'],
  'image/tiff': ['.tif', '.tiff'],
  [DOCX]: ['.docx'],
  'text/plain': ['.txt'],
  'text/markdown': ['.md', '.markdown', '.txt'],
  'text/csv': ['.csv', '.txt'],
};

// eslint-disable-next-line no-control-regex -- replacing control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
/** Bytes, not characters: file systems limit names to 255 bytes; leave room for the extension. */
const MAX_STEM_BYTES = 180;

/**
 * A file name safe on Windows, macOS and Linux, ending in an extension that matches the stored
 * media type. Throws UNSUPPORTED_FILE_TYPE for a type the app does not open.
 */
export function openedFileName(name: string, mediaType: string): string {
  const allowed = EXTENSIONS[mediaType];
  if (!allowed) throw new BriefcaseError('UNSUPPORTED_FILE_TYPE');
  // Leading dots (hidden files, "..") and trailing dots and spaces (Windows drops them) go.
  let cleaned = name.normalize('NFC').replace(UNSAFE, '_').replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  let extension = allowed.find((ext) => cleaned.length > ext.length && cleaned.slice(-ext.length).toLowerCase() === ext);
  if (extension) cleaned = cleaned.slice(0, cleaned.length - extension.length).replace(/[.\s]+$/, '');
  else extension = allowed[0]!;
  let stem = '';
  for (const char of cleaned) {
    if (Buffer.byteLength(stem + char) > MAX_STEM_BYTES) break;
    stem += char;
  }
  stem = stem.trim() || 'attachment';
  if (WINDOWS_RESERVED.test(stem)) stem = `_${stem}`;
  return `${stem}${extension}`;
}

/** Writes a decrypted copy into a fresh private folder and hands it to the platform's viewer. */
export async function openAttachment(
  db: Db,
  input: { id: string },
  options: { dataDir: string; platform: Platform | undefined },
): Promise<Record<string, never>> {
  // Nothing is decrypted to disk where it cannot be opened (checked before the lookup, as before).
  if (!options.platform) throw new BriefcaseError('NOT_SUPPORTED');
  const meta = getAttachment(db, input.id);
  return openCopy(meta, (path) => saveCopy(db, { id: meta.id, path }), options);
}

/**
 * The shared steps of "Open" for anything stored in the vault (attachments, generated documents):
 * `write` puts the checked, decrypted bytes at the path it is given (a saveCopy), inside a fresh
 * private folder under opened/, and the platform's viewer gets the file.
 */
export async function openCopy(
  item: { name: string; mediaType: string },
  write: (path: string) => Promise<unknown>,
  options: { dataDir: string; platform: Platform | undefined },
): Promise<Record<string, never>> {
  const { platform } = options;
  if (!platform) throw new BriefcaseError('NOT_SUPPORTED');
  const fileName = openedFileName(item.name, item.mediaType);
  const folder = privateFolder(options.dataDir);
  const path = join(folder, fileName);
  try {
    await write(path);
    chmodSync(path, 0o600);
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  try {
    await platform.openPath(path);
  } catch {
    // No viewer for the type, or it refused: the copy is of no use, and the reason (which may
    // name the path) is dropped.
    rmSync(folder, { recursive: true, force: true });
    throw new BriefcaseError('OPEN_FAILED');
  }
  return {};
}

/**
 * Removes every opened copy. Best effort per subfolder (a viewer may hold a file on Windows);
 * returns how many subfolders are still there. Never throws: it runs on lock and shutdown.
 */
export function removeOpenedCopies(dataDir: string): number {
  const root = openedDir(dataDir);
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return 0; // no folder: nothing to remove
  }
  let left = 0;
  for (const entry of entries) {
    try {
      rmSync(join(root, entry), { recursive: true, force: true, maxRetries: 2, retryDelay: 50 });
    } catch {
      left += 1;
    }
  }
  if (left === 0) {
    try {
      rmSync(root, { recursive: true, force: true });
    } catch {
      return 1;
    }
  }
  return left;
}

/** <dataDir>/opened/ (made 0700, and replaced if something other than a folder is there), then a new 0700 subfolder. */
function privateFolder(dataDir: string): string {
  const root = openedDir(dataDir);
  try {
    if (!lstatSync(root).isDirectory()) rmSync(root, { force: true });
  } catch {
    // not there yet
  }
  try {
    mkdirSync(root, { recursive: true, mode: 0o700 });
    chmodSync(root, 0o700);
    // mkdtemp makes the folder 0700 with a random suffix: unique per open.
    return mkdtempSync(join(root, 'copy-'));
  } catch {
    throw new BriefcaseError('FILE_NOT_READABLE');
  }
}
