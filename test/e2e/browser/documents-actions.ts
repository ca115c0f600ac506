// A complete fictional case for the documents specs, made through the same handler table the app
// uses (while the harness has the vault locked): the documented example case (docs/examples, a
// fictional family) under its own reference, the starter evidence library, and excerpts linked to
// two present risk factors and to the case as a whole. Every starter source is older than the
// clinic's limit, so the brief cites stale sources.
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { createApi } from '../../../main/core/api';
import type { Envelope } from '../../../preload/contract';
import { HARNESS_KDF_COST } from '../../harness/app';
import { PASSPHRASE } from './actions';

export const DOCUMENTS_CASE = { reference: '2026-300', clientName: 'Amal Testdatter' };

/** Starter excerpts (stable ids): military service (DIS Feb 2019) and returnees (Amnesty, 2021). */
const LINKS: { excerptId: string; riskFactorId: string | null }[] = [
  { excerptId: '396cb56a-df3c-54d7-bdbe-671cc3fb0d24', riskFactorId: 'family-of-wanted' },
  { excerptId: '7214fd83-c881-51ad-88e5-cd05063227aa', riskFactorId: 'illegal-exit' },
  { excerptId: '2c42d489-7b95-5889-8e81-105f02ca7c09', riskFactorId: null },
];

/**
 * The example case; optionally without the decision date (the brief requires it, so a test fills it
 * in) or with the lawyer's summary citing a reference of the test's choosing.
 */
export async function seedDocumentsCase(dataDir: string, options: { withoutDecisionDate?: boolean; citing?: string } = {}): Promise<string> {
  const file = JSON.parse(readFileSync(new URL('../../../docs/examples/case.example.json', import.meta.url), 'utf8')) as {
    details: { reference: string; dates: Record<string, string | null> };
    risks: { lawyerSummary: string }[];
  };
  file.details.reference = DOCUMENTS_CASE.reference;
  // The lawyer's own words citing an excerpt by reference, as a lawyer writes [@id] in a summary.
  if (options.citing) file.risks[0]!.lawyerSummary += ` See [@${options.citing}].`;
  if (options.withoutDecisionDate) {
    file.details.dates.decision = null;
    file.details.dates.decisionReceived = null;
    file.details.dates.hearing = null;
  }
  const api = createApi({ dataDir, version: 'e2e-seed', kdfCost: HARNESS_KDF_COST });
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const envelope = (await api.call(method, input)) as Envelope<T>;
    if (!envelope.ok) throw new Error(`seed: ${method} failed with ${envelope.error.code}`);
    return envelope.value;
  };
  try {
    await call('vault.create', { passphrase: PASSPHRASE });
    const { id } = await call<{ id: string }>('cases.import', { file });
    await call('evidence.loadStarter', {});
    for (const link of LINKS) await call('evidence.link', { caseId: id, ...link });
    return id;
  } finally {
    api.close();
  }
}

export function documentsSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Documents', exact: true });
}

/** Choose what to make: template by its title, language and format by their labels. */
export async function choose(section: Locator, choice: { template?: string; language?: 'Dansk' | 'English'; format?: 'Word (DOCX)' | 'PDF' | 'PDF bundle with annexes' }) {
  const form = section.getByRole('form', { name: 'Make a document' });
  if (choice.template) await form.getByLabel('Template', { exact: true }).selectOption({ label: choice.template });
  if (choice.language) await form.getByRole('group', { name: 'Language of the document' }).getByRole('radio', { name: choice.language }).check();
  if (choice.format) await form.getByRole('group', { name: 'Format' }).getByRole('radio', { name: choice.format, exact: true }).check();
}

export function versionRows(section: Locator): Locator {
  return section.getByRole('table').getByRole('row').filter({ has: section.page().getByRole('cell') });
}

/** Generate; when stale sources are cited, confirm "Generate anyway" in the question that follows. */
export async function generate(page: Page, section: Locator, { confirmStale }: { confirmStale: boolean }): Promise<void> {
  await section.getByRole('button', { name: 'Generate', exact: true }).click();
  if (confirmStale) {
    const dialog = page.getByRole('alertdialog', { name: 'Generate with out-of-date sources?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Generate anyway' }).click();
  }
  await expect(section.getByRole('status').filter({ hasText: /^Made “/ })).toBeVisible({ timeout: 30_000 });
}
