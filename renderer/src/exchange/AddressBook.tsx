// The address book: partner clinics whose cards were trusted, with their fingerprints; revoking
// one (after a question) means files from it are no longer trusted and it is no longer offered as
// a recipient.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Partner } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { ConfirmDialog } from '../documents/ConfirmDialog';
import { formatMoment } from '../i18n/format';
import { AddPartnerDialog } from './AddPartnerDialog';
import { ExchangeError } from './errors';
import { Fingerprint } from './Fingerprint';

interface Props {
  partners: Partner[];
  onChange: (partner: Partner) => void;
  onVaultLocked: () => void;
}

export function AddressBook({ partners, onChange, onVaultLocked }: Props) {
  const { t, i18n } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<Partner | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const revoke = async (partner: Partner) => {
    setFailure(null);
    try {
      onChange(await api.partners.revoke({ id: partner.id }));
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'VAULT_LOCKED') return onVaultLocked();
      setFailure(error);
    }
  };

  return (
    <section className="card stack" aria-labelledby="address-book-title">
      <div className="exchange-head">
        <h2 id="address-book-title" className="exchange-title">
          {t('exchange.partners.title')}
        </h2>
        <button type="button" className="button" ref={addButton} onClick={() => setAdding(true)}>
          {t('exchange.partners.add')}
        </button>
      </div>
      {partners.length === 0 ? (
        <p className="muted">{t('exchange.partners.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table partner-table">
            <caption className="visually-hidden">{t('exchange.partners.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exchange.partners.name')}</th>
                <th scope="col">{t('exchange.partners.fingerprint')}</th>
                <th scope="col">{t('exchange.partners.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('exchange.partners.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {partners.map((partner) => (
                <tr key={partner.id}>
                  <th scope="row" dir="auto">
                    {partner.profile.name}
                  </th>
                  <td>
                    <Fingerprint value={partner.fingerprint} size="small" />
                  </td>
                  <td>
                    {partner.revokedAt ? (
                      <span className="badge badge--closed">{t('exchange.partners.revokedOn', { date: formatMoment(partner.revokedAt, i18n.language) })}</span>
                    ) : (
                      <span className="badge badge--added">{t('exchange.partners.trustedOn', { date: formatMoment(partner.trustedAt, i18n.language) })}</span>
                    )}
                  </td>
                  <td>
                    {!partner.revokedAt && (
                      <button
                        type="button"
                        className="button button--quiet button--danger"
                        aria-label={t('exchange.partners.revokeNamed', { name: partner.profile.name })}
                        onClick={() => setRevoking(partner)}
                      >
                        {t('exchange.partners.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ExchangeError error={failure} />
      {adding && (
        <AddPartnerDialog
          onClose={() => {
            setAdding(false);
            addButton.current?.focus();
          }}
          onTrusted={onChange}
          onVaultLocked={onVaultLocked}
        />
      )}
      {revoking && (
        <ConfirmDialog
          title={t('exchange.partners.revokeTitle', { name: revoking.profile.name })}
          confirmLabel={t('exchange.partners.revoke')}
          danger
          onClose={() => setRevoking(null)}
          onConfirm={() => revoke(revoking)}
        >
          <p>{t('exchange.partners.revokeBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
