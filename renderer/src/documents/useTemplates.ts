// The templates the app knows (shipped and the clinic's own), loaded once per Documents section
// and again after one is added or removed.
import { useCallback } from 'react';
import type { TemplateSummary } from '../../../preload/contract';
import { api, type ApiError } from '../api/client';
import { useApiLoad } from '../app/useApiLoad';

export interface Templates {
  items: TemplateSummary[] | null;
  error: ApiError | null;
  reload: () => void;
}

export function useTemplates(onVaultLocked: () => void): Templates {
  const load = useCallback(() => api.documents.templates({}).then((answer) => answer.items), []);
  const { data: items, error, reload } = useApiLoad(load, onVaultLocked);
  return { items, error, reload };
}

/** A template's title in the UI's language. */
export function templateTitle(template: Pick<TemplateSummary, 'title'>, language: string): string {
  return language === 'da' ? template.title.da : template.title.en;
}
