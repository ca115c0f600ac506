// The exchange log: every export and import, when, which cases (by reference where this vault has
// them, else by id) and to or from which clinic. The log holds no case content; references come
// from the case list.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { useApiLoad } from '../app/useApiLoad';
import { formatDateTime } from '../i18n/format';

async function loadLog() {
  const [log, cases] = await Promise.all([api.exchange.log(), api.cases.list({ limit: 500 })]);
  return { items: log.items, references: new Map(cases.items.map((item) => [item.id, item.reference])) };
}

/** Keyed by the screen on what it changed, so a new entry shows after an exchange. */
export function ExchangeLog({ onVaultLocked }: { onVaultLocked: () => void }) {
  const { t, i18n } = useTranslation();
  const load = useCallback(() => loadLog(), []);
  const { data, error } = useApiLoad(load, onVaultLocked);

  return (
    <section className="card stack" aria-labelledby="exchange-log-title">
      <h2 id="exchange-log-title" className="exchange-title">
        {t('exchange.log.title')}
      </h2>
      <ErrorAlert error={error} />
      {data && data.items.length === 0 && <p className="muted">{t('exchange.log.none')}</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table exchange-log">
            <caption className="visually-hidden">{t('exchange.log.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exchange.log.when')}</th>
                <th scope="col">{t('exchange.log.direction')}</th>
                <th scope="col">{t('exchange.log.cases')}</th>
                <th scope="col">{t('exchange.log.clinics')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
                  </td>
                  <td>{t(`exchange.log.${entry.direction}`)}</td>
                  <td>
                    {entry.caseIds.map((caseId, index) => {
                      const reference = data.references.get(caseId);
                      return (
                        <span key={caseId}>
                          {index > 0 && ', '}
                          {reference ?? (
                            <code dir="ltr" title={caseId}>
                              {caseId.slice(0, 8)}
                            </code>
                          )}
                        </span>
                      );
                    })}
                  </td>
                  <td dir="auto">
                    {entry.via === 'passphrase' ? t('exchange.log.passphrase') : entry.clinics.map((clinic) => clinic.name).join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
