// What an audit entry says about a call: the ids it named or made and the NAMES of the fields it
// carried, never a value. Two rules keep client data out even from names:
// - a field path is built only from keys the method's zod schema declares (developer-chosen words);
//   a key that is data (a record's key, which could be anything a person typed) becomes "*";
// - an id is kept only from a key called id/…Id/…Ids and only when it has a known id shape
//   (a UUID, a SHA-256, a backup's time-stamped file name without the vault's name), so free text
//   can never pass as an id.
import type { z } from 'zod';

const MAX_FIELDS = 50;
const MAX_IDS = 50;
const MAX_DEPTH = 8;
/** Appended when a list was cut at its cap, so a reader knows there were more. */
export const TRUNCATED = '…';

const ID_SHAPES = [
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // UUID (cases, sources, jobs…)
  /^[0-9a-f]{64}$/i, // SHA-256 (an exchange by its manifest)
];
/**
 * A backup's file name (backup/names.ts): its time, kind and schema version, then the vault's file
 * name. Only the first part is kept: a vault's file name is whatever someone called it.
 */
const BACKUP_NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[a-z-]{1,20}-v\d{1,6})\.[0-9A-Za-z_-]{1,60}\.bcvault$/;
const ID_KEY = /^(?:id|[A-Za-z]+Id|[A-Za-z]+Ids)$/;

/** The id as the log keeps it, or null when the value has no known id shape. */
export function knownId(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (ID_SHAPES.some((shape) => shape.test(value))) return value.toLowerCase();
  return BACKUP_NAME.exec(value)?.[1] ?? null;
}

type AnySchema = z.ZodType | { _zod: { def: Record<string, unknown> } };

/** Every object key the schema declares, at any depth. */
export function declaredKeys(schema: AnySchema, into = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (seen.has(schema)) return into;
  seen.add(schema);
  const def = (schema as { _zod: { def: Record<string, unknown> } })._zod.def;
  const visit = (child: unknown) => {
    if (child && typeof child === 'object' && '_zod' in child) declaredKeys(child as AnySchema, into, seen);
  };
  switch (def.type) {
    case 'object':
      for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
        into.add(key);
        visit(child);
      }
      visit(def.catchall);
      break;
    case 'pipe':
      visit(def.in);
      visit(def.out);
      break;
    case 'union':
      for (const option of def.options as unknown[]) visit(option);
      break;
    case 'intersection':
      visit(def.left);
      visit(def.right);
      break;
    case 'tuple':
      for (const item of def.items as unknown[]) visit(item);
      visit(def.rest);
      break;
    case 'array':
      visit(def.element);
      break;
    case 'record':
    case 'map':
      visit(def.valueType);
      break;
    case 'lazy':
      visit((def.getter as () => unknown)());
      break;
    default:
      // optional, nullable, default, readonly, catch…: a wrapper around one inner schema.
      visit(def.innerType);
  }
  return into;
}

/** Field paths ("update.client.phone", "items[].title") of a parsed input, names only, capped. */
export function fieldPaths(input: unknown, allowed: ReadonlySet<string>): string[] {
  const paths = new Set<string>();
  let truncated = false;
  const walk = (value: unknown, path: string, depth: number): void => {
    if (truncated) return;
    if (Array.isArray(value)) {
      const objects = value.filter((item) => item !== null && typeof item === 'object');
      if (objects.length === 0 || depth >= MAX_DEPTH) return add(path);
      for (const item of objects) walk(item, `${path}[]`, depth + 1);
      return;
    }
    if (value !== null && typeof value === 'object' && depth < MAX_DEPTH) {
      const keys = Object.keys(value);
      if (keys.length === 0) return add(path);
      for (const key of keys) {
        const name = allowed.has(key) ? key : '*';
        walk((value as Record<string, unknown>)[key], path ? `${path}.${name}` : name, depth + 1);
      }
      return;
    }
    add(path);
  };
  const add = (path: string) => {
    if (!path) return;
    if (paths.size >= MAX_FIELDS && !paths.has(path)) truncated = true;
    else paths.add(path);
  };
  walk(input, '', 0);
  return truncated ? [...paths, TRUNCATED] : [...paths];
}

/** Ids named by the input (any depth) and made by the output (its top level and one level in). */
export function idsOf(input: unknown, output: unknown): string[] {
  const ids = new Set<string>();
  let truncated = false;
  const add = (value: unknown) => {
    const id = knownId(value);
    if (id === null) return;
    if (ids.size >= MAX_IDS && !ids.has(id)) truncated = true;
    else ids.add(id);
  };
  const walk = (value: unknown, depth: number, maxDepth: number): void => {
    if (value === null || typeof value !== 'object' || depth > maxDepth) return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1, maxDepth);
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      if (ID_KEY.test(key)) {
        if (Array.isArray(child)) child.forEach(add);
        else add(child);
      } else {
        walk(child, depth + 1, maxDepth);
      }
    }
  };
  walk(input, 0, MAX_DEPTH);
  // An output can be a whole case file (every section's ids): what the call made is at the top.
  walk(output, 0, 1);
  return truncated ? [...ids, TRUNCATED] : [...ids];
}
