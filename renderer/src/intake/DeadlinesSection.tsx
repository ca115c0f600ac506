// The case's deadlines: kind (the jurisdiction's list), due date, done.
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseRecord, Deadline, Jurisdiction } from '../../../preload/contract';
import { useSectionForm } from '../autosave/useSectionForm';
import { labelOf } from '../reference/useReference';
import { Checkbox, Select, TextInput } from './fields';
import { deadlinesSpec, newId, type DeadlineForm } from './forms';
import { EntryList } from './EntryList';
import { SectionCard } from './SectionCard';

interface Props {
  record: CaseRecord;
  jurisdiction: Jurisdiction | undefined;
  onSaved: (deadlines: Deadline[]) => void;
  onVaultLocked: () => void;
}

export function DeadlinesSection({ record, jurisdiction, onSaved, onVaultLocked }: Props) {
  const { t, i18n } = useTranslation();
  const editor = useSectionForm<{ items: DeadlineForm[] }>({
    caseId: record.id,
    section: 'deadlines',
    record,
    ...deadlinesSpec,
    onSaved: (value) => onSaved(value as Deadline[]),
    onVaultLocked,
  });
  const deadlines = useFieldArray({ control: editor.form.control, name: 'items', keyName: 'key' });
  const kinds = (jurisdiction?.deadlineKinds ?? []).map((kind) => ({ value: kind.id, label: labelOf(kind.labels, i18n.language) }));
  // A kind that is not (or no longer) in the list stays choosable, so nothing is lost.
  const choicesFor = (value: string) => (value && !kinds.some((k) => k.value === value) ? [...kinds, { value, label: value }] : kinds);

  return (
    <SectionCard id="section-deadlines" title={t('intake.deadlines.title')} editor={editor}>
      <EntryList
        entries={deadlines.fields}
        none={t('intake.deadlines.none')}
        legend={(index) => t('intake.deadlines.deadlineN', { n: index + 1 })}
        removeLabel={(index) => t('intake.deadlines.remove', { n: index + 1 })}
        addLabel={t('intake.deadlines.add')}
        renderEntry={(index) => (
          <div className="grid">
            <Select name={`items.${index}.kind`} label={t('intake.deadlines.kind')} choices={choicesFor(deadlines.fields[index]?.kind ?? '')} />
            <TextInput name={`items.${index}.dueOn`} label={t('intake.deadlines.dueOn')} type="date" dir="ltr" />
            <TextInput name={`items.${index}.note`} label={t('intake.deadlines.note')} dir="auto" maxLength={300} />
            <Checkbox name={`items.${index}.done`} label={t('intake.deadlines.done')} />
          </div>
        )}
        onRemove={(index) => {
          deadlines.remove(index);
          editor.changed();
        }}
        onAdd={() => {
          deadlines.append(
            { id: newId(), kind: kinds[0]?.value ?? '', dueOn: '', done: false, note: null },
            { shouldFocus: true, focusName: `items.${deadlines.fields.length}.kind` },
          );
          editor.changed();
        }}
      />
    </SectionCard>
  );
}
