// The client: names in both scripts, birth, nationality, special-category data (flagged), languages
// and interpreter, contact, CPR and the authorities' case numbers.
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseRecord, Jurisdiction } from '../../../preload/contract';
import { useSectionForm } from '../autosave/useSectionForm';
import { labelOf } from '../reference/useReference';
import { Checkbox, OriginalNameInput, PartialDateInput, Select, TextArea, TextInput } from './fields';
import { clientSpec, type ClientForm } from './forms';
import { SectionCard } from './SectionCard';

const SEXES = ['female', 'male', 'other', 'unknown'] as const;

interface Props {
  record: CaseRecord;
  jurisdiction: Jurisdiction | undefined;
  onClientName: (name: string) => void;
  onVaultLocked: () => void;
}

export function ClientSection({ record, jurisdiction, onClientName, onVaultLocked }: Props) {
  const { t, i18n } = useTranslation();
  const editor = useSectionForm<ClientForm>({
    caseId: record.id,
    section: 'client',
    record,
    ...clientSpec,
    onSaved: (value) => onClientName((value as { name: string }).name),
    onVaultLocked,
  });
  const { control } = editor.form;
  const languages = useFieldArray({ control, name: 'languages', keyName: 'key' });
  const numbers = useFieldArray({ control, name: 'authorityCaseNumbers', keyName: 'key' });
  const interpreter = useWatch({ control, name: 'interpreter.needed' });
  const authorities = (jurisdiction?.authorities ?? []).map((a) => ({ value: a.id, label: labelOf(a.labels, i18n.language) }));

  return (
    <SectionCard id="section-client" title={t('intake.client.title')} editor={editor}>
      <div className="grid">
        <TextInput name="name" label={t('intake.client.name')} hint={t('intake.client.nameHint')} dir="auto" maxLength={200} />
        <OriginalNameInput name="nameOriginal" label={t('intake.client.nameOriginal')} hint={t('intake.client.nameOriginalHint')} />
        <TextArea name="otherSpellingsText" label={t('intake.client.otherSpellings')} hint={t('intake.client.otherSpellingsHint')} rows={2} />
        <PartialDateInput name="birthDate" label={t('intake.client.birthDate')} />
        <Select name="sex" label={t('intake.client.sex')} empty={t('intake.notSet')} choices={SEXES.map((s) => ({ value: s, label: t(`sex.${s}`) }))} />
        <TextInput
          name="nationality"
          label={t('intake.client.nationality')}
          hint={t('intake.client.nationalityHint')}
          dir="ltr"
          maxLength={2}
          options={{ setValueAs: (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : v) }}
        />
        <Checkbox name="stateless" label={t('intake.client.stateless')} />
        <TextInput name="ethnicity" label={t('intake.client.ethnicity')} hint={t('intake.specialCategoryHint')} special maxLength={100} dir="auto" />
        <TextInput name="religion" label={t('intake.client.religion')} hint={t('intake.specialCategoryHint')} special maxLength={100} dir="auto" />
        <TextInput name="cpr" label={t('intake.client.cpr')} hint={t('intake.client.cprHint')} dir="ltr" maxLength={11} inputMode="numeric" />
      </div>

      <fieldset className="subsection">
        <legend>{t('intake.client.languages')}</legend>
        {languages.fields.map((field, index) => (
          <div className="row" key={field.key}>
            <TextInput name={`languages.${index}.language`} label={t('intake.client.language')} maxLength={80} />
            <TextInput name={`languages.${index}.dialect`} label={t('intake.client.dialect')} maxLength={80} />
            <button type="button" className="button button--quiet row__remove" onClick={() => {
                languages.remove(index);
                editor.changed();
              }}>
              {t('intake.remove')}
              <span className="visually-hidden"> {t('intake.client.languageN', { n: index + 1 })}</span>
            </button>
          </div>
        ))}
        <button type="button" className="button" onClick={() => {
            languages.append({ language: '', dialect: null });
            editor.changed();
          }}>
          {t('intake.client.addLanguage')}
        </button>
        <Checkbox name="interpreter.needed" label={t('intake.client.interpreterNeeded')} />
        {interpreter && (
          <div className="row">
            <TextInput name="interpreter.language" label={t('intake.client.interpreterLanguage')} maxLength={80} />
            <TextInput name="interpreter.dialect" label={t('intake.client.interpreterDialect')} maxLength={80} />
          </div>
        )}
      </fieldset>

      <fieldset className="subsection">
        <legend>{t('intake.client.contact')}</legend>
        <div className="grid">
          <TextInput name="contact.phone" label={t('intake.client.phone')} type="tel" dir="ltr" maxLength={40} />
          <TextInput name="contact.email" label={t('intake.client.email')} type="email" dir="ltr" maxLength={200} />
          <TextArea name="contact.address" label={t('intake.client.address')} rows={2} />
        </div>
      </fieldset>

      <fieldset className="subsection">
        <legend>{t('intake.client.caseNumbers')}</legend>
        {numbers.fields.map((field, index) => (
          <div className="row" key={field.key}>
            <Select name={`authorityCaseNumbers.${index}.authority`} label={t('intake.client.authority')} choices={authorities} />
            <TextInput name={`authorityCaseNumbers.${index}.number`} label={t('intake.client.caseNumber')} dir="ltr" maxLength={80} />
            <button type="button" className="button button--quiet row__remove" onClick={() => {
                numbers.remove(index);
                editor.changed();
              }}>
              {t('intake.remove')}
              <span className="visually-hidden"> {t('intake.client.caseNumberN', { n: index + 1 })}</span>
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button"
          onClick={() => {
            numbers.append({ authority: authorities[0]?.value ?? '', number: '' });
            editor.changed();
          }}
        >
          {t('intake.client.addCaseNumber')}
        </button>
      </fieldset>
    </SectionCard>
  );
}
