// The hash chain of the audit trail. Each entry's hash is
//   SHA-256( previous entry's hash (hex) + "\n" + canonical JSON of the entry )
// where the canonical JSON has the keys actor, action, at, fields, ids, method, seq in that
// (sorted) order and no spaces, and the first entry's "previous hash" is 64 zeros. Written down
// this plainly so a data-protection officer can recompute an exported log with any SHA-256 tool.
import { createHash } from 'node:crypto';
import type { AuditEntry } from '../../../preload/schemas/security';

export const GENESIS_HASH = '0'.repeat(64);

export type ChainedFields = Omit<AuditEntry, 'hash'>;

/** JSON with object keys sorted at every level: the same entry always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function entryHash(previousHash: string, entry: ChainedFields): string {
  const { seq, at, actor, action, method, ids, fields } = entry;
  return createHash('sha256')
    .update(`${previousHash}\n${canonicalJson({ seq, at, actor, action, method, ids, fields })}`)
    .digest('hex');
}
