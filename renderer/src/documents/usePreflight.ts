// The pre-flight report for the chosen template and language (documents.check): run when the
// choice changes, and again on demand (before generating, or when the lawyer comes back to the
// section after filling something in). Whatever the intake sections still hold unsaved is saved
// first, so the report speaks of what the lawyer sees. Only the latest answer is kept.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentLanguage, Preflight } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { flushAll } from '../autosave/registry';

const CHOICE_SETTLE_MS = 150;

export interface PreflightState {
  report: Preflight | null;
  /** The choice the report is for, so a report is never shown for another template. */
  reportFor: string | null;
  checking: boolean;
  error: ApiError | null;
  /** Save pending edits, check again; resolves with the fresh report (null if it failed or was overtaken). */
  recheck: () => Promise<Preflight | null>;
}

export function usePreflight(caseId: string, templateId: string, language: DocumentLanguage | '', onVaultLocked: () => void): PreflightState {
  const [report, setReport] = useState<Preflight | null>(null);
  const [reportFor, setReportFor] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(0);

  const recheck = useCallback(async (): Promise<Preflight | null> => {
    if (!templateId || !language) return null;
    latest.current += 1;
    const round = latest.current;
    try {
      await flushAll();
      if (round === latest.current) setChecking(true);
      const answer = await api.documents.check({ caseId, templateId, language });
      if (round !== latest.current) return null;
      setReport(answer);
      setReportFor(`${templateId}/${language}`);
      setError(null);
      return answer;
    } catch (caught) {
      const failure = toApiError(caught);
      if (round !== latest.current) return null;
      if (failure.code === 'VAULT_LOCKED') onVaultLocked();
      else setError(failure);
      return null;
    } finally {
      if (round === latest.current) setChecking(false);
    }
  }, [caseId, templateId, language, onVaultLocked]);

  // A moment after the choice settles (arrow keys through the templates ask once, not per step).
  useEffect(() => {
    const timer = setTimeout(() => void recheck(), CHOICE_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [recheck]);

  return { report, reportFor, checking, error, recheck };
}

/** Whether a report stops generation (stale sources only ask for confirmation). */
export function blocksGeneration(report: Preflight): boolean {
  return report.missing.length > 0 || report.unknownCitations.length > 0;
}
