// The warning shown wherever an excerpt of a stale source appears: older than the clinic's limit,
// or superseded (with the newer edition named when known). Nothing when the source is current.
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../../preload/contract';
import { localeFor } from '../i18n';
import { formatPartialDate } from '../i18n/format';
import { useMaxAgeMonths } from './useEvidenceSettings';

export function CurrencyWarning({ currency }: { currency: Currency }) {
  const { t, i18n } = useTranslation();
  const maxAge = useMaxAgeMonths();
  if (!currency.stale) return null;
  const newer = currency.newerEdition;
  return (
    <ul className="currency" aria-label={t('evidence.currency.label')}>
      {currency.reasons.includes('old') && (
        <li className="currency__item">
          {maxAge !== null ? t('evidence.currency.old', { months: maxAge }) : t('evidence.currency.oldUnknown')}
          {currency.ageMonths !== null && <span className="muted"> ({t('evidence.currency.age', { count: currency.ageMonths })})</span>}
        </li>
      )}
      {currency.reasons.includes('superseded') && (
        <li className="currency__item">
          {newer ? (
            <>
              {t('evidence.currency.supersededBy')} <cite dir="auto">{newer.title}</cite>
              {newer.date && ` (${formatPartialDate(newer.date, localeFor(i18n.language))})`}
            </>
          ) : (
            t('evidence.currency.superseded')
          )}
        </li>
      )}
    </ul>
  );
}
