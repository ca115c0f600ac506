// Comparing an incoming case file with the vault's, field by field, and merging the two.
//
// A three-way comparison: `base` is the version this vault last exchanged for the case (what the
// sender had sent before, staging.ts keeps it), `mine` the vault's case now, `theirs` the incoming
// one. For each field: the same on both sides → nothing to do; only they changed it (mine equals
// the base) → take theirs; only we changed it → keep mine; both changed it → a conflict, which the
// person resolves with keep-mine / take-theirs. Without a base (the case was never exchanged
// before, or came by another route) nobody can tell who changed what, so every difference is a
// conflict.
//
// Paths are dotted paths into the case file. Lists whose members have ids are compared member by
// member, keyed by that id ("household.<memberId>.status", "timeline.<eventId>.date",
// "deadlines.<id>.dueOn", risks by their factor: "risks.<factorId>.state"): a member added or
// removed on one side is one field (its whole value, or null for "not there"). Other lists (the
// client's other spellings, a risk's sources) are one value each. Attachments are not compared:
// they never change after they were added, so an import only adds the ones the vault lacks.
import type { CaseFile } from '../../../preload/schemas/case-file';
import type { FieldConflict } from '../../../preload/schemas/exchange';

/** The parts of a case file that are compared and merged (not ids, timestamps or attachments). */
export const COMPARED = ['details', 'client', 'household', 'timeline', 'deadlines', 'risks'] as const;
type Compared = Pick<CaseFile, (typeof COMPARED)[number]>;

/** Top-level lists compared member by member, and the member field that keys them. */
const KEYED: Record<string, string> = { household: 'id', timeline: 'id', deadlines: 'id', risks: 'factorId' };

export type Take = 'mine' | 'theirs';
export type Resolver = (path: string) => Take | undefined;

export interface Comparison {
  /** Fields both sides changed, each with the vault's and the incoming value. */
  conflicts: FieldConflict[];
  /** True when the result differs from the vault's case (something of theirs is taken). */
  changed: boolean;
  /** The merged case parts: mine, with their changes and the resolved conflicts applied. */
  merged: Compared;
}

type Json = unknown;
const ABSENT = undefined;

/**
 * Compares `theirs` with `mine` given the common `base` (null: none). `resolve` answers each
 * conflict's path; an unanswered conflict keeps mine in `merged` and stays in `conflicts`.
 */
export function compareCase(base: Compared | null, mine: Compared, theirs: Compared, resolve: Resolver = () => undefined): Comparison {
  const conflicts: FieldConflict[] = [];
  const merged: Record<string, Json> = {};
  let changed = false;
  for (const part of COMPARED) {
    const result = node(part, base === null ? NO_BASE : base[part], mine[part], theirs[part], { conflicts, resolve }, part);
    merged[part] = result.value;
    changed ||= result.changed;
  }
  return { conflicts, changed, merged: merged as Compared };
}

/** Only the compared parts of a case file, for keeping as a base or comparing. */
export function comparedParts(file: Compared): Compared {
  return Object.fromEntries(COMPARED.map((part) => [part, file[part]])) as Compared;
}

/** Stands for "no common base": distinct from undefined, which is "the base had no such field". */
const NO_BASE = Symbol('no base');

interface Context {
  conflicts: FieldConflict[];
  resolve: Resolver;
}

function node(path: string, base: Json | typeof NO_BASE, mine: Json, theirs: Json, context: Context, top: string | null): { value: Json; changed: boolean } {
  if (same(mine, theirs)) return { value: mine, changed: false };
  const key = top === null ? undefined : KEYED[top];
  if (key !== undefined && Array.isArray(mine) && Array.isArray(theirs)) return keyedList(path, base, mine, theirs, key, context);
  if (isObject(mine) && isObject(theirs)) {
    const out: Record<string, Json> = {};
    let changed = false;
    for (const field of union(Object.keys(mine), Object.keys(theirs))) {
      const below = base === NO_BASE ? NO_BASE : isObject(base) ? base[field] : ABSENT;
      const result = node(`${path}.${field}`, below, mine[field], theirs[field], context, null);
      if (result.value !== ABSENT) out[field] = result.value;
      changed ||= result.changed;
    }
    return { value: out, changed };
  }
  return leaf(path, base, mine, theirs, context);
}

/** A list of members with ids: matched by id; a member on one side only is one field. */
function keyedList(path: string, base: Json | typeof NO_BASE, mine: Json[], theirs: Json[], key: string, context: Context) {
  const idOf = (member: Json) => String((member as Record<string, Json>)[key]);
  const byId = (list: Json[]) => new Map(list.map((member) => [idOf(member), member]));
  const mineById = byId(mine);
  const theirsById = byId(theirs);
  const baseById = base === NO_BASE ? null : Array.isArray(base) ? byId(base) : new Map<string, Json>();
  // Their order when only they changed the list; otherwise ours, with their new members after.
  const onlyTheirs = baseById !== null && same(base, mine);
  const order = onlyTheirs ? union([...theirsById.keys()], [...mineById.keys()]) : union([...mineById.keys()], [...theirsById.keys()]);
  const out: Json[] = [];
  let changed = onlyTheirs && !same(mine, theirs);
  for (const id of order) {
    const below = baseById === null ? NO_BASE : baseById.get(id);
    const m = mineById.get(id);
    const t = theirsById.get(id);
    const result =
      m !== ABSENT && t !== ABSENT
        ? node(`${path}.${id}`, below, m, t, context, null)
        : leaf(`${path}.${id}`, below, m ?? null, t ?? null, context, below === ABSENT ? null : below);
    if (result.value !== null && result.value !== ABSENT) out.push(result.value);
    changed ||= result.changed;
  }
  return { value: out, changed };
}

/** One value decided whole. `absentBase` lets a member missing from the base compare as null. */
function leaf(path: string, base: Json | typeof NO_BASE, mine: Json, theirs: Json, context: Context, absentBase: Json = base) {
  const known = base === NO_BASE ? NO_BASE : base === ABSENT ? absentBase : base;
  if (same(mine, theirs)) return { value: mine, changed: false };
  if (known !== NO_BASE && same(known, mine)) return { value: theirs, changed: true };
  if (known !== NO_BASE && same(known, theirs)) return { value: mine, changed: false };
  const take = context.resolve(path);
  if (take === 'theirs') return { value: theirs, changed: true };
  if (take === undefined) context.conflicts.push({ path, mine: mine ?? null, theirs: theirs ?? null });
  return { value: mine, changed: false };
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** Equality of JSON values, whatever the order of object keys. */
export function same(a: Json, b: Json): boolean {
  return canonical(a) === canonical(b);
}

/** JSON with object keys sorted, so equal values have equal text (and equal hashes). */
export function canonical(value: Json): string {
  if (value === ABSENT) return '\u0000absent';
  return JSON.stringify(value, (_key, v: Json) =>
    isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}
