// The tags of one axis for an excerpt: a checkbox per tag in the list, and "New tag" (the lists
// are data and grow: a tag added here is in every list from now on).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagAxis, TagLists } from '../../../preload/contract';
import { type ApiError, toApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { labelOf } from '../reference/useReference';

interface Props {
  axis: TagAxis;
  lists: TagLists | null;
  value: string[];
  onChange: (value: string[]) => void;
  onAddTag: (axis: TagAxis, label: string) => Promise<{ id: string }>;
}

export function TagPicker({ axis, lists, value, onChange, onAddTag }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [label, setLabel] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const tags = lists?.[axis] ?? [];
  const known = new Set(tags.map((tag) => tag.id));
  const add = async () => {
    if (!label.trim()) return;
    setError(null);
    try {
      const tag = await onAddTag(axis, label.trim());
      if (!value.includes(tag.id)) onChange([...value, tag.id]);
      setLabel('');
    } catch (caught) {
      setError(toApiError(caught));
    }
  };
  return (
    <fieldset className="subsection tags">
      <legend>{t(`evidence.axis.${axis}`)}</legend>
      <div className="tags__list">
        {tags.map((tag) => (
          <label key={tag.id} className="checkbox">
            <input
              type="checkbox"
              checked={value.includes(tag.id)}
              onChange={(event) => onChange(event.target.checked ? [...value, tag.id] : value.filter((chosen) => chosen !== tag.id))}
            />
            {labelOf(tag.labels, i18n.language)}
          </label>
        ))}
        {value
          .filter((chosen) => !known.has(chosen))
          .map((chosen) => (
            <label key={chosen} className="checkbox">
              <input type="checkbox" checked onChange={() => onChange(value.filter((other) => other !== chosen))} />
              {chosen}
            </label>
          ))}
      </div>
      <div className="row tags__new">
        <div className="field">
          <label htmlFor={`${id}-new`}>{t('evidence.tags.new', { axis: t(`evidence.axis.${axis}`) })}</label>
          <input
            id={`${id}-new`}
            className="input"
            dir="auto"
            maxLength={60}
            value={label}
            onChange={(event) => setLabel(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              void add();
            }}
          />
        </div>
        <button type="button" className="button" disabled={!label.trim()} onClick={() => void add()}>
          {t('evidence.tags.add')}
        </button>
      </div>
      <ErrorAlert error={error} />
    </fieldset>
  );
}
