// The classification of contract methods: every method is either recorded (as an action) or left
// out for a stated reason, never both and never neither, so a new method cannot be forgotten.
import { describe, expect, it } from 'vitest';
import { contract } from '../../../preload/contract';
import { AuditAction } from '../../../preload/schemas/security';
import { NOT_RECORDED, RECORDED } from '../../../main/core/audit/actions';

describe('audit classification', () => {
  it('classifies every contract method as recorded or not recorded, exactly once', () => {
    const methods = Object.keys(contract);
    const unclassified = methods.filter((method) => !Object.hasOwn(RECORDED, method) && !Object.hasOwn(NOT_RECORDED, method));
    const both = methods.filter((method) => Object.hasOwn(RECORDED, method) && Object.hasOwn(NOT_RECORDED, method));
    const unknown = [...Object.keys(RECORDED), ...Object.keys(NOT_RECORDED)].filter((method) => !methods.includes(method));
    expect({ unclassified, both, unknown }).toEqual({ unclassified: [], both: [], unknown: [] });
  });

  it('records every create, update, delete, generate, export, import, unlock and lock method the issue names', () => {
    const actions = new Set(Object.values(RECORDED).flatMap((recorded) => (typeof recorded!.action === 'function' ? ['create', 'update'] : [recorded!.action])));
    for (const action of ['create', 'update', 'delete', 'generate', 'export', 'import', 'unlock', 'lock', 'erase', 'backup', 'restore', 'rekey'] as const) {
      expect(actions.has(AuditAction.parse(action)), action).toBe(true);
    }
    // Whatever leaves the vault decrypted is an export.
    for (const method of ['attachments.saveCopy', 'attachments.open', 'documents.saveCopy', 'documents.open', 'clinic.exportIdentity', 'cases.export', 'evidence.export', 'exchange.export', 'exchange.exportToPath', 'audit.export'] as const) {
      expect(RECORDED[method]?.action, method).toBe('export');
    }
    // Reads are not recorded: a list, a get, a search, a preview or a progress poll changes nothing.
    const reads = Object.keys(NOT_RECORDED).filter((method) => /\.(list|get|search|preview|progress)$/.test(method));
    expect(reads.length).toBeGreaterThan(5);
    for (const method of Object.keys(RECORDED)) expect(method).not.toMatch(/\.(list|get|search|preview|progress)$/);
  });
});
