// ErrorAlert for the documents section: the same live region, with the documents' own wording
// where the generic text would mislead (documents.errors.<CODE>), and the problems the core
// named (missing fields by label, unknown references, a template's file:line) listed under it.
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import { documentErrorText, templateIssueText } from './messages';

export function DocumentError({ error, id, listIssues = false }: { error: ApiError | null; id?: string; listIssues?: boolean }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const exists = (key: string) => i18n.exists(key);
  return (
    <div className="alert" role="alert" id={id}>
      {documentErrorText(t, exists, error)}
      {listIssues && error.issues.length > 0 && (
        <ul className="doc-issues">
          {error.issues.map((issue, index) => {
            const { where, why } = templateIssueText(t, exists, issue);
            return (
              <li key={index}>
                <code dir="ltr">{where}</code> — {why}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
