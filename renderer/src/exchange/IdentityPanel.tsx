// Who this clinic is to its partners: the fingerprint (large, to read aloud), the age recipients
// files are encrypted to, and "Export clinic card" (the public card as a file to hand over).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinicIdentity } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { downloadBlob } from '../app/download';
import { ExchangeError } from './errors';
import { Fingerprint } from './Fingerprint';

interface Props {
  identity: ClinicIdentity;
  onEdit: () => void;
  onVaultLocked: () => void;
}

export function IdentityPanel({ identity, onEdit, onVaultLocked }: Props) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [exported, setExported] = useState<string | null>(null);

  const exportCard = async () => {
    setFailure(null);
    setExported(null);
    try {
      const card = await api.clinic.card();
      downloadBlob([new TextEncoder().encode(card.text) as Uint8Array<ArrayBuffer>], card.name, 'application/json');
      setExported(card.name);
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'VAULT_LOCKED') return onVaultLocked();
      setFailure(error);
    }
  };

  const { profile } = identity;
  return (
    <section className="card stack" aria-labelledby="clinic-identity-title">
      <h2 id="clinic-identity-title" className="exchange-title">
        {profile.name}
      </h2>
      {(profile.address || profile.contact) && (
        <p className="clinic-address" dir="auto">
          {[profile.address, profile.contact].filter(Boolean).join('\n')}
        </p>
      )}
      <div className="clinic-fingerprint">
        <h3 id="own-fingerprint-label">{t('exchange.identity.fingerprint')}</h3>
        <div aria-labelledby="own-fingerprint-label" role="group">
          <Fingerprint value={identity.fingerprint} />
        </div>
        <p className="field__hint">{t('exchange.identity.fingerprintHint')}</p>
      </div>
      <dl className="exchange-facts">
        <dt>{t('exchange.identity.ageRecipient')}</dt>
        <dd>
          <code dir="ltr" className="break-all">
            {identity.ageRecipient}
          </code>
        </dd>
        {identity.pqRecipient && (
          <>
            <dt>{t('exchange.identity.pqRecipient')}</dt>
            <dd>
              <code dir="ltr" className="break-all clinic-keys__pq">
                {identity.pqRecipient}
              </code>
            </dd>
          </>
        )}
      </dl>
      <div className="form__actions form__actions--start">
        <button type="button" className="button button--primary" onClick={() => void exportCard()}>
          {t('exchange.identity.exportCard')}
        </button>
        <button type="button" className="button" onClick={onEdit}>
          {t('exchange.identity.editProfile')}
        </button>
      </div>
      {exported && (
        <p role="status" className="muted">
          {t('exchange.identity.cardExported', { name: exported })}
        </p>
      )}
      <ExchangeError error={failure} />
    </section>
  );
}
