// Looks for the fictional clients' names in files, byte for byte: in UTF-8 and UTF-16LE (Chromium
// keeps page strings, LocalStorage and crash dumps in UTF-16), as typed, lower and upper case,
// JSON-escaped (\u00f8, \u0623…) and URL-encoded. Reports which file holds which form, never
// the surrounding content: the report itself must not become a leak.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Hit {
  path: string;
  /** Which name (as listed) and in which encoding, e.g. "Amal Testdatter (utf16le, lower case)". */
  form: string;
}

interface Needle {
  bytes: Buffer;
  form: string;
}

const escapeNonAscii = (text: string) => text.replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Every byte sequence that would give a name away. */
export function needlesFor(names: readonly string[]): Needle[] {
  const needles: Needle[] = [];
  for (const name of names) {
    const variants = new Map<string, string>([
      ['as written', name],
      ['lower case', name.toLowerCase()],
      ['upper case', name.toUpperCase()],
      ['NFD', name.normalize('NFD')],
      ['JSON-escaped', escapeNonAscii(name)],
      ['URL-encoded', encodeURIComponent(name)],
      ['form-encoded', encodeURIComponent(name).replace(/%20/g, '+')],
    ]);
    const seen = new Set<string>();
    for (const [label, text] of variants) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        const bytes = Buffer.from(text, encoding);
        const key = `${encoding}:${bytes.toString('hex')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        needles.push({ bytes, form: `${name} (${encoding}, ${label})` });
      }
    }
  }
  return needles;
}

/** Every regular file under `root` (symbolic links are not followed: they may point anywhere). */
export function filesUnder(root: string): string[] {
  let stat;
  try {
    stat = lstatSync(root);
  } catch {
    return [];
  }
  if (stat.isFile()) return [root];
  if (!stat.isDirectory()) return [];
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => filesUnder(join(root, entry)));
}

/** The files under `roots` that hold any form of any name: one hit per file and form. */
export function scanForNames(roots: readonly string[], names: readonly string[]): Hit[] {
  const needles = needlesFor(names);
  const hits: Hit[] = [];
  for (const path of roots.flatMap(filesUnder)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      // Gone in the meantime (a process still shutting down) is fine; unreadable is not "clean".
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      hits.push({ path, form: 'could not be read' });
      continue;
    }
    for (const needle of needles) if (bytes.includes(needle.bytes)) hits.push({ path, form: needle.form });
  }
  return hits;
}
