// The case list: count, search-as-you-type, the table or an empty state, and "New case".
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app/ErrorAlert';
import { PlusIcon } from '../app/icons';
import { ImportDialog } from '../exchange/ImportDialog';
import type { ListRequest } from '../app/menuCommands';
import { useFocusOnMount } from '../app/useFocusOnMount';
import { CaseTable } from './CaseTable';
import { EmptyState } from './EmptyState';
import { NewCaseDialog } from './NewCaseDialog';
import { RecentCases } from './RecentCases';
import { SearchBox } from './SearchBox';
import { useCaseWindow } from './useCaseWindow';

interface Props {
  onOpenCase: (id: string) => void;
  /** Cases came in from a case file: the list should ask again. */
  onImported: () => void;
  onVaultLocked: () => void;
  /** From the application menu: open "New case" or go to the search box (app/menuCommands.ts). */
  request?: ListRequest | null;
  onRequestDone?: () => void;
}

export function CasesScreen({ onOpenCase, onImported, onVaultLocked, request = null, onRequestDone }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [creating, setCreating] = useState(false);
  const search = useCaseWindow(text);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const newCaseButton = useRef<HTMLButtonElement>(null);
  const [importing, setImporting] = useState(false);
  const importButton = useRef<HTMLButtonElement>(null);
  const imported = useRef(false);

  useEffect(() => {
    if (search.error?.code === 'VAULT_LOCKED') onVaultLocked();
  }, [search.error, onVaultLocked]);

  // A menu request opens "New case" in the same render (React's adjust-state-while-rendering
  // pattern); focusing the search box is DOM work, so it waits for the effect, which runs after
  // useFocusOnMount's: the menu's choice of focus wins over the heading.
  const [seenRequest, setSeenRequest] = useState<ListRequest | null>(null);
  if (request && request !== seenRequest) {
    setSeenRequest(request);
    if (request.action === 'newCase') setCreating(true);
  }
  useEffect(() => {
    if (!request) return;
    if (request.action === 'find') document.getElementById('case-search')?.focus();
    onRequestDone?.();
  }, [request, onRequestDone]);

  return (
    <section className="page" aria-labelledby="cases-title">
      <div className="page__head">
        <div>
          <h1 id="cases-title" tabIndex={-1} ref={heading}>
            {t('cases.title')}
          </h1>
          <p className="page__meta" aria-live="polite">
            {search.loaded ? t('cases.count', { count: search.total }) : '\u00a0'}
          </p>
        </div>
        <div className="page__actions">
          <button type="button" className="button" ref={importButton} onClick={() => setImporting(true)}>
            {t('exchange.import.open')}
          </button>
          <button type="button" className="button button--primary" ref={newCaseButton} onClick={() => setCreating(true)}>
            <PlusIcon />
            {t('cases.new')}
          </button>
        </div>
      </div>
      <SearchBox value={text} onChange={setText} />
      {!text && <RecentCases onOpenCase={onOpenCase} onVaultLocked={onVaultLocked} />}
      {search.error && <ErrorAlert error={search.error} />}
      {search.loaded &&
        (search.total > 0 ? (
          <CaseTable key={search.query} list={search} onOpen={onOpenCase} />
        ) : (
          <EmptyState query={search.query} />
        ))}
      {creating && (
        <NewCaseDialog
          onClose={() => {
            setCreating(false);
            newCaseButton.current?.focus();
          }}
          onCreated={(created) => onOpenCase(created.id)}
          onVaultLocked={onVaultLocked}
        />
      )}
      {importing && (
        <ImportDialog
          onClose={() => {
            setImporting(false);
            if (imported.current) onImported();
            else importButton.current?.focus();
          }}
          onImported={() => {
            imported.current = true;
          }}
          onOpenCase={onOpenCase}
          onVaultLocked={onVaultLocked}
        />
      )}
    </section>
  );
}
