// Dansk / English. Each name is written in its own language (and marked so), as people look for
// their own language's name. The choice is saved in the core's preferences.
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../preload/contract';
import { languages } from '../i18n';

export function LanguageSwitch({ onChange }: { onChange: (language: Language) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="segmented" role="group" aria-label={t('header.language')}>
      {languages.map((language) => {
        const current = i18n.resolvedLanguage === language;
        return (
          <button
            key={language}
            type="button"
            lang={language}
            className="segmented__option"
            aria-pressed={current}
            onClick={() => {
              if (!current) onChange(language);
            }}
          >
            {t(`languages.${language}`)}
          </button>
        );
      })}
    </div>
  );
}
