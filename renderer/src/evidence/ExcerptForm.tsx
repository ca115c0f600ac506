// Add or edit an excerpt: the quoted text, its pinpoint (page, paragraph, section: at least one),
// its language and its tags on the three axes.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TAG_AXES, type Excerpt, type ExcerptTags } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { TextField } from '../app/TextField';
import { TagPicker } from './TagPicker';
import { useTags } from './useTags';

export interface ExcerptDraft {
  text: string;
  page: string;
  paragraph: string;
  section: string;
  language: string;
  tags: ExcerptTags;
}

export const draftOfExcerpt = (excerpt: Excerpt): ExcerptDraft => ({
  text: excerpt.text,
  page: excerpt.pinpoint.page ?? '',
  paragraph: excerpt.pinpoint.paragraph ?? '',
  section: excerpt.pinpoint.section ?? '',
  language: excerpt.language ?? '',
  tags: excerpt.tags,
});

interface Props {
  sourceId: string;
  /** The excerpt edited, or null for a new one. */
  id: string | null;
  initial: ExcerptDraft;
  onSaved: () => void;
  onCancel: () => void;
  onVaultLocked: () => void;
}

type Field = 'text' | 'page' | 'paragraph' | 'section' | 'language';

export function ExcerptForm({ sourceId, id, initial, onSaved, onCancel, onVaultLocked }: Props) {
  const { t } = useTranslation();
  const { lists, addTag } = useTags();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<Field | 'pinpoint', string>>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const text = useRef<HTMLTextAreaElement>(null);
  useEffect(() => text.current?.focus(), []);

  const save = async () => {
    setBusy(true);
    setErrors({});
    setFailure(null);
    const line = (value: string) => (value.trim() === '' ? null : value.trim());
    try {
      await api.evidence.saveExcerpt({
        ...(id ? { id } : {}),
        excerpt: {
          sourceId,
          text: draft.text,
          pinpoint: { page: line(draft.page), paragraph: line(draft.paragraph), section: line(draft.section) },
          language: line(draft.language),
          tags: draft.tags,
        },
      });
      onSaved();
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'VAULT_LOCKED') return onVaultLocked();
      const placed: Partial<Record<Field | 'pinpoint', string>> = {};
      for (const issue of error.issues) {
        const segments = issue.path.split('.');
        const field = (['text', 'page', 'paragraph', 'section', 'language'] as const).find((name) => segments.includes(name));
        const key = field ?? (segments.includes('pinpoint') ? 'pinpoint' : null);
        if (key && !placed[key]) placed[key] = issue.message;
      }
      setErrors(placed);
      if (Object.keys(placed).length === 0) setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const set = (patch: Partial<ExcerptDraft>) => setDraft((previous) => ({ ...previous, ...patch }));
  const pinpointField = (name: 'page' | 'paragraph' | 'section') => (
    <TextField
      id={`excerpt-${name}`}
      label={t(`evidence.pinpoint.${name}`)}
      dir="auto"
      autoComplete="off"
      maxLength={name === 'section' ? 200 : 40}
      value={draft[name]}
      errorKey={errors[name]}
      onChange={(event) => set({ [name]: event.target.value })}
    />
  );
  return (
    <form
      className="form excerpt-form"
      noValidate
      aria-busy={busy}
      aria-label={id ? t('evidence.excerpts.edit') : t('evidence.excerpts.add')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className={`field${errors.text ? ' field--invalid' : ''}`}>
        <label htmlFor="excerpt-text">{t('evidence.excerpts.text')}</label>
        <textarea
          id="excerpt-text"
          ref={text}
          className="input textarea"
          dir="auto"
          rows={5}
          maxLength={20000}
          value={draft.text}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={errors.text ? 'excerpt-text-error' : undefined}
          onChange={(event) => set({ text: event.target.value })}
        />
        {errors.text && (
          <p className="field__error" id="excerpt-text-error">
            {t(errors.text)}
          </p>
        )}
      </div>
      <fieldset className="subsection" aria-describedby={errors.pinpoint ? 'excerpt-pinpoint-error' : 'excerpt-pinpoint-hint'}>
        <legend>{t('evidence.pinpoint.title')}</legend>
        <div className="grid">
          {pinpointField('page')}
          {pinpointField('paragraph')}
          {pinpointField('section')}
        </div>
        {errors.pinpoint ? (
          <p className="field__error" id="excerpt-pinpoint-error">
            {t(errors.pinpoint)}
          </p>
        ) : (
          <p className="field__hint" id="excerpt-pinpoint-hint">
            {t('evidence.pinpoint.hint')}
          </p>
        )}
      </fieldset>
      <TextField
        id="excerpt-language"
        label={t('evidence.excerpts.language')}
        hint={t('evidence.source.languageHint')}
        dir="ltr"
        autoComplete="off"
        maxLength={35}
        value={draft.language}
        errorKey={errors.language}
        onChange={(event) => set({ language: event.target.value })}
      />
      {TAG_AXES.map((axis) => (
        <TagPicker
          key={axis}
          axis={axis}
          lists={lists}
          value={draft.tags[axis]}
          onChange={(value) => set({ tags: { ...draft.tags, [axis]: value } })}
          onAddTag={addTag}
        />
      ))}
      <ErrorAlert error={failure} />
      <div className="form__actions form__actions--start">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('evidence.excerpts.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
