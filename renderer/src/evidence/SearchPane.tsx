// Find a passage: search as you type over excerpt text, source titles and publishers, narrowed by
// the filters; each result shows its snippet, pinpoint, source and currency.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app/ErrorAlert';
import { SearchIcon } from '../app/icons';
import { ExcerptItem } from './ExcerptItem';
import { NO_FILTERS, SearchFilters, searchInput, type Filters } from './SearchFilters';
import { useEvidenceSearch } from './useEvidenceSearch';

const PAGE = 50;
/** The contract's largest page (SearchQuery.limit): past it, narrowing the search is the way on. */
const MAX_LIMIT = 200;

interface Props {
  generation: number;
  onOpenSource: (id: string) => void;
}

export function SearchPane({ generation, onOpenSource }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  // "Show more" grows the page; a new query or filter starts again from the first page.
  const [shown, setShown] = useState({ for: '', limit: PAGE });
  const input = searchInput(query, filters);
  const inputKey = JSON.stringify(input);
  const limit = shown.for === inputKey ? shown.limit : PAGE;
  const search = useEvidenceSearch({ ...input, limit }, generation);
  return (
    <div className="stack evidence-search">
      <div className="search">
        <label htmlFor="evidence-search">{t('evidence.search.label')}</label>
        <div className="search__box">
          <SearchIcon />
          <input
            id="evidence-search"
            className="input search__input"
            type="search"
            dir="auto"
            autoComplete="off"
            spellCheck={false}
            maxLength={500}
            placeholder={t('evidence.search.hint')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
      </div>
      <SearchFilters filters={filters} onChange={setFilters} />
      <ErrorAlert error={search.error} />
      <p className="page__meta" aria-live="polite">
        {search.loaded ? t(search.hasMore ? 'evidence.search.countMore' : 'evidence.search.count', { count: search.items.length }) : '\u00a0'}
      </p>
      {search.loaded && search.items.length > 0 && (
        <ol className="excerpt-list" aria-label={t('evidence.search.results')}>
          {search.items.map((hit) => (
            <li key={hit.excerpt.id}>
              <ExcerptItem excerpt={hit.excerpt} source={hit.source} currency={hit.currency} snippet={hit.snippet}>
                <button type="button" className="button button--link" onClick={() => onOpenSource(hit.source.id)}>
                  {t('evidence.openSource')}
                </button>
              </ExcerptItem>
            </li>
          ))}
        </ol>
      )}
      {search.loaded && search.hasMore && limit < MAX_LIMIT && (
        <button type="button" className="button" onClick={() => setShown({ for: inputKey, limit: Math.min(MAX_LIMIT, limit + PAGE) })}>
          {t('evidence.search.more')}
        </button>
      )}
      {search.loaded && search.hasMore && limit >= MAX_LIMIT && <p className="muted">{t('evidence.search.refine', { count: MAX_LIMIT })}</p>}
    </div>
  );
}
