// Pick another case in the vault (a combobox over cases.list): type to search, ↓/↑ to move, Enter
// to choose, Escape to close. Shows the linked case with a way to open it and to unlink it.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../preload/contract';
import { api } from '../api/client';

interface Props {
  label: string;
  value: string | null;
  /** The case being edited: not offered. */
  excludeId: string;
  onChange: (id: string | null) => void;
  onOpen: (id: string) => void;
}

export function CasePicker({ label, value, excludeId, onChange, onOpen }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<CaseSummary[]>([]);
  const [active, setActive] = useState(0);
  const [linked, setLinked] = useState<CaseSummary | null>(null);

  useEffect(() => {
    if (!open) return;
    let current = true;
    const query = text.trim();
    api.cases
      .list({ ...(query ? { query } : {}), limit: 8 })
      .then((page) => {
        if (!current) return;
        setOptions(page.items.filter((item) => item.id !== excludeId));
        setActive(0);
      })
      .catch(() => current && setOptions([]));
    return () => {
      current = false;
    };
  }, [text, open, excludeId]);

  // The linked case's reference and name, for showing it (a case has no cheap "get summary").
  useEffect(() => {
    if (!value) return;
    let current = true;
    api.cases
      .get({ id: value })
      .then(
        (record) =>
          current &&
          setLinked({
            id: record.id,
            reference: record.file.details.reference,
            clientName: record.file.client.name,
            status: record.file.details.status,
            nextDeadline: null,
            updatedAt: record.updatedAt,
          }),
      )
      .catch(() => current && setLinked(null));
    return () => {
      current = false;
    };
  }, [value]);

  const choose = (option: CaseSummary) => {
    setLinked(option);
    onChange(option.id);
    setOpen(false);
    setText('');
  };

  if (value) {
    const shown = linked?.id === value ? linked : null;
    return (
      <div className="field case-link">
        <span className="case-link__label">{label}</span>
        <div className="case-link__value">
          <span>
            {shown ? (
              <>
                <strong>{shown.reference}</strong> <span dir="auto">{shown.clientName}</span>
              </>
            ) : (
              t('app.loading')
            )}
          </span>
          <button type="button" className="button button--link" onClick={() => onOpen(value)}>
            {t('intake.household.openLinked')}
            {shown && <span className="visually-hidden"> {shown.reference}</span>}
          </button>
          <button type="button" className="button button--quiet" onClick={() => onChange(null)}>
            {t('intake.household.unlink')}
            {shown && <span className="visually-hidden"> {shown.reference}</span>}
          </button>
        </div>
      </div>
    );
  }

  const listId = `${id}-list`;
  const activeOption = open ? options[active] : undefined;
  return (
    <div className="field case-picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        role="combobox"
        dir="auto"
        autoComplete="off"
        spellCheck={false}
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption ? `${listId}-${activeOption.id}` : undefined}
        aria-describedby={`${id}-hint`}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
            setActive((n) => Math.min(n + 1, Math.max(options.length - 1, 0)));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((n) => Math.max(n - 1, 0));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            if (activeOption) choose(activeOption);
          } else if (event.key === 'Escape' && open) {
            event.preventDefault();
            setOpen(false);
          }
        }}
      />
      <p className="field__hint" id={`${id}-hint`}>
        {t('intake.household.linkHint')}
      </p>
      {open && options.length > 0 && (
        <ul className="listbox" id={listId} role="listbox" aria-label={label}>
          {options.map((option, index) => (
            <li
              key={option.id}
              id={`${listId}-${option.id}`}
              role="option"
              aria-selected={index === active}
              className="listbox__option"
              // Keep the focus in the input; choose on mouse down before the blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(option);
              }}
            >
              <strong>{option.reference}</strong> <span dir="auto">{option.clientName}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
