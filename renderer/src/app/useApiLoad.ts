// Loading what a screen shows from the core: asked for when `load` changes (or on reload), an
// answer that arrives after the screen has moved on is ignored (so an older, slower answer never
// overwrites a newer one), a locked vault goes to onVaultLocked (which shows the unlock screen),
// and any other failure becomes `error` for an ErrorAlert.
import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { type ApiError, toApiError } from '../api/client';

export interface ApiLoad<T> {
  /** The last answer; null until the first arrives. Kept while a new one is being asked for. */
  data: T | null;
  error: ApiError | null;
  /** For a screen that keeps the answer in step with its own changes (an item added, removed). */
  setData: Dispatch<SetStateAction<T | null>>;
  /** Asks again with the same `load`. */
  reload: () => void;
}

/** `load` must keep its identity while what it asks for is the same (useCallback); null waits. */
export function useApiLoad<T>(load: (() => Promise<T>) | null, onVaultLocked: () => void): ApiLoad<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!load) return;
    let current = true;
    load().then(
      (answer) => {
        if (!current) return;
        setData(() => answer);
        setError(null);
      },
      (caught: unknown) => {
        const failure = toApiError(caught);
        if (!current) return;
        if (failure.code === 'VAULT_LOCKED') onVaultLocked();
        else setError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [load, round, onVaultLocked]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, error, setData, reload };
}
