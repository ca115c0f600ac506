// Where exchange.export puts the encrypted file until the renderer has downloaded it:
// <dataDir>/exports/<pid>-<random>/<exportId>.briefcase, folders 0700, files 0600.
//
// The files are age-encrypted already, so this is tidiness rather than secrecy, but they are
// still not left lying about: an Api removes its own folder when the vault is locked and when it
// closes; at the next unlock (or create) the folders of processes that are no longer running go
// too (what a crash left). Folders are per process because the CLI and the app may share a data
// folder: a CLI command run beside the app must not delete the app's pending download.
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BriefcaseError } from '../errors';

export const EXPORTS_FOLDER = 'exports';
/** Chunk size of exchange.readExport (the contract's base64 chunks carry at most 1 MiB). */
const CHUNK = 1024 * 1024;

/** A private folder per process under the data folder (exports by default; the api also keeps uploads in one). */
export class ProcessFolder {
  readonly dir: string;

  /** `folder` names the root under the data folder: 'exports', or 'uploads' for import files. */
  constructor(
    private readonly dataDir: string,
    private readonly folder: string = EXPORTS_FOLDER,
  ) {
    this.dir = join(dataDir, folder, `${process.pid}-${randomBytes(6).toString('hex')}`);
  }

  /** The path for an export id (made 0700 on the way). */
  pathFor(exportId: string): string {
    this.ensure();
    return this.existingPath(exportId);
  }

  /** This process's folder, made (0700) when missing. */
  ensure(): string {
    const root = join(this.dataDir, this.folder);
    try {
      if (!lstatSync(root).isDirectory()) rmSync(root, { force: true });
    } catch {
      // not there yet
    }
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      chmodSync(root, 0o700);
      chmodSync(this.dir, 0o700);
    } catch {
      throw new BriefcaseError('FILE_NOT_READABLE');
    }
    return this.dir;
  }

  /** Where an export id's file is (whether or not it exists). The id is a UUID (the contract's Id). */
  existingPath(exportId: string): string {
    return join(this.dir, `${exportId}.briefcase`);
  }

  /** Chunk `index` (1 MiB) of an export, base64; `last` on the final one. NOT_FOUND when gone. */
  read(exportId: string, index: number): { data: string; last: boolean } {
    const path = this.existingPath(exportId);
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      throw new BriefcaseError('NOT_FOUND');
    }
    try {
      const size = fstatSync(fd).size;
      const start = index * CHUNK;
      if (start >= size && !(size === 0 && index === 0)) throw new BriefcaseError('NOT_FOUND');
      const buffer = Buffer.alloc(Math.min(CHUNK, size - start));
      let read = 0;
      while (read < buffer.length) {
        const n = readSync(fd, buffer, read, buffer.length - read, start + read);
        if (n === 0) break;
        read += n;
      }
      return { data: buffer.subarray(0, read).toString('base64'), last: start + read >= size };
    } finally {
      closeSync(fd);
    }
  }

  discard(exportId: string): void {
    rmSync(this.existingPath(exportId), { force: true });
  }

  /** Removes this process's exports. Never throws: it runs on lock and shutdown. */
  removeOwn(): void {
    try {
      rmSync(this.dir, { recursive: true, force: true, maxRetries: 2, retryDelay: 50 });
    } catch {
      // retried at the next lock or start
    }
  }

  /** Removes the folders of processes that are gone (a crash, a killed CLI). Never throws. */
  removeLeftovers(): void {
    const root = join(this.dataDir, this.folder);
    let entries: string[];
    try {
      entries = readdirSync(root);
    } catch {
      return;
    }
    for (const entry of entries) {
      const pid = Number(/^(\d+)-/.exec(entry)?.[1]);
      if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) continue;
      try {
        rmSync(join(root, entry), { recursive: true, force: true });
      } catch {
        // best effort
      }
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
