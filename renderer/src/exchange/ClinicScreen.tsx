// "Clinic": this vault's clinic identity (set up once: it creates the keys), its public card, the
// address book of partner clinics, and the exchange log.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinicIdentity, Partner } from '../../../preload/contract';
import { api } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { useApiLoad } from '../app/useApiLoad';
import { useFocusOnMount } from '../app/useFocusOnMount';
import { AddressBook } from './AddressBook';
import { ClinicProfileForm } from './ClinicProfileForm';
import { ExchangeLog } from './ExchangeLog';
import { IdentityPanel } from './IdentityPanel';
import { partnersForDisplay } from './partnerOrder';
import './exchange.css';

async function loadClinic() {
  const [clinic, partners] = await Promise.all([api.clinic.get(), api.partners.list()]);
  return { identity: clinic.identity, partners: partners.items };
}

export function ClinicScreen({ onVaultLocked }: { onVaultLocked: () => void }) {
  const { t, i18n } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const load = useCallback(() => loadClinic(), []);
  const { data, error, setData } = useApiLoad(load, onVaultLocked);
  const [editing, setEditing] = useState(false);

  const setIdentity = (identity: ClinicIdentity) => {
    setData((previous) => (previous ? { ...previous, identity } : previous));
    setEditing(false);
  };
  const setPartner = (partner: Partner) =>
    setData((previous) => {
      if (!previous) return previous;
      const others = previous.partners.filter((item) => item.id !== partner.id);
      return { ...previous, partners: [...others, partner] };
    });

  return (
    <section className="page exchange" aria-labelledby="clinic-title">
      <div className="page__head">
        <div>
          <h1 id="clinic-title" tabIndex={-1} ref={heading}>
            {t('exchange.title')}
          </h1>
          <p className="page__meta">{t('exchange.intro')}</p>
        </div>
      </div>
      <ErrorAlert error={error} />
      {!data && !error && <p className="loading">{t('app.loading')}</p>}
      {data && (!data.identity || editing) && (
        <div className="card">
          <ClinicProfileForm
            identity={data.identity}
            onSaved={setIdentity}
            onCancel={data.identity ? () => setEditing(false) : undefined}
            onVaultLocked={onVaultLocked}
          />
        </div>
      )}
      {data?.identity && (
        <div className="exchange-grid">
          {!editing && <IdentityPanel identity={data.identity} onEdit={() => setEditing(true)} onVaultLocked={onVaultLocked} />}
          <AddressBook partners={partnersForDisplay(data.partners, i18n.language)} onChange={setPartner} onVaultLocked={onVaultLocked} />
          <ExchangeLog onVaultLocked={onVaultLocked} />
        </div>
      )}
    </section>
  );
}
