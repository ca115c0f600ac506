// The case itself: reference, status and outcome, protection basis (the jurisdiction's list), key
// dates, origin (the country's region list, then the place), who works on it.
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CaseOutcome, CaseStatus, type CaseDetails, type CaseRecord, type ReferenceData } from '../../../preload/contract';
import { useSectionForm } from '../autosave/useSectionForm';
import { labelOf } from '../reference/useReference';
import { PartialDateInput, Select, TextInput } from './fields';
import { detailsSpec, type DetailsForm } from './forms';
import { SectionCard } from './SectionCard';

const DATES = ['arrival', 'permitGranted', 'permitExpiry', 'decision', 'decisionReceived', 'hearing'] as const;

interface Props {
  record: CaseRecord;
  reference: ReferenceData | null;
  onDetails: (details: CaseDetails) => void;
  onVaultLocked: () => void;
}

export function DetailsSection({ record, reference, onDetails, onVaultLocked }: Props) {
  const { t, i18n } = useTranslation();
  const editor = useSectionForm<DetailsForm>({
    caseId: record.id,
    section: 'details',
    record,
    ...detailsSpec,
    onSaved: (value) => onDetails(value as CaseDetails),
    onVaultLocked,
  });
  const { control } = editor.form;
  const jurisdictionId = useWatch({ control, name: 'jurisdiction' }) as string;
  const country = useWatch({ control, name: 'origin.country' }) as string | null;
  const language = i18n.language;
  const jurisdiction = reference?.jurisdictions.find((j) => j.id === jurisdictionId);
  const regionList = reference?.regionLists.find((list) => list.country === country);

  return (
    <SectionCard id="section-details" title={t('intake.details.title')} editor={editor}>
      <div className="grid">
        <TextInput name="reference" label={t('intake.details.reference')} hint={t('intake.details.referenceHint')} dir="ltr" maxLength={64} />
        <Select name="status" label={t('intake.details.status')} choices={CaseStatus.options.map((s) => ({ value: s, label: t(`caseStatus.${s}`) }))} />
        <Select
          name="outcome"
          label={t('intake.details.outcome')}
          hint={t('intake.details.outcomeHint')}
          empty={t('intake.notSet')}
          choices={CaseOutcome.options.map((o) => ({ value: o, label: t(`caseOutcome.${o}`) }))}
        />
        <Select
          name="jurisdiction"
          label={t('intake.details.jurisdiction')}
          choices={(reference?.jurisdictions ?? [{ id: jurisdictionId, labels: { da: jurisdictionId, en: jurisdictionId } }]).map((j) => ({
            value: j.id,
            label: labelOf(j.labels, language),
          }))}
        />
        <Select
          name="protectionBasis"
          label={t('intake.details.protectionBasis')}
          empty={t('intake.notSet')}
          choices={(jurisdiction?.protectionBases ?? []).map((basis) => ({
            value: basis.id,
            label: labelOf(basis.labels, language),
          }))}
        />
        <TextInput name="assignedLawyer" label={t('intake.details.lawyer')} dir="auto" maxLength={120} />
        <TextInput name="assignedParalegal" label={t('intake.details.paralegal')} dir="auto" maxLength={120} />
      </div>

      <fieldset className="subsection">
        <legend>{t('intake.details.dates')}</legend>
        <div className="grid grid--dates">
          {DATES.map((name) => (
            <PartialDateInput key={name} name={`dates.${name}`} label={t(`intake.dates.${name}`)} />
          ))}
        </div>
      </fieldset>

      <fieldset className="subsection">
        <legend>{t('intake.details.origin')}</legend>
        <div className="grid">
          <Select
            name="origin.country"
            label={t('intake.details.country')}
            empty={t('intake.notSet')}
            choices={(reference?.regionLists ?? []).map((list) => ({ value: list.country, label: labelOf(list.labels, language) }))}
          />
          <Select
            name="origin.region"
            label={regionList ? labelOf(regionList.regionKind, language) : t('intake.details.region')}
            empty={t('intake.notSet')}
            choices={(regionList?.regions ?? []).map((region) => ({ value: region.id, label: labelOf(region.labels, language) }))}
          />
          <TextInput name="origin.place" label={t('intake.details.place')} hint={t('intake.details.placeHint')} dir="auto" maxLength={200} />
        </div>
      </fieldset>
    </SectionCard>
  );
}
