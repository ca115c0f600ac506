// The audit trail as a file a DPO can keep: oldest first, with the chain's check and head hash.
// JSON carries the verify result and headHash at the top; in CSV the last row's hash is the head
// hash. Either can be recomputed outside Briefcase with the rule in chain.ts.
import type { AuditEntry } from '../../../preload/schemas/security';
import type { Db } from '../vault/sqlite';
import { allEntries, verifyChain } from './log';

const CSV_COLUMNS = ['seq', 'at', 'actor', 'action', 'method', 'ids', 'fields', 'hash'] as const;

/**
 * One CSV cell, quoted. A cell starting with = + - @ (or a tab/CR) is prefixed with ' so a
 * spreadsheet shows it instead of running it as a formula (the actor is a name someone typed).
 */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function exportLog(db: Db, format: 'json' | 'csv', now = new Date()): { name: string; text: string } {
  const name = `briefcase-audit-${now.toISOString().slice(0, 10)}.${format}`;
  const entries: AuditEntry[] = [...allEntries(db)];
  if (format === 'json') {
    const verification = verifyChain(db);
    const document = { format: 'briefcase-audit', version: 1, exportedAt: now.toISOString(), verification, headHash: verification.headHash, entries };
    return { name, text: `${JSON.stringify(document, null, 2)}\n` };
  }
  const rows = entries.map((entry) =>
    CSV_COLUMNS.map((column) => {
      const value = entry[column];
      return cell(Array.isArray(value) ? value.join(' ') : String(value));
    }).join(','),
  );
  return { name, text: `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n` };
}
