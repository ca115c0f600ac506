// "Import a case file…": the .briefcase file is uploaded in chunks, then the core decrypts it (with
// this clinic's key, or the passphrase typed here), checks the sender's signature and every entry,
// and answers with a preview; nothing reaches the cases until "Apply", which writes everything in
// one transaction. "Discard" (or closing the dialog) drops the prepared import.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportOutcome, ImportPreview } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { ExchangeError } from './errors';
import { ImportPreviewView, resolutionKey, type Resolutions } from './ImportPreviewView';
import { ImportSummary } from './ImportSummary';
import { ProgressLine } from './ProgressLine';
import { uploadExchangeFile } from './uploadFile';
import { useJobProgress } from './useJobProgress';
import './exchange.css';

interface Props {
  onClose: () => void;
  /** After an apply: the list may show new cases. */
  onImported: () => void;
  onOpenCase: (id: string) => void;
  onVaultLocked: () => void;
}

type Stage =
  | { kind: 'choose' }
  | { kind: 'uploading'; sent: number; total: number }
  | { kind: 'reading' }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'applying'; preview: ImportPreview }
  | { kind: 'done'; preview: ImportPreview; outcome: ImportOutcome };

export function ImportDialog({ onClose, onImported, onOpenCase, onVaultLocked }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const passphraseInput = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [failure, setFailure] = useState<{ error: ApiError; attempt: number } | null>(null);
  const [trustSender, setTrustSender] = useState(false);
  const [resolutions, setResolutions] = useState<Resolutions>({});
  const upload = useRef<{ file: File; uploadId: string } | null>(null);
  const abort = useRef<AbortController | null>(null);
  const pendingImport = useRef<string | null>(null);
  const job = useJobProgress();
  // Focus moves once the step's controls are enabled again (after the render that enables them).
  const focusNext = useRef<HTMLElement | null>(null);
  useEffect(() => {
    focusNext.current?.focus();
    focusNext.current = null;
  });

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    fileInput.current?.focus();
  }, []);

  // A prepared import nobody applied is dropped when the dialog goes (the core also drops it at lock).
  useEffect(
    () => () => {
      abort.current?.abort();
      const importId = pendingImport.current;
      if (importId) void api.exchange.discardImport({ importId }).catch(() => undefined);
    },
    [],
  );

  const fail = (caught: unknown): ApiError | null => {
    const error = toApiError(caught);
    if (error.code === 'VAULT_LOCKED') {
      onVaultLocked();
      return null;
    }
    setFailure((previous) => ({ error, attempt: (previous?.attempt ?? 0) + 1 }));
    return error;
  };

  const uploaded = async (chosen: File): Promise<string> => {
    if (upload.current?.file === chosen) return upload.current.uploadId;
    const controller = new AbortController();
    abort.current = controller;
    setStage({ kind: 'uploading', sent: 0, total: chosen.size });
    const uploadId = await uploadExchangeFile(chosen, (sent) => setStage({ kind: 'uploading', sent, total: chosen.size }), controller.signal);
    upload.current = { file: chosen, uploadId };
    return uploadId;
  };

  const read = async () => {
    if (!file) return;
    setFailure(null);
    try {
      let uploadId = await uploaded(file);
      setStage({ kind: 'reading' });
      const ask = (jobId: string) => api.exchange.preview({ uploadId, ...(passphrase ? { passphrase } : {}), jobId });
      let preview: ImportPreview;
      try {
        preview = await job.run(ask);
      } catch (caught) {
        // The core may have let go of the upload (it keeps one until it is previewed or dropped).
        if (toApiError(caught).code !== 'UPLOAD_NOT_FOUND') throw caught;
        upload.current = null;
        uploadId = await uploaded(file);
        setStage({ kind: 'reading' });
        preview = await job.run(ask);
      }
      pendingImport.current = preview.importId;
      setTrustSender(false);
      setResolutions({});
      setStage({ kind: 'preview', preview });
      focusNext.current = heading.current;
    } catch (caught) {
      setStage({ kind: 'choose' });
      const error = fail(caught);
      if (error?.code === 'WRONG_KEY') focusNext.current = passphraseInput.current;
    }
  };

  const apply = async (preview: ImportPreview) => {
    setFailure(null);
    setStage({ kind: 'applying', preview });
    try {
      // Only what the person chose: anything left open is the core's to refuse, never a silent "mine".
      const resolved = preview.cases.flatMap((item) =>
        item.conflicts.flatMap((conflict) => {
          const take = resolutions[resolutionKey(item.caseId, conflict.path)];
          return take ? [{ caseId: item.caseId, path: conflict.path, take }] : [];
        }),
      );
      const outcome = await api.exchange.apply({ importId: preview.importId, trustSender: !preview.sender.trusted && trustSender, resolutions: resolved });
      pendingImport.current = null;
      setStage({ kind: 'done', preview, outcome });
      onImported();
      focusNext.current = heading.current;
    } catch (caught) {
      setStage({ kind: 'preview', preview });
      fail(caught);
    }
  };

  const discard = async (preview: ImportPreview) => {
    pendingImport.current = null;
    await api.exchange.discardImport({ importId: preview.importId }).catch(() => undefined);
    dialog.current?.close();
  };

  const shownPreview = stage.kind === 'preview' || stage.kind === 'applying' ? stage.preview : null;
  const open = shownPreview ? shownPreview.cases.flatMap((item) => item.conflicts.map((c) => resolutionKey(item.caseId, c.path))).filter((key) => !resolutions[key]) : [];
  const needsTrust = shownPreview !== null && !shownPreview.sender.trusted && !trustSender;
  const busy = stage.kind === 'uploading' || stage.kind === 'reading' || stage.kind === 'applying';

  return (
    <dialog ref={dialog} className="dialog dialog--wide import-dialog" aria-labelledby={`${id}-title`} onClose={(event) => event.target === event.currentTarget && onClose()}>
      <div className="form" aria-busy={busy}>
        <h2 id={`${id}-title`} tabIndex={-1} ref={heading}>
          {stage.kind === 'done' ? t('exchange.import.doneTitle') : t('exchange.import.title')}
        </h2>
        {(stage.kind === 'choose' || stage.kind === 'uploading' || stage.kind === 'reading') && (
          <form
            className="stack"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (!busy) void read();
            }}
          >
            <p>{t('exchange.import.intro')}</p>
            <fieldset className="stack exchange-fieldset" disabled={busy}>
              <div className="field">
                <label htmlFor={`${id}-file`}>{t('exchange.import.file')}</label>
                <input
                  id={`${id}-file`}
                  ref={fileInput}
                  className="input"
                  type="file"
                  accept=".briefcase,application/octet-stream"
                  onChange={(event) => {
                    setFailure(null);
                    setFile(event.target.files?.[0] ?? null);
                  }}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-passphrase`}>{t('exchange.import.passphrase')}</label>
                <input
                  id={`${id}-passphrase`}
                  ref={passphraseInput}
                  className="input"
                  type="password"
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={1000}
                  aria-describedby={`${id}-passphrase-hint`}
                  value={passphrase}
                  onChange={(event) => setPassphrase(event.target.value)}
                />
                <p className="field__hint" id={`${id}-passphrase-hint`}>
                  {t('exchange.import.passphraseHint')}
                </p>
              </div>
            </fieldset>
            {stage.kind === 'uploading' && (
              <ProgressLine label={t('exchange.import.uploading')} done={stage.sent} total={stage.total} onCancel={() => abort.current?.abort()} cancelLabel={t('exchange.import.cancel')} />
            )}
            {stage.kind === 'reading' && (
              <ProgressLine
                label={t('exchange.import.reading')}
                done={job.progress?.done ?? 0}
                total={job.progress?.total ?? 0}
                onCancel={job.cancel}
                cancelLabel={t('exchange.import.cancel')}
              />
            )}
            {failure && <ExchangeError key={failure.attempt} error={failure.error} />}
            <div className="form__actions">
              <button type="button" className="button" onClick={() => dialog.current?.close()}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="button button--primary" disabled={busy || !file}>
                {t('exchange.import.read')}
              </button>
            </div>
          </form>
        )}
        {shownPreview && (
          <>
            <ImportPreviewView
              preview={shownPreview}
              trustSender={trustSender}
              onTrustSender={setTrustSender}
              resolutions={resolutions}
              onResolve={(caseId, path, take) => setResolutions((previous) => ({ ...previous, [resolutionKey(caseId, path)]: take }))}
              idPrefix={id}
            />
            {(needsTrust || open.length > 0) && (
              <p className="field__hint" id={`${id}-apply-hint`}>
                {needsTrust ? t('exchange.import.needsTrust') : t('exchange.import.needsChoices', { count: open.length })}
              </p>
            )}
            {failure && <ExchangeError key={failure.attempt} error={failure.error} />}
            <div className="form__actions">
              <button type="button" className="button" disabled={busy} onClick={() => void discard(shownPreview)}>
                {t('exchange.import.discard')}
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={busy || needsTrust || open.length > 0}
                aria-describedby={needsTrust || open.length > 0 ? `${id}-apply-hint` : undefined}
                onClick={() => void apply(shownPreview)}
              >
                {stage.kind === 'applying' ? t('exchange.import.applying') : t('exchange.import.apply')}
              </button>
            </div>
          </>
        )}
        {stage.kind === 'done' && (
          <>
            <ImportSummary preview={stage.preview} outcome={stage.outcome} onOpenCase={onOpenCase} />
            <div className="form__actions">
              <button type="button" className="button button--primary" onClick={() => dialog.current?.close()}>
                {t('common.close')}
              </button>
            </div>
          </>
        )}
      </div>
    </dialog>
  );
}
