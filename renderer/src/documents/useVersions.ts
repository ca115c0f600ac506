// The documents generated for a case, newest first (documents.list), kept in step with what this
// window generates and deletes.
import { useCallback } from 'react';
import type { DocumentVersion } from '../../../preload/contract';
import { api, type ApiError } from '../api/client';
import { useApiLoad } from '../app/useApiLoad';

export interface Versions {
  items: DocumentVersion[] | null;
  error: ApiError | null;
  added: (version: DocumentVersion) => void;
  removed: (id: string) => void;
}

const newestFirst = (a: DocumentVersion, b: DocumentVersion) => b.createdAt.localeCompare(a.createdAt);

export function useVersions(caseId: string, onVaultLocked: () => void): Versions {
  const load = useCallback(() => api.documents.list({ caseId }).then((answer) => [...answer.items].sort(newestFirst)), [caseId]);
  const { data: items, error, setData: setItems } = useApiLoad(load, onVaultLocked);

  const added = useCallback((version: DocumentVersion) => setItems((list) => [version, ...(list ?? []).filter((v) => v.id !== version.id)]), [setItems]);
  const removed = useCallback((id: string) => setItems((list) => (list ?? []).filter((v) => v.id !== id)), [setItems]);
  return { items, error, added, removed };
}
