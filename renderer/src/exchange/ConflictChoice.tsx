// One field changed on both sides: the field, this vault's value and the incoming one, and the
// choice between them. Nothing is chosen for the person: every conflict needs an answer.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldConflict } from '../../../preload/contract';
import { fieldLabel } from './conflictText';
import { ValueText } from './ValueText';

interface Props {
  conflict: FieldConflict;
  take: 'mine' | 'theirs' | undefined;
  onChoose: (take: 'mine' | 'theirs') => void;
}

export function ConflictChoice({ conflict, take, onChoose }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const label = fieldLabel(conflict.path, t, (key) => i18n.exists(key));
  return (
    <fieldset className={`conflict${take ? '' : ' conflict--open'}`}>
      <legend>
        {label}{' '}
        <code dir="ltr" className="conflict__path">
          {conflict.path}
        </code>
      </legend>
      <div className="conflict__sides">
        {(['mine', 'theirs'] as const).map((side) => (
          <div key={side} className={`conflict__side${take === side ? ' conflict__side--chosen' : ''}`}>
            <label className="radio">
              <input type="radio" name={id} checked={take === side} aria-describedby={`${id}-${side}`} onChange={() => onChoose(side)} />
              {side === 'mine' ? t('exchange.import.keepMine') : t('exchange.import.takeTheirs')}
            </label>
            <div id={`${id}-${side}`} className="conflict__text">
              <span className="visually-hidden">{side === 'mine' ? t('exchange.import.mine') : t('exchange.import.theirs')}: </span>
              <ValueText value={conflict[side]} />
            </div>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
