// The templates the app knows (shipped and the clinic's own), loaded once per Documents section
// and again after one is added or removed.
import { useCallback, useEffect, useState } from 'react';
import type { TemplateSummary } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';

export interface Templates {
  items: TemplateSummary[] | null;
  error: ApiError | null;
  reload: () => void;
}

export function useTemplates(onVaultLocked: () => void): Templates {
  const [items, setItems] = useState<TemplateSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let current = true;
    api.documents.templates({}).then(
      (answer) => {
        if (!current) return;
        setItems(answer.items);
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
  }, [round, onVaultLocked]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { items, error, reload };
}

/** A template's title in the UI's language. */
export function templateTitle(template: Pick<TemplateSummary, 'title'>, language: string): string {
  return language === 'da' ? template.title.da : template.title.en;
}
