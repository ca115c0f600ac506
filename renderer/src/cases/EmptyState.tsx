import { useTranslation } from 'react-i18next';
import { FolderIcon } from '../app/icons';

/** No cases at all, or none matching the search. */
export function EmptyState({ query }: { query: string }) {
  const { t } = useTranslation();
  return (
    <div className="empty" role="status">
      <FolderIcon />
      <h2>{query ? t('cases.noMatchesTitle') : t('cases.emptyTitle')}</h2>
      <p>{query ? t('cases.noMatchesBody', { query }) : t('cases.emptyBody')}</p>
    </div>
  );
}
