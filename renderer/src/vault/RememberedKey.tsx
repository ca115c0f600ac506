// "Remember on this computer" on the unlock form: the checkbox (off by default; disabled, with the
// reason, where the OS keychain is missing or would store the key unprotected) and, when this
// computer remembers the vault, unlocking without the passphrase and forgetting.
import type { InputHTMLAttributes, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeychainState } from '../../../preload/contract';

const REASON_ID = 'remember-reason';

type CheckboxProps = { keychain: KeychainState; ref?: Ref<HTMLInputElement> } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'>;

export function RememberCheckbox({ keychain, ...input }: CheckboxProps) {
  const { t } = useTranslation();
  const usable = keychain === 'available';
  return (
    <div className="field">
      <div className="checkbox">
        <input id="remember" type="checkbox" disabled={!usable} aria-describedby={REASON_ID} {...input} />
        <label htmlFor="remember">{t('lock.remember.label')}</label>
      </div>
      <p className="field__hint" id={REASON_ID}>
        {usable ? t('lock.remember.hint') : t(keychain === 'insecure' ? 'errors.KEYCHAIN_INSECURE' : 'errors.KEYCHAIN_UNAVAILABLE')}
      </p>
    </div>
  );
}

interface RememberedProps {
  keychain: KeychainState;
  busy: boolean;
  onUnlock: () => void;
  onForget: () => void;
}

/** Shown when this computer remembers the vault's key. */
export function RememberedActions({ keychain, busy, onUnlock, onForget }: RememberedProps) {
  const { t } = useTranslation();
  return (
    <div className="notice">
      <p>{t('lock.remember.remembered')}</p>
      <div className="form__actions form__actions--start">
        {keychain === 'available' && (
          <button type="button" className="button button--primary" disabled={busy} onClick={onUnlock}>
            {t('lock.remember.unlock')}
          </button>
        )}
        <button type="button" className="button" disabled={busy} onClick={onForget}>
          {t('lock.remember.forget')}
        </button>
      </div>
    </div>
  );
}
