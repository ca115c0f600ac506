// Fills a data folder with a vault and fictional cases through the same handler table the app uses
// (run in the test process, while the harness has the vault locked).
//
// Deadlines are saved as the app saves them: the case's deadlines section (cases.update).
import { randomUUID } from 'node:crypto';
import { createApi } from '../../../main/core/api';
import { HARNESS_KDF_COST } from '../../harness/app';
import type { Envelope } from '../../../preload/contract';
import { PASSPHRASE } from './actions';

export interface SeedCase {
  reference: string;
  clientName: string;
  deadline?: { kind: string; dueOn: string };
}

/** Fictional clients only. Arabic and Danish letters on purpose (bidi, search folding). */
export const SEED_CASES: SeedCase[] = [
  { reference: '2026-001', clientName: 'Testa Fictiva', deadline: { kind: 'appeal', dueOn: '2026-12-04' } },
  { reference: '2026-002', clientName: 'Amal Testdatter', deadline: { kind: 'hearing', dueOn: '2027-01-19' } },
  { reference: '2026-003', clientName: 'Søren Prøvesen' },
  { reference: '2026-004', clientName: 'أمل اختبار', deadline: { kind: 'submission', dueOn: '2027-02-28' } },
  { reference: '2026-005', clientName: 'Eksempel Eksempelsen' },
];

export async function seedVault(
  dataDir: string,
  cases: SeedCase[] = SEED_CASES,
  options: { passphrase?: string; path?: string } = {},
): Promise<void> {
  const passphrase = options.passphrase ?? PASSPHRASE;
  const api = createApi({ dataDir, version: 'e2e-seed', kdfCost: HARNESS_KDF_COST });
  const call = async (method: string, input: unknown) => {
    const envelope = (await api.call(method, input)) as Envelope<{ id: string }>;
    if (!envelope.ok) throw new Error(`seed: ${method} failed with ${envelope.error.code}`);
    return envelope.value;
  };
  try {
    await call('vault.create', { passphrase, ...(options.path ? { path: options.path } : {}) });
    for (const item of cases) {
      const created = await call('cases.create', { reference: item.reference, clientName: item.clientName });
      if (item.deadline) {
        const deadline = { id: randomUUID(), kind: item.deadline.kind, dueOn: item.deadline.dueOn, done: false, note: null };
        await call('cases.update', { id: created.id, revision: 0, update: { section: 'deadlines', value: [deadline] } });
      }
    }
  } finally {
    api.close();
  }
}
