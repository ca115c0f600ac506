// A translated error in a live region. Holds the error, not its text, so it re-translates when
// the language changes.
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

export function errorText(t: (key: string) => string, exists: (key: string) => boolean, error: ApiError): string {
  return exists(error.key) ? t(error.key) : t('errors.INTERNAL');
}

export function ErrorAlert({ error, id }: { error: ApiError | null; id?: string }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  return (
    <div className="alert" role="alert" id={id}>
      {errorText(t, (key) => i18n.exists(key), error)}
    </div>
  );
}
