// "Access report": everything held about the client as one PDF (cases.accessReport), in the
// language chosen, kept on the case as a document version; the Documents section below lists it
// and previews or saves it like any other version (onMade lets the page refresh that list).
// "Save case JSON" is the machine-readable half: the case file (cases.export) to the download.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentLanguage, DocumentVersion } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { downloadBlob } from '../app/download';
import { ErrorAlert } from '../app/ErrorAlert';
import './gdpr.css';

interface Props {
  caseId: string;
  onMade: (version: DocumentVersion) => void;
  onVaultLocked: () => void;
}

export function AccessReportAction({ caseId, onMade, onVaultLocked }: Props) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<DocumentLanguage>(i18n.language === 'da' ? 'da' : 'en');
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<DocumentVersion | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  const make = async () => {
    setBusy(true);
    setFailure(null);
    setMade(null);
    try {
      const version = await api.cases.accessReport({ caseId, language });
      setMade(version);
      onMade(version);
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'VAULT_LOCKED') return onVaultLocked();
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const saveJson = async () => {
    setFailure(null);
    try {
      const file = await api.cases.export({ id: caseId });
      const bytes = new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`);
      downloadBlob([bytes], `${file.details.reference} case.json`, 'application/json');
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'VAULT_LOCKED') return onVaultLocked();
      setFailure(error);
    }
  };

  return (
    <div className="access-report" role="group" aria-label={t('gdpr.access.title')}>
      <label className="visually-hidden" htmlFor="access-report-language">
        {t('gdpr.access.language')}
      </label>
      <select id="access-report-language" className="input" value={language} onChange={(event) => setLanguage(event.target.value as DocumentLanguage)} disabled={busy}>
        <option value="da">{t('languages.da')}</option>
        <option value="en">{t('languages.en')}</option>
      </select>
      <button type="button" className="button" onClick={() => void make()} disabled={busy}>
        {busy ? t('gdpr.access.working') : t('gdpr.access.button')}
      </button>
      <button type="button" className="button button--quiet" onClick={() => void saveJson()}>
        {t('gdpr.access.json')}
      </button>
      <p className="access-report__status" role="status">
        {made && t('gdpr.access.done', { name: made.name })}
      </p>
      <ErrorAlert error={failure} />
    </div>
  );
}
