// Exchange failures, translated with the context of the step that failed: "wrong key" means
// something else to a person importing a file than the generic errors.WRONG_KEY line. Falls back
// to the shared errors.* text, then to INTERNAL (never raw text: a message may not carry data).
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

function exchangeErrorKey(exists: (key: string) => boolean, error: ApiError): string {
  const specific = `exchange.errors.${error.code}`;
  if (exists(specific)) return specific;
  return exists(error.key) ? error.key : 'errors.INTERNAL';
}

export function ExchangeError({ error, id }: { error: ApiError | null; id?: string }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const exists = (key: string) => i18n.exists(key);
  // A malformed card or file names its problems (i18n keys with a path): listed, never raw text.
  const problems = [...new Set(error.issues.map((issue) => (exists(issue.message) ? issue.message : 'validation.invalid')))];
  return (
    <div className="alert" role="alert" id={id}>
      {t(exchangeErrorKey(exists, error))}
      {problems.length > 0 && (
        <ul className="import__items">
          {problems.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
