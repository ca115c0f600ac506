// The COI evidence library: search (the default), the list of sources with their editor, and the
// clinic's settings. "Import…" and "New source" are always at hand; an empty library offers the
// starter set.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { PlusIcon } from '../app/icons';
import { useFocusOnMount } from '../app/useFocusOnMount';
import { ImportOutcomeView, ImportPanel, type ImportOutcome } from './ImportPanel';
import { ImportSummary } from './ImportSummary';
import { SearchPane } from './SearchPane';
import { SettingsPane } from './SettingsPane';
import { SourceEditor } from './SourceEditor';
import { SourcesPane } from './SourcesPane';
import { useSources } from './useSources';

type Pane = { name: 'search' } | { name: 'sources' } | { name: 'source'; id: string | null } | { name: 'settings' };

export function EvidenceScreen({ onVaultLocked }: { onVaultLocked: () => void }) {
  const { t } = useTranslation();
  const [pane, setPane] = useState<Pane>({ name: 'search' });
  const [generation, setGeneration] = useState(0);
  const changed = useCallback(() => setGeneration((n) => n + 1), []);
  const sources = useSources(generation);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [starter, setStarter] = useState<{ busy: boolean; result: ImportResult | null; error: ApiError | null }>({ busy: false, result: null, error: null });

  useEffect(() => {
    if (sources.error?.code === 'VAULT_LOCKED') onVaultLocked();
  }, [sources.error, onVaultLocked]);

  const loadStarter = () => {
    setStarter({ busy: true, result: null, error: null });
    api.evidence.loadStarter().then(
      (result) => {
        setStarter({ busy: false, result, error: null });
        changed();
      },
      (caught: unknown) => {
        const error = toApiError(caught);
        if (error.code === 'VAULT_LOCKED') onVaultLocked();
        else setStarter({ busy: false, result: null, error });
      },
    );
  };

  const tab = (name: 'search' | 'sources' | 'settings', label: string) => (
    <button
      type="button"
      className="app-nav__item"
      aria-current={pane.name === name || (name === 'sources' && pane.name === 'source') ? 'page' : undefined}
      onClick={() => setPane({ name } as Pane)}
    >
      {label}
    </button>
  );

  return (
    <section className="page evidence" aria-labelledby="evidence-title">
      <div className="page__head">
        <div>
          <h1 id="evidence-title" tabIndex={-1} ref={heading}>
            {t('evidence.title')}
          </h1>
          <p className="page__meta" aria-live="polite">
            {sources.loaded ? t('evidence.sources.count', { count: sources.total }) : '\u00a0'}
          </p>
        </div>
        <div className="page__actions">
          <ImportPanel onImported={changed} onOutcome={setOutcome} onVaultLocked={onVaultLocked} />
          <button type="button" className="button button--primary" onClick={() => setPane({ name: 'source', id: null })}>
            <PlusIcon />
            {t('evidence.sources.new')}
          </button>
        </div>
      </div>
      <nav className="subnav" aria-label={t('evidence.sections')}>
        {tab('search', t('evidence.search.title'))}
        {tab('sources', t('evidence.sources.title'))}
        {tab('settings', t('evidence.settings.title'))}
      </nav>
      {outcome && <ImportOutcomeView outcome={outcome} onDismiss={() => setOutcome(null)} />}
      <ErrorAlert error={sources.error?.code === 'VAULT_LOCKED' ? null : sources.error} />
      {sources.loaded && sources.total === 0 && (
        <div className="empty" role="region" aria-label={t('evidence.starter.title')}>
          <h2>{t('evidence.starter.title')}</h2>
          <p>{t('evidence.starter.body')}</p>
          <button type="button" className="button button--primary" disabled={starter.busy} onClick={loadStarter}>
            {starter.busy ? t('evidence.starter.loading') : t('evidence.starter.load')}
          </button>
          <ErrorAlert error={starter.error} />
        </div>
      )}
      {starter.result && (
        <ImportSummary name={t('evidence.starter.name')} result={starter.result} onDismiss={() => setStarter({ busy: false, result: null, error: null })} />
      )}
      {pane.name === 'search' && <SearchPane generation={generation} onOpenSource={(id) => setPane({ name: 'source', id })} />}
      {pane.name === 'sources' && <SourcesPane sources={sources.items} onOpen={(id) => setPane({ name: 'source', id })} />}
      {pane.name === 'source' && (
        <SourceEditor
          key={pane.id ?? 'new'}
          id={pane.id}
          sources={sources.items}
          onSaved={(id) => {
            changed();
            setPane({ name: 'source', id });
          }}
          onDeleted={() => {
            changed();
            setPane({ name: 'sources' });
          }}
          onChanged={changed}
          onBack={() => setPane({ name: 'sources' })}
          onVaultLocked={onVaultLocked}
        />
      )}
      {pane.name === 'settings' && <SettingsPane onVaultLocked={onVaultLocked} onSaved={changed} />}
    </section>
  );
}
