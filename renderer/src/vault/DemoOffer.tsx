// The first run's second choice, under "create a vault": look around in a demo vault of invented
// people instead (vault.openDemo). The sentence says plainly that nothing there is real.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import './demo.css';

export function DemoOffer({ onOpened }: { onOpened: (status: VaultStatus) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      onOpened(await api.vault.openDemo({}));
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };
  return (
    <section className="demo-offer stack" aria-labelledby="demo-offer-title" aria-busy={busy}>
      <h2 id="demo-offer-title">{t('demo.offer.title')}</h2>
      <p>{t('demo.offer.text')}</p>
      <ErrorAlert error={error} />
      <div className="form__actions">
        <button type="button" className="button" disabled={busy} onClick={() => void open()}>
          {busy ? t('demo.offer.opening') : t('demo.offer.open')}
        </button>
      </div>
    </section>
  );
}
