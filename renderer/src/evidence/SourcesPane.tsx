// The library's sources as a table: title (opens the editor), publisher, date, excerpts, currency.
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../preload/contract';
import { localeFor } from '../i18n';
import { CurrencyWarning } from './CurrencyWarning';
import { formatPartialDate } from '../i18n/format';

export function SourcesPane({ sources, onOpen }: { sources: Source[]; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  if (sources.length === 0) return <p className="muted">{t('evidence.sources.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="table sources-table">
        <caption className="visually-hidden">{t('evidence.sources.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('evidence.source.title')}</th>
            <th scope="col">{t('evidence.source.publisher')}</th>
            <th scope="col">{t('evidence.source.date')}</th>
            <th scope="col">{t('evidence.sources.excerpts')}</th>
            <th scope="col">{t('evidence.sources.currency')}</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => (
            <tr key={source.id}>
              <th scope="row">
                <button type="button" className="button button--link" dir="auto" onClick={() => onOpen(source.id)}>
                  {source.title}
                </button>
              </th>
              <td dir="auto">{source.publisher}</td>
              <td>{source.date ? formatPartialDate(source.date, locale) : t('evidence.undated')}</td>
              <td>{source.excerptCount}</td>
              <td>{source.currency.stale ? <CurrencyWarning currency={source.currency} /> : t('evidence.currency.current')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
