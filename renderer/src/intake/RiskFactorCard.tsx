// One risk factor on a case, folded away until it is opened (Enter or Space on its summary); open
// from the start once assessed.
import { useId } from 'react';
import { useController, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RiskState, type AttachmentMeta, type RiskFactor, type RiskField, type TimelineEvent } from '../../../preload/contract';
import { LinkedEvidence } from '../evidence/LinkedEvidence';
import { labelOf } from '../reference/useReference';
import { Checkbox, emptyToNull, PartialDateInput, TextArea, TextInput, toNumberOrNull, useErrorKey } from './fields';

interface Props {
  index: number;
  factor: RiskFactor | undefined;
  factorId: string;
  timeline: TimelineEvent[];
  attachments: AttachmentMeta[];
}

export function RiskFactorCard({ index, factor, factorId, timeline, attachments }: Props) {
  const { t, i18n } = useTranslation();
  const { register, control, getValues } = useFormContext();
  const base = `items.${index}`;
  const state = useWatch({ control, name: `${base}.state` }) as string;
  const title = factor ? labelOf(factor.labels, i18n.language) : factorId;
  const stateId = useId();
  const initiallyOpen = getValues(`${base}.state`) !== 'not_assessed';

  return (
    <details className={`risk risk--${state}`} open={initiallyOpen || undefined}>
      <summary className="risk__summary">
        <span className="risk__title">{title}</span>
        {factor?.origin === 'clinic' && <span className="badge">{t('intake.risks.clinicFactor')}</span>}
        <span className={`risk__state risk__state--${state}`}>{t(`riskState.${state}`, { defaultValue: state })}</span>
      </summary>
      <div className="risk__body">
        {factor?.descriptions && <p className="muted">{labelOf(factor.descriptions, i18n.language)}</p>}
        <fieldset className="radios" aria-describedby={stateId}>
          <legend>{t('intake.risks.assessment', { factor: title })}</legend>
          {RiskState.options.map((option) => (
            <label key={option} className="radio">
              <input type="radio" value={option} {...register(`${base}.state`)} />
              {t(`riskState.${option}`)}
            </label>
          ))}
          <span id={stateId} className="visually-hidden">
            {title}
          </span>
        </fieldset>
        {factor && factor.fields.length > 0 && (
          <fieldset className="subsection">
            <legend>{t('intake.risks.facts')}</legend>
            <div className="grid">
              {factor.fields.map((field) => (
                <FactorField key={field.id} name={`${base}.fields.${field.id}`} field={field} />
              ))}
            </div>
          </fieldset>
        )}
        <div className="grid grid--two">
          <TextArea name={`${base}.clientFacts`} label={t('intake.risks.clientFacts')} hint={t('intake.risks.clientFactsHint')} rows={4} />
          <TextArea name={`${base}.lawyerSummary`} label={t('intake.risks.lawyerSummary')} rows={4} />
        </div>
        <Sources name={`${base}.sources`} timeline={timeline} attachments={attachments} />
        <LinkedEvidence factorId={factorId} title={title} present={state === 'present'} />
      </div>
    </details>
  );
}

function FactorField({ name, field }: { name: string; field: RiskField }) {
  const { i18n } = useTranslation();
  const label = labelOf(field.labels, i18n.language);
  switch (field.type) {
    case 'boolean':
      return <Checkbox name={name} label={label} />;
    case 'number':
      return (
        <TextInput
          name={name}
          label={label}
          type="number"
          dir="ltr"
          inputMode="numeric"
          options={{ setValueAs: toNumberOrNull, ...(field.min !== undefined ? { min: field.min } : {}), ...(field.max !== undefined ? { max: field.max } : {}) }}
        />
      );
    case 'date':
      // An empty structured field is "not known" (null), as the core expects.
      return <PartialDateInput name={name} label={label} options={{ setValueAs: emptyToNull }} />;
    default:
      return <TextInput name={name} label={label} dir="auto" maxLength={2000} options={{ setValueAs: emptyToNull }} />;
  }
}

type Source = { kind: 'attachment' | 'timeline'; id: string };

function Sources({ name, timeline, attachments }: { name: string; timeline: TimelineEvent[]; attachments: AttachmentMeta[] }) {
  const { t } = useTranslation();
  const { control } = useFormContext();
  const { field } = useController({ control, name });
  const errorKey = useErrorKey(name);
  const chosen = (field.value as Source[] | undefined) ?? [];
  const has = (source: Source) => chosen.some((s) => s.kind === source.kind && s.id === source.id);
  const toggle = (source: Source, on: boolean) =>
    field.onChange(on ? [...chosen, source] : chosen.filter((s) => !(s.kind === source.kind && s.id === source.id)));
  const option = (source: Source, label: string) => (
    <label key={`${source.kind}-${source.id}`} className="checkbox">
      <input type="checkbox" checked={has(source)} onChange={(event) => toggle(source, event.target.checked)} />
      <span dir="auto">{label}</span>
    </label>
  );
  return (
    <fieldset className="subsection sources">
      <legend>{t('intake.risks.sources')}</legend>
      {timeline.length === 0 && attachments.length === 0 && <p className="muted">{t('intake.risks.noSources')}</p>}
      {timeline.length > 0 && (
        <div className="sources__group">
          <p className="sources__title">{t('intake.risks.timelineSources')}</p>
          {timeline.map((event) => option({ kind: 'timeline', id: event.id }, `${event.date} – ${event.description}`))}
        </div>
      )}
      {attachments.length > 0 && (
        <div className="sources__group">
          <p className="sources__title">{t('intake.risks.attachmentSources')}</p>
          {attachments.map((meta) => option({ kind: 'attachment', id: meta.id }, meta.name))}
        </div>
      )}
      {errorKey && <p className="field__error">{t(errorKey)}</p>}
    </fieldset>
  );
}
