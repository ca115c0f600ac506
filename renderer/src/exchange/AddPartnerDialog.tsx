// "Add a partner from a card…": the card file is read in the page and previewed by the core (who
// it names, and whether the address book knows it). Trust needs the fingerprint the person compared
// out of band (read aloud on the phone, printed on a letter) typed or pasted here: the core checks
// it against the card, so a card swapped on the way is caught, not just clicked through.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardPreview, Partner } from '../../../preload/contract';
import { api, ApiError, toApiError } from '../api/client';
import { ExchangeError } from './errors';
import { Fingerprint, looksLikeFingerprint } from './Fingerprint';

const MAX_CARD_BYTES = 20_000;

interface Props {
  onClose: () => void;
  onTrusted: (partner: Partner) => void;
  onVaultLocked: () => void;
}

export function AddPartnerDialog({ onClose, onTrusted, onVaultLocked }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [card, setCard] = useState<{ text: string; preview: CardPreview } | null>(null);
  const [typed, setTyped] = useState('');
  const [failure, setFailure] = useState<{ error: ApiError; attempt: number } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    fileInput.current?.focus();
  }, []);

  const fail = (caught: unknown) => {
    const error = toApiError(caught);
    if (error.code === 'VAULT_LOCKED') return onVaultLocked();
    setFailure((previous) => ({ error, attempt: (previous?.attempt ?? 0) + 1 }));
  };

  const readCard = async (file: File) => {
    setFailure(null);
    setCard(null);
    setTyped('');
    if (file.size > MAX_CARD_BYTES) {
      setFailure({ error: new ApiError('INVALID_INPUT', 'exchange.partners.cardTooLarge'), attempt: 0 });
      return;
    }
    setBusy(true);
    try {
      const text = await file.text();
      setCard({ text, preview: await api.partners.preview({ card: text }) });
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  const trust = async () => {
    if (!card) return;
    setFailure(null);
    setBusy(true);
    try {
      onTrusted(await api.partners.trust({ card: card.text, fingerprint: typed }));
      dialog.current?.close();
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  const preview = card?.preview;
  return (
    <dialog ref={dialog} className="dialog dialog--wide" aria-labelledby={`${id}-title`} onClose={(event) => event.target === event.currentTarget && onClose()}>
      <form
        className="form"
        noValidate
        aria-busy={busy}
        onSubmit={(event) => {
          event.preventDefault();
          if (card && looksLikeFingerprint(typed)) void trust();
        }}
      >
        <h2 id={`${id}-title`}>{t('exchange.partners.addTitle')}</h2>
        <p>{t('exchange.partners.addIntro')}</p>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('exchange.partners.cardFile')}</label>
          <input
            id={`${id}-file`}
            ref={fileInput}
            className="input"
            type="file"
            accept=".json,.briefcase-card,application/json"
            disabled={busy}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void readCard(file);
            }}
          />
        </div>
        {preview && (
          <section className="partner-preview stack" aria-label={t('exchange.partners.cardPreview')}>
            <dl className="exchange-facts">
              <dt>{t('exchange.partners.name')}</dt>
              <dd dir="auto">{preview.clinic.profile.name}</dd>
              {preview.clinic.profile.address && (
                <>
                  <dt>{t('exchange.profile.address')}</dt>
                  <dd dir="auto" className="clinic-address">
                    {preview.clinic.profile.address}
                  </dd>
                </>
              )}
              <dt>{t('exchange.partners.cardFingerprint')}</dt>
              <dd>
                <Fingerprint value={preview.clinic.fingerprint} />
              </dd>
            </dl>
            <p className={preview.known === 'changed' ? 'alert' : 'notice'} role={preview.known === 'changed' ? 'alert' : 'status'}>
              {t(`exchange.partners.known.${preview.known}`)}
            </p>
            <div className="field">
              <label htmlFor={`${id}-typed`}>{t('exchange.partners.typeFingerprint')}</label>
              <input
                id={`${id}-typed`}
                className="input fingerprint-input"
                dir="ltr"
                autoComplete="off"
                spellCheck={false}
                maxLength={100}
                aria-describedby={`${id}-typed-hint`}
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
              />
              <p className="field__hint" id={`${id}-typed-hint`}>
                {t('exchange.partners.typeFingerprintHint')}
              </p>
            </div>
          </section>
        )}
        {failure && <ExchangeError key={failure.attempt} error={failure.error} />}
        <div className="form__actions">
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || !card || !looksLikeFingerprint(typed)}>
            {t('exchange.partners.trust')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
