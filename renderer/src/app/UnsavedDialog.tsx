// Shown when locking found edits that cannot be saved (invalid, or in conflict): stay and fix them,
// or lock anyway and lose them. Never decided silently.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export function UnsavedDialog({ count, onStay, onLock }: { count: number; onStay: () => void; onLock: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    stay.current?.focus();
  }, []);
  return (
    <dialog ref={dialog} className="dialog" role="alertdialog" aria-labelledby="unsaved-title" aria-describedby="unsaved-body" onClose={onStay}>
      <div className="form">
        <h2 id="unsaved-title">{t('autosave.unsavedTitle')}</h2>
        <p id="unsaved-body">{t('autosave.unsavedBody', { count })}</p>
        <div className="form__actions">
          <button type="button" className="button button--primary" ref={stay} onClick={() => dialog.current?.close()}>
            {t('autosave.stay')}
          </button>
          <button type="button" className="button button--danger-solid" onClick={onLock}>
            {t('autosave.lockAnyway')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
