// "Find an excerpt to link": a small search inside a risk factor card or the case's evidence
// panel; each result has its own "Link" button (Enter).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app/ErrorAlert';
import { ExcerptItem } from './ExcerptItem';
import { LinkButton } from './LinkButton';
import { useEvidenceSearch } from './useEvidenceSearch';

interface Props {
  /** Names the search box: "Find evidence for <factor>". */
  label: string;
  linkedIds: Set<string>;
  onLink: (excerptId: string) => void;
}

export function ExcerptPicker({ label, linkedIds, onLink }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const search = useEvidenceSearch({ query, limit: 10 });
  return (
    <div className="picker">
      <div className="field">
        <label htmlFor={`${id}-query`}>{label}</label>
        <input
          id={`${id}-query`}
          className="input"
          type="search"
          dir="auto"
          autoComplete="off"
          spellCheck={false}
          maxLength={500}
          value={query}
          placeholder={t('evidence.search.hint')}
          onChange={(event) => setQuery(event.target.value)}
          // Enter here must not submit the surrounding section form.
          onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
        />
      </div>
      <ErrorAlert error={search.error} />
      {/* Only results that answer what is typed now: a Link button on an earlier query's hit would link the wrong passage. */}
      {query.trim() !== '' && !search.behind && search.items.length === 0 && <p className="muted">{t('evidence.search.nothing')}</p>}
      {query.trim() !== '' && !search.behind && search.items.length > 0 && (
        <ul className="excerpt-list" aria-label={t('evidence.search.results')}>
          {search.items.map((hit) => (
            <li key={hit.excerpt.id}>
              <ExcerptItem excerpt={hit.excerpt} source={hit.source} currency={hit.currency} snippet={hit.snippet}>
                {linkedIds.has(hit.excerpt.id) ? (
                  <span className="badge">{t('evidence.links.linked')}</span>
                ) : (
                  <LinkButton action="link" excerpt={hit.excerpt} source={hit.source} onClick={() => onLink(hit.excerpt.id)} />
                )}
              </ExcerptItem>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
