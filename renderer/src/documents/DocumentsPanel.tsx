// The case's Documents section: choose a template, language and format; see what the case still
// lacks (pre-flight, checked again before generating and whenever the lawyer comes back to the
// section); generate, with "Generate anyway" when cited sources are stale; the versions kept on the
// case, previewed in the app (PDF) or opened, saved or deleted; the templates, in a dialog.
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { DocumentLanguage, DocumentVersion, GenerateRequest, Preflight } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { ChoiceForm, type Choice } from './ChoiceForm';
import { ConfirmDialog } from './ConfirmDialog';
import { DocumentError } from './DocumentError';
import { PdfPreview } from './PdfPreview';
import { PreflightReport, StaleList } from './PreflightReport';
import { TemplatesDialog } from './TemplatesDialog';
import { blocksGeneration, usePreflight } from './usePreflight';
import { useTemplates } from './useTemplates';
import { useVersions } from './useVersions';
import { isPdf, VersionList } from './VersionList';
import './documents.css';

interface Props {
  caseId: string;
  onVaultLocked: () => void;
}

/** Coming back to the section checks again, at most this often. */
const RECHECK_AFTER_MS = 2_000;

type Progress = { kind: 'idle' } | { kind: 'generating' } | { kind: 'done'; version: DocumentVersion };

export function DocumentsPanel({ caseId, onVaultLocked }: Props) {
  const { t, i18n } = useTranslation();
  const templates = useTemplates(onVaultLocked);
  const versions = useVersions(caseId, onVaultLocked);
  const form = useForm<Choice>({ defaultValues: { templateId: '', language: '', format: 'pdf' } });
  const [templateId, language, format] = useWatch({ control: form.control, name: ['templateId', 'language', 'format'] });
  const template = templates.items?.find((item) => item.id === templateId) ?? null;
  const offered: readonly DocumentLanguage[] = useMemo(() => template?.languages ?? [], [template]);
  const preflight = usePreflight(caseId, template ? templateId : '', offered.includes(language as DocumentLanguage) ? language : '', onVaultLocked);
  const [progress, setProgress] = useState<Progress>({ kind: 'idle' });
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [staleToConfirm, setStaleToConfirm] = useState<Preflight['stale'] | null>(null);
  const [previewing, setPreviewing] = useState<DocumentVersion | null>(null);
  const [showTemplates, setShowTemplates] = useState(false);
  const lastCheck = useRef(0);

  // The first template (the brief, when shipped) once the list is known; a template that goes away
  // (removed) gives way to the first again.
  useEffect(() => {
    const items = templates.items;
    if (!items || items.length === 0) return;
    if (!items.some((item) => item.id === templateId)) {
      const first = items.find((item) => item.kind === 'brief') ?? items[0]!;
      form.setValue('templateId', first.id);
    }
  }, [templates.items, templateId, form]);

  // The UI's language when the template offers it, else the template's first.
  useEffect(() => {
    if (offered.length === 0 || offered.includes(language as DocumentLanguage)) return;
    form.setValue('language', offered.includes(i18n.language as DocumentLanguage) ? (i18n.language as DocumentLanguage) : offered[0]!);
  }, [offered, language, i18n.language, form]);

  const fail = (error: ApiError) => (error.code === 'VAULT_LOCKED' ? onVaultLocked() : setFailure(error));

  const comeBack = () => {
    if (Date.now() - lastCheck.current < RECHECK_AFTER_MS || progress.kind === 'generating') return;
    lastCheck.current = Date.now();
    void preflight.recheck();
  };

  const generate = async (acknowledgeStale: boolean) => {
    if (!template || !language) return;
    setFailure(null);
    setProgress({ kind: 'generating' });
    try {
      lastCheck.current = Date.now();
      const report = await preflight.recheck();
      if (!report || blocksGeneration(report)) return setProgress({ kind: 'idle' });
      if (report.stale.length > 0 && !acknowledgeStale) {
        setStaleToConfirm(report.stale);
        return setProgress({ kind: 'idle' });
      }
      const request: GenerateRequest = { caseId, templateId, language: language as DocumentLanguage, format, acknowledgeStale };
      const version = await api.documents.generate(request);
      versions.added(version);
      setProgress({ kind: 'done', version });
    } catch (caught) {
      const error = toApiError(caught);
      setProgress({ kind: 'idle' });
      // The case changed between the check and the generation: show the fresh report.
      if (error.code === 'STALE_EVIDENCE' || error.code === 'MISSING_FIELDS' || error.code === 'UNKNOWN_CITATION') {
        const report = await preflight.recheck();
        if (error.code === 'STALE_EVIDENCE' && report && !blocksGeneration(report)) return setStaleToConfirm(report.stale);
      }
      fail(error);
    }
  };

  const labelFor = (path: string) => {
    const field = template?.requires.find((item) => item.path === path);
    return field ? (i18n.language === 'da' ? field.label.da : field.label.en) : null;
  };
  const reportShown = preflight.reportFor === `${templateId}/${language}` ? preflight.report : null;
  const blocked = reportShown ? blocksGeneration(reportShown) : false;
  const generating = progress.kind === 'generating';
  const reason = !reportShown
    ? null
    : reportShown.missing.length > 0
      ? t('documents.generate.blockedMissing')
      : reportShown.unknownCitations.length > 0
        ? t('documents.generate.blockedCitations')
        : null;

  return (
    <section className="card intake-section documents" id="section-documents" aria-labelledby="section-documents-title" onFocus={comeBack} onPointerEnter={comeBack}>
      <header className="intake-section__head">
        <h2 id="section-documents-title" className="card__title" tabIndex={-1}>
          {t('documents.title')}
        </h2>
        <button type="button" className="button button--quiet" onClick={() => setShowTemplates(true)} disabled={!templates.items}>
          {t('documents.templates.open')}
        </button>
      </header>
      <p className="intake-section__intro">{t('documents.intro')}</p>
      <DocumentError error={templates.error ?? versions.error} />
      {!templates.items && !templates.error && <p className="loading">{t('app.loading')}</p>}
      {templates.items && templates.items.length === 0 && <p className="muted">{t('documents.noTemplates')}</p>}
      {templates.items && templates.items.length > 0 && (
        <FormProvider {...form}>
          <form
            className="doc-generate"
            aria-label={t('documents.choose.title')}
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (!blocked && !generating) void generate(false);
            }}
          >
            <ChoiceForm templates={templates.items} offered={offered} />
            <div className="doc-report" aria-busy={preflight.checking}>
              <div className="doc-report__head">
                <h3>{t('documents.preflight.title')}</h3>
                <button type="button" className="button button--quiet" onClick={() => void preflight.recheck()} disabled={generating}>
                  {t('documents.preflight.recheck')}
                </button>
              </div>
              <DocumentError error={preflight.error} />
              {!reportShown && !preflight.error && <p className="loading">{t('documents.preflight.checking')}</p>}
              {reportShown && <PreflightReport report={reportShown} format={format} labelFor={labelFor} />}
            </div>
            <div className="doc-generate__actions">
              <button type="submit" className="button button--primary" disabled={!reportShown || blocked || generating} aria-describedby={reason ? 'generate-reason' : undefined}>
                {generating ? t('documents.generate.working') : t('documents.generate.button')}
              </button>
              {reason && (
                <p className="field__hint" id="generate-reason">
                  {reason}
                </p>
              )}
              <p className="doc-generate__status" role="status">
                {generating && t('documents.generate.progress', { format: t(`documents.format.${format}`) })}
                {progress.kind === 'done' && t('documents.generate.done', { name: progress.version.name })}
              </p>
            </div>
            <DocumentError error={failure} listIssues={failure?.code === 'MISSING_FIELDS' || failure?.code === 'UNKNOWN_CITATION'} />
          </form>
        </FormProvider>
      )}
      <h3 id="doc-versions-title">{t('documents.versions.title')}</h3>
      {versions.items === null && !versions.error && <p className="loading">{t('app.loading')}</p>}
      {versions.items && (
        <VersionList
          versions={versions.items}
          templates={templates.items ?? []}
          previewing={previewing?.id ?? null}
          onPreview={(version) => setPreviewing((current) => (current?.id === version.id ? null : version))}
          onDeleted={(id) => {
            versions.removed(id);
            if (previewing?.id === id) setPreviewing(null);
            if (progress.kind === 'done' && progress.version.id === id) setProgress({ kind: 'idle' });
          }}
          onError={fail}
        />
      )}
      {previewing && isPdf(previewing) && <PdfPreview key={previewing.id} version={previewing} onClose={() => setPreviewing(null)} onVaultLocked={onVaultLocked} />}
      {staleToConfirm && (
        <ConfirmDialog
          title={t('documents.stale.title')}
          confirmLabel={t('documents.stale.confirm')}
          onClose={() => setStaleToConfirm(null)}
          onConfirm={async () => {
            setStaleToConfirm(null);
            await generate(true);
          }}
        >
          <p>{t('documents.stale.body')}</p>
          <StaleList stale={staleToConfirm} id="confirm-stale" />
        </ConfirmDialog>
      )}
      {showTemplates && templates.items && (
        <TemplatesDialog templates={templates.items} onChanged={templates.reload} onClose={() => setShowTemplates(false)} onVaultLocked={onVaultLocked} />
      )}
    </section>
  );
}
