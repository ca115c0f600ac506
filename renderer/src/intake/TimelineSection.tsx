// Dated events (partial dates allowed), each with where the fact comes from.
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FactSource, type CaseRecord, type TimelineEvent } from '../../../preload/contract';
import { useSectionForm } from '../autosave/useSectionForm';
import { PartialDateInput, Select, TextArea, TextInput } from './fields';
import { newId, timelineSpec, type EventForm } from './forms';
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
      {events.fields.length === 0 && <p className="muted">{t('intake.timeline.none')}</p>}
      <ol className="entries">
        {events.fields.map((field, index) => (
          <li key={field.key} className="entry">
            <fieldset className="entry__fields">
              <legend>{t('intake.timeline.eventN', { n: index + 1 })}</legend>
              <div className="grid">
                <PartialDateInput name={`items.${index}.date`} label={t('intake.timeline.date')} />
                <Select name={`items.${index}.source`} label={t('intake.timeline.source')} choices={FactSource.options.map((s) => ({ value: s, label: t(`factSource.${s}`) }))} />
                <TextInput name={`items.${index}.sourceDetail`} label={t('intake.timeline.sourceDetail')} hint={t('intake.timeline.sourceDetailHint')} dir="auto" maxLength={300} />
                <TextArea name={`items.${index}.description`} label={t('intake.timeline.description')} rows={2} />
              </div>
              <button
                type="button"
                className="button button--quiet entry__remove"
                onClick={() => {
                  events.remove(index);
                  editor.changed();
                }}
              >
                {t('intake.timeline.remove', { n: index + 1 })}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() => {
          events.append(
            { id: newId(), date: '', description: '', source: 'client_interview', sourceDetail: null },
            { shouldFocus: true, focusName: `items.${events.fields.length}.date` },
          );
          editor.changed();
        }}
      >
        {t('intake.timeline.add')}
      </button>
    </SectionCard>
  );
}
