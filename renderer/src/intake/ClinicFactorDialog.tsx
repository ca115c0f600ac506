// "Add a clinic factor": the clinic's own risk factor, named in both languages, added to the
// catalogue in the vault (risks.addFactor) and to this case.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskFactor } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { TextField } from '../app/TextField';
import { refreshReference } from '../reference/useReference';

interface Props {
  onClose: () => void;
  onCreated: (factor: RiskFactor) => void;
  onVaultLocked: () => void;
}

export function ClinicFactorDialog({ onClose, onCreated, onVaultLocked }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [en, setEn] = useState('');
  const [da, setDa] = useState('');
  const [errors, setErrors] = useState<{ en?: string; da?: string }>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const submit = async () => {
    const missing = { ...(en.trim() ? {} : { en: 'validation.required' }), ...(da.trim() ? {} : { da: 'validation.required' }) };
    setErrors(missing);
    if (missing.en || missing.da) return;
    setBusy(true);
    setFailure(null);
    try {
      const factor = await api.risks.addFactor({ labels: { en: en.trim(), da: da.trim() }, fields: [] });
      refreshReference();
      onCreated(factor);
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'VAULT_LOCKED') return onVaultLocked();
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="clinic-factor-title" onClose={onClose}>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h2 id="clinic-factor-title">{t('intake.risks.clinicFactorTitle')}</h2>
        <p className="lead">{t('intake.risks.clinicFactorIntro')}</p>
        <TextField id="clinic-factor-en" label={t('intake.risks.labelEn')} lang="en" value={en} onChange={(e) => setEn(e.target.value)} errorKey={errors.en} maxLength={300} />
        <TextField id="clinic-factor-da" label={t('intake.risks.labelDa')} lang="da" value={da} onChange={(e) => setDa(e.target.value)} errorKey={errors.da} maxLength={300} />
        <ErrorAlert error={failure} />
        <div className="form__actions">
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('intake.risks.clinicFactorSubmit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
