// The case list for a search text: asks the core (debounced while typing), keeps showing the last
// answer while the next one is on its way, and ignores answers that arrive out of order.
import { useEffect, useState } from 'react';
import type { CaseSummary } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { useDebouncedValue } from '../app/useDebouncedValue';

export const SEARCH_DEBOUNCE_MS = 150;

interface Answer {
  items: CaseSummary[];
  total: number;
  /** The query these items answer ('' for all cases). */
  query: string;
  error: ApiError | null;
}

export interface CaseSearch extends Answer {
  /** False until the first answer arrives. */
  loaded: boolean;
  /** True while the shown items do not yet answer what is in the search box. */
  pending: boolean;
}

export function useCaseSearch(text: string): CaseSearch {
  const wanted = text.trim();
  const query = useDebouncedValue(wanted, SEARCH_DEBOUNCE_MS);
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    let current = true;
    api.cases
      .list(query ? { query } : {})
      .then((page) => {
        if (current) setAnswer({ items: page.items, total: page.total, query, error: null });
      })
      .catch((error: unknown) => {
        if (current) {
          setAnswer((previous) => ({ items: previous?.items ?? [], total: previous?.total ?? 0, query, error: toApiError(error) }));
        }
      });
    return () => {
      current = false;
    };
  }, [query]);

  return {
    items: answer?.items ?? [],
    total: answer?.total ?? 0,
    query: answer?.query ?? '',
    error: answer?.error ?? null,
    loaded: answer !== null,
    pending: answer === null || answer.query !== wanted,
  };
}
