// What is due across all cases: overdue first, then the next 14 days, each leading to its case.
import { useTranslation } from 'react-i18next';
import type { DashboardDeadline } from '../../../preload/contract';
import { api } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { useApiLoad } from '../app/useApiLoad';
import { useFocusOnMount } from '../app/useFocusOnMount';
import { DeadlineKind } from './DeadlineKind';
import { localeFor } from '../i18n';
import { formatDay } from '../i18n/format';

export const DASHBOARD_DAYS = 14;

// Asks the same thing every time, so it lives outside the component and keeps its identity.
const loadDashboard = () => api.deadlines.dashboard({ days: DASHBOARD_DAYS });

interface Props {
  onOpenCase: (id: string) => void;
  onVaultLocked: () => void;
}

export function DeadlinesScreen({ onOpenCase, onVaultLocked }: Props) {
  const { t } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const { data: state, error } = useApiLoad(loadDashboard, onVaultLocked);

  return (
    <section className="page" aria-labelledby="deadlines-title">
      <div className="page__head">
        <h1 id="deadlines-title" tabIndex={-1} ref={heading}>
          {t('dashboard.title')}
        </h1>
      </div>
      <ErrorAlert error={error} />
      {!state && !error && <p className="loading">{t('app.loading')}</p>}
      {state && (
        <>
          <DeadlineGroup id="overdue" title={t('dashboard.overdue')} empty={t('dashboard.noneOverdue')} items={state.overdue} overdue onOpenCase={onOpenCase} />
          <DeadlineGroup
            id="upcoming"
            title={t('dashboard.upcoming', { count: DASHBOARD_DAYS })}
            empty={t('dashboard.noneUpcoming')}
            items={state.upcoming}
            onOpenCase={onOpenCase}
          />
        </>
      )}
    </section>
  );
}

interface GroupProps {
  id: string;
  title: string;
  empty: string;
  items: DashboardDeadline[];
  overdue?: boolean;
  onOpenCase: (id: string) => void;
}

function DeadlineGroup({ id, title, empty, items, overdue, onOpenCase }: GroupProps) {
  const { t, i18n } = useTranslation();
  return (
    <section className={`card dashboard-group${overdue ? ' dashboard-group--overdue' : ''}`} aria-labelledby={`dashboard-${id}`}>
      <h2 id={`dashboard-${id}`} className="card__title">
        {title} <span className="muted">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.due')}</th>
              <th scope="col">{t('dashboard.kind')}</th>
              <th scope="col">{t('cases.reference')}</th>
              <th scope="col">{t('cases.client')}</th>
              <th scope="col">{t('dashboard.note')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>
                  <time dateTime={item.dueOn}>{formatDay(item.dueOn, localeFor(i18n.language))}</time>
                </td>
                <td>
                  <DeadlineKind kind={item.kind} />
                </td>
                <th scope="row">
                  <button type="button" className="button button--link" onClick={() => onOpenCase(item.caseId)}>
                    {item.reference}
                  </button>
                </th>
                <td>
                  <span dir="auto">{item.clientName}</span>
                </td>
                <td>
                  <span dir="auto">{item.note ?? ''}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
