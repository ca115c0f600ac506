// What an import (or the starter library) did: counts of sources and excerpts added and merged,
// and the sources one by one.
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../preload/contract';

export function ImportSummary({ name, result, onDismiss }: { name: string; result: ImportResult; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice" role="status">
      <p>
        <strong>{t('evidence.import.done', { name, format: t(`evidence.format.${result.format}`) })}</strong>
      </p>
      <p>
        {t('evidence.import.sources', { added: result.sources.added, merged: result.sources.merged })}{' '}
        {t('evidence.import.excerpts', { added: result.excerpts.added, merged: result.excerpts.merged })}
      </p>
      {result.items.length > 0 && (
        <ul className="import__items">
          {/* Two records of one file can merge into the same source: the id alone is not a unique key. */}
          {result.items.map((item, index) => (
            <li key={`${index}-${item.id}`}>
              <span className={`badge badge--${item.outcome}`}>{t(`evidence.import.${item.outcome}`)}</span> <span dir="auto">{item.publisher}</span>:{' '}
              <cite dir="auto">{item.title}</cite>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button--quiet" onClick={onDismiss}>
        {t('common.close')}
      </button>
    </div>
  );
}
