// The clinic's evidence settings (the maximum age before a source is flagged), asked for once while
// the vault is open and shared by every screen that shows a currency warning.
import { useEffect, useState } from 'react';
import type { EvidenceSettings } from '../../../preload/contract';
import { api } from '../api/client';

let cached: Promise<EvidenceSettings> | null = null;
const listeners = new Set<(settings: EvidenceSettings) => void>();

export function forgetEvidenceSettings(): void {
  cached = null;
}

/** After a change was saved: every screen showing a warning re-renders with the new limit. */
export function evidenceSettingsChanged(settings: EvidenceSettings): void {
  cached = Promise.resolve(settings);
  for (const listener of listeners) listener(settings);
}

function load(): Promise<EvidenceSettings> {
  cached ??= api.evidence.settings().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

/** The maximum age in months; null until known. */
export function useMaxAgeMonths(): number | null {
  const [months, setMonths] = useState<number | null>(null);
  useEffect(() => {
    let current = true;
    const listener = (settings: EvidenceSettings) => setMonths(settings.maxAgeMonths);
    listeners.add(listener);
    load().then(
      (settings) => current && setMonths(settings.maxAgeMonths),
      () => undefined,
    );
    return () => {
      current = false;
      listeners.delete(listener);
    };
  }, []);
  return months;
}
