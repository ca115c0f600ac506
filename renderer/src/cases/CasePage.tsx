// One case: its header (reference, client, status, created) and the way back to the list.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { BackIcon } from '../app/icons';
import { useFocusOnMount } from '../app/useFocusOnMount';
import { localeFor } from '../i18n';
import { formatMoment } from '../i18n/format';
import { DeadlineText } from './DeadlineText';
import { StatusBadge } from './StatusBadge';

interface Props {
  id: string;
  onBack: () => void;
  onVaultLocked: () => void;
}

export function CasePage({ id, onBack, onVaultLocked }: Props) {
  const { t, i18n } = useTranslation();
  const [loaded, setLoaded] = useState<{ id: string; found: Case | null; error: ApiError | null } | null>(null);
  const back = useFocusOnMount<HTMLButtonElement>();

  useEffect(() => {
    let current = true;
    api.cases
      .get({ id })
      .then((found) => current && setLoaded({ id, found, error: null }))
      .catch((caught: unknown) => {
        const error = toApiError(caught);
        if (!current) return;
        if (error.code === 'VAULT_LOCKED') onVaultLocked();
        else setLoaded({ id, found: null, error });
      });
    return () => {
      current = false;
    };
  }, [id, onVaultLocked]);

  const shown = loaded?.id === id ? loaded : null;
  const found = shown?.found;
  return (
    <article className="page case-page" aria-busy={!shown}>
      <nav className="breadcrumbs">
        <button type="button" className="button button--link back-link" ref={back} onClick={onBack}>
          <BackIcon />
          {t('case.back')}
        </button>
      </nav>
      {shown?.error && <ErrorAlert error={shown.error} />}
      {!shown && <p className="loading">{t('app.loading')}</p>}
      {found && (
        <>
          <header className="case-head">
            <div className="case-head__title">
              <h1>{found.reference}</h1>
              <StatusBadge status={found.status} />
            </div>
            <p className="case-head__client" dir="auto">
              {found.clientName}
            </p>
          </header>
          <section aria-labelledby="case-details-title" className="card">
            <h2 id="case-details-title" className="card__title">
              {t('case.details')}
            </h2>
            <dl className="facts">
              <div>
                <dt>{t('case.client')}</dt>
                <dd dir="auto">{found.clientName}</dd>
              </div>
              <div>
                <dt>{t('case.status')}</dt>
                <dd>{t(`caseStatus.${found.status}`)}</dd>
              </div>
              <div>
                <dt>{t('case.created')}</dt>
                <dd>
                  <time dateTime={found.createdAt}>{formatMoment(found.createdAt, localeFor(i18n.language))}</time>
                </dd>
              </div>
              <div>
                <dt>{t('case.nextDeadline')}</dt>
                <dd>
                  <DeadlineText deadline={found.nextDeadline} />
                </dd>
              </div>
            </dl>
          </section>
          <section className="empty empty--quiet">
            <h2>{t('case.emptyTitle')}</h2>
            <p>{t('case.emptyBody')}</p>
          </section>
        </>
      )}
    </article>
  );
}
