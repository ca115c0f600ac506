// The tags of one axis for an excerpt: a checkbox per tag in the list, and "New tag" (the lists
// are data and grow: a tag added here is in every list from now on). A new tag is named in both
// languages the app ships in, the UI's language first; the other may be left empty for now, and
// then reads the same in both (a place name usually does).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Labels, TagAxis, TagLists } from '../../../preload/contract';
import { type ApiError, toApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { labelOf } from '../reference/useReference';
import { tagsForDisplay } from './useTags';

interface Props {
  axis: TagAxis;
  lists: TagLists | null;
  value: string[];
  onChange: (value: string[]) => void;
  onAddTag: (axis: TagAxis, labels: Labels) => Promise<{ id: string }>;
}

export function TagPicker({ axis, lists, value, onChange, onAddTag }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [labels, setLabels] = useState<Labels>({ da: '', en: '' });
  const first: keyof Labels = i18n.language.startsWith('da') ? 'da' : 'en';
  const second: keyof Labels = first === 'da' ? 'en' : 'da';
  const label = labels[first].trim();
  const [error, setError] = useState<ApiError | null>(null);
  const tags = tagsForDisplay(lists?.[axis] ?? [], i18n.language);
  const known = new Set(tags.map((tag) => tag.id));
  const add = async () => {
    if (!label.trim()) return;
    setError(null);
    try {
      const other = labels[second].trim() || label;
      const tag = await onAddTag(axis, { [first]: label, [second]: other } as Labels);
      if (!value.includes(tag.id)) onChange([...value, tag.id]);
      setLabels({ da: '', en: '' });
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
        {[first, second].map((language) => (
          <div className="field" key={language}>
            <label htmlFor={`${id}-${language}`}>
              {t(`evidence.tags.new_${language}`, { axis: t(`evidence.axis.${axis}`) })}
            </label>
            <input
              id={`${id}-${language}`}
              className="input"
              dir="auto"
              lang={language}
              maxLength={60}
              aria-describedby={language === second ? `${id}-hint` : undefined}
              value={labels[language]}
              onChange={(event) => setLabels((current) => ({ ...current, [language]: event.target.value }))}
              onKeyDown={(event) => {
                if (event.key !== 'Enter') return;
                event.preventDefault();
                void add();
              }}
            />
          </div>
        ))}
        <button type="button" className="button" disabled={!label} onClick={() => void add()}>
          {t('evidence.tags.add')}
        </button>
      </div>
      <p className="field__hint" id={`${id}-hint`}>
        {t('evidence.tags.sameLabel')}
      </p>
      <ErrorAlert error={error} />
    </fieldset>
  );
}
