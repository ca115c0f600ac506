// A modal question with a safe choice (focused) and the action: deleting a version, removing a
// template, generating with stale sources. Escape or Cancel closes it without acting.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  confirmLabel: string;
  danger?: boolean;
  onClose: () => void;
  onConfirm: () => Promise<void> | void;
  children: ReactNode;
}

let nextId = 0;

export function ConfirmDialog({ title, confirmLabel, danger = false, onClose, onConfirm, children }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [id] = useState(() => `confirm-${(nextId += 1)}`);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    cancel.current?.focus();
  }, []);
  return (
    <dialog ref={dialog} className="dialog" role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} onClose={(event) => event.target === event.currentTarget && onClose()}>
      <div className="form">
        <h2 id={`${id}-title`}>{title}</h2>
        <div id={`${id}-body`}>{children}</div>
        <div className="form__actions">
          <button type="button" className="button" ref={cancel} onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className={danger ? 'button button--danger-solid' : 'button button--primary'}
            aria-disabled={busy || undefined}
            onClick={async () => {
              if (busy) return;
              setBusy(true);
              try {
                await onConfirm();
              } finally {
                setBusy(false);
                dialog.current?.close();
              }
            }}
          >
            {confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
