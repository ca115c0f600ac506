// A source's excerpts: each with its pinpoint and tags, edit and delete; "Add an excerpt", also
// opened pre-filled by "Use selection as excerpt" in the PDF's text.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TAG_AXES, type Excerpt, type Source } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { PlusIcon } from '../app/icons';
import { draftOfExcerpt, ExcerptForm, type ExcerptDraft } from './ExcerptForm';
import { formatPinpoint } from './format';
import { pageRange, type PageSelection } from './selection';
import { tagLabel, useTags } from './useTags';

interface Props {
  source: Source;
  excerpts: Excerpt[];
  prefill: PageSelection | null;
  onChanged: () => void;
  onVaultLocked: () => void;
}

const EMPTY: ExcerptDraft = { text: '', page: '', paragraph: '', section: '', language: '', tags: { topic: [], place: [], profile: [] } };

export function ExcerptsPanel({ source, excerpts, prefill, onChanged, onVaultLocked }: Props) {
  const { t, i18n } = useTranslation();
  const { lists } = useTags();
  const id = useId();
  const [editing, setEditing] = useState<{ id: string | null; initial: ExcerptDraft; key: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [prefillTaken, setPrefillTaken] = useState<PageSelection | null>(null);
  // Deleting a quoted passage cannot be undone: the first click asks, the second deletes.
  const [confirming, setConfirming] = useState<string | null>(null);

  // A selection taken from the PDF opens the form with it (once per selection).
  if (prefill && prefill !== prefillTaken) {
    setPrefillTaken(prefill);
    setEditing({ id: null, key: (editing?.key ?? 0) + 1, initial: { ...EMPTY, text: prefill.text, page: pageRange(prefill), language: source.language ?? '' } });
  }

  const remove = async (excerpt: Excerpt) => {
    setError(null);
    setConfirming(null);
    try {
      await api.evidence.deleteExcerpt({ id: excerpt.id });
      onChanged();
    } catch (caught) {
      const failure = toApiError(caught);
      if (failure.code === 'VAULT_LOCKED') onVaultLocked();
      else setError(failure);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        {t('evidence.excerpts.title', { count: excerpts.length })}
      </h2>
      {excerpts.length === 0 && <p className="muted">{t('evidence.excerpts.none')}</p>}
      {excerpts.length > 0 && (
        <ul className="excerpt-list">
          {excerpts.map((excerpt) => (
            <li key={excerpt.id} className="excerpt">
              <blockquote className="excerpt__text" dir="auto" lang={excerpt.language ?? undefined}>
                {excerpt.text}
              </blockquote>
              <p className="excerpt__pinpoint">{formatPinpoint(excerpt.pinpoint, t)}</p>
              <p className="excerpt__tags">
                {TAG_AXES.flatMap((axis) =>
                  excerpt.tags[axis].map((tag) => (
                    <span key={`${axis}-${tag}`} className={`tag tag--${axis}`} title={t(`evidence.axis.${axis}`)}>
                      {tagLabel(lists, axis, tag, i18n.language)}
                    </span>
                  )),
                )}
              </p>
              <div className="excerpt__actions">
                <button type="button" className="button button--link" onClick={() => setEditing({ id: excerpt.id, initial: draftOfExcerpt(excerpt), key: (editing?.key ?? 0) + 1 })}>
                  {t('evidence.excerpts.editOne', { pinpoint: formatPinpoint(excerpt.pinpoint, t) })}
                </button>
                {confirming === excerpt.id ? (
                  <>
                    <button type="button" className="button button--danger-solid" onClick={() => void remove(excerpt)}>
                      {t('evidence.excerpts.deleteConfirm', { pinpoint: formatPinpoint(excerpt.pinpoint, t) })}
                    </button>
                    <button type="button" className="button" onClick={() => setConfirming(null)}>
                      {t('common.cancel')}
                    </button>
                  </>
                ) : (
                  <button type="button" className="button button--link button--danger" onClick={() => setConfirming(excerpt.id)}>
                    {t('evidence.excerpts.deleteOne', { pinpoint: formatPinpoint(excerpt.pinpoint, t) })}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={error} />
      {editing ? (
        <ExcerptForm
          key={editing.key}
          sourceId={source.id}
          id={editing.id}
          initial={editing.initial}
          onSaved={() => {
            setEditing(null);
            setError(null);
            onChanged();
          }}
          onCancel={() => setEditing(null)}
          onVaultLocked={onVaultLocked}
        />
      ) : (
        <button type="button" className="button" onClick={() => setEditing({ id: null, initial: { ...EMPTY, language: source.language ?? '' }, key: 0 })}>
          <PlusIcon />
          {t('evidence.excerpts.add')}
        </button>
      )}
    </section>
  );
}
