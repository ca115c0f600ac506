// The library's sources, asked for again whenever `generation` changes (after an import, a save).
import { useEffect, useState } from 'react';
import type { Source } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';

export interface SourcesState {
  items: Source[];
  total: number;
  loaded: boolean;
  error: ApiError | null;
}

export function useSources(generation: number, query = ''): SourcesState {
  const [state, setState] = useState<SourcesState>({ items: [], total: 0, loaded: false, error: null });
  useEffect(() => {
    let current = true;
    api.evidence.listSources({ limit: 1_000, ...(query ? { query } : {}) }).then(
      (page) => current && setState({ items: page.items, total: page.total, loaded: true, error: null }),
      (error: unknown) => current && setState((previous) => ({ ...previous, loaded: true, error: toApiError(error) })),
    );
    return () => {
      current = false;
    };
  }, [generation, query]);
  return state;
}
