// The fields of a clinic's own risk factor as the dialog builds them for risks.addFactor.
import { describe, expect, it } from 'vitest';
import { RiskField } from '../../../preload/contract';
import { fieldErrors, fieldIdFrom, toRiskFields } from '../../../renderer/src/intake/factor-fields';

describe('clinic factor fields', () => {
  it('makes camelCase ids from labels', () => {
    expect(fieldIdFrom('Years of service (army)')).toBe('yearsOfServiceArmy');
    expect(fieldIdFrom('Årstal for indkaldelse')).toBe('arstalForIndkaldelse');
    expect(fieldIdFrom('Født i Søvang, Ærø')).toBe('fodtISovangAero');
    expect(fieldIdFrom('2nd call-up')).toBe('');
    expect(fieldIdFrom('   ')).toBe('');
  });

  it('gives valid, unique ids and trimmed labels', () => {
    const fields = toRiskFields([
      { key: 1, en: ' Age ', da: 'Alder', type: 'number' },
      { key: 2, en: 'Age', da: 'Alder igen', type: 'text' },
      { key: 3, en: '2026', da: '2026', type: 'date' },
      { key: 4, en: 'Detained', da: 'Tilbageholdt', type: 'boolean' },
    ]);
    expect(fields).toEqual([
      { id: 'age', type: 'number', labels: { en: 'Age', da: 'Alder' } },
      { id: 'age2', type: 'text', labels: { en: 'Age', da: 'Alder igen' } },
      { id: 'field3', type: 'date', labels: { en: '2026', da: '2026' } },
      { id: 'detained', type: 'boolean', labels: { en: 'Detained', da: 'Tilbageholdt' } },
    ]);
    for (const field of fields) expect(RiskField.safeParse(field).success).toBe(true);
  });

  it('requires both labels of each field', () => {
    const errors = fieldErrors([
      { key: 1, en: 'Age', da: '', type: 'number' },
      { key: 2, en: ' ', da: 'Alder', type: 'number' },
      { key: 3, en: 'Ok', da: 'Ok', type: 'text' },
    ]);
    expect([...errors]).toEqual([
      [1, { da: 'validation.required' }],
      [2, { en: 'validation.required' }],
    ]);
  });
});
