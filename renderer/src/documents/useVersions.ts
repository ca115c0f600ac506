// The documents generated for a case, newest first (documents.list), kept in step with what this
// window generates and deletes.
import { useCallback, useEffect, useState } from 'react';
import type { DocumentVersion } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';

export interface Versions {
  items: DocumentVersion[] | null;
  error: ApiError | null;
  added: (version: DocumentVersion) => void;
  removed: (id: string) => void;
}

const newestFirst = (a: DocumentVersion, b: DocumentVersion) => b.createdAt.localeCompare(a.createdAt);

export function useVersions(caseId: string, onVaultLocked: () => void): Versions {
  const [items, setItems] = useState<DocumentVersion[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let current = true;
    api.documents.list({ caseId }).then(
      (answer) => current && setItems([...answer.items].sort(newestFirst)),
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
  }, [caseId, onVaultLocked]);

  const added = useCallback((version: DocumentVersion) => setItems((list) => [version, ...(list ?? []).filter((v) => v.id !== version.id)]), []);
  const removed = useCallback((id: string) => setItems((list) => (list ?? []).filter((v) => v.id !== id)), []);
  return { items, error, added, removed };
}
