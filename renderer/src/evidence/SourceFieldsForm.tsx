// The inputs of a source's metadata, each labelled, with the core's translated error beside it.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SourceKind, type Source } from '../../../preload/contract';
import { TextField } from '../app/TextField';
import { localeFor } from '../i18n';
import { formatPartialDate } from '../i18n/format';
import type { SourceDraft } from './sourceForm';

interface Props {
  draft: SourceDraft;
  errors: Partial<Record<keyof SourceDraft, string>>;
  /** The other sources, for "superseded by". */
  sources: Source[];
  onChange: (patch: Partial<SourceDraft>) => void;
}

type LineName = 'publisher' | 'title' | 'date' | 'documentNumber' | 'doi' | 'url' | 'language' | 'countries' | 'regions';

export function SourceFieldsForm({ draft, errors, sources, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const line = (name: LineName, options: { hint?: string; dir?: 'auto' | 'ltr'; maxLength?: number } = {}) => (
    <TextField
      id={`source-${name}`}
      label={t(`evidence.source.${name}`)}
      hint={options.hint}
      dir={options.dir ?? 'auto'}
      autoComplete="off"
      maxLength={options.maxLength ?? 300}
      value={draft[name]}
      errorKey={errors[name]}
      onChange={(event) => onChange({ [name]: event.target.value })}
    />
  );
  const frame = (name: keyof SourceDraft, control: ReactNode, hint?: string) => (
    <div className={`field${errors[name] ? ' field--invalid' : ''}`}>
      <label htmlFor={`source-${name}`}>{t(`evidence.source.${name}`)}</label>
      {control}
      {errors[name] && (
        <p className="field__error" id={`source-${name}-error`}>
          {t(errors[name])}
        </p>
      )}
      {hint && (
        <p className="field__hint" id={`source-${name}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
  const described = (name: keyof SourceDraft, hint: boolean) =>
    [errors[name] ? `source-${name}-error` : null, hint ? `source-${name}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="grid grid--two">
      {line('publisher')}
      {line('title', { maxLength: 1000 })}
      {line('date', { dir: 'ltr', hint: t('intake.partialDateHint'), maxLength: 10 })}
      {frame(
        'kind',
        <select id="source-kind" className="input select" value={draft.kind} onChange={(event) => onChange({ kind: event.target.value as SourceDraft['kind'] })}>
          {SourceKind.options.map((kind) => (
            <option key={kind} value={kind}>
              {t(`evidence.kind.${kind}`)}
            </option>
          ))}
        </select>,
      )}
      {line('documentNumber', { maxLength: 200 })}
      {line('doi', { dir: 'ltr', maxLength: 200 })}
      {line('url', { dir: 'ltr', maxLength: 2000 })}
      {line('language', { dir: 'ltr', hint: t('evidence.source.languageHint'), maxLength: 35 })}
      {line('countries', { dir: 'ltr', hint: t('evidence.source.countriesHint') })}
      {line('regions', { hint: t('evidence.source.regionsHint'), maxLength: 5000 })}
      {frame(
        'supersededById',
        <select
          id="source-supersededById"
          className="input select"
          value={draft.supersededById}
          aria-describedby={described('supersededById', true)}
          onChange={(event) => onChange({ supersededById: event.target.value })}
        >
          <option value="">{t('evidence.source.notSuperseded')}</option>
          {sources.map((source) => (
            <option key={source.id} value={source.id}>
              {source.publisher}: {source.title}
              {source.date ? ` (${formatPartialDate(source.date, localeFor(i18n.language))})` : ''}
            </option>
          ))}
        </select>,
        t('evidence.source.supersededByHint'),
      )}
      <div className={`field field--wide${errors.methodNotes ? ' field--invalid' : ''}`}>
        <label htmlFor="source-methodNotes">{t('evidence.source.methodNotes')}</label>
        <textarea
          id="source-methodNotes"
          className="input textarea"
          dir="auto"
          rows={3}
          maxLength={5000}
          value={draft.methodNotes}
          aria-describedby={described('methodNotes', true)}
          onChange={(event) => onChange({ methodNotes: event.target.value })}
        />
        {errors.methodNotes && (
          <p className="field__error" id="source-methodNotes-error">
            {t(errors.methodNotes)}
          </p>
        )}
        <p className="field__hint" id="source-methodNotes-hint">
          {t('evidence.source.methodNotesHint')}
        </p>
      </div>
    </div>
  );
}
