// i18next for the renderer. Both catalogues are bundled (the app is offline and they are small),
// so initialisation is synchronous and nothing is fetched.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../preload/contract';
import da from './da.json';
import en from './en.json';

export const languages: readonly Language[] = ['da', 'en'];

/** The saved choice, else the browser's language if it is Danish, else English. */
export function initialLanguage(saved: Language | null, browserLanguage: string | undefined): Language {
  if (saved) return saved;
  return browserLanguage?.toLowerCase().startsWith('da') ? 'da' : 'en';
}

export { localeFor } from './locale';

export const i18n = i18next.createInstance();

export function initI18n(language: Language): typeof i18n {
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  void i18n.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...languages],
    resources: { da: { translation: da }, en: { translation: en } },
    // React escapes what it renders; escaping here too would show &amp; in names.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  document.documentElement.lang = language;
  return i18n;
}
