// The shipped reference data validates, is filled in both languages, and a clinic's own risk
// factors sit beside the versioned catalogue without changing it.
import { join } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Jurisdiction, RegionList, RiskCatalogue, type Labels } from '../../../preload/contract';
import { shippedCatalogue } from '../../../main/core/reference/data';
import { addFactor, getReference } from '../../../main/core/reference/service';
import { Vault } from '../../../main/core/vault/vault';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';

const files = (dir: string) => readdirSync(join('templates', dir)).filter((f) => f.endsWith('.json')).map((f) => join('templates', dir, f));
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;

/** Every Labels object anywhere in `value`. */
function allLabels(value: unknown, out: Labels[] = []): Labels[] {
  if (Array.isArray(value)) value.forEach((v) => allLabels(v, out));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.da === 'string' && typeof record.en === 'string') out.push(record as Labels);
    else Object.values(record).forEach((v) => allLabels(v, out));
  }
  return out;
}

describe('shipped reference data', () => {
  const shipped = [
    ...files('jurisdictions').map((path) => [path, Jurisdiction] as const),
    ...files('regions').map((path) => [path, RegionList] as const),
    ...files('risk-factors').map((path) => [path, RiskCatalogue] as const),
  ];

  it.each(shipped)('%s validates and has Danish and English in every label', (path, schema) => {
    const data = read(path);
    expect(() => schema.parse(data)).not.toThrow();
    const labels = allLabels(data);
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) {
      expect(label.da.trim()).not.toBe('');
      expect(label.en.trim()).not.toBe('');
    }
  });

  it('Denmark: the three s.7 statuses and other; DIS and RAB', () => {
    const dk = Jurisdiction.parse(read('templates/jurisdictions/dk.json'));
    expect(dk.protectionBases.map((b) => [b.id, b.labels.en])).toEqual([
      ['dk-7-1', 's.7(1) Convention status'],
      ['dk-7-2', 's.7(2) protection status'],
      ['dk-7-3', 's.7(3) temporary protection status'],
      ['other', 'Other'],
    ]);
    expect(dk.protectionBases.map((b) => b.labels.da).join(' ')).toMatch(/konventionsstatus.*beskyttelsesstatus.*midlertidig beskyttelsesstatus/);
    expect(dk.authorities.map((a) => a.labels.da)).toEqual(['Udlændingestyrelsen', 'Flygtningenævnet']);
  });

  it("Syria's 14 governorates, ids unique", () => {
    const sy = RegionList.parse(read('templates/regions/sy.json'));
    expect(sy.regions).toHaveLength(14);
    expect(new Set(sy.regions.map((r) => r.id)).size).toBe(14);
  });

  it('catalogue version 1: twelve factors, unique ids, draft evasion with its structured fields', () => {
    expect(shippedCatalogue.version).toBe(1);
    expect(shippedCatalogue.factors).toHaveLength(12);
    expect(new Set(shippedCatalogue.factors.map((f) => f.id)).size).toBe(12);
    const draft = shippedCatalogue.factors.find((f) => f.id === 'draft-evasion');
    expect(draft?.fields.map((f) => [f.id, f.type])).toEqual([
      ['age', 'number'],
      ['callUpReceived', 'boolean'],
      ['deferral', 'text'],
      ['serviceDone', 'boolean'],
    ]);
    for (const factor of shippedCatalogue.factors) {
      expect(factor.origin).toBe('catalogue');
      expect(factor.descriptions).toBeDefined();
    }
  });
});

describe('clinic risk factors', () => {
  it('are added with a generated id and origin clinic, listed after the catalogue, which is unchanged', async () => {
    const vault = new Vault({ kdfCost: FAST_KDF });
    await vault.create(join(tempDir(), 'v.vault'), PASSPHRASE);
    const before = getReference(vault.db);
    const factor = addFactor(vault.db, {
      labels: { da: 'Eksempelfaktor', en: 'Example factor' },
      fields: [{ id: 'years', type: 'number', min: 0, labels: { da: 'År', en: 'Years' } }],
    });
    expect(factor).toMatchObject({ origin: 'clinic', basis: [] });
    expect(factor.id).toMatch(/^clinic-[0-9a-f-]{36}$/);
    const after = getReference(vault.db);
    expect(after.riskCatalogue.version).toBe(before.riskCatalogue.version);
    expect(after.riskCatalogue.factors).toEqual([...before.riskCatalogue.factors, factor]);
    expect(shippedCatalogue.factors).toHaveLength(12);
    expect(() =>
      addFactor(vault.db, {
        labels: { da: 'To', en: 'Two' },
        fields: [
          { id: 'a', type: 'boolean', labels: { da: 'A', en: 'A' } },
          { id: 'a', type: 'text', labels: { da: 'A', en: 'A' } },
        ],
      }),
    ).toThrow('INVALID_INPUT');
    expect(getReference(vault.db).riskCatalogue.factors).toHaveLength(13);
    vault.lock();
  });
});
