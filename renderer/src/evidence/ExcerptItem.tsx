// One excerpt as a list shows it: the text (or the search snippet), its pinpoint, its source and
// the currency warning; actions (open, link, unlink) come from the caller.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Currency, Excerpt, SearchHit, SourceBrief } from '../../../preload/contract';
import { CurrencyWarning } from './CurrencyWarning';
import { formatPinpoint } from './format';
import { Snippet } from './Snippet';
import { SourceLine } from './SourceLine';

interface Props {
  excerpt: Excerpt;
  source: SourceBrief;
  currency: Currency;
  snippet?: SearchHit['snippet'] | undefined;
  children?: ReactNode;
}

export function ExcerptItem({ excerpt, source, currency, snippet, children }: Props) {
  const { t } = useTranslation();
  return (
    <article className={`excerpt${currency.stale ? ' excerpt--stale' : ''}`} aria-label={t('evidence.excerptFrom', { title: source.title })}>
      {snippet && snippet.length > 0 ? (
        <Snippet parts={snippet} />
      ) : (
        <blockquote className="excerpt__text" dir="auto">
          {excerpt.text}
        </blockquote>
      )}
      <p className="excerpt__pinpoint">{formatPinpoint(excerpt.pinpoint, t)}</p>
      <SourceLine source={source} />
      <CurrencyWarning currency={currency} />
      {children && <div className="excerpt__actions">{children}</div>}
    </article>
  );
}
