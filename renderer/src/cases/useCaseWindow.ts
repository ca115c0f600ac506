// The case list for a search text, a window at a time. Every keystroke asks the core at once, but
// never more than one question is on its way: keystrokes typed meanwhile collapse into the next
// one (so a fast typist sends "a", then "amal", not four requests, and each answer shows as soon
// as it can). Further pages are fetched as the window scrolls to them.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseSummary } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';

// Enough for a tall window with overscan; a small first page is what makes a keystroke fast.
export const PAGE_SIZE = 50;

interface Answer {
  /** The query these rows answer ('' for all cases). */
  query: string;
  total: number;
  pages: ReadonlyMap<number, CaseSummary[]>;
  error: ApiError | null;
}

export interface CaseWindow {
  query: string;
  total: number;
  error: ApiError | null;
  /** False until the first answer arrives. */
  loaded: boolean;
  /** True while the rows shown do not yet answer what is in the search box. */
  pending: boolean;
  /** The row at `index`, or undefined while its page is on its way. */
  row: (index: number) => CaseSummary | undefined;
  /** Make sure the pages holding rows first..last are loaded (or on their way). */
  ensure: (first: number, last: number) => void;
}

const listFor = (query: string, offset: number) => api.cases.list({ ...(query ? { query } : {}), limit: PAGE_SIZE, offset });

export function useCaseWindow(text: string): CaseWindow {
  const wanted = text.trim();
  const [answer, setAnswerState] = useState<Answer | null>(null);
  const answerRef = useRef<Answer | null>(null);
  const wantedRef = useRef(wanted);
  const busy = useRef(false);
  const loadingPages = useRef(new Set<string>());
  const mounted = useRef(true);

  const setAnswer = useCallback((next: Answer | null) => {
    answerRef.current = next;
    if (mounted.current) setAnswerState(next);
  }, []);

  const askFirstPage = useCallback(() => {
    const ask = () => {
      if (busy.current) return;
      const query = wantedRef.current;
      const current = answerRef.current;
      if (current && current.query === query && !current.error) return;
      busy.current = true;
      listFor(query, 0)
        .then(
          (page) => setAnswer({ query, total: page.total, pages: new Map([[0, page.items]]), error: null }),
          (error: unknown) => setAnswer({ query, total: current?.total ?? 0, pages: current?.pages ?? new Map(), error: toApiError(error) }),
        )
        .finally(() => {
          busy.current = false;
          if (mounted.current && wantedRef.current !== query) ask();
        });
    };
    ask();
  }, [setAnswer]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    wantedRef.current = wanted;
    askFirstPage();
  }, [wanted, askFirstPage]);

  const ensure = useCallback(
    (first: number, last: number) => {
      const current = answerRef.current;
      if (!current || current.error) return;
      const { query } = current;
      const lastRow = Math.min(last, current.total - 1);
      for (let page = Math.floor(Math.max(first, 0) / PAGE_SIZE); page * PAGE_SIZE <= lastRow; page += 1) {
        const key = `${query}\u0000${page}`;
        if (current.pages.has(page) || loadingPages.current.has(key)) continue;
        loadingPages.current.add(key);
        listFor(query, page * PAGE_SIZE)
          .then(
            (result) => {
              const now = answerRef.current;
              if (!now || now.query !== query) return;
              setAnswer({ ...now, total: result.total, pages: new Map(now.pages).set(page, result.items) });
            },
            () => undefined,
          )
          .finally(() => loadingPages.current.delete(key));
      }
    },
    [setAnswer],
  );

  const row = useCallback(
    (index: number) => answer?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [answer],
  );

  return {
    query: answer?.query ?? '',
    total: answer?.total ?? 0,
    error: answer?.error ?? null,
    loaded: answer !== null,
    pending: answer === null || answer.query !== wanted,
    row,
    ensure,
  };
}
