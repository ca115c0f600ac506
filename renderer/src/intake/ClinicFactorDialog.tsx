// "Add a clinic factor": the clinic's own risk factor, named in both languages, with the
// structured fields to record for it on each case (a label in both languages and a type each),
// added to the catalogue in the vault (risks.addFactor) and to this case. Keyboard: Tab through
// the fields, Enter submits; "Add a field" moves the focus into the new field, removing one moves
// it back to "Add a field".
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { RiskFactor } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { TextField } from '../app/TextField';
import { refreshReference } from '../reference/useReference';
import { FIELD_TYPES, fieldErrors, toRiskFields, type FieldDraft, type FieldErrors, type FieldType } from './factor-fields';

interface Props {
  onClose: () => void;
  onCreated: (factor: RiskFactor) => void;
  onVaultLocked: () => void;
}

/** The contract's limit (risks.addFactor: fields max 20). */
const MAX_FIELDS = 20;
let nextKey = 0;

export function ClinicFactorDialog({ onClose, onCreated, onVaultLocked }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const [en, setEn] = useState('');
  const [da, setDa] = useState('');
  const [fields, setFields] = useState<FieldDraft[]>([]);
  const [errors, setErrors] = useState<{ en?: string; da?: string }>({});
  const [fieldProblems, setFieldProblems] = useState<Map<number, FieldErrors>>(new Map());
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  /** A field just added, whose first input gets the focus once it is rendered. */
  const focusNext = useRef<number | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(`clinic-field-${focusNext.current}-en`)?.focus();
    focusNext.current = null;
  }, [fields]);

  const updateField = (key: number, patch: Partial<FieldDraft>) => setFields((list) => list.map((field) => (field.key === key ? { ...field, ...patch } : field)));

  const addField = () => {
    nextKey += 1;
    const key = nextKey;
    setFields((list) => [...list, { key, en: '', da: '', type: 'text' }]);
    focusNext.current = key;
  };

  const removeField = (key: number) => {
    setFields((list) => list.filter((field) => field.key !== key));
    setFieldProblems((problems) => {
      const next = new Map(problems);
      next.delete(key);
      return next;
    });
    addButton.current?.focus();
  };

  const submit = async () => {
    const missing = { ...(en.trim() ? {} : { en: 'validation.required' }), ...(da.trim() ? {} : { da: 'validation.required' }) };
    const problems = fieldErrors(fields);
    setErrors(missing);
    setFieldProblems(problems);
    if (missing.en || missing.da || problems.size > 0) {
      // The first field with a problem gets the focus.
      const first = missing.en ? 'clinic-factor-en' : missing.da ? 'clinic-factor-da' : firstFieldProblem(fields, problems);
      if (first) document.getElementById(first)?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const factor = await api.risks.addFactor({ labels: { en: en.trim(), da: da.trim() }, fields: toRiskFields(fields) });
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

  // Rendered into <body>: the risks section is itself a <form>, and a form inside a form is not
  // valid HTML (the browser may submit the outer one).
  return createPortal(
    <dialog ref={dialog} className="dialog dialog--wide" aria-labelledby="clinic-factor-title" onClose={onClose}>
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
        <fieldset className="subsection">
          <legend>{t('intake.risks.fields')}</legend>
          <p className="muted">{t('intake.risks.fieldsIntro')}</p>
          {fields.length > 0 && (
            <ol className="entries">
              {fields.map((field, index) => (
                <li key={field.key} className="entry">
                  <FieldEditor
                    field={field}
                    n={index + 1}
                    errors={fieldProblems.get(field.key)}
                    onChange={(patch) => updateField(field.key, patch)}
                    onRemove={() => removeField(field.key)}
                  />
                </li>
              ))}
            </ol>
          )}
          <button type="button" className="button field-list__add" ref={addButton} onClick={addField} disabled={fields.length >= MAX_FIELDS}>
            {t('intake.risks.addField')}
          </button>
        </fieldset>
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
    </dialog>,
    document.body,
  );
}

function firstFieldProblem(fields: FieldDraft[], problems: Map<number, FieldErrors>): string | null {
  const field = fields.find((f) => problems.has(f.key));
  if (!field) return null;
  return `clinic-field-${field.key}-${problems.get(field.key)?.en ? 'en' : 'da'}`;
}

interface FieldEditorProps {
  field: FieldDraft;
  n: number;
  errors: FieldErrors | undefined;
  onChange: (patch: Partial<FieldDraft>) => void;
  onRemove: () => void;
}

function FieldEditor({ field, n, errors, onChange, onRemove }: FieldEditorProps) {
  const { t } = useTranslation();
  const id = `clinic-field-${field.key}`;
  return (
    <fieldset className="entry__fields">
      <legend>{t('intake.risks.fieldN', { n })}</legend>
      <div className="row">
        <TextField id={`${id}-en`} label={t('intake.risks.fieldLabelEn')} lang="en" value={field.en} onChange={(e) => onChange({ en: e.target.value })} errorKey={errors?.en} maxLength={300} />
        <TextField id={`${id}-da`} label={t('intake.risks.fieldLabelDa')} lang="da" value={field.da} onChange={(e) => onChange({ da: e.target.value })} errorKey={errors?.da} maxLength={300} />
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('intake.risks.fieldType')}</label>
          <select id={`${id}-type`} className="input select" value={field.type} onChange={(e) => onChange({ type: e.target.value as FieldType })}>
            {FIELD_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`fieldType.${type}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="button" className="button button--quiet entry__remove" onClick={onRemove}>
        {t('intake.risks.removeField', { n })}
      </button>
    </fieldset>
  );
}
