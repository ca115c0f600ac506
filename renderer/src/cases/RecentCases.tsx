// "Recently opened" above the case list: the last cases opened (cases.recent, kept in the vault),
// one button each, so the case someone was working on is one click or Tab + Enter away.
// Hidden while searching and when no case has been opened yet.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useApiLoad } from '../app/useApiLoad';

const SHOWN = 5;

interface Props {
  onOpenCase: (id: string) => void;
  onVaultLocked: () => void;
}

export function RecentCases({ onOpenCase, onVaultLocked }: Props) {
  const { t } = useTranslation();
  const load = useCallback(() => api.cases.recent({ limit: SHOWN }), []);
  // A failure here is not shown: the full list below reports the same problem.
  const { data } = useApiLoad(load, onVaultLocked);
  if (!data || data.items.length === 0) return null;
  return (
    <nav className="recent-cases" aria-labelledby="recent-cases-title">
      <h2 id="recent-cases-title" className="recent-cases__title">
        {t('recentCases.title')}
      </h2>
      <ul className="recent-cases__list">
        {data.items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="button button--quiet recent-cases__item"
              aria-label={t('recentCases.open', { reference: item.reference, client: item.clientName })}
              onClick={() => onOpenCase(item.id)}
            >
              <span className="recent-cases__reference">{item.reference}</span>
              <bdi dir="auto">{item.clientName}</bdi>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
