// Values an attacker (or a damaged file) would try at an entry point: control characters, NUL,
// bidirectional overrides, lone surrogates, prototype-pollution keys, template and Markdown syntax,
// paths, huge strings, deep nesting, and every JSON type in the wrong place.
import fc from 'fast-check';

/** Strings chosen by hand: each has broken a parser somewhere. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202eevil\u202c',
  '\u2066isolate\u2069',
  '\ud800',
  'x\udfffy',
  '\ufeff',
  '\r\n\r\n',
  '__proto__',
  'constructor',
  'prototype',
  '{{ 7 | times: 6 }}',
  '{% raw %}{{ x }}{% endraw %}',
  '{% include "/etc/passwd" %}',
  '[@x]',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  'C:\\Windows\\win.ini',
  'file:///etc/passwd',
  "'; DROP TABLE cases; --",
  '%s%s%s%n',
  '${process.exit(1)}',
  '1e309',
  '-0',
  'NaN',
  'null',
  '\u0085\u2028\u2029',
] as const;

/** Any string, weighted towards the nasty ones and towards odd Unicode. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('\u0000', '\u001b', '\u202e', '\ud800', '\udc00', '{', '%', '}', '[', '@', '\\', '/', '.', 'a'), maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
);

/** A key that may pollute a prototype if an entry point copies objects carelessly. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'), fc.string({ maxLength: 8 }));

/** Any JSON-shaped value built from hostile strings and keys, a few levels deep. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.double(),
    fc.integer(),
    fc.constantFrom(null, true, false, 0, -1, 2 ** 53, Number.MAX_VALUE),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A value nested `depth` levels deep, in arrays or objects: stack exhaustion in a recursive reader. */
export function deeplyNested(depth: number, inArrays: boolean): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = inArrays ? [value] : { a: value };
  return value;
}

/** JSON text nested `depth` levels deep, without building the value (JSON.parse must cope or refuse). */
export const deeplyNestedText = (depth: number): string => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

/** Object.prototype is still the one Node started with: no key was added through __proto__. */
export function prototypeKeys(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

/** A path to every value inside `value`, for mutating one of them. */
export function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [];
  if (Array.isArray(value)) value.forEach((item, i) => out.push([...prefix, i], ...pathsOf(item, [...prefix, i])));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) out.push([...prefix, key], ...pathsOf(item, [...prefix, key]));
  }
  return out;
}

export type Mutation = { kind: 'delete' } | { kind: 'replace'; with: unknown } | { kind: 'swapType' } | { kind: 'addKey'; key: string; with: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ kind: 'delete' }),
  fc.constant<Mutation>({ kind: 'swapType' }),
  hostileJson.map<Mutation>((value) => ({ kind: 'replace', with: value })),
  fc.tuple(hostileKey, hostileJson).map<Mutation>(([key, value]) => ({ kind: 'addKey', key, with: value })),
);

/** The same value in another JSON type: what a sloppy or hostile client sends. */
function swapped(value: unknown): unknown {
  if (typeof value === 'string') return value.length > 0 ? [value] : 0;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 1 : 'false';
  if (value === null) return {};
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, i) => [String(i), item]));
  return [value];
}

/** A deep copy of `valid` with one mutation at `path` (the root itself when path is empty). */
export function mutate(valid: unknown, path: (string | number)[], change: Mutation): unknown {
  const copy = structuredClone(valid) as unknown;
  if (change.kind === 'addKey') {
    const target = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], copy);
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
      // defineProperty: a plain assignment to "__proto__" would set the prototype, not add a key.
      Object.defineProperty(target, change.key, { value: change.with, enumerable: true, configurable: true, writable: true });
    }
    return copy;
  }
  if (path.length === 0) return change.kind === 'replace' ? change.with : change.kind === 'swapType' ? swapped(copy) : undefined;
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], copy) as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (change.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    parent[last] = change.kind === 'replace' ? change.with : swapped(parent[last]);
  }
  return copy;
}

/** A mutated copy of `valid`: one value (or the whole) deleted, replaced, retyped, or a key added. */
export function mutatedFrom(valid: unknown): fc.Arbitrary<unknown> {
  const paths: (string | number)[][] = [[], ...pathsOf(valid)];
  return fc.tuple(fc.constantFrom(...paths), mutation).map(([path, change]) => mutate(valid, path, change));
}
