// "Saving… / Saved / Not saved: <reason>" for one section, in a polite live region; on an edit
// conflict, the two ways out (never chosen silently).
import { useTranslation } from 'react-i18next';
import { errorText } from '../app/ErrorAlert';
import type { SaveStatus } from './useSectionForm';

interface Props {
  status: SaveStatus;
  onLoadStored: () => void;
  onKeepMine: () => void;
}

export function SaveStatusLine({ status, onLoadStored, onKeepMine }: Props) {
  const { t, i18n } = useTranslation();
  let text = '';
  if (status.kind === 'pending') text = t('autosave.pending');
  if (status.kind === 'saving') text = t('autosave.saving');
  if (status.kind === 'saved') text = t('autosave.saved');
  if (status.kind === 'invalid') text = t('autosave.notSaved', { reason: t('autosave.invalid') });
  if (status.kind === 'failed') text = t('autosave.notSaved', { reason: errorText(t, (key) => i18n.exists(key), status.error) });
  return (
    <div className="save-status">
      <p className={`save-status__text save-status__text--${status.kind}`} role="status">
        {text}
      </p>
      {status.kind === 'conflict' && (
        <div className="alert alert--conflict" role="alert">
          <p>{t('autosave.conflict')}</p>
          <div className="alert__actions">
            <button type="button" className="button" onClick={onLoadStored}>
              {t('autosave.loadStored')}
            </button>
            <button type="button" className="button" onClick={onKeepMine}>
              {t('autosave.keepMine')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
