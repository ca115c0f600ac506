// The case list as a table. The reference is the keyboard way into a case; a click anywhere on the
// row does the same for a mouse.
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../preload/contract';
import { DeadlineText } from './DeadlineText';
import { StatusBadge } from './StatusBadge';

export function CaseTable({ items, busy, onOpen }: { items: CaseSummary[]; busy: boolean; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table" aria-busy={busy}>
        <caption className="visually-hidden">{t('cases.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.reference')}</th>
            <th scope="col">{t('cases.client')}</th>
            <th scope="col">{t('cases.status')}</th>
            <th scope="col">{t('cases.nextDeadline')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className="table__row" onClick={() => onOpen(item.id)}>
              <th scope="row">
                <button
                  type="button"
                  className="button button--link"
                  onClick={(event) => {
                    event.stopPropagation();
                    onOpen(item.id);
                  }}
                >
                  {item.reference}
                </button>
              </th>
              <td>
                <span dir="auto" className="client-name">
                  {item.clientName}
                </span>
              </td>
              <td>
                <StatusBadge status={item.status} />
              </td>
              <td>
                <DeadlineText deadline={item.nextDeadline} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
