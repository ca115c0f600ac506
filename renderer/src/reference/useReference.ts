// The reference data (jurisdictions, region lists, the risk catalogue) the intake screens show as
// lists. Asked for once while the vault is open and shared; dropped when the vault is locked.
import { useEffect, useState } from 'react';
import type { Labels, ReferenceData } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';

let cached: Promise<ReferenceData> | null = null;
const listeners = new Set<() => void>();

export function forgetReference(): void {
  cached = null;
}

/** Ask again (after a clinic factor was added) and tell every screen showing it. */
export function refreshReference(): void {
  cached = null;
  for (const listener of listeners) listener();
}

function load(): Promise<ReferenceData> {
  cached ??= api.reference.get().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

export function useReference(): { data: ReferenceData | null; error: ApiError | null } {
  const [state, setState] = useState<{ data: ReferenceData | null; error: ApiError | null }>({ data: null, error: null });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const listener = () => setGeneration((n) => n + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ data, error: null }),
      (error: unknown) => current && setState({ data: null, error: toApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [generation]);
  return state;
}

/** A data label in the UI's language (Danish or English; English otherwise). */
export function labelOf(labels: Labels | undefined, language: string): string {
  if (!labels) return '';
  return language.startsWith('da') ? labels.da : labels.en;
}
