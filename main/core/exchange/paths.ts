// The names inside a .briefcase archive. Entry paths are chosen by the exporting code, but on
// import they come from a stranger's file, so the rules are narrow enough that no path can leave a
// folder it is unpacked into (`tar -x`), collide with another on a case-insensitive file system, or
// need a tar extension header: relative, `/`-separated segments of letters, digits, `.`, `_`, `-`,
// each starting with a letter or digit (so never `.`, `..` or a hidden or option-like name).

export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.sig';

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const USTAR_NAME = 100;
const USTAR_PREFIX = 155;
export const MAX_PATH_LENGTH = USTAR_NAME + 1 + USTAR_PREFIX;

/** True when `path` may name an entry: the rules above, not a reserved name, and storable in a plain ustar header. */
export function isEntryPath(path: string): boolean {
  if (path === MANIFEST_PATH || path === SIGNATURE_PATH) return false;
  if (path.length === 0 || path.length > MAX_PATH_LENGTH) return false;
  if (!path.split('/').every((segment) => SEGMENT.test(segment))) return false;
  return splitUstarPath(path) !== null;
}

/**
 * A path as ustar's name (≤ 100 bytes) and prefix (≤ 155 bytes, joined with "/"), or null when no
 * "/" splits it so. The rules above allow only ASCII, so characters and bytes are the same.
 */
export function splitUstarPath(path: string): { name: string; prefix: string } | null {
  if (path.length <= USTAR_NAME) return { name: path, prefix: '' };
  // The longest prefix that fits leaves the shortest name.
  for (let cut = Math.min(path.lastIndexOf('/'), USTAR_PREFIX); cut > 0; cut = path.lastIndexOf('/', cut - 1)) {
    if (path[cut] !== '/') continue;
    const prefix = path.slice(0, cut);
    const name = path.slice(cut + 1);
    if (prefix.length <= USTAR_PREFIX && name.length <= USTAR_NAME && name.length > 0) return { name, prefix };
    if (name.length > USTAR_NAME) return null;
  }
  return null;
}

/** The key under which two paths collide on a case-insensitive file system. */
export const pathKey = (path: string): string => path.toLowerCase();
