// Retention: the closed cases nobody has changed for the clinic's retention period (set in the
// settings panel above), oldest first (cases.retention). Each opens its case, where "Erase client…"
// is; nothing is deleted from here.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { useApiLoad } from '../app/useApiLoad';
import { formatShortDay } from '../i18n/format';

interface Props {
  onVaultLocked: () => void;
  onOpenCase: (id: string) => void;
}

export function RetentionPanel({ onVaultLocked, onOpenCase }: Props) {
  const { t, i18n } = useTranslation();
  const load = useCallback(() => api.cases.retention(), []);
  const { data, error } = useApiLoad(load, onVaultLocked);

  return (
    <section className="card stack" aria-labelledby="retention-title" data-testid="retention-panel">
      <h2 id="retention-title" className="card__title">
        {t('gdpr.retention.title')}
      </h2>
      <ErrorAlert error={error} />
      {!data && !error && <p className="loading">{t('app.loading')}</p>}
      {data && (
        <>
          <p className="muted">{t('gdpr.retention.intro', { count: data.years })}</p>
          {data.items.length === 0 ? (
            <p data-testid="retention-empty">{t('gdpr.retention.none')}</p>
          ) : (
            <table className="table">
              <caption className="visually-hidden">{t('gdpr.retention.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('gdpr.retention.reference')}</th>
                  <th scope="col">{t('gdpr.retention.client')}</th>
                  <th scope="col">{t('gdpr.retention.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <tr key={item.id}>
                    <td>
                      <button type="button" className="button button--link" onClick={() => onOpenCase(item.id)}>
                        {item.reference}
                      </button>
                    </td>
                    <td dir="auto">{item.clientName}</td>
                    <td>{formatShortDay(item.updatedAt, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
