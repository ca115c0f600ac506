// Dated events (partial dates allowed), each with where the fact comes from.
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FactSource, type CaseRecord, type TimelineEvent } from '../../../preload/contract';
import { useSectionForm } from '../autosave/useSectionForm';
import { PartialDateInput, Select, TextArea, TextInput } from './fields';
import { newId, timelineSpec, type EventForm } from './forms';
import { EntryList } from './EntryList';
import { SectionCard } from './SectionCard';

interface Props {
  record: CaseRecord;
  onSaved: (events: TimelineEvent[]) => void;
  onVaultLocked: () => void;
}

export function TimelineSection({ record, onSaved, onVaultLocked }: Props) {
  const { t } = useTranslation();
  const editor = useSectionForm<{ items: EventForm[] }>({
    caseId: record.id,
    section: 'timeline',
    record,
    ...timelineSpec,
    onSaved: (value) => onSaved(value as TimelineEvent[]),
    onVaultLocked,
  });
  const events = useFieldArray({ control: editor.form.control, name: 'items', keyName: 'key' });

  return (
    <SectionCard id="section-timeline" title={t('intake.timeline.title')} intro={t('intake.timeline.intro')} editor={editor}>
      <EntryList
        entries={events.fields}
        none={t('intake.timeline.none')}
        legend={(index) => t('intake.timeline.eventN', { n: index + 1 })}
        removeLabel={(index) => t('intake.timeline.remove', { n: index + 1 })}
        addLabel={t('intake.timeline.add')}
        renderEntry={(index) => (
          <div className="grid">
            <PartialDateInput name={`items.${index}.date`} label={t('intake.timeline.date')} />
            <Select name={`items.${index}.source`} label={t('intake.timeline.source')} choices={FactSource.options.map((s) => ({ value: s, label: t(`factSource.${s}`) }))} />
            <TextInput name={`items.${index}.sourceDetail`} label={t('intake.timeline.sourceDetail')} hint={t('intake.timeline.sourceDetailHint')} dir="auto" maxLength={300} />
            <TextArea name={`items.${index}.description`} label={t('intake.timeline.description')} rows={2} />
          </div>
        )}
        onRemove={(index) => {
          events.remove(index);
          editor.changed();
        }}
        onAdd={() => {
          events.append(
            { id: newId(), date: '', description: '', source: 'client_interview', sourceDetail: null },
            { shouldFocus: true, focusName: `items.${events.fields.length}.date` },
          );
          editor.changed();
        }}
      />
    </SectionCard>
  );
}
