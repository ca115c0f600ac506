// The structured fields of a clinic's own risk factor, as the "add a clinic factor" dialog edits
// them: labels in both languages and a type. The field's id (the key its value is stored under on
// every case) is made from the English label: camelCase ASCII, unique within the factor, matching
// the contract's RiskField id pattern.
import type { RiskField } from '../../../preload/contract';

export const FIELD_TYPES = ['boolean', 'number', 'text', 'date'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldDraft {
  key: number;
  en: string;
  da: string;
  type: FieldType;
}

export interface FieldErrors {
  en?: string;
  da?: string;
}

/** "Years of service (army)" → "yearsOfServiceArmy"; "Ålder" → "alder"; nothing usable → "". */
export function fieldIdFrom(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[æÆ]/g, (c) => (c === 'æ' ? 'ae' : 'Ae'))
    .replace(/[øØ]/g, (c) => (c === 'ø' ? 'o' : 'O'))
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const id = words.map((word, index) => (index === 0 ? word.toLowerCase() : word[0]!.toUpperCase() + word.slice(1).toLowerCase())).join('');
  return /^[a-zA-Z]/.test(id) ? id.slice(0, 60) : '';
}

/** The fields as the contract takes them, ids made unique (field, field2, …). */
export function toRiskFields(drafts: readonly FieldDraft[]): RiskField[] {
  const used = new Set<string>();
  return drafts.map((draft, index) => {
    const base = fieldIdFrom(draft.en) || fieldIdFrom(draft.da) || `field${index + 1}`;
    let id = base;
    for (let n = 2; used.has(id); n += 1) id = `${base}${n}`;
    used.add(id);
    return { id, type: draft.type, labels: { en: draft.en.trim(), da: draft.da.trim() } };
  });
}

/** Both labels are required; keyed by the draft's key. */
export function fieldErrors(drafts: readonly FieldDraft[]): Map<number, FieldErrors> {
  const errors = new Map<number, FieldErrors>();
  for (const draft of drafts) {
    const found: FieldErrors = {
      ...(draft.en.trim() ? {} : { en: 'validation.required' }),
      ...(draft.da.trim() ? {} : { da: 'validation.required' }),
    };
    if (found.en || found.da) errors.set(draft.key, found);
  }
  return errors;
}
