// A case's selected evidence and the suggestions for its present risk factors, shared by the
// case-wide panel and every risk factor card (through CaseEvidenceContext).
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { CaseEvidenceItem, FactorSuggestions } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';

export interface CaseEvidence {
  links: CaseEvidenceItem[];
  suggestions: FactorSuggestions[];
  error: ApiError | null;
  link: (excerptId: string, riskFactorId: string | null) => Promise<void>;
  unlink: (excerptId: string, riskFactorId: string | null) => Promise<void>;
  /** Ask for suggestions again (a factor was marked present, the library changed). */
  refreshSuggestions: () => void;
}

export const CaseEvidenceContext = createContext<CaseEvidence | null>(null);

export function useCaseEvidenceContext(): CaseEvidence | null {
  return useContext(CaseEvidenceContext);
}

export function useCaseEvidence(caseId: string, onVaultLocked: () => void): CaseEvidence {
  const [links, setLinks] = useState<CaseEvidenceItem[]>([]);
  const [suggestions, setSuggestions] = useState<FactorSuggestions[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);

  const fail = useCallback(
    (caught: unknown) => {
      const failure = toApiError(caught);
      if (failure.code === 'VAULT_LOCKED') onVaultLocked();
      else setError(failure);
    },
    [onVaultLocked],
  );

  useEffect(() => {
    let current = true;
    api.evidence.caseLinks({ caseId }).then((answer) => current && setLinks(answer.items), (caught: unknown) => current && fail(caught));
    return () => {
      current = false;
    };
  }, [caseId, fail]);

  useEffect(() => {
    let current = true;
    api.evidence.suggest({ caseId }).then((answer) => current && setSuggestions(answer.factors), (caught: unknown) => current && fail(caught));
    return () => {
      current = false;
    };
  }, [caseId, generation, fail]);

  const change = useCallback(
    async (action: 'link' | 'unlink', excerptId: string, riskFactorId: string | null) => {
      setError(null);
      try {
        const answer = await api.evidence[action]({ caseId, excerptId, riskFactorId });
        setLinks(answer.items);
        setGeneration((n) => n + 1);
      } catch (caught) {
        fail(caught);
      }
    },
    [caseId, fail],
  );
  const link = useCallback((excerptId: string, riskFactorId: string | null) => change('link', excerptId, riskFactorId), [change]);
  const unlink = useCallback((excerptId: string, riskFactorId: string | null) => change('unlink', excerptId, riskFactorId), [change]);
  const refreshSuggestions = useCallback(() => setGeneration((n) => n + 1), []);

  return { links, suggestions, error, link, unlink, refreshSuggestions };
}
