// What to make: the template (by its title in the UI's language), the language of the document
// (only those the template offers) and the format (Word, PDF, or one PDF bundle with the annexes).
import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DocumentFormat, type DocumentLanguage, type TemplateSummary } from '../../../preload/contract';
import { templateTitle } from './useTemplates';

export interface Choice {
  templateId: string;
  language: DocumentLanguage | '';
  format: DocumentFormat;
}

export function ChoiceForm({ templates, offered }: { templates: TemplateSummary[]; offered: readonly DocumentLanguage[] }) {
  const { t, i18n } = useTranslation();
  const { register } = useFormContext<Choice>();
  const id = useId();
  return (
    <div className="doc-choice">
      <div className="field">
        <label htmlFor={`${id}-template`}>{t('documents.choose.template')}</label>
        <select id={`${id}-template`} className="input select" {...register('templateId')}>
          {templates.map((template) => (
            <option key={template.id} value={template.id}>
              {templateTitle(template, i18n.language)}
              {template.origin === 'clinic' ? ` (${t('documents.templates.clinic')})` : ''}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="radios">
        <legend>{t('documents.choose.language')}</legend>
        {offered.map((language) => (
          <label key={language} className="radio">
            <input type="radio" value={language} {...register('language')} />
            {t(`languages.${language}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="radios">
        <legend>{t('documents.choose.format')}</legend>
        {DocumentFormat.options.map((format) => (
          <label key={format} className="radio">
            <input type="radio" value={format} {...register('format')} />
            {t(`documents.format.${format}`)}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
