// The family: each member with relationship, birth date, whereabouts, own status, and a link to
// their own case in the vault.
import { Controller, useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Relationship, Whereabouts, type CaseRecord } from '../../../preload/contract';
import { useSectionForm } from '../autosave/useSectionForm';
import { CasePicker } from './CasePicker';
import { OriginalNameInput, PartialDateInput, Select, TextArea, TextInput } from './fields';
import { householdSpec, newId, type MemberForm } from './forms';
import { EntryList } from './EntryList';
import { SectionCard } from './SectionCard';

interface Props {
  record: CaseRecord;
  onOpenCase: (id: string) => void;
  onVaultLocked: () => void;
}

export function HouseholdSection({ record, onOpenCase, onVaultLocked }: Props) {
  const { t } = useTranslation();
  const editor = useSectionForm<{ items: MemberForm[] }>({ caseId: record.id, section: 'household', record, ...householdSpec, onVaultLocked });
  const members = useFieldArray({ control: editor.form.control, name: 'items', keyName: 'key' });

  return (
    <SectionCard id="section-household" title={t('intake.household.title')} intro={t('intake.household.intro')} editor={editor}>
      <EntryList
        entries={members.fields}
        none={t('intake.household.none')}
        legend={(index) => t('intake.household.memberN', { n: index + 1 })}
        removeLabel={(index) => t('intake.household.remove', { n: index + 1 })}
        addLabel={t('intake.household.add')}
        renderEntry={(index) => (
          <Member index={index} caseId={record.id} onOpenCase={onOpenCase} />
        )}
        onRemove={(index) => {
          members.remove(index);
          editor.changed();
        }}
        onAdd={() => {
          members.append(
            { id: newId(), name: '', nameOriginal: null, relationship: 'child', birthDate: null, whereabouts: 'denmark', status: null, linkedCaseId: null, notes: '' },
            { shouldFocus: true, focusName: `items.${members.fields.length}.name` },
          );
          editor.changed();
        }}
      />
    </SectionCard>
  );
}

function Member({ index, caseId, onOpenCase }: { index: number; caseId: string; onOpenCase: (id: string) => void }) {
  const { t } = useTranslation();
  const { control } = useFormContext();
  const base = `items.${index}`;
  return (
    <div className="grid">
      <TextInput name={`${base}.name`} label={t('intake.household.name')} dir="auto" maxLength={200} />
      <OriginalNameInput name={`${base}.nameOriginal`} label={t('intake.household.nameOriginal')} />
      <Select name={`${base}.relationship`} label={t('intake.household.relationship')} choices={Relationship.options.map((r) => ({ value: r, label: t(`relationship.${r}`) }))} />
      <PartialDateInput name={`${base}.birthDate`} label={t('intake.household.birthDate')} />
      <Select name={`${base}.whereabouts`} label={t('intake.household.whereabouts')} choices={Whereabouts.options.map((w) => ({ value: w, label: t(`whereabouts.${w}`) }))} />
      <TextInput name={`${base}.status`} label={t('intake.household.status')} hint={t('intake.household.statusHint')} dir="auto" maxLength={200} />
      <Controller
        control={control}
        name={`${base}.linkedCaseId`}
        render={({ field }) => (
          <CasePicker
            label={t('intake.household.linkedCase')}
            value={(field.value as string | null) ?? null}
            excludeId={caseId}
            onChange={(id) => field.onChange(id)}
            onOpen={onOpenCase}
          />
        )}
      />
      <TextArea name={`${base}.notes`} label={t('intake.household.notes')} rows={2} />
    </div>
  );
}
