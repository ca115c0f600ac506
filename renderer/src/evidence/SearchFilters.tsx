// The filters beside the search box: one tag per axis, publisher, country and a date range. Values
// that are not valid yet (a half-typed date) are shown as errors and left out of the search.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TAG_AXES, type TagAxis } from '../../../preload/contract';
import { isValidPartialDate } from '../../../preload/schemas/dates';
import { labelOf } from '../reference/useReference';
import type { SearchInput } from './useEvidenceSearch';
import { tagsForDisplay, useTags } from './useTags';

export interface Filters {
  topic: string;
  place: string;
  profile: string;
  publisher: string;
  country: string;
  from: string;
  to: string;
}

export const NO_FILTERS: Filters = { topic: '', place: '', profile: '', publisher: '', country: '', from: '', to: '' };

const dateOk = (text: string) => text.trim() === '' || isValidPartialDate(text.trim());
const countryOk = (text: string) => text.trim() === '' || /^[A-Za-z]{2}$/.test(text.trim());

/** The search input for the filters that are valid. */
export function searchInput(query: string, filters: Filters): SearchInput {
  const input: SearchInput = { query };
  for (const axis of TAG_AXES) if (filters[axis]) input[axis] = [filters[axis]];
  if (filters.publisher.trim()) input.publisher = filters.publisher.trim();
  if (filters.country.trim() && countryOk(filters.country)) input.country = filters.country.trim().toUpperCase();
  if (filters.from.trim() && dateOk(filters.from)) input.from = filters.from.trim();
  if (filters.to.trim() && dateOk(filters.to)) input.to = filters.to.trim();
  return input;
}

export function SearchFilters({ filters, onChange }: { filters: Filters; onChange: (filters: Filters) => void }) {
  const { t, i18n } = useTranslation();
  const { lists } = useTags();
  const id = useId();
  const active = Object.values(filters).some((value) => value.trim() !== '');
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const text = (name: 'publisher' | 'country' | 'from' | 'to', label: string, valid: boolean, errorKey: string, hint?: string) => (
    <div className={`field${valid ? '' : ' field--invalid'}`}>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        className="input"
        dir={name === 'publisher' ? 'auto' : 'ltr'}
        autoComplete="off"
        value={filters[name]}
        aria-invalid={valid ? undefined : true}
        aria-describedby={[valid ? null : `${id}-${name}-error`, hint ? `${id}-${name}-hint` : null].filter(Boolean).join(' ') || undefined}
        onChange={(event) => set({ [name]: event.target.value })}
      />
      {!valid && (
        <p className="field__error" id={`${id}-${name}-error`}>
          {t(errorKey)}
        </p>
      )}
      {hint && (
        <p className="field__hint" id={`${id}-${name}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
  const tagSelect = (axis: TagAxis) => (
    <div className="field" key={axis}>
      <label htmlFor={`${id}-${axis}`}>{t(`evidence.axis.${axis}`)}</label>
      <select id={`${id}-${axis}`} className="input select" value={filters[axis]} onChange={(event) => set({ [axis]: event.target.value })}>
        <option value="">{t('evidence.filters.any')}</option>
        {tagsForDisplay(lists?.[axis] ?? [], i18n.language).map((tag) => (
          <option key={tag.id} value={tag.id}>
            {labelOf(tag.labels, i18n.language)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <details className="filters" open={active || undefined}>
      <summary className="filters__summary">{active ? t('evidence.filters.titleActive') : t('evidence.filters.title')}</summary>
      <fieldset className="subsection">
        <legend className="visually-hidden">{t('evidence.filters.title')}</legend>
        <div className="grid">
          {TAG_AXES.map(tagSelect)}
          {text('publisher', t('evidence.filters.publisher'), true, '')}
          {text('country', t('evidence.filters.country'), countryOk(filters.country), 'validation.countryCode', t('evidence.filters.countryHint'))}
          {text('from', t('evidence.filters.from'), dateOk(filters.from), 'validation.partialDate', t('intake.partialDateHint'))}
          {text('to', t('evidence.filters.to'), dateOk(filters.to), 'validation.partialDate', t('intake.partialDateHint'))}
        </div>
        {active && (
          <button type="button" className="button button--quiet" onClick={() => onChange(NO_FILTERS)}>
            {t('evidence.filters.clear')}
          </button>
        )}
      </fieldset>
    </details>
  );
}
