// "EASO · Syria – Military service · Apr 2021": the source of an excerpt, in one line.
import { useTranslation } from 'react-i18next';
import type { SourceBrief } from '../../../preload/contract';
import { localeFor } from '../i18n';
import { formatPartialDate } from '../i18n/format';

export function SourceLine({ source }: { source: SourceBrief }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="excerpt__source">
      <span dir="auto">{source.publisher}</span>
      {' · '}
      <cite dir="auto">{source.title}</cite>
      {' · '}
      <span>{source.date ? formatPartialDate(source.date, localeFor(i18n.language)) : t('evidence.undated')}</span>
      {source.documentNumber && (
        <>
          {' · '}
          <span dir="ltr">{source.documentNumber}</span>
        </>
      )}
    </p>
  );
}
