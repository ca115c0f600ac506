// The repeated-entry editor shared by the household, timeline and deadlines sections: a numbered
// list of fieldsets, each with its legend and a remove button, an empty-state line and an add
// button. The section supplies the fields of one entry and the words.
import type { ReactNode } from 'react';

interface Props {
  /** react-hook-form's field array entries (keyName 'key'). */
  entries: readonly { key: string }[];
  none: string;
  legend: (index: number) => string;
  removeLabel: (index: number) => string;
  addLabel: string;
  renderEntry: (index: number) => ReactNode;
  onRemove: (index: number) => void;
  onAdd: () => void;
}

export function EntryList({ entries, none, legend, removeLabel, addLabel, renderEntry, onRemove, onAdd }: Props) {
  return (
    <>
      {entries.length === 0 && <p className="muted">{none}</p>}
      <ol className="entries">
        {entries.map((entry, index) => (
          <li key={entry.key} className="entry">
            <fieldset className="entry__fields">
              <legend>{legend(index)}</legend>
              {renderEntry(index)}
              <button type="button" className="button button--quiet entry__remove" onClick={() => onRemove(index)}>
                {removeLabel(index)}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" className="button" onClick={onAdd}>
        {addLabel}
      </button>
    </>
  );
}
