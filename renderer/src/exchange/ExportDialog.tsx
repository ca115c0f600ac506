// "Export…": the chosen cases become one encrypted .briefcase file, for partner clinics from the
// address book (and this clinic, so it can read its own file back) or for a passphrase. The export
// runs with a progress bar and Cancel; the finished file goes to the browser's download and is then
// discarded by the core.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResult } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { useApiLoad } from '../app/useApiLoad';
import { formatSize } from '../i18n/format';
import { RevealToggle } from '../vault/RevealToggle';
import { ExchangeError } from './errors';
import { EMPTY_EXPORT_FORM, exportFormErrors, exportTarget, type ExportForm } from './exportForm';
import { ProgressLine } from './ProgressLine';
import { partnersForDisplay } from './partnerOrder';
import { downloadExport } from './runExport';
import { useJobProgress } from './useJobProgress';
import './exchange.css';

interface Props {
  caseIds: string[];
  /** What is exported, for the title: a reference, or "3 cases". */
  label: string;
  onClose: () => void;
  onVaultLocked: () => void;
}

type Stage = { kind: 'form' } | { kind: 'cancelled' } | { kind: 'done'; result: ExportResult };

export function ExportDialog({ caseIds, label, onClose, onVaultLocked }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const loadPartners = useCallback(() => api.partners.list(), []);
  const partners = useApiLoad(loadPartners, onVaultLocked);
  const usable = partnersForDisplay(partners.data?.items ?? [], i18n.language).filter((partner) => !partner.revokedAt);
  const [form, setForm] = useState<ExportForm>(EMPTY_EXPORT_FORM);
  const [shown, setShown] = useState<Partial<Record<keyof ExportForm, string>> | null>(null);
  const [reveal, setReveal] = useState(false);
  const [stage, setStage] = useState<Stage>({ kind: 'form' });
  const [failure, setFailure] = useState<{ error: ApiError; attempt: number } | null>(null);
  const [downloading, setDownloading] = useState(false);
  const job = useJobProgress();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    heading.current?.focus();
  }, []);

  // With no partner to send to, the passphrase is the only way.
  const noPartners = partners.data !== null && usable.length === 0;
  const effective: ExportForm = noPartners ? { ...form, mode: 'passphrase' } : form;

  const change = (next: Partial<ExportForm>) => {
    const merged = { ...form, ...next };
    setForm(merged);
    if (shown) setShown(exportFormErrors(noPartners ? { ...merged, mode: 'passphrase' } : merged) ?? null);
  };

  const submit = async () => {
    const errors = exportFormErrors(effective);
    setShown(errors);
    if (errors) {
      const first = Object.keys(errors)[0];
      dialog.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
      return;
    }
    setFailure(null);
    setStage({ kind: 'form' });
    try {
      const result = await job.run((jobId) => api.exchange.export({ caseIds, to: exportTarget(effective), includeDocuments: effective.includeDocuments, jobId }));
      setDownloading(true);
      await downloadExport(result);
      setStage({ kind: 'done', result });
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'VAULT_LOCKED') return onVaultLocked();
      if (error.code === 'CANCELLED') setStage({ kind: 'cancelled' });
      else setFailure((previous) => ({ error, attempt: (previous?.attempt ?? 0) + 1 }));
    } finally {
      setDownloading(false);
    }
  };

  const busy = job.running || downloading;
  const errorId = (field: keyof ExportForm) => (shown?.[field] ? `${id}-${field}-error` : undefined);
  const fieldError = (field: keyof ExportForm) =>
    shown?.[field] ? (
      <p className="field__error" id={`${id}-${field}-error`}>
        {t(shown[field])}
      </p>
    ) : null;

  return (
    <dialog
      ref={dialog}
      className="dialog dialog--wide"
      aria-labelledby={`${id}-title`}
      onClose={(event) => event.target === event.currentTarget && onClose()}
    >
      <form
        className="form"
        noValidate
        aria-busy={busy}
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void submit();
        }}
      >
        <h2 id={`${id}-title`} tabIndex={-1} ref={heading}>
          {t('exchange.export.title', { what: label })}
        </h2>
        <ErrorAlert error={partners.error} />
        {stage.kind === 'done' ? (
          <p role="status" className="notice">
            {t('exchange.export.done', { name: stage.result.name, size: formatSize(stage.result.size, i18n.language) })}
          </p>
        ) : (
          <fieldset className="stack exchange-fieldset" disabled={busy}>
            <fieldset className="radios">
              <legend>{t('exchange.export.to')}</legend>
              <label className="radio">
                <input type="radio" name={`${id}-mode`} checked={effective.mode === 'partners'} disabled={noPartners} onChange={() => change({ mode: 'partners' })} />
                {t('exchange.export.toPartners')}
              </label>
              <label className="radio">
                <input type="radio" name={`${id}-mode`} checked={effective.mode === 'passphrase'} onChange={() => change({ mode: 'passphrase' })} />
                {t('exchange.export.toPassphrase')}
              </label>
            </fieldset>
            {noPartners && <p className="field__hint">{t('exchange.export.noPartners')}</p>}
            {effective.mode === 'partners' && (
              <fieldset className="stack partner-choice" aria-describedby={errorId('partnerIds')}>
                <legend>{t('exchange.export.partners')}</legend>
                {usable.map((partner, index) => (
                  <div className="checkbox" key={partner.id}>
                    <input
                      id={`${id}-partner-${partner.id}`}
                      type="checkbox"
                      data-field={index === 0 ? 'partnerIds' : undefined}
                      checked={form.partnerIds.includes(partner.id)}
                      onChange={(event) =>
                        change({
                          partnerIds: event.target.checked ? [...form.partnerIds, partner.id] : form.partnerIds.filter((other) => other !== partner.id),
                        })
                      }
                    />
                    <label htmlFor={`${id}-partner-${partner.id}`} dir="auto">
                      {partner.profile.name}
                    </label>
                  </div>
                ))}
                {fieldError('partnerIds')}
                <div className="checkbox">
                  <input id={`${id}-self`} type="checkbox" checked={form.includeSelf} onChange={(event) => change({ includeSelf: event.target.checked })} />
                  <label htmlFor={`${id}-self`}>{t('exchange.export.includeSelf')}</label>
                </div>
              </fieldset>
            )}
            {effective.mode === 'passphrase' && (
              <div className="stack">
                <p className="field__hint">{t('exchange.export.passphraseHint')}</p>
                <div className={`field${shown?.passphrase ? ' field--invalid' : ''}`}>
                  <label htmlFor={`${id}-passphrase`}>{t('exchange.export.passphrase')}</label>
                  <input
                    id={`${id}-passphrase`}
                    data-field="passphrase"
                    className="input"
                    type={reveal ? 'text' : 'password'}
                    autoComplete="new-password"
                    spellCheck={false}
                    maxLength={1000}
                    aria-invalid={shown?.passphrase ? true : undefined}
                    aria-describedby={errorId('passphrase')}
                    value={form.passphrase}
                    onChange={(event) => change({ passphrase: event.target.value })}
                  />
                  {fieldError('passphrase')}
                </div>
                <div className={`field${shown?.confirm ? ' field--invalid' : ''}`}>
                  <label htmlFor={`${id}-confirm`}>{t('exchange.export.confirm')}</label>
                  <input
                    id={`${id}-confirm`}
                    data-field="confirm"
                    className="input"
                    type={reveal ? 'text' : 'password'}
                    autoComplete="new-password"
                    spellCheck={false}
                    maxLength={1000}
                    aria-invalid={shown?.confirm ? true : undefined}
                    aria-describedby={errorId('confirm')}
                    value={form.confirm}
                    onChange={(event) => change({ confirm: event.target.value })}
                  />
                  {fieldError('confirm')}
                </div>
                <RevealToggle id={`${id}-reveal`} checked={reveal} onChange={setReveal} />
              </div>
            )}
            <div className="checkbox">
              <input id={`${id}-documents`} type="checkbox" checked={form.includeDocuments} onChange={(event) => change({ includeDocuments: event.target.checked })} />
              <label htmlFor={`${id}-documents`}>{t('exchange.export.includeDocuments')}</label>
            </div>
          </fieldset>
        )}
        {job.running && (
          <ProgressLine
            label={t('exchange.export.progress')}
            done={job.progress?.done ?? 0}
            total={job.progress?.total ?? 0}
            onCancel={job.cancel}
            cancelLabel={t('exchange.export.cancel')}
          />
        )}
        {downloading && <p aria-live="polite">{t('exchange.export.downloading')}</p>}
        {stage.kind === 'cancelled' && (
          <p role="status" className="notice">
            {t('exchange.export.cancelled')}
          </p>
        )}
        {failure && <ExchangeError key={failure.attempt} error={failure.error} />}
        <div className="form__actions">
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {stage.kind === 'done' ? t('common.close') : t('common.cancel')}
          </button>
          {stage.kind !== 'done' && (
            <button type="submit" className="button button--primary" disabled={busy || partners.data === null}>
              {t('exchange.export.submit')}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
