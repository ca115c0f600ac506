// Search as you type: the query and filters are sent a moment after the last keystroke; an answer
// to an older query is dropped.
import { useEffect, useState } from 'react';
import type { SearchHit, SearchQuery } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';

export type SearchInput = Partial<Pick<SearchQuery, 'query' | 'topic' | 'place' | 'profile' | 'publisher' | 'country' | 'from' | 'to' | 'limit'>>;

export interface SearchState {
  items: SearchHit[];
  hasMore: boolean;
  loaded: boolean;
  error: ApiError | null;
  /** True while the items answer an earlier input than the current one (typing is ahead). */
  behind: boolean;
}

const DELAY_MS = 150;

export function useEvidenceSearch(input: SearchInput, generation = 0): SearchState {
  const [state, setState] = useState<Omit<SearchState, 'behind'> & { key: string | null }>({ items: [], hasMore: false, loaded: false, error: null, key: null });
  const key = JSON.stringify(input);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api.evidence.search(JSON.parse(key) as SearchInput).then(
        (result) => current && setState({ items: result.items, hasMore: result.hasMore, loaded: true, error: null, key }),
        // Results of an earlier query must not stand under an error about this one.
        (error: unknown) => current && setState({ items: [], hasMore: false, loaded: true, error: toApiError(error), key }),
      );
    }, DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, generation]);
  const { key: answered, ...rest } = state;
  return { ...rest, behind: answered !== key };
}
